// Tests of the aggregations against a 20-row log counted by hand: years with gaps, months, categories, filters.
import Testing
import MawjazData

/// Twenty activities from 2018 to 2023, none in 2020 or 2022; three dated only to the year (rows 3, 11, 20).
///
/// Counted by hand:
/// - by year: 2018: 3, 2019: 5, 2020: 0, 2021: 6, 2022: 0, 2023: 6
/// - by category: ورشة 10, معرض 4 (first in row 2), محاضرة 4 (first in row 5), زيارة 2
/// - ورشة by year 2, 2, 0, 3, 0, 3; معرض 1, 0, 0, 1, 0, 2; محاضرة 0, 2, 0, 2, 0, 0; زيارة 0, 1, 0, 0, 0, 1
private let fixture = """
    # سجل نشاطات تجريبي للاختبار
    date,category,title,location,participants,tags
    2018-03-10,ورشة,ورشة الكتابة,عمّان,25,كتابة;شباب
    2018-11,معرض,معرض الصور,إربد,,
    2018,ورشة,ورشة التصوير,,12,
    2019-01-15,ورشة,ورشة الخط,عمّان,18,خط
    2019-01-20,محاضرة,محاضرة التراث,الزرقاء,60,
    2019-02-03,محاضرة,محاضرة المدن,,45,
    2019-06,ورشة,ورشة المسرح,,,
    2019-12-31,زيارة,زيارة المكتبة,السلط,30,
    2021-02-28,محاضرة,محاضرة الشعر,,80,
    2021-03-01,ورشة,ورشة الرسم,,20,
    2021,معرض,معرض الكتاب,عمّان,,
    2021-07-14,ورشة,ورشة القصة,,15,
    2021-07-20,محاضرة,محاضرة الموسيقى,,50,
    2021-12-01,ورشة,ورشة الترجمة,,10,
    2023-01-05,معرض,معرض الخط,,,
    2023-01-05,ورشة,ورشة الخط الثانية,,22,
    2023-04,معرض,معرض الحرف,,,
    2023-04-30,زيارة,زيارة المتحف,,35,
    2023-09-09,ورشة,ورشة السينما,,28,
    2023,ورشة,ورشة التوثيق,,,
    """

private let workshop = "ورشة", exhibition = "معرض", lecture = "محاضرة", visit = "زيارة"

private func tallies<Key>(_ pairs: [(Key, Int)]) -> [Tally<Key>] {
    pairs.map { Tally(key: $0.0, count: $0.1) }
}

private func date(_ year: Int, _ month: Int? = nil, _ day: Int? = nil) -> CalendarDate {
    CalendarDate(year: year, month: month, day: day)
}

@Suite struct ActivityLogAggregationTests {
    let log: ActivityLog
    let empty = ActivityLog(name: "empty", activities: [])

    init() throws {
        log = try ActivityCSV.parse(Array(fixture.utf8), file: "fixture.csv", name: "fixture")
    }

    @Test func totalsAndYearSpan() {
        #expect(log.total == 20)
        #expect(log.firstYear == 2018)
        #expect(log.lastYear == 2023)
        #expect(empty.total == 0)
        #expect(empty.firstYear == nil)
        #expect(empty.lastYear == nil)
    }

    @Test func countsByYearWithEmptyYears() {
        #expect(log.countsByYear() == tallies([(2018, 3), (2019, 5), (2020, 0), (2021, 6), (2022, 0), (2023, 6)]))
        #expect(log.countsByYear(ActivityFilter(categories: [visit])) == tallies([(2019, 1), (2020, 0), (2021, 0), (2022, 0), (2023, 1)]))
        #expect(log.countsByYear(ActivityFilter(from: date(2016), to: date(2019))) == tallies([(2016, 0), (2017, 0), (2018, 3), (2019, 5)]))
        #expect(log.countsByYear(ActivityFilter(from: date(2022), to: date(2022))) == tallies([(2022, 0)]))
        #expect(log.countsByYear(ActivityFilter(from: date(2024))).isEmpty)
        #expect(empty.countsByYear().isEmpty)
    }

