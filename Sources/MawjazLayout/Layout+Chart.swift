// Charts: scales and axes as values, marks placed as frame items, mirrored in right-to-left documents.
import Foundation
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazText

extension LayoutContext {
    func chartBox(_ chart: Chart) throws(LayoutError) -> FlowBox {
        let origin = BlockOrigin(kind: "chart", location: chart.source)
        let rtl = chart.direction.isRightToLeft
        var frame = Frame(size: Size(width: columnWidth, height: 0))
        frame.place(.tag(.begin(role: "Figure", alternativeText: chart.alternativeText)), at: .zero)
        var y = 0.0
        if let title = chart.title {
            let shaped = try shape(spans(title, role: .chartTitle), role: .chartTitle, width: columnWidth,
                                   direction: chart.direction, alignment: .start, origin: origin)
            frame.place(shaped, at: Point(x: 0, y: y))
            y += shaped.height + 4
        }
        let plot = try barPlot(chart, width: columnWidth, origin: origin)
        frame.place(contentsOf: plot, at: Point(x: 0, y: y))
        y += plot.size.height
        if let caption = chart.caption {
            y += 2
            let shaped = try shape(spans(caption, role: .caption), role: .caption, width: columnWidth,
                                   direction: chart.direction, alignment: .start, origin: origin)
            frame.place(shaped, at: Point(x: 0, y: y))
            y += shaped.height
        }
        frame.place(.tag(.end(role: "Figure")), at: Point(x: rtl ? columnWidth : 0, y: y))
        frame.size.height = y
        return FlowBox(frame: frame, origin: origin)
    }

    /// A vertical bar chart: categories along the bottom from the start side, the value axis on the start side.
    private func barPlot(_ chart: Chart, width: Double, origin: BlockOrigin) throws(LayoutError) -> Frame {
        let rtl = chart.direction.isRightToLeft
        let values = chart.series.first?.values ?? []
        let maximum = max(values.max() ?? 0, chart.domain?.upperBound ?? 0)
        let ticks = LinearScale.niceTicks(minimum: chart.domain?.lowerBound ?? 0, maximum: max(maximum, 1),
                                          wholeNumbers: values.allSatisfy { $0.rounded() == $0 })
        let chartStyle = style(.chart)
        let tickLabels = try ticks.map { value throws(LayoutError) in
            try shape([TextSpan(format(value), style: chartStyle)], role: .chart, width: nil, direction: chart.direction,
                      alignment: .start, origin: origin)
        }
        let axisWidth = (tickLabels.map(\.naturalWidth).max() ?? 0) + 6
        let plotHeight = chart.height ?? template.chartHeight
        let valueLabelRoom = chart.valueLabels ? chartStyle.size * 1.6 : 4
        let plotLeft = rtl ? 0 : axisWidth, plotRight = rtl ? width - axisWidth : width
        let plotTop = valueLabelRoom, baseline = valueLabelRoom + plotHeight
        let scale = LinearScale(domain: (ticks.first ?? 0)...(ticks.last ?? 1), range: (baseline, plotTop))
        let bands = BandScale(count: chart.categories.count, start: plotLeft, end: plotRight, padding: 0.3, rightToLeft: rtl)
        var frame = Frame(size: Size(width: width, height: 0))

        // Gridlines and tick labels on the start side.
        for (value, label) in zip(ticks, tickLabels) {
            let y = scale.position(value)
            frame.line(from: Point(x: plotLeft, y: y), to: Point(x: plotRight, y: y),
                       stroke: Stroke(color: value == 0 ? palette.muted : palette.rule, width: value == 0 ? 0.8 : 0.4))
            let line = label.lines[0]
            let x = rtl ? plotRight + 6 : plotLeft - 6 - label.naturalWidth
            frame.place(.text(line.line), at: Point(x: x, y: y + chartStyle.size * 0.35))
        }
        // Bars and their values.
        let color = palette.series.first ?? palette.accent
        for (index, value) in values.enumerated() {
            let top = scale.position(max(value, scale.domain.lowerBound)), bottom = scale.position(max(0, scale.domain.lowerBound))
            let rect = Rect(x: bands.barLeft(index), y: min(top, bottom), width: bands.barWidth, height: abs(bottom - top))
            frame.place(.shape(Shape(.rect(Rect(origin: .zero, size: rect.size)), fill: color)), at: rect.origin)
            if chart.valueLabels {
                let label = try shape([TextSpan(format(value), style: chartStyle)], role: .chart, width: nil,
                                      direction: chart.direction, alignment: .start, origin: origin)
                let x = bands.center(index) - label.naturalWidth / 2
                frame.place(.text(label.lines[0].line), at: Point(x: x, y: rect.minY - 3))
            }
        }
        // Category labels under the axis, thinned when they would collide.
        let labels = try chart.categories.map { text throws(LayoutError) in
            try shape([TextSpan(text, style: chartStyle)], role: .chart, width: nil, direction: chart.direction,
                      alignment: .start, origin: origin)
        }
        let widest = labels.map(\.naturalWidth).max() ?? 0
        let every = max(1, Int(((widest + 4) / max(bands.step, 1)).rounded(.up)))
        let labelBaseline = baseline + chartStyle.size * 1.3
        for (index, label) in labels.enumerated() where index % every == 0 {
            frame.place(.text(label.lines[0].line), at: Point(x: bands.center(index) - label.naturalWidth / 2, y: labelBaseline))
        }
        frame.size.height = labelBaseline + chartStyle.size * 0.5
        return frame
    }

    /// A chart number in the document's numerals.
    func format(_ value: Double) -> String {
        let rounded = value.rounded()
        let text = abs(value - rounded) < 1e-9 ? String(Int(rounded)) : String(format: "%.1f", value)
        return Numerals(numerals).convertDigits(in: text)
    }
}
