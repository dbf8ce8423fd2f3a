// Reading the cells of an activity log: dates, counts and tag lists, with Arabic-Indic digits allowed.

extension ActivityCSV {
    /// Why a cell's text is not a value of its field; the message quotes the text.
    struct ValueProblem: Error, Equatable {
        var message: String
    }

    /// Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (any digits may be Arabic-Indic), rejecting dates the calendar lacks.
    static func date(from text: String) -> Result<CalendarDate, ValueProblem> {
        var parts = [0, 0, 0]
        var lengths = [0, 0, 0]
        var part = 0
        var numerals = Numerals(text)
        while let numeral = numerals.next() {
            switch numeral {
            case .digit(let value) where lengths[part] < 4:
                parts[part] = parts[part] * 10 + value
                lengths[part] += 1
            case .dash where part < 2:
                part += 1
            default:
                return .failure(ValueProblem(message: "\"\(text)\" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)"))
            }
        }
        guard lengths[0] == 4, lengths[1..<part + 1].allSatisfy({ $0 == 2 }) else {
            return .failure(ValueProblem(message: "\"\(text)\" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)"))
        }
        let year = parts[0]
        let month = part >= 1 ? parts[1] : nil
        let day = part >= 2 ? parts[2] : nil
        if let month, !(1...12).contains(month) {
            return .failure(ValueProblem(message: "\"\(text)\" has no month \(month) (months run 01 to 12)"))
        }
        if let month, let day {
            let length = dayCount(month: month, year: year)
            guard (1...length).contains(day) else {
                return .failure(ValueProblem(message: "\"\(text)\" is not a date: month \(month) of \(year) has \(length) days"))
            }
        }
        return .success(CalendarDate(year: year, month: month, day: day))
    }

    /// The number of days in a month of the Gregorian calendar.
    static func dayCount(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Reads a whole number of 0 or more (digits may be Arabic-Indic).
    static func count(from text: String) -> Result<Int, ValueProblem> {
        var value = 0
        var digits = 0, digitsAfterPoint = 0
        var negative = false, point = false, overflow = false, leading = true
        var numerals = Numerals(text)
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
                return .failure(notNumber(text))
            }
        }
        guard digits > 0, !point || digitsAfterPoint > 0 else { return .failure(notNumber(text)) }
        if negative { return .failure(ValueProblem(message: "\"\(text)\" is negative (write a whole number, 0 or more)")) }
        if point { return .failure(ValueProblem(message: "\"\(text)\" is not a whole number (write a whole number, 0 or more)")) }
        if overflow { return .failure(ValueProblem(message: "\"\(text)\" is too large")) }
        return .success(value)
    }

    /// What a character means in a date or number.
    enum Numeral: Equatable {
        case digit(Int), dash, decimalPoint, other
    }

    /// The numerals of a text, read from its UTF-8: ASCII, Arabic-Indic (U+0660–0669) and Extended Arabic-Indic
    /// (U+06F0–06F9) digits, `-` or U+2212 as a dash, `.`, `,` or U+066B as a decimal point; bidirectional marks skipped.
    struct Numerals: IteratorProtocol {
        private var bytes: String.UTF8View.Iterator

        init(_ text: String) {
            bytes = text.utf8.makeIterator()
        }

        mutating func next() -> Numeral? {
            while let lead = bytes.next() {
                switch lead {
                case 0x30...0x39: return .digit(Int(lead - 0x30))
                case 0x2D: return .dash
                case 0x2E, 0x2C: return .decimalPoint
                case 0x00...0x7F: return .other
                default:
                    var scalar = UInt32(lead & (lead >= 0xF0 ? 0x07 : lead >= 0xE0 ? 0x0F : 0x1F))
                    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                    for _ in 1..<length { scalar = scalar << 6 | UInt32((bytes.next() ?? 0) & 0x3F) }
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

    private static func notNumber(_ text: String) -> ValueProblem {
        ValueProblem(message: "\"\(text)\" is not a number (write a whole number, 0 or more)")
    }

    /// The tags of a cell: the text split at `;`, `|` or `،`, each trimmed, empty ones dropped.
    static func tags(from text: String) -> [String] {
        var tags: [String] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var position = start
        while true {
            let atEnd = position == scalars.endIndex
            if atEnd || scalars[position] == ";" || scalars[position] == "|" || scalars[position] == "\u{060C}" {
                let tag = String(scalars[start..<position]).trimmingBlanks()
                if !tag.isEmpty { tags.append(tag) }
                if atEnd { return tags }
                start = scalars.index(after: position)
            }
            position = scalars.index(after: position)
        }
    }
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
