// Rewriting the digits inside running text, so numbers typed in the data follow the document's numeral policy.
import MawjazData
import MawjazLanguage

extension Numerals {
    /// `text` with its numbers written in this system; everything that is not part of a number stays as it is.
    ///
    /// - Every digit (ASCII 0–9, Arabic-Indic U+0660–0669, Extended Arabic-Indic U+06F0–06F9) becomes
    ///   this system's digit of the same value.
    /// - A decimal or group separator of the other system between two digits becomes this system's
    ///   ("1.5" → "١٫٥", "1,250" → "١٬٢٥٠", and back under Latin).
    /// - The other system's percent sign directly after a digit becomes this system's ("45%" → "٤٥٪").
    /// - Other characters are kept: "2024-2025" keeps its hyphen, "12:30" its colon.
    /// - Under Arabic-Indic, a word (a run without white space) holding a Latin letter is left whole, so
    ///   codes, names and addresses such as "COVID-19", "G20" or "https://example.org/2024" keep their digits.
    public func convertDigits(in text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let keptWords = system == .arabicIndic ? Self.latinWordMask(scalars) : []
        let other: NumeralSystem = system == .arabicIndic ? .latin : .arabicIndic
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if !keptWords.isEmpty && keptWords[index] {
                result.append(scalar)
                continue
            }
            let previousIsDigit = index > 0 && Self.digitValue(scalars[index - 1]) != nil
            let nextIsDigit = index + 1 < scalars.count && Self.digitValue(scalars[index + 1]) != nil
            if let value = Self.digitValue(scalar) {
                result.append(system.digit(UInt64(value)))
            } else if scalar == other.decimalSeparator && previousIsDigit && nextIsDigit {
                result.append(system.decimalSeparator)
            } else if scalar == other.groupingSeparator && previousIsDigit && nextIsDigit {
                result.append(system.groupingSeparator)
            } else if scalar == other.percentSign && previousIsDigit {
                result.append(system.percentSign)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The value of a digit in any of the three digit sets, or nil for anything else.
    private static func digitValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x0660...0x0669: return scalar.value - 0x0660
        case 0x06F0...0x06F9: return scalar.value - 0x06F0
        default: return nil
        }
    }

    /// For each scalar, whether it belongs to a white-space-delimited word that holds a Latin letter.
    private static func latinWordMask(_ scalars: [Unicode.Scalar]) -> [Bool] {
        var mask = Array(repeating: false, count: scalars.count)
        var wordStart = 0
        var wordIsLatin = false
        for index in 0...scalars.count {
            if index == scalars.count || scalars[index].properties.isWhitespace {
                if wordIsLatin {
                    for position in wordStart..<index { mask[position] = true }
                }
                wordStart = index + 1
                wordIsLatin = false
            } else if isLatinLetter(scalars[index]) {
                wordIsLatin = true
            }
        }
        return mask
    }

    /// Whether `scalar` is a letter of the Latin script (basic, Latin-1, Extended-A/B or Extended Additional).
    private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x00C0...0x024F, 0x1E00...0x1EFF:
            return scalar.properties.isAlphabetic
        default:
            return false
        }
    }
}
