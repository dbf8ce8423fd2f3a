// Gregorian arithmetic on calendar dates: which dates are real days, and their Julian day numbers.
import MawjazData

extension CalendarDate {
    /// Whether the month and day, where given, name a real month and day of the proleptic Gregorian
    /// calendar, and a day comes only with a month.
    var isReal: Bool {
        guard let month else { return day == nil }
        guard (1...12).contains(month) else { return false }
        guard let day else { return true }
        return (1...Self.daysIn(month: month, year: year)).contains(day)
    }

    /// The Julian day number of a full, real date in years 1...9999, counted in the proleptic Gregorian calendar.
    var julianDayNumber: Int? {
        guard isReal, let month, let day, (1...9999).contains(year) else { return nil }
        // Fliegel and Van Flandern (1968): a year starting in March, counted from 4801 BC.
        let shift = (14 - month) / 12
        let marchYear = year + 4800 - shift
        let marchMonth = month + 12 * shift - 3
        return day + (153 * marchMonth + 2) / 5 + 365 * marchYear
            + marchYear / 4 - marchYear / 100 + marchYear / 400 - 32045
    }
}
