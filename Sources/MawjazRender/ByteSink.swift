// Where cairo writes a PDF, PNG or SVG in memory: a growing byte array behind cairo's write callback.
internal import CPangoCairo

/// Collects the bytes cairo writes to a stream surface or a PNG stream.
final class ByteSink {
    private(set) var bytes: [UInt8] = []

    /// The callback cairo calls with each piece of output; `closure` is the sink.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }

    /// The pointer cairo passes back to `write`; valid while the sink lives.
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
