// A line-by-line oracle for PDFium: a report laid out through the library (its frames are plain values), every text line's
// logical text taken from them, the PDF drawn from the same pages, and each line looked for, whole, in one of the lines
// PDFium copies of its page. Run here on reports that failed it; bench/fidelity/lines.py runs it over every sample,
// fixture and corpus and many generated variants (the sweep below writes what it needs).
import Foundation
import Mawjaz
import MawjazFrame
@testable import MawjazRender
import Testing
import TestSupport

/// A report's text lines, page by page, and what PDFium copies of them.
enum LineOracle {
    /// Lays out the report at `source`, draws its pages to `pdf`, and hands back each page's text lines: their logical
    /// text as the fidelity check compares it (white space collapsed), blank ones left out. A line of several parts on
    /// one baseline (a running head's two ends, a table row's cells) is each part.
    static func lines(ofReportAt source: URL, drawingTo pdf: URL) throws -> [[String]] {
        try texts(ofReportAt: source, drawingTo: pdf).map { $0.map(TestSupport.fidelityNormalised).filter { !$0.isEmpty } }
    }

    /// Each page's text lines as laid out (their logical text untouched), the pages drawn to `pdf`.
    static func texts(ofReportAt source: URL, drawingTo pdf: URL) throws -> [[String]] {
        try parts(ofReportAt: source, drawingTo: pdf).map { $0.map(\.text) }
    }

    /// A text line as laid out: its baseline's left end on the page and its logical text, untouched.
    struct Part {
        let x: Double, y: Double, text: String
    }

    /// Each page's text lines with their places, in painting order, the pages drawn to `pdf`.
    static func parts(ofReportAt source: URL, drawingTo pdf: URL) throws -> [[Part]] {
        try boxes(ofReportAt: source, drawingTo: pdf).map { $0.map(\.part) }
    }

    /// A text line as laid out with its box and the element it stands in: the innermost structure element open around
    /// it (its number in opening order and its role), or, for page furniture (running heads and feet, a chart's labels,
    /// a banner), nil.
    struct Box {
        let part: Part
        let width: Double, ascent: Double, descent: Double, isRightToLeft: Bool
        let element: (number: Int, role: StructureRole)?
    }

    /// Each page's text lines with their boxes and elements, in painting order, the pages drawn to `pdf`.
    static func boxes(ofReportAt source: URL, drawingTo pdf: URL) throws -> [[Box]] {
        let renderer = try TestSupport.renderer()
        let document = try renderer.layout(try renderer.bind(try renderer.load(reportAt: source).report)).document
        _ = try Renderer().write(document, to: pdf, format: .pdf)
        var walker = StructureWalker()
        return try document.pages.map { page in
            try page.frame.items.compactMap { placed -> Box? in
                let step = try walker.step(placed.item)
                guard case .text(let line) = placed.item else { return nil }
                return Box(part: Part(x: placed.position.x, y: placed.position.y, text: line.text), width: line.width,
                           ascent: line.ascent, descent: line.descent, isRightToLeft: line.isRightToLeft,
                           element: step == .furniture ? nil : walker.current)
            }
        }
    }

    /// `boxes(ofReportAt:drawingTo:)` of a report given as JSON text, written and drawn in `folder`; with the PDF drawn.
    static func boxes(ofReport report: String, in folder: URL) throws -> (pdf: URL, pages: [[Box]]) {
        let source = folder.appendingPathComponent("report.json"), pdf = folder.appendingPathComponent("report.pdf")
        try Data(report.utf8).write(to: source)
        return (pdf, try boxes(ofReportAt: source, drawingTo: pdf))
    }

