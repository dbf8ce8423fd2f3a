// Underlines (links, __underlined__ text) as the PDF draws them: under their run, as wide as it.
import Foundation
import MawjazFrame
@testable import MawjazRender
import Testing
import TestSupport

@Suite struct UnderlineTests {
    @Test func anUnderlineRunsTheWidthOfItsRunJustUnderTheBaseline() throws {
        let fonts = try TestSupport.resources.fonts
        let face = FontFace(file: fonts.appendingPathComponent("NotoSans-Regular.ttf").path, family: "Noto Sans")
        let colour = Color(red: 0.2, green: 0.4, blue: 0.6)
        func run(_ x: Double, underline: Bool) -> GlyphRun {
            GlyphRun(font: FontReference(face: face, size: 20), glyphs: [Glyph(id: 50, x: 0, y: 0), Glyph(id: 51, x: 12, y: 0)],
                     clusters: [GlyphCluster(byteCount: 1, glyphCount: 1), GlyphCluster(byteCount: 1, glyphCount: 1)],
                     clusterText: "ab", text: "ab", x: x, width: 24, isRightToLeft: false, color: colour, underline: underline)
        }
        let line = TextLine(runs: [run(0, underline: false), run(24, underline: true)], width: 48, ascent: 16, descent: 6, text: "abab",
                            isRightToLeft: false)
        var frame = Frame(size: Size(width: 200, height: 100))
        frame.place(.text(line), at: Point(x: 30, y: 50))
        let document = PagedDocument(pages: [Page(size: frame.size, frame: frame)], info: DocumentInfo(title: "t", language: "en", creationDate: 0))
        let pdf = try TestSupport.temporaryFolder().appendingPathComponent("underline.pdf")
        try Renderer().write(document, to: pdf, format: .pdf)
        let underlines = try TestSupport.filledRectangles(pdf).filter { $0.isFilled(with: colour) }
        #expect(underlines.count == 1, "only the underlined run")
        let rect = try #require(underlines.first).rect
        #expect(abs(rect.minX - 54) < 0.01 && abs(rect.width - 24) < 0.01)
        #expect(abs(rect.minY - (50 + 0.18 * 20)) < 0.01, "0.18 em under the baseline")
        #expect(abs(rect.height - 0.06 * 20) < 0.01, "0.06 em thick")
    }
}
