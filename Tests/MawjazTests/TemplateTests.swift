// The three templates and their sample reports, template errors, and `mawjaz init`.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct TemplateTests {
    let renderer: BriefingRenderer
    init() throws { renderer = try TestSupport.renderer() }

    func layout(_ report: String) throws -> (Document, [Page]) {
        let (loaded, _) = try renderer.load(reportAt: TestSupport.root.appendingPathComponent("Reports/\(report)/report.yaml"))
        let document = try renderer.bind(loaded)
        return (document, try renderer.layout(document).document.pages)
    }

    /// The benchmark's reports hold the peers' brief: 3 pages, and 7 copies of it from new pages in the long one.
    @Test func thePeersBriefIsThreePagesAndItsLongVariantSevenCopiesOfIt() throws {
        let (_, brief) = try layout("peers-brief")
        let (_, long) = try layout("peers-brief-long")
        #expect(brief.count == 3)
        #expect(long.count == 21)
        // The text of pages, but the page numbers in the footers ("صفحة 4" on the long one's fourth page).
        func text(_ pages: ArraySlice<Page>) -> [String] {
            pages.flatMap { $0.frame.textLines.map(\.line.text) }.filter { !$0.hasPrefix("صفحة") }
        }
        let first = text(brief[...])
        #expect(first.contains { $0.contains("الأنشطة الثنائية حسب السنة، 2012-2024") })
        #expect(text(long[0..<3]) == first)
        // The later copies open with the title, subtitle and date as blocks, then hold the same lines from the facts on.
        func fromFacts(_ lines: [String]) -> ArraySlice<String> { lines[(lines.firstIndex(of: "حقائق رئيسية") ?? lines.endIndex)...] }
        #expect(fromFacts(first).count > 100)
        for copy in 1..<7 {
            let lines = text(long[(3 * copy)..<(3 * copy + 3)])
            #expect(lines.contains("التاريخ: 15 سبتمبر 2024"), "copy \(copy + 1)")
            #expect(fromFacts(lines) == fromFacts(first), "copy \(copy + 1)")
        }
    }

    @Test func theAnnualSummaryHasACoverContentsWithTrueNumbersAndTenPagesOrMore() throws {
        let (document, pages) = try layout("annual-summary")
        #expect(pages.count >= 10)
        #expect(document.template.titlePage == .cover)
        // The cover: the title, no running head.
        let cover = pages[0].frame.textLines.map(\.line.text)
        #expect(cover.contains { $0.contains("الملخص السنوي") })
        // Each contents entry links to its heading and names the page the heading is on.
        let contents = pages[1]
        let links = contents.frame.items.compactMap { placed -> (Point, String)? in
            guard case .link(let link) = placed.item, case .destination(let name) = link.target else { return nil }
            return (placed.position, name)
        }
        #expect(links.count >= 9)
        for (position, anchor) in links {
            let page = try #require(pages.firstIndex { page in
                page.frame.items.contains { if case .destination(let destination) = $0.item { return destination.name == anchor } else { return false } }
            })
            let number = Numerals(.arabicIndic).pageNumber(page + 1)
            let onLine = contents.frame.textLines.filter { abs($0.origin.y - position.y) < 20 && $0.origin.y > position.y }
            #expect(onLine.contains { $0.line.text == number }, "\(anchor) is on page \(page + 1)")
        }
        // Double-sided: the inside margin alternates.
        let setup = document.template.page
        #expect(setup.doubleSided && setup.inside != setup.outside)
        func leftmost(_ page: Page) -> Double { page.frame.textLines.filter { $0.origin.y > 100 }.map(\.origin.x).min() ?? 0 }
        #expect(abs(leftmost(pages[2]) - leftmost(pages[3])) > 5)
    }

    @Test func theContentsLinksLandOnTheirHeadingsInThePDF() throws {
        let pdf = try TestSupport.temporaryFolder().appendingPathComponent("annual.pdf")
        try renderer.render(reportAt: TestSupport.root.appendingPathComponent("Reports/annual-summary/report.yaml"), to: pdf)
        let facts = try TestSupport.inspectPDF(pdf)
        let inside = facts.links.filter { $0.destination != nil }
        #expect(inside.count >= 9)
        for link in inside {
            #expect(link.page == 2, "the contents page")
            #expect(link.destinationPage == facts.destinations[link.destination ?? ""])
        }
        // The outline holds the same headings, on the same pages.
        let outlined = Set(facts.outline.map(\.page))
        #expect(Set(inside.compactMap(\.destinationPage)) == outlined)
        #expect(facts.labels.first == "١" && facts.lang == "ar")
    }

    @Test func theCorrespondenceCarriesItsLabelsReferenceAndDates() throws {
        let (_, pages) = try layout("correspondence")
        #expect(pages.count == 2)
        for (index, page) in pages.enumerated() {
            let texts = page.frame.textLines.map(\.line.text)
            #expect(texts.contains("مرفق (١)"))
            #expect(texts.contains("صفحة \(["١", "٢"][index]) من ٢"))
        }
        let first = pages[0].frame.textLines.map(\.line.text).joined(separator: "\n")
        #expect(first.contains("الحرس الوطني — ولاية ميسيسيبي") && first.contains("Mississippi National Guard"))
        #expect(first.contains("١٥ سبتمبر ٢٠٢٤م الموافق ١٢ ربيع الأول") || first.contains("١٥ سبتمبر ٢٠٢٤م الموافق ١٢ ربيع الأول ١٤٤٦هـ"))
        #expect(first.contains("الرقم:"))
        // The letterhead's emblem and the stamp's circle are drawn.
        #expect(pages[0].frame.items.contains { if case .image = $0.item { return true } else { return false } })
        #expect(pages[0].frame.shapes.contains { if case .circle = $0.shape.geometry { return true } else { return false } })
    }

    @Test func everySampleReportRenders() throws {
        let reports = try FileManager.default.contentsOfDirectory(atPath: TestSupport.root.appendingPathComponent("Reports").path)
        #expect(reports.count >= 4)
        let folder = try TestSupport.temporaryFolder()
        for name in reports.sorted() {
            let pdf = folder.appendingPathComponent("\(name).pdf")
            try renderer.render(reportAt: TestSupport.root.appendingPathComponent("Reports/\(name)/report.yaml"), to: pdf)
            #expect(try TestSupport.qpdfProblems(pdf) == nil, "\(name)")
            #expect(try TestSupport.fonts(pdf).allSatisfy(\.embedded), "\(name)")
        }
    }

    @Test func templateErrorsArePointedAt() throws {
        let templates = try TestSupport.folder(with: [
            "broken.yaml": """
                name: broken
                page: {size: A4, margns: {top: 60}}
                colors: {accent: "#12345"}
                letterhead: {logo: missing.png}
                fonts: {arabic: DejaVu Sans}

                """,
        ])
        let report = try TestSupport.folder(with: ["report.yaml": "template: ../\(templates.lastPathComponent)/broken.yaml\ntitle: x\ndate: 2024-01-01\nbody: [{paragraph: نص}]\n"])
        let moved = report.deletingLastPathComponent().appendingPathComponent(templates.lastPathComponent)
        #expect(moved.path == templates.path)
        var found: [Diagnostic] = []
        do {
            _ = try renderer.bind(try renderer.load(reportAt: report.appendingPathComponent("report.yaml")).report)
        } catch {
            if case .input(let diagnostics) = error { found = diagnostics }
        }
        #expect(found.count == 3)
        #expect(found[0].location.line == 2 && found[0].message.description.contains("did you mean \"margins\"?"))
        #expect(found[1].location.line == 3 && found[1].message.description.contains("is not a colour"))
        #expect(found[2].message.description.contains("missing.png does not exist"))
        // The unknown font is found when the document is laid out, naming the family.
        let fonts = try TestSupport.folder(with: ["t.yaml": "name: t\nfonts: {arabic: DejaVu Sans}\n",
                                                  "report.yaml": "template: t.yaml\ntitle: x\ndate: 2024-01-01\nbody: [{paragraph: نص}]\n"])
        do {
            let document = try renderer.bind(try renderer.load(reportAt: fonts.appendingPathComponent("report.yaml")).report)
            _ = try renderer.layout(document)
            Issue.record("an unknown font must be an error")
        } catch {
            #expect(error.description.contains("font family \"DejaVu Sans\" is not available (families: Amiri, Noto Naskh Arabic, Noto Sans)"))
            #expect(error.exitStatus == 2)
        }
    }

    /// The baselines of the lines of page 1 whose text is `text`, top to bottom.
    static func baselines(of text: String, _ result: LayoutResult) -> [Double] {
        result.document.pages[0].frame.textLines.filter { $0.line.text == text }.map(\.origin.y).sorted()
    }

    static func report(margins: String, classification: String? = "غير سري", header: String = "") -> String {
        """
        template: {name: briefing, page: {margins: \(margins)}\(header)}
        title: "موجز"
        date: 2024-09-15
        \(classification.map { "classification: \"\($0)\"" } ?? "")
        body:
          - paragraph: "نص قصير."
        """
    }

    @Test func thePageFurnitureFollowsTheMargins() throws {
        let height = PageSetup.a4.height
        for (top, bottom) in [(64.0, 62.0), (100, 90), (50, 48)] {
            let result = try TestSupport.layout(yaml: Self.report(margins: "{top: \(top), bottom: \(bottom)}", header: ", header: {end: \"{title}\"}"),
                                                renderer: renderer)
            // The banner 36 pt above the text area and 40 pt below it; the running head 20 pt above, the foot 24 pt below.
            #expect(Self.baselines(of: "غير سري", result) == [top - 36, height - bottom + 40], "\(top) \(bottom)")
            #expect(Self.baselines(of: "موجز", result).first == top - 20)
            #expect(Self.baselines(of: "صفحة ١ من ١", result) == [height - bottom + 24])
        }
    }

    @Test func aMarginTooSmallForTheFurnitureIsAnErrorAtTheTemplate() throws {
        for (margins, expected) in [("{top: 40}", "the top margin (40 pt) is too small for the banner, which needs 44 pt"),
                                    ("{bottom: 30}", "the bottom margin (30 pt) is too small for the banner, which needs 43 pt")] {
            do {
                _ = try TestSupport.layout(yaml: Self.report(margins: margins), renderer: renderer)
                Issue.record("\(margins) should not leave room for the banner")
            } catch let error as MawjazError {
                guard case .input(let found) = error, let problem = found.first else { Issue.record("\(error)"); continue }
                #expect(problem.field == "page furniture")
                #expect(problem.location.file == "briefing")
                #expect(problem.message.description == expected)
            }
        }
        // Without a banner the same margins hold the running head and foot.
        let plain = try TestSupport.layout(yaml: Self.report(margins: "{top: 40, bottom: 30}", classification: nil), renderer: renderer)
        #expect(Self.baselines(of: "صفحة ١ من ١", plain) == [PageSetup.a4.height - 30 + 24])
    }

    @Test func aTemplateWithTwoColumnsFillsTheStartColumnFirst() throws {
        let text = try String(contentsOf: TestSupport.defaultReport, encoding: .utf8)
            .replacingOccurrences(of: "template: briefing", with: "template: {name: briefing, page: {columns: 2, column-gap: 20}}")
            .replacingOccurrences(of: "activities.csv", with: TestSupport.defaultReport.deletingLastPathComponent().appendingPathComponent("activities.csv").path)
        let result = try TestSupport.layout(yaml: text, renderer: renderer)
        let page = result.document.pages[0]
        let width = page.size.width, margin = 56.0, column = (width - 2 * margin - 20) / 2
        let body = TestSupport.lines(page).filter { $0.origin.y > 200 && $0.origin.y < 780 && $0.line.runs.first?.font.size == 11.5 }
        #expect(body.allSatisfy { $0.line.width <= column + 0.5 }, "every line fits its column")
        let right = body.filter { $0.origin.x >= margin + column + 19 }, left = body.filter { $0.origin.x + $0.line.width <= margin + column + 1 }
        #expect(right.count + left.count == body.count)
        #expect(!right.isEmpty && !left.isEmpty)
        // The article's first paragraph opens the right-hand column.
        #expect(right.first?.line.text.hasPrefix("تربط مكتب") == true)
        // The title still spans the page.
        #expect(page.frame.textLines.contains { $0.line.text.hasPrefix("شراكة الحرس") && $0.line.width > column })
    }
}
