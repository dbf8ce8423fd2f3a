// The layout stage: a document's blocks flowed into pages of positioned frames, with page furniture.
import Foundation
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazLanguage
import MawjazText

/// A laid-out document and the warnings raised while laying it out.
package struct LayoutResult: Sendable {
    package var document: PagedDocument
    package var warnings: [Diagnostic]
}

/// Lays out documents with a text engine.
package struct Typesetter {
    package let engine: TextEngine
    /// Asked before each piece of text is set, after each block and table row, and before each page is furnished:
    /// once raised, the layout ends with `LayoutError.stopped`.
    package var stop: StopSignal

    package init(engine: TextEngine, stop: StopSignal = .never) {
        self.engine = engine
        self.stop = stop
    }

    /// Flows the document into pages: title, then every block, breaking pages by one rule for all blocks,
    /// then the banner, running heads and feet and page numbers on every page.
    package func layout(_ document: Document, creationDate: Int) throws(LayoutError) -> LayoutResult {
        let setup = document.template.page
        let textWidth = setup.size.width - setup.inside - setup.outside
        let columnWidth = Self.bodyColumnWidth(setup)
        let textHeight = setup.size.height - setup.top - setup.bottom
        let context = LayoutContext(engine: engine, document: document, columnWidth: columnWidth, pageTextHeight: textHeight, stop: stop)
        try engine.library.check(families: TextRole.allCases.flatMap { document.template.families($0, language: document.language) })
            .mapError(origin: BlockOrigin(kind: "template", location: SourceLocation(file: document.template.name)))
        // A table of contents needs the pages its headings fall on: lay out again until they stay put.
        let hasContents = document.blocks.contains { if case .contents = $0 { return true } else { return false } }
        var pages = try paginate(context, textWidth: textWidth, textHeight: textHeight)
        for _ in 0..<3 where hasContents {
            let found = Self.anchorPages(pages)
            if found == context.pageNumbers { break }
            context.pageNumbers = found
            pages = try paginate(context, textWidth: textWidth, textHeight: textHeight)
        }
        if pages.count > document.limits.pages {
            throw LayoutContext.tooManyPages(document.limits.pages, at: pages[document.limits.pages].first?.box.origin)
        }
        var composed: [Page] = []
        composed.reserveCapacity(pages.count)
        let pageCount = pages.count
        for index in pages.indices {
            try context.checkStop()
            // The page's boxes are let go once their items are copied into its frame, so that every page's items are not
            // held twice, in the boxes and in the pages, at the end of layout.
            var boxes: [PlacedBox] = []
            swap(&boxes, &pages[index])
            var frame = Frame(size: setup.size)
            let left = Self.leftMargin(setup, pageIndex: index, direction: document.direction)
            // The furniture first: a page whose first content is an image of a figure is one cairo 1.16 cannot tag.
            try context.furnish(&frame, pageIndex: index, pageCount: pageCount, left: left, width: textWidth)
            frame.reserveCapacity(frame.items.count + boxes.reduce(0) { $0 + $1.box.frame.items.count })
            for placed in boxes {
                frame.place(contentsOf: placed.box.frame, at: Point(x: left + placed.x, y: setup.top + placed.y))
            }
            composed.append(Page(size: setup.size, frame: frame))
        }
        let numerals = Numerals(document.settings.numerals)
        let info = DocumentInfo(title: document.title, author: document.author ?? "", subject: document.subject ?? document.subtitle ?? "",
                                keywords: document.keywords, language: document.language.rawValue, creationDate: creationDate,
                                pageLabels: (1...composed.count).map { numerals.pageNumber($0) })
        return LayoutResult(document: PagedDocument(pages: composed, info: info), warnings: context.warnings)
    }

    /// The pages: the opening (letterhead and title) across the text width, then the body in the template's
    /// columns — under the opening on its last page unless the opening is a cover page — each column filled
    /// before the next, the first on the start side.
    private func paginate(_ context: LayoutContext, textWidth: Double, textHeight: Double) throws(LayoutError) -> [[PlacedBox]] {
        context.beginPass()
        let setup = context.template.page
        let columns = max(1, setup.columns)
        context.spent = LayoutSpending()
        let opening = try context.withColumnWidth(textWidth) { () throws(LayoutError) in try context.openingItems() }
        var pages = try Paginator(height: { _ in textHeight }).distribute(opening)
        let startsOwnPage = context.template.titlePage == .cover || opening.isEmpty
        var used = 0.0
        if startsOwnPage {
            if pages.last?.isEmpty == true { pages.removeLast() }
        } else if let last = pages.last {
            // The opening ends with the space it wants before the body.
            let trailing = opening.reversed().prefix { if case .space = $0 { return true } else { return false } }
                .reduce(0.0) { sum, item in if case .space(let amount) = item { return sum + amount } else { return sum } }
            used = (last.map { $0.y + $0.box.height }.max() ?? 0) + trailing
        }
        let shared = !startsOwnPage && !pages.isEmpty
        context.problems = []
        let body = context.collect(context.document.blocks)
        let paginator = Paginator(height: { slot in shared && slot < columns ? textHeight - used : textHeight })
        if let failed = LayoutError(context.problems) {
            // The blocks that were laid out may still hold a part taller than a page: report it in the same run.
            var others: [LayoutError] = []
            do { _ = try paginator.distribute(body) } catch { others = [error] }
            throw LayoutError(Self.inReadingOrder([failed] + others)) ?? failed
        }
        try (opening + body).checkInternalLinks()
        let slots = try paginator.distribute(body)
        let rtl = context.direction.isRightToLeft
        let firstBodyPage = shared ? pages.count - 1 : pages.count
        for (slot, boxes) in slots.enumerated() {
            let pageIndex = firstBodyPage + slot / columns
            while pages.count <= pageIndex { pages.append([]) }
            let column = slot % columns
            let offset = Double(column) * (context.columnWidth + setup.columnGap)
            let x = rtl ? textWidth - offset - context.columnWidth : offset
            let top = shared && slot < columns ? used : 0
            pages[pageIndex] += boxes.map { PlacedBox(box: $0.box, y: $0.y + top, x: x) }
        }
        return pages.isEmpty ? [[]] : pages
    }

    /// Every problem of `errors` (each with its others), by place in the source.
    static func inReadingOrder(_ errors: [LayoutError]) -> [LayoutError] {
        let all = errors.flatMap { error -> [LayoutError] in
            var first = error
            first.others = []
            return [first] + inReadingOrder(error.others)
        }
        return all.enumerated().sorted { a, b in
            let x = a.element.location, y = b.element.location
            return (x?.line ?? 0, x?.column ?? 0, a.offset) < (y?.line ?? 0, y?.column ?? 0, b.offset)
        }.map(\.element)
    }

    /// The width of a column of the body: the text width, shared between the template's columns.
    static func bodyColumnWidth(_ setup: PageSetup) -> Double {
        let columns = Double(max(1, setup.columns))
        return (setup.size.width - setup.inside - setup.outside - setup.columnGap * (columns - 1)) / columns
    }

    /// The page (from 1) each named destination is on.
    static func anchorPages(_ pages: [[PlacedBox]]) -> [String: Int] {
        var found: [String: Int] = [:]
        for (index, boxes) in pages.enumerated() {
            for placed in boxes {
                for item in placed.box.frame.items {
                    if case .destination(let destination) = item.item, found[destination.name] == nil { found[destination.name] = index + 1 }
                }
            }
        }
        return found
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
            throw LayoutError(location: origin.location, block: origin.kind, message: error.message)
        }
    }
}

extension FontLibrary {
    /// `check(families:)` as a result, to hand on to a layout error.
    func check(families names: [String]) -> Result<Void, TextError> {
        do { try check(families: names) as Void; return .success(()) } catch { return .failure(error) }
    }
}
