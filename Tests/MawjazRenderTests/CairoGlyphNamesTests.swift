// What cairo names a glyph by when it first meets it inside a span, read from the font's cmap as cairo reads it: the
// presentation form for Noto Naskh Arabic's contextual forms (what cairo was seen to write into /ToUnicode), nothing
// for Amiri's (whose cmap holds no presentation forms), the mark itself for a mark.
@testable import MawjazRender
import MawjazFrame
import MawjazText
import Testing
import TestSupport

@Suite struct CairoGlyphNamesTests {
    let engine: TextEngine

    init() throws {
        engine = try TextEngine(library: FontLibrary(directory: try TestSupport.resources.fonts))
    }

    func run(_ text: String, _ family: String) throws -> GlyphRun {
        let style = TextStyle(families: [family], size: 12)
        let line = try #require(engine.shape(StyledParagraph(spans: [TextSpan(text, style: style)], direction: .rightToLeft)).lines.first?.line)
        return try #require(line.runs.first)
    }

    @Test func contextualFormsAreNamedByTheirPresentationFormsInNotoNaskhArabicAndByNothingInAmiri() throws {
        // Glyphs left to right: final, medial, initial beh.
        let naskh = try run("ببب", "Noto Naskh Arabic")
        let naskhNames = CairoFonts.shared.glyphNames(for: naskh.font)
        #expect(naskh.glyphs.map { naskhNames.name(of: $0.id) }
                == [.character("\u{FE90}"), .character("\u{FE92}"), .character("\u{FE91}")])
        let amiri = try run("ببب", "Amiri")
        let amiriNames = CairoFonts.shared.glyphNames(for: amiri.font)
        #expect(amiri.glyphs.allSatisfy { amiriNames.name(of: $0.id) == .unnamed })
    }

    @Test func marksAndIsolatedLettersAreNamedByThemselves() throws {
        for family in ["Noto Naskh Arabic", "Amiri"] {
            let vowelled = try run("بَ د", family)
            let names = CairoFonts.shared.glyphNames(for: vowelled.font)
            let named = Set(vowelled.glyphs.map { names.name(of: $0.id) })
            #expect(named.contains(.character("\u{064E}")), "\(family): \(named)")
            #expect(named.contains(.character("\u{062F}")), "\(family): \(named)")
        }
    }

    @Test func aTableCairoWouldNotReadLeavesEveryNameUnknown() {
        #expect(CairoGlyphNames(cmap: []).name(of: 3) == .unknown)
        #expect(CairoGlyphNames(cmap: [0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12, 0, 12]).name(of: 3) == .unknown)
    }
}
