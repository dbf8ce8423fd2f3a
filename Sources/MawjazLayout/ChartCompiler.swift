// The chart compiler: a bound chart becomes scales, axes, marks and labels, then frame items, in named stages —
// furniture (title, legend), the kind's plot, then caption and source.
import Foundation
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazLanguage
import MawjazText

/// Compiles one chart at a given width.
struct ChartCompiler {
    let context: LayoutContext
    let chart: Chart
    let width: Double
    let origin: BlockOrigin
    let paints: [SeriesPaint]
    let format: ChartNumberFormat

    init(context: LayoutContext, chart: Chart, width: Double) {
        self.context = context
        self.chart = chart
        self.width = width
        origin = BlockOrigin(kind: "chart", location: chart.source)
        let paintCount = chart.kind == .donut ? chart.categories.count : chart.series.count
        paints = context.palette.seriesPaints(count: max(1, paintCount))
        format = ChartNumberFormat(numerals: Numerals(context.numerals), percent: chart.percent)
    }

    var rightToLeft: Bool { chart.direction.isRightToLeft }

    /// The whole chart: title, legend, the plot of its kind, caption and source note.
    func compile() throws(LayoutError) -> CompiledChart {
        if chart.kind != .timeline {
            guard !chart.series.isEmpty, !chart.categories.isEmpty else { throw failure(.chartHasNoValues) }
            if let uneven = chart.series.first(where: { $0.values.count != chart.categories.count }) {
                throw failure(.seriesLengthMismatch(Message.excerpt(uneven.name), values: uneven.values.count, categories: chart.categories.count))
            }
        }
        var canvas = ChartCanvas(width: width)
        var y = 0.0
        if let title = chart.title {
            let shaped = try text(title, role: .chartTitle, width: width, alignment: .start)
            canvas.put(shaped, at: Point(x: startX(shaped.size.width), y: y), role: .title)
            y += shaped.size.height + 4
        }
        if hasLegend {
            y = try placeLegend(on: &canvas, top: y) + 6
        }
        let plot: Rect
        switch chart.kind {
        case .bar, .groupedBar, .stackedBar, .line, .area:
            (plot, y) = try compileColumns(on: &canvas, top: y)
        case .horizontalBar:
            (plot, y) = try compileHorizontalBars(on: &canvas, top: y)
        case .donut:
            (plot, y) = try compileDonut(on: &canvas, top: y)
        case .timeline:
            (plot, y) = try compileTimeline(on: &canvas, top: y)
        case .sparkline:
            plot = try compileSparkline(on: &canvas, top: y, size: Size(width: min(width, 180), height: chart.height ?? 28))
            y = plot.maxY
        }
        if let caption = chart.caption {
            y += 4
            let shaped = try text(caption, role: .caption, width: width, alignment: .start)
            canvas.put(shaped, at: Point(x: startX(shaped.size.width), y: y), role: .caption)
            y += shaped.size.height
        }
        if let note = chart.sourceNote {
            y += chart.caption == nil ? 4 : 0
            let shaped = try text(context.sourceLine(note), role: .caption, color: context.palette.muted, width: width, alignment: .start)
            canvas.put(shaped, at: Point(x: startX(shaped.size.width), y: y), role: .source)
            y += shaped.size.height
        }
        return canvas.compiled(height: y, plot: plot, alternativeText: chart.alternativeText, rightToLeft: rightToLeft)
    }

    /// Whether the chart has a legend above its plot: several series of bars, lines or areas.
    var hasLegend: Bool {
        [.groupedBar, .stackedBar, .line, .area].contains(chart.kind) && chart.series.count > 1
    }

    // MARK: - Text

    /// Text set in the chart's direction: on one line when `width` is nil, else wrapped to it.
    func text(_ string: String, role: TextRole = .chart, bold: Bool? = nil, color: Color? = nil, width: Double? = nil,
              alignment: Alignment = .center) throws(LayoutError) -> ChartText {
        let shaped = try context.shape(context.spans(string, role: role, bold: bold, color: color), role: role, width: width,
                                       direction: chart.direction, alignment: alignment, origin: origin)
        return ChartText(shaped, text: string)
    }

    /// The width of the longest word of a chart label.
    func longestWord(_ string: String) throws(LayoutError) -> Double {
        try context.minimumWidth(context.spans(string, role: .chart), origin: origin)
    }

    /// The x that puts a box `boxWidth` wide against the chart's start side.
    func startX(_ boxWidth: Double) -> Double { rightToLeft ? width - boxWidth : 0 }

    /// An error naming the chart.
    func failure(_ message: Message) -> LayoutError {
        LayoutError(location: chart.source, block: "chart", message: message)
    }
}

/// How a chart writes its numbers: in the document's numerals, with a percent sign for percentages.
struct ChartNumberFormat {
    var numerals: Numerals
    var percent: Bool

    /// A tick value with the decimals its step needs.
    func tick(_ value: Double, fractionDigits: Int) -> String {
        string(value, fractionDigits: fractionDigits)
    }

    /// A data value with the decimals it has, up to two (4.25 stays 4.25, 4.125 becomes 4.13), and at least
    /// as many as the ticks show when it has any.
    func value(_ value: Double, tickDigits: Int) -> String {
        let own = (0...2).first { digits in
            let scaled = value * pow(10, Double(digits))
            return abs(scaled - scaled.rounded()) < 1e-9 * max(1, abs(scaled))
        } ?? 2
        return string(value, fractionDigits: own == 0 ? 0 : min(2, max(own, tickDigits)))
    }

    private func string(_ value: Double, fractionDigits: Int) -> String {
        if percent { return numerals.percent(value, fractionDigits: fractionDigits) }
        if fractionDigits == 0, abs(value) < 1e15 { return numerals.format(Int(value.rounded())) }
        return numerals.format(value, fractionDigits: fractionDigits)
    }
}
