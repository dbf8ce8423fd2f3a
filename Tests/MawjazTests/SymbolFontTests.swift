// The symbols no text font of Mawjaz's has (`≥ 90%`, `الهدف → النتيجة`, check-lists): drawn by the bundled Noto Sans
// Math and Noto Sans Symbols2, reached only for them, and given back by the readers; a character no bundled font has
// is still refused.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct SymbolFontTests {
    /// What a brief in each language holds in a paragraph, a cell, a chart's title and a chart's label.
    static func report(_ language: String) -> String {
        let words = language == "ar" ? ["الهدف", "النتيجة", "منجز", "البند"] : ["goal", "result", "done", "item"]
        return """
            template: {name: briefing}
            title: "\(words[3]) ✓"
            date: 2026-12-04
            language: \(language)
            numerals: latin
            convert-digits: false
            body:
              - paragraph: "\(words[0]) ≥ 90% \(words[2]) ≤ 5% \(words[2]) ≈ 3 \(words[2]) ∞ \(words[2]) ∑ \(words[0]) → \(words[1]) ↑"
              - paragraph: "✓ \(words[2]) ● \(words[2]) ★ \(words[2]) ☐ \(words[2]) ☑ \(words[2])"
              - table:
                  columns: ["\(words[3])", "\(words[1])"]
                  rows:
                    - ["\(words[0]) ≥ 90%", "☑ \(words[2])"]
              - chart: {type: bar, title: "\(words[1]) ↑ ≥ 90%", values: [{label: "\(words[2]) ✓", value: 3}, {label: "\(words[1]) ●", value: 4}]}
            """
    }

    static func tokens(_ language: String) -> [String] {
        let words = language == "ar" ? ["الهدف", "النتيجة", "منجز", "البند"] : ["goal", "result", "done", "item"]
        return ["\(words[3]) ✓", "\(words[0]) ≥ 90%", "\(words[2]) ≤ 5%", "\(words[2]) ≈ 3", "\(words[2]) ∞", "\(words[2]) ∑",
                "\(words[0]) → \(words[1]) ↑", "✓ \(words[2])", "● \(words[2])", "★ \(words[2])", "☐ \(words[2])", "☑ \(words[2])",
                "\(words[1]) ↑ ≥ 90%", "\(words[2]) ✓", "\(words[1]) ●"]
    }

    /// Before, each of these briefs was refused (`no bundled font has a glyph for U+2265`).
    @Test(arguments: ["ar", "en"])
    func symbolsAreDrawnByTheSymbolFontsAndCopyBack(_ language: String) throws {
        let folder = try TestSupport.folder(with: ["report.yaml": Self.report(language)])
        let pdf = folder.appendingPathComponent("symbols.pdf")
        try TestSupport.renderer().render(reportAt: folder.appendingPathComponent("report.yaml"), to: pdf)
        let fonts = try FontFolderTests.embeddedFonts(pdf)
        #expect(fonts.contains("NotoSansMath-Regular") && fonts.contains("NotoSansSymbols2-Regular"), "\(fonts)")
        for (reader, text) in [("poppler", try TestSupport.pdfText(pdf)), ("pdfium", try TestSupport.pdfiumText(pdf))] {
            let copied = TestSupport.fidelityNormalised(text)
            let missing = Self.tokens(language).filter { !copied.contains(TestSupport.fidelityNormalised($0)) }
            #expect(missing.isEmpty, "\(reader) lost \(missing) in \(copied)")
        }
        try TestSupport.inspectPDF(pdf)
    }

    @Test func aCharacterNoBundledFontHasIsStillRefused() throws {
        let folder = try TestSupport.folder(with: ["report.yaml": """
            title: "اختبار"
            date: 2026-12-04
            body:
              - paragraph: "موافق ≥ 😀"
            """])
        #expect {
            try TestSupport.renderer().render(reportAt: folder.appendingPathComponent("report.yaml"), to: folder.appendingPathComponent("x.pdf"))
        } throws: { error in
            (error as? MawjazError)?.description.contains("no bundled font has a glyph for U+1F600") == true
        }
    }
}
