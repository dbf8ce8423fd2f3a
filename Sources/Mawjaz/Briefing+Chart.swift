// One chart of a report rendered alone: the pipeline up to layout, then a page holding only that chart.
import Foundation
import MawjazData
import MawjazDocument
import MawjazLayout
import MawjazRender

extension BriefingRenderer {
    /// Renders chart `index` (from 1, in reading order) of a report file alone to `output`, in the format its
    /// extension names, on a page sized to the chart or on the template's page.
    @discardableResult
    public func renderChart(reportAt url: URL, index: Int, to output: URL, page: ChartPage = .fit,
                            dpi: Double = 144, limits: LimitOverrides = LimitOverrides()) throws(MawjazError) -> RenderSummary {
        let (report, warnings) = try load(reportAt: url, limits: limits)
        let format: OutputFormat
        do { format = try OutputFormat.forPath(output, dpi: dpi) } catch { throw MawjazError(error) }
        let document = try bind(report)
        let paged: PagedDocument
        do {
            paged = try Typesetter(engine: engine).chartPage(document, index: index, page: page,
                                                             creationDate: Self.creationDate(for: document.date))
        } catch {
            throw MawjazError(error)
        }
        try checkImages(document)
        try checkOutput(output, format: format, pages: .single, drawing: paged, limits: report.limits,
                        inputs: report.inputFiles + document.template.inputFiles)
        do {
            try Renderer(engine: engine).check(paged)
            // One chart is one page, written to the output's own name in every format.
            let files = try Renderer(engine: engine).write(paged, to: output, format: format, pages: .single)
            return RenderSummary(files: files, pageCount: 1, warnings: warnings)
        } catch {
            throw MawjazError(error)
        }
    }
}
