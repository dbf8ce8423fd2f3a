// Hijri dates as the Umm al-Qura calendar counts them, converted from Gregorian calendar dates.
import Foundation
import MawjazData

/// A day of the Hijri calendar as Saudi Arabia's Umm al-Qura calendar counts it.
package struct HijriDate: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The year after the Hijra (AH).
    package var year: Int
    /// 1 (Muharram) to 12 (Dhu al-Hijjah).
    package var month: Int
    /// 1 to 29 or 30.
    package var day: Int

    /// The Hijri day `year`-`month`-`day`, taken as given.
    package init(year: Int, month: Int, day: Int) {
        self.year = year; self.month = month; self.day = day
    }

    /// The Umm al-Qura day of a Gregorian date; nil unless `date` is a full, real day of years 1...9999 on or after 1 Muharram 1 AH.
    ///
    /// The conversion is Foundation's `.islamicUmmAlQura` calendar, asked at noon UTC of the day, so
    /// neither the machine's time zone nor its locale can move the result. Foundation's table covers
    /// 1300–1600 AH; outside it the calendar falls back to arithmetic (civil) Hijri months.
    package init?(_ date: CalendarDate) {
        guard let julianDay = date.julianDayNumber else { return nil }
        let noon = Date(timeIntervalSince1970: Double(julianDay - Self.unixEpochJulianDay) * 86_400 + 43_200)
        let parts = Self.ummAlQura.dateComponents([.year, .month, .day], from: noon)
        guard let year = parts.year, let month = parts.month, let day = parts.day, year >= 1 else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The ISO-like form `1446-03-12`.
    package var description: String {
        CalendarDate(year: year, month: month, day: day).description
    }

    /// The Julian day number of 1970-01-01, where `Date`'s Unix time counts from.
    private static let unixEpochJulianDay = 2_440_588

    /// The Umm al-Qura calendar, pinned to UTC.
    private static let ummAlQura: Calendar = {
        var calendar = Calendar(identifier: .islamicUmmAlQura)
        calendar.timeZone = .gmt
        return calendar
    }()
}
