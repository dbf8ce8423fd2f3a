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
            let files = try Renderer(engine: engine).write(paged, to: output, format: format)
            // PNG and SVG pages are written as <stem>-1.png; one chart is one file, named as asked.
            guard let file = files.first, files.count == 1, file.path != output.path else {
                return RenderSummary(files: files, pageCount: 1, warnings: warnings)
            }
            guard rename(file.path, output.path) == 0 else {
                throw RenderError.write(path: output.path, reason: String(cString: strerror(errno)))
            }
            return RenderSummary(files: [output], pageCount: 1, warnings: warnings)
        } catch {
            throw MawjazError(error)
        }
    }
}
