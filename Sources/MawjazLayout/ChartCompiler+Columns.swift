// Charts over a horizontal category axis — bars, grouped and stacked bars, lines and areas: the first category
// on the start side, the value axis standing on the start side, bars on a zero baseline.
import MawjazDocument
import MawjazFrame

extension ChartCompiler {
    /// Compiles a chart of vertical bars, lines or areas from `top`; returns its plot and its bottom.
    func compileColumns(on canvas: inout ChartCanvas, top: Double) throws(LayoutError) -> (plot: Rect, bottom: Double) {
        let kind = chart.kind
        let count = chart.categories.count
        let stacked = kind == .stackedBar || (kind == .area && chart.series.count > 1)
        let totals = (0..<count).map { index in chart.series.reduce(0.0) { $0 + $1.values[index] } }
        let values = chart.series.flatMap(\.values)
        let low = stacked ? 0 : min(0, values.min() ?? 0)
        var high = stacked ? max(0, totals.max() ?? 0) : max(0, values.max() ?? 0)
        if high <= low { high = low + 1 }
        let plotHeight = chart.height ?? context.template.chartHeight
        let axis = try valueAxis(low: low, high: high, length: plotHeight) { $0.size.height }
        let valueLabelHeight = try text(format.value(0, tickDigits: 0)).size.height
        let roomAbove = max(axis.labelHeight / 2 + 1, chart.valueLabels ? valueLabelHeight + 3 : 0)
        // Below the plot: room for the labels of negative bars, and for the lowest tick label, which category labels
        // (thinned ones may reach past the plot) must not touch.
        let roomBelow = max(chart.valueLabels && low < 0 ? valueLabelHeight + 3 : 3, axis.labelHeight / 2 + 1)
        // The plot stops half a point short of the far side, so that the strokes of its lines stay inside the chart.
        let axisWidth = axis.labelWidth + 5, inset = 0.5
        let plot = Rect(x: rightToLeft ? inset : axisWidth, y: top + roomAbove, width: width - axisWidth - inset, height: plotHeight)
        let scale = LinearScale(domain: axis.domain, range: (plot.maxY, plot.minY))
        let padding = kind == .groupedBar ? 0.18 : kind == .stackedBar ? 0.35 : kind == .bar ? 0.3 : 0
        let bands = BandScale(count: count, start: rightToLeft ? plot.maxX : plot.minX, end: rightToLeft ? plot.minX : plot.maxX,
                              padding: padding)
        let zero = scale.position(min(max(0, axis.domain.lowerBound), axis.domain.upperBound))

        // Gridlines across the plot; tick labels beside it on the start side, centred on their ticks.
        for (tick, label) in zip(axis.ticks, axis.labels) {
            let y = scale.position(tick)
            if abs(tick) > 1e-12 {
                canvas.line(from: Point(x: plot.minX, y: y), to: Point(x: plot.maxX, y: y),
                            stroke: Stroke(color: context.palette.rule, width: 0.4), on: .grid)
            }
            let x = rightToLeft ? plot.maxX + 5 : plot.minX - 5 - label.size.width
            canvas.put(label, at: Point(x: x, y: y - label.size.height / 2), role: .tick)
        }
        let bottom = try placeCategoryLabels(bands, top: plot.maxY + roomBelow, on: &canvas)
        let frame = ColumnFrame(plot: plot, scale: scale, bands: bands, zero: zero, digits: axis.fractionDigits)
        switch kind {
        case .bar: try drawBars(frame, on: &canvas)
        case .groupedBar: try drawGroupedBars(frame, on: &canvas)
        case .stackedBar: try drawStackedBars(frame, totals: totals, on: &canvas)
        case .line: try drawLines(frame, on: &canvas)
        default: try drawAreas(frame, stacked: stacked, on: &canvas)
        }
        canvas.line(from: Point(x: plot.minX, y: zero), to: Point(x: plot.maxX, y: zero),
                    stroke: Stroke(color: context.palette.muted, width: 0.8), on: .overlay)
        return (plot, bottom)
    }

    // MARK: - Marks

    private func drawBars(_ frame: ColumnFrame, on canvas: inout ChartCanvas) throws(LayoutError) {
        var ends: [BarEnd] = []
        for (index, value) in chart.series[0].values.enumerated() {
            let rect = frame.bar(value, from: 0, left: frame.bands.barMinimum(index), width: frame.bands.bandwidth)
            fill(rect, paints[0].color, on: &canvas)
            canvas.record(ChartMark(kind: .bar, series: 0, category: index, value: value, bounds: rect, length: rect.height))
            ends.append(BarEnd(rect: rect, value: value, room: frame.bands.step - 1, color: paints[0].color))
        }
        if chart.valueLabels { try placeEndLabels(ends, digits: frame.digits, role: .value, on: &canvas) }
    }

