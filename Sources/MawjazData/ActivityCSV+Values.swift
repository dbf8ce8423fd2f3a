// Reading the cells of an activity log: dates, counts and tag lists, with Arabic-Indic digits allowed.
import MawjazLanguage

extension ActivityCSV {
    /// Why a cell's text is not a value of its field; the message quotes the text.
    struct ValueProblem: Error, Equatable {
        var message: Message
    }

    /// A cell's text as a message quotes it: at most 60 characters of it (`Message.excerpt`), however long the cell.
    static func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        Message.excerpt(String(decoding: bytes, as: UTF8.self))
    }

    /// Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY` from UTF-8 (any digits may be Arabic-Indic), rejecting dates the
    /// calendar lacks.
    static func date(from bytes: UnsafeBufferPointer<UInt8>) -> Result<CalendarDate, ValueProblem> {
        /// The problem, its message quoting the text (decoded only then: reading is the hot path).
        func problem(_ message: (String) -> Message) -> Result<CalendarDate, ValueProblem> {
            .failure(ValueProblem(message: message(quoted(bytes))))
        }
        var year = 0, month = 0, day = 0
        var yearDigits = 0, monthDigits = 0, dayDigits = 0
        var parts = 1
        var numerals = Numerals(bytes)
        while let numeral = numerals.next() {
            switch (numeral, parts) {
            case (.digit(let value), 1) where yearDigits < 4: year = year * 10 + value; yearDigits += 1
            case (.digit(let value), 2) where monthDigits < 2: month = month * 10 + value; monthDigits += 1
            case (.digit(let value), 3) where dayDigits < 2: day = day * 10 + value; dayDigits += 1
            case (.dash, 1...2): parts += 1
            default: return problem(Message.notADate)
            }
        }
        guard yearDigits == 4, parts < 2 || monthDigits == 2, parts < 3 || dayDigits == 2 else {
            return problem(Message.notADate)
        }
        if parts >= 2, !(1...12).contains(month) {
            return problem { .noSuchMonth($0, month: month) }
        }
        if parts == 3 {
            let length = CalendarDate.daysIn(month: month, year: year)
            guard (1...length).contains(day) else {
                return problem { .noSuchDay($0, month: month, year: year, days: length) }
            }
        }
        return .success(CalendarDate(year: year, month: parts >= 2 ? month : nil, day: parts == 3 ? day : nil))
    }

    /// Reads a whole number of 0 or more from UTF-8 (digits may be Arabic-Indic).
    static func count(from bytes: UnsafeBufferPointer<UInt8>) -> Result<Int, ValueProblem> {
        func problem(_ message: (String) -> Message) -> Result<Int, ValueProblem> {
            .failure(ValueProblem(message: message(quoted(bytes))))
        }
        var value = 0
        var digits = 0, digitsAfterPoint = 0
        var negative = false, point = false, overflow = false, leading = true
        var numerals = Numerals(bytes)
        while let numeral = numerals.next() {
            defer { leading = false }
            switch numeral {
            case .digit(let digit):
                if point { digitsAfterPoint += 1; continue }
                digits += 1
                let (times10, overflowed) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowedAgain) = times10.addingReportingOverflow(digit)
                overflow = overflow || overflowed || overflowedAgain
                value = sum
            case .dash where leading:
                negative = true
            case .decimalPoint where digits > 0 && !point:
                point = true
            default:
                return problem(Message.notACount)
            }
        }
        guard digits > 0, !point || digitsAfterPoint > 0 else { return problem(Message.notACount) }
        if negative { return problem(Message.negativeCount) }
        if point { return problem(Message.notWholeCount) }
        if overflow { return problem(Message.countTooLarge) }
        return .success(value)
    }

    /// What a character means in a date or number.
    enum Numeral: Equatable {
        case digit(Int), dash, decimalPoint, other
    }

    /// The numerals of UTF-8 text: ASCII, Arabic-Indic (U+0660–0669) and Extended Arabic-Indic (U+06F0–06F9)
    /// digits, `-` or U+2212 as a dash, `.`, `,` or U+066B as a decimal point; bidirectional marks skipped.
    struct Numerals: IteratorProtocol {
        private let bytes: UnsafeBufferPointer<UInt8>
        private var position = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func next() -> Numeral? {
            while position < bytes.count {
                let lead = bytes[position]
                position += 1
                switch lead {
                case 0x30...0x39: return .digit(Int(lead - 0x30))
                case 0x2D: return .dash
                case 0x2E, 0x2C: return .decimalPoint
                case 0x00...0x7F: return .other
                default:
                    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                    var scalar = UInt32(lead & (lead >= 0xF0 ? 0x07 : lead >= 0xE0 ? 0x0F : 0x1F))
                    for _ in 1..<length where position < bytes.count {
                        scalar = scalar << 6 | UInt32(bytes[position] & 0x3F)
                        position += 1
                    }
                    switch scalar {
                    case 0x0660...0x0669: return .digit(Int(scalar - 0x0660))
                    case 0x06F0...0x06F9: return .digit(Int(scalar - 0x06F0))
                    case 0x066B: return .decimalPoint
                    case 0x2212: return .dash
                    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: continue
                    default: return .other
                    }
                }
            }
            return nil
        }
    }

    /// The tags in UTF-8 text: split at `;`, `|` or the Arabic comma (U+060C), each trimmed, empty ones dropped.
    static func tags(from bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var tags: [String] = []
        var start = 0, position = 0
        while true {
            let separatorLength: Int
            if position == bytes.count {
                separatorLength = 0
            } else if bytes[position] == 0x3B || bytes[position] == 0x7C {  // ; |
                separatorLength = 1
            } else if bytes[position] == 0xD8, position + 1 < bytes.count, bytes[position + 1] == 0x8C {  // U+060C
                separatorLength = 2
            } else {
                position += 1
                continue
            }
            var end = position
            while start < end, isBlank(bytes[start]) { start += 1 }
            while end > start, isBlank(bytes[end - 1]) { end -= 1 }
            if start < end { tags.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) }
            if separatorLength == 0 { return tags }
            position += separatorLength
            start = position
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}

extension String {
    /// The text without spaces, tabs and line breaks at either end.
    func trimmingBlanks() -> String {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last, isBlank(first) || isBlank(last) else { return self }
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isBlank(bytes[start]) { bytes.formIndex(after: &start) }
        while end > start, isBlank(bytes[bytes.index(before: end)]) { bytes.formIndex(before: &end) }
        return String(Substring(bytes[start..<end]))
    }
}
