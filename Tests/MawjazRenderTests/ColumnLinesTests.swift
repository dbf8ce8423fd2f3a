// A `columns:` block's lines handed to poppler a column at a time (`ReaderLine.Placement`): poppler reads each column
// whole and the columns in order, where its table test interleaved their lines; PDFium's text and every page's pixels
// are what they were.
import Foundation
import Mawjaz
import MawjazFrame
@testable import MawjazRender
import Testing
import TestSupport

@Suite struct ColumnLinesTests {
    /// `count` distinct words, each a word of its own to every reader: Arabic letters only (`س` and two letters of the
    /// alphabet), or Latin letters and digits. Their order in what a reader copies is the order it reads them in.
    static func words(_ count: Int, arabic: Bool) -> [String] {
        let letters = Array("بتثجحخدذرزشصضطظعغفقكلمنهي")
        return (0..<count).map { index in
            arabic ? "س" + String(letters[index / letters.count % letters.count]) + String(letters[index % letters.count]) + "ا"
                : "w\(1000 + index)"
        }
    }

    /// A report holding a `columns:` block of `count` columns whose blocks are paragraphs of `lengths` words (of `words`),
    /// with a paragraph before and after it, in Arabic or English, drawn into a PDF amended and one not.
    static func pdfs(count: Int, lengths: [Int], arabic: Bool) throws -> (amended: URL, plain: URL, words: [String]) {
        let all = words(lengths.reduce(0, +), arabic: arabic)
        var start = 0, blocks = ""
        for length in lengths {
            blocks += "        - paragraph: \"\(all[start..<(start + length)].joined(separator: " "))\"\n"
            start += length
        }
        let around = arabic ? "فقرة قبل الأعمدة وبعدها في التقرير." : "A paragraph around the columns."
        let yaml = (arabic ? "" : "language: en\n") + "title: \"\(arabic ? "أعمدة" : "Columns")\"\ndate: 2024-09-15\nbody:\n"
            + "  - paragraph: \"\(around)\"\n  - columns:\n      count: \(count)\n      blocks:\n" + blocks
            + "  - paragraph: \"\(around)\"\n"
        let document = try TestSupport.layout(yaml: yaml, renderer: try TestSupport.renderer()).document
        let pdfs = try AmendedPDFs.write(document)
        return (pdfs.amended, pdfs.plain, all)
    }

    /// The words of `words` in `text`, in the order they stand there.
    static func order(of words: [String], in text: String) -> [String] {
        let wanted = Set(words)
        return TestSupport.fidelityNormalised(text).split(separator: " ").map(String.init).filter(wanted.contains)
    }

