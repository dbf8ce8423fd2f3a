// Tables on their own: cells spanning columns, figures aligned to the end, rows that do not add up.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct TableLayoutTests {
    static func report(_ rows: String) -> String {
        document("""
              - table:
                  columns: ["الأول", "الثاني", "الثالث"]
                  rows:
            \(rows)
            """)
    }

    /// An Arabic report whose body is `blocks`.
    static func document(_ blocks: String) -> String {
        "title: \"جدول\"\ndate: 2024-09-15\nbody:\n\(blocks)\n\n"
    }

    @Test func aCellSpanningTwoColumnsCoversTheirWidthFromTheStartSide() throws {
        let yaml = Self.report("""
                    - [{text: "خلية تمتد على عمودين كاملين من الجدول", span: 2}, "ثالث"]
                    - ["أ", "ب", "ج"]
            """)
        let page = try TestSupport.layout(yaml: yaml).document.pages[0]
        let lines = page.frame.textLines
        let spanning = try #require(lines.first { $0.line.text.hasPrefix("خلية تمتد") })
        let first = try #require(lines.first { $0.line.text == "أ" }), second = try #require(lines.first { $0.line.text == "ب" })
        let third = try #require(lines.first { $0.line.text == "ج" })
        // Right to left: the first column on the right, the spanning cell over the first two columns.
        #expect(first.origin.x > second.origin.x && second.origin.x > third.origin.x)
        #expect(spanning.origin.x + spanning.line.width > second.origin.x)
        #expect(spanning.origin.x < first.origin.x)
        #expect(spanning.origin.x > third.origin.x + third.line.width)
    }

    @Test func figuresAlignToTheEndSide() throws {
        let yaml = Self.report("""
                    - ["عدد", "1250", "نص"]
                    - ["عدد", "7", "نص"]
            """)
        let page = try TestSupport.layout(yaml: yaml).document.pages[0]
        let big = try #require(page.frame.textLines.first { $0.line.text == "١٢٥٠" })
        let small = try #require(page.frame.textLines.first { $0.line.text == "٧" })
        // In a right-to-left table the end side is the left: the figures' left ends line up.
        #expect(abs(big.origin.x - small.origin.x) < 0.01)
    }

    /// A figure in brackets, as official tables write a share or a negative amount, is a figure: aligned with its
    /// column's plain numbers on the end side, where it was aligned as text on the start side. A word in brackets stays
    /// text.
    @Test func bracketedFiguresAlignWithTheColumnsNumbers() throws {
        let yaml = Self.report("""
                    - ["عدد", "1250", "نص"]
                    - ["نسبة", "(78%)", "نص"]
                    - ["فرق", "(-12)", "نص"]
                    - ["حصة", "(٤١٪)", "نص"]
                    - ["مبلغ", "(1,250.5)", "نص"]
                    - ["ملاحظة", "(انظر)", "نص"]
            """)
        let lines = try TestSupport.layout(yaml: yaml).document.pages[0].frame.textLines
        let plain = try #require(lines.first { $0.line.text == "١٢٥٠" })
        for text in ["(٧٨٪)", "(-١٢)", "(٤١٪)", "(١٬٢٥٠٫٥)"] {
            let bracketed = try #require(lines.first { $0.line.text == text }, "\(text) in \(lines.map(\.line.text))")
            // Right to left, the end side is the left: the figures' left ends line up.
            #expect(abs(bracketed.origin.x - plain.origin.x) < 0.01, "\(text)")
        }
        let header = try #require(lines.first { $0.line.text == "الثاني" })
        let word = try #require(lines.first { $0.line.text == "(انظر)" })
        #expect(abs((word.origin.x + word.line.width) - (header.origin.x + header.line.width)) < 0.01)
        #expect(word.origin.x > plain.origin.x + 1)
    }

    static func fixedColumns(_ widths: (String, String), _ row: String) -> String {
        """
        title: "جدول"
        date: 2024-09-15
        body:
          - table:
              columns: [{title: "الأول", width: \(widths.0)}, {title: "الثاني", width: \(widths.1)}]
              rows:
                - \(row)

        """
    }

    @Test func aCellWiderThanItsFixedColumnWrapsInsideIt() throws {
        let text = "خلية طويلة تلتف على عدة أسطر داخل عمودها الضيق دون أن تخرج منه"
        let page = try TestSupport.layout(yaml: Self.fixedColumns(("25%", "75%"), "[\"\(text)\", \"قصير\"]")).document.pages[0]
        let lines = page.frame.textLines
        let short = try #require(lines.first { $0.line.text == "قصير" })
        let wrapped = lines.filter { text.contains($0.line.text) && $0.line.text != "قصير" && $0.origin.x > short.origin.x }
        #expect(wrapped.count >= 3)
        #expect(wrapped.map(\.line.text).joined().filter { $0 != " " } == text.filter { $0 != " " })
        // Right to left: the first column, a quarter of the text column, on the right, its lines inside it.
        let right = try #require(wrapped.map { $0.origin.x + $0.line.width }.max())
        let left = try #require(wrapped.map(\.origin.x).min())
        #expect(right - left <= page.frame.size.width / 4)
        #expect(left > short.origin.x + short.line.width)
    }

    @Test func aFixedColumnNarrowerThanAWordIsAnError() throws {
        do {
            _ = try TestSupport.layout(yaml: Self.fixedColumns(("5%", "95%"), "[\"الاستراتيجيات والسياسات\", \"نص\"]"))
            Issue.record("a column of 5% cannot hold the word")
        } catch let error as MawjazError {
            #expect(error.description.contains("longest word needs"))
        }
    }

    @Test func aRowThatDoesNotFillTheColumnsIsAnError() throws {
        let yaml = Self.report("""
                    - [{text: "خلية", span: 2}, "ب", "ج"]
            """)
        do {
            _ = try TestSupport.layout(yaml: yaml)
            Issue.record("a row of four cells in three columns must be an error")
        } catch let error as MawjazError {
            #expect(error.description.contains("the row has 4 cells but the table has 3 columns"))
        }
    }

    @Test func aCellOfLeftToRightLettersOnlyIsSetLeftToRightOnItsColumnsSide() throws {
        let yaml = Self.report("""
                    - ["زمن الاستجابة", "2.4 s", "ثانية"]
                    - ["المؤشر", "نسبة الإنجاز", "COVID-19 وتداعياته"]
            """)
        let page = try TestSupport.layout(yaml: yaml).document.pages[0]
        let lines = page.frame.textLines
        let latin = try #require(lines.first { $0.line.text == "2.4 s" })
        let arabic = try #require(lines.first { $0.line.text == "نسبة الإنجاز" })
        // Set left to right, the number stands before the unit, as typed (right to left it was drawn `s 2.4`).
        #expect(!latin.line.isRightToLeft && latin.line.blockIsRightToLeft == true && arabic.line.blockIsRightToLeft == nil)
        let number = try #require(latin.line.runs.first { $0.text.contains("2.4") })
        let unit = try #require(latin.line.runs.first { $0.text.contains("s") })
        #expect(number.x < unit.x)
        // The column puts text on its start side, the right, whatever the cell's own direction.
        #expect(abs((latin.origin.x + latin.line.width) - (arabic.origin.x + arabic.line.width)) < 0.01)
        // A cell that opens with Latin and goes on in Arabic is an Arabic phrase: it keeps the table's direction.
        #expect(try #require(lines.first { $0.line.text == "COVID-19 وتداعياته" }).line.isRightToLeft)
        #expect(arabic.line.isRightToLeft)
    }

    @Test func aListItemOrParagraphOfLeftToRightLettersOnlyTakesItsOwnDirection() throws {
        let yaml = Self.document("""
              - list:
                  items: ["Python 3.12 (stable)", "الإصدار الأول من النظام"]
              - paragraph: "Response time: 2.4 s."
              - paragraph: "ISO 9001 هو معيار الجودة المعتمد."
              - paragraph: {text: "Kept right to left.", direction: rtl}
            """)
        let lines = try TestSupport.layout(yaml: yaml).document.pages[0].frame.textLines
        let item = try #require(lines.first { $0.line.text == "Python 3.12 (stable)" })
        let arabicItem = try #require(lines.first { $0.line.text == "الإصدار الأول من النظام" })
        // The item is set left to right beside its marker: its right end where the Arabic item's is.
        #expect(!item.line.isRightToLeft && arabicItem.line.isRightToLeft)
        #expect(abs((item.origin.x + item.line.width) - (arabicItem.origin.x + arabicItem.line.width)) < 0.01)
        // A paragraph given no direction is set as `direction: ltr` would set it: its full stop after the unit.
        let paragraph = try #require(lines.first { $0.line.text == "Response time: 2.4 s." })
        #expect(!paragraph.line.isRightToLeft)
        let stop = try #require(paragraph.line.runs.max { $0.x < $1.x })
        #expect(stop.text.hasSuffix("."))
        #expect(try #require(lines.first { $0.line.text.hasPrefix("ISO 9001") }).line.isRightToLeft)
        #expect(try #require(lines.first { $0.line.text == "Kept right to left." }).line.isRightToLeft)
    }

    /// A Latin item of several lines in an Arabic list is justified as the list's Arabic items are: every line but the
    /// last fills the item's width (its left end where the Arabic item's first line begins), and the last stands on the
    /// right, by the marker. (It was set ragged, flush right.)
    @Test func aLatinItemOfSeveralLinesInAnArabicListIsJustifiedLikeTheOthers() throws {
        let arabic = "مراجعة دليل المستخدم وتحديث الفصول الخاصة بالتسجيل والدخول والصلاحيات قبل نهاية الربع الرابع من العام الجاري"
        let latin = "Update the API gateway to v3.1 and rotate the signing keys of every partner, internationalization-ready, before the audit closes"
        let yaml = Self.document("""
              - list:
                  items: ["\(arabic)", "\(latin)"]
            """)
        let lines = try TestSupport.layout(yaml: yaml).document.pages[0].frame.textLines
        let arabicFirst = try #require(lines.first { arabic.hasPrefix($0.line.text.trimmingCharacters(in: .whitespaces)) && !$0.line.text.isEmpty })
        let latinLines = lines.filter { !$0.line.isRightToLeft && latin.contains($0.line.text.trimmingCharacters(in: .whitespaces)) && $0.line.text.count > 3 }
        try #require(latinLines.count == 2, "\(latinLines.map(\.line.text))")
        let right = arabicFirst.origin.x + arabicFirst.line.width
        #expect(abs(latinLines[0].origin.x - arabicFirst.origin.x) < 0.01)
        #expect(abs(latinLines[0].origin.x + latinLines[0].line.width - right) < 0.01)
        #expect(abs(latinLines[1].origin.x + latinLines[1].line.width - right) < 0.01)
        #expect(latinLines[1].origin.x > latinLines[0].origin.x + 20)
    }
}
