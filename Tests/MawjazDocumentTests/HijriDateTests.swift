// Tests for HijriDate: Umm al-Qura days of known Gregorian dates, checked against published month starts.
import Foundation
import MawjazData
import MawjazDocument
import Testing

@Suite struct HijriDateTests {
    /// The Hijri day of a full Gregorian date, as `year-month-day`.
    func hijri(_ year: Int, _ month: Int, _ day: Int) -> String? {
        HijriDate(CalendarDate(year: year, month: month, day: day))?.description
    }

    @Test func knownDates() {
        #expect(hijri(2024, 9, 15) == "1446-03-12")
        #expect(hijri(2023, 3, 23) == "1444-09-01")
        #expect(hijri(2000, 1, 1) == "1420-09-24")
        #expect(hijri(2024, 7, 7) == "1446-01-01")
        #expect(hijri(2024, 6, 16) == "1445-12-10")
    }

    @Test func leapDays() {
        #expect(hijri(2024, 2, 29) == "1445-08-19")
        #expect(hijri(2020, 2, 29) == "1441-07-05")
        #expect(hijri(2000, 2, 29) == "1420-11-23")
        #expect(hijri(2024, 3, 1) == "1445-08-20")
    }

    /// 1 Muharram of 1420–1450 AH in the Umm al-Qura tables as published by the Saudi authorities
    /// (taken from the `hijridate` package's data, independent of ICU's).
    static let muharramStarts: [(Int, String)] = [
        (1420, "1999-04-17"), (1421, "2000-04-06"), (1422, "2001-03-26"), (1423, "2002-03-15"),
        (1424, "2003-03-04"), (1425, "2004-02-21"), (1426, "2005-02-10"), (1427, "2006-01-31"),
        (1428, "2007-01-20"), (1429, "2008-01-10"), (1430, "2008-12-29"), (1431, "2009-12-18"),
        (1432, "2010-12-07"), (1433, "2011-11-26"), (1434, "2012-11-15"), (1435, "2013-11-04"),
        (1436, "2014-10-25"), (1437, "2015-10-14"), (1438, "2016-10-02"), (1439, "2017-09-21"),
        (1440, "2018-09-11"), (1441, "2019-08-31"), (1442, "2020-08-20"), (1443, "2021-08-09"),
        (1444, "2022-07-30"), (1445, "2023-07-19"), (1446, "2024-07-07"), (1447, "2025-06-26"),
        (1448, "2026-06-16"), (1449, "2027-06-06"), (1450, "2028-05-25"),
    ]

    /// 1 Ramadan of 1420–1450 AH, from the same published tables.
    static let ramadanStarts: [(Int, String)] = [
        (1420, "1999-12-09"), (1421, "2000-11-27"), (1422, "2001-11-16"), (1423, "2002-11-06"),
        (1424, "2003-10-26"), (1425, "2004-10-15"), (1426, "2005-10-04"), (1427, "2006-09-24"),
        (1428, "2007-09-13"), (1429, "2008-09-01"), (1430, "2009-08-22"), (1431, "2010-08-11"),
        (1432, "2011-08-01"), (1433, "2012-07-20"), (1434, "2013-07-09"), (1435, "2014-06-28"),
        (1436, "2015-06-18"), (1437, "2016-06-06"), (1438, "2017-05-27"), (1439, "2018-05-16"),
        (1440, "2019-05-06"), (1441, "2020-04-24"), (1442, "2021-04-13"), (1443, "2022-04-02"),
        (1444, "2023-03-23"), (1445, "2024-03-11"), (1446, "2025-03-01"), (1447, "2026-02-18"),
        (1448, "2027-02-08"), (1449, "2028-01-28"), (1450, "2029-01-16"),
    ]

    /// The full date of an ISO `yyyy-mm-dd` string.
    static func date(_ iso: String) -> CalendarDate? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return CalendarDate(year: parts[0], month: parts[1], day: parts[2])
    }

    @Test(arguments: muharramStarts)
    func newYearMatchesPublishedTable(year: Int, gregorian: String) throws {
        let date = try #require(Self.date(gregorian))
        #expect(HijriDate(date) == HijriDate(year: year, month: 1, day: 1))
    }

    @Test(arguments: ramadanStarts)
    func ramadanMatchesPublishedTable(year: Int, gregorian: String) throws {
        let date = try #require(Self.date(gregorian))
        #expect(HijriDate(date) == HijriDate(year: year, month: 9, day: 1))
    }

    @Test func consecutiveDaysNeverSkipOrRepeat() throws {
        var previous = try #require(HijriDate(CalendarDate(year: 2023, month: 12, day: 31)))
        let daysIn2024 = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for (index, days) in daysIn2024.enumerated() {
            for day in 1...days {
                let month = index + 1
                let next = try #require(HijriDate(CalendarDate(year: 2024, month: month, day: day)))
                if next.day == 1 {
                    #expect(previous.day == 29 || previous.day == 30)
                    #expect(next.month == previous.month % 12 + 1)
                    #expect(next.year == previous.year + (previous.month == 12 ? 1 : 0))
                } else {
                    #expect(next == HijriDate(year: previous.year, month: previous.month, day: previous.day + 1))
                }
                previous = next
            }
        }
    }

    @Test func partialAndUnrealDatesHaveNoHijriDay() {
        #expect(HijriDate(CalendarDate(year: 2024)) == nil)
        #expect(HijriDate(CalendarDate(year: 2024, month: 9)) == nil)
        #expect(HijriDate(CalendarDate(year: 2024, month: nil, day: 15)) == nil)
        #expect(HijriDate(CalendarDate(year: 2023, month: 2, day: 29)) == nil)
        #expect(HijriDate(CalendarDate(year: 1900, month: 2, day: 29)) == nil)
        #expect(HijriDate(CalendarDate(year: 2024, month: 4, day: 31)) == nil)
        #expect(HijriDate(CalendarDate(year: 2024, month: 13, day: 1)) == nil)
        #expect(HijriDate(CalendarDate(year: 2024, month: 0, day: 1)) == nil)
        #expect(HijriDate(CalendarDate(year: 2024, month: 1, day: 0)) == nil)
    }

    @Test func datesBeforeTheHijraOrOutOfRangeHaveNoHijriDay() {
        #expect(hijri(622, 7, 19) == "0001-01-01")
        #expect(hijri(622, 7, 18) == nil)
        #expect(hijri(1, 1, 1) == nil)
        #expect(hijri(0, 1, 1) == nil)
        #expect(hijri(10_000, 1, 1) == nil)
        #expect(hijri(Int.max, 1, 1) == nil)
        #expect(hijri(Int.min, 1, 1) == nil)
    }

    @Test func descriptionAndCodable() throws {
        let date = HijriDate(year: 1446, month: 3, day: 12)
        #expect(date.description == "1446-03-12")
        let json = try JSONEncoder().encode(date)
        #expect(try JSONDecoder().decode(HijriDate.self, from: json) == date)
    }
}
