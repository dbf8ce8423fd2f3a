// Tagged PDF, planned before drawing: a paged document's structure elements checked for nesting, the elements
// whose lines become spans, the figures' alternative texts, and the destinations, links and outline.
import Foundation
import MawjazFrame

/// What drawing a tagged PDF needs to know about the whole document before its first page.
///
/// cairo 1.16 marks content only inside elements without child elements, and an element still open at the end
/// of a page is reopened at the start of the next, so that anything drawn there (the page furniture) would fall
/// into it. So an element that holds other elements or links, or that stays open over a page break (a paragraph
/// split between pages), sets each of its own text lines as a Span: it then has children, and only spans, which
/// never cross a page, hold content.
struct StructurePlan {
    /// The structure type of the element that holds everything: the tagger opens it before the first page.
    static let documentType = "Document"
    /// The structure types the tagger adds around a text line of an element that needs it, and for a link.
    static let spanType = "Span", linkType = "Link"

    /// A structure element as it will stand in the PDF's tree: its type and the texts cairo cannot write.
    struct Element: Equatable {
        /// The PDF structure type (`P`, `H1`, `Span`, …).
        var type: String
        /// What a figure shows, for those who cannot see it (`/Alt`).
        var alternativeText: String?
        /// The element's own text in reading order (`/ActualText`): its lines as written, where the content stream
        /// holds right-to-left glyphs in visual order.
        var actualText: String?
    }

    /// An entry of the document outline: a heading's level, title and destination.
    struct OutlineEntry: Equatable {
        var level: Int
        var title: String
        var destination: String
    }

    /// For each structure element, in the order they open (the document first): whether its own lines are spans.
    private(set) var spansLines: [Bool] = []
    /// Every element the PDF's structure tree will hold, spans and links included, in the order they open (the
    /// tree's own order, depth first).
    private(set) var elements: [Element] = []
    /// The outline, in document order.
    private(set) var outline: [OutlineEntry] = []

    /// The index in `spansLines` of the element numbered `number` by a `StructureWalker` (the document is 0).
    static func index(of number: Int?) -> Int { number.map { $0 + 1 } ?? 0 }

    init(_ document: PagedDocument) throws(RenderError) {
        struct Element {
            var hasChildren = false
            var crossesPage = false
        }
        var elements = [Element()]
        var walker = StructureWalker()
        var destinations = Set<String>()
        var linkTargets: [String] = []
        for page in document.pages {
            // By index, the items read where they lie: a loop over the array copied every item (its runs' arrays
            // retained and released again).
            let items = page.frame.items
            for position in items.indices {
                let parent = Self.index(of: walker.current?.number)
                if case .opened = try Self.step(&walker, items, at: position) {
                    elements[parent].hasChildren = true
                    elements.append(Element())
                }
                switch items[position].item {
                case .link(let link):
                    elements[Self.index(of: walker.current?.number)].hasChildren = true
                    if case .destination(let name) = link.target { linkTargets.append(name) }
                case .destination(let destination):
                    guard Self.isDestinationName(destination.name) else {
                        throw .structure("\"\(destination.name)\" cannot name a destination (use letters, digits, \"-\", \"_\" and \".\")")
                    }
                    guard destinations.insert(destination.name).inserted else {
                        throw .structure("two places are named \"\(destination.name)\"")
                    }
                    if let entry = destination.outline {
                        outline.append(OutlineEntry(level: entry.level, title: entry.title, destination: destination.name))
                    }
                case .text, .shape, .image, .tag:
                    continue
                }
            }
            elements[0].crossesPage = true
            for element in walker.open { elements[Self.index(of: element.number)].crossesPage = true }
        }
        do { try walker.finish() } catch { throw .structure(error.description) }
        if let dead = linkTargets.first(where: { !destinations.contains($0) }) {
            throw .structure("a link goes to #\(dead), which names no place in the document")
        }
        spansLines = elements.map { $0.hasChildren || $0.crossesPage }
        self.elements = try Self.treeElements(document, spansLines: spansLines)
    }

    /// One step of `walker`, its errors as the renderer's.
    static func step(_ walker: inout StructureWalker, _ item: FrameItem) throws(RenderError) -> StructureWalker.Step {
        do { return try walker.step(item) } catch { throw .structure(error.description) }
    }

    /// One step of `walker` for `items[position]`, its tag alone handed over: the item passed whole was copied (a text
    /// line's runs array and strings retained and released, some 900 items a 3-page document).
    static func step(_ walker: inout StructureWalker, _ items: [Frame.Placed], at position: Int) throws(RenderError) -> StructureWalker.Step {
        let tag: StructureTag?
        if case .tag(let itemTag) = items[position].item { tag = itemTag } else { tag = nil }
        do { return try walker.step(tag: tag) } catch { throw .structure(error.description) }
    }

    /// The elements of the tree cairo will build from `document`, given which elements set their lines as spans.
    private static func treeElements(_ document: PagedDocument, spansLines: [Bool]) throws(RenderError) -> [Element] {
        var elements = [Element(type: documentType)]
        /// For each open element (the document first), its place in `elements` and its role.
        var open: [(index: Int, role: StructureRole?)] = [(0, nil)]
        var walker = StructureWalker()
        // Page by page, each item read where it lies: neither copied into one array of the pages' items (for 21 pages,
        // the largest block of the heap) nor one by one.
        for page in document.pages {
            let items = page.frame.items
            for position in items.indices {
                switch try step(&walker, items, at: position) {
                case .opened(_, let role, let alternativeText):
                    open.append((elements.count, role))
                    elements.append(Element(type: role.pdfStructureType, alternativeText: role.readsAsAlternativeText ? alternativeText : nil))
                case .closed:
                    open.removeLast()
                case .content:
                    guard case .text(let line) = items[position].item else {
                        if case .link = items[position].item { elements.append(Element(type: linkType)) }
                        continue
                    }
                    let text = line.text.trimmingWhitespace()
                    let current = open[open.count - 1]
                    if spansLines[index(of: walker.current?.number)] {
                        elements.append(Element(type: spanType, actualText: text))
                    } else if current.role?.readsAsAlternativeText != true {
                        // Appended in place: an element of many lines costs as much as its lines.
                        if elements[current.index].actualText == nil {
                            elements[current.index].actualText = text
                        } else {
                            elements[current.index].actualText?.append(" ")
                            elements[current.index].actualText?.append(text)
                        }
                    }
                case .furniture:
                    if case .link = items[position].item { elements.append(Element(type: linkType)) }
                }
            }
        }
        return elements
    }

    /// Whether `name` is safe as a destination name in cairo's attributes and the PDF's name tree.
    static func isDestinationName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E
        }
    }
}
