// Choosing the activities a chart or table counts: a date range and a set of categories.

/// Which activities to count: those whose date overlaps `from`…`to` and whose category is listed.
///
/// Both bounds are inclusive and a partial bound covers its whole period: `to: 2020` runs to 2020-12-31,
/// `from: 2020-06` starts at 2020-06-01. A partially dated activity covers its whole period too, and is
/// included when that period overlaps the range: an activity dated `2020` is inside `from: 2020-06`.
/// A range that ends before it starts keeps nothing.
public struct ActivityFilter: Hashable, Sendable, Codable {
    /// The first date counted, or nil for no lower bound.
    public var from: CalendarDate?
    /// The last date counted, or nil for no upper bound.
    public var to: CalendarDate?
    /// The categories counted (exact, case-sensitive names), or nil for all; aggregations keep this order.
    public var categories: [String]?

    /// A filter; with no arguments, one that keeps every activity.
    public init(from: CalendarDate? = nil, to: CalendarDate? = nil, categories: [String]? = nil) {
        self.from = from; self.to = to; self.categories = categories
    }

    /// Whether the filter keeps `activity`.
    public func includes(_ activity: Activity) -> Bool {
        includes(date: activity.date, category: activity.category)
    }

    /// Whether the filter keeps an activity of that date and category.
    func includes(date: CalendarDate, category: String) -> Bool {
        if isEmptyRange { return false }
        if let from, (date.year, date.month ?? 12, date.day ?? 31) < (from.year, from.month ?? 1, from.day ?? 1) {
            return false
        }
        if let to, (date.year, date.month ?? 1, date.day ?? 1) > (to.year, to.month ?? 12, to.day ?? 31) {
            return false
        }
        return categories?.contains(category) ?? true
    }

    /// The range ends before it starts, so it holds no day.
    var isEmptyRange: Bool {
        guard let from, let to else { return false }
        return (from.year, from.month ?? 1, from.day ?? 1) > (to.year, to.month ?? 12, to.day ?? 31)
    }
}