    @Test func filtersByOverlappingPeriods() {
        let spring = ActivityFilter(from: date(2019, 6), to: date(2021, 3))
        #expect(log.activities(matching: spring).map(\.title) == ["ورشة المسرح", "زيارة المكتبة", "محاضرة الشعر", "ورشة الرسم", "معرض الكتاب"])
        #expect(log.countsByYear(spring) == tallies([(2019, 2), (2020, 0), (2021, 3)]))
        let june2021 = ActivityFilter(from: date(2021, 6), to: date(2021, 6))
        #expect(log.activities(matching: june2021).map(\.title) == ["معرض الكتاب"])
        let day = ActivityFilter(from: date(2023, 1, 5), to: date(2023, 1, 5))
        #expect(log.activities(matching: day).map(\.title) == ["معرض الخط", "ورشة الخط الثانية", "ورشة التوثيق"])
        let toYear = ActivityFilter(to: date(2019))
        #expect(log.activities(matching: toYear).count == 8)
        let upToDay = ActivityFilter(to: date(2019, 1, 15))
        #expect(log.activities(matching: upToDay).map(\.title) == ["ورشة الكتابة", "معرض الصور", "ورشة التصوير", "ورشة الخط"])
        let inverted = ActivityFilter(from: date(2021, 6), to: date(2021, 3))
        #expect(log.activities(matching: inverted).isEmpty)
        #expect(log.countsByYear(inverted).isEmpty)
        #expect(log.countsByMonth(inverted).tallies.isEmpty)
        #expect(log.countsByYear(ActivityFilter(from: date(2021, 3, 20), to: date(2021, 3, 10))).isEmpty)
        #expect(log.countsByMonth(ActivityFilter(from: date(2021, 3, 20), to: date(2021, 3, 10))).tallies.isEmpty)
        #expect(log.activities(matching: ActivityFilter()) == log.activities)
    }

    @Test func includesAYearOnlyActivityInAnyRangeItOverlaps() {
        let activity = Activity(date: date(2020), category: "a", title: "t")
        #expect(ActivityFilter(from: date(2020, 6)).includes(activity))
        #expect(ActivityFilter(to: date(2020, 1, 1)).includes(activity))
        #expect(ActivityFilter(from: date(2020, 12, 31), to: date(2021)).includes(activity))
        #expect(!ActivityFilter(from: date(2021, 1, 1)).includes(activity))
        #expect(!ActivityFilter(to: date(2019, 12)).includes(activity))
        #expect(!ActivityFilter(categories: ["b"]).includes(activity))
        #expect(ActivityFilter(from: date(2019), to: date(2020), categories: ["b", "a"]).includes(activity))
    }

