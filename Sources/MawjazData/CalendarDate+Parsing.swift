// Reading dates written YYYY-MM-DD, YYYY-MM or YYYY, with Arabic-Indic digits allowed, checked against the calendar.
import Foundation
import MawjazLanguage

extension CalendarDate {
    /// Why a text is not a date.
    public struct ParseProblem: Error, Hashable, Sendable {
        public var message: Message
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (digits may be Arabic-Indic), rejecting impossible dates.
    public static func parse(_ text: String) -> Result<CalendarDate, ParseProblem> {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.withUTF8 { ActivityCSV.date(from: $0) }.mapError { ParseProblem(message: $0.message) }
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