    /// The baselines of several parts (a table's row, a running head's two ends; page numbers from 1) that PDFium does
    /// not copy back apart: a part not found whole within one of its page's lines with white space or the line's end on
    /// either side, or two neighbouring parts (left to right) found one straight after the other more often than the
    /// page's own lines hold them so (`2015` is a chart's axis labels `20` and `15` run together, and a year under it).
    /// Parts are on one baseline when their baselines stand less than 2 pt apart (a row's Arabic cells in Amiri sit
    /// 0.3 pt below its Latin ones). As bench/fidelity/lines.py's `run_together`.
    static func runTogether(_ pages: [[Part]], pdfiumPages: [String]) -> [(page: Int, parts: [String])] {
        var found: [(page: Int, parts: [String])] = []
        for (index, parts) in pages.enumerated() {
            let copied = index < pdfiumPages.count ? pdfiumPages[index].split(whereSeparator: \.isNewline).map {
                " " + TestSupport.fidelityNormalised(String($0)) + " "
            } : []
            let own = parts.map { TestSupport.fidelityNormalised($0.text) }
            func count(_ text: String, in lines: [String]) -> Int {
                lines.reduce(0) { $0 + $1.components(separatedBy: text).count - 1 }
            }
            var baselines: [(y: Double, parts: [Part])] = []
            for part in parts.sorted(by: { $0.y < $1.y }) where !TestSupport.fidelityNormalised(part.text).isEmpty {
                if let last = baselines.last, part.y - last.y < 2 {
                    baselines[baselines.count - 1].parts.append(part)
                } else {
                    baselines.append((part.y, [part]))
                }
            }
            for baseline in baselines where baseline.parts.count > 1 {
                let texts = baseline.parts.sorted { $0.x < $1.x }.map { TestSupport.fidelityNormalised($0.text) }
                let apart = texts.allSatisfy { text in copied.contains { $0.contains(" \(text) ") } }
                let glued = zip(texts, texts.dropFirst()).contains { left, right in
                    [left + right, right + left].contains { count($0, in: copied) > count($0, in: own) }
                }
                if !apart || glued { found.append((index + 1, texts)) }
            }
        }
        return found
    }

    /// The lines (page numbers from 1) not found whole within one line of what PDFium copies of their page.
    static func misses(_ lines: [[String]], pdfiumPages: [String]) -> [(page: Int, line: String)] {
        var misses: [(page: Int, line: String)] = []
        for (index, pageLines) in lines.enumerated() {
            let copied = index < pdfiumPages.count ? pdfiumPages[index].split(whereSeparator: \.isNewline).map {
                TestSupport.fidelityNormalised(String($0))
            } : []
            for line in pageLines where !copied.contains(where: { $0.contains(line) }) { misses.append((index + 1, line)) }
        }
        return misses
    }

    /// The lines (page numbers from 1) not found whole in what poppler copies of their page (`popplerPages`, pdftotext's
    /// pages), its line breaks collapsed too: poppler is handed a line it would misread as pieces on lines of their own
    /// (`ReaderLine`), as the sweep looks for them.
    static func popplerMisses(_ lines: [[String]], popplerPages: [String]) -> [(page: Int, line: String)] {
        var misses: [(page: Int, line: String)] = []
        for (index, pageLines) in lines.enumerated() {
            let copied = index < popplerPages.count ? TestSupport.fidelityNormalised(popplerPages[index]) : ""
            for line in pageLines where !copied.contains(line) { misses.append((index + 1, line)) }
        }
        return misses
    }

    /// The report `json` (written to a file first) laid out and drawn: its lines, and those poppler and PDFium do not copy
    /// back whole (`popplerMisses`, `misses`).
    static func readings(ofReport json: String) throws
        -> (lines: [[String]], poppler: [(page: Int, line: String)], pdfium: [(page: Int, line: String)]) {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("report.json"), pdf = folder.appendingPathComponent("report.pdf")
        try Data(json.utf8).write(to: source)
        let lines = try lines(ofReportAt: source, drawingTo: pdf)
        return (lines, popplerMisses(lines, popplerPages: try TestSupport.pdfText(pdf).components(separatedBy: "\u{0C}")),
                misses(lines, pdfiumPages: try TestSupport.pdfiumPages(pdf)))
    }
}

