// zlib's inflater and libdeflate's compressor for the streams the PDF amendment reads and writes again, and zlib's
// deflater for the streams it keeps as cairo would have compressed them: each set up once for a document (reset for
// every stream after, where zlib's), their output written into one buffer that is kept. And cairo's deflaters made to
// store, while it writes a PDF, so that its font programs and images are compressed once, by libdeflate.
internal import CPangoCairo
import Foundation
import Synchronization

/// Inflates and deflates /FlateDecode streams with one state each, set up when first needed and used again for every
/// stream after: the number spans inflate and deflate every page's content stream that holds one, and a zlib deflater
/// set up anew for each allocated and cleared some 270 KB every time. A document borrows a coder an earlier one left
/// (`borrowing`), so that its states and buffer are set up once a process; a coder is used by one document at a time.
final class FlateCoder: @unchecked Sendable {
    private let inflater = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    /// libdeflate's compressor at `level`, made when first needed.
    private var compressor: OpaquePointer?
    /// At zlib's default level, as cairo compresses.
    private let cairoDeflater = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var isInflaterReady = false, isCairoDeflaterReady = false
    /// Where zlib and libdeflate write, grown as needed and kept from one stream to the next.
    private var buffer: UnsafeMutablePointer<UInt8>?
    private var capacity = 0

    /// The coders documents gave back, for the next ones; at most `keptLimit`.
    private static let kept = Mutex<[FlateCoder]>([])
    private static let keptLimit = max(2, Renderer.processors)

    /// Calls `body` with a coder an earlier document gave back (or a new one), which it then keeps for the next. Made
    /// for each document, a coder's zlib deflater was set up again (some 0.4 M instructions, and fresh pages of memory)
    /// and its buffer grown again. Every use of a coder sets its state up for the stream (a reset), so one given back
    /// after an error serves as well.
    static func borrowing<Result>(_ body: (FlateCoder) throws(RenderError) -> Result) throws(RenderError) -> Result {
        let coder = kept.withLock { $0.popLast() } ?? FlateCoder()
        defer { kept.withLock { if $0.count < keptLimit { $0.append(coder) } } }
        return try body(coder)
    }

    init() {
        inflater.initialize(to: z_stream())
        cairoDeflater.initialize(to: z_stream())
    }

    deinit {
        if isInflaterReady { inflateEnd(inflater) }
        if let compressor { libdeflate_free_compressor(compressor) }
        if isCairoDeflaterReady { deflateEnd(cairoDeflater) }
        inflater.deinitialize(count: 1)
        inflater.deallocate()
        cairoDeflater.deinitialize(count: 1)
        cairoDeflater.deallocate()
        free(buffer)
    }

    /// `data` inflated; `what` names the stream in an error.
    func inflated(_ data: UnsafeBufferPointer<UInt8>, what: @autoclosure () -> String) throws(RenderError) -> [UInt8] {
        if isInflaterReady {
            inflateReset(inflater)
        } else {
            guard inflateInit_(inflater, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw .amendment("zlib could not start inflating \(what())")
            }
            isInflaterReady = true
        }
        inflater.pointee.next_in = UnsafeMutablePointer(mutating: data.baseAddress)  // zlib only reads it
        inflater.pointee.avail_in = uInt(data.count)
        var produced = 0, status = Z_OK
        repeat {
            guard produced < capacity || grow(to: max(1 << 16, 2 * capacity)), let buffer else {
                throw .amendment("no memory to inflate \(what())")
            }
            inflater.pointee.next_out = buffer + produced
            inflater.pointee.avail_out = uInt(capacity - produced)
            status = inflate(inflater, Z_NO_FLUSH)
            produced = capacity - Int(inflater.pointee.avail_out)
        } while status == Z_OK
        inflater.pointee.next_in = nil
        guard status == Z_STREAM_END else { throw .amendment("\(what()) does not inflate (zlib status \(status))") }
        return Array(UnsafeBufferPointer(start: buffer, count: produced))
    }

    /// `data` in a zlib wrapper, compressed by libdeflate at `level` in one call: a rewritten page's content stream or
    /// /ToUnicode map. Measured per document on the streams the amendment rewrites (README, "Speed beside the C
    /// floor"): libdeflate's level 1 takes 61 % of the instructions of zlib's level 3, which wrote them before, and
    /// 28 % of its time, for 3.5 % more compressed bytes (the files 0.6 % and 1.2 % larger); from its level 2 up it
    /// costs zlib's level 3 or more.
    func deflated(_ data: UnsafeBufferPointer<UInt8>) throws(RenderError) -> [UInt8] {
        if compressor == nil {
            guard let made = libdeflate_alloc_compressor(Self.level) else {
                throw .amendment("libdeflate could not start compressing a content stream")
            }
            compressor = made
        }
        let bound = libdeflate_zlib_compress_bound(compressor, data.count)
        guard bound <= capacity || grow(to: bound), let buffer else { throw .amendment("no memory to compress a content stream") }
        let count = libdeflate_zlib_compress(compressor, data.baseAddress, data.count, buffer, capacity)
        guard count > 0 else { throw .amendment("libdeflate could not compress a content stream") }
        return Array(UnsafeBufferPointer(start: buffer, count: count))
    }

