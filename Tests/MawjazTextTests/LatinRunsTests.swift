// Latin punctuation inside Latin runs comes from the Latin font, even where an Arabic font is listed first.
@testable import MawjazText
import MawjazFrame
import Testing
import TestSupport

@Suite struct LatinRunsTests {
    func runs(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return LatinRuns.ranges(in: text).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func aRunHoldsItsWordsDigitsAndPunctuationUpToTheNextArabicCharacter() {
        #expect(runs("أصدر التقرير السنوي (Annual Report) ضمن") == ["(Annual Report)"])
        #expect(runs("Jackson: training, medicine, and disaster response.") == ["Jackson: training, medicine, and disaster response."])
        #expect(runs("بلغة Python 3.12، وتقرير Q3 عن COVID-19") == ["Python", "Q3", "COVID-19"])
        #expect(runs("برنامج الشراكة (State Partnership Program) — ٢٠١٢") == ["(State Partnership Program)"])
        #expect(runs("The network hosted 200 exchanges between 2012 and 2024, in Tashkent 2024") == ["The network hosted 200 exchanges between 2012 and 2024, in Tashkent"])
        #expect(runs("للتواصل: info@example.org أو الحساب @mississippi_ng.") == ["info@example.org", "@mississippi_ng."])
    }

    @Test func digitsAndPunctuationTouchingNoLatinLetterAreNoRun() {
        #expect(runs("ارتفعت النسبة إلى 12.5% في 15/09/2024، والمبلغ $1,250.50.").isEmpty)
        #expect(runs("").isEmpty)
    }

    @Test func lettersBeyondASCIIStartRunsToo() {
        #expect(runs("مدينة Zürich وأيضا Đà Nẵng") == ["Zürich", "Đà Nẵng"])
        #expect(runs("كلمة éclair فقط") == ["éclair"])
        #expect(runs("نص عربي فقط، مع أرقام 2024 وفاصلة.").isEmpty)
    }

    @Test func theColonOfAnEnglishSentenceInAnArabicDocumentIsSetInTheLatinFont() throws {
        let engine = try TextEngine(library: FontLibrary(directory: try TestSupport.resources.fonts))
        let style = TextStyle(families: ["Noto Naskh Arabic", "Noto Sans"], size: 12)
        for direction in [Direction.leftToRight, .rightToLeft] {
            let line = try #require(engine.shape(StyledParagraph(spans: [TextSpan("Jackson: training, medicine.", style: style)],
                                                                  direction: direction)).lines.first?.line)
            #expect(line.runs.allSatisfy { $0.font.family == "Noto Sans" }, "\(line.runs.map { ($0.text, $0.font.family) })")
        }
        // Arabic text keeps its own punctuation: the Arabic comma and full stop after an Arabic word.
        let arabic = try #require(engine.shape(StyledParagraph(spans: [TextSpan("قال الحكيم: العلم نور.", style: style)],
                                                                direction: .rightToLeft)).lines.first?.line)
        #expect(arabic.runs.allSatisfy { $0.font.family == "Noto Naskh Arabic" })
    }

    @Test func aFontWithLatinLettersListedFirstIsLeftAsItIs() throws {
        let library = try FontLibrary(directory: try TestSupport.resources.fonts)
        #expect(library.latinFamilies == ["Noto Sans", "Amiri"])
    }
}
