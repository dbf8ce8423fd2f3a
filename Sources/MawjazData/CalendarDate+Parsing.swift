// Reading dates written YYYY-MM-DD, YYYY-MM or YYYY, with Arabic-Indic digits allowed, checked against the calendar.
import Foundation

extension CalendarDate {
    /// Why a text is not a date.
    public struct ParseProblem: Error, Hashable, Sendable {
        public var message: String
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (digits may be Arabic-Indic), rejecting impossible dates.
    public static func parse(_ text: String) -> Result<CalendarDate, ParseProblem> {
        let trimmed = Digits.toASCII(text.trimmingCharacters(in: .whitespaces))
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let shapes = [4, 2, 2]
        guard (1...3).contains(parts.count),
              zip(parts, shapes).allSatisfy({ part, length in part.count == length && part.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]) else {
            return .failure(ParseProblem(message: "\"\(text)\" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)"))
        }
        let month = parts.count > 1 ? Int(parts[1]) : nil
        let day = parts.count > 2 ? Int(parts[2]) : nil
        if let month, !(1...12).contains(month) {
            return .failure(ParseProblem(message: "\"\(text)\" has no month \(month) (months run 01 to 12)"))
        }
        if let month, let day {
            let length = daysIn(month: month, year: year)
            guard (1...length).contains(day) else {
                return .failure(ParseProblem(message: "\"\(text)\" is not a date: month \(month) of \(year) has \(length) days"))
            }
        }
        return .success(CalendarDate(year: year, month: month, day: day))
    }

    /// The number of days in a month of the Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
