// Numbers drawn beside their signs in right-to-left lines: which tokens are found, how the amendment wraps their glyphs
// in a page's content stream, and what poppler and PDFium copy back from a PDF holding them.
import Foundation
import MawjazFrame
@testable import MawjazRender
import MawjazText
import Testing
import TestSupport

@Suite struct NumberSpansTests {
    let engine: TextEngine

    init() throws {
        engine = try TextEngine(library: FontLibrary(directory: try TestSupport.resources.fonts))
    }

    func lines(_ text: String, direction: Direction = .rightToLeft, family: String = "Noto Naskh Arabic", width: Double? = nil)
        throws -> [ShapedParagraph.Line] {
        let style = TextStyle(families: [family, "Noto Sans"], size: 12)
        return try engine.shape(StyledParagraph(spans: [TextSpan(text, style: style)], direction: direction, width: width)).lines
    }

    func spans(_ text: String, direction: Direction = .rightToLeft, family: String = "Noto Naskh Arabic") throws -> [String] {
        try lines(text, direction: direction, family: family).flatMap { NumberSpan.find(in: $0.line) }.map(\.text)
    }

    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func aNumberDrawnBesideItsSignIsOneTokenInLogicalOrder(_ family: String) throws {
        #expect(try spans("ارتفعت النسبة إلى 12.5% بعد أن كانت -3 في العام", family: family) == ["-3", "12.5%"])
        #expect(try spans("بلغ عدد الأنشطة +200 نشاط ونسبة ٣٫٥٪ والعجز -٧ نقاط", family: family) == ["-٧", "٣٫٥٪", "+200"])
        #expect(try spans("الميزانية $1,250.50 للفرد والمرحلة 2025-2030.", family: family) == ["2025-2030.", "$1,250.50"])
        // A comma or colon after a number is drawn before it, and is part of the token.
        #expect(try spans("منذ عام ٢٠١٢، وما بعده", family: family) == ["٢٠١٢،"])
        #expect(try spans("منذ عام 2012: شراكة", family: family) == ["2012:"])
        let found = try #require(lines("إلى 12.5% بعد", family: family).first.map { NumberSpan.find(in: $0.line) }?.first)
        #expect(found.drawnText == "%12.5" && found.glyphs.count == 5)
    }

    /// A /ToUnicode map as cairo writes it, read for the texts of its codes.
    @Test func aCharacterMapsEntriesAreRead() {
        let map = """
            /CIDInit /ProcSet findresource begin
            1 begincodespacerange
            <0000> <ffff>
            endcodespacerange
            3 beginbfchar
            <0001> <0025>
            <0002> <06440627>
            <0003> <d83dde00>
            endbfchar
            1 beginbfchar
            <20> <0020>
            endbfchar
            endcmap
            """
        #expect(ToUnicodeMap.entries(in: Array(map.utf8)) == [1: "%", 2: "لا", 3: "😀", 0x20: " "])
    }

