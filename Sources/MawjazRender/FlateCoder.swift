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
    private var isInflaterReady = false, isDeflaterReady = false
    /// Where zlib writes, grown as needed and kept from one stream to the next.
    private var buffer: UnsafeMutablePointer<UInt8>?
    private var capacity = 0

    init() {
        inflater.initialize(to: z_stream())
        deflater.initialize(to: z_stream())
    }

    deinit {
        if isInflaterReady { inflateEnd(inflater) }
        if isDeflaterReady { deflateEnd(deflater) }
        inflater.deinitialize(count: 1)
        inflater.deallocate()
        deflater.deinitialize(count: 1)
        deflater.deallocate()
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

    /// `data` compressed at zlib's fastest level, byte for byte as `compress2(…, Z_BEST_SPEED)` writes it (the same
    /// level, window and memory level, all of it in one call). A page's content stream: the default level took twice
    /// the instructions to make `peers-brief` 2 KB smaller, of 109 KB.
    func deflated(_ data: UnsafeBufferPointer<UInt8>) throws(RenderError) -> [UInt8] {
        if isDeflaterReady {
            deflateReset(deflater)
        } else {
            guard deflateInit_(deflater, Z_BEST_SPEED, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw .amendment("zlib could not start compressing a content stream")
            }
            isDeflaterReady = true
        }
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

    /// Gives the buffer room for `count` bytes, keeping what it holds; false (the buffer as it was) when there is no
    /// memory for it.
    private func grow(to count: Int) -> Bool {
        guard let grown = realloc(buffer, count) else { return false }
        buffer = grown.assumingMemoryBound(to: UInt8.self)
        capacity = count
        return true
    }
}
