// Shares of a whole: a donut's slices as whole percentages that add up to exactly 100.

extension Chart {
    /// Each category's share of the first series' total in whole percent, adding up to 100: every share is
    /// rounded down, then the largest remainders get one point more (ties to the earlier category).
    package var shares: [Int] {
        let values = series.first?.values ?? []
        let total = values.reduce(0, +)
        guard total > 0 else { return values.map { _ in 0 } }
        let exact = values.map { $0 / total * 100 }
        var shares = exact.map { Int($0.rounded(.down)) }
        let missing = 100 - shares.reduce(0, +)
        let order = exact.indices.sorted { (exact[$0] - Double(shares[$0]), $1) > (exact[$1] - Double(shares[$1]), $0) }
        for index in order.prefix(max(0, missing)) { shares[index] += 1 }
        return shares
    }
}