@Suite struct ReaderLineOracleTests {
    /// Reports the sweep found lines PDFium did not give back in (`bench/fidelity/lines.py`, 173 lines of 55,940 before
    /// `PDFiumLine.keepingFinalHyphen`): a table whose rows end in a cell that is a dash alone, before a paragraph, in an
    /// Arabic and an English report without a banner, in both fonts; and English words joined by hyphens, some broken at
    /// a line's end. PDFium took each such line for a word broken across lines and ran the next line into it.
    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func everyLineOfReportsThatFailedComesBackWholeFromPDFium(_ family: String) throws {
        let paragraph = "ارتفع الإنجاز إلى 87.5% وفق نظام SAP S/4HANA الذي يعمل على Ubuntu 22.04 منذ عام 2012 (انظر الملحق B)."
        var broken = 0
        for (language, cells) in [("ar", ["الفرع", "نسبة الإنجاز"]), ("en", ["Branch", "Delivery"])] {
            let report = """
                {"template": {"name": "briefing", "fonts": {"arabic": "\(family)"}, "page": {"size": "A5"}},
                 "title": "تجربة", "date": "2026-12-03", "language": "\(language)", "numerals": "latin", "convert-digits": false,
                 "body": [{"table": {"columns": ["\(cells[0])", "B", "C"], "rows": [["\(cells[0])", "12", "-"], ["-", "KPI-7", "-"],
                   ["\(cells[1])", "-", "2012"]]}}, {"paragraph": "\(paragraph)"},
                   {"paragraph": "\(Array(repeating: "active-duty and reserve-component soldiers", count: 12).joined(separator: ", "))."}]}
                """
            let folder = try TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let source = folder.appendingPathComponent("report.json"), pdf = folder.appendingPathComponent("report.pdf")
            try Data(report.utf8).write(to: source)
            let lines = try LineOracle.lines(ofReportAt: source, drawingTo: pdf)
            broken += lines.joined().filter { $0.hasSuffix("-") && $0.count > 1 }.count
            let misses = LineOracle.misses(lines, pdfiumPages: try TestSupport.pdfiumPages(pdf))
            #expect(misses.isEmpty, "\(family), \(language): \(misses)")
        }
        // The words joined by hyphens are broken at a line's end somewhere, as the test means them to be.
        #expect(broken > 0)
    }

    /// An English report's table whose first column holds Arabic cells ending in a number in brackets, `فرع جدة (18)`, on a
    /// page poppler reads right to left (more Arabic letters than Latin ones): poppler cannot give such a cell back on a
    /// line of its own (a digit, then a bracket at the line's end), and handed the row in the page's order, right to left,
    /// the cell still ended it. Handed the row in the table's order, left to right, the cell is followed by the next one
    /// (`فرع جدة (18) KPI-018 …`) and comes back whole (the sweep: 433 lines of English reports came back). Every line
    /// of the page comes back from poppler, and from PDFium within one of its lines, in both fonts.
    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func anEnglishTablesArabicCellsComeBackWholeFromPoppler(_ family: String) throws {
        let rows = (1...24).map { n in "[\"فرع جدة (\(n))\", \"KPI-\(n)\", \"\(n * 3).5%\", \"2026/\(n % 12 + 1)/\(n)\"]" }
        let report = """
            {"template": {"name": "briefing", "fonts": {"arabic": "\(family)"}}, "title": "Branches", "date": "2026-12-03",
             "language": "en", "numerals": "latin", "convert-digits": false,
             "body": [{"table": {"columns": ["Branch", "Code", "Rate", "Date"], "rows": [\(rows.joined(separator: ", "))]}}]}
            """
        let (lines, poppler, pdfium) = try LineOracle.readings(ofReport: report)
        // The page as the test means it: one page, more Arabic letters than Latin ones (`ReaderLine.letterBalance`).
        #expect(lines.count == 1 && lines[0].reduce(0) { $0 + ReaderLine.letterBalance($1) } < 0)
        #expect(poppler.isEmpty, "\(family): \(poppler)")
        #expect(pdfium.isEmpty, "\(family): \(pdfium)")
    }

