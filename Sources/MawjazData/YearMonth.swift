// A month of a year, the key of monthly counts.

/// A month of a given year, ordered in time.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month, 1...12.
    public var month: Int

    /// The month `month` (1...12) of `year`.
    public init(year: Int, month: Int) {
        self.year = year; self.month = month
    }

    /// Months compare by year, then month.
    public static func < (a: YearMonth, b: YearMonth) -> Bool {
        (a.year, a.month) < (b.year, b.month)
    }

    /// The ISO 8601 form, `YYYY-MM`.
    public var description: String {
        CalendarDate(year: year, month: month).description
    }

    /// The month of a date, or nil when the date has no month (or one outside 1...12).
    init?(_ date: CalendarDate) {
        guard let month = date.month, (1...12).contains(month) else { return nil }
        self.init(year: date.year, month: month)
    }

    /// Months since January of year 0, so that months can be counted and stepped through.
    var ordinal: Int { year * 12 + month - 1 }

    /// The month with the given ordinal.
    init(ordinal: Int) {
        let (year, month) = ordinal.quotientAndRemainder(dividingBy: 12)
        self.init(year: year, month: month + 1)
    }
}
