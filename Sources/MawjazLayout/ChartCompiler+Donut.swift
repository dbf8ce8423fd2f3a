// The donut: a ring of slices from twelve o'clock (clockwise left to right, anticlockwise right to left) on the
// start side, the total in its hole, and beside it a key per slice with its share in whole percent.
import Foundation
import MawjazDocument
import MawjazFrame
import MawjazLanguage

extension ChartCompiler {
    /// Compiles a donut chart from `top`; returns the square around the ring and the chart's bottom.
    func compileDonut(on canvas: inout ChartCanvas, top: Double) throws(LayoutError) -> (plot: Rect, bottom: Double) {
        let values = chart.series.first?.values ?? []
        let total = values.reduce(0, +)
        let shares = chart.shares
        let diameter = min(chart.height ?? context.template.chartHeight, width * 0.42)
        let legendGap = 16.0, swatch = 9.0, gap = 4.0, keySpacing = 3.0
        let legendWidth = width - diameter - legendGap
        let digits = values.allSatisfy { abs($0 - $0.rounded()) < 1e-9 } ? 0 : 1
        var keys: [ChartText] = []
        for (index, name) in chart.categories.enumerated() {
            let share = format.numerals.percent(Double(shares[index]))
            let amount = chart.percent ? "" : " (\(format.value(values[index], tickDigits: digits)))"
            keys.append(try text("\(name): \(share)\(amount)", width: legendWidth - swatch - gap, alignment: .start))
        }
        let legendHeight = keys.reduce(0) { $0 + $1.size.height } + keySpacing * Double(max(0, keys.count - 1))
        let height = max(diameter, legendHeight)
        let center = Point(x: rightToLeft ? width - diameter / 2 : diameter / 2, y: top + height / 2)
        let outer = diameter / 2 - 1, inner = outer * 0.58

        // Slices, separated by white edges.
        var angle = -Double.pi / 2
        let turn = rightToLeft ? -1.0 : 1.0
        for (index, value) in values.enumerated() where value > 0 {
            let sweep = 2 * Double.pi * value / total
            let steps = max(2, Int((sweep / (Double.pi / 90)).rounded(.up)))
            let arc = (0...steps).map { angle + turn * sweep * Double($0) / Double(steps) }
            let points = arc.map { Point(x: center.x + outer * cos($0), y: center.y + outer * sin($0)) }
                + arc.reversed().map { Point(x: center.x + inner * cos($0), y: center.y + inner * sin($0)) }
            let wedge = Shape(.polygon(points), fill: paints[index].color, stroke: Stroke(color: .white, width: 1))
            canvas.draw(wedge, at: .zero, on: .marks)
            canvas.record(ChartMark(kind: .wedge, series: 0, category: index, value: value, bounds: wedge.bounds, length: sweep))
            angle += turn * sweep
        }
        // The total in the hole, when the numbers are amounts and it fits.
        if !chart.percent {
            let amount = try text(format.value(total, tickDigits: digits), role: .chartTitle)
            let word = try text(context.document.language.table.text(.donutTotal))
            let room = inner * 1.5
            if amount.size.width <= room, word.size.width <= room, amount.size.height + word.size.height <= inner * 1.5 {
                let y = center.y - (amount.size.height + word.size.height) / 2
                canvas.put(amount, at: Point(x: center.x - amount.size.width / 2, y: y), role: .center)
                canvas.put(word, at: Point(x: center.x - word.size.width / 2, y: y + amount.size.height), role: .center)
            }
        }
        // Keys beside the ring, read from the start side of their column.
        var y = top + (height - legendHeight) / 2
        let fontSize = context.style(.chart).size
        let legendLeft = rightToLeft ? 0 : width - legendWidth
        for (index, key) in keys.enumerated() {
            let swatchLeft = rightToLeft ? legendLeft + legendWidth - swatch : legendLeft
            let keyLeft = rightToLeft ? swatchLeft - gap - key.size.width : legendLeft + swatch + gap
            let baseline = key.paragraph.lines.first.map { $0.origin.y } ?? key.size.height
            canvas.draw(Shape(.rect(Rect(x: 0, y: 0, width: swatch, height: swatch)), fill: paints[index].color),
                        at: Point(x: swatchLeft, y: y + baseline - fontSize * 0.32 - swatch / 2), on: .marks)
            canvas.put(key, at: Point(x: keyLeft, y: y), role: .legend)
            y += key.size.height + keySpacing
        }
        return (Rect(x: center.x - outer, y: center.y - outer, width: 2 * outer, height: 2 * outer), top + height)
    }
}
