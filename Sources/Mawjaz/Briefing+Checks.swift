// The checks render and validate share beyond loading, binding and laying out: images decoded as drawing will decode
// them, so that validate refuses whatever render would; and the size of the PNG pages asked for.
import Foundation
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazLayout
import MawjazRender

extension BriefingRenderer {
    /// Every image of the document — figures, and the letterhead's emblem and picture — with where it is named.
    func images(of document: Document) -> [(bytes: [UInt8], format: ImageBox.Format, location: SourceLocation, field: String)] {
        var found: [(bytes: [UInt8], format: ImageBox.Format, location: SourceLocation, field: String)] = []
        let letterhead = document.template.letterhead
        for (picture, source, field) in [(letterhead?.logo, letterhead?.logoSource, "letterhead.logo"),
                                         (letterhead?.image, letterhead?.imageSource, "letterhead.image")] {
            if let picture, let (format, _) = ImageBox.inspect(picture) {
                found.append((picture, format, source ?? SourceLocation(file: document.sourceFile), field))
            }
        }
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .figure(let figure): found.append((figure.data, figure.format, figure.source, "image.path"))
                case .columns(let set): walk(set.blocks)
                default: break
                }
            }
        }
        walk(document.blocks)
        return found
    }

    /// The problems of every image of the document (each pixel budget from its header, then decoded as drawing will),
    /// each at the block or template field that names it; `stop` is asked before each image is decoded.
    func imageProblems(_ document: Document, stop: StopSignal = .never) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for image in images(of: document) {
            if stop.isRaised { break }
            if let (_, size) = ImageBox.inspect(image.bytes), size.width * size.height > Double(document.limits.imagePixels) {
                continue  // refused while binding, from the header
            }
            if let problem = ImageCheck.problem(in: image.bytes, format: image.format) {
                problems.append(Diagnostic(.error, at: image.location, field: image.field, problem))
            }
        }
        return problems
    }

    /// The JPEG images of a document to be drawn as PNG pages (cairo cannot decode JPEG), each where it is named.
    func rasterProblems(_ document: Document, format: OutputFormat) -> [Diagnostic] {
        guard case .png = format else { return [] }
        return images(of: document).filter { $0.format == .jpeg }.map { Diagnostic(.error, at: $0.location, field: $0.field, .jpegInRaster) }
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
