// Ligatures that are one glyph for several characters take the branch of the run extraction that carries their text
// reversed, so that a reader's visual-to-logical pass gives it back (FidelityTests checks the PDF side). Noto Naskh
// Arabic sets لله that way; Amiri, as Pango shapes it, sets its ligatures one glyph per character.
import MawjazFrame
import MawjazText
import Testing
import TestSupport

@Suite struct LigatureClusterTests {
    let engine: TextEngine

    init() throws {
        engine = try TextEngine(library: FontLibrary(directory: try TestSupport.resources.fonts))
    }

    /// Each cluster of the first run of `text` set in `family`: its glyph count and its text in the text layer.
    func clusters(_ text: String, in family: String) throws -> (run: GlyphRun, pieces: [(glyphs: Int, text: String)]) {
        let style = TextStyle(families: [family], size: 12)
        let lines = try engine.shape(StyledParagraph(spans: [TextSpan(text, style: style)], direction: .rightToLeft)).lines
        let run = try #require(lines.first?.line.runs.first)
        let bytes = Array(run.clusterText.utf8)
        var offset = 0
        var pieces: [(glyphs: Int, text: String)] = []
        for cluster in run.clusters {
            pieces.append((cluster.glyphCount, String(decoding: bytes[offset..<(offset + cluster.byteCount)], as: UTF8.self)))
            offset += cluster.byteCount
        }
        return (run, pieces)
    }

    @Test func aGlyphForSeveralCharactersCarriesThemReversed() throws {
        let (run, pieces) = try clusters("الحمد لله", in: "Noto Naskh Arabic")
        let ligatures = pieces.filter { $0.glyphs == 1 && $0.text.unicodeScalars.count > 1 }
        #expect(ligatures.map(\.text) == ["\u{0647}\u{0644}\u{0644}"])
        #expect(run.text == "الحمد لله")
    }

    @Test func amiriSetsItsLigaturesOneGlyphPerCharacter() throws {
        for word in ["لله", "الله", "لا", "محمد", "تلمسان", "يتحدثان"] {
            let (_, pieces) = try clusters(word, in: "Amiri")
            #expect(pieces.allSatisfy { $0.glyphs == 1 && $0.text.unicodeScalars.count == 1 }, "\(word)")
        }
    }
}
