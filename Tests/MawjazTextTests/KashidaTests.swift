// Kashida justification: lines filled to the measure with tatweel at allowed joins, never in Latin, never copied.
import Foundation
import MawjazFrame
@testable import MawjazText
import Testing
import TestSupport

@Suite struct KashidaTests {
    let engine: TextEngine
    let style = TextStyle(families: ["Noto Naskh Arabic", "Noto Sans"], size: 12)
    static let text = "يشير تنوع الأنشطة التشاركية التي ينفذها برنامج الشراكة بين الدول إلى أن الحرس الوطني هو الأفضل لإجراء هذه الأنشطة العسكرية بين الجيشين، فغالبية رجال الحرس يخدمون بدوام جزئي فقط ويشغلون وظائف مدنية ويعيشون ضمن المجتمعات التي يخدمونها (State Partnership Program) منذ عام 2012."

    init() throws {
        engine = try TextEngine(library: FontLibrary(directory: try TestSupport.resources.fonts))
    }

    func set(_ text: String, width: Double, _ justification: Justification = .kashida) throws -> ShapedParagraph {
        try engine.shape(StyledParagraph(spans: [TextSpan(text, style: style)], direction: .rightToLeft, alignment: .justify,
                                         width: width, justification: justification))
    }

    var tatweelGlyph: UInt32 {
        get throws {
            let run = try engine.shape(StyledParagraph(spans: [TextSpan("\u{0640}", style: style)], direction: .rightToLeft)).lines[0].line.runs[0]
            return try #require(run.glyphs.first).id
        }
    }

