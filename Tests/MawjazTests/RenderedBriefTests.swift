// The default brief as a PDF: valid, fonts embedded, the Arabic copied back whole, the same bytes twice.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct RenderedBriefTests {
    let folder: URL
    let pdf: URL
    let renderer: BriefingRenderer

    init() throws {
        renderer = try TestSupport.renderer()
        folder = try TestSupport.temporaryFolder()
        pdf = folder.appendingPathComponent("brief.pdf")
        try renderer.render(reportAt: TestSupport.defaultReport, to: pdf)
    }

    @Test func qpdfPypdfAndPdfminerFindNothingWrong() throws {
        try TestSupport.inspectPDF(pdf)
    }

    @Test func everyFontIsEmbeddedAndBundled() throws {
        let fonts = try TestSupport.fonts(pdf)
        #expect(!fonts.isEmpty)
        for font in fonts {
            #expect(font.embedded, "\(font.name)")
            #expect(font.name.contains("NotoNaskhArabic") || font.name.contains("NotoSans") || font.name.contains("Amiri"), "\(font.name)")
        }
    }

    @Test func popplerGivesEveryWordOfTheArticleBackInOrder() throws {
        let article = try String(contentsOf: TestSupport.article, encoding: .utf8)
        let source = TestSupport.arabicWords(article)
        #expect(source.count > 300)
        for layout in [false, true] {
            let extracted = TestSupport.arabicWords(try TestSupport.pdfText(pdf, layout: layout))
            #expect(TestSupport.recall(of: source, in: extracted) == 1, "pdftotext\(layout ? " -layout" : "")")
        }
    }

    @Test func kashidasAreNotCopied() throws {
        // The brief is justified with kashida (see the layout tests): no tatweel reaches the text layer.
        #expect(!(try TestSupport.pdfText(pdf)).contains("\u{0640}"))
    }

    @Test func eachParagraphComesBackAsWritten() throws {
        // Lines are joined with spaces; the words and their order must be the article's, lam-alef included.
        let text = try TestSupport.pdfText(pdf).replacingOccurrences(of: "\n", with: " ")
        let normalised = TestSupport.arabicWords(text).joined(separator: " ")
        let article = try String(contentsOf: TestSupport.article, encoding: .utf8)
        for paragraph in article.split(separator: "\n") {
            let words = TestSupport.arabicWords(String(paragraph)).joined(separator: " ")
            #expect(normalised.contains(words), "\(paragraph.prefix(40))")
        }
    }

    /// The header's date and the page numbers come back on one line each, from poppler and from PDFium: poppler was
    /// handed `١٥ سبتمبر ٢٠٢٤` in two pieces, one under the other (cut after the day), and copied the day on a line of
    /// its own; so too the dual date's Gregorian and Hijri halves and `صفحة ١ من ٣`.
    @Test func theDateAndPageNumbersComeBackOnOneLine() throws {
        let dual = try TestSupport.folder(with: ["report.yaml": """
            template: briefing
            title: "موجز تجريبي"
            date: 2024-09-15
            date-style: dual
            language: ar
            body:
              - paragraph: "نص قصير."
            """])
        let dualPDF = folder.appendingPathComponent("dual.pdf")
        try renderer.render(reportAt: dual.appendingPathComponent("report.yaml"), to: dualPDF)
        for (file, lines) in [(pdf, ["١٥ سبتمبر ٢٠٢٤", "صفحة ١ من ٣"]), (dualPDF, ["١٥ سبتمبر ٢٠٢٤م الموافق ١٢ ربيع الأول ١٤٤٦هـ", "صفحة ١ من ١"])] {
            for (reader, text) in [("pdftotext", try TestSupport.pdfText(file)), ("pdftotext -layout", try TestSupport.pdfText(file, layout: true)),
                                   ("PDFium", try TestSupport.pdfiumText(file))] {
                let read = TestSupport.visibleText(text).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                for line in lines {
                    #expect(read.contains { $0 == line || $0.hasPrefix(line + " ") || $0.hasSuffix(" " + line) || $0.contains(" " + line + " ") },
                            "\(reader) \(file.lastPathComponent): \(line)")
                }
            }
        }
    }

    /// What Evince copies of a drag over a whole page (poppler-glib's selection text, which writes a line word by word
    /// and not as pdftotext does) keeps every space and the order of every line: it lost the space after each right-to-left
    /// line's first word (`غيرسري`, `حقائقرئيسية`, `شراكةالحرس الوطني`) and copied a Latin line on an Arabic page from its
    /// last word (`BranchMain`, the English paragraph `andTashkent in 2024, … network The`), and a row's Arabic cell of two
    /// words, which shares its baseline with the row's other cells, lost it until its mark stood close to its right end
    /// (`طشقندالعاصمة`: such a line got no mark, `ReaderLine.closeSelectionMark`).
    @Test func aSelectionOfAPageKeepsEachLinesSpacesAndOrder() throws {
        let mixed = try TestSupport.folder(with: ["report.yaml": """
            template: briefing
            title: "موجز تجريبي"
            date: 2024-09-15
            language: ar
            body:
              - paragraph: "The network hosted more than 200 exchanges between 2012 and 2024."
              - table:
                  columns: ["الفرع", "المدينة"]
                  rows:
                    - ["Main Branch", "طشقند العاصمة"]
            """])
        let mixedPDF = folder.appendingPathComponent("mixed.pdf")
        try renderer.render(reportAt: mixed.appendingPathComponent("report.yaml"), to: mixedPDF)
        for (file, texts) in [(pdf, ["غير سري", "حقائق رئيسية", "شراكة الحرس الوطني في ميسيسيبي وأوزبكستان"]),
                              (mixedPDF, ["The network hosted more than 200 exchanges between 2012 and 2024.", "Main Branch", "طشقند العاصمة"])] {
            let copied = TestSupport.fidelityNormalised(try TestSupport.popplerSelectionPages(file).joined(separator: "\n"))
            for text in texts {
                #expect(copied.contains(TestSupport.fidelityNormalised(text)), "\(file.lastPathComponent): \(text)")
            }
        }
        // The article's paragraphs, their Arabic words in order (its digits are converted on the page).
        let copied = TestSupport.arabicWords(try TestSupport.popplerSelectionPages(pdf).joined(separator: " ")).joined(separator: " ")
        for paragraph in try String(contentsOf: TestSupport.article, encoding: .utf8).split(separator: "\n") {
            #expect(copied.contains(TestSupport.arabicWords(String(paragraph)).joined(separator: " ")), "\(paragraph.prefix(40))")
        }
    }

    /// A signature's name after an abbreviation with a full stop (`د. خالد …`) comes back on one line from poppler and
    /// from PDFium: poppler was handed it cut after the stop, the two pieces one under the other, and copied `د.` on a
    /// line of its own (copy25's build, on the sample letter signed so; one line since round copy24's single carriers).
    @Test func aSignatureAfterAnAbbreviationComesBackOnOneLine() throws {
        let names = ["د. خالد بن سعيد العتيبي", "م. سارة أ. الحربي", "أ.د. محمد ص. القحطاني"]
        let letter = try TestSupport.folder(with: ["report.yaml": """
            template: correspondence
            title: "خطاب"
            date: 2024-09-15
            language: ar
            body:
              - paragraph: "وتفضلوا بقبول فائق الاحترام والتقدير،"
              - signature:
                  name: "\(names[0])"
                  title: "\(names[1])"
                  organisation: "\(names[2])"
            """])
        let file = letter.appendingPathComponent("letter.pdf")
        try renderer.render(reportAt: letter.appendingPathComponent("report.yaml"), to: file)
        for (reader, text) in [("pdftotext", try TestSupport.pdfText(file)), ("pdftotext -layout", try TestSupport.pdfText(file, layout: true)),
                               ("PDFium", try TestSupport.pdfiumText(file))] {
            let read = TestSupport.visibleText(text).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            for name in names {
                #expect(read.contains(name), "\(reader): \(name) in \(read)")
            }
        }
    }

    /// A table whose date cells poppler is handed on lines of their own reads row by row: the lines are handed where
    /// they are drawn, at their size and over their width, where carriers a fifth of the size at each line's start made
    /// the dates a block of their own, read before every row's other cells.
    @Test func aTableOfDatesIsReadRowByRow() throws {
        let rows = [("١٥ سبتمبر ٢٠٢٤", "زيارة ميدانية إلى المستودع"), ("٣ أكتوبر ٢٠٢٤", "اجتماع لجنة التخطيط"),
                    ("٢٠ نوفمبر ٢٠٢٤", "تمرين مشترك للاستجابة"), ("٥ ديسمبر ٢٠٢٤", "ورشة عمل عن الصيانة")]
        let table = try TestSupport.folder(with: ["report.yaml": """
            template: briefing
            title: "جدول الأنشطة"
            date: 2024-09-15
            language: ar
            body:
              - table:
                  columns: ["التاريخ", "النشاط"]
                  rows:
            \(rows.map { "          - [\"\($0.0)\", \"\($0.1)\"]" }.joined(separator: "\n"))
            """])
        let tablePDF = folder.appendingPathComponent("table.pdf")
        try renderer.render(reportAt: table.appendingPathComponent("report.yaml"), to: tablePDF)
        let read = TestSupport.visibleText(try TestSupport.pdfText(tablePDF)).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let cells = rows.flatMap { [$0.0, $0.1] }
        let order = cells.compactMap { cell in read.firstIndex(of: cell) }
        #expect(order.count == cells.count && order == order.sorted(), "\(read)")
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let second = folder.appendingPathComponent("again.pdf")
        try renderer.render(reportAt: TestSupport.defaultReport, to: second)
        let fresh = try TestSupport.renderer()
        let third = folder.appendingPathComponent("fresh.pdf")
        try fresh.render(reportAt: TestSupport.defaultReport, to: third)
        let bytes = try Data(contentsOf: pdf)
        #expect(try Data(contentsOf: second) == bytes)
        #expect(try Data(contentsOf: third) == bytes)
    }

    @Test func metadataComesFromTheReport() throws {
        let info = try TestSupport.run("pdfinfo", [pdf.path]).output
        #expect(info.contains("Title:           شراكة الحرس الوطني في ميسيسيبي وأوزبكستان"))
        #expect(info.contains("Creator:         Mawjaz"))
        #expect(info.contains("Pages:           3"))
        #expect(info.contains("CreationDate:    Sun Sep 15 00:00:00 2024 UTC"))
    }

    @Test func pngAndSvgPagesLikeThePDF() throws {
        let png = try renderer.render(reportAt: TestSupport.defaultReport, to: folder.appendingPathComponent("page.png"), dpi: 50)
        #expect(png.files.map(\.lastPathComponent) == ["page-1.png", "page-2.png", "page-3.png"])
        let header = try Data(contentsOf: png.files[0]).prefix(24)
        #expect(header.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let width = header[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == Int((595.28 * 50 / 72).rounded(.up)))
        let svg = try renderer.render(reportAt: TestSupport.defaultReport, to: folder.appendingPathComponent("page.svg"))
        #expect(svg.files.count == 3)
        let text = try String(contentsOf: svg.files[0], encoding: .utf8)
        #expect(text.contains("<svg") && text.contains("width=\"595.28pt\""))
        #expect(text.contains("rgb(100%,100%,100%)"), "the page is white, not transparent")
    }
}