    /// Whether every page of `first` and `second` is the same pixel for pixel at 70 dpi (`pdftoppm`).
    static func samePixels(_ first: URL, _ second: URL) throws -> Bool {
        let folder = try TestSupport.temporaryFolder()
        for (name, pdf) in [("first", first), ("second", second)] {
            #expect(try TestSupport.run("pdftoppm", ["-r", "70", pdf.path, folder.appendingPathComponent(name).path]).status == 0)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("first-") }
        guard !names.isEmpty else { return false }
        return try names.allSatisfy { name in
            try Data(contentsOf: folder.appendingPathComponent(name))
                == Data(contentsOf: folder.appendingPathComponent("second" + name.dropFirst("first".count)))
        }
    }

    /// Checks that poppler reads every word of the columns once, in the order written (each column whole, the columns in
    /// order), where it did not without the amendment; on one page or, with `acrossPages`, more; that PDFium reads as before; that the pixels are the same.
    func check(count: Int, lengths: [Int], arabic: Bool, acrossPages: Bool = false) throws {
        let (amended, plain, words) = try Self.pdfs(count: count, lengths: lengths, arabic: arabic)
        try TestSupport.inspectPDF(amended)
        let label = "\(arabic ? "Arabic" : "English"), \(count) columns, \(lengths)"
        #expect((try TestSupport.pdfiumPages(amended).count > 1) == acrossPages, "\(label)")
        let poppler = try TestSupport.pdfText(amended), popplerBefore = try TestSupport.pdfText(plain)
        #expect(Self.order(of: words, in: poppler) == words, "\(label): \(poppler)")
        #expect(Self.order(of: words, in: popplerBefore) != words, "\(label): poppler read the plain PDF's columns in order")
        let pdfium = try TestSupport.pdfiumText(amended), pdfiumBefore = try TestSupport.pdfiumText(plain)
        #expect(pdfium == pdfiumBefore, "\(label)")
        #expect(try Self.samePixels(amended, plain), "\(label)")
    }

    @Test func twoArabicColumnsOfUnequalLengthsComeBackWholeAndInOrder() throws {
        try check(count: 2, lengths: [40, 14], arabic: true)
    }

    @Test func threeEnglishColumnsComeBackWholeAndInOrder() throws {
        try check(count: 3, lengths: [30, 22, 9, 26], arabic: false)
    }

    @Test func threeArabicColumnsComeBackWholeAndInOrder() throws {
        try check(count: 3, lengths: [25, 25, 25], arabic: true)
    }

    /// A table and a chart in a column come back in their column's order, the table row by row, each row on one line,
    /// its cells in the table's order: only running text was handed with its column, and poppler read the two columns'
    /// tables row by row together, each cell a line of its own, and the charts' labels mixed.
    @Test(arguments: [true, false])
    func tablesAndChartsInColumnsComeBackInTheirColumnsOrder(_ arabic: Bool) throws {
        let words = Self.words(40, arabic: arabic)
        func table(_ start: Int) -> String {
            "        - table:\n            columns: [\"\(words[start])\", \"\(words[start + 1])\"]\n            rows:\n"
                + stride(from: start + 2, to: start + 8, by: 2).map { "              - [\"\(words[$0])\", \"\(words[$0 + 1])\"]\n" }.joined()
        }
        func chart(_ start: Int) -> String {
            "        - chart: {type: bar, values: [" + (start..<(start + 3)).map { "{label: \"\(words[$0])\", value: \($0 - start + 2)}" }
                .joined(separator: ", ") + "]}\n"
        }
        let paragraph = { (range: Range<Int>) in "        - paragraph: \"\(words[range].joined(separator: " "))\"\n" }
        let yaml = (arabic ? "" : "language: en\n") + "title: \"\(arabic ? "أعمدة" : "Columns")\"\ndate: 2024-09-15\nbody:\n"
            + "  - columns:\n      count: 2\n      blocks:\n" + paragraph(0..<6) + table(6) + paragraph(14..<20) + chart(20)
            + paragraph(23..<29) + table(29) + paragraph(37..<40)
        let document = try TestSupport.layout(yaml: yaml, renderer: try TestSupport.renderer()).document
        let (amended, plain) = try AmendedPDFs.write(document)
        let poppler = try TestSupport.pdfText(amended)
        #expect(Self.order(of: words, in: poppler) == words, "\(poppler)")
        let lines = TestSupport.visibleText(poppler).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        for start in [6, 29] {
            for row in stride(from: start, to: start + 8, by: 2) {
                #expect(lines.contains("\(words[row]) \(words[row + 1])"), "row \(words[row]): \(lines)")
            }
        }
        #expect(try TestSupport.pdfiumText(amended) == TestSupport.pdfiumText(plain))
        #expect(try Self.samePixels(amended, plain))
    }

    /// Columns longer than a page: each page's columns are read whole and in order, the first page's before the second's.
    @Test(arguments: [true, false])
    func columnsThatEndOnTheNextPageComeBackWholeAndInOrder(_ arabic: Bool) throws {
        try check(count: 2, lengths: Array(repeating: 60, count: 16), arabic: arabic, acrossPages: true)
    }

    /// On a page of columns the running foot comes back after them, its two ends (the title, the page number) on one line:
    /// poppler read it between the columns, the title (below the first column only) after the first column and the page
    /// number after the last (`TextPage`'s block order puts a block after one above it that it overlaps, and one right of
    /// another after it on a left-to-right page). PDFium's text and the pixels are the same.
    @Test(arguments: [true, false])
    func theRunningFootComesBackAfterTheColumnsOnOneLine(_ arabic: Bool) throws {
        let (amended, plain, words) = try Self.pdfs(count: 2, lengths: Array(repeating: 60, count: 16), arabic: arabic)
        let title = arabic ? "أعمدة" : "Columns", foot = title + (arabic ? " صفحة " : " Page ")
        let pages = try TestSupport.pdfText(amended).split(separator: "\u{0C}")
        // The pages the two columns fill, side by side (the first holds the title, the last one column's end).
        #expect(pages.count >= 4)
        for index in 1..<min(3, pages.count) {
            let lines = TestSupport.visibleText(String(pages[index])).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard let last = lines.lastIndex(where: { line in words.contains { line.contains($0) } }) else {
                Issue.record("page \(index + 1) holds no column")
                continue
            }
            #expect(!lines[..<last].contains(title), "page \(index + 1): the foot's title before the columns' last word: \(lines)")
            #expect(lines.last?.hasPrefix(foot) == true && lines.count - 1 > last, "page \(index + 1): \(lines.suffix(3))")
        }
        #expect(try TestSupport.pdfiumText(amended) == TestSupport.pdfiumText(plain))
        #expect(try Self.samePixels(amended, plain))
    }

    /// The carriers' placement: one size for a column, the column's lines 1.4 of it apart, a wider gap (between
    /// paragraphs) narrowed, a later column a tenth of a point lower, two lines on one baseline on one.
    @Test func aColumnsCarriersAreCloseEnoughToBeOneBlock() {
        func line(_ y: Double, column: Int = 0) -> ReaderLine.ColumnLine {
            ReaderLine.ColumnLine(group: 1, column: column, x: 56, y: y, width: 200, fontSize: 11.5)
        }
        let placed = ReaderLine.placements(of: [line(100), line(119.6), line(139.2), line(190)])
        let size = 19.6 / ReaderLine.Placement.lineRatio
        #expect(placed.allSatisfy { abs($0.size - size) < 1e-9 })
        let baselines = placed.map(\.baseline)
        #expect(baselines[0] == 100 && baselines[1] == 119.6 && baselines[2] == 139.2)
        for (above, below) in zip(baselines, baselines.dropFirst()) {
            #expect(below - above > size / 2 + 1e-9 && below - above <= 1.5 * size, "\(baselines)")
        }
        #expect(ReaderLine.placements(of: [line(100, column: 1)])[0].baseline == 100.1)
        // A list item's marker and its first line, on one baseline, share their carriers' baseline.
        #expect(ReaderLine.placements(of: [line(100), line(100), line(119.6)]).map(\.baseline) == [100, 100, 119.6])
        #expect(ReaderLine.Placement.number(-13.98934) == "-13.9893" && ReaderLine.Placement.number(7524.0) == "7524"
            && ReaderLine.Placement.number(0.05) == "0.05")
    }
}