    /// Two justified columns on an A5 page, whose words stand a font size apart and more (`ReaderLine.hasWideWordGap`):
    /// poppler broke such lines into blocks of a word or two at the gaps and interleaved them with the other column's
    /// (`among them`, `the`, `Governor,` on lines of their own). And a paragraph of words joined by hyphens, broken after
    /// one (`reserve-` then `component`): poppler took the line for a word broken across lines and ran the next one into
    /// it, the hyphen dropped (`reservecomponent`). Every line comes back whole from poppler, and from PDFium within one
    /// of its lines.
    @Test func justifiedColumnsAndAHyphenAtALinesEndComeBackWholeFromPoppler() throws {
        let left = "The following year, Uzbekistan hosted key leaders from the State of Mississippi, among them the Governor, the "
            + "Commissioner of Agriculture and the Adjutant General, to discuss further partnership opportunities in trade, "
            + "education and economic development."
        let right = "The Mississippi National Guard and Uzbekistan have shared a vital partnership since 2012, within the State "
            + "Partnership Program of the U.S. National Guard Bureau."
        let report = """
            {"template": {"name": "briefing", "page": {"size": "A5"}}, "title": "Columns", "date": "2026-12-03", "language": "en",
             "body": [{"columns": {"count": 2, "blocks": [{"paragraph": "\(left)"}, {"paragraph": "\(right)"}]}},
               {"paragraph": "\(Array(repeating: "active-duty and reserve-component soldiers", count: 12).joined(separator: ", "))."}]}
            """
        let (lines, poppler, pdfium) = try LineOracle.readings(ofReport: report)
        // The page as the test means it: a line ending in a hyphen after a letter.
        #expect(lines.joined().contains { $0.hasSuffix("-") && $0.count > 1 })
        #expect(poppler.isEmpty, "\(poppler)")
        #expect(pdfium.isEmpty, "\(pdfium)")
    }

    /// Table cells and chart labels of words of one character each (`x = 5 + y`, `A / B`, `5 + 3 = 8`, `5\u{A0}%`,
    /// `= 5 +`), in an Arabic and an English brief: poppler read their spaces from the gaps between the words alone and
    /// dropped them (`x=5+y`, `A/B`, `5+3=8`, `5%`, `=5+`; `ReaderLine.hasOnlyOneCharacterWords`), where a cell holding
    /// a longer word kept them (`2020 - 2024`, `50 %`). Every line comes back whole from poppler, and from PDFium within
    /// one of its lines.
    @Test(arguments: [("ar", ["اختبار المسافات", "البند", "القيمة", "نطاق", "قيمة", "معادلة", "رمز", "نسبة"]),
                      ("en", ["Spacing", "Item", "Value", "range", "sum", "eq", "ratio", "share"])])
    func oneCharacterWordsKeepTheirSpacesFromPoppler(_ language: String, _ words: [String]) throws {
        let report = """
            {"title": "\(words[0])", "date": "2026-12-04", "language": "\(language)", "numerals": "latin",
             "body": [{"table": {"columns": ["\(words[1])", "\(words[2])"], "rows": [["\(words[3])", "2020 - 2024"],
                 ["\(words[4])", "5 + 3 = 8"], ["\(words[5])", "x = 5 + y"], ["\(words[6])", "A / B"], ["\(words[7])", "50 %"],
                 ["\(words[7])", "5\\u00A0%"]]}},
               {"chart": {"type": "bar", "title": "t", "values": [{"label": "= 5 +", "value": 3}, {"label": "a b", "value": 4}]}}]}
            """
        let (lines, poppler, pdfium) = try LineOracle.readings(ofReport: report)
        // The page as the test means it: the cells and the labels are lines of their own.
        #expect(["x = 5 + y", "A / B", "5 + 3 = 8", "5 %", "= 5 +", "a b"].allSatisfy(lines.joined().contains), "\(lines)")
        #expect(poppler.isEmpty, "\(language): \(poppler)")
        #expect(pdfium.isEmpty, "\(language): \(pdfium)")
    }

