// Category labels under a chart: on one line when they fit their bands, else wrapped, else (for years and
// months) thinned, else staggered on two rows; never overlapping.
import MawjazFrame
import MawjazLanguage

extension ChartCompiler {
    /// The room between two neighbouring labels.
    private var labelGap: Double { 6 }

    /// Places the category labels centred under their bands from `top`, returning the bottom of the last row.
    func placeCategoryLabels(_ bands: BandScale, top: Double, on canvas: inout ChartCanvas) throws(LayoutError) -> Double {
        let categories = chart.categories
        guard !categories.isEmpty else { return top }
        let step = bands.step
        let singles = try categories.map { category throws(LayoutError) in try text(category) }
        // One line each.
        if singles.allSatisfy({ $0.size.width <= step - labelGap }) {
            return place(singles.enumerated().map { ($0, $1, 0) }, bands: bands, top: top, on: &canvas)
        }
        // Wrapped to the band: names as their words fill it, up to three lines; periods ("March 2023") all broken
        // at every space alike, up to two lines.
        var words = 0.0
        if chart.ordinal { for category in categories { words = max(words, try longestWord(category)) } }
        let wrapWidth = chart.ordinal ? words + 0.5 : step - labelGap
        if wrapWidth <= step - labelGap,
           let wrapped = try wrap(categories, singles: singles, width: wrapWidth, maxLines: chart.ordinal ? 2 : 3) {
            return place(wrapped.enumerated().map { ($0, $1, 0) }, bands: bands, top: top, on: &canvas)
        }
        // Periods thinned: every k-th label, the first always shown.
        if chart.ordinal {
            for every in 2...max(2, categories.count) {
                let kept = stride(from: 0, to: categories.count, by: every).map { ($0, singles[$0], 0) }
                if kept.allSatisfy({ $0.1.size.width <= Double(every) * step - labelGap }) {
                    return place(kept, bands: bands, top: top, on: &canvas)
                }
            }
        }
        // Staggered: odd labels on a second row, so each has two bands' width.
        let doubled = 2 * step - labelGap
        let staggered: [ChartText]? = singles.allSatisfy { $0.size.width <= doubled } ? singles
            : try wrap(categories, singles: singles, width: doubled, maxLines: 3)
        if let staggered {
            return place(staggered.enumerated().map { ($0, $1, $0 % 2) }, bands: bands, top: top, on: &canvas)
        }
        throw failure(.categoryLabelsDoNotFit(categories.count, width: Int(step)))
    }

    /// The labels wrapped to `width`, or nil when a word is wider or a label needs more than `maxLines` lines.
    private func wrap(_ categories: [String], singles: [ChartText], width: Double, maxLines: Int) throws(LayoutError) -> [ChartText]? {
        guard width > 0 else { return nil }
        var wrapped: [ChartText] = []
        for (category, single) in zip(categories, singles) {
            if single.size.width <= width { wrapped.append(single); continue }
            guard try longestWord(category) <= width else { return nil }
            let label = try text(category, width: width, alignment: .center)
            guard label.paragraph.lines.count <= maxLines else { return nil }
            wrapped.append(label)
        }
        return wrapped
    }

    /// Places labels (index, text, row) centred on their bands, rows one under the other; returns the bottom.
    private func place(_ labels: [(Int, ChartText, Int)], bands: BandScale, top: Double, on canvas: inout ChartCanvas) -> Double {
        let firstRow = labels.filter { $0.2 == 0 }.map(\.1.size.height).max() ?? 0
        let secondRow = labels.filter { $0.2 == 1 }.map(\.1.size.height).max() ?? 0
        for (index, label, row) in labels {
            let x = min(max(0, bands.center(index) - label.size.width / 2), width - label.size.width)
            canvas.put(label, at: Point(x: x, y: top + (row == 0 ? 0 : firstRow)), role: .category)
        }
        return top + firstRow + secondRow
    }
}
