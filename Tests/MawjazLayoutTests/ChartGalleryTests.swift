// The chart galleries — every kind, in an Arabic and an English document — compiled and checked on their
// marks and labels: inside the chart, never overlapping, lengths from the data, order by direction.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct ChartGalleryTests {
    let arabic: (document: Document, charts: [CompiledChart])
    let english: (document: Document, charts: [CompiledChart])

    init() throws {
        let renderer = try TestSupport.renderer()
        arabic = try TestSupport.compiledCharts(TestSupport.chartFixtures.appendingPathComponent("charts-ar.yaml"), renderer: renderer)
        english = try TestSupport.compiledCharts(TestSupport.chartFixtures.appendingPathComponent("charts-en.yaml"), renderer: renderer)
    }

    /// Every chart of both galleries with its bound data.
    var all: [(chart: Chart, compiled: CompiledChart)] {
        zip(arabic.document.charts.map(\.chart), arabic.charts).map { ($0, $1) }
            + zip(english.document.charts.map(\.chart), english.charts).map { ($0, $1) }
    }

    /// The years and counts of a log, counted here from its CSV text rather than by Mawjaz.
    static func countsByYear(_ file: String) throws -> [Int: Int] {
        let text = try String(contentsOf: TestSupport.chartFixtures.appendingPathComponent(file), encoding: .utf8)
        var counts: [Int: Int] = [:]
        for line in text.split(separator: "\n").dropFirst() { if let year = Int(line.prefix(4)) { counts[year, default: 0] += 1 } }
        return counts
    }

    @Test func bothGalleriesHoldEveryKindOfChart() {
        for gallery in [arabic, english] {
            #expect(Set(gallery.document.charts.map(\.chart.kind)) == Set(ChartKind.allCases))
            #expect(gallery.charts.count == gallery.document.charts.count)
        }
    }

    @Test func everyMarkAndLabelStaysInsideItsChart() {
        for (chart, compiled) in all {
            let box = Rect(origin: .zero, size: compiled.frame.size)
            for mark in compiled.marks { #expect(box.contains(mark.bounds, tolerance: 0.01), "\(chart.kind) \(mark)") }
            for label in compiled.labels { #expect(box.contains(label.bounds, tolerance: 0.01), "\(chart.kind) \(label.text)") }
            for (origin, line) in compiled.frame.textLines {
                #expect(box.contains(line.bounds.offsetBy(dx: origin.x, dy: origin.y), tolerance: 0.01), "\(line.text)")
            }
            for (origin, shape) in compiled.frame.shapes {
                #expect(box.contains(shape.bounds.offsetBy(dx: origin.x, dy: origin.y), tolerance: 0.01), "\(chart.kind) shape at \(origin)")
            }
        }
    }

    @Test func noTwoLabelsOverlap() {
        for (chart, compiled) in all {
            let lines = compiled.frame.textLines.map { $0.line.bounds.offsetBy(dx: $0.origin.x, dy: $0.origin.y) }
            for (index, line) in lines.enumerated() {
                for other in lines[(index + 1)...] { #expect(!line.overlaps(other, tolerance: 0.01), "\(chart.kind): \(line) and \(other)") }
            }
            #expect(compiled.labels.count == Set(compiled.labels.map { "\($0.bounds)" }).count)
        }
    }

    @Test func labelsAreSetWholeInTheDocumentsDirection() {
        for (chart, compiled) in all {
            let lines = compiled.frame.textLines.map(\.line)
            for label in compiled.labels where !label.text.contains(" ") {
                // A label of one word is one line holding the whole word: shaped as a word, never letter by letter.
                #expect(lines.contains { $0.text == label.text && $0.isRightToLeft == chart.direction.isRightToLeft }, "\(label.text)")
            }
        }
    }

    /// The counts of a log by category, counted here from its CSV text rather than by Mawjaz.
    static func countsByCategory(_ file: String) throws -> [String: Int] {
        let text = try String(contentsOf: TestSupport.chartFixtures.appendingPathComponent(file), encoding: .utf8)
        var counts: [String: Int] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if fields.count > 1 { counts[String(fields[1]), default: 0] += 1 }
        }
        return counts
    }

    @Test func barsDrawnAreAsLongAsTheLogsCountsOnTheAxisOwnScale() throws {
        // The scale comes from the zero line, the gridlines and the tick labels; the counts from the CSV text.
        for (gallery, file) in [(arabic, "activities-ar.csv"), (english, "activities-en.csv")] {
            let palette = gallery.document.template.palette
            let byYear = try Self.countsByYear(file), byCategory = try Self.countsByCategory(file)
            let years = try #require(gallery.charts.first)
            let yearScale = try TestSupport.valueScale(years, palette: palette, vertical: true)
            let columns = TestSupport.bars(years, colors: [palette.series[0]])
                .sorted { gallery.document.direction.isRightToLeft ? $0.minX > $1.minX : $0.minX < $1.minX }
            #expect(columns.map(\.height).map { ($0 / yearScale * 1000).rounded() / 1000 } == byYear.keys.sorted().map { Double(byYear[$0] ?? 0) })
            // Horizontal bars by category, largest at the top, each as long as its count.
            let categories = gallery.charts[1]
            #expect(gallery.document.charts[1].chart.kind == .horizontalBar)
            let across = try TestSupport.valueScale(categories, palette: palette, vertical: false)
            let rows = TestSupport.bars(categories, colors: [palette.series[0]]).sorted { $0.minY < $1.minY }
            #expect(rows.map(\.width).map { ($0 / across * 1000).rounded() / 1000 } == byCategory.values.sorted(by: >).map(Double.init))
        }
    }

    @Test func everyBarAndSegmentIsAsLongAsItsValueOnTheAxisOwnScale() throws {
        var checked = 0
        for gallery in [arabic, english] {
            let palette = gallery.document.template.palette
            for (bound, compiled) in zip(gallery.document.charts.map(\.chart), gallery.charts)
                where [.bar, .horizontalBar, .groupedBar, .stackedBar].contains(bound.kind) {
                let vertical = bound.kind != .horizontalBar
                let scale = try TestSupport.valueScale(compiled, palette: palette, vertical: vertical)
                let drawn = TestSupport.bars(compiled, colors: palette.seriesColors(count: bound.series.count))
                    .map { vertical ? $0.height : $0.width }.filter { $0 > 1e-9 }.sorted()
                let values = bound.series.flatMap(\.values).filter { $0 != 0 }.map { abs($0) * scale }.sorted()
                #expect(drawn.count == values.count, "\(bound.kind)")
                for (length, expected) in zip(drawn, values) { #expect(abs(length - expected) < 0.01, "\(bound.kind): \(length) for \(expected)") }
                checked += 1
            }
        }
        #expect(checked == 12, "six bar charts in each gallery")
    }

    @Test func barLengthsFollowTheCountsOfTheLog() throws {
        for (gallery, file) in [(arabic, "activities-ar.csv"), (english, "activities-en.csv")] {
            let counts = try Self.countsByYear(file)
            let compiled = gallery.charts[0]
            #expect(gallery.document.charts[0].chart.kind == .bar)
            let bars = compiled.marks.filter { $0.kind == .bar }
            #expect(bars.map { Int($0.value) } == counts.keys.sorted().compactMap { counts[$0] })
            let top = compiled.labels.filter { $0.role == .tick }.compactMap { TestSupport.number($0.text) }.max() ?? 1
            let scale = compiled.plot.height / top
            for bar in bars { #expect(abs(bar.length - bar.value * scale) < 0.25, "\(bar.value)") }
        }
    }

    @Test func barsAndPointsAreProportionalToTheirValues() {
        for (chart, compiled) in all where [.bar, .groupedBar, .horizontalBar, .stackedBar].contains(chart.kind) {
            let marks = compiled.marks.filter { $0.kind == .bar || $0.kind == .segment }
            let scale = (marks.map(\.length).max() ?? 0) / (marks.map { abs($0.value) }.max() ?? 1)
            for mark in marks { #expect(abs(mark.length - abs(mark.value) * scale) < 0.25, "\(chart.kind) \(mark.value)") }
        }
        for (chart, compiled) in all where chart.kind == .line {
            let points = compiled.marks.filter { $0.kind == .point }
            let scale = (points.map(\.length).max() ?? 0) / (points.map(\.value).max() ?? 1)
            for point in points { #expect(abs(point.length - point.value * scale) < 0.25) }
        }
    }

    @Test func stackedSegmentsAddUpToTheirTotals() {
        for (chart, compiled) in all where chart.kind == .stackedBar || (chart.kind == .area && chart.series.count > 1) {
            let marks = compiled.marks.filter { $0.kind == .segment || $0.kind == .area }
            let scale = compiled.plot.height / (compiled.labels.filter { $0.role == .tick }.compactMap { TestSupport.number($0.text) }.max() ?? 1)
            for category in chart.categories.indices {
                let column = marks.filter { $0.category == category }.sorted { $0.series < $1.series }
                let total = chart.series.reduce(0) { $0 + $1.values[category] }
                #expect(abs(column.map(\.length).reduce(0, +) - total * scale) < 0.25)
                // Each segment starts where the one under it ends.
                for (lower, upper) in zip(column, column.dropFirst()) { #expect(abs(lower.bounds.minY - upper.bounds.maxY) < 0.01) }
            }
        }
    }

    @Test func categoriesRunFromTheStartSide() {
        for (chart, compiled) in all {
            let rtl = chart.direction.isRightToLeft
            let first = compiled.marks.filter { $0.series == 0 }
            switch chart.kind {
            case .bar, .groupedBar, .stackedBar, .line, .area, .sparkline:
                let xs = first.sorted { $0.category < $1.category }.map(\.bounds.midX)
                #expect(xs == (rtl ? xs.sorted(by: >) : xs.sorted()), "\(chart.kind) \(chart.direction)")
                #expect(Set(xs).count == xs.count)
            case .horizontalBar:
                let ys = first.sorted { $0.category < $1.category }.map(\.bounds.minY)
                #expect(ys == ys.sorted() && Set(ys).count == ys.count)
            case .timeline:
                let xs = first.sorted { $0.category < $1.category }.map(\.bounds.midX)
                #expect(xs == (rtl ? xs.sorted(by: >) : xs.sorted()))
            case .donut:
                // The first slice leaves twelve o'clock anticlockwise from right to left, clockwise from left to right.
                let slice = first.first { $0.category == 0 }?.bounds.midX ?? 0
                #expect(rtl ? slice < compiled.plot.midX : slice > compiled.plot.midX)
            }
            // Legends read from the start side.
            let keys = compiled.labels.filter { $0.role == .legend }
            if chart.kind != .donut, keys.count > 1, abs(keys[0].bounds.minY - keys[1].bounds.minY) < 0.01 {
                #expect(rtl ? keys[0].bounds.minX > keys[1].bounds.maxX : keys[0].bounds.maxX < keys[1].bounds.minX)
            }
        }
    }

    @Test func theValueAxisStandsOnTheStartSide() {
        for (chart, compiled) in all where [.bar, .groupedBar, .stackedBar, .line, .area].contains(chart.kind) {
            for tick in compiled.labels where tick.role == .tick {
                #expect(chart.direction.isRightToLeft ? tick.bounds.minX >= compiled.plot.maxX : tick.bounds.maxX <= compiled.plot.minX)
            }
        }
    }

    @Test func ticksAreRoundStepsFromZero() {
        for (chart, compiled) in all where [.bar, .groupedBar, .stackedBar, .horizontalBar, .line, .area].contains(chart.kind) {
            let ticks = compiled.labels.filter { $0.role == .tick }.compactMap { TestSupport.number($0.text) }.sorted()
            #expect(ticks.first == 0, "\(chart.kind)")
            let steps = Set(zip(ticks, ticks.dropFirst()).map { (($1 - $0) * 1000).rounded() / 1000 })
            #expect(steps.count == 1)
            if let step = steps.first {
                let mantissa = step / pow(10, log10(step).rounded(.down))
                #expect([1, 2, 5].contains { abs($0 - mantissa) < 1e-9 }, "\(step)")
            }
        }
    }

    @Test func numbersFollowTheNumeralsOfTheDocument() {
        let arabicDigits = CharacterSet(charactersIn: "٠١٢٣٤٥٦٧٨٩")
        for compiled in arabic.charts {
            for label in compiled.labels where label.role == .tick || label.role == .value || label.role == .total {
                #expect(label.text.unicodeScalars.allSatisfy { !("0"..."9").contains($0) }, "\(label.text)")
                #expect(label.text.unicodeScalars.contains { arabicDigits.contains($0) })
            }
        }
        let percents = arabic.charts[5].labels.filter { $0.role == .tick }.map(\.text)
        #expect(percents.contains("٥٠٪") || percents.contains("٢٠٪"))
        #expect(arabic.charts[5].labels.contains { $0.role == .value && $0.text == "٦١٫٥٪" })
        #expect(english.charts[5].labels.contains { $0.role == .value && $0.text == "61.5%" })
    }

    @Test func factsCarryTheirSparklinesFromTheStartSide() throws {
        let renderer = try TestSupport.renderer()
        for (gallery, rtl) in [(arabic, true), (english, false)] {
            let page = try #require(try renderer.layout(gallery.document).document.pages.first)
            let lines = page.frame.shapes.compactMap { placed -> [Point]? in
                guard case .polyline(let points) = placed.shape.geometry, placed.shape.stroke?.width == 1.2 else { return nil }
                return points.map { $0.offsetBy(dx: placed.origin.x, dy: placed.origin.y) }
            }
            #expect(lines.count == 2, "two facts with sparklines")
            for points in lines {
                #expect(points.count == 10, "one point a year, 2015 to 2024")
                let xs = points.map(\.x)
                #expect(xs == (rtl ? xs.sorted(by: >) : xs.sorted()))
            }
        }
    }

    @Test func eachChartCarriesADescriptionOfItsData() {
        let bar = arabic.document.charts[0].chart.alternativeText
        #expect(bar == "مخطط أعمدة: الأنشطة حسب السنة؛ ١٠ سنوات، من ٢٠١٥ إلى ٢٠٢٤؛ أعلى عدد من الأنشطة في عام ٢٠٢٣: ٢٢ نشاطا؛ "
                + "وأدناه في ٢٠٢٠: ٣؛ من ٥ في ٢٠١٥ إلى ١٧ في ٢٠٢٤؛ المجموع ١٢٤.")
        #expect(english.document.charts[0].chart.alternativeText.contains("the highest count is 22 in 2023"))
        let donut = arabic.document.charts.first { $0.chart.kind == .donut }?.chart.alternativeText ?? ""
        #expect(donut.contains("تدريبات مشتركة ٣٣٪"), "\(donut)")
        let timeline = english.document.charts.first { $0.chart.kind == .timeline }?.chart.alternativeText ?? ""
        #expect(timeline.hasPrefix("Timeline: Milestones of the partnership; 7 events from March 2015 to June 2023; March 2015: First joint exercise"))
        for (chart, compiled) in all {
            guard case .tag(.begin(.figure, let text)) = compiled.frame.items.first?.item else {
                Issue.record("\(chart.kind) does not open with a figure tag")
                continue
            }
            #expect(text == chart.alternativeText)
        }
    }
}

private extension Rect {
    var midX: Double { minX + width / 2 }
}
