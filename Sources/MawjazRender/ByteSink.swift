// Where cairo writes a PDF, PNG or SVG in memory: bytes of the sink's own, grown in place, handed over as `Data`
// without a copy.
internal import CPangoCairo
import Foundation

/// Collects the bytes cairo writes to a stream surface or a PNG stream, or the PDF amendment writes.
///
/// The bytes live in memory the sink allocates itself (`malloc`) and grows with `realloc`: a block that large is
/// mapped on its own, and grows by remapping its pages, so the file is never copied and never held twice while it
/// grows; its room never written never becomes resident. `takeData()` hands the block to a `Data` that frees it.
final class ByteSink {
    /// The bytes, in a block cairo's write function (`mawjaz_byte_block_write`, in C) appends to.
    private let block = UnsafeMutablePointer<mawjaz_byte_block>.allocate(capacity: 1)
    /// How many bytes were written.
    var count: Int { block.pointee.count }

    init() { block.initialize(to: mawjaz_byte_block(start: nil, count: 0, capacity: 0)) }

    deinit {
        free(block.pointee.start)
        block.deallocate()
    }

    /// The bytes written so far, read in place: valid while `body` runs, and only then.
    func withBytes<Result, Failure: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result) throws(Failure) -> Result {
        try body(UnsafeBufferPointer(start: block.pointee.start, count: count))
    }

    /// The last byte written, if any.
    var last: UInt8? { count > 0 ? block.pointee.start?[count - 1] : nil }

    /// The bytes written so far, handed over without a copy: the data frees them, and the sink is empty after.
    func takeData() -> Data {
        guard let start = block.pointee.start, count > 0 else { return Data() }
        let data = Data(bytesNoCopy: start, count: count, deallocator: .free)
        block.pointee = mawjaz_byte_block(start: nil, count: 0, capacity: 0)
        return data
    }

    /// Takes the bytes of `other` in place of its own (freed), without a copy; `other` is empty after.
    func take(_ other: ByteSink) {
        free(block.pointee.start)
        block.pointee = other.block.pointee
        other.block.pointee = mawjaz_byte_block(start: nil, count: 0, capacity: 0)
    }

    /// The function cairo calls with each piece of output, given `closure`.
    static let write: cairo_write_func_t = mawjaz_byte_block_write

    /// The pointer cairo passes back to `write`; valid while the sink lives.
    var closure: UnsafeMutableRawPointer { UnsafeMutableRawPointer(block) }

    /// Appends `piece`; false (nothing appended) when there is no memory for it.
    @discardableResult
    func append(_ piece: UnsafeRawBufferPointer) -> Bool {
        guard let source = piece.baseAddress, !piece.isEmpty else { return true }
        return mawjaz_byte_block_append(block, source.assumingMemoryBound(to: UInt8.self), piece.count) != 0
    }

    /// Appends `bytes`; false (nothing appended) when there is no memory for them.
    @discardableResult
    func append(_ bytes: some Sequence<UInt8>) -> Bool {
        if let done = bytes.withContiguousStorageIfAvailable({ append(UnsafeRawBufferPointer($0)) }) { return done }
        return append(Array(bytes))
    }
}
