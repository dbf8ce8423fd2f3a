// PDFs fit for official correspondence and archives: metadata, outline, links, tags, language, page labels and
// PDF/A-2b additions, read back by pypdf (strict), pdfminer and qpdf.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct OfficialPDFTests {
    /// The PDFs the tests read, rendered and inspected once for the whole suite.
    struct Rendered: Sendable {
        let folder: URL
        let briefURL: URL
        let brief: PDFFacts
        let structuredURL: URL
        let structured: PDFFacts

        init() throws {
            let renderer = try TestSupport.renderer()
            folder = try TestSupport.temporaryFolder()
            briefURL = folder.appendingPathComponent("brief.pdf")
            try renderer.render(reportAt: TestSupport.defaultReport, to: briefURL)
            brief = try TestSupport.inspectPDF(briefURL)
            let source = try TestSupport.folder(with: ["report.yaml": TestSupport.structuredReport()])
            structuredURL = folder.appendingPathComponent("structured.pdf")
            try renderer.render(reportAt: source.appendingPathComponent("report.yaml"), to: structuredURL)
            structured = try TestSupport.inspectPDF(structuredURL)
        }
    }
    static let rendered = Result { try Rendered() }

    let rendered: Rendered
    var folder: URL { rendered.folder }
    var briefURL: URL { rendered.briefURL }
    var brief: PDFFacts { rendered.brief }
    var structuredURL: URL { rendered.structuredURL }
    var structured: PDFFacts { rendered.structured }

    init() throws { rendered = try Self.rendered.get() }

    @Test func pdfinfoSaysTaggedAndShowsTheMetadata() throws {
        let info = try TestSupport.run("pdfinfo", [briefURL.path]).output
        #expect(info.contains("Tagged:          yes"))
        #expect(info.contains("Metadata Stream: yes"))
        #expect(info.contains("Author:          مكتب الحرس الوطني في ميسيسيبي"))
        #expect(info.contains("Keywords:        ميسيسيبي, أوزبكستان, برنامج الشراكة بين الدول"))
        #expect(info.contains("Creator:         Mawjaz \(MawjazVersion.current)"))
    }

    @Test func theLanguageIsDeclaredWithoutAForcedDirection() {
        #expect(brief.lang == "ar")
        #expect(brief.viewerPreferences == ["DisplayDocTitle": "True"])
    }

    @Test func pageLabelsAreInTheDocumentsNumerals() {
        #expect(brief.labels == ["١", "٢", "٣"])
        #expect(structured.labels == ["١", "٢", "٣", "٤", "٥"])
    }

    @Test func theOutlineIsTheHeadings() {
        #expect(brief.outline == [.init(level: 1, title: "أكثر من عقد من الشراكة", page: 1), .init(level: 1, title: "شراكة واسعة", page: 2)])
        #expect(structured.outline.map(\.level) == [1, 2, 3, 1])
        #expect(structured.outline.map(\.title) == ["القسم الأول", "فرع أول", "فرع الفرع", "القسم الثاني"])
        #expect(structured.pdfminerOutline == 4)
        // Each heading element, in order, has the outline entry of its level.
        let headings = structured.structure.map(\.role).filter { ["H1", "H2", "H3"].contains($0) }
        #expect(headings == structured.outline.map { "H\($0.level)" })
        #expect(structured.destinations["section-2"] == structured.outline.last?.page)
    }

    @Test func everyLinkHasADestination() {
        #expect(structured.links.count == 4)
        for link in structured.links {
            #expect(link.flags == 4)
            if let destination = link.destination {
                #expect(link.destinationPage == structured.destinations[destination], "\(destination)")
                #expect(link.destinationPage != nil, "\(destination)")
            } else {
                #expect(link.uri == "https://example.org/%D8%AF%D9%84%D9%8A%D9%84?q=%27x%27")
            }
        }
        // The link to the second section sits on page 1 and goes forward to page 4.
        #expect(structured.links.filter { $0.destination == "section-2" }.allSatisfy { $0.page == 1 && $0.destinationPage == 4 })
    }

    @Test func theStructureTreeHasTheBlocks() {
        let roles = brief.structure.map(\.role)
        #expect(roles.first == "Document")
        for role in ["H1", "P", "Table", "TR", "TH", "TD", "Caption", "Figure", "L", "LI", "Lbl", "LBody"] {
            #expect(roles.contains(role), "\(role)")
        }
        // Everything but the document and the elements that hold others marks content of its own.
        for element in brief.structure where !["Document", "Table", "TR", "L", "LI"].contains(element.role) {
            #expect(element.mcids > 0, "\(element.role)")
        }
        let figure = brief.structure.first { $0.role == "Figure" }
        #expect(figure?.alt?.hasPrefix("مخطط أعمدة: الأنشطة الثنائية حسب السنة") == true)
    }

    @Test func aRepeatedTableHeaderAndThePageFurnitureStayOutOfTheTree() {
        #expect(structured.structure.filter { $0.role == "TH" }.count == 2)
        #expect(structured.structure.filter { $0.role == "TR" }.count == 41)
        // The title and date, 6 paragraphs, and the note's and the signature's two each.
        #expect(structured.structure.filter { $0.role == "P" }.count == 2 + 6 + 2 + 2)
    }

    @Test func aParagraphSplitBetweenPagesKeepsItsLinesAsSpans() {
        let tree = structured.structure
        let split = tree.indices.filter { index in
            guard tree[index].role == "P", tree[index].mcids == 0 else { return false }
            let children = tree[(index + 1)...].prefix { $0.depth > tree[index].depth }
            return children.count > 30 && children.allSatisfy { $0.role == "Span" && $0.mcids == 1 }
        }
        #expect(split.count == 1)
        // Read in order, the spans' texts are the paragraph as written.
        if let first = split.first {
            let spans = tree[(first + 1)...].prefix { $0.depth > tree[first].depth }
            #expect(spans.compactMap(\.actualText).joined(separator: " ") == Array(repeating: TestSupport.sentence, count: 40).joined(separator: " "))
        }
    }

    @Test func everyElementWithTextCarriesItInReadingOrder() {
        // The content stream holds Arabic glyphs in visual order; /ActualText gives the text as written.
        #expect(brief.structure.first { $0.role == "P" }?.actualText == "شراكة الحرس الوطني في ميسيسيبي وأوزبكستان")
        #expect(brief.structure.first { $0.role == "H1" }?.actualText == "أكثر من عقد من الشراكة")
        #expect(brief.structure.first { $0.role == "TH" }?.actualText == "المناورة")
        for element in brief.structure + structured.structure where element.mcids > 0 && !["Figure", "Link"].contains(element.role) {
            #expect(element.actualText?.isEmpty == false, "\(element.role)")
        }
    }

    @Test func linksInAParagraphFollowTheSpanOfTheirLine() {
        let tree = structured.structure
        let withLinks = tree.indices.filter { tree[$0].role == "P" && tree[$0].mcids == 0 && tree[$0 + 1].role == "Span" && tree[$0 + 2].role == "Link" }
        #expect(withLinks.count == 1)
    }

    @Test func pdfaMetadataMatchesTheInformationDictionary() {
        for facts in [brief, structured] {
            #expect(facts.xmp["part"] == "2" && facts.xmp["conformance"] == "B")
            #expect(facts.xmp["title"] == facts.info["Title"])
            #expect(facts.xmp["creator"] == facts.info["Author"])
            #expect(facts.xmp["description"] == facts.info["Subject"])
            #expect(facts.xmp["Keywords"] == facts.info["Keywords"])
            #expect(facts.xmp["Producer"] == facts.info["Producer"])
            #expect(facts.xmp["CreatorTool"] == facts.info["Creator"])
            #expect(facts.xmp["CreateDate"] == "2024-09-15T00:00:00Z" && facts.info["CreationDate"] == "D:20240915000000Z")
            #expect(facts.hasID)
        }
    }

    @Test func theOutputIntentIsSRGB() throws {
        #expect(brief.outputIntent["S"] == "/GTS_PDFA1")
        #expect(brief.outputIntent["OutputConditionIdentifier"] == "sRGB IEC61966-2.1")
        // Little CMS turns colours into Lab through the embedded profile as through its own sRGB.
        let deviation = try #require(brief.profileDeviation)
        #expect(deviation <= 1)
    }

    @Test func pdfminerReadsEveryPage() {
        #expect(brief.pdfminerPages == 3 && brief.pages == 3)
        #expect(structured.pdfminerPages == 5)
    }

    @Test func twoRendersAreByteIdentical() throws {
        let source = try TestSupport.folder(with: ["report.yaml": TestSupport.structuredReport()])
        let again = folder.appendingPathComponent("again.pdf")
        try TestSupport.renderer().render(reportAt: source.appendingPathComponent("report.yaml"), to: again)
        #expect(try Data(contentsOf: again) == Data(contentsOf: structuredURL))
    }

    @Test func anImageIsAFigureWithItsAlternativeTextAndIsNotInterpolated() throws {
        let png = try TestSupport.tinyPNG()
        let source = try TestSupport.folder(with: ["report.yaml": """
            title: "صورة"
            date: 2024-09-15
            body:
              - image: {path: logo.png, alt: "شعار البرنامج", caption: "الشعار", width: 40%}
            """])
        try png.write(to: source.appendingPathComponent("logo.png"))
        let output = folder.appendingPathComponent("image.pdf")
        try TestSupport.renderer().render(reportAt: source.appendingPathComponent("report.yaml"), to: output)
        let facts = try TestSupport.inspectPDF(output)
        #expect(facts.structure.filter { $0.role == "Figure" }.map(\.alt) == ["شعار البرنامج"])
        #expect(facts.interpolatedImages == 0)
        #expect(brief.interpolatedImages == 0)
    }

    @Test func anEnglishDocumentIsMarkedEnglishWithLatinLabels() throws {
        let source = try TestSupport.folder(with: ["report.yaml": TestSupport.structuredReport(language: "en")])
        let output = folder.appendingPathComponent("english.pdf")
        try TestSupport.renderer().render(reportAt: source.appendingPathComponent("report.yaml"), to: output)
        let facts = try TestSupport.inspectPDF(output)
        #expect(facts.lang == "en")
        #expect(facts.viewerPreferences == ["DisplayDocTitle": "True"])
        #expect(facts.labels == (1...facts.pages).map(String.init))
    }
}
