// Where cairo writes a PDF, PNG or SVG in memory: a growing byte array behind cairo's write callback.
internal import CPangoCairo

/// Collects the bytes cairo writes to a stream surface or a PNG stream.
final class ByteSink {
    /// How many bytes are gathered before they join the array: cairo writes a PDF a few dozen bytes at a time, and
    /// appending each piece to a Swift array costs several times copying it.
    private static let pendingCapacity = 4096
    private var stored: [UInt8] = []
    private let pending = UnsafeMutablePointer<UInt8>.allocate(capacity: ByteSink.pendingCapacity)
    private var pendingCount = 0

    deinit { pending.deallocate() }

    /// Everything written so far.
    var bytes: [UInt8] {
        flush()
        return stored
    }

    /// The bytes written so far, handed over: the sink keeps none, so that the caller holds the only reference and can
    /// append to them in place.
    func takeBytes() -> [UInt8] {
        flush()
        var taken: [UInt8] = []
        swap(&taken, &stored)
        return taken
    }

    /// The callback cairo calls with each piece of output; `closure` is the sink.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().append(data, count: Int(length))
        return CAIRO_STATUS_SUCCESS
    }

    /// The pointer cairo passes back to `write`; valid while the sink lives.
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    private func append(_ data: UnsafePointer<UInt8>, count: Int) {
        if pendingCount + count > Self.pendingCapacity { flush() }
        guard count < Self.pendingCapacity else {
            store(UnsafeBufferPointer(start: data, count: count))
            return
        }
        (pending + pendingCount).initialize(from: data, count: count)
        pendingCount += count
    }

    private func flush() {
        guard pendingCount > 0 else { return }
        store(UnsafeBufferPointer(start: pending, count: pendingCount))
        pendingCount = 0
    }

    /// Appends `piece`; when the array has no room for it, it gets room for twice what it then holds (a large piece,
    /// such as a font, would otherwise leave none): the PDF update is then written into that room rather than into a
    /// copy of the file (pages of that room never written need not become resident).
    private func store(_ piece: UnsafeBufferPointer<UInt8>) {
        if stored.capacity - stored.count < piece.count {
            stored.reserveCapacity(2 * (stored.count + piece.count))
        }
        stored.append(contentsOf: piece)
    }
}
