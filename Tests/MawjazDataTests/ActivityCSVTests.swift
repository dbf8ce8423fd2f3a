// Tests of loading activity logs that are right: every field, Arabic headers and text, and the forms CSV comes in.
import Testing
import MawjazData

@Suite struct ActivityCSVTests {
    @Test func readsEveryField() throws {
        let log = try #require(parseLog("""
            date,category,title,location,partner,participants,tags
            2024-09-15,ورشة,ورشة الكتابة الإبداعية,عمّان,بيت الثقافة,25,كتابة; شباب
            2024-10,محاضرة,محاضرة عن التراث,,,,

            """))
        #expect(log.name == "activities")
        #expect(log.file == testFile)
        #expect(log.activities == [
            Activity(date: CalendarDate(year: 2024, month: 9, day: 15), category: "ورشة", title: "ورشة الكتابة الإبداعية",
                     location: "عمّان", partner: "بيت الثقافة", participants: 25, tags: ["كتابة", "شباب"], line: 2),
            Activity(date: CalendarDate(year: 2024, month: 10), category: "محاضرة", title: "محاضرة عن التراث", line: 3),
        ])
    }

    @Test func readsAFileAsSpreadsheetsWriteIt() throws {
        let text = "# سجل نشاطات الجمعية\r\n# يُحدَّث كل شهر\r\n\r\nDate , Category,TITLE,Participants\r\n"
            + "٢٠٢٣-٠١-١٥,معرض,\"معرض \"\"الخط العربي\"\"، الدورة الثانية\",١٢٠\r\n"
            + "\r\n"
            + "2023-02-01,ورشة,\"ورشة، تدريب\nعلى الخط\",  ۴۵  \r\n"
            + ",,,\r\n"
            + "2023-03,زيارة,زيارة مدرسة,\r\n"
        let log = try #require(parseLog(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        #expect(log.activities.map(\.title) == ["معرض \"الخط العربي\"، الدورة الثانية", "ورشة، تدريب\nعلى الخط", "زيارة مدرسة"])
        #expect(log.activities.map(\.participants) == [120, 45, nil])
        #expect(log.activities.map(\.date) == [
            CalendarDate(year: 2023, month: 1, day: 15), CalendarDate(year: 2023, month: 2, day: 1), CalendarDate(year: 2023, month: 3),
        ])
        #expect(log.activities.map(\.line) == [5, 7, 10])
    }

    @Test func mapsArabicHeadersToFields() throws {
        let columns: ColumnMapping = ["date": "التاريخ", "category": "الفئة", "title": "النشاط", "Participants": " عدد المشاركين "]
        let log = try #require(parseLog("""
            التاريخ,الفئة,النشاط,عدد المشاركين,ملاحظات
            2022-05-05,ندوة,ندوة الشباب,٣٠,ملاحظة لا تُقرأ
            """, columns: columns))
        #expect(log.activities == [
            Activity(date: CalendarDate(year: 2022, month: 5, day: 5), category: "ندوة", title: "ندوة الشباب", participants: 30, line: 2),
        ])
    }

    @Test func prefersTheMappedColumnOverOneNamedLikeTheField() throws {
        let log = try #require(parseLog("title,النشاط,date,category\nold,جديد,2020,a", columns: ["title": "النشاط"]))
        #expect(log.activities.map(\.title) == ["جديد"])
    }

    @Test func ignoresExtraColumnsInAnyOrder() throws {
        let log = try #require(parseLog("notes,title,id,category,date\nx,عنوان,7,فئة,2021-01-01"))
        #expect(log.activities.map(\.title) == ["عنوان"])
        #expect(log.activities.map(\.category) == ["فئة"])
    }

    @Test func acceptsTrailingCommasAndBlanks() throws {
        let log = try #require(parseLog("date,category,title,  \n2021,a,b  \n2021,c,d,\n2021,e,f,,  ,\n"))
        #expect(log.activities.map(\.title) == ["b", "d", "f"])
        let noTrailingHeaderComma = try #require(parseLog("date,category,title\n2021,a,b,\n2021,c,d, , \n"))
        #expect(noTrailingHeaderComma.activities.map(\.title) == ["b", "d"])
    }

    @Test func treatsEmptyOptionalFieldsAsAbsent() throws {
        let log = try #require(parseLog("date,category,title,location,partner,participants,tags\n2021,a,b, ,\"\",\" \",;|،\n"))
        #expect(log.activities == [Activity(date: CalendarDate(year: 2021), category: "a", title: "b", line: 2)])
    }

    @Test func trimsQuotedValuesToo() throws {
        let log = try #require(parseLog("date,category,title\n\" 2021-06 \",\" ورشة \",\"  عنوان\n\""))
        #expect(log.activities == [Activity(date: CalendarDate(year: 2021, month: 6), category: "ورشة", title: "عنوان", line: 2)])
    }

    @Test func readsTagsAndNumbersFromQuotedCells() throws {
        let log = try #require(parseLog("date,category,title,tags,participants\n\"2020-05\",a,b,\"x; \"\"y\"\" | z،\r\nw\",\" ١٢ \""))
        #expect(log.activities.map(\.tags) == [["x", "\"y\"", "z", "w"]])
        #expect(log.activities.map(\.participants) == [12])
        #expect(log.activities.map(\.date) == [CalendarDate(year: 2020, month: 5)])
    }

    @Test func returnsAnEmptyLogForAnEmptyFileOrAHeaderAlone() throws {
        #expect(try #require(parseLog("")).activities.isEmpty)
        #expect(try #require(parseLog(bytes: [0xEF, 0xBB, 0xBF])).activities.isEmpty)
        #expect(try #require(parseLog("# comment\ndate,category,title\r\n\r\n")).activities.isEmpty)
    }

    @Test func acceptsAMappingWrittenInAnyCase() throws {
        let log = try #require(parseLog("d,c,t\n2020,x,y", columns: [" DATE ": "D", "Category": "c", "title": "T"]))
        #expect(log.activities.count == 1)
    }
}