    /// A hyphen standing alone at a line's end (`31 -` then `33`): poppler takes any line ending in `-` for a word broken
    /// across lines, not only one whose hyphen follows a letter, and copied `31 33` (a held-out brief, round copy26).
    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func aHyphenAloneAtALinesEndComesBackFromPoppler(_ family: String) throws {
        let ranges = (0..<24).map { "\(4 * $0 + 3) - \(4 * $0 + 5)" }.joined(separator: " and ")
        let report = """
            {"template": {"name": "briefing", "fonts": {"arabic": "\(family)"}}, "title": "Ranges", "date": "2026-12-04",
             "language": "en", "body": [{"paragraph": "Pages \(ranges) and [٣ - ٥] were read."},
               {"paragraph": "The pages \(ranges) were read again."}]}
            """
        let (lines, poppler, pdfium) = try LineOracle.readings(ofReport: report)
        // The page as the test means it: a line ending in a hyphen after a space.
        #expect(lines.joined().contains { $0.hasSuffix(" -") }, "\(lines)")
        #expect(poppler.isEmpty, "\(family): \(poppler)")
        #expect(pdfium.isEmpty, "\(family): \(pdfium)")
    }

    /// An Arabic paragraph whose lines end in a Latin word's hyphen (English compounds, and a URL wider than the line,
    /// broken after a hyphen): the hyphen, a neutral after the Latin word, is drawn at the line's left end, and poppler,
    /// reading the page right to left, took each such line for a word broken across lines, dropped the hyphen and ran the
    /// next line into it (`execution-` then `reports` copied `executionreports`; a held-out brief, round copy31).
    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func aLatinHyphenAtAnArabicLinesEndComesBackFromPoppler(_ family: String) throws {
        let compounds = ["well-being", "long-term", "cross-functional", "follow-up", "state-of-the-art", "people-centred"]
        let words = (0..<30).map { "و\(compounds[$0 % compounds.count])" }.joined(separator: " ")
        let report = """
            {"template": {"name": "briefing", "fonts": {"arabic": "\(family)"}}, "title": "تجربة", "date": "2026-12-04",
             "language": "ar", "body": [{"paragraph": "اعتمد الفريق نهجا \(words) في كل مراحل العمل."},
               {"paragraph": "الرابط الطويل https://data.gov.uz/ar/datasets/ministry-of-finance/annual-budget-execution-reports/2026/quarter-4/final-approved-version.pdf يلزم نسخه."},
               {"paragraph": "نهج \(words) حتى نهاية العام."}]}
            """
        let (lines, poppler, pdfium) = try LineOracle.readings(ofReport: report)
        // The page as the test means it: a right-to-left line ending in a Latin word's hyphen.
        #expect(lines.joined().contains { $0.hasSuffix("-") }, "\(lines)")
        #expect(poppler.isEmpty, "\(family): \(poppler)")
        #expect(pdfium.isEmpty, "\(family): \(pdfium)")
    }

