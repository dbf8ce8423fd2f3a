// The sparkline: a word-sized line of one series, without axes — the first value on the start side, the last
// marked with a dot — for a facts box or a line of its own.
import MawjazFrame
import MawjazLanguage

extension ChartCompiler {
    /// Draws the sparkline in a box of `size` against the start side, from `top`; returns the box.
    func compileSparkline(on canvas: inout ChartCanvas, top: Double, size: Size) throws(LayoutError) -> Rect {
        let values = chart.series.first?.values ?? []
        guard values.count > 1 else { throw failure(.sparklineNeedsTwo(values.count)) }
        let box = Rect(x: startX(size.width), y: top, width: size.width, height: size.height)
        let dot = 2.0
        let low = chart.domain?.lowerBound ?? min(0, values.min() ?? 0)
        let high = chart.domain?.upperBound ?? max(values.max() ?? 0, low + 1)
        let scale = LinearScale(domain: low...high, range: (box.maxY - dot, box.minY + dot))
        let step = (size.width - 2 * dot) / Double(values.count - 1)
        let points = values.enumerated().map { index, value in
            Point(x: rightToLeft ? box.maxX - dot - Double(index) * step : box.minX + dot + Double(index) * step, y: scale.position(value))
        }
        let color = paints[0].color
        canvas.line(from: Point(x: box.minX + 0.25, y: scale.position(max(0, low))), to: Point(x: box.maxX - 0.25, y: scale.position(max(0, low))),
                    stroke: Stroke(color: context.palette.rule, width: 0.5), on: .grid)
        canvas.draw(Shape(.polyline(points), stroke: Stroke(color: color, width: 1.2)), at: .zero, on: .marks)
        for (index, point) in points.enumerated() {
            let bounds = Rect(x: point.x - dot, y: point.y - dot, width: 2 * dot, height: 2 * dot)
            canvas.record(ChartMark(kind: .point, series: 0, category: index, value: values[index], bounds: bounds,
                                    length: scale.position(max(0, low)) - point.y))
        }
        if let last = points.last {
            canvas.draw(Shape(.circle(center: .zero, radius: dot), fill: color), at: last, on: .overlay)
        }
        return box
    }
}