    @Test func countsByMonthWithUnplacedActivities() {
        let (months, unplaced) = log.countsByMonth()
        #expect(unplaced == 3)
        #expect(months.count == 67)
        #expect(months.first?.key == YearMonth(year: 2018, month: 3))
        #expect(months.last?.key == YearMonth(year: 2023, month: 9))
        #expect(zip(months, months.dropFirst()).allSatisfy { $0.key < $1.key })
        let busy = months.filter { $0.count > 0 }.map { ($0.key.description, $0.count) }
        #expect(busy.map(\.0) == ["2018-03", "2018-11", "2019-01", "2019-02", "2019-06", "2019-12", "2021-02", "2021-03",
                                  "2021-07", "2021-12", "2023-01", "2023-04", "2023-09"])
        #expect(busy.map(\.1) == [1, 1, 2, 1, 1, 1, 1, 1, 2, 1, 2, 2, 1])
    }

    @Test func countsByMonthWithinAFilter() {
        let (months, unplaced) = log.countsByMonth(ActivityFilter(from: date(2021), to: date(2021, 3), categories: [workshop, exhibition]))
        #expect(months == tallies([(YearMonth(year: 2021, month: 1), 0), (YearMonth(year: 2021, month: 2), 0), (YearMonth(year: 2021, month: 3), 1)]))
        #expect(unplaced == 1)
        let june = log.countsByMonth(ActivityFilter(from: date(2021, 6), to: date(2021, 6)))
        #expect(june.tallies == tallies([(YearMonth(year: 2021, month: 6), 0)]))
        #expect(june.unplaced == 1)
        let odd = log.countsByMonth(ActivityFilter(from: date(2021, 100), to: date(2023, 0)))
        #expect(odd.tallies.first?.key == YearMonth(year: 2021, month: 12))
        #expect(odd.tallies.last?.key == YearMonth(year: 2023, month: 1))
        #expect(odd.tallies.count == 14)
        #expect(odd.tallies.allSatisfy { $0.count == 0 })
        let yearOnly = ActivityLog(name: "y", activities: [Activity(date: date(2020), category: "a", title: "t")])
        #expect(yearOnly.countsByMonth().tallies.isEmpty)
        #expect(yearOnly.countsByMonth().unplaced == 1)
        #expect(empty.countsByMonth().tallies.isEmpty)
        #expect(empty.countsByMonth().unplaced == 0)
    }

    @Test func countsByCategoryMostFirstTiesByFirstAppearance() {
        #expect(log.countsByCategory() == tallies([(workshop, 10), (exhibition, 4), (lecture, 4), (visit, 2)]))
        #expect(log.countsByCategory(ActivityFilter(from: date(2019), to: date(2019)))
                == tallies([(workshop, 2), (lecture, 2), (visit, 1)]))
        #expect(empty.countsByCategory().isEmpty)
    }

    @Test func countsByCategoryInTheFiltersOrderWithZeros() {
        #expect(log.countsByCategory(ActivityFilter(categories: [visit, "حفل", lecture, visit]))
                == tallies([(visit, 2), ("حفل", 0), (lecture, 4)]))
        #expect(log.countsByCategory(ActivityFilter(from: date(2018), to: date(2018), categories: [lecture, workshop]))
                == tallies([(lecture, 0), (workshop, 2)]))
    }

    @Test func countsByYearAndCategory() {
        let table = log.countsByYearAndCategory()
        #expect(table.years == [2018, 2019, 2020, 2021, 2022, 2023])
        #expect(table.categories == [workshop, exhibition, lecture, visit])
        #expect(table.counts == [[2, 1, 0, 0], [2, 0, 2, 1], [0, 0, 0, 0], [3, 1, 2, 0], [0, 0, 0, 0], [3, 2, 0, 1]])
        #expect(table.yearTotals == [3, 5, 0, 6, 0, 6])
        #expect(table.categoryTotals == [10, 4, 4, 2])
        #expect(table.count(year: 2021, category: lecture) == 2)
        #expect(table.count(year: 2020, category: workshop) == 0)
        #expect(table.count(year: 2030, category: workshop) == 0)
        #expect(table.count(year: 2021, category: "حفل") == 0)
    }

    @Test func countsByYearAndCategoryWithinAFilter() {
        let table = log.countsByYearAndCategory(ActivityFilter(from: date(2020), categories: [visit, lecture]))
        #expect(table.years == [2020, 2021, 2022, 2023])
        #expect(table.categories == [visit, lecture])
        #expect(table.counts == [[0, 0], [0, 2], [0, 0], [1, 0]])
        let none = empty.countsByYearAndCategory(ActivityFilter(categories: [visit]))
        #expect(none.years.isEmpty)
        #expect(none.categories == [visit])
        #expect(none.counts.isEmpty)
        #expect(none.categoryTotals == [0])
    }

    @Test func cumulativeByYear() {
        #expect(log.cumulativeByYear() == tallies([(2018, 3), (2019, 8), (2020, 8), (2021, 14), (2022, 14), (2023, 20)]))
        #expect(log.cumulativeByYear(ActivityFilter(from: date(2021), categories: [workshop])) == tallies([(2021, 3), (2022, 3), (2023, 6)]))
        #expect(empty.cumulativeByYear().isEmpty)
    }

    @Test func topCategoriesWithTheRestSummed() {
        #expect(log.topCategories(2, otherLabel: "أخرى") == tallies([(workshop, 10), (exhibition, 4), ("أخرى", 6)]))
        #expect(log.topCategories(3, otherLabel: "أخرى") == tallies([(workshop, 10), (exhibition, 4), (lecture, 4), ("أخرى", 2)]))
        #expect(log.topCategories(4, otherLabel: "أخرى") == log.countsByCategory())
        #expect(log.topCategories(10, otherLabel: "أخرى") == log.countsByCategory())
        #expect(log.topCategories(0, otherLabel: "أخرى") == tallies([("أخرى", 20)]))
        #expect(log.topCategories(-1, otherLabel: "أخرى") == tallies([("أخرى", 20)]))
        #expect(empty.topCategories(2, otherLabel: "أخرى").isEmpty)
    }

    @Test func topCategoriesRanksTheFiltersCategoriesByCount() {
        let filter = ActivityFilter(categories: [visit, lecture, "حفل", workshop])
        #expect(log.topCategories(2, filter: filter, otherLabel: "أخرى") == tallies([(workshop, 10), (lecture, 4), ("أخرى", 2)]))
        #expect(log.topCategories(3, filter: filter, otherLabel: "أخرى") == tallies([(workshop, 10), (lecture, 4), (visit, 2)]))
    }

    @Test func changeBetweenYears() {
        let growth = log.change(from: 2019, to: 2021)
        #expect(growth.absolute == 1)
        #expect(growth.relative == 0.2)
        let fromNothing = log.change(from: 2020, to: 2021)
        #expect(fromNothing.absolute == 6)
        #expect(fromNothing.relative == nil)
        let drop = log.change(from: 2021, to: 2022)
        #expect(drop.absolute == -6)
        #expect(drop.relative == -1)
        let workshops = log.change(from: 2019, to: 2023, ActivityFilter(categories: [workshop]))
        #expect(workshops.absolute == 1)
        #expect(workshops.relative == 0.5)
    }

    @Test func yearMonthsOrderAndPrint() {
        #expect(YearMonth(year: 2020, month: 12) < YearMonth(year: 2021, month: 1))
        #expect(YearMonth(year: 2021, month: 2) > YearMonth(year: 2021, month: 1))
        #expect(YearMonth(year: 987, month: 4).description == "0987-04")
    }
}