    /// A long Arabic table on A4 landscape pages under a running head of one part: on its second page the rows' text
    /// objects cover more of the page's height than of its width, PDFium (`FindTextlineFlowOrientation`) took the page's
    /// lines for vertical, and a row carried by a text object of one glyph (`)` of `فرع جدة (18)`) had no direction of its
    /// own: the rows ran together on one line, right to left, each whole but glued to the next (`2026/07/19فرع جدة (17)`;
    /// the sweep: 70 rows on 4 pages). Each row comes back apart, every cell with a separator either side.
    @Test func aLandscapeTablesRowsComeBackApartFromPDFium() throws {
        let rows = (1...40).map { n in
            "[\"فرع جدة (\(n))\", \"KPI-\(n + 100)\", \"\(n % 90 + 5).5%\", \"2026/\(n % 12 + 1)/\(n % 28 + 1)\"]"
        }
        let report = """
            {"template": {"name": "briefing", "fonts": {"arabic": "Noto Naskh Arabic"}, "page": {"size": "A4", "orientation": "landscape"},
              "header": {"start": "مديرية الموارد — التقرير 7/2026"}},
             "title": "تجربة", "date": "2026-12-03", "language": "ar", "numerals": "latin", "convert-digits": false,
             "body": [{"table": {"columns": ["الفرع", "الرمز", "النسبة", "التاريخ"], "rows": [\(rows.joined(separator: ", "))]}}]}
            """
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("report.json"), pdf = folder.appendingPathComponent("report.pdf")
        try Data(report.utf8).write(to: source)
        let pages = try LineOracle.parts(ofReportAt: source, drawingTo: pdf)
        let pdfium = try TestSupport.pdfiumPages(pdf)
        // The report as the test means it: the table runs over more than one page.
        #expect(pages.count > 1)
        let together = LineOracle.runTogether(pages, pdfiumPages: pdfium)
        #expect(together.isEmpty, "\(together.count) rows: \(together.prefix(3))")
        #expect(LineOracle.misses(pages.map { $0.map { TestSupport.fidelityNormalised($0.text) }.filter { !$0.isEmpty } },
                                  pdfiumPages: pdfium).isEmpty)
    }

    /// For bench/fidelity/lines.py and selection.py: each report that `MAWJAZ_LINE_SWEEP`'s `reports.tsv` lists (a name, a tab, its path; a
    /// row a report) is drawn to `NAME.pdf` in that folder, and its lines written to `NAME.lines.tsv`, one a row: the page
    /// (from 1), its baseline's y and its left end's x on the page, and the text as laid out (normalised by the script,
    /// as `fidelityNormalised` normalises it: a mark that follows a space, the Quranic pause marks of
    /// `ٱلْأَرْضِ ۚ مَثَلُ`, kept), each after a tab; and to `NAME.boxes.tsv` the same lines with their width, ascent,
    /// descent, direction (`rtl`, `ltr`) and element (its number and role, or `-` and `furniture`) before the text.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MAWJAZ_LINE_SWEEP"] != nil))
    func sweepWritesEachReportsLinesBesideItsPDF() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["MAWJAZ_LINE_SWEEP"] ?? "")
        let list = try String(contentsOf: folder.appendingPathComponent("reports.tsv"), encoding: .utf8)
        let reports = list.split(separator: "\n").map { $0.split(separator: "\t", maxSplits: 1).map(String.init) }.filter { $0.count == 2 }
        #expect(!reports.isEmpty, "no report in \(folder.path)/reports.tsv")
        for report in reports {
            do {
                let pages = try LineOracle.boxes(ofReportAt: URL(fileURLWithPath: report[1]),
                                                 drawingTo: folder.appendingPathComponent("\(report[0]).pdf"))
                // Tabs and line breaks written as spaces (white space is collapsed when lines are compared).
                func flat(_ text: String) -> String {
                    String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\t" || $0 == "\n" ? " " : $0 }))
                }
                let rows = pages.enumerated().flatMap { page, boxes in
                    boxes.map { "\(page + 1)\t\($0.part.y)\t\($0.part.x)\t" + flat($0.part.text) + "\n" }
                }
                try Data(rows.joined().utf8).write(to: folder.appendingPathComponent("\(report[0]).lines.tsv"))
                // For bench/fidelity/selection.py: each line's box (width, ascent, descent), direction and element.
                let boxes = pages.enumerated().flatMap { page, boxes in
                    boxes.map { box in
                        let element = box.element.map { "\($0.number)\t\($0.role)" } ?? "-\tfurniture"
                        return "\(page + 1)\t\(box.part.y)\t\(box.part.x)\t\(box.width)\t\(box.ascent)\t\(box.descent)\t"
                            + "\(box.isRightToLeft ? "rtl" : "ltr")\t\(element)\t" + flat(box.part.text) + "\n"
                    }
                }
                try Data(boxes.joined().utf8).write(to: folder.appendingPathComponent("\(report[0]).boxes.tsv"))
            } catch {
                Issue.record("\(report[0]): \(error)")
            }
        }
    }
}
