// One chart of a document on a page of its own: compiled at the width it has in the document.
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazLanguage

/// The page a chart is set on alone.
public enum ChartPage: String, Hashable, Sendable, CaseIterable {
    /// A page just large enough for the chart, with a margin around it.
    case fit
    /// The template's page (A4 by default), the chart at the top of its text area.
    case template
}

extension Typesetter {
    /// The margin around a chart on a page of `.fit` size, in points.
    package static let chartMargin = 24.0

    /// Every chart of the document, compiled at the width it has in the document's pages.
    package func charts(of document: Document) throws(LayoutError) -> [CompiledChart] {
        let context = chartContext(document)
        return try document.charts.map { entry throws(LayoutError) in
            try context.withColumnWidth(chartWidth(document, columnCounts: entry.columnCounts)) { () throws(LayoutError) in
                try context.compileChart(entry.chart)
            }
        }
    }

    /// Chart `index` (from 1, in reading order) of the document alone on one page.
    package func chartPage(_ document: Document, index: Int, page: ChartPage, creationDate: Int) throws(LayoutError) -> PagedDocument {
        let entries = document.charts
        guard entries.indices.contains(index - 1) else {
            throw LayoutError(location: SourceLocation(file: document.sourceFile), block: "chart",
                              message: .noSuchChart(index, charts: entries.count))
        }
        let entry = entries[index - 1]
        let context = chartContext(document)
        let width = chartWidth(document, columnCounts: entry.columnCounts)
        let chart = try context.withColumnWidth(width) { () throws(LayoutError) in try context.compileChart(entry.chart) }
        let setup = document.template.page
        let size: Size, origin: Point
        switch page {
        case .fit:
            size = Size(width: width + 2 * Self.chartMargin, height: chart.frame.size.height + 2 * Self.chartMargin)
            origin = Point(x: Self.chartMargin, y: Self.chartMargin)
        case .template:
            size = setup.size
            origin = Point(x: Self.leftMargin(setup, pageIndex: 0, direction: document.direction), y: setup.top)
            guard chart.frame.size.height <= setup.size.height - setup.top - setup.bottom else {
                throw LayoutError(location: entry.chart.source, block: "chart", message: .chartTallerThanPage)
            }
        }
        var frame = Frame(size: size)
        frame.place(contentsOf: chart.frame, at: origin)
        let info = DocumentInfo(title: entry.chart.title ?? document.title, author: document.author ?? "", subject: document.title,
                                keywords: document.keywords, language: document.language.rawValue, creationDate: creationDate)
        return PagedDocument(pages: [Page(size: size, frame: frame)], info: info)
    }

    private func chartContext(_ document: Document) -> LayoutContext {
        let setup = document.template.page
        return LayoutContext(engine: engine, document: document, columnWidth: Self.bodyColumnWidth(setup),
                             pageTextHeight: setup.size.height - setup.top - setup.bottom)
    }

    /// The width of a chart inside column sets of these counts, as `columnItems` divides the column.
    private func chartWidth(_ document: Document, columnCounts: [Int]) -> Double {
        let setup = document.template.page
        return columnCounts.reduce(Self.bodyColumnWidth(setup)) { width, count in
            (width - setup.columnGap * Double(count - 1)) / Double(count)
        }
    }
}
