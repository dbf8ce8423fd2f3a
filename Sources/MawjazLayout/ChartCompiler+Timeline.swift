// The timeline chart: dated events along a time axis (the earliest on the start side), each a dot with a flag —
// its date and text — on a stem, flags set in lanes above and below the axis so that no flag covers another
// or a stem.
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazLanguage

extension ChartCompiler {
    /// The most lanes of flags on each side of the axis.
    static let timelineLanes = 3

    /// Compiles a timeline from `top`; returns the axis's extent and the chart's bottom.
    func compileTimeline(on canvas: inout ChartCanvas, top: Double) throws(LayoutError) -> (plot: Rect, bottom: Double) {
        let events = chart.events
        let positions = events.map { Self.fractionalYear($0.date) }
        guard let first = positions.min(), let last = positions.max() else { throw failure(.timelineNeedsEvent) }

        let axis = try timeAxis(first: first, last: last)
        let inset = axis.inset
        let scale = LinearScale(domain: axis.domain, range: rightToLeft ? (width - inset, inset) : (inset, width - inset))

        // Flags: the date in bold over the text, wrapped to a third of the width.
        let flagWidth = min(170, max(90, width * 0.3))
        var flags: [(date: ChartText, body: ChartText, size: Size)] = []
        for event in events {
            let date = try text(event.dateText, bold: true, alignment: .start)
            let body = try text(event.text, width: flagWidth, alignment: .start)
            flags.append((date, body, Size(width: max(date.size.width, body.size.width), height: date.size.height + body.size.height)))
        }
        let laneHeight = (flags.map(\.size.height).max() ?? 0) + 6
        let xs = positions.map { scale.position($0) }
        let placements = try placeFlags(flags.map(\.size), at: xs)

        // Heights: lanes above the axis, the axis with its year labels, lanes below.
        let stem = 10.0
        let yearRow = axis.labelHeight + 3
        let above = (placements.filter { $0.above }.map(\.lane).max() ?? -1) + 1
        let below = (placements.filter { !$0.above }.map(\.lane).max() ?? -1) + 1
        let axisY = top + Double(above) * laneHeight + (above > 0 ? stem - 6 : 4)
        let belowTop = axisY + yearRow + stem - 4
        let bottom = below > 0 ? belowTop + Double(below) * laneHeight - 6 : axisY + yearRow
        let axisLeft = min(scale.range.lower, scale.range.upper), axisRight = max(scale.range.lower, scale.range.upper)
        canvas.line(from: Point(x: axisLeft, y: axisY), to: Point(x: axisRight, y: axisY),
                    stroke: Stroke(color: context.palette.muted, width: 1), on: .grid)

        // Flags on their stems, then the year ticks the stems below the axis leave free.
        var belowStems: [Double] = []
        for (index, placement) in placements.enumerated() {
            let flag = flags[index]
            let x = xs[index]
            let boxTop = placement.above ? axisY - stem - Double(placement.lane) * laneHeight - flag.size.height
                : belowTop + Double(placement.lane) * laneHeight
            let stemEnd = placement.above ? boxTop + flag.size.height : boxTop
            canvas.line(from: Point(x: x, y: axisY), to: Point(x: x, y: stemEnd), stroke: Stroke(color: context.palette.rule, width: 0.7), on: .grid)
            if !placement.above { belowStems.append(x) }
            // Text against the edge beside the stem, or the start edge when the flag stands over its stem.
            let againstRight = placement.stem >= placement.maxX || (placement.stem > placement.minX && rightToLeft)
            let dateX = againstRight ? placement.maxX - flag.date.size.width : placement.minX
            let bodyX = againstRight ? placement.maxX - flag.body.size.width : placement.minX
            canvas.put(flag.date, at: Point(x: dateX, y: boxTop), role: .event)
            canvas.put(flag.body, at: Point(x: bodyX, y: boxTop + flag.date.size.height), role: .event)
            let dot = Shape(.circle(center: .zero, radius: 3), fill: context.palette.accent, stroke: Stroke(color: .white, width: 0.8))
            canvas.draw(dot, at: Point(x: x, y: axisY), on: .overlay)
            canvas.record(ChartMark(kind: .event, series: 0, category: index, value: positions[index],
                                    bounds: dot.bounds.offsetBy(dx: x, dy: axisY), length: 0))
        }
        for (tick, label) in axis.ticks {
            let x = scale.position(tick)
            canvas.line(from: Point(x: x, y: axisY), to: Point(x: x, y: axisY + 3), stroke: Stroke(color: context.palette.muted, width: 0.8), on: .grid)
            let point = Point(x: x - label.size.width / 2, y: axisY + 3)
            let box = label.box(at: point)
            if canvas.isFree(box, gap: 1), !belowStems.contains(where: { $0 >= box.minX - 2 && $0 <= box.maxX + 2 }) {
                canvas.put(label, at: point, role: .tick)
            }
        }
        return (Rect(x: axisLeft, y: axisY, width: axisRight - axisLeft, height: 0), bottom)
    }

