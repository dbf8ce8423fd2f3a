// Where cairo writes a PDF, PNG or SVG in memory: bytes of the sink's own, grown in place, handed over as `Data`
// without a copy.
internal import CPangoCairo
import Foundation

/// Collects the bytes cairo writes to a stream surface or a PNG stream, and the PDF update written after them.
///
/// The bytes live in memory the sink allocates itself (`malloc`) and grows with `realloc`: a block that large is
/// mapped on its own, and grows by remapping its pages, so the file is never copied and never held twice while it
/// grows; its room never written never becomes resident. `takeData()` hands the block to a `Data` that frees it.
final class ByteSink {
    private var start: UnsafeMutablePointer<UInt8>?
    /// How many bytes were written.
    private(set) var count = 0
    private var capacity = 0
    /// The room first allocated: a page's PNG or SVG, or a PDF's first pages.
    private static let firstCapacity = 16 << 10

    init() {}

    deinit { free(start) }

    /// The bytes written so far, read in place: valid while `body` runs, and only then.
    func withBytes<Result, Failure: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result) throws(Failure) -> Result {
        try body(UnsafeBufferPointer(start: start, count: count))
    }

    /// The last byte written, if any.
    var last: UInt8? { count > 0 ? start?[count - 1] : nil }

    /// The bytes written so far, handed over without a copy: the data frees them, and the sink is empty after.
    func takeData() -> Data {
        guard let start, count > 0 else { return Data() }
        let data = Data(bytesNoCopy: start, count: count, deallocator: .free)
        self.start = nil
        count = 0
        capacity = 0
        return data
    }

    /// The callback cairo calls with each piece of output; `closure` is the sink.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        return sink.append(UnsafeRawBufferPointer(start: data, count: Int(length))) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_NO_MEMORY
    }

    /// The pointer cairo passes back to `write`; valid while the sink lives.
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// Appends `piece`; false (nothing appended) when there is no memory for it. Without room for it, the sink gets
    /// room for twice what it then holds: cairo writes a PDF a few dozen bytes at a time, and a large piece (such as a
    /// font) would otherwise leave none.
    @discardableResult
    func append(_ piece: UnsafeRawBufferPointer) -> Bool {
        guard let source = piece.baseAddress, !piece.isEmpty else { return true }
        if capacity - count < piece.count {
            let wanted = max(Self.firstCapacity, 2 * (count + piece.count))
            guard let grown = realloc(start, wanted) else { return false }
            start = grown.assumingMemoryBound(to: UInt8.self)
            capacity = wanted
        }
        guard let start else { return false }
        UnsafeMutableRawPointer(start + count).copyMemory(from: source, byteCount: piece.count)
        count += piece.count
        return true
    }

    /// Appends `bytes`; false (nothing appended) when there is no memory for them.
    @discardableResult
    func append(_ bytes: some Sequence<UInt8>) -> Bool {
        if let done = bytes.withContiguousStorageIfAvailable({ append(UnsafeRawBufferPointer($0)) }) { return done }
        return append(Array(bytes))
    }
}