    /// Bars side by side in each band, the first series on the start side.
    private func drawGroupedBars(_ frame: ColumnFrame, on canvas: inout ChartCanvas) throws(LayoutError) {
        let seriesCount = Double(chart.series.count)
        let slot = frame.bands.bandwidth / seriesCount
        let gap = min(1.5, slot * 0.15)
        var ends: [BarEnd] = []
        for index in chart.categories.indices {
            let band = frame.bands.barMinimum(index)
            for (number, series) in chart.series.enumerated() {
                let left = rightToLeft ? band + frame.bands.bandwidth - Double(number + 1) * slot : band + Double(number) * slot
                let value = series.values[index]
                let rect = frame.bar(value, from: 0, left: left + gap / 2, width: slot - gap)
                fill(rect, paints[number].color, on: &canvas)
                canvas.record(ChartMark(kind: .bar, series: number, category: index, value: value, bounds: rect, length: rect.height))
                ends.append(BarEnd(rect: rect, value: value, room: slot, color: paints[number].color))
            }
        }
        if chart.valueLabels { try placeEndLabels(ends, digits: frame.digits, role: .value, on: &canvas) }
    }

    /// Segments stacked from the baseline, the first series at the bottom; each labelled inside when its value
    /// fits, each stack's total above it.
    private func drawStackedBars(_ frame: ColumnFrame, totals: [Double], on canvas: inout ChartCanvas) throws(LayoutError) {
        var segments: [(rect: Rect, value: Double, color: Color)] = []
        var ends: [BarEnd] = []
        let left = { (index: Int) in frame.bands.barMinimum(index) }
        for index in chart.categories.indices {
            var base = 0.0
            for (number, series) in chart.series.enumerated() {
                let value = series.values[index]
                let rect = frame.bar(value, from: base, left: left(index), width: frame.bands.bandwidth)
                fill(rect, paints[number].color, on: &canvas)
                canvas.record(ChartMark(kind: .segment, series: number, category: index, value: value, bounds: rect, length: rect.height))
                if base > 0 && value > 0 {
                    canvas.line(from: Point(x: rect.minX, y: rect.maxY), to: Point(x: rect.maxX, y: rect.maxY),
                                stroke: Stroke(color: .white, width: 0.75), on: .overlay)
                }
                segments.append((rect, value, paints[number].color))
                base += value
            }
            let stack = frame.bar(totals[index], from: 0, left: left(index), width: frame.bands.bandwidth)
            let topmost = chart.series.indices.last { chart.series[$0].values[index] > 0 } ?? 0
            ends.append(BarEnd(rect: stack, value: totals[index], room: frame.bands.step - 1, color: paints[topmost].color))
        }
        guard chart.valueLabels else { return }
        try placeEndLabels(ends, digits: frame.digits, role: .total, on: &canvas)
        for segment in segments where segment.value > 0 {
            let label = try text(format.value(segment.value, tickDigits: frame.digits), color: segment.color.contrastingText)
            guard label.size.width <= segment.rect.width - 3, label.size.height <= segment.rect.height else { continue }
            let point = Point(x: segment.rect.midX - label.size.width / 2, y: segment.rect.midY - label.size.height / 2)
            if canvas.isFree(label.box(at: point), gap: 0) { canvas.put(label, at: point, role: .value) }
        }
    }

    /// One line per series through its values at the bands' centres, each point marked with the series' shape.
    private func drawLines(_ frame: ColumnFrame, on canvas: inout ChartCanvas) throws(LayoutError) {
        var markers: [Rect] = []
        for (number, series) in chart.series.enumerated() {
            let paint = paints[number]
            let points = frame.points(series.values)
            if points.count > 1 {
                canvas.draw(Shape(.polyline(points), stroke: Stroke(color: paint.color, width: 1.6, dash: paint.dash)), at: .zero, on: .marks)
            }
            for (index, point) in points.enumerated() {
                let (marker, at) = paint.marker.shape(at: point, size: 5.5, fill: paint.color, stroke: Stroke(color: .white, width: 0.6))
                canvas.draw(marker, at: at, on: .overlay)
                let bounds = marker.bounds.offsetBy(dx: at.x, dy: at.y)
                markers.append(bounds)
                canvas.record(ChartMark(kind: .point, series: number, category: index, value: series.values[index], bounds: bounds,
                                        length: frame.zero - point.y))
            }
        }
        if chart.valueLabels && chart.series.count == 1 {
            try placePointLabels(frame.points(chart.series[0].values), values: chart.series[0].values, avoiding: markers,
                                 digits: frame.digits, on: &canvas)
        }
    }

