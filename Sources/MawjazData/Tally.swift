// One bar of a chart: a key and how many activities it has.

/// How many activities fall under one key (a year, a month, a category).
public struct Tally<Key: Hashable & Sendable>: Hashable, Sendable {
    /// What was counted.
    public var key: Key
    /// How many activities it has.
    public var count: Int

    /// A count for a key.
    public init(key: Key, count: Int) {
        self.key = key; self.count = count
    }
}
