// A long report (30+ pages) in Arabic and in English: every page furnished, nothing outside the margins, nothing
// overlapping, table headers repeated, and the English edition a mirror of the Arabic one.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct LongReportTests {
    static let folder = TestSupport.root.appendingPathComponent("Tests/MawjazTests/Fixtures/long")
    let arabic: [Page]
    let english: [Page]
    let template: Template

    init() throws {
        let renderer = try TestSupport.renderer()
        func layout(_ name: String) throws -> (LayoutResult, Document) {
            let (report, _) = try renderer.load(reportAt: Self.folder.appendingPathComponent(name))
            let document = try renderer.bind(report)
            return (try renderer.layout(document), document)
        }
        let (ar, document) = try layout("report-ar.yaml")
        arabic = ar.document.pages
        english = try layout("report-en.yaml").0.document.pages
        template = document.template
    }

    @Test func bothEditionsRunToMoreThanTwentyPages() {
        #expect(arabic.count >= 20)
        #expect(english.count >= 20)
    }

    @Test func everyPageHasItsBannerAndNumber() {
        for (pages, banner, label) in [(arabic, "غير سري", { (n: Int, total: Int) in
                                            "صفحة \(Numerals(.arabicIndic).pageNumber(n)) من \(Numerals(.arabicIndic).pageNumber(total))" }),
                                       (english, "UNCLASSIFIED", { (n: Int, total: Int) in "Page \(n) of \(total)" })] {
            for (index, page) in pages.enumerated() {
                let texts = page.frame.textLines.map(\.line.text)
                #expect(texts.filter { $0 == banner }.count == 2, "page \(index + 1)")
                #expect(texts.contains(label(index + 1, pages.count)), "page \(index + 1)")
            }
        }
    }

    @Test func nothingLeavesThePageOrOverlaps() {
        for pages in [arabic, english] {
            for (index, page) in pages.enumerated() {
                var boxes: [Rect] = []
                for (origin, line) in page.frame.textLines {
                    let size = line.runs.map(\.font.size).max() ?? 10
                    #expect(origin.x >= 14 && origin.x + line.width <= page.size.width - 14, "page \(index + 1): \(line.text.prefix(20))")
                    #expect(origin.y - 0.8 * size >= 14 && origin.y + 0.25 * size <= page.size.height - 14)
                    boxes.append(Rect(x: origin.x, y: origin.y - 0.8 * size, width: line.width, height: 1.05 * size))
                }
                for (first, box) in boxes.enumerated() {
                    for other in boxes[(first + 1)...] {
                        #expect(!box.overlaps(other, tolerance: 1), "page \(index + 1): lines overlap at \(box) and \(other)")
                    }
                }
                // Body content stays inside the text area (furniture lives in the margins).
                let setup = template.page
                for placed in page.frame.items {
                    guard case .shape(let shape) = placed.item else { continue }
                    let bounds = shape.bounds.offsetBy(dx: placed.position.x, dy: placed.position.y)
                    #expect(bounds.minY >= setup.top - 1 && bounds.maxY <= page.size.height - setup.bottom + 1, "page \(index + 1)")
                    #expect(bounds.minX >= setup.outside - 1 && bounds.maxX <= page.size.width - setup.inside + 1, "page \(index + 1)")
                }
            }
        }
    }

    /// For each paragraph (or list item's text) whose lines fall on more than one page, its lines on each page.
    static func splitParagraphs(_ pages: [Page]) throws -> [[Int]] {
        var walker = StructureWalker()
        var linesByPage: [Int: [Int: Int]] = [:]
        for (index, page) in pages.enumerated() {
            for placed in page.frame.items {
                guard try walker.step(placed.item) == .content, case .text = placed.item,
                      let element = walker.current, [.paragraph, .listBody].contains(element.role),
                      !walker.open.contains(where: { [.tableCell, .tableHeaderCell].contains($0.role) }) else { continue }
                linesByPage[element.number, default: [:]][index, default: 0] += 1
            }
        }
        return linesByPage.values.filter { $0.count > 1 }.map { pages in pages.keys.sorted().map { pages[$0] ?? 0 } }
    }

    /// A report of `count` paragraphs from two to nine lines long, so that pages end at every place in a paragraph.
    static func paragraphs(count: Int, language: String) -> String {
        let sentence = language == "ar"
            ? "يعمل البرنامج على بناء العلاقات بين القوات منذ أكثر من ثلاثين عاما في مجالات التدريب والتعليم والاستجابة للكوارث."
            : "The programme has built relations between the forces for more than thirty years in training, education and disaster response."
        let body = (0..<count).map { index in
            "  - paragraph: \"" + Array(repeating: sentence, count: 2 + (index * 7) % 11).joined(separator: " ") + "\""
        }
        return "title: \"x\"\ndate: 2024-01-01\nlanguage: \(language)\njustify: kashida\nbody:\n" + body.joined(separator: "\n") + "\n"
    }

    @Test func noParagraphLeavesALineAloneAtTheFootOrHeadOfAPage() throws {
        // Paragraphs break between pages with two lines at least on each side (no orphan, no widow), in whole documents.
        let renderer = try TestSupport.renderer()
        var split = 0
        for language in ["ar", "en"] {
            let pages = try TestSupport.layout(yaml: Self.paragraphs(count: 60, language: language), renderer: renderer).document.pages
            #expect(pages.count >= 10)
            for parts in try Self.splitParagraphs(pages) {
                split += 1
                #expect(parts.count == 2, "\(language): a paragraph over \(parts.count) pages")
                #expect((parts.first ?? 0) >= 2 && (parts.last ?? 0) >= 2, "\(language): lines on each page \(parts)")
            }
        }
        #expect(split >= 10, "pages should end inside paragraphs")
    }

    @Test func theAppendixHeaderStartsEveryPageOfTheAppendix() throws {
        for (pages, header) in [(arabic, ["التاريخ", "الفئة", "النشاط", "المكان"]), (english, ["Date", "Category", "Activity", "Place"])] {
            let first = try #require(pages.firstIndex { page in page.frame.textLines.contains { $0.line.text.hasSuffix(header[0]) } })
            let appendix = pages[first...].filter { page in page.frame.textLines.contains { $0.line.text.contains("تبادل خبرات") } }
            #expect(appendix.count >= 4)
            for page in appendix {
                let body = TestSupport.lines(page).filter { $0.origin.y > template.page.top }
                let top = body.prefix(8).map(\.line.text)
                for title in header { #expect(top.contains(title), "\(title) at the top of an appendix page") }
            }
        }
    }

    @Test func aRowTallerThanAPageIsCarriedOverSeveralPages() {
        // The tall row's text runs over several pages, each starting with the table's header.
        let marker = arabic.enumerated().filter { _, page in
            page.frame.textLines.contains { $0.line.text == "ملاحظات" } && page.frame.textLines.contains { $0.line.text.contains("تربط مكتب") }
        }
        #expect(marker.count >= 3)
    }

    @Test func theEnglishEditionMirrorsTheArabic() throws {
        // Table columns: the first on the right in Arabic, on the left in English.
        func x(_ pages: [Page], _ text: String) throws -> (origin: Point, line: TextLine) {
            try #require(pages.lazy.flatMap { $0.frame.textLines }.first { $0.line.text == text })
        }
        let (arFirst, arSecond) = (try x(arabic, "المؤشر"), try x(arabic, "القيمة"))
        let (enFirst, enSecond) = (try x(english, "Indicator"), try x(english, "Value"))
        #expect(arFirst.origin.x > arSecond.origin.x)
        #expect(enFirst.origin.x < enSecond.origin.x)
        // Headings: flush right in Arabic, flush left in English.
        let right = arabic[0].size.width - template.page.inside
        let arHeading = try x(arabic, "١ المحور ١: تبادلات عسكرية")
        #expect(abs(arHeading.origin.x + arHeading.line.width - right) < 0.1)
        let enHeading = try x(english, "1 Theme 1: Military exchanges")
        #expect(abs(enHeading.origin.x - template.page.inside) < 0.1)
        // The facts box: its first figure on the start side.
        let factSize = template.style(.factValue).size
        let arFacts = arabic[0].frame.textLines.filter { $0.line.runs.first?.font.size == factSize }.sorted { $0.origin.x > $1.origin.x }
        #expect(arFacts.map(\.line.text) == ["٢٠٤", "٢٠١٢", "٥"])
        let enFacts = english[0].frame.textLines.filter { $0.line.runs.first?.font.size == factSize }.sorted { $0.origin.x < $1.origin.x }
        #expect(enFacts.map(\.line.text) == ["204", "2012", "5"])
        // Charts: the first year on the start side.
        let arYears = arabic.first { $0.frame.textLines.contains { $0.line.text == "٢٠١٢" && $0.origin.y > 100 } }
        let arOrder = try #require(arYears).frame.textLines.filter { ["٢٠١٢", "٢٠٢٤"].contains($0.line.text) }.sorted { $0.origin.x > $1.origin.x }
        #expect(arOrder.first?.line.text == "٢٠١٢")
        let enYears = english.first { $0.frame.textLines.contains { $0.line.text == "2024" } }
        let enOrder = try #require(enYears).frame.textLines.filter { ["2012", "2024"].contains($0.line.text) }.sorted { $0.origin.x < $1.origin.x }
        #expect(enOrder.first?.line.text == "2012")
        // The English paragraph inside the Arabic report, and the Arabic one inside the English report.
        let ltr = try #require(arabic.lazy.flatMap { $0.frame.textLines }.first { $0.line.text.hasPrefix("This paragraph is in English") })
        #expect(!ltr.line.isRightToLeft && abs(ltr.origin.x - template.page.outside) < 0.1)
        let rtl = try #require(english.lazy.flatMap { $0.frame.textLines }.first { $0.line.text.hasPrefix("هذه فقرة عربية") })
        #expect(rtl.line.isRightToLeft)
    }
}
