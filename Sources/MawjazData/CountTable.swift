// Counts by year and category, the data of stacked and grouped charts.

/// How many activities each year has in each category: `counts[yearIndex][categoryIndex]`.
///
/// Built by `ActivityLog.countsByYearAndCategory(_:)`, which keeps every row as long as `categories`.
public struct CountTable: Hashable, Sendable {
    /// The years, every one from the first to the last, in order.
    public internal(set) var years: [Int]
    /// The categories, in the order the chart shows them.
    public internal(set) var categories: [String]
    /// One row per year, one count per category.
    public internal(set) var counts: [[Int]]

    /// A table from its years, categories and counts (`counts[yearIndex][categoryIndex]`).
    init(years: [Int], categories: [String], counts: [[Int]]) {
        self.years = years; self.categories = categories; self.counts = counts
    }

    /// The count for a year and category, 0 when either is not in the table.
    public func count(year: Int, category: String) -> Int {
        guard let row = years.firstIndex(of: year), let column = categories.firstIndex(of: category) else { return 0 }
        return counts[row][column]
    }

    /// Each year's count over all categories, in the order of `years`.
    public var yearTotals: [Int] { counts.map { $0.reduce(0, +) } }

    /// Each category's count over all years, in the order of `categories`.
    public var categoryTotals: [Int] {
        categories.indices.map { column in counts.reduce(0) { $0 + $1[column] } }
    }
}
