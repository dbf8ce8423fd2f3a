// Scales: how data values and categories map to positions in a chart.
import Foundation

/// Maps numbers in a domain linearly onto a range of positions.
struct LinearScale {
    var domain: ClosedRange<Double>
    /// Positions for the domain's lower and upper bound (the upper may be the smaller, as on a y axis).
    var range: (lower: Double, upper: Double)

    func position(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0 else { return range.lower }
        return range.lower + (value - domain.lowerBound) / span * (range.upper - range.lower)
    }

    /// Round tick values covering `minimum...maximum` in steps of 1, 2 or 5 times a power of ten; whole steps
    /// only when the data are counts.
    static func niceTicks(minimum: Double = 0, maximum: Double, targetCount: Int = 5, wholeNumbers: Bool = false) -> [Double] {
        let span = max(maximum - minimum, 1e-9)
        let rough = span / Double(max(1, targetCount))
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        var step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        if wholeNumbers { step = max(1, step.rounded(.up)) }
        let first = (minimum / step).rounded(.down) * step
        let last = (maximum / step).rounded(.up) * step
        let count = Int(((last - first) / step).rounded())
        return (0...count).map { first + Double($0) * step }
    }
}

/// Divides a range of positions into equal bands, one per category, the first on the start side.
struct BandScale {
    var count: Int
    /// The physical extent of the axis.
    var start: Double
    var end: Double
    /// The share of each band left empty between bars.
    var padding: Double
    var rightToLeft: Bool

    /// The width of one band.
    var step: Double { count > 0 ? (end - start) / Double(count) : 0 }
    /// The width of the bar inside a band.
    var barWidth: Double { step * (1 - padding) }

    /// The left edge of the bar of category `index`.
    func barLeft(_ index: Int) -> Double {
        let slot = rightToLeft ? count - 1 - index : index
        return start + Double(slot) * step + step * padding / 2
    }

    /// The centre of category `index`'s band.
    func center(_ index: Int) -> Double { barLeft(index) + barWidth / 2 }
}