    /// A single series as a tinted area under its line; several as bands stacked on each other, the first at the bottom.
    private func drawAreas(_ frame: ColumnFrame, stacked: Bool, on canvas: inout ChartCanvas) throws(LayoutError) {
        var lower = [Double](repeating: 0, count: chart.categories.count)
        for (number, series) in chart.series.enumerated() {
            let paint = paints[number]
            let upper = stacked ? zip(lower, series.values).map(+) : series.values
            let top = frame.points(upper)
            let bottom = stacked ? frame.points(lower) : top.map { Point(x: $0.x, y: frame.zero) }
            if stacked {
                canvas.draw(Shape(.polygon(top + bottom.reversed()), fill: paint.color), at: .zero, on: .marks)
                if top.count > 1 {
                    canvas.draw(Shape(.polyline(top), stroke: Stroke(color: .white, width: 0.8)), at: .zero, on: .overlay)
                }
            } else {
                var tint = paint.color
                tint.alpha = 0.3
                canvas.draw(Shape(.polygon(top + bottom.reversed()), fill: tint), at: .zero, on: .marks)
                if top.count > 1 {
                    canvas.draw(Shape(.polyline(top), stroke: Stroke(color: paint.color, width: 1.6)), at: .zero, on: .marks)
                }
            }
            for index in top.indices {
                let band = Rect(x: top[index].x, y: min(top[index].y, bottom[index].y), width: 0, height: abs(bottom[index].y - top[index].y))
                canvas.record(ChartMark(kind: .area, series: number, category: index, value: series.values[index], bounds: band,
                                        length: band.height))
            }
            lower = upper
        }
        if chart.valueLabels && !stacked {
            try placePointLabels(frame.points(chart.series[0].values), values: chart.series[0].values, avoiding: [],
                                 digits: frame.digits, on: &canvas)
        }
    }

    private func fill(_ rect: Rect, _ color: Color, on canvas: inout ChartCanvas) {
        canvas.draw(Shape(.rect(Rect(origin: .zero, size: rect.size)), fill: color), at: rect.origin, on: .marks)
    }

    // MARK: - Value labels

    /// Labels at the ends of bars: outside (above, or below a negative bar) when there is room, else inside the
    /// bar's end; all bars are labelled or none, so no bar is left without its number.
    private func placeEndLabels(_ ends: [BarEnd], digits: Int, role: ChartLabel.Role, on canvas: inout ChartCanvas) throws(LayoutError) {
        var trial = canvas
        for end in ends {
            let label = try text(format.value(end.value, tickDigits: digits))
            guard label.size.width <= end.room else { return }
            let x = end.rect.midX - label.size.width / 2
            let outside = Point(x: x, y: end.value < 0 ? end.rect.maxY + 2 : end.rect.minY - 2 - label.size.height)
            if trial.isFree(label.box(at: outside), gap: 0.5) {
                trial.put(label, at: outside, role: role)
                continue
            }
            let inverse = try text(format.value(end.value, tickDigits: digits), color: end.color.contrastingText)
            let inside = Point(x: x, y: end.value < 0 ? end.rect.maxY - 1 - label.size.height : end.rect.minY + 1)
            guard label.size.width <= end.rect.width - 2, label.size.height <= end.rect.height - 2,
                  trial.isFree(inverse.box(at: inside), gap: 0.5) else { return }
            trial.put(inverse, at: inside, role: role)
        }
        canvas = trial
    }

    /// Labels over a line's points (under those of negative values; on the other side when the first would touch
    /// another label); all points or none.
    private func placePointLabels(_ points: [Point], values: [Double], avoiding obstacles: [Rect], digits: Int,
                                  on canvas: inout ChartCanvas) throws(LayoutError) {
        var trial = canvas
        for (point, value) in zip(points, values) {
            let label = try text(format.value(value, tickDigits: digits))
            let x = point.x - label.size.width / 2
            let over = Point(x: x, y: point.y - 4 - label.size.height), under = Point(x: x, y: point.y + 4)
            let candidates = value < 0 ? [under, over] : [over, under]
            guard let spot = candidates.first(where: { spot in
                let box = label.box(at: spot)
                return trial.isFree(box, gap: 0.5) && !obstacles.contains { $0.overlaps(box) }
            }) else { return }
            trial.put(label, at: spot, role: .value)
        }
        canvas = trial
    }
}

/// The geometry a column chart's marks are drawn in.
struct ColumnFrame {
    var plot: Rect
    var scale: LinearScale
    var bands: BandScale
    /// The y of the zero line.
    var zero: Double
    /// The decimals of the ticks.
    var digits: Int

    /// The rectangle of a bar from `base` to `base + value`, `width` wide from `left`.
    func bar(_ value: Double, from base: Double, left: Double, width: Double) -> Rect {
        let y0 = scale.position(base), y1 = scale.position(base + value)
        return Rect(x: left, y: min(y0, y1), width: width, height: abs(y1 - y0))
    }

    /// The points of values at the centres of their bands.
    func points(_ values: [Double]) -> [Point] {
        values.enumerated().map { Point(x: bands.center($0), y: scale.position($1)) }
    }
}

/// A bar's end, to be labelled with its value.
struct BarEnd {
    var rect: Rect
    var value: Double
    /// The widest label the bar can carry without reaching its neighbours.
    var room: Double
    /// The bar's colour, for a label set inside it.
    var color: Color
}
