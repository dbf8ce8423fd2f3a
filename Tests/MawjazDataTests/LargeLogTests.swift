// A generated log of 100,000 rows: every row loaded, and the aggregations match counts worked out by formula.
import Testing
import MawjazData

@Suite struct LargeLogTests {
    static let rowCount = 100_000
    static let categories = ["ورشة", "محاضرة", "معرض", "زيارة", "ندوة"]

    /// Row `i` is dated year 2000 + i % 20, month 1 + (i / 20) % 12, day 1 + i % 28, in category i % 5,
    /// with i % 300 participants; every seventh title is quoted with a comma and doubled quotes.
    static func generate() -> [UInt8] {
        func padded(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "# سجل مولَّد للاختبار\r\ndate,category,title,location,partner,participants,tags\r\n"
        text.reserveCapacity(rowCount * 90)
        for i in 0..<rowCount {
            let date = "\(2000 + i % 20)-\(padded(1 + (i / 20) % 12))-\(padded(1 + i % 28))"
            let title = i % 7 == 0 ? "\"نشاط، رقم \"\"\(i)\"\"\"" : "نشاط رقم \(i)"
            text += "\(date),\(categories[i % 5]),\(title),عمّان,,\(i % 300),تدريب;شباب\r\n"
        }
        return Array(text.utf8)
    }

    @Test func loadsAndAggregatesAHundredThousandRows() throws {
        let log = try ActivityCSV.parse(Self.generate(), file: "large.csv", name: "large")
        #expect(log.total == Self.rowCount)
        let expected = Activity(date: CalendarDate(year: 2007, month: 1 + 3500 % 12, day: 1 + 70_007 % 28),
                                category: Self.categories[2], title: "نشاط، رقم \"70007\"", location: "عمّان",
                                participants: 70_007 % 300, tags: ["تدريب", "شباب"], line: 3 + 70_007)
        #expect(log.activities[70_007] == expected)
        #expect(log.activities[99_999].title == "نشاط رقم 99999")
        // 333 full cycles of 0…299, then 0…99.
        let participants = log.activities.reduce(0) { $0 + ($1.participants ?? 0) }
        let expectedParticipants: Int = 333 * (299 * 300 / 2) + 99 * 100 / 2
        #expect(participants == expectedParticipants)

        let years = log.countsByYear()
        #expect(years.map(\.key) == Array(2000...2019))
        #expect(years.allSatisfy { $0.count == 5_000 })
        #expect(log.cumulativeByYear().last == Tally(key: 2019, count: Self.rowCount))
        #expect(log.countsByCategory() == Self.categories.map { Tally(key: $0, count: 20_000) })

        // Year index y only ever has category y % 5.
        let table = log.countsByYearAndCategory()
        let expectedTable: [[Int]] = (0..<20).map { (year: Int) -> [Int] in (0..<5).map { $0 == year % 5 ? 5_000 : 0 } }
        #expect(table.counts == expectedTable)

        // Within a year, k = i / 20 runs 0..<5000; month m holds the k with k % 12 == m - 1: 417 for m ≤ 8, else 416.
        let (months, unplaced) = log.countsByMonth()
        #expect(unplaced == 0)
        #expect(months.count == 240)
        #expect(months.allSatisfy { $0.count == ($0.key.month <= 8 ? 417 : 416) })

        #expect(log.topCategories(2, otherLabel: "أخرى").map(\.count) == [20_000, 20_000, 60_000])
        let filtered = log.countsByYear(ActivityFilter(from: CalendarDate(year: 2010, month: 6), to: CalendarDate(year: 2010, month: 6),
                                                       categories: [Self.categories[0]]))
        #expect(filtered == [Tally(key: 2010, count: 417)])
    }
}
