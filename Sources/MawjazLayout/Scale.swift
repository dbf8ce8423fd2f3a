// Scales: how values, categories and dates map to positions in a chart, and the round ticks that mark them.
import Foundation

/// Maps numbers in a domain linearly onto a range of positions.
struct LinearScale {
    var domain: ClosedRange<Double>
    /// Positions for the domain's lower and upper bound (the upper may be the smaller, as on a y axis or a
    /// right-to-left x axis).
    var range: (lower: Double, upper: Double)

    /// The position of `value`.
    func position(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0 else { return range.lower }
        return range.lower + (value - domain.lowerBound) / span * (range.upper - range.lower)
    }

    /// The step of round ticks covering a span in about `targetCount` steps: 1, 2 or 5 times a power of ten,
    /// and at least 1 for whole numbers.
    static func niceStep(span: Double, targetCount: Int, wholeNumbers: Bool) -> Double {
        let rough = max(span, 1e-9) / Double(max(1, targetCount))
        let magnitude = pow(10, log10(rough).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough * (1 - 1e-9) } ?? 10 * magnitude
        return wholeNumbers ? max(1, step.rounded(.up)) : step
    }

    /// Round tick values from a multiple of the step at or below `minimum` to one at or above `maximum`.
    static func niceTicks(minimum: Double = 0, maximum: Double, targetCount: Int = 5, wholeNumbers: Bool = false) -> [Double] {
        let step = niceStep(span: maximum - minimum, targetCount: targetCount, wholeNumbers: wholeNumbers)
        let first = Int((minimum / step + 1e-9).rounded(.down))
        let last = Int((maximum / step - 1e-9).rounded(.up))
        return (first...max(first + 1, last)).map { round(Double($0) * step, like: step) }
    }

    /// Round tick values inside a fixed domain: every multiple of a nice step that falls within it.
    static func ticks(inside domain: ClosedRange<Double>, targetCount: Int = 5, wholeNumbers: Bool = false) -> [Double] {
        let step = niceStep(span: domain.upperBound - domain.lowerBound, targetCount: targetCount, wholeNumbers: wholeNumbers)
        let first = Int((domain.lowerBound / step - 1e-9).rounded(.up))
        let last = Int((domain.upperBound / step + 1e-9).rounded(.down))
        guard first <= last else { return [] }
        return (first...last).map { round(Double($0) * step, like: step) }
    }

    /// The decimals a tick needs to be written exactly: 0 for steps of 1 or more, 1 for 0.5 or 0.2, 2 for 0.05…
    static func fractionDigits(of step: Double) -> Int {
        guard step < 1, step > 0 else { return 0 }
        return min(6, Int((-log10(step) - 1e-9).rounded(.up)))
    }

    /// `value` without the binary noise of multiplying by `step` (0.30000000000000004 becomes 0.3).
    private static func round(_ value: Double, like step: Double) -> Double {
        let scale = pow(10, Double(fractionDigits(of: step) + 2))
        return (value * scale).rounded() / scale
    }
}

/// Divides an axis into equal bands, one per category, the first at the axis's logical start.
struct BandScale {
    var count: Int
    /// The position where the axis starts (the right end of a right-to-left axis) and where it ends.
    var start: Double
    var end: Double
    /// The share of each band left empty around its bar.
    var padding: Double

    /// The distance from one band to the next.
    var step: Double { count > 0 ? abs(end - start) / Double(count) : 0 }
    /// The width of the bar inside a band.
    var bandwidth: Double { step * (1 - padding) }

    /// The centre of category `index`'s band.
    func center(_ index: Int) -> Double {
        start + (end >= start ? 1 : -1) * (Double(index) + 0.5) * step
    }

    /// The lower (left or top) edge of category `index`'s bar.
    func barMinimum(_ index: Int) -> Double { center(index) - bandwidth / 2 }
}
