// Reads an image file's format and pixel size from its header.

extension ImageBox {
    /// The format and size in pixels of PNG or JPEG bytes, or nil when they are neither.
    package static func inspect(_ bytes: [UInt8]) -> (Format, Size)? {
        if bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            let width = bigEndian(bytes, at: 16, count: 4), height = bigEndian(bytes, at: 20, count: 4)
            return width > 0 && height > 0 ? (.png, Size(width: Double(width), height: Double(height))) : nil
        }
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            let length = bigEndian(bytes, at: index + 2, count: 2)
            // Start-of-frame markers carry the size: C0–CF except C4 (tables), C8 (reserved) and CC (arithmetic).
            if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                let height = bigEndian(bytes, at: index + 5, count: 2), width = bigEndian(bytes, at: index + 7, count: 2)
                return width > 0 && height > 0 ? (.jpeg, Size(width: Double(width), height: Double(height))) : nil
            }
            index += 2 + length
        }
        return nil
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int, count: Int) -> Int {
        (0..<count).reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
    }
}
