// The scalars of a native string's UTF-8, decoded in place.

/// The scalars of a native string's UTF-8 `bytes`, decoded in place, for a loop that compares, appends or writes them one
/// by one (poppler's reading of a line, what `NumberSpanLog` notes poppler reads, a PDF text string's UTF-16): through
/// `String.UnicodeScalarView` an array appended to was checked for uniqueness at every scalar, and a structure element's
/// text cost some 3,000 instructions more.
struct UTF8Scalars: Sequence, IteratorProtocol {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The next scalar, nil after the last. Inlined into the loops over it (called, it cost some 5 instructions a scalar
    /// more: a structure element's text is read with it).
    @inline(__always)
    mutating func next() -> Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        let byte = bytes[index]
        if byte < 0x80 {
            index += 1
            return Unicode.Scalar(byte)
        }
        // Two bytes (Arabic, among others) decoded without the loop below, which cost some 20 instructions a scalar.
        if byte < 0xE0, index + 1 < bytes.count {
            let value = (UInt32(byte) & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            index += 2
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        var value = UInt32(byte) & (byte >= 0xF0 ? 0x07 : byte >= 0xE0 ? 0x0F : 0x1F)
        for offset in 1..<length where index + offset < bytes.count { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        index += length
        // A string's UTF-8 is valid: every sequence is a scalar.
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
