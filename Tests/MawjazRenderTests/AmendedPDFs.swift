// A page of shaped paragraphs drawn into a PDF with and without its amendment, for the text-layer tests that compare
// what readers copy back and check that the amendment leaves the page's pixels alone.
import Foundation
import MawjazFrame
@testable import MawjazRender
import MawjazText
import Testing
import TestSupport

enum AmendedPDFs {
    /// `paragraphs`, right to left (or in `direction`) in `family` at 12 points, 480 points wide, 120 points apart on one
    /// A4 page, drawn into a PDF amended and one not.
    static func make(_ paragraphs: [String], family: String, title: String,
                     direction: Direction = .rightToLeft) throws -> (amended: URL, plain: URL) {
        let engine = try TextEngine(library: FontLibrary(directory: try TestSupport.resources.fonts))
        let style = TextStyle(families: [family, "Noto Sans"], size: 12)
        var frame = Frame(size: Size(width: 595, height: 842))
        var y = 80.0
        for paragraph in paragraphs {
            let lines = try engine.shape(StyledParagraph(spans: [TextSpan(paragraph, style: style)], direction: direction, width: 480)).lines
            for line in lines {
                frame.place(.text(line.line), at: Point(x: 60 + line.origin.x, y: y + line.origin.y))
            }
            y += 120
        }
        let document = PagedDocument(pages: [Page(size: frame.size, frame: frame)],
                                     info: DocumentInfo(title: title, language: direction.isRightToLeft ? "ar" : "en", creationDate: 0))
        return try write(document)
    }

    /// `document` drawn into a PDF amended and one not.
    static func write(_ document: PagedDocument) throws -> (amended: URL, plain: URL) {
        let folder = try TestSupport.temporaryFolder()
        var urls: [URL] = []
        for amends in [true, false] {
            var renderer = Renderer()
            renderer.amendsPDF = amends
            let url = folder.appendingPathComponent(amends ? "amended.pdf" : "plain.pdf")
            try renderer.write(document, to: url, format: .pdf)
            urls.append(url)
        }
        return (urls[0], urls[1])
    }

    /// Whether the first pages of `first` and `second` are the same pixel for pixel at 100 dpi (`pdftoppm`).
    static func samePixels(_ first: URL, _ second: URL) throws -> Bool {
        let folder = try TestSupport.temporaryFolder()
        for (name, pdf) in [("first", first), ("second", second)] {
            let result = try TestSupport.run("pdftoppm", ["-r", "100", pdf.path, folder.appendingPathComponent(name).path])
            #expect(result.status == 0)
        }
        let pixels = try ["first", "second"].map { try Data(contentsOf: folder.appendingPathComponent("\($0)-1.ppm")) }
        return pixels[0] == pixels[1]
    }
}
