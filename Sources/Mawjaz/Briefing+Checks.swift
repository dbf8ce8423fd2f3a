// What render and validate share: everything short of writing, so that validate refuses whatever render would; and
// the checks of an output before it is written.
import Foundation
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazLayout
import MawjazRender

/// A report bound and laid out, every check that drawing it needs passed.
public struct PreparedReport: Sendable {
    public var document: Document
    public var layout: LayoutResult
}

extension BriefingRenderer {
    /// Binds, checks the images (each pixel budget from its header, then decoded as drawing will), lays out, and checks
    /// the structure drawing needs. `validate` stops here; `render` then writes.
    public func prepare(_ report: Report) throws(MawjazError) -> PreparedReport {
        let document = try bind(report)
        try checkImages(document)
        let laidOut = try layout(document)
        do { try Renderer(engine: engine).check(laidOut.document) } catch { throw MawjazError(error) }
        return PreparedReport(document: document, layout: laidOut)
    }

    /// Every image of the document, each error at the block or template field that names it.
    func checkImages(_ document: Document) throws(MawjazError) {
        var problems: [Diagnostic] = []
        func check(_ bytes: [UInt8], _ format: ImageBox.Format, at location: SourceLocation, field: String) {
            if let (_, size) = ImageBox.inspect(bytes), size.width * size.height > Double(document.limits.imagePixels) {
                return  // refused while binding, from the header
            }
            if let problem = ImageCheck.problem(in: bytes, format: format) {
                problems.append(Diagnostic(.error, at: location, field: field, problem))
            }
        }
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .figure(let figure): check(figure.data, figure.format, at: figure.source, field: "image.path")
                case .columns(let set): walk(set.blocks)
                default: break
                }
            }
        }
        if let logo = document.template.letterhead?.logo, let (format, _) = ImageBox.inspect(logo) {
            check(logo, format, at: document.template.letterhead?.logoSource ?? SourceLocation(file: document.sourceFile),
                  field: "letterhead.logo")
        }
        walk(document.blocks)
        guard problems.isEmpty else { throw .input(problems) }
    }

    /// Refuses an output that would overwrite one of the render's inputs, or pages too large to draw as PNG.
    func checkOutput(_ output: URL, format: OutputFormat, pages: PageFiles, drawing paged: PagedDocument, limits: Limits,
                     inputs: [String]) throws(MawjazError) {
        if let input = Renderer.overwrittenInput(output, format: format, pages: pages, inputs: inputs) {
            throw .input([Diagnostic(.error, at: SourceLocation(file: output.path), field: "output", .outputOverwritesInput(path: input))])
        }
        guard case .png(let dpi) = format else { return }
        let limit = limits.imagePixels
        for page in paged.pages {
            let width = (page.size.width * dpi / 72).rounded(.up), height = (page.size.height * dpi / 72).rounded(.up)
            if width * height > Double(limit) {
                throw .input([Diagnostic(.error, at: SourceLocation(file: "--dpi"),
                                         .pageTooManyPixels(width: Int(width), height: Int(height), dpi: Int(dpi.rounded()), limit: limit))])
            }
        }
    }
}
