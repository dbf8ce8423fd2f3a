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
                            dpi: Double = 144, limits: LimitOverrides = LimitOverrides()) throws(MawjazError) -> RenderSummary {
        let (report, warnings) = try load(reportAt: url, limits: limits)
        let format: OutputFormat
        do { format = try OutputFormat.forPath(output, dpi: dpi) } catch { throw MawjazError(error) }
        if let problem = DPI.problem(dpi) { throw .input([problem.diagnostic]) }
        let document = try bind(report)
        let engine = try self.engine(for: document.template, report: report)
        let paged: PagedDocument
        do {
            paged = try Typesetter(engine: engine).chartPage(document, index: index, page: page,
                                                             creationDate: Self.creationDate(for: document.date))
        } catch {
            throw MawjazError(error)
        }
        var problems = imageProblems(document)
        do { try Renderer().check(paged) } catch { throw MawjazError(error) }
        guard problems.isEmpty else { throw .input(problems) }
        try checkPixels(of: paged, pages: [1], format: format, limits: report.limits)
        let inputs = report.inputFiles + document.template.inputFiles
        if let input = Renderer.overwrittenInput(output, format: format, pages: .single, inputs: inputs) {
            problems.append(Diagnostic(.error, at: SourceLocation(file: output.path), field: "output", .outputOverwritesInput(path: input)))
            throw .input(problems)
        }
        do throws(RenderError) {
            // One chart is one page: one file, named as asked, whatever the format.
            let set = try OutputSet(destination: output, pageExtension: nil)
            for file in try Renderer().output(paged, format: format, pages: [1]) { try set.add(file.bytes, page: nil) }
            return RenderSummary(files: try set.commit(), pageCount: 1, warnings: warnings)
        } catch {
            throw MawjazError(error)
        }
    }
}
