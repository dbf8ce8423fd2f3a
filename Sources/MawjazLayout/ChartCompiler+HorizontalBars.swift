// Horizontal bars: one row per category from the top, names on the start side (wrapped when long), bars growing
// from a zero line towards the end side, the value axis along the bottom.
import MawjazFrame
import MawjazLanguage

extension ChartCompiler {
    /// Compiles a horizontal bar chart from `top`; returns its plot and its bottom.
    func compileHorizontalBars(on canvas: inout ChartCanvas, top: Double) throws(LayoutError) -> (plot: Rect, bottom: Double) {
        let values = chart.series.first?.values ?? []
        let count = values.count
        let gap = 8.0
        // Category names: on one line when the widest fits in 38% of the width, else wrapped to that.
        let singles = try chart.categories.map { category throws(LayoutError) in try text(category, alignment: .end) }
        var column = min(singles.map(\.size.width).max() ?? 0, width * 0.38)
        // A label's longest word is never wider than the label on one line (as a table cell's, `Layout+Table`): only
        // a label wider than the column can widen it, and only such a label has its longest word measured (Pango
        // breaking the text at every opportunity costs more than setting it).
        var words = 0.0
        for (category, single) in zip(chart.categories, singles) where single.size.width > column {
            words = max(words, try longestWord(category))
        }
        column = max(column, words)
        guard column <= width * 0.5 else {
            throw failure(.categoryWordTooWide(width: Int(words)))
        }
        let names = try zip(chart.categories, singles).map { pair throws(LayoutError) in
            pair.1.size.width <= column ? pair.1 : try text(pair.0, width: column, alignment: .end)
        }
        let pitch = max((names.map(\.size.height).max() ?? 0) + 5, 16, (chart.height ?? 0) / Double(max(1, count)))
        let thickness = min(pitch * 0.62, 22)

        let low = min(0, values.min() ?? 0)
        var high = max(0, values.max() ?? 0)
        if high <= low { high = low + 1 }
        // Room for the values past the bars' ends, measured with the most decimals a value label may have.
        let widest = try values.map { value throws(LayoutError) in try text(format.value(value, tickDigits: 2)).size.width }.max() ?? 0
        let valueRoom = chart.valueLabels ? widest + 4 : 0
        let length = width - column - gap - valueRoom
        guard length > 40 else { throw failure(.chartTooNarrow(width: Int(width))) }
        let axis = try valueAxis(low: low, high: high, length: length) { $0.size.width }
        let labels = try values.map { value throws(LayoutError) in try text(format.value(value, tickDigits: axis.fractionDigits)) }
        let plot = Rect(x: rightToLeft ? valueRoom : column + gap, y: top + 2, width: length, height: pitch * Double(count))
        let scale = LinearScale(domain: axis.domain, range: rightToLeft ? (plot.maxX, plot.minX) : (plot.minX, plot.maxX))
        let zero = scale.position(min(max(0, axis.domain.lowerBound), axis.domain.upperBound))

        // Gridlines down the plot, tick labels under it centred on their ticks.
        var bottom = plot.maxY
        for (tick, label) in zip(axis.ticks, axis.labels) {
            let x = scale.position(tick)
            if abs(tick) > 1e-12 {
                canvas.line(from: Point(x: x, y: plot.minY), to: Point(x: x, y: plot.maxY),
                            stroke: Stroke(color: context.palette.rule, width: 0.4), on: .grid)
            }
            let left = min(max(0, x - label.size.width / 2), width - label.size.width)
            canvas.put(label, at: Point(x: left, y: plot.maxY + 3), role: .tick)
            bottom = max(bottom, plot.maxY + 3 + label.size.height)
        }
        // Names beside the plot on the start side, against it, centred on their rows.
        for (index, name) in names.enumerated() {
            let middle = plot.minY + (Double(index) + 0.5) * pitch
            let x = rightToLeft ? plot.maxX + gap : plot.minX - gap - name.size.width
            canvas.put(name, at: Point(x: x, y: middle - name.size.height / 2), role: .category)
        }
        // Bars, then their values past their ends (inside the end when there is no room past it); all or none.
        var rects: [Rect] = []
        for (index, value) in values.enumerated() {
            let middle = plot.minY + (Double(index) + 0.5) * pitch
            let end = scale.position(value)
            let rect = Rect(x: min(zero, end), y: middle - thickness / 2, width: abs(end - zero), height: thickness)
            canvas.draw(Shape(.rect(Rect(origin: .zero, size: rect.size)), fill: paints[0].color), at: rect.origin, on: .marks)
            canvas.record(ChartMark(kind: .bar, series: 0, category: index, value: value, bounds: rect, length: rect.width))
            rects.append(rect)
        }
        if chart.valueLabels {
            let room = rightToLeft ? (plot.minX - valueRoom)...plot.maxX : plot.minX...(plot.maxX + valueRoom)
            var trial = canvas
            var complete = true
            for (index, (rect, label)) in zip(rects, labels).enumerated() {
                // Past the end: towards the end side for positive values, the start side for negative ones.
                let forward = (values[index] >= 0) != rightToLeft
                let outside = Point(x: forward ? rect.maxX + 3 : rect.minX - 3 - label.size.width, y: rect.midY - label.size.height / 2)
                let box = label.box(at: outside)
                if room.contains(box.minX), room.contains(box.maxX), trial.isFree(box, gap: 0.5) {
                    trial.put(label, at: outside, role: .value)
                    continue
                }
                let inverse = try text(label.text, color: paints[0].color.contrastingText)
                let inside = Point(x: forward ? rect.maxX - 2 - label.size.width : rect.minX + 2, y: outside.y)
                guard label.size.width <= rect.width - 4, trial.isFree(inverse.box(at: inside), gap: 0.5) else { complete = false; break }
                trial.put(inverse, at: inside, role: .value)
            }
            if complete { canvas = trial }
        }
        canvas.line(from: Point(x: zero, y: plot.minY), to: Point(x: zero, y: plot.maxY),
                    stroke: Stroke(color: context.palette.muted, width: 0.8), on: .overlay)
        return (plot, bottom)
    }
}
