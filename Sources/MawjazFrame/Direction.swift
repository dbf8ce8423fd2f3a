// Writing direction and logical alignment: the vocabulary every stage shares for right-to-left work.

/// The direction a paragraph, table or page reads in.
public enum Direction: String, Hashable, Sendable, Codable, CaseIterable {
    case rightToLeft = "rtl"
    case leftToRight = "ltr"

    /// Whether the start side is the right.
    public var isRightToLeft: Bool { self == .rightToLeft }
}

/// Alignment in logical terms, resolved to a side once the direction is known.
public enum Alignment: String, Hashable, Sendable, Codable, CaseIterable {
    case start, end, center, justify

    /// The physical side this alignment puts text on in `direction`.
    package func resolved(in direction: Direction) -> PhysicalAlignment {
        switch (self, direction) {
        case (.center, _): return .center
        case (.start, .rightToLeft), (.end, .leftToRight), (.justify, .rightToLeft): return .right
        case (.start, .leftToRight), (.end, .rightToLeft), (.justify, .leftToRight): return .left
        }
    }
}

/// Alignment on the page: what a logical alignment becomes once the direction is known.
package enum PhysicalAlignment: Hashable, Sendable { case left, right, center }

extension Direction {
    /// The direction `text` is laid out in inside a block that reads in `self` (a right-to-left table's cell, list item or
    /// paragraph): left to right when the block reads right to left and every strong character of the text is left to
    /// right — a cell `2.4 s` or `Main Branch` in an Arabic table, which set right to left would be drawn `s 2.4` — and
    /// `self` otherwise.
    ///
    /// Unicode's rule for a paragraph with no direction given (P2, P3; a browser's `dir=auto`) takes the first strong
    /// character's direction. Here a text that opens with a Latin word and goes on in Arabic (`info@example.org أو …`,
    /// `COVID-19 وتداعياته`) keeps the block's direction: in an Arabic report it is an Arabic sentence that opens with a
    /// term, and set left to right its words would stand in the wrong order. A text with no strong character (a number,
    /// a date) keeps the block's direction too. The two rules agree wherever the text holds one direction's letters only.
    ///
    /// A left-to-right block keeps its direction whatever its text: an Arabic cell of an English table set right to left
    /// looked no different and cost pdf.js tokens.
    package func ownDirection(of text: String) -> Direction {
        guard isRightToLeft else { return self }
        var other = false
        for scalar in text.unicodeScalars {
            switch Self.strongDirection(of: scalar) {
            case self?: return self
            case nil: continue
            default: other = true
            }
        }
        return other ? .leftToRight : self
    }

    /// The direction of a strong character (Unicode's bidi classes L, and R or AL), nil for any other: letters of the
    /// Hebrew, Arabic, Syriac, Thaana, N'Ko and Samaritan blocks and their presentation forms, with the Arabic semicolon,
    /// question mark and full stop, are right to left; other letters left to right; digits, marks, punctuation, symbols
    /// and spaces are neither. (An approximation of the bidi classes, which Swift's Unicode properties do not give.)
    package static func strongDirection(of scalar: Unicode.Scalar) -> Direction? {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: return .leftToRight
        case ..<0x80: return nil
        // The Arabic letters (and the tatweel, a modifier letter), most of an Arabic text, without the Unicode tables.
        case 0x0621...0x064A, 0x061B, 0x061F, 0x06D4: return .rightToLeft
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF:
            return isLetter(scalar) ? .rightToLeft : nil
        default:
            return isLetter(scalar) ? .leftToRight : nil
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }
}

extension Alignment {
    /// The alignment that puts text on the same side in the other direction: start and end swapped, a justified text
    /// (on the start side) on the end side, centred text centred.
    package var mirrored: Alignment {
        switch self {
        case .start, .justify: .end
        case .end: .start
        case .center: .center
        }
    }
}
