// The structure plan: nesting checked, spans chosen, links checked against destinations, outline and figures.
import Foundation
@testable import MawjazRender
import MawjazFrame
import Testing

@Suite struct StructurePlanTests {
    /// A document whose pages hold `pages`' items, in order.
    static func document(_ pages: [[FrameItem]]) -> PagedDocument {
        PagedDocument(pages: pages.map { items in
            var frame = Frame(size: Size(width: 100, height: 100))
            for item in items { frame.place(item, at: .zero) }
            return Page(size: frame.size, frame: frame)
        }, info: DocumentInfo(title: "t", language: "en", creationDate: 0))
    }

    static let line = FrameItem.text(TextLine(runs: [], width: 10, ascent: 8, descent: 2, text: "x", isRightToLeft: false))
    static func begin(_ role: StructureRole, _ alternative: String? = nil) -> FrameItem { .tag(.begin(role, alternativeText: alternative)) }
    static func end(_ role: StructureRole) -> FrameItem { .tag(.end(role)) }
    static func link(_ name: String) -> FrameItem { .link(Link(size: Size(width: 5, height: 5), target: .destination(name))) }

    func message(_ pages: [[FrameItem]]) -> String? {
        do {
            _ = try StructurePlan(Self.document(pages))
            return nil
        } catch {
            if case .structure(let message) = error { return message }
            return "\(error)"
        }
    }

    @Test func tagsMustNestAndClose() {
        #expect(message([[Self.begin(.paragraph), Self.begin(.listLabel), Self.end(.paragraph)]]) == "a paragraph ends while a list label is open")
        #expect(message([[Self.begin(.list), Self.line]]) == "a list is still open at the end of the document")
        #expect(message([[Self.end(.paragraph)]]) == "a paragraph ends while no element is open")
        #expect(message([[Self.begin(.artifact), Self.line]]) == "an artifact is still open at the end of the document")
        #expect(message([[Self.end(.artifact)]]) == "an artifact ends that never began")
        // Inside furniture, tags are not the structure's: they need not nest.
        #expect(message([[Self.begin(.artifact), Self.end(.paragraph), Self.end(.artifact)]]) == nil)
    }

    /// PDF 1.7's standard structure types (14.8.4).
    static let standardTypes: Set<String> = [
        "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct",
        "Private", "H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH",
        "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot",
        "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form",
    ]

    @Test func everyRoleBecomesAStandardStructureTypeOfItsOwn() {
        let structural = StructureRole.allCases.filter { $0 != .artifact }
        for role in structural { #expect(Self.standardTypes.contains(role.pdfStructureType), "\(role)") }
        #expect(Set(structural.map(\.pdfStructureType)).count == structural.count)
        for type in [StructurePlan.documentType, StructurePlan.spanType, StructurePlan.linkType] { #expect(Self.standardTypes.contains(type)) }
    }

    @Test func linksMustGoToANamedPlace() {
        #expect(message([[Self.link("nowhere")]]) == "a link goes to #nowhere, which names no place in the document")
        #expect(message([[Self.link("later")], [.destination(Destination(name: "later"))]]) == nil)
        #expect(message([[.destination(Destination(name: "a")), .destination(Destination(name: "a"))]]) == "two places are named \"a\"")
        #expect(message([[.destination(Destination(name: "a'b"))]])?.hasPrefix("\"a'b\" cannot name a destination") == true)
    }

    @Test func elementsWithChildrenOrOverAPageBreakSetTheirLinesAsSpans() throws {
        let plan = try StructurePlan(Self.document([
            [Self.begin(.paragraph), Self.line, Self.end(.paragraph),                       // 1: a leaf
             Self.begin(.paragraph), Self.line, Self.link("x"), Self.end(.paragraph),       // 2: holds a link
             Self.begin(.paragraph), Self.line],                                     // 3: goes on to the next page
            [Self.line, Self.end(.paragraph), .destination(Destination(name: "x")),
             Self.begin(.artifact), Self.begin(.paragraph), Self.line, Self.end(.paragraph), Self.end(.artifact)],
        ]))
        #expect(plan.spansLines == [true, false, true, true])
    }

    @Test func theOutlineComesInDocumentOrder() throws {
        let plan = try StructurePlan(Self.document([
            [.destination(Destination(name: "one", outline: (1, "One")))],
            [.destination(Destination(name: "two", outline: (2, "Two"))), .destination(Destination(name: "plain"))],
        ]))
        #expect(plan.outline == [.init(level: 1, title: "One", destination: "one"), .init(level: 2, title: "Two", destination: "two")])
    }

    static func line(_ text: String) -> FrameItem {
        .text(TextLine(runs: [], width: 10, ascent: 8, descent: 2, text: text, isRightToLeft: true))
    }

    @Test func theTreeHoldsSpansLinksAndTheTextsCairoCannotWrite() throws {
        let plan = try StructurePlan(Self.document([
            [Self.begin(.heading1), Self.line("عنوان "), Self.end(.heading1),
             Self.begin(.paragraph), Self.line("سطر أول"), Self.line("سطر ثان"), Self.end(.paragraph),
             Self.begin(.figure, "مخطط"), Self.line("٢٠٢٤"), Self.end(.figure),
             Self.begin(.paragraph), Self.line("نص"), Self.link("x"),
             Self.begin(.artifact), Self.line("صفحة ١"), Self.end(.artifact)],
            [Self.line("تتمة"), Self.end(.paragraph), .destination(Destination(name: "x"))],
        ]))
        typealias Element = StructurePlan.Element
        #expect(plan.elements == [
            Element(type: "Document"),
            Element(type: "H1", actualText: "عنوان"),
            Element(type: "P", actualText: "سطر أول سطر ثان"),
            Element(type: "Figure", alternativeText: "مخطط"),
            Element(type: "P"), Element(type: "Span", actualText: "نص"), Element(type: "Link"), Element(type: "Span", actualText: "تتمة"),
        ])
    }

    @Test func addressesAreEscapedForCairoAndThePDF() {
        #expect(PDFTagger.escapedURI("https://example.org/a?b=1&c=%20") == "https://example.org/a?b=1&c=%20")
        #expect(PDFTagger.escapedURI("https://example.org/a'b(c)\\") == "https://example.org/a%27b%28c%29%5C")
        #expect(PDFTagger.escapedURI("https://example.org/دليل") == "https://example.org/%D8%AF%D9%84%D9%8A%D9%84")
    }
}
