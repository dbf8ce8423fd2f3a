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
    /// The role of the element that holds everything: the painter opens it before the first page.
    static let documentRole = "Document"

    /// The structure types cairo 1.16 accepts (PDF 1.7's standard types, Link and Annot aside).
    static let roles: Set<String> = [
        "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct",
        "Private", "H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH",
        "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Ruby", "RB",
        "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form",
    ]

    /// A structure element as it will stand in the PDF's tree: its role and the texts cairo cannot write.
    struct Element: Equatable {
        var role: String
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

    init(_ document: PagedDocument) throws(RenderError) {
        struct Element {
            var hasChildren = false
            var crossesPage = false
        }
        var elements = [Element()]
        var open: [(index: Int, role: String)] = [(0, Self.documentRole)]
        var artifactDepth = 0
        var destinations = Set<String>()
        var linkTargets: [String] = []
        for page in document.pages {
            for placed in page.frame.items {
                switch placed.item {
                case .tag(let tag) where tag.role == StructureTag.artifactRole:
                    if case .begin = tag {
                        artifactDepth += 1
                    } else {
                        guard artifactDepth > 0 else { throw .structure("an Artifact ends that never began") }
                        artifactDepth -= 1
                    }
                case .tag where artifactDepth > 0:
                    continue
                case .tag(.begin(let role, _)):
                    guard Self.roles.contains(role), role != Self.documentRole else {
                        throw .structure("\"\(role)\" is not a structure type a tagged PDF can hold here")
                    }
                    elements[open[open.count - 1].index].hasChildren = true
                    open.append((elements.count, role))
                    elements.append(Element())
                case .tag(.end(let role)):
                    guard open.count > 1, open[open.count - 1].role == role else {
                        throw .structure("\(role) ends while \(open[open.count - 1].role) is open")
                    }
                    open.removeLast()
                case .link(let link):
                    elements[open[open.count - 1].index].hasChildren = true
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
                case .text, .shape, .image:
                    continue
                }
            }
            for element in open { elements[element.index].crossesPage = true }
        }
        guard artifactDepth == 0 else { throw .structure("an Artifact is still open at the end of the document") }
        guard open.count == 1 else { throw .structure("\(open[open.count - 1].role) is still open at the end of the document") }
        if let dead = linkTargets.first(where: { !destinations.contains($0) }) {
            throw .structure("a link goes to #\(dead), which names no place in the document")
        }
        spansLines = elements.map { $0.hasChildren || $0.crossesPage }
        self.elements = Self.treeElements(document, spansLines: spansLines)
    }

    /// The elements of the tree cairo will build from `document`, given which elements set their lines as spans.
    private static func treeElements(_ document: PagedDocument, spansLines: [Bool]) -> [Element] {
        var elements = [Element(role: documentRole)]
        var open: [(index: Int, spansLines: Bool)] = [(0, spansLines[0])]
        var opened = 0
        var artifactDepth = 0
        for placed in document.pages.flatMap(\.frame.items) {
            switch placed.item {
            case .tag(let tag) where tag.role == StructureTag.artifactRole:
                if case .begin = tag { artifactDepth += 1 } else { artifactDepth -= 1 }
            case .tag where artifactDepth > 0:
                continue
            case .tag(.begin(let role, let alternativeText)):
                opened += 1
                open.append((elements.count, spansLines[opened]))
                elements.append(Element(role: role, alternativeText: role == "Figure" ? alternativeText : nil))
            case .tag(.end):
                open.removeLast()
            case .link:
                elements.append(Element(role: "Link"))
            case .text(let line) where artifactDepth == 0:
                let text = line.text.trimmingWhitespace()
                let current = open[open.count - 1]
                if current.spansLines {
                    elements.append(Element(role: "Span", actualText: text))
                } else if elements[current.index].role != "Figure" {
                    // Appended in place: an element of many lines costs as much as its lines.
                    if elements[current.index].actualText == nil {
                        elements[current.index].actualText = text
                    } else {
                        elements[current.index].actualText?.append(" ")
                        elements[current.index].actualText?.append(text)
                    }
                }
            case .text, .shape, .image, .destination:
                continue
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