    /// Where each flag goes. Two ways are tried — flags starting beside their stems towards later dates, placed from
    /// the latest event back, and flags towards earlier dates, placed from the earliest on — and the one with fewer
    /// lanes kept (the first on a tie).
    private func placeFlags(_ sizes: [Size], at xs: [Double]) throws(LayoutError) -> [FlagPlacement] {
        let towardsLater = placeFlags(sizes, at: xs, towardsLater: true)
        let towardsEarlier = placeFlags(sizes, at: xs, towardsLater: false)
        let lanes = { (placements: [FlagPlacement]) in placements.map { $0.lane + ($0.above ? 0 : Self.timelineLanes) }.max() ?? 0 }
        switch (towardsLater, towardsEarlier) {
        case (.some(let later), .some(let earlier)): return lanes(earlier) < lanes(later) ? earlier : later
        case (.some(let placements), nil), (nil, .some(let placements)): return placements
        case (nil, nil):
            throw failure(.timelineTooCrowded(xs.count, width: Int(width)))
        }
    }

    /// Each flag in the lowest lane, above the axis before below it, where it touches no flag of that lane, crosses
    /// no stem of a farther lane, and no flag of a nearer lane stands across its own stem; nil when one finds none.
    /// A flag starts beside its stem in the preferred direction if it can, else in the other, else it stands over
    /// its stem (centred, then shifted).
    private func placeFlags(_ sizes: [Size], at xs: [Double], towardsLater: Bool) -> [FlagPlacement]? {
        var placed: [Int: FlagPlacement] = [:]
        let ahead = towardsLater != rightToLeft   // whether the preferred side is the right
        for index in towardsLater ? Array(xs.indices.reversed()) : Array(xs.indices) {
            let x = xs[index], w = sizes[index].width
            let lefts = [ahead ? x + 3 : x - 3 - w, ahead ? x - 3 - w : x + 3, x - w / 2, x - w / 4, x - 3 * w / 4,
                         min(max(0, x - w / 2), width - w)]
            var found: FlagPlacement?
            search: for lane in 0..<Self.timelineLanes {
                for above in [true, false] {
                    for left in lefts where left >= 0 && left + w <= width {
                        let candidate = FlagPlacement(above: above, lane: lane, minX: left, maxX: left + w, stem: x)
                        if placed.values.allSatisfy({ candidate.clears($0) }) { found = candidate; break search }
                    }
                }
            }
            guard let found else { return nil }
            placed[index] = found
        }
        return xs.indices.compactMap { placed[$0] }
    }

    /// The time axis from `first` to `last` (fractional years): whole years in round steps, or, for events less
    /// than two years apart, months in steps of 1, 2, 3 or 6; inset by half a label at each end.
    private func timeAxis(first: Double, last: Double) throws(LayoutError) -> TimeAxis {
        if last - first >= 2 {
            let sample = try text(format.numerals.year(Int(last.rounded(.down))))
            let target = max(1, Int((width - sample.size.width) / (sample.size.width + 18)))
            let years = LinearScale.niceTicks(minimum: first.rounded(.down), maximum: last.rounded(.down) + 1, targetCount: target, wholeNumbers: true)
            var ticks: [(Double, ChartText)] = []
            for year in years { ticks.append((year, try text(format.numerals.year(Int(year))))) }
            return TimeAxis(domain: (years.first ?? first)...(years.last ?? last), ticks: ticks, inset: sample.size.width / 2 + 1)
        }
        let dates = DateWriter(language: context.document.language, numerals: context.numerals,
                               monthNames: context.document.settings.monthNames)
        let firstMonth = Int((first * 12 + 1e-9).rounded(.down)), lastMonth = Int((last * 12 + 1e-9).rounded(.down)) + 1
        let label = { (month: Int) throws(LayoutError) -> ChartText in
            try self.text(dates.format(CalendarDate(year: month / 12, month: month % 12 + 1)))
        }
        let widest = try (firstMonth...lastMonth).map { month throws(LayoutError) in try label(month).size.width }.max() ?? 0
        let target = max(1, Int((width - widest) / (widest + 18)))
        let step = [1, 2, 3, 6, 12].first { (lastMonth - firstMonth) / $0 + 1 <= target } ?? 12
        var ticks: [(Double, ChartText)] = []
        for month in firstMonth...lastMonth where month % step == 0 { ticks.append((Double(month) / 12, try label(month))) }
        return TimeAxis(domain: Double(firstMonth) / 12...Double(lastMonth) / 12, ticks: ticks, inset: widest / 2 + 1)
    }

    /// A date as a fractional year, at the start of the period it names (2021 is 2021.0, March 2021 is 2021 + 2/12).
    static func fractionalYear(_ date: CalendarDate) -> Double {
        Double(date.year) + (Double((date.month ?? 1) - 1) + Double((date.day ?? 1) - 1) / 31) / 12
    }
}

/// A timeline's axis: its extent in fractional years, its ticks with their labels, and how far it stands in from
/// the chart's sides.
struct TimeAxis {
    var domain: ClosedRange<Double>
    var ticks: [(Double, ChartText)]
    var inset: Double

    /// The tallest tick label.
    var labelHeight: Double { ticks.map(\.1.size.height).max() ?? 0 }
}

/// Where a timeline's flag goes: its side, its lane counted from the axis, its horizontal extent and its stem.
struct FlagPlacement {
    var above: Bool
    var lane: Int
    var minX: Double
    var maxX: Double
    var stem: Double

    /// Whether this flag and `other` leave each other and each other's stems alone.
    func clears(_ other: FlagPlacement) -> Bool {
        guard above == other.above else { return true }
        let gap = 6.0
        if lane == other.lane { return maxX + gap <= other.minX || other.maxX + gap <= minX }
        let (near, far) = lane < other.lane ? (self, other) : (other, self)
        // The far flag's stem passes the near lane; the near flag must not stand across it.
        return far.stem < near.minX - 2 || far.stem > near.maxX + 2
    }
}
