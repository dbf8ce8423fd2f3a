// Counting activities for charts and facts: by year, month and category, cumulative, top categories, change.

extension ActivityLog {
    /// The activities the filter keeps, in log order.
    public func activities(matching filter: ActivityFilter) -> [Activity] {
        filter == ActivityFilter() ? activities : activities.filter(filter.includes)
    }

    /// How many activities there are.
    public var total: Int { activities.count }

    /// The year of the earliest activity, or nil when there are none.
    public var firstYear: Int? { activities.lazy.map(\.date.year).min() }

    /// The year of the latest activity, or nil when there are none.
    public var lastYear: Int? { activities.lazy.map(\.date.year).max() }

    /// Activities per year, every year from `filter.from` (else the first activity's) to `filter.to` (else the
    /// last activity's), years without activities included as 0; empty when there is no such range.
    public func countsByYear(_ filter: ActivityFilter = .init()) -> [Tally<Int>] {
        let matching = activities(matching: filter)
        guard let years = yearRange(of: matching, filter) else { return [] }
        var counts = [Int](repeating: 0, count: years.count)
        for activity in matching { counts[activity.date.year - years.lowerBound] += 1 }
        return zip(years, counts).map { Tally(key: $0, count: $1) }
    }

    /// Activities per month, every month from `filter.from` (else the first activity dated to the month) to
    /// `filter.to` (else the last one), zeros included; activities dated only to the year are counted in `unplaced`.
    public func countsByMonth(_ filter: ActivityFilter = .init()) -> (tallies: [Tally<YearMonth>], unplaced: Int) {
        let matching = activities(matching: filter)
        let placed = matching.compactMap { activity in
            activity.date.month.flatMap { (1...12).contains($0) ? YearMonth(year: activity.date.year, month: $0) : nil }
        }
        let first = filter.from.map { YearMonth(year: $0.year, month: $0.month ?? 1) } ?? placed.min()
        let last = filter.to.map { YearMonth(year: $0.year, month: $0.month ?? 12) } ?? placed.max()
        guard let first, let last, first <= last, !filter.isEmptyRange else { return ([], matching.count) }
        var counts = [Int](repeating: 0, count: last.ordinal - first.ordinal + 1)
        for month in placed { counts[month.ordinal - first.ordinal] += 1 }
        let tallies = counts.enumerated().map { Tally(key: YearMonth(ordinal: first.ordinal + $0), count: $1) }
        return (tallies, matching.count - placed.count)
    }

    /// Activities per category: most first, ties in order of first appearance; when the filter lists categories,
    /// exactly those, in its order, zeros included.
    public func countsByCategory(_ filter: ActivityFilter = .init()) -> [Tally<String>] {
        let matching = activities(matching: filter)
        var order = filter.categories.map(Self.unique) ?? []
        var counts = Dictionary(uniqueKeysWithValues: order.map { ($0, 0) })
        for activity in matching {
            if counts[activity.category] == nil { order.append(activity.category) }
            counts[activity.category, default: 0] += 1
        }
        let tallies = order.map { Tally(key: $0, count: counts[$0] ?? 0) }
        guard filter.categories == nil else { return tallies }
        return tallies.enumerated().sorted { ($0.element.count, $1.offset) > ($1.element.count, $0.offset) }.map(\.element)
    }

    /// Activities per year and category: the years of `countsByYear`, the categories of `countsByCategory`.
    public func countsByYearAndCategory(_ filter: ActivityFilter = .init()) -> CountTable {
        let matching = activities(matching: filter)
        let categories = countsByCategory(filter).map(\.key)
        guard let years = yearRange(of: matching, filter) else { return CountTable(years: [], categories: categories, counts: []) }
        let column = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
        var counts = [[Int]](repeating: [Int](repeating: 0, count: categories.count), count: years.count)
        for activity in matching {
            if let index = column[activity.category] { counts[activity.date.year - years.lowerBound][index] += 1 }
        }
        return CountTable(years: Array(years), categories: categories, counts: counts)
    }

    /// The running total of `countsByYear`: each year's count is the activities of that year and the years before
    /// it, within the filter.
    public func cumulativeByYear(_ filter: ActivityFilter = .init()) -> [Tally<Int>] {
        var sum = 0
        return countsByYear(filter).map { tally in
            sum += tally.count
            return Tally(key: tally.key, count: sum)
        }
    }

    /// The `n` categories with the most activities (ties in the order of `countsByCategory`), then one
    /// `otherLabel` entry summing the rest, left out when the rest is 0.
    public func topCategories(_ n: Int, filter: ActivityFilter = .init(), otherLabel: String) -> [Tally<String>] {
        let ranked = countsByCategory(filter).enumerated()
            .sorted { ($0.element.count, $1.offset) > ($1.element.count, $0.offset) }.map(\.element)
        let top = Array(ranked.prefix(max(0, n)))
        let rest = ranked.dropFirst(max(0, n)).reduce(0) { $0 + $1.count }
        return rest > 0 ? top + [Tally(key: otherLabel, count: rest)] : top
    }

    /// How the number of activities changed from `year` to `other`: the difference, and that difference as a
    /// fraction of `year`'s count (0.25 for a quarter more), nil when `year` has none.
    public func change(from year: Int, to other: Int, _ filter: ActivityFilter = .init()) -> (absolute: Int, relative: Double?) {
        let matching = activities(matching: filter)
        let base = matching.reduce(0) { $0 + ($1.date.year == year ? 1 : 0) }
        let value = matching.reduce(0) { $0 + ($1.date.year == other ? 1 : 0) }
        return (value - base, base == 0 ? nil : Double(value - base) / Double(base))
    }

    /// The years from the filter's bounds, else from the activities' first and last; nil when there are none
    /// or the filter's range is empty.
    private func yearRange(of matching: [Activity], _ filter: ActivityFilter) -> ClosedRange<Int>? {
        guard !filter.isEmptyRange, let first = filter.from?.year ?? matching.lazy.map(\.date.year).min(),
              let last = filter.to?.year ?? matching.lazy.map(\.date.year).max(), first <= last else { return nil }
        return first...last
    }

    /// The names without repeats, in order of first appearance.
    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