    @Test func aCharacterMapsUnpairedSurrogatesAreReadAsTheStandardDecoderReadsThem() {
        let values: [[UInt16]] = [[0xD83D], [0xDE00], [0xDE00, 0xD83D], [0xD83D, 0x0041], [0x0041, 0xD83D, 0xDE00, 0xDBFF],
                                  [0x07FF, 0x0800, 0xFFFF, 0xE000], []]
        let lines = values.enumerated().map { index, units in
            "<\(String(index + 1, radix: 16))> <" + units.map { String(format: "%04x", $0) }.joined() + ">"
        }
        let map = "\(values.count) beginbfchar\n" + lines.joined(separator: "\n") + "\nendbfchar\n"
        let expected = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($0 + 1, String(decoding: $1, as: UTF16.self)) })
        #expect(ToUnicodeMap.entries(in: Array(map.utf8)) == expected)
    }

    @Test func numbersAlreadyInOrderNeutralsLettersAndLeftToRightLinesGetNoSpan() throws {
        // Drawn as typed: a number alone, a date, a time, a version, digits joined to Latin letters.
        #expect(try spans("في عام 2024 بتاريخ 15/09/2024 الساعة 10:30 والإصدار v2.4.1 وتقرير Q3 وجائحة COVID-19").isEmpty)
        // An en dash is a neutral PDFium already turns around; a token touching a letter gets a space from PDFium.
        #expect(try spans("الأعوام 2012–2024 والرقم م ح و/٢٤/٥٦٧ وبـ٢٥٪").isEmpty)
        #expect(try spans("Growth reached 12.5% after -3 in 2024.", direction: .leftToRight).isEmpty)
    }

    /// A content stream as cairo writes it: two fonts, one of one-byte codes and one of two-byte codes.
    static let stream = """
        BT
        10 0 0 -10 100 100 Tm
        /f-0-0 1 Tf
        (ab)Tj
        /f-0-1 1 Tf
        [<00010002>-20<0003>]TJ
        ET
        BT
        /f-0-0 1 Tf
        (c\\(d)Tj
        ET

        """
    /// The stream's fonts, with the bytes of a code, and what their /ToUnicode maps name each code.
    static let fonts = [(name: Array("f-0-0".utf8), width: 1), (name: Array("f-0-1".utf8), width: 2)]
    static let names: [[Int: String]] = [[0x61: "a", 0x62: "b", 0x63: "c", 0x28: "(", 0x64: "d"], [1: "%", 2: "1", 3: "2"]]

    func text(_ data: [UInt8]) throws -> ContentStreamText {
        try ContentStreamText(data, fonts: Self.fonts)
    }

    func wrapped(_ entries: [NumberSpanLog.Entry]) throws -> String? {
        try text(Array(Self.stream.utf8)).wrapping(entries) { Self.names[$0][$1] }.map { String(decoding: $0.stream, as: UTF8.self) }
    }

    @Test func theAmendmentWrapsATokensGlyphsSplittingTheOperatorsThatShowThem() throws {
        let scanned = try text(Array(Self.stream.utf8))
        #expect(scanned.glyphCount == 8 && scanned.shows.count == 3)
        // The whole TJ: the span opens before it and closes after it.
        let whole = try #require(try wrapped([.init(firstGlyph: 2, glyphCount: 3, text: "12%", drawnText: "%12")]))
        #expect(whole.contains("(ab)Tj\n/f-0-1 1 Tf\n/Span << /ActualText (12%) >> BDC\n[<00010002> -20 <0003>] TJ\nEMC\nET"))
        // Inside a TJ: its strings cut where the span begins, the kerning between the two digits kept once, inside.
        let inside = try #require(try wrapped([.init(firstGlyph: 3, glyphCount: 2, text: "21", drawnText: "12")]))
        #expect(inside.contains("[<0001>] TJ\n/Span << /ActualText (21) >> BDC\n[<0002> -20 <0003>] TJ\nEMC\nET"))
        // Inside a Tj, a literal string with an escape, the span ending before its last glyph.
        let literal = try #require(try wrapped([.init(firstGlyph: 5, glyphCount: 2, text: "(c", drawnText: "c(")]))
        #expect(literal.contains("BT\n/f-0-0 1 Tf\n/Span << /ActualText (\\(c) >> BDC\n(c\\() Tj\nEMC\n(d) Tj\nET"))
        for output in [whole, inside, literal] {
            let again = try text(Array(output.utf8))
            #expect(again.glyphCount == scanned.glyphCount)
        }
    }

    @Test func aSpanIsFoundWhereCairoLeftOutGlyphsBeforeItAndLeftOutWhereItCannotBeWritten() throws {
        // Counted two places later than the stream has it (cairo left out two ink-less glyphs before it).
        let shifted = try #require(try wrapped([.init(firstGlyph: 5, glyphCount: 2, text: "21", drawnText: "12")]))
        #expect(shifted.contains("/Span << /ActualText (21) >> BDC\n[<0002> -20 <0003>] TJ\nEMC"))
        // Glyphs in two text objects, glyphs that are not the ones drawn, glyphs past the stream's end.
        #expect(try wrapped([.init(firstGlyph: 4, glyphCount: 2, text: "c2", drawnText: "2c")]) == nil)
        #expect(try wrapped([.init(firstGlyph: 2, glyphCount: 3, text: "12%", drawnText: "%13")]) == nil)
        #expect(try wrapped([.init(firstGlyph: 40, glyphCount: 2, text: "x", drawnText: "ab")]) == nil)
        // An inline image cannot be stepped over, nor can a font that is not among the page's: the stream is not scanned.
        #expect(throws: RenderError.self) { try text(Array("BI /W 1 /H 1 ID \u{1}\u{2} EI".utf8)) }
        #expect(throws: RenderError.self) { try text(Array("BT /f-9-0 1 Tf (a) Tj ET".utf8)) }
        // A hexadecimal string's digits are counted eight at a time until white space or its end: white space inside a
        // long one, a ">" right after eight digits, one shorter than eight.
        let hex = try text(Array("BT /f-0-1 1 Tf <0001000200\n03 0004\t00050006> Tj [<00070008>] TJ <0009> Tj ET".utf8))
        #expect(hex.glyphCount == 9 && hex.shows.map(\.glyphCount) == [6, 2, 1])
        // A marked-content property list with strings and brackets in it is stepped over.
        let marked = try text(Array("/Span << /ActualText (a\\)b) /K <feff> >> BDC BT /f-0-0 1 Tf (a\\(b) Tj ET EMC".utf8))
        #expect(marked.glyphCount == 3 && marked.shows.count == 1)
    }

    /// Paragraphs of tokens the corpus does not hold, set in `family`, drawn into a PDF with and without its amendment.
    func pdfs(_ family: String) throws -> (amended: URL, plain: URL, tokens: [String]) {
        let paragraphs = [
            "بلغ النمو 7.25% هذا العام بعد أن كان -12 في العام الماضي، وزاد العدد +45 موظفا.",
            "وبلغت الحصة ٤٥٫٥٪ والتغير -٢٫٥ نقطة، والتكلفة $3,400.75 للوحدة، والخطة 2030-2040.",
            "وكانت النسبة (18%) في الربع الأول، ثم ٩٪، ثم 60%.",
        ]
        let tokens = ["7.25%", "-12", "+45", "٤٥٫٥٪", "-٢٫٥", "$3,400.75", "2030-2040.", "18%", "٩٪،", "60%."]
        let (amended, plain) = try AmendedPDFs.make(paragraphs, family: family, title: "أرقام")
        return (amended, plain, tokens)
    }

    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func signedNumbersCopyBackAsTypedFromBothReadersWithThePageUnchanged(_ family: String) throws {
        let (amended, plain, tokens) = try pdfs(family)
        try TestSupport.inspectPDF(amended)
        let readers = [("poppler", try TestSupport.pdfText(amended)), ("PDFium", try TestSupport.pdfiumText(amended))]
        for (reader, text) in readers {
            let copied = TestSupport.fidelityNormalised(text)
            for token in tokens {
                #expect(copied.contains(TestSupport.fidelityNormalised(token)), "\(family), \(reader): \(token) in \(copied)")
            }
        }
        // Without the spans, PDFium reads them as drawn.
        let before = TestSupport.fidelityNormalised(try TestSupport.pdfiumText(plain))
        #expect(tokens.filter { before.contains($0) }.isEmpty, "\(before)")
        // The page looks the same, pixel for pixel.
        #expect(try AmendedPDFs.samePixels(amended, plain))
    }
}
