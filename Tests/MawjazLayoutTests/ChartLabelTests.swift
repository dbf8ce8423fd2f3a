// Crowded and long chart labels: thinned, wrapped or staggered, never overlapping; what cannot be made to
// fit is an error naming the chart.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct ChartLabelTests {
    /// The charts of a report holding one chart block, `chart` being its options (indented four spaces).
    static func compile(_ chart: String, language: String = "ar", files: [String: String] = [:]) throws -> (Chart, CompiledChart) {
        let yaml = """
            title: "مخططات"
            date: 2024-12-31
            language: \(language)
            \(files.isEmpty ? "" : "data: {log: log.csv}")
            body:
              - chart:
            \(chart)
            """
        let folder = try TestSupport.folder(with: files.merging(["report.yaml": yaml]) { $1 })
        let (document, charts) = try TestSupport.compiledCharts(folder.appendingPathComponent("report.yaml"))
        let bound = try #require(document.charts.first?.chart)
        return (bound, try #require(charts.first))
    }

    /// Inline values `label: value`, as YAML lines.
    static func values(_ pairs: [(String, Double)]) -> String {
        "    values:\n" + pairs.map { "      - {label: \"\($0.0)\", value: \($0.1)}" }.joined(separator: "\n")
    }

    static func expectNoOverlap(_ compiled: CompiledChart) {
        let box = Rect(origin: .zero, size: compiled.frame.size)
        for (index, label) in compiled.labels.enumerated() {
            #expect(box.contains(label.bounds, tolerance: 0.01), "\(label.text)")
            for other in compiled.labels[(index + 1)...] {
                #expect(!label.bounds.overlaps(other.bounds, tolerance: 0.01), "\(label.text) / \(other.text)")
            }
        }
    }

    @Test func fortyYearsAreThinnedFromTheFirst() throws {
        let log = "date,category,title\n" + (1980...2019).map { "\($0)-05-01,زيارة,نشاط" }.joined(separator: "\n") + "\n"
        let (chart, compiled) = try Self.compile("    type: bar\n    data: log\n    by: year", files: ["log.csv": log])
        #expect(chart.categories.count == 40)
        let years = compiled.labels.filter { $0.role == .category }
        #expect(years.count < 40 && years.count >= 5)
        #expect(years.sorted { $0.bounds.minX > $1.bounds.minX }.first?.text == "١٩٨٠", "the first year is kept, at the right")
        // Evenly thinned: the kept years are a fixed number of years apart.
        let kept = years.compactMap { TestSupport.number($0.text) }.sorted()
        #expect(Set(zip(kept, kept.dropFirst()).map { $1 - $0 }).count == 1)
        Self.expectNoOverlap(compiled)
    }

    @Test func longArabicNamesWrapUnderTheirBars() throws {
        let names = ["التدريبات العسكرية المشتركة", "التبادلات الثقافية والتعليمية", "الاجتماعات القيادية الرفيعة",
                     "الاستجابة للكوارث الطبيعية", "برامج الطب العسكري", "زيارات", "المؤتمرات الإقليمية", "دورات اللغة"]
        let (_, compiled) = try Self.compile("    type: bar\n" + Self.values(names.enumerated().map { ($1, Double($0 + 3)) }))
        let labels = compiled.labels.filter { $0.role == .category }
        #expect(labels.map(\.text) == names)
        let single = try #require(compiled.labels.first { $0.role == .tick }).bounds.height
        #expect(labels.contains { $0.bounds.height > 1.5 * single }, "at least one name wraps")
        for label in labels { #expect(label.bounds.width < compiled.plot.width / 8) }
        Self.expectNoOverlap(compiled)
    }

    @Test func namesTooLongForTheirBandsAreStaggered() throws {
        let names = (1...12).map { "فئة\($0)طويلةجدا" }
        let (_, compiled) = try Self.compile("    type: bar\n" + Self.values(names.map { ($0, 4) }))
        let tops = Set(compiled.labels.filter { $0.role == .category }.map { ($0.bounds.minY * 100).rounded() })
        #expect(tops.count == 2, "two rows")
        Self.expectNoOverlap(compiled)
    }

    @Test func namesThatFitNowhereAreAnError() throws {
        let names = (1...30).map { "فئةطويلةجدابلامسافات\($0)" }
        #expect {
            try Self.compile("    type: bar\n" + Self.values(names.map { ($0, 4) }))
        } throws: { error in
            "\(error)".contains("category labels do not fit") && "\(error)".contains("horizontal-bar")
        }
    }

    @Test func horizontalBarNamesWrapBesideTheirBars() throws {
        let names = ["تدريبات مشتركة على عمليات الإخلاء الطبي في المناطق الجبلية الوعرة", "زيارات", "تبادل خبرات"]
        let (_, compiled) = try Self.compile("    type: horizontal-bar\n" + Self.values(names.enumerated().map { ($1, Double(10 - $0)) }))
        let labels = compiled.labels.filter { $0.role == .category }
        #expect(labels[0].bounds.height > 1.5 * labels[1].bounds.height)
        // Right to left: names on the right of the plot, bars growing leftwards from the zero line.
        for label in labels { #expect(label.bounds.minX >= compiled.plot.maxX) }
        let bars = compiled.marks.filter { $0.kind == .bar }
        #expect(Set(bars.map { ($0.bounds.maxX * 100).rounded() }).count == 1)
        Self.expectNoOverlap(compiled)
    }

    @Test func aHorizontalBarNameWiderThanItsColumnIsWrappedToItsLongestWord() throws {
        // The long name wraps to the column (38% of the width, at least its longest word); the short ones, which fit it,
        // have no longest word measured and stay on one line.
        let long = "مناورات التعاون الإقليمي السنوية المشتركة بين القوات الأوزبكية وحرس ميسيسيبي الوطني"
        let (_, compiled) = try Self.compile("    type: horizontal-bar\n" + Self.values([(long, 3), ("زيارات", 2)]))
        let labels = compiled.labels.filter { $0.role == .category }
        #expect(labels.count == 2)
        #expect(labels[0].bounds.height > 1.5 * labels[1].bounds.height)
        #expect(labels[0].bounds.width <= compiled.frame.size.width * 0.38 + 0.01)
        // One word wider than half the chart cannot be wrapped: an error saying how wide it is.
        let word = String(repeating: "تدريبات", count: 12)
        #expect {
            try Self.compile("    type: horizontal-bar\n" + Self.values([(word, 3), ("زيارات", 2)]))
        } throws: { error in
            "\(error)".contains("more than half the chart") || "\(error)".contains("أكثر من نصف المخطط")
        }
    }

    @Test func valueLabelsGoInsideWhenThereIsNoRoomOutside() throws {
        // Stacked segments carry their values inside; a segment too thin for its label carries none.
        let (chart, compiled) = try Self.compile("""
                type: stacked-bar
                series-names: [أ, ب]
                values:
                  - {label: "٢٠٢٢", values: [20, 0.4]}
                  - {label: "٢٠٢٣", values: [30, 12]}
            """)
        let values = compiled.labels.filter { $0.role == .value }.map(\.text)
        #expect(values.contains("٢٠٫٠") || values.contains("٢٠"))
        #expect(!values.contains { $0.hasPrefix("٠٫") }, "the thin segment is not labelled")
        #expect(compiled.labels.filter { $0.role == .total }.count == chart.categories.count)
        for label in compiled.labels where label.role == .value {
            #expect(compiled.marks.contains { $0.kind == .segment && $0.bounds.contains(label.bounds, tolerance: 0.01) })
        }
    }

    @Test func negativeBarsHangFromTheBaselineWithTheirNumbersUnder() throws {
        let (_, compiled) = try Self.compile("    type: bar\n" + Self.values([("أ", -2.5), ("ب", 4.25), ("ج", 0)]))
        let bars = compiled.marks.sorted { $0.category < $1.category }
        #expect(abs(bars[0].bounds.minY - bars[1].bounds.maxY) < 0.01, "both stand on the zero line")
        let labels = compiled.labels.filter { $0.role == .value }
        #expect(labels.map(\.text) == ["-٢٫٥", "٤٫٢٥", "٠"])
        #expect(labels[0].bounds.minY >= bars[0].bounds.maxY && labels[1].bounds.maxY <= bars[1].bounds.minY)
        let ticks = compiled.labels.filter { $0.role == .tick }.compactMap { TestSupport.number($0.text) }
        #expect(ticks.contains(-4) && ticks.contains(0), "\(ticks)")
        Self.expectNoOverlap(compiled)
    }

    @Test func aTimelineTooCrowdedToLabelIsAnError() throws {
        let events = (1...40).map { "      - {date: 2021-01-\(String(format: "%02d", $0 % 28 + 1)), text: \"حدث طويل رقم \($0)\"}" }
        #expect {
            try Self.compile("    type: timeline\n    events:\n" + events.joined(separator: "\n"))
        } throws: { error in
            "\(error)".contains("do not fit") && "\(error)".contains("from, to or categories")
        }
    }

    @Test func anEnglishTimelineRunsLeftToRight() throws {
        let (chart, compiled) = try Self.compile("""
                type: timeline
                events:
                  - {date: 2019, text: "Start"}
                  - {date: 2024-06, text: "Latest"}
                  - {date: 2021-03-14, text: "Middle"}
            """, language: "en")
        #expect(chart.events.map(\.text) == ["Start", "Middle", "Latest"])
        let xs = compiled.marks.sorted { $0.category < $1.category }.map(\.bounds.minX)
        #expect(xs == xs.sorted())
        Self.expectNoOverlap(compiled)
    }
}
