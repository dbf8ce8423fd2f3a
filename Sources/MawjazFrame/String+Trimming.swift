// Trimming white space from the ends of text in Swift alone, without Foundation's round trip through NSString.

extension String {
    /// The text without the scalars Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` removes from its
    /// ends: spaces, tabs and line and paragraph breaks.
    package func trimmingWhitespace() -> String {
        trimming { Unicode.Scalar.isFoundationSpace($0.value) || Unicode.Scalar.isFoundationNewline($0.value) }
    }

    /// The text without the scalars Foundation's `trimmingCharacters(in: .whitespaces)` removes from its ends: spaces
    /// and tabs; line breaks stay.
    package func trimmingSpaces() -> String {
        trimming { Unicode.Scalar.isFoundationSpace($0.value) }
    }

    private func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(self[first...last])
    }
}

extension Unicode.Scalar {
    /// Foundation's `.whitespaces`: the tab, the space separators (general category Zs) and U+200B.
    static func isFoundationSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// What Foundation's `.whitespacesAndNewlines` adds to its `.whitespaces`: U+000A to U+000D, U+0085, U+2028, U+2029.
    static func isFoundationNewline(_ value: UInt32) -> Bool {
        (0x0A...0x0D).contains(value) || value == 0x85 || value == 0x2028 || value == 0x2029
    }
}
