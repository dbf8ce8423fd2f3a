// Charts of random logs, rendered to PDF and read back: the bars' rectangles taken from the page's content
// stream must have the lengths of the counts, on the scale the page's own gridlines and tick labels show, and run
// from the document's start side.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct ChartPDFTests {
    static let arabicCategories = ["تدريبات مشتركة", "تبادلات عسكرية", "اجتماعات قيادية", "استجابة للكوارث"]
    static let englishCategories = ["Joint exercises", "Military exchanges", "Leader meetings", "Disaster response"]

    /// A report of three charts of a log, one per page: bars by year, stacked bars by year and category, and
    /// horizontal bars by category.
    static func report(language: String) -> String {
        """
        title: "\(language == "ar" ? "سجل" : "Log")"
        date: 2030-12-31
        language: \(language)
        data: {log: log.csv}
        body:
          - chart: {type: bar, data: log, by: year, title: "1"}
          - page-break
          - chart: {type: stacked-bar, data: log, by: year, series: category, title: "2"}
          - page-break
          - chart: {type: horizontal-bar, data: log, by: category, title: "3"}
        """
    }

    /// The rectangles of `colors` in columns (one per left edge), each from the baseline up; columns that do
    /// not reach the page's lowest baseline (a legend's swatches) are left out.
    static func columns(_ rectangles: [FilledRectangle], colors: [Color]) -> [[FilledRectangle]] {
        let painted = rectangles.filter { rectangle in colors.contains { rectangle.isFilled(with: $0) } }
        guard let baseline = painted.map(\.rect.maxY).max() else { return [] }
        let columns = Dictionary(grouping: painted) { ($0.rect.minX * 100).rounded() }.values
            .map { $0.sorted { $0.rect.maxY > $1.rect.maxY } }
        return columns.filter { abs(($0.first?.rect.maxY ?? 0) - baseline) < 0.01 }
    }

    /// Points per count along the value axis of a chart page, read from the PDF itself and never from its bars: the
    /// distance from the zero line to each gridline over the number pdftotext reads beside it (every tick must agree).
    /// `vertical` for values running up the page.
    static func axisScale(_ pdf: URL, page: Int, palette: Palette, vertical: Bool) throws -> Double {
        let lines = try TestSupport.strokedLines(pdf, page: page).filter { vertical ? abs($0.from.y - $0.to.y) < 0.01 : abs($0.from.x - $0.to.x) < 0.01 }
        let position = { (line: StrokedLine) in vertical ? line.from.y : line.from.x }
        let zeros = lines.filter { $0.isStroked(with: palette.muted) && abs($0.width - 0.8) < 0.01 }.map(position)
        guard zeros.count == 1, let zero = zeros.first else { throw TestFailure("page \(page): \(zeros.count) zero lines") }
        let grid = lines.filter { $0.isStroked(with: palette.rule) && abs($0.width - 0.4) < 0.01 }.map(position)
        let numbers = try TestSupport.words(pdf, page: page).compactMap { word in TestSupport.number(word.text).map { ($0, word.box) } }
        var scales: [Double] = []
        for line in grid {
            // The tick label centred on the gridline (labels at the ends of a horizontal axis may be pushed inwards).
            guard let (value, _) = numbers.first(where: { _, box in
                abs((vertical ? (box.minY + box.maxY) / 2 : (box.minX + box.maxX) / 2) - line) < 1 && (vertical || box.minY > (lines.map(\.to.y).max() ?? 0) - 1)
            }), value != 0 else { continue }
            scales.append(abs(line - zero) / abs(value))
        }
        guard let first = scales.first else { throw TestFailure("page \(page): no tick label beside a gridline") }
        for scale in scales { #expect(abs(scale - first) < 0.002 * first, "page \(page): ticks at \(scales)") }
        return first
    }

    /// Left edges one band apart for each step between their categories' indices.
    static func expectBands(_ edges: [Double], at indices: [Int]) {
        guard let first = edges.first, let last = edges.last, let low = indices.first, let high = indices.last, high > low else { return }
        let step = (last - first) / Double(high - low)
        for (edge, index) in zip(edges, indices) { #expect(abs(edge - (first + Double(index - low) * step)) < 0.01) }
    }

    @Test(arguments: [(UInt64(7), "ar"), (31, "ar"), (2_024, "en"), (99_991, "en"), (5, "ar")])
    func barsReadBackFromThePDFHaveTheCountsLengths(seed: UInt64, language: String) throws {
        let categories = language == "ar" ? Self.arabicCategories : Self.englishCategories
        let first = 2000 + Int(seed % 10), span = first...(first + 6 + Int(seed % 7))
        let (csv, counts) = TestSupport.randomLog(seed: seed, years: span, categories: categories)
        let folder = try TestSupport.folder(with: ["report.yaml": Self.report(language: language), "log.csv": csv])
        let pdf = folder.appendingPathComponent("charts.pdf")
        let renderer = try TestSupport.renderer()
        try renderer.render(reportAt: folder.appendingPathComponent("report.yaml"), to: pdf)
        let document = try renderer.bind(try renderer.load(reportAt: folder.appendingPathComponent("report.yaml")).report)
        let rtl = language == "ar"
        // A chart by year runs from the first year with an activity to the last, years without any included.
        let active = span.filter { (counts[$0]?.values.reduce(0, +) ?? 0) > 0 }
        let years = Array((active.first ?? first)...(active.last ?? first))
        let yearCounts = years.map { year in counts[year]?.values.reduce(0, +) ?? 0 }

        // Bars by year: one per year, from the start side, lengths proportional to the counts within 0.25 pt.
        let blue = try #require(document.template.palette.series.first)
        let bars = Self.columns(try TestSupport.filledRectangles(pdf, page: 1), colors: [blue]).map { $0[0].rect }
            .sorted { rtl ? $0.minX > $1.minX : $0.minX < $1.minX }
        // A year without activities has an empty bar, which the PDF leaves out; the others stand in their bands.
        let drawn = yearCounts.indices.filter { yearCounts[$0] > 0 }
        #expect(bars.count == drawn.count)
        let scale = try Self.axisScale(pdf, page: 1, palette: document.template.palette, vertical: true)
        for (bar, index) in zip(bars, drawn) { #expect(abs(bar.height - Double(yearCounts[index]) * scale) < 0.25, "seed \(seed)") }
        Self.expectBands(bars.map(\.minX), at: drawn)

        // Stacked bars: the segments of each year, from the baseline up, are its categories' counts, largest category first.
        let totals = categories.map { category in years.reduce(0) { $0 + (counts[$1]?[category] ?? 0) } }
        let firstSeen = categories.map { category in csv.range(of: ",\(category),").map { csv.distance(from: csv.startIndex, to: $0.lowerBound) } ?? Int.max }
        let ranked = categories.indices.sorted { (totals[$0], firstSeen[$1]) > (totals[$1], firstSeen[$0]) }.filter { totals[$0] > 0 }
        let colors = document.template.palette.seriesColors(count: ranked.count)
        let stacks = Self.columns(try TestSupport.filledRectangles(pdf, page: 2), colors: colors)
            .sorted { rtl ? $0[0].rect.minX > $1[0].rect.minX : $0[0].rect.minX < $1[0].rect.minX }
        #expect(stacks.count == drawn.count)
        Self.expectBands(stacks.map { $0[0].rect.minX }, at: drawn)
        let stackScale = try Self.axisScale(pdf, page: 2, palette: document.template.palette, vertical: true)
        for (stack, year) in zip(stacks, drawn.map { years[$0] }) {
            var segments = stack.filter { $0.rect.height > 0 }
            // Each segment starts where the one under it ends.
            for (lower, upper) in zip(segments, segments.dropFirst()) { #expect(abs(lower.rect.minY - upper.rect.maxY) < 0.01) }
            for (series, category) in ranked.map({ categories[$0] }).enumerated() {
                let count = counts[year]?[category] ?? 0
                guard count > 0 else { continue }
                guard let index = segments.firstIndex(where: { $0.isFilled(with: colors[series]) }) else {
                    Issue.record("no segment for \(category) in \(year), seed \(seed)")
                    continue
                }
                #expect(abs(segments[index].rect.height - Double(count) * stackScale) < 0.25, "\(category) \(year) seed \(seed)")
                #expect(index == 0, "segments in series order from the baseline")
                segments.remove(at: index)
            }
            let total = stack.map(\.rect.height).reduce(0, +)
            #expect(abs(total - Double(counts[year]?.values.reduce(0, +) ?? 0) * stackScale) < 0.25)
        }

        // Horizontal bars: one per category, largest at the top, all from one zero line on the start side.
        let rows = try TestSupport.filledRectangles(pdf, page: 3).filter { $0.isFilled(with: blue) }.map(\.rect).sorted { $0.minY < $1.minY }
        #expect(rows.count == ranked.count)
        let across = try Self.axisScale(pdf, page: 3, palette: document.template.palette, vertical: false)
        for (row, category) in zip(rows, ranked) { #expect(abs(row.width - Double(totals[category]) * across) < 0.25) }
        let zero = Set(rows.map { ((rtl ? $0.maxX : $0.minX) * 100).rounded() })
        #expect(zero.count == 1)
        #expect(try TestSupport.qpdfProblems(pdf) == nil)
    }

    @Test func theGalleriesCopyBackTheirLabelsAsWritten() throws {
        let renderer = try TestSupport.renderer()
        for (name, words) in [("charts-ar", ["تدريبات مشتركة", "الأنشطة حسب السنة", "٢٠١٥", "٦١٫٥"]),
                              ("charts-en", ["Joint exercises", "Activities by year", "2015", "61.5%"])] {
            let pdf = try TestSupport.temporaryFolder().appendingPathComponent("\(name).pdf")
            try renderer.render(reportAt: TestSupport.chartFixtures.appendingPathComponent("\(name).yaml"), to: pdf)
            let text = TestSupport.visibleText(try TestSupport.pdfText(pdf))
            for word in words { #expect(text.contains(word), "\(name): \(word)") }
            #expect(try TestSupport.qpdfProblems(pdf) == nil)
            #expect(try TestSupport.fonts(pdf).allSatisfy(\.embedded))
        }
    }
}
