// Rewriting the digits inside running text, so numbers typed in the data follow the document's numeral policy, while
// technical tokens (codes, versions, addresses, phone numbers, numbers inside Latin text) keep the digits they were typed in.
import MawjazData
import MawjazFrame
import MawjazLanguage

extension Numerals {
    /// `text` with its numbers written in this system; everything that is not part of a number stays as it is.
    ///
    /// - Every digit (ASCII 0–9, Arabic-Indic U+0660–0669, Extended Arabic-Indic U+06F0–06F9) becomes
    ///   this system's digit of the same value.
    /// - A decimal or group separator of the other system between two digits becomes this system's
    ///   ("1.5" → "١٫٥", "1,250" → "١٬٢٥٠", and back under Latin). Latin digits written with a decimal comma take the
    ///   Arabic separators by their meaning ("1.250,50" → "١٬٢٥٠٫٥٠", not "١٫٢٥٠٬٥٠": see `decimalCommaSeparators`).
    /// - The other system's percent sign directly after a digit becomes this system's ("45%" → "٤٥٪").
    /// - An integer of five or more digits is grouped ("1250000" → "١٬٢٥٠٬٠٠٠"); years and other four-digit numbers,
    ///   numbers already grouped, a number with a leading zero, the digits of a phone number and the digits of an
    ///   identifier (`ISBN 978-3-16-148410-0`, `#123456`, `Tel. 2345678`: see `isIdentifier`) are not.
    /// - Other characters are kept: "2024-2025" keeps its hyphen, "12:30" its colon.
    /// - Technical tokens are left as typed (see `technicalMask`): a word holding a Latin letter (`COVID-19`, `Q3`,
    ///   `https://example.org/2024`), an e-mail address, a dotted address or version (`192.168.1.1`, `1.2.3`), a phone
    ///   number written with its `+` and groups (`+998 71 123 45 67`), a hashtag (`#رؤية_2030`: a word opening with `#`
    ///   that holds a letter; its digits are part of the tag), and, written in Arabic-Indic digits, a number inside Latin
    ///   text (`Python 3.12`, `between 2012 and 2024`); in Latin digits such a number follows the system
    ///   (`Delivery reached ٨٧٫٥٪` → `Delivery reached 87.5%`).
    package func convertDigits(in text: String) -> String {
        let other: NumeralSystem = system == .arabicIndic ? .latin : .arabicIndic
        // Only digits and what touches them change: a text none of whose numbers would change is kept as it is.
        guard !keepsDigits(of: text, other: other) else { return text }
        let scalars = Array(text.unicodeScalars)
        let kept = Self.technicalMask(scalars, keepingNumbersInLatinText: system == .arabicIndic)
        // Latin digits typed with a decimal comma (`1.250,50`) take the Arabic separators by their meaning, not their look.
        let decimalCommaSeparators = other == .latin ? Self.decimalCommaSeparators(scalars) : [:]
        var result: [Unicode.Scalar] = []
        var groupable: [Bool] = []
        result.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            if kept[index] {
                result.append(scalar)
                groupable.append(false)
                continue
            }
            let previousIsDigit = index > 0 && Self.digitValue(scalars[index - 1]) != nil
            let nextIsDigit = index + 1 < scalars.count && Self.digitValue(scalars[index + 1]) != nil
            if let value = Self.digitValue(scalar) {
                result.append(system.digit(UInt64(value)))
            } else if let isDecimalMark = decimalCommaSeparators[index] {
                result.append(isDecimalMark ? system.decimalSeparator : system.groupingSeparator)
            } else if scalar == other.decimalSeparator && previousIsDigit && nextIsDigit {
                result.append(system.decimalSeparator)
            } else if scalar == other.groupingSeparator && previousIsDigit && nextIsDigit {
                result.append(system.groupingSeparator)
            } else if scalar == other.percentSign && previousIsDigit {
                result.append(system.percentSign)
            } else {
                result.append(scalar)
            }
            groupable.append(true)
        }
        return String(String.UnicodeScalarView(grouped(result, groupable: groupable)))
    }

    /// Whether converting `text` cannot change it: every digit is already this system's, no run of digits is long
    /// enough to be grouped, and no separator or percent sign of `other` follows a digit.
    private func keepsDigits(of text: String, other: NumeralSystem) -> Bool {
        // A quick pass over the bytes: most text holds no digit at all (ASCII, or U+0660...U+0669 as D9 A0...A9, or
        // U+06F0...U+06F9 as DB B0...B9).
        let holdsDigit = text.withUTF8Bytes { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                if (0x30...0x39).contains(byte) || (previous == 0xD9 && (0xA0...0xA9).contains(byte))
                    || (previous == 0xDB && (0xB0...0xB9).contains(byte)) { return true }
                previous = byte
            }
            return false
        }
        guard holdsDigit else { return true }
        var run = 0
        for scalar in text.unicodeScalars {
            if let value = Self.digitValue(scalar) {
                run += 1
                guard scalar == system.digit(UInt64(value)), run < 5 else { return false }
                continue
            }
            if run > 0, scalar == other.decimalSeparator || scalar == other.groupingSeparator || scalar == other.percentSign {
                return false
            }
            run = 0
        }
        return true
    }

    /// `scalars` with every long integer that may be grouped written with this system's group separator.
    private func grouped(_ scalars: [Unicode.Scalar], groupable: [Bool]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count + scalars.count / 3)
        var index = 0
        while index < scalars.count {
            guard Self.digitValue(scalars[index]) != nil else {
                result.append(scalars[index])
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, Self.digitValue(scalars[end]) != nil { end += 1 }
            let digits = scalars[index..<end]
            let touchesSeparator = (index > 0 && Self.isNumberPunctuation(scalars[index - 1]))
                || (end < scalars.count && Self.isNumberPunctuation(scalars[end]) && end + 1 < scalars.count
                    && Self.digitValue(scalars[end + 1]) != nil)
            if digits.count >= 5, groupable[index..<end].allSatisfy({ $0 }), !touchesSeparator,
               Self.digitValue(digits.first!) != 0, !Self.isIdentifier(scalars, digits: index..<end) {
                for (offset, digit) in digits.enumerated() {
                    if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(system.groupingSeparator) }
                    result.append(digit)
                }
            } else {
                result.append(contentsOf: digits)
            }
            index = end
        }
        return result
    }

    /// Whether the digits at `digits` of `scalars` are part of an identifier rather than an amount, and so are not grouped:
    /// joined by a hyphen, slash, dot or underscore to a digit or letter (`978-3-16-148410-0`, `148410/ب`, `2024_123456`),
    /// right after `#` or `№` (`#123456`, `№ 654321`), or after a word that labels an identifier (`Tel. 2345678`,
    /// `P.O. Box 12345`; `Arabic.identifierLabels`, `English.identifierLabels`) or a label of two words (`ID number
    /// 1234567890`, `رقم الهوية 1234567890`). A sign before the number (`-125000`) and a range's dash (`10000–20000`) are
    /// not joins, and a label two words back with another word between (`an order of 1250000`) is not a label.
    private static func isIdentifier(_ scalars: [Unicode.Scalar], digits: Range<Int>) -> Bool {
        func isDigitOrLetter(_ index: Int) -> Bool {
            scalars.indices.contains(index) && (digitValue(scalars[index]) != nil || isAlphabetic(scalars[index]))
        }
        let start = digits.lowerBound, end = digits.upperBound
        if start >= 1, identifierJoins.contains(scalars[start - 1]), isDigitOrLetter(start - 2) { return true }
        if end < scalars.count, identifierJoins.contains(scalars[end]), isDigitOrLetter(end + 1) { return true }
        if start >= 1, scalars[start - 1] == "#" || scalars[start - 1] == "\u{2116}" { return true }
        // The two words before the number, when white space comes right before it.
        guard start >= 1, isWhitespace(scalars[start - 1]) else { return false }
        var words: [String] = [], cursor = start - 1
        while words.count < 2 {
            while cursor >= 0, isWhitespace(scalars[cursor]) { cursor -= 1 }
            guard cursor >= 0 else { break }
            let wordEnd = cursor + 1
            while cursor >= 0, !isWhitespace(scalars[cursor]) { cursor -= 1 }
            var word = String(String.UnicodeScalarView(scalars[(cursor + 1)..<wordEnd])).lowercased()
            while let last = word.unicodeScalars.last, ":،,".unicodeScalars.contains(last) { word.unicodeScalars.removeLast() }
            words.append(word)
        }
        // An Arabic word may carry a conjunction or preposition (`وص.ب`, `و№`, `ورقم`).
        func bare(_ word: String) -> String {
            word.unicodeScalars.first.map(Arabic.identifierLabelPrefixes.contains) == true ? String(word.dropFirst()) : word
        }
        func isLabel(_ word: String) -> Bool {
            [word, bare(word)].contains { identifierLabels.contains($0) || $0 == "#" || $0 == "\u{2116}" }
        }
        guard let nearest = words.first else { return false }
        if isLabel(nearest) { return true }
        guard words.count == 2 else { return false }
        // A label of two words: `ID number`, `account no.`; `رقم الهوية`, `صندوق بريد`.
        return (English.identifierNumberWords.contains(nearest) && isLabel(words[1]))
            || Arabic.identifierLabelHeads.contains(bare(words[1]))
    }

    /// What joins the parts of a code: hyphens (ASCII, U+2010, the non-breaking U+2011), slashes, a dot, an underscore.
    private static let identifierJoins: Set<Unicode.Scalar> = ["-", "\u{2010}", "\u{2011}", "/", "\\", ".", "_"]

    /// The words that label an identifier, in every language Mawjaz writes.
    private static let identifierLabels = Set(Arabic.identifierLabels + English.identifierLabels)

    /// For each scalar, whether it belongs to a technical token that keeps the digits it was typed in. A number inside
    /// Latin text is one only when `keepingNumbersInLatinText` (written in Arabic-Indic digits, `Python 3.12` would change
    /// script mid-phrase); under Latin digits an English sentence's `٨٧٫٥٪` becomes `87.5%`, as the rest of the page's.
    static func technicalMask(_ scalars: [Unicode.Scalar], keepingNumbersInLatinText: Bool) -> [Bool] {
        // The words: maximal runs without white space, as ranges of `scalars`.
        var words: [Range<Int>] = []
        var start: Int?
        for index in 0...scalars.count {
            let isSpace = index == scalars.count || isWhitespace(scalars[index])
            if isSpace, let begin = start { words.append(begin..<index); start = nil }
            else if !isSpace && start == nil { start = index }
        }
        // Each word's kind, found once.
        let latin = words.map { scalars[$0].contains(where: isLatinLetter) }
        let numeric = words.map { word in
            scalars[word].contains { digitValue($0) != nil } && !scalars[word].contains(where: isAlphabetic)
        }
        var mask = Array(repeating: false, count: scalars.count)
        var phone = false
        for (position, word) in words.enumerated() {
            var keep = latin[position] || isDotted(scalars[word])
                || (scalars[word.lowerBound] == "#" && scalars[word].contains(where: isAlphabetic))
            // An address: the text is built (and searched as text) only for a word that holds "@" or ":" at all.
            if !keep, scalars[word].contains(where: { $0 == "@" || $0 == ":" }) {
                let text = String(String.UnicodeScalarView(scalars[word]))
                keep = text.contains("@") || text.contains("://")
            }
            let before = numeric[..<position].lastIndex(of: false)
            let after = numeric[(position + 1)...].firstIndex(of: false)
            if numeric[position] {
                // A phone number: "+" and digits, then groups of digits.
                if scalars[word.lowerBound] == "+", position + 1 < words.count, isDigitsOnly(scalars[words[position + 1]]) { phone = true }
                keep = keep || phone
                // A number inside Latin text: the nearest word before it that is not a number is Latin, or there is
                // none and the nearest one after it is.
                if keepingNumbersInLatinText {
                    if let before { keep = keep || latin[before] } else if let after { keep = keep || latin[after] }
                }
            } else {
                phone = false
                // A code of digits and other letters (`١٢/ب/١٤٤٧`) inside Latin text: the nearest words around it that
                // are not numbers are Latin (or the text ends). One that opens Arabic text (`Python 3.12 و2024 …`) is not.
                if !keep, scalars[word].contains(where: { digitValue($0) != nil }), let before, latin[before] {
                    keep = after.map { latin[$0] } ?? true
                }
            }
            if keep { for index in word { mask[index] = true } }
        }
        return mask
    }

    /// Whether `scalars` hold a dotted address or version: digits and at least two dots between digits (1.2.3), and no
    /// comma between digits (`1.250.000,00` is an amount written with a decimal comma).
    private static func isDotted(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var dots = 0
        var previous: Unicode.Scalar?
        for (index, scalar) in zip(scalars.indices, scalars) {
            if scalar == ".", let before = previous, digitValue(before) != nil { dots += 1 }
            if scalar == ",", let before = previous, digitValue(before) != nil, index + 1 < scalars.endIndex,
               digitValue(scalars[index + 1]) != nil { return false }
            previous = scalar
        }
        return dots >= 2 && scalars.filter { $0 == "." }.count == dots
    }

    /// The separators of the numbers in `scalars` written with a decimal comma, as much of Europe writes them
    /// (`1.250,50`, `1 250,50` with a no-break or thin space): each one's position, and whether it is the decimal mark
    /// (the comma) rather than a group's (a dot). A number is one only when it cannot be read the English way: a first
    /// group of one to three digits, then groups of three set off by dots or by no-break or thin spaces, then a comma
    /// and the digits after it. `1,250.50`, `1.250` and `12,5` are left to the English reading; spaces are left as typed.
    static func decimalCommaSeparators(_ scalars: [Unicode.Scalar]) -> [Int: Bool] {
        let groupMarks: Set<Unicode.Scalar> = [".", "\u{00A0}", "\u{202F}", "\u{2009}"]
        func isDigit(_ index: Int) -> Bool { scalars.indices.contains(index) && digitValue(scalars[index]) != nil }
        func digitsEnd(from index: Int) -> Int {
            var end = index
            while isDigit(end) { end += 1 }
            return end
        }
        var separators: [Int: Bool] = [:]
        var index = 0
        while index < scalars.count {
            guard isDigit(index) else { index += 1; continue }
            var end = digitsEnd(from: index)
            // A number's first digits: not joined to digits before them by a separator.
            let joinedBefore = index >= 2 && [".", ","].contains(scalars[index - 1]) && isDigit(index - 2)
            guard !joinedBefore, end - index <= 3 else { index = end; continue }
            var groups: [Int] = []
            while end < scalars.count, groupMarks.contains(scalars[end]),
                  groups.first.map({ scalars[$0] == scalars[end] }) ?? true,
                  isDigit(end + 1), digitsEnd(from: end + 1) - (end + 1) == 3 {
                groups.append(end)
                end += 4
            }
            guard !groups.isEmpty, end < scalars.count, scalars[end] == ",", isDigit(end + 1) else { index = end; continue }
            let comma = end
            end = digitsEnd(from: comma + 1)
            let joinedAfter = end + 1 < scalars.count && [".", ","].contains(scalars[end]) && isDigit(end + 1)
            if !joinedAfter {
                for group in groups where scalars[group] == "." { separators[group] = false }
                separators[comma] = true
            }
            index = end
        }
        return separators
    }

    /// Whether `scalars` are digits and nothing else but trailing punctuation (a group of a phone number).
    private static func isDigitsOnly(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = scalars.first, digitValue(first) != nil else { return false }
        return scalars.allSatisfy { digitValue($0) != nil || $0.properties.generalCategory.isPunctuation }
    }

    /// Separators and signs that make a run of digits part of a larger number ("1,250", "3.5", "+998…").
    private static func isNumberPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        ".,٫٬+".unicodeScalars.contains(scalar)
    }

    /// The value of a digit in any of the three digit sets, or nil for anything else.
    static func digitValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x0660...0x0669: return scalar.value - 0x0660
        case 0x06F0...0x06F9: return scalar.value - 0x06F0
        default: return nil
        }
    }

    /// Unicode's White_Space, answered without its tables for ASCII and the Arabic block (which holds none).
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: true
        case ..<0x80, 0x0600...0x06FF: false
        default: scalar.properties.isWhitespace
        }
    }

    /// Unicode's Alphabetic, answered without its tables for ASCII and the Arabic letters.
    private static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x0621...0x064A: true
        case ..<0x80: false
        default: scalar.properties.isAlphabetic
        }
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

private extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
