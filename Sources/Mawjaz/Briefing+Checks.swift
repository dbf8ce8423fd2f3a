// The checks render and validate share beyond loading, binding and laying out: images decoded as drawing will decode
// them, so that validate refuses whatever render would; and the size of the PNG pages asked for.
import Foundation
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazLayout
import MawjazRender

extension BriefingRenderer {
    /// The problems of every image of the document (each pixel budget from its header, then decoded as drawing will),
    /// each at the block or template field that names it.
    func imageProblems(_ document: Document) -> [Diagnostic] {
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
        let letterhead = document.template.letterhead
        for (picture, source, field) in [(letterhead?.logo, letterhead?.logoSource, "letterhead.logo"),
                                         (letterhead?.image, letterhead?.imageSource, "letterhead.image")] {
            if let picture, let (format, _) = ImageBox.inspect(picture) {
                check(picture, format, at: source ?? SourceLocation(file: document.sourceFile), field: field)
            }
        }
        walk(document.blocks)
        return problems
    }

    /// Refuses PNG pages (those of `pages`, every page when it is empty) with more pixels than the image limit: at a
    /// high `--dpi` one page would take gigabytes to draw.
    func checkPixels(of paged: PagedDocument, pages: [Int], format: OutputFormat, limits: Limits) throws(MawjazError) {
        guard case .png(let dpi) = format else { return }
        let limit = limits.imagePixels
        for number in pages.isEmpty ? Array(paged.pages.indices.map { $0 + 1 }) : pages where paged.pages.indices.contains(number - 1) {
            let page = paged.pages[number - 1]
            let width = (page.size.width * dpi / 72).rounded(.up), height = (page.size.height * dpi / 72).rounded(.up)
            if width * height > Double(limit) {
                throw .input([Diagnostic(.error, at: SourceLocation(file: "--dpi"),
                                         .pageTooManyPixels(width: Int(width), height: Int(height), dpi: Int(dpi.rounded()), limit: limit))])
            }
        }
    }
}
