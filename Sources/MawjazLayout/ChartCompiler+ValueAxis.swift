// The value axis: a linear scale over the data (or the chart's own domain) with round 1-2-5 ticks, as many as
// its length holds without their labels touching.
import MawjazFrame

/// A value axis before it is placed: the scale's domain, its ticks and their labels.
struct ValueAxis {
    var domain: ClosedRange<Double>
    var ticks: [Double]
    var labels: [ChartText]
    /// The decimals the ticks are written with (data labels use at least as many).
    var fractionDigits: Int

    /// The widest tick label.
    var labelWidth: Double { labels.map(\.size.width).max() ?? 0 }
    /// The tallest tick label.
    var labelHeight: Double { labels.map(\.size.height).max() ?? 0 }
}

extension ChartCompiler {
    /// The value axis over `low...high`, or over the chart's domain when it has one, `length` points long, with
    /// ticks at least `room(label) + 4` points apart.
    func valueAxis(low: Double, high: Double, length: Double,
                   room: (ChartText) -> Double) throws(LayoutError) -> ValueAxis {
        let values = chart.series.flatMap(\.values) + (chart.domain.map { [$0.lowerBound, $0.upperBound] } ?? [])
        let whole = values.allSatisfy { abs($0 - $0.rounded()) < 1e-9 }
        var target = max(1, Int(length / 28))
        while true {
            let ticks = chart.domain.map { LinearScale.ticks(inside: $0, targetCount: target, wholeNumbers: whole) }
                ?? LinearScale.niceTicks(minimum: low, maximum: high, targetCount: target, wholeNumbers: whole)
            let domain = chart.domain ?? (ticks.first ?? low)...(ticks.last ?? high)
            let span = max(domain.upperBound - domain.lowerBound, 1e-9)
            let step = ticks.count > 1 ? ticks[1] - ticks[0] : span
            let digits = LinearScale.fractionDigits(of: step)
            let labels = try ticks.map { tick throws(LayoutError) in try text(format.tick(tick, fractionDigits: digits)) }
            let needed = (labels.map(room).max() ?? 0) + 4
            let spacing = step / span * length
            if spacing >= needed || target == 1 {
                // At the least target, a very short axis keeps every k-th tick, zero among them.
                let every = spacing >= needed ? 1 : Int((needed / max(spacing, 1e-9)).rounded(.up))
                let anchor = ticks.firstIndex { abs($0) < 1e-12 } ?? 0
                let kept = ticks.indices.filter { ($0 - anchor) % every == 0 }
                return ValueAxis(domain: domain, ticks: kept.map { ticks[$0] }, labels: kept.map { labels[$0] }, fractionDigits: digits)
            }
            target -= 1
        }
    }
}
