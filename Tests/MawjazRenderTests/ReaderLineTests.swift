// Lines poppler would misread, handed to it on invisible lines of their own: the model of its reading against
// bench/fidelity/readers.py's, and what poppler and PDFium copy back from pages of tokens the corpus does not hold.
import Foundation
import Mawjaz
import MawjazFrame
@testable import MawjazRender
import MawjazText
import Testing
import TestSupport

@Suite struct ReaderLineTests {
    func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }
    func string(_ scalars: [Unicode.Scalar]) -> String { String(String.UnicodeScalarView(scalars)) }

    /// A right-to-left line's characters as they stand left to right, when each is drawn as a glyph of its own.
    func drawn(_ text: String) -> [Unicode.Scalar] { scalars(text).reversed() }

    @Test func popplersReadingIsModelledAsReadersPyModelsIt() {
        // readers.py's `poppler_rtl` of each text's characters reversed: a number character followed by a space and a
        // right-to-left letter comes back before the space.
        #expect(string(ReaderLine.popplerText(drawn("نور، والجهل"))) == "نور ،والجهل")
        #expect(string(ReaderLine.popplerText(drawn("الحمد لله وحده، ولا إله إلا الله.")))
                == "الحمد لله وحده ،ولا إله إلا الله.")
        #expect(string(ReaderLine.popplerText(drawn("12.5% بعد"))) == " %5.21بعد")
        // readers.py's `poppler_pieces` of its demonstration line, and each piece's visual text read back as the piece.
        let line = "قال الحكيم: العلم نور، والجهل ظلام، وبلغت النسبة 12.5% بعد عام."
        let text = scalars(line), kinds = text.map(ReaderLine.kind)
        let pieces = ReaderLine.pieces(of: text, kinds: kinds)
        #expect(pieces.map { string(Array(text[$0])) } == ["قال الحكيم:", "العلم نور،", "والجهل ظلام،", "وبلغت النسبة 12.5%", "بعد عام."])
        for piece in pieces {
            #expect(ReaderLine.popplerText(ReaderLine.visualText(of: text[piece], kinds: kinds[piece])) == Array(text[piece]))
        }
        // Where no space follows (`Report) في`), the cut comes right after the Latin letter: the rest still reads right.
        let latin = scalars("قال (Annual Report) في")
        #expect(ReaderLine.pieces(of: latin, kinds: latin.map(ReaderLine.kind)).map { string(Array(latin[$0])) } == ["قال (Annual Report", ") في"])
    }

    @Test func aCellEndingInABracketIsCutWhereTheRowsNextCellMendsIt() {
        // Alone on its line, `Jackson (HQ)` is cut before its bracket, which no PDF gives back in place on a right-to-left
        // page; followed by the row's next cell it needs no such cut (`NumberSpanLog` then hands poppler the row whole).
        #expect(ReaderLine.cut(scalars("Jackson (HQ)"), leftToRight: false).openings == 1)
        #expect(ReaderLine.cut(scalars("فرع جاكسون Jackson (HQ) ٣٫٥٪"), leftToRight: false).openings == 0)
        #expect(ReaderLine.cut(scalars("Jackson (HQ) فرع"), leftToRight: false).openings == 1)
    }

    @Test func aCutWithNoSpaceToDropIsAMarkInOnePiece() {
        // No PDF gives back from poppler a Latin letter or number followed by a bracket or quote and then Arabic or the
        // line's end, on a page it reads right to left (on one it reads left to right, an Arabic letter followed by them
        // and then Latin, a number or the end): handed in one piece with a mark of the page's direction right after the
        // letter, poppler reads back the text with the mark in it.
        let marks: Set<Unicode.Scalar> = [ReaderLine.rightToLeftMark, ReaderLine.leftToRightMark]
        for (text, leftToRight) in [("صنفت سري (Internal)", false), ("قال (State Partnership Program) في", false),
                                    ("بنسبة (50%) عن", false), ("صدر تقرير «٢٠٢٤» عن", false),
                                    ("Southern Strike (ثاذرن سترايك) in", true), ("Mississippi (ميسيسيبي)", true)] {
            let cut = ReaderLine.cut(scalars(text), leftToRight: leftToRight)
            #expect(cut.openings == 1, "\(text): \(string(cut.text))")
            let read = ReaderLine.popplerText(cut.text, leftToRight: leftToRight)
            #expect(read.filter { marks.contains($0) } == [leftToRight ? ReaderLine.leftToRightMark : ReaderLine.rightToLeftMark], "\(text)")
            #expect(string(read.filter { !marks.contains($0) }) == text, "\(text): \(string(read))")
        }
        // A cut at a space is a mark too, before the space (poppler gave the pieces back on two lines), but needs none
        // to give the text back; neutrals ending the line after a mark are noted (a row's next cell may mend them).
        for (text, leftToRight) in [("بلغت 12.5% بعد عام", false), ("١٥ سبتمبر ٢٠٢٤", false), ("١٥ سبتمبر ٢٠٢٤م الموافق ١٢ ربيع الأول ١٤٤٦هـ", false),
                                    ("The delegation visited الرياض and جدة in 2024", true)] {
            let cut = ReaderLine.cut(scalars(text), leftToRight: leftToRight)
            let read = ReaderLine.popplerText(cut.text, leftToRight: leftToRight)
            #expect(cut.openings == 0 && read.filter { marks.contains($0) }.count >= 1, "\(text): \(string(read))")
            #expect(string(read.filter { !marks.contains($0) }) == text, "\(text): \(string(read))")
        }
        #expect(ReaderLine.cut(scalars("Jackson (HQ)"), leftToRight: false).endsOpen)
        #expect(!ReaderLine.cut(scalars("Jackson (HQ) فرع"), leftToRight: false).endsOpen)
        #expect(ReaderLine.kind(ReaderLine.rightToLeftMark) == .rightToLeft && ReaderLine.kind(ReaderLine.leftToRightMark) == .leftToRightOrNumber)
    }

    /// Lines no PDF gave back from poppler without a mark, of tokens no corpus holds.
    static let markedParagraphs = [
        "صنفت الهيئة المذكرة سري (Internal)",
        "نشرت الوزارة تقريرها (Annual Outlook) في مارس الماضي.",
        "ارتفعت المبيعات بنسبة (50%) عن العام الماضي.",
        "صدر تقرير «٢٠٢٤» عن الهيئة أمس.",
    ]
    static let markedTokens = ["المذكرة سري (Internal)", "تقريرها (Annual Outlook) في", "بنسبة (50%) عن", "تقرير «٢٠٢٤» عن"]
    static let markedEnglishParagraphs = [
        "The contract with the firm (النخيل للتجارة) in Dubai was signed in January.",
        "The second batch was held at customs (الجمارك)",
        "Deliveries from «الأفق» rose by half over the quarter.",
    ]
    static let markedEnglishTokens = ["firm (النخيل للتجارة) in Dubai", "at customs (الجمارك)", "from «الأفق» rose"]

    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func linesNoPDFGaveBackWithoutAMarkCopyBackFromPoppler(_ family: String) throws {
        try checkPopplersLines(opening: "كتب المدرس على اللوح ثم قرأ الطلاب الدرس كله بصوت عال وقال الشاعر قصيدة عن الوطن",
                               paragraphs: Self.markedParagraphs, tokens: Self.markedTokens, before: 0, family: family, direction: .rightToLeft)
        try checkPopplersLines(opening: "The committee met in the morning and read the whole of the report before it broke for lunch at noon",
                               paragraphs: Self.markedEnglishParagraphs, tokens: Self.markedEnglishTokens, before: 0, family: family,
                               direction: .leftToRight)
    }

    /// Ayah numbers in ornate parentheses (`﴿٢﴾`), which poppler reads as neutrals, not right-to-left letters: taken for
    /// right-to-left letters, such a line was thought read right and left as drawn, and poppler copied
    /// `الآية ﴿ ﴾٢ هنا` (a held-out brief, round copy26).
    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func ayahNumbersInOrnateParenthesesCopyBackFromPoppler(_ family: String) throws {
        #expect(ReaderLine.kind("\u{FD3E}") == .other && ReaderLine.kind("\u{FD3F}") == .other && ReaderLine.kind("\u{FDF2}") == .rightToLeft)
        // Unvowelled: the plain PDF this compares pixels with draws a vowelled word's glyphs in another order.
        let paragraphs = ["قال تعالى: ﴿الحمد لله رب العالمين ﴿٢﴾﴾ وفي المصحف.", "الآية ﴿٢﴾ هنا، والآية ﴿١٢٨﴾ هناك."]
        try checkPopplersLines(opening: "كتب المدرس على اللوح ثم قرأ الطلاب الدرس كله بصوت عال وقال الشاعر قصيدة عن الوطن",
                               paragraphs: paragraphs, tokens: ["العالمين ﴿٢﴾﴾ وفي", "الآية ﴿٢﴾ هنا،", "﴿١٢٨﴾ هناك"], before: 0,
                               family: family, direction: .rightToLeft)
    }

    /// Words of Hebrew, Syriac and Thaana in an English sentence, set in an office's fonts (`fonts: {path:}`). A Thaana
    /// word ends in a vowel sign (U+07AC) drawn at its left end, a neutral in poppler's table though it was modelled a
    /// right-to-left letter: the line was thought read right and left as drawn, and poppler copied `ެދިވެހިރާއްޖ` (a
    /// held-out brief, round copy34).
    @Test func marksOfHebrewSyriacAndThaanaAreNeutralsToPoppler() throws {
        #expect(ReaderLine.kind("\u{07AC}") == .other && ReaderLine.kind("\u{0730}") == .other && ReaderLine.kind("\u{05B8}") == .other)
        #expect(ReaderLine.kind("\u{0796}") == .rightToLeft && ReaderLine.kind("\u{0710}") == .rightToLeft && ReaderLine.kind("\u{05D0}") == .rightToLeft)
        let fonts = TestSupport.root.appendingPathComponent("bench/fidelity/held-out/fonts").path
        let report = """
            {"template": {"name": "briefing", "fonts": {"path": "\(fonts)"}}, "title": "Names", "date": "2026-12-04",
             "language": "en", "body": [
               {"paragraph": "City names: Hebrew ירושלים, Syriac ܐܘܪܗܝ and Thaana ދިވެހިރާއްޖެ, as the official documents give them."},
               {"paragraph": "The Maldives (ދިވެހިރާއްޖެ) and Edessa (ܐܘܪܗܝ) were named."}]}
            """
        let pdf = try ReaderLinePDFiumTests.renderedPDF(ofReport: report)
        let poppler = TestSupport.fidelityNormalised(try TestSupport.pdfText(pdf))
        let pdfium = TestSupport.fidelityNormalised(try TestSupport.pdfiumText(pdf))
        for token in ["Hebrew ירושלים,", "Syriac ܐܘܪܗܝ and", "Thaana ދިވެހިރާއްޖެ,", "(ދިވެހިރާއްޖެ)", "(ܐܘܪܗܝ)"] {
            #expect(poppler.contains(TestSupport.fidelityNormalised(token)), "poppler: \(token) in \(poppler)")
            #expect(pdfium.contains(TestSupport.fidelityNormalised(token)), "PDFium: \(token) in \(pdfium)")
        }
    }

    /// A right-to-left table's rows of Latin cells on a page of more Latin letters than Arabic ones, which poppler reads
    /// left to right: it read each row's cells from the left, the row's end first (`Hà Nội` then `Nguyễn Văn An`; a
    /// held-out brief, round copy26). Each row is handed to it in its table's order.
    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func aRightToLeftTablesRowsOnAPagePopplerReadsLeftToRightComeBackInOrder(_ family: String) throws {
        let report = """
            {"template": {"name": "briefing", "fonts": {"arabic": "\(family)"}}, "title": "زيارة Nguyễn Văn An", "date": "2026-12-04",
             "language": "ar", "convert-digits": false, "body": [
               {"paragraph": "زار الوفد Kraków وZürich وSão Paulo ثم Café résumé في 2026، وقابل Ørsted وŁódź وÇağlar Öztürk."},
               {"table": {"columns": ["الاسم", "المدينة"], "rows": [["Nguyễn Văn An", "Hà Nội"], ["Çağlar Öztürk", "İzmir (Türkiye)"]]}}]}
            """
        let folder = try TestSupport.temporaryFolder()
        let source = folder.appendingPathComponent("report.json"), pdf = folder.appendingPathComponent("report.pdf")
        try Data(report.utf8).write(to: source)
        try TestSupport.renderer().render(reportAt: source, to: pdf)
        let poppler = TestSupport.fidelityNormalised(try TestSupport.pdfText(pdf))
        for token in ["Nguyễn Văn An Hà Nội", "Çağlar Öztürk İzmir (Türkiye)"] {
            #expect(poppler.contains(TestSupport.fidelityNormalised(token)), "\(family): \(token) in \(poppler)")
        }
    }

    @Test func aLinePopplerReadsRightGetsNoPieces() {
        let plain = "كتب المدرس على اللوح ثم قرأ الطلاب"
        #expect(!ReaderLine.mayBeMisread(plain))
        #expect(ReaderLine.cut(logical: plain, drawn: drawn(plain)) == nil)
        #expect(ReaderLine.cut(logical: "بلغ العدد 25", drawn: scalars("25 ددعلا غلب")) == nil)
        let cut = ReaderLine.cut(logical: "نور، والجهل", drawn: drawn("نور، والجهل"))
        #expect(cut.map { string(ReaderLine.popplerText($0.text)) } == "نور،\u{200F} والجهل")
    }

    /// Paragraphs of tokens the corpus does not hold (an e-mail and a phone, Latin in parentheses, a percent, a date,
    /// vowelled words with commas), and the tokens poppler can give back from some PDF (`readers.py ceiling`).
    static let paragraphs = [
        "راسلونا على press@mawjaz.example أو اتصلوا بالرقم +971 4 555 0199 قبل نهاية الشهر، وسنرد خلال يومين.",
        "نشرت الوزارة تقريرها (Quarterly Outlook) في مارس، وبلغ النمو 3.4% بعد عامين من الركود.",
        "قال المعلم: العِلْمُ نُورٌ، والصَّبْرُ مِفْتَاحٌ، والعَمَلُ عِبَادَةٌ.",
        "زار الوفد مدينة سمرقند يوم 12/03/2025، ثم عاد إلى طشقند.",
    ]
    static let tokens = ["press@mawjaz.example", "+971 4 555 0199", "الشهر، وسنرد", "مارس، وبلغ", "3.4% بعد",
                         "العِلْمُ نُورٌ، والصَّبْرُ", "مِفْتَاحٌ، والعَمَلُ", "12/03/2025، ثم"]

    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func misreadLinesCopyBackFromPopplerWhilePDFiumKeepsItsTextAndThePageItsPixels(_ family: String) throws {
        // Without the lines, poppler gives few of them back (one broken where a line ends reads right).
        try checkPopplersLines(opening: "كتب المدرس على اللوح ثم قرأ الطلاب الدرس كله بصوت عال وقال الشاعر قصيدة عن الوطن",
                               paragraphs: Self.paragraphs, tokens: Self.tokens, before: Self.tokens.count - 4, family: family, direction: .rightToLeft)
    }

    /// Sets `opening` and `paragraphs` on a page in `direction` and checks that poppler gives every one of `tokens` back
    /// (`before` of them at most without the lines), that PDFium reads the drawn glyphs as before (every token it gave
    /// back, it still gives back) and that the page's pixels are unchanged.
    func checkPopplersLines(opening: String, paragraphs: [String], tokens: [String], before limit: Int, family: String,
                            direction: Direction) throws {
        let (amended, plain) = try AmendedPDFs.make([opening] + paragraphs, family: family, title: "رموز", direction: direction)
        try TestSupport.inspectPDF(amended)
        let poppler = TestSupport.fidelityNormalised(try TestSupport.pdfText(amended))
        for token in tokens {
            #expect(poppler.contains(TestSupport.fidelityNormalised(token)), "\(family): \(token) in \(poppler)")
        }
        let before = TestSupport.fidelityNormalised(try TestSupport.pdfText(plain))
        #expect(tokens.filter { before.contains(TestSupport.fidelityNormalised($0)) }.count <= limit, "\(before)")
        let (pdfiumBefore, pdfiumAfter) = (TestSupport.fidelityNormalised(try TestSupport.pdfiumText(plain)),
                                           TestSupport.fidelityNormalised(try TestSupport.pdfiumText(amended)))
        for token in tokens + [opening] where pdfiumBefore.contains(TestSupport.fidelityNormalised(token)) {
            #expect(pdfiumAfter.contains(TestSupport.fidelityNormalised(token)), "\(family): \(token) in \(pdfiumAfter)")
        }
        #expect(try AmendedPDFs.samePixels(amended, plain))
    }

    /// Dates on lines hidden from poppler, each a number span drawn in several fonts (Noto Naskh Arabic has no `/`: Noto
    /// Sans draws it), and at a paragraph's end: poppler reads each year once. It keeps one /ActualText at a time, not a
    /// stack, so a `/Span` hiding one show, nested in the span's own, ended the span's there, and the glyphs after it
    /// (`2024`) were read where they stand, on a line of their own beside the line's pieces.
    @Test func aDateInSeveralFontsOnAHiddenLineIsReadOnceByPoppler() throws {
        let paragraphs = ["صدر القرار في 15/09/2024، وبدأ التنفيذ.", "صدر القرار (رقم 7) بتاريخ 16/09/2024.",
                          "صدر القرار في 17/09/2024 وبدأ التنفيذ في 01/10/2025."]
        let (amended, plain) = try AmendedPDFs.make(paragraphs, family: "Noto Naskh Arabic", title: "تاريخ")
        let lines = try TestSupport.pdfText(amended).split(whereSeparator: \.isNewline).map { TestSupport.fidelityNormalised(String($0)) }
        #expect(!lines.contains { $0.allSatisfy { $0.isNumber || $0 == "." } && !$0.isEmpty }, "\(lines)")
        let poppler = lines.joined(separator: " ")
        #expect(poppler.components(separatedBy: "2024").count - 1 == 3 && poppler.components(separatedBy: "2025").count == 2, "\(poppler)")
        for token in ["15/09/2024، وبدأ", "(رقم 7) بتاريخ 16/09/2024.", "17/09/2024 وبدأ", "01/10/2025."] {
            #expect(poppler.contains(TestSupport.fidelityNormalised(token)), "\(token) in \(poppler)")
        }
        let (pdfiumBefore, pdfiumAfter) = (TestSupport.fidelityNormalised(try TestSupport.pdfiumText(plain)),
                                           TestSupport.fidelityNormalised(try TestSupport.pdfiumText(amended)))
        #expect(pdfiumAfter.components(separatedBy: "2024").count - 1 == 3, "\(pdfiumAfter)")
        for paragraph in paragraphs where pdfiumBefore.contains(TestSupport.fidelityNormalised(paragraph)) {
            #expect(pdfiumAfter.contains(TestSupport.fidelityNormalised(paragraph)), "\(paragraph) in \(pdfiumAfter)")
        }
        #expect(try AmendedPDFs.samePixels(amended, plain))
    }

    @Test func aPageOfLinesPopplerReadsRightIsLeftAsDrawn() throws {
        let (amended, _) = try AmendedPDFs.make(["كتب المدرس على اللوح ثم قرأ الطلاب الدرس كله بصوت عال وقال الشاعر قصيدة عن الوطن"],
                                                family: "Noto Naskh Arabic", title: "سطر")
        let expanded = try TestSupport.temporaryFolder().appendingPathComponent("expanded.pdf")
        #expect(try TestSupport.run("qpdf", ["--qdf", "--object-streams=disable", amended.path, expanded.path]).status == 0)
        let bytes = try Data(contentsOf: expanded)
        #expect(bytes.range(of: Data(ReaderLine.hidingBegin)) == nil)
    }

    @Test func popplersReadingOfALeftToRightPageIsModelledAsReadersPyModelsIt() {
        // readers.py's `poppler_ltr`: a right-to-left letter followed by neutrals and then a number or a Latin letter
        // takes the neutrals with it, turned around.
        #expect(string(ReaderLine.popplerText(scalars("«٢٠٣٠ ةيؤر» appeared"), leftToRight: true)) == "«٢٠٣٠  »رؤيةappeared")
        #expect(string(ReaderLine.popplerText(scalars("The cell يبيتعلا ةراس .م"), leftToRight: true)) == "The cell  سارة العتيبي.م")
        // readers.py's `poppler_pieces(…, "ltr")`, and each piece's visual text read back as the piece.
        let line = "The delegation visited الرياض and جدة, and the phrase «رؤية ٢٠٣٠» appeared"
        let text = scalars(line), kinds = text.map(ReaderLine.kind)
        let pieces = ReaderLine.pieces(of: text, kinds: kinds, leftToRight: true)
        #expect(pieces.map { string(Array(text[$0])) } == ["The delegation visited الرياض", "and جدة, and the phrase «رؤية", "٢٠٣٠» appeared"])
        for piece in pieces {
            let visual = ReaderLine.visualText(of: text[piece], kinds: kinds[piece], leftToRight: true)
            #expect(ReaderLine.popplerText(visual, leftToRight: true) == Array(text[piece]))
        }
        #expect(string(ReaderLine.visualText(of: text[pieces[1]], kinds: kinds[pieces[1]], leftToRight: true)) == "and ةدج, and the phrase «ةيؤر")
        // A line of Latin letters alone is read as drawn; an Arabic cell whose full stop poppler counts a number
        // character is not.
        #expect(!ReaderLine.mayBeMisread("Growth reached 12.5% in 2024 — «fine»", leftToRight: true))
        #expect(ReaderLine.cut(logical: "م. سارة العتيبي", drawn: scalars("يبيتعلا ةراس .م"), leftToRight: true).map { string($0.text) }
                == "م. يبيتعلا ةراس")
    }

    /// English paragraphs holding Arabic tokens the corpus does not hold, and those of them poppler can give back from
    /// some PDF on a left-to-right page (`readers.py ceiling … ltr`).
    static let englishParagraphs = [
        "The report of وزارة المالية 2024 was read aloud, and the motto «العمل مستمر ٢٠٣٠» was shown at the close of the meeting.",
        "The guests met م. خالد الراشد and then travelled on to الدمام, where the forum opened.",
    ]
    static let englishTokens = ["The report of وزارة المالية 2024 was", "«العمل مستمر ٢٠٣٠»", "م. خالد الراشد and", "to الدمام, where"]

    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func misreadLinesOfALeftToRightPageCopyBackFromPoppler(_ family: String) throws {
        try checkPopplersLines(opening: "The committee met in the morning and read the whole of the report before it broke for lunch at noon",
                               paragraphs: Self.englishParagraphs, tokens: Self.englishTokens, before: 1, family: family, direction: .leftToRight)
    }
}
