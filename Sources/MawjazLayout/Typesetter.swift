// The layout stage: a document's blocks flowed into pages of positioned frames, with page furniture.
import Foundation
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazText

/// A laid-out document and the warnings raised while laying it out.
public struct LayoutResult: Sendable {
    public var document: PagedDocument
    public var warnings: [Diagnostic]
}

/// Lays out documents with a text engine.
public struct Typesetter {
    public let engine: TextEngine

    public init(engine: TextEngine) { self.engine = engine }

    /// Flows the document into pages: title, then every block, breaking pages by one rule for all blocks,
    /// then the banner, running heads and feet and page numbers on every page.
    public func layout(_ document: Document, creationDate: Int) throws(LayoutError) -> LayoutResult {
        let setup = document.template.page
        let columnWidth = setup.size.width - setup.inside - setup.outside
        let context = LayoutContext(engine: engine, document: document, columnWidth: columnWidth)
        try engine.library.check(families: TextRole.allCases.flatMap { document.template.families($0, language: document.language) })
            .mapError(origin: BlockOrigin(kind: "template", location: SourceLocation(file: document.template.name)))
        let flow = try context.titleItems() + context.collect(document.blocks)
        try flow.checkInternalLinks()
        let textHeight = setup.size.height - setup.top - setup.bottom
        let pages = try Paginator(height: { _ in textHeight }).distribute(flow)
        var composed: [Page] = []
        for (index, boxes) in pages.enumerated() {
            var frame = Frame(size: setup.size)
            let left = Self.leftMargin(setup, pageIndex: index, direction: document.direction)
            for placed in boxes {
                frame.place(contentsOf: placed.box.frame, at: Point(x: left, y: setup.top + placed.y))
            }
            try context.furnish(&frame, pageIndex: index, pageCount: pages.count, left: left, width: columnWidth)
            composed.append(Page(size: setup.size, frame: frame))
        }
        let numerals = Numerals(document.settings.numerals)
        let info = DocumentInfo(title: document.title, author: document.author ?? "", subject: document.subject ?? document.subtitle ?? "",
                                keywords: document.keywords, language: document.language.rawValue, creationDate: creationDate,
                                pageLabels: (1...composed.count).map { numerals.pageNumber($0) })
        return LayoutResult(document: PagedDocument(pages: composed, info: info), warnings: context.warnings)
    }

    /// The physical left margin of a page: the inside margin is on the start side, alternating when double-sided.
    static func leftMargin(_ setup: PageSetup, pageIndex: Int, direction: Direction) -> Double {
        var insideOnLeft = !direction.isRightToLeft
        if setup.doubleSided && pageIndex % 2 == 1 { insideOnLeft.toggle() }
        return insideOnLeft ? setup.inside : setup.outside
    }
}

extension Result where Failure == TextError {
    func mapError(origin: BlockOrigin) throws(LayoutError) {
        if case .failure(let error) = self {
            throw LayoutError(location: origin.location, block: origin.kind, message: error.description)
        }
    }
}

extension FontLibrary {
    /// `check(families:)` as a result, to hand on to a layout error.
    func check(families names: [String]) -> Result<Void, TextError> {
        do { try check(families: names) as Void; return .success(()) } catch { return .failure(error) }
    }
}
