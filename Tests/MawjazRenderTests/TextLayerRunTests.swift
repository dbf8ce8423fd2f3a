// The text layer handed to cairo for a glyph run: vowelled words as one span in the form readers turn back into the
// word, their marks drawn after the baseline glyphs; Arabic runs in English lines as one span; a space PDFium would not
// see as one span with the word to its left.
@testable import MawjazRender
import MawjazFrame
import MawjazText
import Testing
import TestSupport

@Suite struct TextLayerRunTests {
    let engine: TextEngine
    let naskh = TextStyle(families: ["Noto Naskh Arabic", "Noto Sans"], size: 12)

    init() throws {
        engine = try TextEngine(library: FontLibrary(directory: try TestSupport.resources.fonts))
    }

    func line(_ text: String, _ direction: Direction) throws -> TextLine {
        try #require(engine.shape(StyledParagraph(spans: [TextSpan(text, style: naskh)], direction: direction)).lines.first?.line)
    }

    @Test func runsOfLettersAndOfOtherCharactersAreReversedInPlace() {
        #expect(TextLayerRun.runsReversed("نُورٌ،") == "ن\u{064F}رو\u{060C}\u{064C}")
        #expect(TextLayerRun.runsReversed("إِنَّ") == "إ\u{0650}ن\u{064E}\u{0651}")
        #expect(TextLayerRun.runsReversed("كتب") == "بتك")
        #expect(TextLayerRun.runsReversed("") == "")
    }

    @Test func aVowelledWordIsOneClusterWithItsMarksDrawnAfterTheBaseline() throws {
        let run = try #require(try line("قال إِنَّ", .rightToLeft).runs.first)
        let layer = TextLayerRun(run, inLeftToRightLine: false)
        // The plain word keeps a cluster per glyph; the vowelled one is a single cluster of all its glyphs.
        let spans = layer.clusters.filter { $0.glyphs > 1 }
        #expect(spans.count == 1)
        let bytes = Array(layer.text.utf8)
        var offset = 0
        var texts: [String] = []
        for cluster in layer.clusters {
            texts.append(String(decoding: bytes[offset..<(offset + cluster.bytes)], as: UTF8.self))
            offset += cluster.bytes
        }
        #expect(texts.contains(TextLayerRun.runsReversed("إِنَّ")))
        #expect(offset == bytes.count && layer.clusters.reduce(0) { $0 + $1.glyphs } == run.glyphs.count)
        // Every glyph is drawn once; within the word, the raised or lowered glyphs come before its last baseline glyph.
        #expect(layer.glyphOrder.sorted() == Array(run.glyphs.indices))
        #expect(abs(run.glyphs[layer.glyphOrder.last!].y) < 0.01)
    }

    /// Amiri kerns the space before an initial keheh into it: PDFium would see no gap there (`tightSpaces`), so the
    /// space and the word to its left become one span, its text with a space on both sides. Noto Naskh Arabic leaves
    /// the gap, and the run keeps a cluster per glyph.
    @Test func aSpacePDFiumWouldNotSeeJoinsTheWordToItsLeft() throws {
        let amiri = TextStyle(families: ["Amiri", "Noto Sans"], size: 12)
        let shaped = try engine.shape(StyledParagraph(spans: [TextSpan("درباره کشور", style: amiri)], direction: .rightToLeft))
        let run = try #require(shaped.lines.first?.line.runs.first)
        let advance = CairoFonts.shared.advances(in: run.font)
        #expect(TextLayerRun.tightSpaces(in: run, advance: advance).count == 1)
        let layer = TextLayerRun(run, inLeftToRightLine: false, advance: advance)
        let spans = layer.clusters.filter { $0.glyphs > 1 }
        #expect(spans.count == 1 && layer.text.contains(" روشک "))
        #expect(layer.glyphOrder == Array(run.glyphs.indices))
        // Without the fonts' advances nothing is known to be tight.
        #expect(TextLayerRun(run, inLeftToRightLine: false).text == run.clusterText)

        let naskhRun = try #require(try line("درباره کشور", .rightToLeft).runs.first)
        #expect(TextLayerRun.tightSpaces(in: naskhRun, advance: CairoFonts.shared.advances(in: naskhRun.font)).isEmpty)
    }

    @Test func marksAreFoundFromTheBytesAsFromTheScalars() {
        // Every character up to U+FFFF and a few beyond, alone and between Arabic letters, read both ways.
        let scalars = (UInt32(0)...0xFFFF).compactMap(Unicode.Scalar.init) + ["\u{1D167}", "\u{1F600}", "\u{E0100}"]
        let differing = scalars.filter { scalar in
            [String(scalar), "بس" + String(scalar) + "م a"].contains { text in
                TextLayerRun.containsMark(text) != text.unicodeScalars.contains(where: TextLayerRun.isMark)
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5).map(\.value))")
        #expect(!TextLayerRun.containsMark("الحمد لله رب العالمين"))
        #expect(TextLayerRun.containsMark("إِنَّ"))
        #expect(!TextLayerRun.containsMark(""))
    }

    @Test func plainArabicKeepsAClusterPerGlyph() throws {
        let run = try #require(try line("الحمد لله", .rightToLeft).runs.first)
        let layer = TextLayerRun(run, inLeftToRightLine: false)
        #expect(layer.text == run.clusterText)
        #expect(layer.clusters.map(\.glyphs) == run.clusters.map(\.glyphCount))
        #expect(layer.glyphOrder == Array(run.glyphs.indices))
    }

    @Test func anArabicNameInAnEnglishLineIsOneSpan() throws {
        let english = try line("Southern Strike (ثاذرن سترايك) every year", .leftToRight)
        let arabic = try #require(english.runs.first { $0.isRightToLeft && $0.glyphs.count > 1 })
        let layer = TextLayerRun(arabic, inLeftToRightLine: true)
        #expect(layer.clusters.count == 1 && layer.clusters[0].glyphs == arabic.glyphs.count)
        #expect(layer.text == arabic.clusterText)
        let latin = try #require(english.runs.first { !$0.isRightToLeft })
        #expect(TextLayerRun(latin, inLeftToRightLine: true).clusters.count == latin.clusters.count)
    }
}