    /// `data` compressed byte for byte as cairo 1.16 compresses a stream (`cairo-deflate-stream.c`): zlib's default
    /// level, fed 16,384 bytes at a time without flushing as cairo's buffer fills, the rest with `Z_FINISH`.
    func deflatedAsCairo(_ data: UnsafeBufferPointer<UInt8>) throws(RenderError) -> [UInt8] {
        try start(cairoDeflater, level: Z_DEFAULT_COMPRESSION, ready: &isCairoDeflaterReady)
        let bound = Int(deflateBound(cairoDeflater, uLong(data.count)))
        guard bound <= capacity || grow(to: bound), let buffer else { throw .amendment("no memory to compress a stream") }
        let chunk = 16_384
        var fed = 0, status = Z_OK
        cairoDeflater.pointee.next_out = buffer
        cairoDeflater.pointee.avail_out = uInt(capacity)
        repeat {
            let finishing = data.count - fed < chunk
            let count = finishing ? data.count - fed : chunk
            cairoDeflater.pointee.next_in = UnsafeMutablePointer(mutating: data.baseAddress.map { $0 + fed })
            cairoDeflater.pointee.avail_in = uInt(count)
            fed += count
            status = deflate(cairoDeflater, finishing ? Z_FINISH : Z_NO_FLUSH)
            guard cairoDeflater.pointee.avail_in == 0, status == (finishing ? Z_STREAM_END : Z_OK) else {
                throw .amendment("zlib could not compress a stream (status \(status))")
            }
        } while status != Z_STREAM_END
        cairoDeflater.pointee.next_in = nil
        return Array(UnsafeBufferPointer(start: buffer, count: capacity - Int(cairoDeflater.pointee.avail_out)))
    }

    /// Sets `stream` up to compress at `level` the first time, resets it after.
    private func start(_ stream: UnsafeMutablePointer<z_stream>, level: Int32, ready: inout Bool) throws(RenderError) {
        if ready {
            deflateReset(stream)
        } else {
            // What zlib's `deflateInit_` does (memory level 8, its default), called directly: `deflateInit_` is this
            // program's own (below), which passes through to zlib but stores while cairo writes a PDF.
            guard deflateInit2_(stream, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                                Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw .amendment("zlib could not start compressing a stream")
            }
            ready = true
        }
    }

    /// The libdeflate level `deflated` compresses at.
    static let level: Int32 = 1

    /// Gives the buffer room for `count` bytes, keeping what it holds; false (the buffer as it was) when there is no
    /// memory for it.
    private func grow(to count: Int) -> Bool {
        guard let grown = realloc(buffer, count) else { return false }
        buffer = grown.assumingMemoryBound(to: UInt8.self)
        capacity = count
        return true
    }
}

extension FlateCoder {
    /// Calls `body` with the zlib deflaters cairo sets up on this thread storing what they are given (zlib's level 0)
    /// instead of compressing it at zlib's default level: `PDFFile.write` then compresses the font programs and images
    /// cairo stored with libdeflate at `level`, and the other streams as cairo would have (`deflatedAsCairo`), so that
    /// the file is the same whether cairo was asked to leave its content uncompressed or not. cairo 1.16 compresses a
    /// font program or an image whatever it is asked, at zlib's default level, with no setting for it: 9.2 M instructions
    /// of a 3-page document went to compressing its six font subsets (68 KB), where storing them and compressing them
    /// again with libdeflate costs some 2 M (README, "Speed beside the C floor"). Only for a file the amendment writes
    /// again (`condition`; `body` is called as it is otherwise).
    static func storingCairoStreams<Result>(when condition: Bool = true, _ body: () throws(RenderError) -> Result)
        throws(RenderError) -> Result {
        guard condition else { return try body() }
        let was = pthread_getspecific(cairoStoresKey)
        pthread_setspecific(cairoStoresKey, UnsafeRawPointer(bitPattern: 1))
        defer { pthread_setspecific(cairoStoresKey, was) }
        return try body()
    }
}

/// Whether the zlib deflaters set up on a thread store (`FlateCoder.storingCairoStreams`): a thread's own value, so that
/// other threads' documents and any other user of zlib in the process are untouched; non-nil while storing.
private let cairoStoresKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
}()

/// zlib's `deflateInit_`, which cairo calls to compress a stream (`deflateInit` is a macro for it), taken by this
/// program: libcairo's reference binds to the program's own definition, which the linker exports because a shared
/// library on its command line refers to it. It passes through to zlib (`deflateInit2_` with `deflateInit_`'s own
/// defaults) at the level asked for, except on a thread inside `FlateCoder.storingCairoStreams`, where it stores.
@_cdecl("deflateInit_")
public func mawjazDeflateInit(_ stream: UnsafeMutableRawPointer?, _ level: Int32, _ version: UnsafePointer<CChar>?,
                              _ size: Int32) -> Int32 {
    let stores = pthread_getspecific(cairoStoresKey) != nil
    return deflateInit2_(stream?.assumingMemoryBound(to: z_stream.self), stores ? Z_NO_COMPRESSION : level, Z_DEFLATED, MAX_WBITS,
                         8, Z_DEFAULT_STRATEGY, version, size)
}
