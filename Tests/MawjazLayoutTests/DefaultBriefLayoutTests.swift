// The default brief laid out: pages, furniture, lines inside the margins and flush right, the chart's bars.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct DefaultBriefLayoutTests {
    let result: LayoutResult
    let document: Document

    init() throws {
        let renderer = try TestSupport.renderer()
        let (report, _) = try renderer.load(reportAt: TestSupport.defaultReport)
        document = try renderer.bind(report)
        result = try renderer.layout(document)
    }

    var pages: [Page] { result.document.pages }

    @Test func threeA4Pages() {
        #expect(pages.count == 3)
        for page in pages {
            #expect(abs(page.size.width - 595.28) < 0.01 && abs(page.size.height - 841.89) < 0.01)
        }
    }

    @Test func everyPageHasTheBannerAtTopAndBottomAndItsNumber() {
        for (index, page) in pages.enumerated() {
            let lines = TestSupport.lines(page)
            let banners = lines.filter { $0.line.text == "غير سري" }
            #expect(banners.count == 2)
            #expect(banners.first.map { $0.origin.y < 40 } == true)
            #expect(banners.last.map { $0.origin.y > 800 } == true)
            let number = ["١", "٢", "٣"][index]
            #expect(lines.contains { $0.line.text == "صفحة \(number) من ٣" })
        }
    }

    @Test func bodyLinesStayInsideTheMargins() {
        let setup = document.template.page
        for page in pages {
            for (origin, line) in page.frame.textLines {
                #expect(origin.x >= setup.outside - 0.01 && origin.x + line.width <= page.size.width - setup.inside + 0.01,
                        "\(line.text) at \(origin.x)")
                #expect(origin.y - line.ascent >= 14 && origin.y + line.descent <= page.size.height - 14)
            }
        }
    }

    @Test func paragraphLinesAreFlushRight() {
        let right = pages[0].size.width - document.template.page.inside
        let body = pages.flatMap { TestSupport.lines($0) }.filter { $0.line.text.hasPrefix("تربط مكتب") || $0.line.text.hasPrefix("منذ بدايتها") }
        #expect(body.count == 2)
        for (origin, line) in body { #expect(abs(origin.x + line.width - right) < 0.05) }
        // A justified line, not a paragraph's last, fills the column.
        #expect(body.allSatisfy { abs($0.line.width - (right - 56)) < 0.05 })
    }

    @Test func everyParagraphOfTheArticleIsThereInOrder() throws {
        let article = try String(contentsOf: TestSupport.article, encoding: .utf8)
        let source = TestSupport.arabicWords(article)
        let laidOut = TestSupport.arabicWords(pages.flatMap { TestSupport.lines($0).map(\.line.text) }.joined(separator: "\n"))
        #expect(TestSupport.recall(of: source, in: laidOut) == 1)
    }

    @Test func aHeadingNeverEndsAPage() {
        let headings = ["أكثر من عقد من الشراكة", "شراكة واسعة"]
        for page in pages {
            let body = TestSupport.lines(page).filter { $0.origin.y > 60 && $0.origin.y < 780 }
            if let last = body.last { #expect(!headings.contains(last.line.text)) }
        }
    }

    @Test func theBarsRunRightToLeftWithHeightsFromTheData() throws {
        let counts: [Int: Int] = [2012: 6, 2013: 9, 2014: 11, 2015: 13, 2016: 15, 2017: 17, 2018: 19, 2019: 21,
                                  2020: 8, 2021: 18, 2022: 20, 2023: 22, 2024: 25]
        let page = try #require(pages.first { page in page.frame.textLines.contains { $0.line.text == "الأنشطة الثنائية حسب السنة" } })
        let years = page.frame.textLines.filter { $0.line.text.count == 4 && $0.line.text.hasPrefix("٢٠") }
            .sorted { $0.origin.x > $1.origin.x }.map(\.line.text)
        #expect(years == (2012...2024).map { Numerals(.arabicIndic).year($0) }, "the first year at the right")
        let bars = page.frame.shapes.compactMap { placed -> Rect? in
            guard case .rect(let rect) = placed.shape.geometry, placed.shape.fill == document.template.palette.series[0] else { return nil }
            return rect.offsetBy(dx: placed.origin.x, dy: placed.origin.y)
        }.sorted { $0.minX > $1.minX }
        #expect(bars.count == 13)
        let scale = try #require(bars.first).height / 6
        for (bar, year) in zip(bars, 2012...2024) {
            #expect(abs(bar.height - Double(counts[year] ?? 0) * scale) < 0.25, "\(year)")
        }
        // All bars stand on one baseline.
        #expect(Set(bars.map { ($0.maxY * 100).rounded() }).count == 1)
    }

    @Test func kashidaWidensTheSameLinesWithTatweel() throws {
        let renderer = try TestSupport.renderer()
        var (report, _) = try renderer.load(reportAt: TestSupport.defaultReport)
        #expect(report.settings.justify == .kashida)
        report.settings.justify = .spaces
        let spaced = try renderer.layout(try renderer.bind(report)).document.pages
        let lines = pages.flatMap { TestSupport.lines($0) }, spacedLines = spaced.flatMap { TestSupport.lines($0) }
        #expect(lines.map(\.line.text) == spacedLines.map(\.line.text), "justification does not move line breaks")
        let glyphs = lines.reduce(0) { $0 + $1.line.runs.reduce(0) { $0 + $1.glyphs.count } }
        let spacedGlyphs = spacedLines.reduce(0) { $0 + $1.line.runs.reduce(0) { $0 + $1.glyphs.count } }
        #expect(glyphs > spacedGlyphs + 20, "tatweel glyphs were added")
        for (kashida, spaces) in zip(lines, spacedLines) where abs(spaces.line.width - 483.28) < 0.01 {
            #expect(abs(kashida.line.width - 483.28) < 0.5)
        }
    }
}
