// Structure tags in the layout: every line of content inside an element, page furniture and repeated table
// headers as artifacts, elements nested across pages, internal links to the headings' destinations.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct StructureTagTests {
    /// One step of a walk through a document's pages.
    enum Event: Equatable {
        case begin(StructureRole)
        case end(StructureRole)
        /// A text line, with the roles open around it (innermost last).
        case line(String, open: [StructureRole])
    }

    /// Every tag and text line of the pages, in order, each with the page it is on.
    static func events(_ pages: [Page]) -> [(page: Int, event: Event)] {
        var open: [StructureRole] = []
        var events: [(Int, Event)] = []
        for (index, page) in pages.enumerated() {
            for placed in page.frame.items {
                switch placed.item {
                case .tag(.begin(let role, _)):
                    open.append(role)
                    events.append((index, .begin(role)))
                case .tag(.end(let role)):
                    if open.last == role { open.removeLast() }
                    events.append((index, .end(role)))
                case .text(let line):
                    events.append((index, .line(line.text, open: open)))
                default:
                    continue
                }
            }
        }
        return events
    }

    /// Walks the pages as the exporters do and returns the problem found, if any.
    static func nestingProblems(_ pages: [Page]) -> [String] {
        var walker = StructureWalker()
        do {
            for (index, page) in pages.enumerated() {
                for placed in page.frame.items {
                    do { _ = try walker.step(placed.item) } catch { return ["page \(index + 1): \(error)"] }
                }
            }
            try walker.finish()
        } catch {
            return ["\(error)"]
        }
        return []
    }

    let brief: [Page]
    let structured: [Page]

    init() throws {
        let renderer = try TestSupport.renderer()
        brief = try renderer.layout(try renderer.bind(try renderer.load(reportAt: TestSupport.defaultReport).report)).document.pages
        structured = try TestSupport.layout(yaml: TestSupport.structuredReport(), renderer: renderer).document.pages
    }

    @Test func tagsNestAndClose() {
        #expect(Self.nestingProblems(brief).isEmpty, "\(Self.nestingProblems(brief))")
        #expect(Self.nestingProblems(structured).isEmpty, "\(Self.nestingProblems(structured))")
    }

    /// The walk given each item's tag alone (`step(tag:)`, as the structure plan reads its items in place) takes the
    /// same steps as the walk given the items.
    @Test func aWalkByTagsStepsAsAWalkByItems() throws {
        for pages in [brief, structured] {
            var byItem = StructureWalker(), byTag = StructureWalker()
            var steps = 0, opened = 0
            for page in pages {
                for placed in page.frame.items {
                    var tag: StructureTag?
                    if case .tag(let itemTag) = placed.item { tag = itemTag }
                    let step = try byItem.step(placed.item)
                    #expect(try byTag.step(tag: tag) == step)
                    steps += 1
                    if case .opened = step { opened += 1 }
                }
            }
            #expect(steps > 100 && opened > 10, "\(steps) steps, \(opened) elements opened")
        }
    }

    @Test func everyLineIsInsideAnElementOrAnArtifact() {
        for pages in [brief, structured] {
            for case (let page, .line(let text, let open)) in Self.events(pages) {
                #expect(!open.isEmpty, "page \(page + 1): \"\(text)\" is outside every element")
            }
        }
    }

    @Test func furnitureIsAnArtifactAndNothingElseIs() {
        for case (let page, .line(let text, let open)) in Self.events(brief) {
            let furniture = text == "غير سري" || text.hasPrefix("صفحة ") || text == "شراكة الحرس الوطني في ميسيسيبي وأوزبكستان" && open.contains(.artifact)
            #expect(open.contains(.artifact) == furniture, "page \(page + 1): \"\(text)\" in \(open)")
        }
    }

    @Test func theBriefsBlocksHaveTheirRoles() {
        let opened = Self.events(brief).compactMap { entry -> StructureRole? in
            if case .begin(let role) = entry.event, role != .artifact { return role }
            return nil
        }
        #expect(opened.filter { $0 == .heading1 }.count == 2)
        #expect(opened.filter { $0 == .table }.count == 1)
        #expect(opened.filter { $0 == .tableRow }.count == 6)
        #expect(opened.filter { $0 == .tableHeaderCell }.count == 3)
        #expect(opened.filter { $0 == .tableCell }.count == 15)
        #expect(opened.filter { $0 == .figure }.count == 1)
        #expect(opened.filter { $0 == .listItem }.count == 5)
        // The title, subtitle and date, 5 facts and their title, 17 paragraphs and the timeline's title.
        #expect(opened.filter { $0 == .paragraph }.count == 3 + 6 + 17 + 1)
    }

    @Test func headingsCarryTheirLevelAndDestination() {
        var roles: [String] = []
        for page in structured {
            var lastRole: StructureRole?
            for placed in page.frame.items {
                if case .tag(.begin(let role, _)) = placed.item { lastRole = role }
                if case .destination(let destination) = placed.item, let outline = destination.outline {
                    roles.append("\(lastRole.map { "\($0)" } ?? "") \(outline.level) \(destination.name)")
                }
            }
        }
        #expect(roles == ["heading 1 1 section-1", "heading 2 2 section-1-1", "heading 3 3 section-1-1-1", "heading 1 1 section-2"])
    }

    @Test func aParagraphSplitBetweenPagesOpensOnOneAndClosesOnTheNext() {
        let events = Self.events(structured)
        var openedOn: [Int] = []
        var split = 0
        for (page, event) in events {
            if case .begin(.paragraph) = event { openedOn.append(page) }
            if case .end(.paragraph) = event, let start = openedOn.popLast(), start != page { split += 1 }
        }
        #expect(split >= 1)
    }

    @Test func aRepeatedTableHeaderIsAnArtifactWithoutCells() throws {
        let pagesWithHeader = structured.indices.filter { index in
            Self.events([structured[index]]).contains { if case .line("النص", _) = $0.event { return true }; return false }
        }
        #expect(pagesWithHeader.count >= 2, "the long table should break between pages")
        let repeated = try #require(pagesWithHeader.dropFirst().first)
        let header = Self.events([structured[repeated]]).compactMap { entry -> [StructureRole]? in
            if case .line("النص", let open) = entry.event { return open }
            return nil
        }
        #expect(header == [[.artifact]])
    }

    @Test func aLinkToNoHeadingIsBadInputAtItsBlock() throws {
        let yaml = "title: \"x\"\ndate: 2024-01-01\nbody:\n  - heading: \"أ\"\n  - paragraph: \"انظر [هنا](#section-9).\"\n"
        do {
            _ = try TestSupport.layout(yaml: yaml)
            Issue.record("the layout should have failed")
        } catch let error as MawjazError {
            guard case .input(let diagnostics) = error, let diagnostic = diagnostics.first else {
                Issue.record("not an input error: \(error)")
                return
            }
            #expect(diagnostic.location.line == 5)
            #expect(diagnostic.message.description == "the link to #section-9 names no heading (headings are #section-1)")
        }
    }

    @Test func internalLinksGoToHeadingsAndOthersOutside() {
        let links = structured.flatMap { page in
            page.frame.items.compactMap { placed -> Link.Target? in
                if case .link(let link) = placed.item { return link.target }
                return nil
            }
        }
        #expect(links.contains(.destination("section-1")))
        #expect(links.filter { $0 == .destination("section-2") }.count == 2)
        #expect(links.contains(.uri("https://example.org/دليل?q='x'")))
    }
}
