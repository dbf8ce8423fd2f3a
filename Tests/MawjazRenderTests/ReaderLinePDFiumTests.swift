// Right-to-left lines handed to PDFium as one /ActualText each: the model of its reading against what PDFium copied of
// pages written by hand (bench/fidelity/readers.py's MEASURED), and what PDFium copies back from pages of tokens the
// corpus does not hold, in both fonts.
import Foundation
import Mawjaz
import MawjazFrame
@testable import MawjazRender
import MawjazText
import Testing
import TestSupport

@Suite struct ReaderLinePDFiumTests {
    func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }
    func string(_ scalars: [Unicode.Scalar]) -> String { String(String.UnicodeScalarView(scalars)) }

    /// What PDFium copied of one-line pages written by hand (`Fixtures/fidelity/pdfium-measured.tsv`, which readers.py's
    /// `check` reads too), or of lines after an Arabic heading (`name` `pdfium-measured-after-rtl.tsv`): the /ActualText
    /// that was the line's text, and what came back.
    static func measured(_ name: String = "pdfium-measured.tsv") throws -> [(String, String)] {
        let text = try String(contentsOf: TestSupport.fidelityFolder.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return (String(fields[0]), String(fields.count > 1 ? fields[1] : ""))
        }
    }

    @Test func pdfiumsReadingIsModelledAsMeasured() throws {
        let measured = try Self.measured()
        #expect(measured.count == 10)
        for (actualText, copied) in measured {
            #expect(string(PDFiumLine.read(scalars(actualText))) == copied, "\(actualText)")
            #expect(PDFiumLine.read(PDFiumLine.actualText(for: scalars(copied))) == scalars(copied), "\(copied)")
        }
        // A joiner is weak, a slash and a colon weak, a bracket and a quote neutral, a presentation form right to left.
        #expect(PDFiumLine.kind("\u{200C}") == .weak && PDFiumLine.kind("/") == .weak && PDFiumLine.kind(":") == .weak)
        #expect(PDFiumLine.kind("(") == .neutral && PDFiumLine.kind("\u{AB}") == .neutral && PDFiumLine.kind("\u{FEB3}") == .rightToLeft)
        #expect(PDFiumLine.kind("\u{0660}") == .weak && PDFiumLine.kind("\u{064E}") == .weak && PDFiumLine.kind("\u{06A9}") == .rightToLeft)
        // Turned around where the object read before is right to left: PDFium takes the text's characters in reverse
        // order then. What it copied of such lines, each after an Arabic heading, handed the text turned around and
        // mirrored first, as modelled before (their brackets came back mirrored):
        let afterHeading = try Self.measured("pdfium-measured-after-rtl.tsv")
        #expect(afterHeading.count == 6)
        for (actualText, copied) in afterHeading {
            #expect(string(PDFiumLine.read(scalars(actualText).reversed())) == copied, "\(actualText)")
        }
        for text in ["قال (Annual Report) هنا", "البند (أ) والبند [ب] هنا.", "راجع (see [Annex B]) ثم (ب [الفقرة ٣]) الآن."].map(scalars) {
            #expect(PDFiumLine.read(PDFiumLine.actualText(for: text, afterRightToLeft: true).reversed()) == text)
        }
        #expect(PDFiumLine.isCarrier("(.)") && PDFiumLine.isCarrier("12") && !PDFiumLine.isCarrier("قال") && !PDFiumLine.isCarrier(" "))
        #expect(PDFiumLine.isRightToLeft("قال") && !PDFiumLine.isRightToLeft("Report") && !PDFiumLine.isRightToLeft(")"))
    }

    /// Paragraphs of tokens the corpus does not hold: Latin phrases, bracketed Latin, a URL with a query, a version, an
    /// e-mail and a phone, a product code, an Arabic word in brackets, a quoted title.
    static let paragraphs = [
        "نشرت وكالة Reuters الخبر (Breaking News) صباحا.",
        "افتح https://example.gov/report?id=42 للتفاصيل.",
        "يعمل النظام على Ubuntu 22.04 LTS بثبات.",
        "قدمت الشركة [Annex B] مع العرض، وتحدث الوزير عن {Project Atlas} مطولا.",
        "عقد المؤتمر في New York City العام الماضي.",
        "البريد admin@mod.gov.uz والهاتف 555-0199 للطوارئ، ورمز المنتج SKU-4471-B في القائمة.",
        "أجاب «لا» ثم قال (ربما) لاحقا، وقرأ الكتاب \"The Art of War\" مرتين.",
    ]
    static let tokens = ["(Breaking News)", "https://example.gov/report?id=42", "Ubuntu 22.04 LTS", "[Annex B]", "{Project Atlas}",
                         "New York City", "admin@mod.gov.uz", "555-0199", "SKU-4471-B", "(ربما)", "«لا»", "\"The Art of War\""]

    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func latinAndBracketsInArabicLinesCopyBackFromPDFiumWhilePopplerAndThePixelsStay(_ family: String) throws {
        let (amended, plain) = try AmendedPDFs.make(Self.paragraphs, family: family, title: "رموز")
        try TestSupport.inspectPDF(amended)
        let pdfium = TestSupport.fidelityNormalised(try TestSupport.pdfiumText(amended))
        for token in Self.tokens {
            #expect(pdfium.contains(TestSupport.fidelityNormalised(token)), "\(family): \(token) in \(pdfium)")
        }
        // Drawn only, PDFium gives back few of them.
        let before = TestSupport.fidelityNormalised(try TestSupport.pdfiumText(plain))
        #expect(Self.tokens.filter { before.contains(TestSupport.fidelityNormalised($0)) }.count <= 4, "\(before)")
        // poppler reads what it read before: its own layer is untouched.
        let (popplerBefore, popplerAfter) = (TestSupport.fidelityNormalised(try TestSupport.pdfText(plain)),
                                             TestSupport.fidelityNormalised(try TestSupport.pdfText(amended)))
        for token in Self.tokens where popplerBefore.contains(TestSupport.fidelityNormalised(token)) {
            #expect(popplerAfter.contains(TestSupport.fidelityNormalised(token)), "\(family): \(token) in \(popplerAfter)")
        }
        // Every plain word PDFium read before, it still reads (no line turned around).
        let words = Set(before.split(separator: " ").filter { $0.unicodeScalars.allSatisfy { PDFiumLine.kind($0) == .rightToLeft } })
        let after = Set(pdfium.split(separator: " "))
        #expect(words.subtracting(after).isEmpty, "\(family): \(words.subtracting(after))")
        #expect(try AmendedPDFs.samePixels(amended, plain))
    }

    /// Curly quotes in Arabic lines copy back as typed from PDFium, which mirrors them as it mirrors brackets (Unicode
    /// does not): handed as if it did not, `“…”` and `‘…’` came back `”…“` and `’…‘`.
    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func curlyQuotesInArabicLinesCopyBackFromPDFium(_ family: String) throws {
        let paragraphs = ["وقال المتحدث: “نحن ملتزمون بالشفافية” أمس، وكتب ‘تم التسليم’ في التقرير.",
                          "ورد في النشرة “Annual Review” و‘Draft 2’ ضمن المرفقات."]
        let tokens = ["“نحن ملتزمون بالشفافية”", "‘تم التسليم’", "“Annual Review”", "‘Draft 2’"]
        let (amended, plain) = try AmendedPDFs.make(paragraphs, family: family, title: "اقتباس")
        let pdfium = TestSupport.fidelityNormalised(try TestSupport.pdfiumText(amended))
        for token in tokens {
            #expect(pdfium.contains(TestSupport.fidelityNormalised(token)), "\(family): \(token) in \(pdfium)")
        }
        #expect(try AmendedPDFs.samePixels(amended, plain))
    }

    /// A table of mixed directions (Arabic and Latin cells in one row, a URL in a cell, a code with digits), rendered from
    /// a report: each row is one line to PDFium, handed its cells right to left.
    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func mixedDirectionTableRowsCopyBackFromPDFium(_ family: String) throws {
        let report = """
            {"template": {"name": "briefing", "fonts": {"arabic": "\(family)"}}, "title": "جدول", "date": "2024-09-15",
             "language": "ar", "convert-digits": false, "body": [{"table": {"columns": ["الجهة", "Site", "الرابط"], "rows": [
               ["وزارة الدفاع", "Ministry Portal", "https://mod.gov.uz/en"],
               ["مكتب الحرس (فرع)", "Guard Office (HQ)", "ops@ng.army.mil"],
               ["مركز التدريب", "Camp Shelby", "رمز CS-2024"]]}}]}
            """
        let pdfium = try Self.pdfiumText(ofReport: report)
        for token in ["وزارة الدفاع Ministry Portal https://mod.gov.uz/en", "مكتب الحرس (فرع) Guard Office (HQ) ops@ng.army.mil",
                      "مركز التدريب Camp Shelby رمز CS-2024"] {
            #expect(pdfium.contains(TestSupport.fidelityNormalised(token)), "\(family): \(token) in \(pdfium)")
        }
    }

    /// Lines set left to right that draw nothing but Arabic (an Arabic paragraph in an English report, set so or after an
    /// English line or an Arabic heading; an English table's row of Arabic cells; an Arabic report's paragraph given
    /// `direction: ltr`) have no object that is not right to left to carry their text: their first object carries it,
    /// taken by PDFium in reverse order (`PDFiumLine.actualText(rightToLeftCarrierFor:)`). PDFium read such a line's run,
    /// one span, word by word reversed after some lines (`مرحبا بكم جميعا` → `جميعا بكم مرحبا`), and the lines after it,
    /// brackets and all, as modelled.
    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func arabicOnlyLinesSetLeftToRightCopyBackFromPDFium(_ family: String) throws {
        let report = """
            {"template": {"name": "briefing", "fonts": {"arabic": "\(family)"}}, "title": "Probe", "date": "2026-12-03",
             "language": "en", "numerals": "latin", "convert-digits": false, "body": [
               {"paragraph": "مرحبا بكم"},
               {"paragraph": "The office «المكتب» coordinates (وزارة الدفاع) with us."},
               {"paragraph": "مرحبا بكم جميعا"},
               {"paragraph": "Ask أ.د. محمد, then [ملحق أ] and (٣)."},
               {"heading": "الخلاصة"},
               {"paragraph": "وصل الوفد إلى غلفبورت، ميسيسيبي أمس"},
               {"paragraph": "Hello there."},
               {"paragraph": "كامب شيلبي، مركز التدريب"},
               {"paragraph": "الرقم (+998) 71-123-45-67 اليوم."},
               {"table": {"columns": ["A", "B"], "rows": [["جاكسون، ميسيسيبي", "سلام عليكم"], ["Unit (وحدة)", "«نعم»"]]}}]}
            """
        let pdfium = try Self.pdfiumText(ofReport: report)
        for token in ["مرحبا بكم", "مرحبا بكم جميعا", "(وزارة الدفاع) with us.", "[ملحق أ] and (٣).", "وصل الوفد إلى غلفبورت، ميسيسيبي أمس",
                      "كامب شيلبي، مركز التدريب", "الرقم (+998) 71-123-45-67 اليوم.", "جاكسون، ميسيسيبي سلام عليكم", "Unit (وحدة) «نعم»"] {
            #expect(pdfium.contains(TestSupport.fidelityNormalised(token)), "\(family): \(token) in \(pdfium)")
        }
    }

    /// Arabic-Indic numbers apart by more than a separator in left-to-right lines (a range `٢٠٢٠-٢٠٢٤` in an English
    /// table's cell, paragraph and list item, with `convert-digits: false`): drawn from the right, as Unicode orders them
    /// (`٢٠٢٤-٢٠٢٠` from the left), such a line holds no right-to-left letter, was left as drawn, and both readers
    /// copied it left to right, `٢٠٢٤-٢٠٢٠` (a held-out brief, round copy26). Now each reader is handed its text.
    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func arabicIndicRangesInLeftToRightLinesCopyBackFromBothReaders(_ family: String) throws {
        #expect(ReaderLine.holdsReorderedArabicNumbers("٢٠٢٠-٢٠٢٤") && ReaderLine.holdsReorderedArabicNumbers("from ٣ to ٥ – ٧ pages"))
        #expect(!ReaderLine.holdsReorderedArabicNumbers("at ٣:٠٠ and ١٢٫٥٪ on ٢٠٢٤/٠٣/١٥") && !ReaderLine.holdsReorderedArabicNumbers("٣ days, ٥ weeks"))
        let report = """
            {"template": {"name": "briefing", "fonts": {"arabic": "\(family)"}}, "title": "Ranges", "date": "2026-12-04",
             "language": "en", "convert-digits": false, "body": [
               {"paragraph": "The plan ran over ٢٠٢٠-٢٠٢٤ and the review over ٢٠٢٥–٢٠٢٦ in the ministry."},
               {"list": ["Phase ٣ - ٥ done"]},
               {"table": {"columns": ["Item", "Years"], "rows": [["Solar date", "٢٠٢٠-٢٠٢٤"]]}}]}
            """
        let folder = try TestSupport.temporaryFolder()
        let source = folder.appendingPathComponent("report.json"), pdf = folder.appendingPathComponent("report.pdf")
        try Data(report.utf8).write(to: source)
        try TestSupport.renderer().render(reportAt: source, to: pdf)
        try TestSupport.inspectPDF(pdf)
        let pdfium = TestSupport.fidelityNormalised(try TestSupport.pdfiumText(pdf))
        let poppler = TestSupport.fidelityNormalised(try TestSupport.pdfText(pdf))
        for token in ["over ٢٠٢٠-٢٠٢٤ and", "over ٢٠٢٥–٢٠٢٦ in", "Phase ٣ - ٥ done", "Solar date ٢٠٢٠-٢٠٢٤"] {
            #expect(pdfium.contains(TestSupport.fidelityNormalised(token)), "\(family): \(token) in \(pdfium)")
            #expect(poppler.contains(TestSupport.fidelityNormalised(token)), "\(family): \(token) in \(poppler)")
        }
        // In an Arabic report such lines' rows and list items are handed their text as right-to-left lines are, whatever
        // their left-to-right cells hold (taken for left-to-right lines holding a right-to-left character, they were
        // left as drawn, and PDFium lost them).
        let arabic = """
            {"template": {"name": "briefing", "fonts": {"arabic": "\(family)"}}, "title": "فحص", "date": "2026-12-04",
             "language": "ar", "convert-digits": false, "body": [
               {"table": {"columns": ["البند", "القيمة"], "rows": [["الفترة", "Q1 ٢٠٢٠-٢٠٢٤"], ["المدة", "Phase ٣ - ٥ done"]]}},
               {"paragraph": "Plan ٢٠٢٠-٢٠٢٤ in English."}, {"list": ["Range ٣ - ٥ only", "البند الثاني"]}]}
            """
        let arabicPDFium = try Self.pdfiumText(ofReport: arabic)
        for token in ["الفترة Q1 ٢٠٢٠-٢٠٢٤", "المدة Phase ٣ - ٥ done", "Plan ٢٠٢٠-٢٠٢٤ in English.", "Range ٣ - ٥ only"] {
            #expect(arabicPDFium.contains(TestSupport.fidelityNormalised(token)), "\(family): \(token) in \(arabicPDFium)")
        }
    }

    /// Lines with brackets after a line PDFium reads as drawn whose last object is right to left (an Arabic heading, a
    /// note's title, a table's Arabic header row): PDFium takes their /ActualText in reverse order, and copied every one
    /// of these with its brackets mirrored when it was handed the text turned around and mirrored
    /// (`PDFiumLine.actualText(for:afterRightToLeft:)`); each holds another kind as well (a number span, vowelled words,
    /// Latin tokens with their own punctuation, an e-mail and a phone, Persian with a non-joiner, a currency amount).
    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func linesWithBracketsAfterAnArabicHeadingCopyBackFromPDFium(_ family: String) throws {
        let lines = ["ارتفع المؤشر 12.5% بعد الإعلان (تقريبا).", "قال: إِنَّ العِلْمَ نُورٌ (حقا) اليوم.",
                     "يعمل الفريق بلغة C++ ومنصة .NET (حاليا).", "راسلونا على info@example.org (الدعم) أو +998 71 123 45 67.",
                     "الفترة 2025-2030 (المرحلة الثانية) و-3 درجات.", "درباره کشور (فارسی) نسخه‌ای جدید.",
                     "المبلغ $1,250.50 (شامل الضريبة) و٣٫٥٪ رسوم."]
        let body = lines.map { #"{"heading": "عنوان رقم"}, {"paragraph": "\#($0)"}"# }.joined(separator: ", ")
        let report = """
            {"template": {"name": "briefing", "fonts": {"arabic": "\(family)"}}, "title": "تجربة", "date": "2026-12-03",
             "language": "ar", "numerals": "latin", "convert-digits": false, "body": [\(body),
               {"note": {"title": "ملاحظة", "text": "الحد 45% (أقصى) و[ب] {ج}."}},
               {"table": {"columns": ["البند", "القيمة"], "rows": [["الأول (أ)", "12.5% (تقريبا)"]]}}]}
            """
        let pdfium = try Self.pdfiumText(ofReport: report)
        for token in lines + ["الحد 45% (أقصى) و[ب] {ج}.", "الأول (أ) 12.5% (تقريبا)"] {
            #expect(pdfium.contains(TestSupport.fidelityNormalised(token)), "\(family): \(token) in \(pdfium)")
        }
    }

    /// A page's first line (a running head, of one part or of a start and an end on one baseline) with an Arabic word left
    /// of the object carrying its text: with nothing read before it on the page, PDFium took that word's object for the one
    /// read before the carrier and copied the whole line turned around (`ةحفص 6202/7 ريرقتلا`), on every page of a report
    /// without a classification banner. Each page of the report is read on its own.
    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func aPagesFirstLineCopiesBackFromPDFium(_ family: String) throws {
        let heads: [(start: String, end: String?)] = [("مديرية الموارد — التقرير 7/2026", "صفحة"), ("التقرير 7 الموارد", nil),
                                                      ("تقرير الموارد الفصلي رقم 3", "{page-of-pages}"), ("وزارة (الدفاع) 2026", "سري")]
        for (start, end) in heads {
            let header = end.map { #"{"start": "\#(start)", "end": "\#($0)"}"# } ?? #"{"start": "\#(start)"}"#
            let report = """
                {"template": {"name": "briefing", "fonts": {"arabic": "\(family)"}, "header": \(header)},
                 "title": "تقرير", "date": "2026-10-01", "language": "ar", "numerals": "latin", "convert-digits": false,
                 "body": [{"paragraph": "فقرة أولى."}, "page-break", {"paragraph": "فقرة ثانية."}]}
                """
            let folder = try TestSupport.temporaryFolder()
            let source = folder.appendingPathComponent("report.json"), pdf = folder.appendingPathComponent("report.pdf")
            try Data(report.utf8).write(to: source)
            try TestSupport.renderer().render(reportAt: source, to: pdf)
            let pages = try TestSupport.pdfiumPages(pdf)
            #expect(pages.count == 2, "\(pages)")
            for (number, page) in pages.enumerated() {
                let first = TestSupport.fidelityNormalised(page.split(whereSeparator: \.isNewline).first.map(String.init) ?? "")
                let expected = end == "{page-of-pages}" ? "\(start) صفحة \(number + 1) من 2" : end.map { "\(start) \($0)" } ?? start
                #expect(first == TestSupport.fidelityNormalised(expected), "\(family), page \(number + 1): \(first)")
            }
        }
    }

    /// A letterhead's names, each centred in its own font (their baselines 2.2 pt apart), PDFium reads as one line: it
    /// copied `Guard National Mississippi` beside the Arabic name in an Arabic report, and in a report without a banner
    /// `الجهة اسم`, then the heading after it turned around. Both names, and the heading, come back as written in both
    /// directions.
    @Test(arguments: ["ar", "en"])
    func aLetterheadsNamesCopyBackFromPDFium(_ language: String) throws {
        let heading = language == "ar" ? "أولا: النتائج" : "First: findings"
        let report = """
            {"template": {"name": "correspondence", "letterhead": {"arabic": "الحرس الوطني — ولاية ميسيسيبي",
              "english": "Mississippi National Guard"}},
             "title": "موجز", "date": "2026-10-01", "language": "\(language)", "body": [{"heading": "\(heading)"}, {"paragraph": "فقرة."}]}
            """
        let pdfium = try Self.pdfiumText(ofReport: report)
        for token in ["الحرس الوطني — ولاية ميسيسيبي", "Mississippi National Guard", heading] {
            #expect(pdfium.contains(TestSupport.fidelityNormalised(token)), "\(language): \(token) in \(pdfium)")
        }
    }

    /// A letterhead whose one name wraps on two lines: each name's block is centred, so the other name's baseline stands
    /// between the two (6.9 pt from the first), farther than PDFium joins baselines by, but within the first line's
    /// glyphs, and PDFium read the two names as one line all the same: the Arabic name came back turned around
    /// (`المالية وزارة Ministry of Finance — P.O.`, and `4521 ب.ص — المالية وزارة` with its box number; a held-out brief,
    /// round copy34). Both come back as written, in reports of both languages, and poppler's reading is as before.
    @Test(arguments: ["ar", "en"])
    func aLetterheadWhoseNameWrapsCopiesBackFromPDFium(_ language: String) throws {
        for (arabic, english) in [("وزارة المالية — ص.ب 4521", "Ministry of Finance — P.O. Box 4521"),
                                  ("وزارة المالية", "Ministry of Finance — P.O. Box 4521"),
                                  ("وزارة المالية والاقتصاد الوطني والتخطيط — ص.ب ٤٥٢١", "Ministry of Finance")] {
            let report = """
                {"template": {"name": "correspondence", "letterhead": {"arabic": "\(arabic)", "english": "\(english)"}},
                 "title": "موجز", "date": "2026-10-01", "language": "\(language)", "convert-digits": false,
                 "body": [{"paragraph": "فقرة."}]}
                """
            let pdf = try Self.renderedPDF(ofReport: report)
            let pdfium = TestSupport.fidelityNormalised(try TestSupport.pdfiumText(pdf))
            let poppler = TestSupport.fidelityNormalised(try TestSupport.pdfText(pdf))
            for token in ([arabic] + english.split(separator: " — ").map(String.init)).map(TestSupport.fidelityNormalised) {
                #expect(pdfium.contains(token), "\(language), PDFium: \(token) in \(pdfium)")
            }
            // poppler gives each line back on its own: the names whole where they stand on one line.
            #expect(poppler.contains(TestSupport.fidelityNormalised(arabic)) || arabic.count > 30, "\(language), poppler: \(arabic) in \(poppler)")
        }
    }

    /// A table's header row of right-to-left cells with no object that is not right to left (one-letter cells `أ`, `ب`,
    /// `ج`, each a text object of one glyph): left as drawn, PDFium copied it a cell a line, left to right (`ج`, `ب`, `أ`),
    /// on the pages of a long table, and a header of words ran two cells together (`الفرع النسبةالرمز التاريخ`). Its first
    /// object carries its text now: each page's header comes back as one line, as written.
    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func aHeaderRowOfArabicCellsWithNoCarrierCopiesBackFromPDFium(_ family: String) throws {
        for columns in [["أ", "ب", "ج"], ["الفرع", "الرمز", "النسبة", "التاريخ"]] {
            let rows = (1...59).map { n in "[" + columns.indices.map { $0 == 0 ? "\"الرمز (Q\(n % 4 + 1))\"" : "\"\(n)\"" }.joined(separator: ", ") + "]" }
            let report = """
                {"template": {"name": "briefing", "fonts": {"arabic": "\(family)"}, "page": {"size": "A5"}}, "title": "تجربة",
                 "date": "2026-12-03", "language": "ar", "numerals": "latin", "convert-digits": false,
                 "body": [{"table": {"columns": [\(columns.map { "\"\($0)\"" }.joined(separator: ", "))], "rows": [\(rows.joined(separator: ", "))]}}]}
                """
            let folder = try TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let source = folder.appendingPathComponent("report.json"), pdf = folder.appendingPathComponent("report.pdf")
            try Data(report.utf8).write(to: source)
            try TestSupport.renderer().render(reportAt: source, to: pdf)
            let pages = try TestSupport.pdfiumPages(pdf)
            #expect(pages.count > 2, "\(pages.count) pages")
            for (number, page) in pages.enumerated() {
                let lines = page.split(whereSeparator: \.isNewline).map { TestSupport.fidelityNormalised(String($0)) }
                #expect(lines.contains(columns.joined(separator: " ")), "\(family), page \(number + 1): \(lines.prefix(6))")
            }
        }
    }

    /// Curly quotes in both directions, in paragraphs and table cells (round copy25): PDFium mirrors `‘` `’` and `“` `”` as
    /// it mirrors brackets (its table `kFXTextLayoutBidiMirror` has them as pairs; Unicode does not), so `“Partnership for
    /// Peace”` in an Arabic line came back `”Partnership for Peace”` and `“العلم نور”` in an English one `“العلم نور“`.
    /// `PDFiumLine.mirror` now follows PDFium's table; `„` `‚` have no mirror, `«` `»` `‹` `›` had theirs already.
    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func curlyQuotesCopyBackFromPDFiumInBothDirections(_ family: String) throws {
        #expect(PDFiumLine.mirror("\u{201C}") == "\u{201D}" && PDFiumLine.mirror("\u{2019}") == "\u{2018}")
        #expect(PDFiumLine.mirror("\u{201E}") == "\u{201E}" && PDFiumLine.mirror("\u{2264}") == "\u{2265}" && PDFiumLine.mirror("ب") == "ب")
        let arabic = """
            {"template": {"name": "briefing", "fonts": {"arabic": "\(family)"}}, "title": "اقتباسات", "date": "2026-12-03",
             "language": "ar", "convert-digits": false, "body": [
               {"paragraph": "وصف الوزير البرنامج بأنه “Partnership for Peace” وأضاف أنه مهم."},
               {"paragraph": "قال “شراكة من أجل السلام” ثم ‘نعم’ وانتهى الاجتماع."},
               {"paragraph": "ذكر ‹Guil› و«Guillemets» و„Low“ و‚single‘ في الوثيقة."},
               {"paragraph": "اقتبس ‘Open Door’ و„سلام“ و‹أمن› و‚حسنا‘ في الختام."},
               {"table": {"columns": ["البند", "الاقتباس"], "rows": [["الأول", "“Partnership for Peace”"], ["الثاني", "‘نعم’ و“لا”"]]}}]}
            """
        let english = """
            {"template": {"name": "briefing", "fonts": {"arabic": "\(family)"}}, "title": "Quotes", "date": "2026-12-03",
             "language": "en", "convert-digits": false, "body": [
               {"paragraph": "Its motto “العلم نور” appears on the gate."},
               {"paragraph": "It was called ‘الأمن’ and «الخدمات» and ‹وثيقة› and „سلام“ and ‚نعم‘ here."},
               {"table": {"columns": ["Item", "Quote"], "rows": [["First", "“العلم نور”"], ["Second", "‘نعم’ and “لا”"]]}}]}
            """
        for (report, tokens) in [(arabic, ["بأنه “Partnership for Peace” وأضاف", "قال “شراكة من أجل السلام” ثم ‘نعم’ وانتهى",
                                           "ذكر ‹Guil› و«Guillemets» و„Low“ و‚single‘ في", "اقتبس ‘Open Door’ و„سلام“ و‹أمن› و‚حسنا‘ في",
                                           "الأول “Partnership for Peace”", "الثاني ‘نعم’ و“لا”"]),
                                 (english, ["motto “العلم نور” appears", "called ‘الأمن’ and «الخدمات» and ‹وثيقة› and „سلام“ and ‚نعم‘ here",
                                            "First “العلم نور”", "Second ‘نعم’ and “لا”"])] {
            let pdfium = try Self.pdfiumText(ofReport: report)
            for token in tokens {
                #expect(pdfium.contains(TestSupport.fidelityNormalised(token)), "\(family): \(token) in \(pdfium)")
            }
        }
    }

    /// Each object of a line gets its own characters of the line's text, cut from the text PDFium is handed whole, in the
    /// order PDFium reads the objects (left to right), a right-to-left object's turned around as PDFium turns it; read
    /// back by the model (each object's piece as PDFium takes it, then its pass over the line) they are the line's text.
    @Test func eachObjectOfALineGetsItsOwnPieceOfItsText() throws {
        func readBack(_ slices: [[Unicode.Scalar]?], _ objects: [String]) -> String {
            let taken = zip(slices, objects).compactMap { slice, object in
                slice.map { PDFiumLine.isRightToLeft(object) ? Array($0.reversed()) : $0 }
            }
            return string(PDFiumLine.read(Array(taken.map(string).joined(separator: " ").unicodeScalars))).filter { $0 != " " }
        }
        // `شراكة مع ١٠٦ دولة.`: the words' glyphs as drawn left to right, each word an object.
        let objects = [".", "ةلود", "١٠٦", "عم", "ةكارش"]
        let slices = try #require(PDFiumLine.slices(for: scalars("شراكة مع ١٠٦ دولة."), objects: objects))
        #expect(slices.map { $0.map(string) } == [".", "ةلود", "١٠٦", "عم", "ةكارش"])
        #expect(readBack(slices, objects) == "شراكةمع١٠٦دولة.")
        // A number and the full stop after it are one run to PDFium, drawn as two objects: the stop carries both.
        let grouped = ["دقو", ".", "٢٠٢١", "ماع", "يف"]
        let groupedSlices = try #require(PDFiumLine.slices(for: scalars("في عام ٢٠٢١. وقد"), objects: grouped))
        #expect(groupedSlices.map { $0.map(string) } == ["دقو", "٢٠٢١.", nil, "ماع", "يف"])
        #expect(readBack(groupedSlices, grouped) == "فيعام٢٠٢١.وقد")
        // A kashida drawn to justify the line is left out; a space drawn with a colon kept. A word drawn in several
        // objects (cut by its kashida) is carried whole by its first: PDFium reads its pieces in the objects' order, so
        // none can hold its own characters.
        let justified = ["ةكار", "ـش", "لا", " :", "الوأ"]
        let justifiedSlices = try #require(PDFiumLine.slices(for: scalars("أولا: الشراكة"), objects: justified))
        #expect(justifiedSlices.map { $0.map(string) } == ["ةكارشلا", nil, nil, " :", "الوأ"])
        #expect(readBack(justifiedSlices, justified) == "أولا:الشراكة")
        // Handed whole: a Latin letter, a hyphen or a bracket in the line; a number first whose glyphs do not read as
        // its piece (PDFium may turn an /ActualText there around after the line before; a number read from its glyphs
        // it does not); an object whose glyphs are not named by the line's characters.
        #expect(PDFiumLine.slices(for: scalars("برنامج Alpha"), objects: ["Alpha", "جمانرب"]) == nil)
        #expect(PDFiumLine.slices(for: scalars("الأمن-الأول"), objects: ["لوألا-", "نمألا"]) == nil)
        #expect(PDFiumLine.slices(for: scalars("الفرع (أ)"), objects: [")أ(", "عرفلا"]) == nil)
        #expect(PDFiumLine.slices(for: scalars("بدأت عام ٢٠١٢"), objects: ["٢١٠٢", "ماع", "تأدب"]) == nil)
        #expect(PDFiumLine.slices(for: scalars("بدأت عام ٢٠١٢"), objects: ["٢٠١٢", "ماع", "تأدب"]) != nil)
        #expect(PDFiumLine.slices(for: scalars("لله الحمد"), objects: ["دمحلا", "ﷲ"]) == nil)
    }

    /// Objects carried together by one whose glyphs end in a space: `مؤشرات ∑ = 1,250` drawn `1,250`, ` = `, `∑` (a font
    /// of symbols), a space, the word, where ` = ` carries `∑` with it. PDFium takes the carrier's own space for read and
    /// drops the space drawn after the group, so the carrier's piece takes the space of the handed text after it, as an
    /// object alone whose glyphs end in one does; carried without it (the rule looked at the group's last object, `∑`),
    /// the line came back `مؤشرات ∑ =1,250`.
    @Test func aCarrierEndingInASpaceKeepsTheSpaceAfterItsGroup() throws {
        let objects = ["1,250", " = ", "∑", "تارشؤم"]
        let slices = try #require(PDFiumLine.slices(for: scalars("مؤشرات ∑ = 1,250"), objects: objects))
        #expect(slices.map { $0.map(string) } == ["1,250", " ∑ = ", nil, "تارشؤم"])
        let paragraph = "يعمل البرنامج منذ أكثر من ثلاثين عاما ويضم اليوم شراكات عديدة مع دول كثيرة حول العالم وقد أطلقته "
            + "الوزارة لبناء العلاقات وشارك فيه جنود كثيرون في تمارين عديدة خلال الأعوام الماضية في الولاية."
        let report = """
            {"template": {"name": "briefing", "fonts": {"arabic": "Noto Naskh Arabic"}}, "title": "الملخص", "date": "2026-12-04",
             "language": "ar", "convert-digits": false, "body": [{"paragraph": "\(paragraph)"},
               {"facts": {"title": "مؤشرات ∑ = 1,250", "items": [{"label": "المدة", "value": "12"}]}}, {"paragraph": "\(paragraph)"}]}
            """
        let pdfium = try Self.pdfiumText(ofReport: report)
        #expect(pdfium.contains(TestSupport.fidelityNormalised("مؤشرات ∑ = 1,250")), "\(pdfium)")
    }

    /// A group of objects with a space before it that runs into the word after it (`كغ/م³،`: the comma and Amiri's
    /// superscript drawn as two objects left of `م`) is carried by its last object, beside the word: carried by the
    /// comma, PDFium found the superscript's width between its piece and the word and put a space there (round copy40,
    /// `كغ/م ³،` in Amiri). A group with the space after it (`٢٠٢١.`) is still carried by its first.
    @Test func aGroupRunningIntoTheWordAfterItIsCarriedBesideIt() throws {
        let objects = ["ةفاسملاو", " ", "،", "³", "م/غك"]
        let slices = try #require(PDFiumLine.slices(for: scalars("كغ/م³، والمسافة"), objects: objects))
        #expect(slices[2] == nil && slices[3] != nil, "\(slices.map { $0.map(string) })")
        let grouped = try #require(PDFiumLine.slices(for: scalars("في عام ٢٠٢١. وقد"), objects: ["دقو", ".", "٢٠٢١", "ماع", "يف"]))
        #expect(grouped[1] != nil && grouped[2] == nil)
        let report = """
            {"template": {"name": "briefing", "fonts": {"arabic": "Amiri"}}, "title": "الكثافة", "date": "2026-12-05",
             "language": "ar", "convert-digits": false, "body": [
               {"paragraph": "بلغ تركيز الجسيمات 25 µg/m³ والتدفق 3.5 m³/s والتسارع 9.81 m/s²، والنسبة ٣٫٥؉ و2.5‰ و0.3‱، والحرارة 21 ℃، والكثافة ١٠٠٠ كغ/م³، والمسافة ⅛ ميل."}]}
            """
        let pdfium = try Self.pdfiumText(ofReport: report)
        #expect(pdfium.contains(TestSupport.fidelityNormalised("١٠٠٠ كغ/م³، والمسافة")), "\(pdfium)")
    }

    /// A character PDFium gives back decomposed when it reads it in a right-to-left run (`⅓`, `℃`, `№`, `…`, neutrals with
    /// a compatibility decomposition) is handed after a left-to-right mark, so that it stands in a run PDFium reads left to
    /// right and keeps as it is (round copy40: `(⅓ المدة)` came back `(1/3 المدة)`, `21 ℃` `21 °C`, `№ 5` `No 5`).
    /// Letters, digits, white space and Arabic presentation forms (right to left themselves) get none.
    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func charactersPDFiumDecomposesAreHandedAfterAMark(_ family: String) throws {
        #expect(string(PDFiumLine.markingDecomposable(scalars("الثاني (⅓ المدة) و21 ℃"))) == "الثاني (\u{200E}⅓ المدة) و21 \u{200E}℃")
        let unmarked = "الحرارة ٢١ درجة، ﷼ ٢٥٠ و25 µg/m³ و\u{A0}النسبة"
        #expect(PDFiumLine.markingDecomposable(scalars(unmarked)) == scalars(unmarked))
        let report = """
            {"template": {"name": "briefing", "fonts": {"arabic": "\(family)"}}, "title": "التقرير الربع الأول (⅓ المدة)",
             "date": "2026-12-05", "language": "ar", "convert-digits": false, "body": [
               {"paragraph": "بلغت الحرارة 21 ℃، وصدر القرار رقم № 5 والمسافة ⅛ ميل، وقيل غير ذلك…"}]}
            """
        let pdfium = try Self.pdfiumText(ofReport: report)
        for token in ["(⅓ المدة)", "21 ℃،", "№ 5", "⅛ ميل،", "ذلك…"] {
            #expect(pdfium.contains(TestSupport.fidelityNormalised(token)), "\(family): \(token) in \(pdfium)")
        }
    }

    /// The characters PDFium gives back of a right-to-left line sit over that line (a selection in Chrome of part of it, or
    /// of one cell, copies what it covers): each object of a line that needs its text handed to PDFium (a number, a full
    /// stop) carries its own piece of the line's text (`PDFiumLine.slices`), where one carrier held
    /// the whole line and PDFium spread its characters over that one object (a paragraph's line over its full stop, 3 pt
    /// wide). Each such line's characters (by the middle of their boxes, between its top and bottom) come back as its text
    /// and stand within its width, and those of most lines cover most of it (a line whose leftmost object is a number,
    /// `٢٠٢١.`, is still handed whole: PDFium may read such an object's piece turned around); a word's characters in
    /// PDFium's boxes left to right are measured by bench/fidelity/selection.py.
    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func theCharactersOfAnArabicLineSitOverItForPDFium(_ family: String) throws {
        let report = """
            {"template": {"name": "briefing", "fonts": {"arabic": "\(family)"}}, "title": "الشراكة", "date": "2026-12-04",
             "language": "ar", "body": [
               {"paragraph": "يعمل البرنامج منذ أكثر من ٣٠ عاما ويضم اليوم ٩٦ شراكة مع ١٠٦ دولة حول العالم. وقد أطلقته الوزارة عام ١٩٩٣ لبناء العلاقات وشارك فيه ٢٠٠ جندي في ١٢ تمرينا خلال عام ٢٠٢١ في الولاية."},
               {"paragraph": "شهدت الشراكة أكثر من ٢٠٠ نشاط ثنائي بين القادة. واستضافت الولاية ١٥ وفدا في عام ٢٠١٨ ثم ٢٢ وفدا في عام ٢٠١٩ من الشركاء."},
               {"paragraph": "وتضم القائمة ٤٥ مشروعا قائما و١٨ مشروعا جديدا ويعمل فيها ٣٢٠ موظفا في ٧ مدن مختلفة من البلاد."}]}
            """
        var measured = 0, covered = 0
        for (box, own) in try Self.linesWithTheirPDFiumCharacters(ofReport: report)
        where box.isRightToLeft && box.element != nil && box.part.text.split(separator: " ").count > 2
            && box.part.text.unicodeScalars.contains(where: { ("\u{660}"..."\u{669}").contains($0) || $0 == "." }) {
            let text = TestSupport.fidelityNormalised(own.map(\.text).joined()).filter { $0 != " " }
            #expect(text == TestSupport.fidelityNormalised(box.part.text).filter { $0 != " " }, "\(family): \(box.part.text)")
            guard let left = own.map(\.left).min(), let right = own.map(\.right).max() else { continue }
            #expect(left > box.part.x - 1 && right < box.part.x + box.width + 1, "\(family): \(box.part.text)")
            if right - left > 0.8 * box.width { covered += 1 }
            measured += 1
        }
        // The report as the test means it: lines of numbers and full stops.
        #expect(measured >= 4)
        #expect(covered >= measured - 2, "\(family): \(covered) of \(measured) lines")
    }

    /// A line whose glyphs the text layer renamed (`TextLayerPlan.characterRenames`: Noto Naskh Arabic's contextual forms,
    /// first drawn in a vowelled word's span, named by presentation forms, ﻟ for ل, and named back in the fonts'
    /// /ToUnicode maps) is handed to PDFium object by object too: the model reads its objects' glyphs as the rewritten
    /// maps name them. Read as cairo named them, no object matched its piece and one carrier, the line's number, held the
    /// whole line's text (its characters over 14 pt of a 460 pt line: `corpus-ar`, `twelfth-ar`, `eighth-ar`).
    @Test func aLineOfRenamedGlyphsIsHandedToPDFiumObjectByObject() throws {
        let report = """
            {"template": {"name": "briefing", "fonts": {"arabic": "Noto Naskh Arabic"}}, "title": "الشراكة", "date": "2026-12-05",
             "language": "ar", "body": [
               {"paragraph": "قال تعالى: إِنَّ العِلْمَ نُورٌ وَالمُعَلِّمُ مِصْبَاحٌ."},
               {"paragraph": "يعمل المعلم منذ أكثر من ٣٠ عاما في العلم ويضم البرنامج اليوم ٩٦ معلما مع ١٠٦ دولة حول العالم."}]}
            """
        let lines = try Self.linesWithTheirPDFiumCharacters(ofReport: report).filter { $0.box.part.text.contains("١٠٦") }
        #expect(lines.count == 1)
        for (box, own) in lines {
            let text = TestSupport.fidelityNormalised(own.map(\.text).joined()).filter { $0 != " " }
            #expect(text == TestSupport.fidelityNormalised(box.part.text).filter { $0 != " " }, "\(box.part.text)")
            let left = own.map(\.left).min() ?? 0, right = own.map(\.right).max() ?? 0
            #expect(right - left > 0.8 * box.width, "\(box.part.text): its characters over \(left)–\(right)")
        }
    }

    /// Each line of `report` (JSON) rendered, as the layout drew it, with the characters PDFium gives back whose boxes'
    /// middles lie between its top and bottom (spaces left out).
    static func linesWithTheirPDFiumCharacters(ofReport report: String) throws
        -> [(box: LineOracle.Box, own: [TestSupport.PDFiumCharacter])] {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (pdf, pages) = try LineOracle.boxes(ofReport: report, in: folder)
        let characters = try TestSupport.pdfiumCharacters(pdf)
        return zip(pages, characters).flatMap { boxes, characters in
            boxes.map { box in
                (box, characters.filter { character in
                    let middle = (character.top + character.bottom) / 2
                    return character.text != " " && middle > box.part.y - box.ascent && middle < box.part.y + box.descent
                })
            }
        }
    }

    /// What PDFium copies of `report` (JSON) rendered, normalised as tokens are compared; the PDF checked first.
    static func pdfiumText(ofReport report: String) throws -> String {
        let pdf = try renderedPDF(ofReport: report)
        try TestSupport.inspectPDF(pdf)
        return TestSupport.fidelityNormalised(try TestSupport.pdfiumText(pdf))
    }

    /// `report` (JSON) rendered, in a folder of its own.
    static func renderedPDF(ofReport report: String) throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        let source = folder.appendingPathComponent("report.json"), pdf = folder.appendingPathComponent("report.pdf")
        try Data(report.utf8).write(to: source)
        try TestSupport.renderer().render(reportAt: source, to: pdf)
        return pdf
    }
}
