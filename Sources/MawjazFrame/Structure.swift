// The structure frames carry for tagged output: the roles of their parts, the tags that open and close them, and
// the one walk through those tags that every exporter follows.

/// What a part of a page is, for readers that follow the document's structure (a tagged PDF's tree).
///
/// Adding a role: add a case here, then follow the compiler to the exporters' switches (the PDF structure type it
/// becomes, `MawjazRender`'s `StructureRole+PDF.swift`).
package enum StructureRole: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case heading1, heading2, heading3
    case paragraph
    /// A table's title (above it).
    case caption
    case table, tableRow, tableHeaderCell, tableCell
    case list, listItem
    /// A list item's bullet, number or date.
    case listLabel
    /// A list item's text.
    case listBody
    /// A chart or an image, with its alternative text.
    case figure
    /// Page furniture (banners, running heads and feet, a repeated table header): drawn, but outside the structure;
    /// tags inside it are ignored.
    case artifact

    /// The heading role of `level` (1 to 3; deeper levels are level 3).
    package static func heading(level: Int) -> StructureRole {
        level <= 1 ? .heading1 : level == 2 ? .heading2 : .heading3
    }

    package var description: String {
        switch self {
        case .heading1: "heading 1"
        case .heading2: "heading 2"
        case .heading3: "heading 3"
        case .paragraph: "paragraph"
        case .caption: "caption"
        case .table: "table"
        case .tableRow: "table row"
        case .tableHeaderCell: "table header cell"
        case .tableCell: "table cell"
        case .list: "list"
        case .listItem: "list item"
        case .listLabel: "list label"
        case .listBody: "list body"
        case .figure: "figure"
        case .artifact: "artifact"
        }
    }
}

/// The opening or closing of a structure element.
package enum StructureTag: Hashable, Sendable {
    /// An element opens; a figure carries the text read instead of it.
    case begin(StructureRole, alternativeText: String? = nil)
    case end(StructureRole)

    /// The role the element opens or closes.
    package var role: StructureRole {
        switch self {
        case .begin(let role, _), .end(let role): role
        }
    }
}

/// A break of the tag protocol: an element closed out of order, or left open.
package struct StructureError: Error, Equatable, Sendable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// Follows the tag protocol through a document's frames, item by item and page by page: elements open and close
/// in nesting order, and everything inside an artifact (its own tags too) stays out of the structure.
///
/// The structure plan, the PDF tagger and the tests all walk frames with it, so they agree on what is an element.
package struct StructureWalker: Sendable {
    /// What an item is to the structure.
    package enum Step: Equatable, Sendable {
        /// An element opened: its number (from 0, in opening order) and role.
        case opened(number: Int, role: StructureRole, alternativeText: String?)
        /// The innermost element closed.
        case closed(number: Int, role: StructureRole)
        /// Drawn content, or a link or destination, inside the structure (or outside every element).
        case content
        /// Page furniture: an artifact's start or end, or anything inside one.
        case furniture
    }

    /// The elements open now, outermost first, with their numbers.
    package private(set) var open: [(number: Int, role: StructureRole)] = []
    private var opened = 0
    private var artifactDepth = 0

    package init() {}

    /// Whether the walk is inside page furniture.
    package var isInFurniture: Bool { artifactDepth > 0 }

    /// The innermost open element.
    package var current: (number: Int, role: StructureRole)? { open.last }

    /// Takes the next item; throws when a tag breaks the nesting.
    package mutating func step(_ item: FrameItem) throws(StructureError) -> Step {
        guard case .tag(let tag) = item else { return try step(tag: nil) }
        return try step(tag: tag)
    }

    /// Takes the next item, given as its tag, or nil for any item that is not one (text, a shape, an image, a link, a
    /// destination): `step(_:)` without the item, which a caller reading its frames' items in place had to copy.
    package mutating func step(tag: StructureTag?) throws(StructureError) -> Step {
        guard let tag else { return isInFurniture ? .furniture : .content }
        switch tag {
        case .begin(.artifact, _):
            artifactDepth += 1
            return .furniture
        case .end(.artifact):
            guard artifactDepth > 0 else { throw StructureError("an artifact ends that never began") }
            artifactDepth -= 1
            return .furniture
        case _ where isInFurniture:
            return .furniture
        case .begin(let role, let alternativeText):
            open.append((opened, role))
            opened += 1
            return .opened(number: opened - 1, role: role, alternativeText: alternativeText)
        case .end(let role):
            guard let innermost = open.last else { throw StructureError("a \(role) ends while no element is open") }
            guard innermost.role == role else { throw StructureError("a \(role) ends while a \(innermost.role) is open") }
            open.removeLast()
            return .closed(number: innermost.number, role: role)
        }
    }

    /// Throws unless every element and artifact has closed (at the end of the document).
    package func finish() throws(StructureError) {
        guard artifactDepth == 0 else { throw StructureError("an artifact is still open at the end of the document") }
        if let innermost = open.last { throw StructureError("a \(innermost.role) is still open at the end of the document") }
    }
}
