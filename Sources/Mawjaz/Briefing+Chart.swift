// One chart of a report rendered alone: the pipeline up to layout, then a page holding only that chart.
import Foundation
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazLayout
import MawjazRender

extension BriefingRenderer {
    /// Renders chart `index` (from 1, in reading order) of a report file alone to `output`, in the format its
    /// extension names, on a page sized to the chart or on the template's page.
    @discardableResult
    public func renderChart(reportAt url: URL, index: Int, to output: URL, page: ChartPage = .fit,
                            dpi: Double = 144) throws(MawjazError) -> RenderSummary {
        let (report, warnings) = try load(reportAt: url)
        let format: OutputFormat
        do { format = try OutputFormat.forPath(output, dpi: dpi) } catch { throw MawjazError(error) }
        let document = try bind(report)
        let engine = try self.engine(for: document.template, report: report)
        let paged: PagedDocument
        do {
            paged = try Typesetter(engine: engine).chartPage(document, index: index, page: page,
                                                             creationDate: Self.creationDate(for: document.date))
        } catch {
            throw MawjazError(error)
        }
        do throws(RenderError) {
            // One chart is one page: one file, named as asked, whatever the format.
            for file in try Renderer().output(paged, format: format, pages: [1]) {
                try AtomicFile.write(file.bytes, to: output)
            }
            return RenderSummary(files: [output], pageCount: 1, warnings: warnings)
        } catch {
            throw MawjazError(error)
        }
    }
}