    @Test func everyLineButTheLastFillsTheMeasure() throws {
        for width in [220.0, 300, 417] {
            let paragraph = try set(Self.text, width: width)
            #expect(paragraph.lines.count > 2)
            for line in paragraph.lines.dropLast() {
                #expect(abs(line.line.width - width) < 0.5)
                #expect(abs(line.origin.x) < 0.01)
                // The runs lie end to end and the last one ends at the right edge.
                let runs = line.line.runs
                for (left, right) in zip(runs, runs.dropFirst()) { #expect(abs(left.x + left.width - right.x) < 0.01) }
                #expect(abs((runs.last.map { $0.x + $0.width } ?? 0) - width) < 0.5)
            }
            let last = try #require(paragraph.lines.last)
            #expect(last.line.width < width - 1, "the last line keeps its natural width")
        }
    }

    @Test func tatweelGoesOnlyAfterLettersThatJoinForward() throws {
        let tatweel = try tatweelGlyph
        let paragraph = try set(Self.text, width: 260)
        var found = 0
        for line in paragraph.lines {
            for run in line.line.runs {
                var bytes = Array(run.clusterText.utf8)[...]
                var glyphs = run.glyphs[...]
                for cluster in run.clusters {
                    let text = String(decoding: bytes.prefix(cluster.byteCount), as: UTF8.self)
                    let tatweels = glyphs.prefix(cluster.glyphCount).filter { $0.id == tatweel }.count
                    if tatweels > 0 {
                        found += tatweels
                        #expect(run.isRightToLeft, "no kashida in a left-to-right run")
                        let letter = try #require(text.unicodeScalars.last { !(0x064B...0x065F).contains($0.value) })
                        #expect(Kashida.dualJoining.contains(letter.value), "\(text) does not join forward")
                        #expect(!text.contains("\u{0640}"))
                    }
                    bytes = bytes.dropFirst(cluster.byteCount)
                    glyphs = glyphs.dropFirst(cluster.glyphCount)
                }
            }
        }
        #expect(found > 0)
    }

    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func tatweelPiecesAreALoneTatweelsGlyphStandingItsAdvanceApart(family: String) throws {
        // The tatweel is the glyph a lone tatweel is shaped to in the run's font (Amiri substitutes one of its own for
        // the character's), and its pieces stand that glyph's advance apart.
        let style = TextStyle(families: [family, "Noto Sans"], size: 12)
        let lone = try engine.shape(StyledParagraph(spans: [TextSpan("\u{0640}", style: style)], direction: .rightToLeft)).lines[0].line.runs[0]
        let tatweel = try #require(lone.glyphs.first).id
        #expect(lone.width > 0)
        let paragraph = try engine.shape(StyledParagraph(spans: [TextSpan(Self.text, style: style)], direction: .rightToLeft,
                                                         alignment: .justify, width: 240, justification: .kashida))
        var pieces = 0, pairs = 0
        for line in paragraph.lines {
            for run in line.line.runs {
                pieces += run.glyphs.filter { $0.id == tatweel }.count
                for (left, right) in zip(run.glyphs, run.glyphs.dropFirst()) where left.id == tatweel && right.id == tatweel {
                    // The last piece of an opening may overlap the one before it, to end on the opening's edge.
                    #expect(right.x - left.x <= lone.width + 1e-9)
                    if abs(right.x - left.x - lone.width) < 1e-9 { pairs += 1 }
                }
            }
        }
        #expect(pieces > 0, "\(family): no tatweel in kashida-justified lines")
        #expect(pairs > 0)
    }

    @Test func justifyingWithKashidaLeavesTheNextParagraphAsAFreshEngineSetsIt() throws {
        // Stretching a right-to-left line must not change what the engine shares between paragraphs (its direction).
        let english = StyledParagraph(spans: [TextSpan("Joint exercises since 2012 (تدريبات مشتركة) and more to come.", style: style)],
                                      direction: .leftToRight, alignment: .justify, width: 150)
        let fresh = try TextEngine(library: engine.library).shape(english)
        _ = try set(Self.text, width: 260)
        let after = try engine.shape(english)
        #expect(after.lines.map(\.line.text) == fresh.lines.map(\.line.text))
        for (line, expected) in zip(after.lines, fresh.lines) {
            #expect(line.origin == expected.origin)
            #expect(line.line.runs.map(\.isRightToLeft) == expected.line.runs.map(\.isRightToLeft))
            #expect(line.line.runs.map { $0.glyphs.map(\.x) } == expected.line.runs.map { $0.glyphs.map(\.x) })
        }
    }

    @Test func priorities() {
        // After seen and sad first; before a final heh or taa marbuta next; never after a letter that does not join.
        #expect(Kashida.priority(0x0633, 0x0645, nextIsFinal: false) == 1)      // سم
        #expect(Kashida.priority(0x0643, 0x0629, nextIsFinal: true) == 2)       // كة
        #expect(Kashida.priority(0x0628, 0x0627, nextIsFinal: true) == 3)       // با
        #expect(Kashida.priority(0x0628, 0x0631, nextIsFinal: true) == 4)       // بر
        #expect(Kashida.priority(0x0645, 0x0648, nextIsFinal: true) == 5)       // مو
        #expect(Kashida.priority(0x0645, 0x0645, nextIsFinal: false) == 7)      // مم in the middle of a word
        #expect(Kashida.priority(0x0627, 0x0628, nextIsFinal: false) == nil)    // after alef: no join
        #expect(Kashida.priority(0x0631, 0x0628, nextIsFinal: false) == nil)    // after ra: no join
        #expect(Kashida.priority(0x0644, 0x0627, nextIsFinal: true) == nil)     // lam-alef ligature
    }

    @Test func aLineWithoutJoinsIsFilledWithSpaces() throws {
        // Words of letters that never join forward: no place for a kashida.
        let words = Array(repeating: "ورد دار زاد ودود", count: 12).joined(separator: " ")
        let tatweel = try tatweelGlyph
        let paragraph = try set(words, width: 200)
        #expect(paragraph.lines.count > 2)
        for line in paragraph.lines.dropLast() {
            #expect(abs(line.line.width - 200) < 0.5)
            #expect(!line.line.runs.contains { $0.glyphs.contains { $0.id == tatweel } })
        }
    }

    @Test func spacesJustificationInsertsNoTatweel() throws {
        let tatweel = try tatweelGlyph
        let paragraph = try set(Self.text, width: 260, .spaces)
        #expect(!paragraph.lines.contains { $0.line.runs.contains { $0.glyphs.contains { $0.id == tatweel } } })
        for line in paragraph.lines.dropLast() { #expect(abs(line.line.width - 260) < 0.5, "\(line.line.text)") }
    }

    @Test func aHardLineBreakEndsAParagraphThatIsNotStretched() throws {
        let paragraph = try set("سطر قصير\nوسطر آخر قصير أيضا", width: 300)
        #expect(paragraph.lines.count == 2)
        #expect(paragraph.lines.allSatisfy { $0.line.width < 200 })
    }
}
