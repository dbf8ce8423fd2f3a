// Activity logs kept in Excel workbooks: shared and inline strings, dates as serials or text in both date systems,
// Arabic headers through the column mapping, the sheet chosen by name, errors located by cell.
import Foundation
@testable import MawjazData
import MawjazFrame
import Synchronization
import Testing

@Suite struct ActivityWorkbookTests {
    /// A log whose dates are a date cell, text, a year as a number and a date with a time; strings shared (one in
    /// formatted runs) and inline; a blank row; an unused column.
    static let mixed = WorkbookFixture(
        sheets: [("Sheet1", [
            (1, #"<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>participants</t></is></c><c r="E1" t="inlineStr"><is><t>notes</t></is></c>"#),
            (2, #"<c r="A2" s="1"><v>45000</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="s"><v>4</v></c><c r="D2"><v>12</v></c>"#),
            (3, #"<c r="A3" t="s"><v>5</v></c><c r="B3" t="s"><v>3</v></c><c r="C3" t="inlineStr"><is><t xml:space="preserve"> زيارة  وفد </t></is></c>"#),
            (5, #"<c r="A5"><v>2021</v></c><c r="B5" t="s"><v>3</v></c><c r="C5" t="str"><v>عنوان من صيغة</v></c><c r="E5" t="e"><v>#N/A</v></c>"#),
            (6, #"<c r="A6" s="2"><v>45292.75</v></c><c r="B6" t="s"><v>3</v></c><c r="C6"><v>1234</v></c>"#),
        ])],
        sharedStrings: ["<t>date</t>", "<t>category</t>", "<r><rPr><b/></rPr><t>ti</t></r><r><t>tle</t></r>", "<t>تدريب</t>",
                        "<t>تمرين مشترك</t>", "<t>2023-07</t>"],
        cellFormats: [0, 14, 164], customFormats: [(164, "[$-1010000]d/m/yyyy\\ h:mm")])

    @Test func readsStringsDatesAndNumbersAsASpreadsheetProgramWritesThem() throws {
        let log = try ActivityWorkbook.parse(try Self.mixed.data(), file: "log.xlsx", name: "activities")
        #expect(log.activities.map(\.date) == [CalendarDate(year: 2023, month: 3, day: 15), CalendarDate(year: 2023, month: 7),
                                               CalendarDate(year: 2021), CalendarDate(year: 2024, month: 1, day: 1)])
        #expect(log.activities.map(\.title) == ["تمرين مشترك", "زيارة  وفد", "عنوان من صيغة", "1234"])
        #expect(log.activities.map(\.category) == ["تدريب", "تدريب", "تدريب", "تدريب"])
        #expect(log.activities[0].participants == 12 && log.activities[1].participants == nil)
        #expect(log.activities.map(\.line) == [2, 3, 5, 6])
    }

    /// Only a day or year code outside quotes and `[…]` makes a format a date format: `[Red]` and `"days"` hold a `d` and
    /// an `e` that are neither.
    @Test func aNumberFormatShowsADateOnlyByItsOwnDayOrYearCodes() throws {
        #expect(Workbook.isDateFormat("[$-1010000]d/m/yyyy\\ h:mm") && Workbook.isDateFormat("yyyy") && Workbook.isDateFormat("mmm-yy"))
        for code in ["#,##0;[Red]-#,##0", "[Blue]0.00", "0\" days\"", "\"Year\" 0", "h:mm", "0\\d"] {
            #expect(!Workbook.isDateFormat(code), "\(code)")
        }
        // A year in a number format that shows negatives in red is a year, not the 2021st day of 1900.
        let fixture = WorkbookFixture(sheets: [("Sheet1", [
            (1, #"<c r="A1" t="inlineStr"><is><t>date</t></is></c><c r="B1" t="inlineStr"><is><t>category</t></is></c><c r="C1" t="inlineStr"><is><t>title</t></is></c>"#),
            (2, #"<c r="A2" s="2"><v>2021</v></c><c r="B2" t="inlineStr"><is><t>تدريب</t></is></c><c r="C2" t="inlineStr"><is><t>دورة</t></is></c>"#),
        ])], cellFormats: [0, 14, 165], customFormats: [(165, "#,##0;[Red]\\-#,##0")])
        let log = try ActivityWorkbook.parse(try fixture.data(), file: "log.xlsx", name: "a")
        #expect(log.activities.map(\.date) == [CalendarDate(year: 2021)])
    }

    @Test func serialDaysFollowTheWorkbooksDateSystem() throws {
        var fixture = WorkbookFixture(sheets: [("S", [
            (1, #"<c r="A1" t="inlineStr"><is><t>date</t></is></c><c r="B1" t="inlineStr"><is><t>category</t></is></c><c r="C1" t="inlineStr"><is><t>title</t></is></c>"#),
            (2, #"<c r="A2" s="1"><v>45000</v></c><c r="B2" t="inlineStr"><is><t>a</t></is></c><c r="C2" t="inlineStr"><is><t>b</t></is></c>"#),
            (3, #"<c r="A3" s="1"><v>59</v></c><c r="B3" t="inlineStr"><is><t>a</t></is></c><c r="C3" t="inlineStr"><is><t>b</t></is></c>"#),
        ])])
        let days = try ActivityWorkbook.parse(try fixture.data(), file: "log.xlsx", name: "a").activities.map(\.date)
        #expect(days == [CalendarDate(year: 2023, month: 3, day: 15), CalendarDate(year: 1900, month: 2, day: 28)])
        fixture.uses1904Dates = true
        let mac = try ActivityWorkbook.parse(try fixture.data(), file: "log.xlsx", name: "a").activities.map(\.date)
        #expect(mac == [CalendarDate(year: 2027, month: 3, day: 16), CalendarDate(year: 1904, month: 2, day: 29)])
    }

    @Test func arabicHeadersMapThroughColumnsAndTheSheetIsChosenByName() throws {
        let header = #"<c r="B2" t="inlineStr"><is><t>التاريخ</t></is></c><c r="C2" t="inlineStr"><is><t>الفئة</t></is></c><c r="D2" t="inlineStr"><is><t>النشاط</t></is></c>"#
        let row = #"<c r="B3" s="1"><v>45100</v></c><c r="C3" t="inlineStr"><is><t>اجتماعات</t></is></c><c r="D3" t="inlineStr"><is><t>اجتماع</t></is></c>"#
        let fixture = WorkbookFixture(sheets: [("ملخص", [(1, #"<c r="A1" t="inlineStr"><is><t>غير هذه</t></is></c>"#)]),
                                               ("سجل ٢٠٢٣", [(2, header), (3, row)])])
        let log = try ActivityWorkbook.parse(try fixture.data(), file: "log.xlsx", name: "a",
                                             columns: ["date": "التاريخ", "category": "الفئة", "title": "النشاط"], sheet: "سجل ٢٠٢٣")
        #expect(log.activities.map(\.title) == ["اجتماع"])
        #expect(log.activities.first?.date == CalendarDate(year: 2023, month: 6, day: 23))
        #expect {
            try ActivityWorkbook.parse(try fixture.data(), file: "log.xlsx", name: "a", sheet: "سجل 2023")
        } throws: { error in
            (error as? DataError)?.description == "log.xlsx: error: sheet: the workbook has no sheet named \"سجل 2023\" "
                + "(its sheets: \"ملخص\", \"سجل ٢٠٢٣\")"
        }
    }

    @Test func errorsNameTheirCells() throws {
        let fixture = WorkbookFixture(sheets: [("My Log", [
            (1, #"<c r="A1" t="inlineStr"><is><t>date</t></is></c><c r="B1" t="inlineStr"><is><t>category</t></is></c><c r="C1" t="inlineStr"><is><t>title</t></is></c><c r="D1" t="inlineStr"><is><t>participants</t></is></c>"#),
            (2, #"<c r="A2" t="inlineStr"><is><t>2023-13-01</t></is></c><c r="B2" t="inlineStr"><is><t>a</t></is></c><c r="C2" t="inlineStr"><is><t>b</t></is></c>"#),
            (3, #"<c r="A3" t="e"><v>#REF!</v></c><c r="B3" t="inlineStr"><is><t>a</t></is></c><c r="C3" t="inlineStr"><is><t>b</t></is></c><c r="D3"><v>-2</v></c>"#),
            (12, #"<c r="A12" t="inlineStr"><is><t>15/03/2023</t></is></c><c r="B12" t="inlineStr"><is><t>a</t></is></c><c r="D12"><v>2.5</v></c>"#),
        ])])
        #expect {
            try ActivityWorkbook.parse(try fixture.data(), file: "log.xlsx", name: "a")
        } throws: { error in
            let lines = (error as? DataError)?.description.components(separatedBy: "\n") ?? []
            let expected = [
                "log.xlsx:'My Log'!A2: error: date: \"2023-13-01\" has no month 13 (months run 01 to 12)",
                "log.xlsx:'My Log'!A3: error: date: the cell holds the error #REF!",
                "log.xlsx:'My Log'!D3: error: participants: \"-2\" is negative (write a whole number, 0 or more)",
                "log.xlsx:'My Log'!A12: error: date: \"15/03/2023\" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)",
                "log.xlsx:'My Log'!C12: error: title: required, but empty",
                "log.xlsx:'My Log'!D12: error: participants: \"2.5\" is not a whole number (write a whole number, 0 or more)",
            ]
            #expect(lines == expected)
            return lines == expected
        }
        let noTitle = WorkbookFixture(sheets: [("Sheet1", [(1, #"<c r="A1" t="inlineStr"><is><t>date</t></is></c><c r="B1" t="inlineStr"><is><t>category</t></is></c><c r="C1" t="inlineStr"><is><t>name</t></is></c>"#)])])
        #expect {
            try ActivityWorkbook.parse(try noTitle.data(), file: "log.xlsx", name: "a")
        } throws: { error in
            (error as? DataError)?.description == "log.xlsx:Sheet1!1:1: error: title: no column for the required field \"title\"; "
                + "the header has \"name\" (map one to the field with columns:)"
        }
    }

    @Test func aFileThatIsNoWorkbookIsSaidSo() {
        #expect {
            try ActivityWorkbook.parse(Data("date,category,title\n".utf8), file: "log.xlsx", name: "a")
        } throws: { error in
            (error as? DataError)?.description == "log.xlsx: error: is not an Excel workbook (.xlsx): it is not a ZIP archive"
        }
    }

    /// Made by LibreOffice Calc 7.4 from a CSV (`libreoffice --headless --convert-to xlsx`): Arabic headers, dates
    /// typed as dates (stored as serials with a date format) and as text (a quoted cell), a number of participants.
    @Test func aWorkbookMadeByLibreOfficeReads() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/activities-libreoffice.xlsx")
        let log = try ActivityWorkbook.parse(try Data(contentsOf: url), file: url.lastPathComponent, name: "a",
                                             columns: ["date": "التاريخ", "category": "الفئة", "title": "النشاط", "participants": "المشاركون"])
        #expect(log.activities.map(\.date) == [CalendarDate(year: 2023, month: 3, day: 15), CalendarDate(year: 2023, month: 6, day: 1),
                                               CalendarDate(year: 2024, month: 1, day: 9), CalendarDate(year: 2024, month: 2)])
        #expect(log.activities.map(\.category) == ["تدريب", "اجتماعات", "تدريب", "تبادل خبرات"])
        #expect(log.activities.map(\.participants) == [25, nil, 8, nil])
        #expect(log.activities[0].title == "تمرين مشترك على الإخلاء، والإسعاف")
    }
}

@Suite struct WorkbookReportTests {
    /// A report folder holding `report` and the LibreOffice workbook as `log.xlsx`.
    static func folder(report: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mawjaz-workbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/activities-libreoffice.xlsx")
        try FileManager.default.copyItem(at: fixture, to: folder.appendingPathComponent("log.xlsx"))
        try Data(report.utf8).write(to: folder.appendingPathComponent("report.yaml"))
        return folder
    }

    @Test func aReportReadsAWorkbookWithItsSheetAndArabicHeaders() throws {
        let folder = try Self.folder(report: """
            title: "موجز"
            date: 2024-09-15
            data:
              activities:
                file: log.xlsx
                sheet: activities-libreoffice
                columns: {date: التاريخ, category: الفئة, title: النشاط, participants: المشاركون}
            body:
              - paragraph: "{{activities.count}}"

            """)
        let (report, warnings) = try ReportLoader.load(contentsOf: folder.appendingPathComponent("report.yaml"))
        #expect(report.datasets["activities"]?.total == 4 && warnings.isEmpty)
    }

    @Test func aSheetThatIsNotThereAndASheetOfACSVArePointedAtInTheReport() throws {
        let folder = try Self.folder(report: """
            title: "موجز"
            date: 2024-09-15
            data:
              activities: {file: log.xlsx, sheet: Sheet1, columns: {date: التاريخ, category: الفئة, title: النشاط}}
              other: {file: other.csv, sheet: Sheet1}
            body: []

            """)
        try Data("date,category,title\n2024-01-01,a,b\n".utf8).write(to: folder.appendingPathComponent("other.csv"))
        let report = folder.appendingPathComponent("report.yaml").path
        #expect {
            try ReportLoader.load(contentsOf: URL(fileURLWithPath: report))
        } throws: { error in
            let lines = (error as? DataError)?.description.components(separatedBy: "\n") ?? []
            let expected = [
                "\(report):4:39: error: data.activities.sheet: log.xlsx: the workbook has no sheet named \"Sheet1\" (its sheets: \"activities-libreoffice\")",
                "\(report):5:35: error: data.other.sheet: only an Excel workbook (.xlsx) has sheets",
            ]
            #expect(lines == expected)
            return lines == expected
        }
    }
}

@Suite struct UnreadableSpreadsheetTests {
    @Test func anOldExcelOrAnOpenDocumentFileIsNamedWithWhatToDo() throws {
        let folder = try WorkbookReportTests.folder(report: "title: x\ndate: 2024-01-01\ndata:\n  a: old.xls\n  b: {file: sheet.ods}\nbody: []\n")
        for name in ["old.xls", "sheet.ods"] { try Data([0xD0, 0xCF, 0x11, 0xE0]).write(to: folder.appendingPathComponent(name)) }
        let report = folder.appendingPathComponent("report.yaml").path
        #expect {
            try ReportLoader.load(contentsOf: URL(fileURLWithPath: report))
        } throws: { error in
            (error as? DataError)?.description == """
                \(report):4:6: error: data.a: old.xls is an Excel 97–2003 workbook (.xls), which Mawjaz does not read: save it as an Excel Workbook (.xlsx)
                \(report):5:13: error: data.b.file: sheet.ods is an OpenDocument spreadsheet (.ods), which Mawjaz does not read: save it as an Excel Workbook (.xlsx)
                """
        }
    }
}

@Suite struct LargeWorkbookTests {
    /// A sheet whose XML is one line of more than 10 MB, as LibreOffice writes rows (with all their attributes):
    /// the reader takes it in one pass (libxml2, read before, refused a piece that large).
    @Test func aSheetOfMoreThanTenMegabytesOnOneLineReads() throws {
        let attributes = #"customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false""#
        var rows = [(1, #"<c r="A1" t="inlineStr"><is><t>date</t></is></c><c r="B1" t="inlineStr"><is><t>category</t></is></c><c r="C1" t="inlineStr"><is><t>title</t></is></c>"#)]
        for row in 2...60_001 {
            rows.append((row, #"<c r="A\#(row)" s="1"><v>\#(44_000 + row % 1000)</v></c><c r="B\#(row)" t="s"><v>0</v></c><c r="C\#(row)" t="s"><v>1</v></c>"#))
        }
        var fixture = WorkbookFixture(sheets: [("Sheet1", rows)], sharedStrings: ["<t>تدريب</t>", "<t>دورة</t>"])
        fixture.rowAttributes = attributes
        let data = try fixture.data()
        let log = try ActivityWorkbook.parse(data, file: "log.xlsx", name: "a")
        #expect(log.total == 60_000)
        #expect(log.activities.last?.date == CalendarDate(year: 2020, month: 6, day: 19))
    }
}

/// A stop signal that counts the questions it is asked, and is raised from the `raisedAt`-th on.
final class CountedStop: Sendable {
    private let asked = Atomic<Int>(0)
    let raisedAt: Int

    init(raisedAt: Int = .max) { self.raisedAt = raisedAt }

    var questions: Int { asked.load(ordering: .relaxed) }

    var signal: StopSignal { StopSignal { [self] in asked.wrappingAdd(1, ordering: .relaxed).newValue >= raisedAt } }
}

@Suite struct WorkbookStopTests {
    /// 5,000 activities: 15,003 cells, a header of inline strings, categories and titles shared.
    static func workbook() throws -> Data {
        var rows = [(1, #"<c r="A1" t="inlineStr"><is><t>date</t></is></c><c r="B1" t="inlineStr"><is><t>category</t></is></c><c r="C1" t="inlineStr"><is><t>title</t></is></c>"#)]
        for row in 2...5_001 {
            rows.append((row, #"<c r="A\#(row)" s="1"><v>\#(44_000 + row % 1000)</v></c><c r="B\#(row)" t="s"><v>0</v></c><c r="C\#(row)" t="s"><v>1</v></c>"#))
        }
        return try WorkbookFixture(sheets: [("Sheet1", rows)], sharedStrings: ["<t>تدريب</t>", "<t>دورة</t>"]).data()
    }

    @Test func readingASheetAsksAsItUnpacksReadsCellsAndMakesRows() throws {
        let counter = CountedStop()
        let log = try ActivityWorkbook.parse(try Self.workbook(), file: "log.xlsx", name: "a", stop: counter.signal)
        #expect(log.total == 5_000)
        // Once a chunk for each of the four parts at least, every 1,024 of the 15,003 cells, every 1,024 of the 5,000 rows.
        #expect(counter.questions >= 4 + 15_003 / Workbook.itemsBetweenStopChecks + 5_000 / ActivityCSV.rowsBetweenStopChecks,
                "\(counter.questions)")
    }

    /// Raised at the first question (unpacking the workbook's list of sheets), in the middle (the sheet's cells) and at
    /// the last (the rows made into activities), the reading ends there with an error, and asks no more.
    @Test func aRaisedSignalEndsTheReadingAtTheQuestionThatFoundItRaised() throws {
        let bytes = try Self.workbook()
        let all = CountedStop()
        _ = try ActivityWorkbook.parse(bytes, file: "log.xlsx", name: "a", stop: all.signal)
        for raisedAt in [1, all.questions / 2, all.questions] {
            let counter = CountedStop(raisedAt: raisedAt)
            #expect {
                _ = try ActivityWorkbook.parse(bytes, file: "log.xlsx", name: "a", stop: counter.signal)
            } throws: { error in
                (error as? DataError)?.diagnostics.map(\.message) == [.renderCancelled]
            }
            #expect(counter.questions == raisedAt, "raised at \(raisedAt) of \(all.questions)")
        }
    }
}
