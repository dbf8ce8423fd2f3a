// zlib's inflater and deflater for the streams the PDF amendment reads and writes again: each set up once for a
// document and reset for every stream, their output written into one buffer that is kept.
internal import CPangoCairo
import Foundation

/// Inflates and deflates /FlateDecode streams with one zlib state each, set up when first needed and reset for every
/// stream after: the number spans inflate and deflate every page's content stream that holds one, and a deflater set
/// up anew for each allocated and cleared some 270 KB every time.
final class FlateCoder {
    private let inflater = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let deflater = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    /// At zlib's default level, as cairo compresses.
    private let cairoDeflater = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var isInflaterReady = false, isDeflaterReady = false, isCairoDeflaterReady = false
    /// Where zlib writes, grown as needed and kept from one stream to the next.
    private var buffer: UnsafeMutablePointer<UInt8>?
    private var capacity = 0

    init() {
        inflater.initialize(to: z_stream())
        deflater.initialize(to: z_stream())
        cairoDeflater.initialize(to: z_stream())
    }

    deinit {
        if isInflaterReady { inflateEnd(inflater) }
        if isDeflaterReady { deflateEnd(deflater) }
        if isCairoDeflaterReady { deflateEnd(cairoDeflater) }
        inflater.deinitialize(count: 1)
        inflater.deallocate()
        deflater.deinitialize(count: 1)
        deflater.deallocate()
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

    /// `data` compressed at zlib's level 3, byte for byte as `compress2(…, 3)` writes it (the same level, window and
    /// memory level, all of it in one call): a rewritten page's content stream or /ToUnicode map. Level 3 is the
    /// highest of zlib's fast path (level 4 and above match lazily): measured per document against level 1, 0.2 % more
    /// instructions (+0.16 M on 3 pages, +1.17 M on 21) for a file 2.6 % and 4.7 % smaller (`peers-brief` 101.3 → 98.7
    /// KB, `peers-brief-long` 385.6 → 367.4 KB); level 4 cost 2.7 and 19.2 M more for 0.9 and 5.8 KB, level 6 5.7 M more
    /// on 3 pages for 2.9 KB (README, "Speed beside the C floor").
    func deflated(_ data: UnsafeBufferPointer<UInt8>) throws(RenderError) -> [UInt8] {
        try start(deflater, level: Self.level, ready: &isDeflaterReady)
        let bound = Int(deflateBound(deflater, uLong(data.count)))
        guard bound <= capacity || grow(to: bound), let buffer else { throw .amendment("no memory to compress a content stream") }
        deflater.pointee.next_in = UnsafeMutablePointer(mutating: data.baseAddress)
        deflater.pointee.avail_in = uInt(data.count)
        deflater.pointee.next_out = buffer
        deflater.pointee.avail_out = uInt(capacity)
        let status = deflate(deflater, Z_FINISH)
        deflater.pointee.next_in = nil
        guard status == Z_STREAM_END else { throw .amendment("zlib could not compress a content stream (status \(status))") }
        return Array(UnsafeBufferPointer(start: buffer, count: capacity - Int(deflater.pointee.avail_out)))
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
            guard deflateInit_(stream, level, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw .amendment("zlib could not start compressing a stream")
            }
            ready = true
        }
    }

    /// The level `deflated` compresses at.
    static let level: Int32 = 3

    /// Gives the buffer room for `count` bytes, keeping what it holds; false (the buffer as it was) when there is no
    /// memory for it.
    private func grow(to count: Int) -> Bool {
        guard let grown = realloc(buffer, count) else { return false }
        buffer = grown.assumingMemoryBound(to: UInt8.self)
        capacity = count
        return true
    }
}
