// The digits numbers are written in, and the symbols that go with them: separators, percent and minus signs.

/// The digits every number Mawjaz formats is written in.
public enum NumeralSystem: String, Hashable, Sendable, Codable, CaseIterable {
    case arabicIndic = "arabic-indic"
    case latin
}

extension NumeralSystem {
    /// The digit 0, from which the other nine follow in order.
    public var zero: Unicode.Scalar {
        switch self {
        case .arabicIndic: return "\u{0660}"
        case .latin: return "0"
        }
    }

    /// The mark between the whole and the fractional part: ٫ (U+066B) or ".".
    public var decimalSeparator: Unicode.Scalar {
        switch self {
        case .arabicIndic: return "\u{066B}"
        case .latin: return "."
        }
    }

    /// The mark between groups of three digits: ٬ (U+066C) or ",".
    public var groupingSeparator: Unicode.Scalar {
        switch self {
        case .arabicIndic: return "\u{066C}"
        case .latin: return ","
        }
    }

    /// The percent sign, written after the number in logical order: ٪ (U+066A) or "%".
    public var percentSign: Unicode.Scalar {
        switch self {
        case .arabicIndic: return "\u{066A}"
        case .latin: return "%"
        }
    }

    /// The sign before a negative number: U+002D HYPHEN-MINUS under both systems.
    ///
    /// In logical order the sign leads the digits; in a right-to-left paragraph the bidi algorithm
    /// shows it to the right of Arabic-Indic digits, where Arabic reads it first. No invisible
    /// direction marks are added, so printed text stays searchable and copyable.
    public var minusSign: Unicode.Scalar { "-" }

    /// The digit for the last decimal place of `value` (the digit itself for 0...9).
    package func digit(_ value: UInt64) -> Unicode.Scalar {
        Unicode.Scalar(zero.value + UInt32(value % 10)) ?? zero
    }

    /// A number written with Latin digits and a full stop ("-12.5") in these digits and decimal separator.
    public func digits(_ latin: String) -> String {
        guard self != .latin else { return latin }
        var scalars = String.UnicodeScalarView()
        for scalar in latin.unicodeScalars {
            switch scalar {
            case "0"..."9": scalars.append(digit(UInt64(scalar.value - 0x30)))
            case ".": scalars.append(decimalSeparator)
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
