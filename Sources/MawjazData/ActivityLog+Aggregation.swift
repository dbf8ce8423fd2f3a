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
        guard let years = yearRange(filter) else { return [] }
        var counts = [Int](repeating: 0, count: years.count)
        forEach(matching: filter) { date, _ in counts[date.year - years.lowerBound] += 1 }
        return zip(years, counts).map { Tally(key: $0, count: $1) }
    }

    /// Activities per month, every month from `filter.from` (else the first activity dated to the month) to
    /// `filter.to` (else the last one), zeros included; activities dated only to the year are counted in `unplaced`.
    public func countsByMonth(_ filter: ActivityFilter = .init()) -> (tallies: [Tally<YearMonth>], unplaced: Int) {
        var matching = 0, placed = 0
        var earliest = Int.max, latest = Int.min
        forEach(matching: filter) { date, _ in
            matching += 1
            guard let month = YearMonth(date) else { return }
            placed += 1
            earliest = min(earliest, month.ordinal)
            latest = max(latest, month.ordinal)
        }
        // A bound's month is clamped to 1...12, so that a filter built in code with another month cannot
        // place an activity outside the table.
        let first = filter.from.map { YearMonth(year: $0.year, month: min(max($0.month ?? 1, 1), 12)).ordinal }
            ?? (placed > 0 ? earliest : nil)
        let last = filter.to.map { YearMonth(year: $0.year, month: min(max($0.month ?? 12, 1), 12)).ordinal }
            ?? (placed > 0 ? latest : nil)
        guard let first, let last, first <= last, !filter.isEmptyRange else { return ([], matching) }
        var counts = [Int](repeating: 0, count: last - first + 1)
        forEach(matching: filter) { date, _ in
            if let month = YearMonth(date) { counts[month.ordinal - first] += 1 }
        }
        let tallies = counts.enumerated().map { Tally(key: YearMonth(ordinal: first + $0), count: $1) }
        return (tallies, matching - placed)
    }

    /// Activities per category: most first, ties in order of first appearance; when the filter lists categories,
    /// exactly those, in its order, zeros included.
    public func countsByCategory(_ filter: ActivityFilter = .init()) -> [Tally<String>] {
        var index = NameIndex(filter.categories ?? [])
        var counts = [Int](repeating: 0, count: index.names.count)
        forEach(matching: filter) { _, category in
            let number = index.number(of: category)
            if number == counts.count { counts.append(0) }
            counts[number] += 1
        }
        let tallies = zip(index.names, counts).map { Tally(key: $0, count: $1) }
        return filter.categories == nil ? Self.ranked(tallies) : tallies
    }

    /// Activities per year and category: the years of `countsByYear`, the categories of `countsByCategory`.
    public func countsByYearAndCategory(_ filter: ActivityFilter = .init()) -> CountTable {
        let years = yearRange(filter) ?? 0..<0
        var index = NameIndex(filter.categories ?? [])
        var columns = [[Int]](repeating: [Int](repeating: 0, count: years.count), count: index.names.count)
        forEach(matching: filter) { date, category in
            let number = index.number(of: category)
            if number == columns.count { columns.append([Int](repeating: 0, count: years.count)) }
            columns[number][date.year - years.lowerBound] += 1
        }
        var order = Array(columns.indices)
        if filter.categories == nil {
            let totals = columns.map { $0.reduce(0, +) }
            order.sort { (totals[$0], $1) > (totals[$1], $0) }
        }
        let counts = years.map { year in order.map { columns[$0][year - years.lowerBound] } }
        return CountTable(years: Array(years), categories: order.map { index.names[$0] }, counts: counts)
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
        let ranked = Self.ranked(countsByCategory(filter))
        let top = Array(ranked.prefix(max(0, n)))
        let rest = ranked.dropFirst(max(0, n)).reduce(0) { $0 + $1.count }
        return rest > 0 ? top + [Tally(key: otherLabel, count: rest)] : top
    }

    /// How the number of activities changed from `year` to `other`: the difference, and that difference as a
    /// fraction of `year`'s count (0.25 for a quarter more), nil when `year` has none.
    public func change(from year: Int, to other: Int, _ filter: ActivityFilter = .init()) -> (absolute: Int, relative: Double?) {
        var base = 0, value = 0
        forEach(matching: filter) { date, _ in
            if date.year == year { base += 1 }
            if date.year == other { value += 1 }
        }
        return (value - base, base == 0 ? nil : Double(value - base) / Double(base))
    }

    /// Calls `body` with the date and category of each activity the filter keeps, in log order
    /// (reading only those two fields, rather than copying every activity).
    @inline(__always)
    private func forEach(matching filter: ActivityFilter, _ body: (CalendarDate, String) -> Void) {
        activities.withUnsafeBufferPointer { activities in
            for index in activities.indices {
                let date = activities[index].date, category = activities[index].category
                if filter.includes(date: date, category: category) { body(date, category) }
            }
        }
    }

    /// The years from the filter's bounds, else from the kept activities' first and last; nil when there are none
    /// or the filter's range is empty.
    private func yearRange(_ filter: ActivityFilter) -> Range<Int>? {
        guard !filter.isEmptyRange else { return nil }
        var first = filter.from?.year, last = filter.to?.year
        if first == nil || last == nil {
            var lowest = Int.max, highest = Int.min
            forEach(matching: filter) { date, _ in
                lowest = min(lowest, date.year)
                highest = max(highest, date.year)
            }
            guard lowest <= highest else { return nil }
            first = first ?? lowest
            last = last ?? highest
        }
        guard let first, let last, first <= last else { return nil }
        return first..<last + 1
    }

    /// Tallies most first, ties kept in their order.
    private static func ranked(_ tallies: [Tally<String>]) -> [Tally<String>] {
        tallies.enumerated().sorted { ($0.element.count, $1.offset) > ($1.element.count, $0.offset) }.map(\.element)
    }
}
