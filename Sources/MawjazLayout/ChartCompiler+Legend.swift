// The legend: one key per series, read from the start side and wrapped into rows, each a swatch (a bar's
// colour, or a line's dash and marker) and the series' name.
import MawjazDocument
import MawjazFrame

extension ChartCompiler {
    /// The width of a legend swatch for this chart's kind.
    var swatchWidth: Double { chart.kind == .line ? 18 : 9 }

    /// Places the legend from `top`, returning its bottom.
    func placeLegend(on canvas: inout ChartCanvas, top: Double) throws(LayoutError) -> Double {
        let gap = 4.0, spacing = 14.0, fontSize = context.style(.chart).size
        var keys: [(paint: SeriesPaint, label: ChartText)] = []
        for (index, series) in chart.series.enumerated() {
            var label = try text(series.name, alignment: .start)
            if swatchWidth + gap + label.size.width > width {
                label = try text(series.name, width: width - swatchWidth - gap, alignment: .start)
            }
            keys.append((paints[index], label))
        }
        var rows: [[Int]] = [[]]
        var used = 0.0
        for (index, key) in keys.enumerated() {
            let keyWidth = swatchWidth + gap + key.label.size.width
            if let row = rows.last, !row.isEmpty, used + spacing + keyWidth > width {
                rows.append([])
                used = 0
            }
            used += (rows[rows.count - 1].isEmpty ? 0 : spacing) + keyWidth
            rows[rows.count - 1].append(index)
        }
        var y = top
        for row in rows {
            let height = row.map { keys[$0].label.size.height }.max() ?? 0
            var offset = 0.0
            for index in row {
                let (paint, label) = keys[index]
                let keyWidth = swatchWidth + gap + label.size.width
                // Physical positions: the swatch on the key's start side, its name after it.
                let keyLeft = rightToLeft ? width - offset - keyWidth : offset
                let swatchLeft = rightToLeft ? keyLeft + keyWidth - swatchWidth : keyLeft
                let labelLeft = rightToLeft ? keyLeft : keyLeft + swatchWidth + gap
                let middle = y + (label.paragraph.lines.first.map { $0.origin.y } ?? height) - fontSize * 0.32
                drawSwatch(paint, on: &canvas, left: swatchLeft, middle: middle)
                canvas.put(label, at: Point(x: labelLeft, y: y), role: .legend)
                offset += keyWidth + spacing
            }
            y += height
        }
        return y
    }

    /// A series' key: a short line with its marker for line charts, a square of its colour for the others.
    func drawSwatch(_ paint: SeriesPaint, on canvas: inout ChartCanvas, left: Double, middle: Double) {
        if chart.kind == .line {
            canvas.line(from: Point(x: left + 1, y: middle), to: Point(x: left + swatchWidth - 1, y: middle),
                        stroke: Stroke(color: paint.color, width: 1.6, dash: paint.dash), on: .marks)
            let (marker, at) = paint.marker.shape(at: Point(x: left + swatchWidth / 2, y: middle), size: 5.5, fill: paint.color)
            canvas.draw(marker, at: at, on: .overlay)
        } else {
            canvas.draw(Shape(.rect(Rect(x: 0, y: 0, width: 9, height: 9)), fill: paint.color), at: Point(x: left, y: middle - 4.5), on: .marks)
        }
    }
}
