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
    static func begin(_ role: String, _ alternative: String? = nil) -> FrameItem { .tag(.begin(role: role, alternativeText: alternative)) }
    static func end(_ role: String) -> FrameItem { .tag(.end(role: role)) }
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
        #expect(message([[Self.begin("P"), Self.begin("Span"), Self.end("P")]]) == "P ends while Span is open")
        #expect(message([[Self.begin("L"), Self.line]]) == "L is still open at the end of the document")
        #expect(message([[Self.end("P")]]) == "P ends while Document is open")
        #expect(message([[Self.begin("Artifact"), Self.line]]) == "an Artifact is still open at the end of the document")
    }

    @Test func onlyStandardStructureTypesAreAccepted() {
        #expect(message([[Self.begin("Paragraph"), Self.end("Paragraph")]]) == "\"Paragraph\" is not a structure type a tagged PDF can hold here")
        #expect(message([[Self.begin("Document"), Self.end("Document")]]) != nil)
    }

    @Test func linksMustGoToANamedPlace() {
        #expect(message([[Self.link("nowhere")]]) == "a link goes to #nowhere, which names no place in the document")
        #expect(message([[Self.link("later")], [.destination(Destination(name: "later"))]]) == nil)
        #expect(message([[.destination(Destination(name: "a")), .destination(Destination(name: "a"))]]) == "two places are named \"a\"")
        #expect(message([[.destination(Destination(name: "a'b"))]])?.hasPrefix("\"a'b\" cannot name a destination") == true)
    }

    @Test func elementsWithChildrenOrOverAPageBreakSetTheirLinesAsSpans() throws {
        let plan = try StructurePlan(Self.document([
            [Self.begin("P"), Self.line, Self.end("P"),                       // 1: a leaf
             Self.begin("P"), Self.line, Self.link("x"), Self.end("P"),       // 2: holds a link
             Self.begin("P"), Self.line],                                     // 3: goes on to the next page
            [Self.line, Self.end("P"), .destination(Destination(name: "x")),
             Self.begin("Artifact"), Self.begin("P"), Self.line, Self.end("P"), Self.end("Artifact")],
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
            [Self.begin("H1"), Self.line("عنوان "), Self.end("H1"),
             Self.begin("P"), Self.line("سطر أول"), Self.line("سطر ثان"), Self.end("P"),
             Self.begin("Figure", "مخطط"), Self.line("٢٠٢٤"), Self.end("Figure"),
             Self.begin("P"), Self.line("نص"), Self.link("x"),
             Self.begin("Artifact"), Self.line("صفحة ١"), Self.end("Artifact")],
            [Self.line("تتمة"), Self.end("P"), .destination(Destination(name: "x"))],
        ]))
        typealias Element = StructurePlan.Element
        #expect(plan.elements == [
            Element(role: "Document"),
            Element(role: "H1", actualText: "عنوان"),
            Element(role: "P", actualText: "سطر أول سطر ثان"),
            Element(role: "Figure", alternativeText: "مخطط"),
            Element(role: "P"), Element(role: "Span", actualText: "نص"), Element(role: "Link"), Element(role: "Span", actualText: "تتمة"),
        ])
    }

    @Test func addressesAreEscapedForCairoAndThePDF() {
        #expect(PDFTagger.escapedURI("https://example.org/a?b=1&c=%20") == "https://example.org/a?b=1&c=%20")
        #expect(PDFTagger.escapedURI("https://example.org/a'b(c)\\") == "https://example.org/a%27b%28c%29%5C")
        #expect(PDFTagger.escapedURI("https://example.org/دليل") == "https://example.org/%D8%AF%D9%84%D9%8A%D9%84")
    }
}
