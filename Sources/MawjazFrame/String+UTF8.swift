// Scanning text's UTF-8 bytes through a buffer: a loop over `String.UTF8View` costs several times as many instructions
// a byte as one over the bytes in place.

extension String {
    /// `body` applied to the text's UTF-8 bytes, read in place when the string holds them contiguously (as every
    /// native Swift string does), else from a copy.
    @inlinable
    package func withUTF8Bytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }

    /// Whether the text's UTF-8 holds a byte for which `isWanted` is true.
    @inlinable
    package func containsUTF8(where isWanted: (UInt8) -> Bool) -> Bool {
        withUTF8Bytes { $0.contains(where: isWanted) }
    }
}
