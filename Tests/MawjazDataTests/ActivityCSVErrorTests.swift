// Tests of what a wrong activity log reports: every kind of error, where it is, and all of them at once.
import Testing
import MawjazData

@Suite struct ActivityCSVErrorTests {
    @Test func namesAMissingRequiredColumnWithASuggestion() {
        #expect(diagnostics("# log\ndata,category,Titel\n2020,a,b") == [
            "log.csv:2:1: error: date: no column for the required field \"date\" (did you mean \"data\"?)",
            "log.csv:2:1: error: title: no column for the required field \"title\" (did you mean \"Titel\"?)",
        ])
    }

    @Test func listsTheHeaderWhenNothingIsClose() {
        #expect(diagnostics("التاريخ,الفئة,النشاط\n2020,a,b") == [
            "log.csv:1:1: error: date: no column for the required field \"date\"; the header has \"التاريخ\", \"الفئة\", \"النشاط\""
                + " (map one to the field with columns:)",
            "log.csv:1:1: error: category: no column for the required field \"category\"; the header has \"التاريخ\", \"الفئة\","
                + " \"النشاط\" (map one to the field with columns:)",
            "log.csv:1:1: error: title: no column for the required field \"title\"; the header has \"التاريخ\", \"الفئة\", \"النشاط\""
                + " (map one to the field with columns:)",
        ])
        #expect(diagnostics("date,category\n") == ["log.csv:1:1: error: title: no column for the required field \"title\""])
    }

    @Test func namesAMappedHeaderTheFileLacks() {
        #expect(diagnostics("التاريخ,الفئة,النشاط\n", columns: ["date": "التاريح", "category": "الفئة", "title": "العنوان"]) == [
            "log.csv:1:1: error: date: the column mapping names the header \"التاريح\", which the file does not have"
                + " (did you mean \"التاريخ\"?)",
            "log.csv:1:1: error: title: the column mapping names the header \"العنوان\", which the file does not have",
        ])
    }

    @Test func namesAMappingKeyThatIsNoField() {
        #expect(diagnostics("date,category,title\n", columns: ["dat": "date", "colour": "x"]) == [
            "log.csv: error: columns: \"colour\" is not an activity field (the fields are date, category, title, location,"
                + " partner, participants, tags)",
            "log.csv: error: columns: \"dat\" is not an activity field (did you mean \"date\"?)",
        ])
        #expect(diagnostics("date,category,title\n", columns: ["Date": "date", "date": "date"]) == [
            "log.csv: error: columns: the field date is mapped twice",
        ])
    }

    @Test func reportsMappingProblemsEvenInAnEmptyFile() {
        #expect(diagnostics("", columns: ["titel": "x"]) == [
            "log.csv: error: columns: \"titel\" is not an activity field (did you mean \"title\"?)",
        ])
    }

    @Test func reportsADuplicateHeaderAtItsSecondColumn() {
        #expect(diagnostics("date,category,title, Date\n2020,a,b,c") == [
            "log.csv:1:22: error: \"Date\" appears twice in the header (columns 1 and 4)",
        ])
    }

    @Test func reportsAFileWithNoHeader() {
        #expect(diagnostics("# only a comment\n\n   \n") == [
            "log.csv:1:1: error: no header row: the file has only comments and blank lines"
                + " (the first row must name the columns, e.g. date,category,title)",
        ])
        #expect(diagnostics("\n") == [
            "log.csv:1:1: error: no header row: the file has only comments and blank lines"
                + " (the first row must name the columns, e.g. date,category,title)",
        ])
    }

    @Test func reportsRowsWithTheWrongNumberOfFields() {
        #expect(diagnostics("date,category,title\n2020,a\n2020,a,b,c,d\n2020,a,b,,\n2020,a,b") == [
            "log.csv:2:1: error: the row has 2 fields but the header has 3",
            "log.csv:3:10: error: the row has 5 fields but the header has 3",
        ])
        #expect(diagnostics("date,category,title,\n2020,a,b,c,d") == ["log.csv:2:12: error: the row has 5 fields but the header has 4"])
        #expect(diagnostics("date,category,title,,\n2020") == ["log.csv:2:1: error: the row has 1 field but the header has 3"])
    }

    @Test func reportsEmptyRequiredFields() {
        #expect(diagnostics("date,category,title\n2020-01-01, ,\n,\"\",x") == [
            "log.csv:2:13: error: category: required, but empty",
            "log.csv:2:14: error: title: required, but empty",
            "log.csv:3:1: error: date: required, but empty",
            "log.csv:3:2: error: category: required, but empty",
        ])
    }

    @Test func reportsBadDatesAtTheirCell() {
        #expect(diagnostics("category,title,date\na,b,2023-02-30\nc,d,  2023/01/05\ne,f,\"٢٠٢٣-١٣\"") == [
            "log.csv:2:5: error: date: \"2023-02-30\" is not a date: month 2 of 2023 has 28 days",
            "log.csv:3:7: error: date: \"2023/01/05\" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)",
            "log.csv:4:5: error: date: \"٢٠٢٣-١٣\" has no month 13 (months run 01 to 12)",
        ])
    }

    @Test func quotesTheUnescapedTextOfABadValue() {
        #expect(diagnostics("date,category,title,participants\n\"2020-\"\"01\"\"\",a,b,\"1\"\"0\"") == [
            "log.csv:2:1: error: date: \"2020-\"01\"\" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)",
            "log.csv:2:19: error: participants: \"1\"0\" is not a number (write a whole number, 0 or more)",
        ])
    }

    @Test func reportsBadParticipantCounts() {
        #expect(diagnostics("date,category,title,participants\n2020,a,b,-3\n2020,a,b,12.5\n2020,a,b,١٢٫٥\n2020,a,b,كثير") == [
            "log.csv:2:10: error: participants: \"-3\" is negative (write a whole number, 0 or more)",
            "log.csv:3:10: error: participants: \"12.5\" is not a whole number (write a whole number, 0 or more)",
            "log.csv:4:10: error: participants: \"١٢٫٥\" is not a whole number (write a whole number, 0 or more)",
            "log.csv:5:10: error: participants: \"كثير\" is not a number (write a whole number, 0 or more)",
        ])
    }

    @Test func reportsAnUnterminatedQuoteOnTheLineItOpens() {
        #expect(diagnostics("date,category,title\n2020,a,b\n2021,\"open,c\n2022,d,e\n") == [
            "log.csv:3:6: error: the quote that opens this field is never closed",
        ])
    }

    @Test func reportsTextAfterAClosingQuote() {
        #expect(diagnostics("date,category,title\n2020,\"a\"b,c") == [
            "log.csv:2:9: error: text after the closing quote (write a quote inside a quoted field as two quotes: \"\")",
        ])
    }

    @Test func reportsInvalidUTF8WithItsLine() {
        let bytes = Array("date,category,title\n2020,".utf8) + [0xE9] + Array("t\u{E9},x\n2021,a,b\n".utf8)
        #expect(diagnostics(bytes: bytes) == ["log.csv:2:6: error: the byte 0xE9 is not UTF-8 (save the file as UTF-8)"])
    }

    @Test func reportsEveryProblemOfTheFileInOrder() {
        let text = """
            date,category,title,participants
            2020-02-30,a,b,1
            2020,a,,x
            2020,a
            ٢٠٢١-٠٢-٢٩,b,c,-1
            2022,c,d,4
            """
        #expect(diagnostics(text) == [
            "log.csv:2:1: error: date: \"2020-02-30\" is not a date: month 2 of 2020 has 29 days",
            "log.csv:3:8: error: title: required, but empty",
            "log.csv:3:9: error: participants: \"x\" is not a number (write a whole number, 0 or more)",
            "log.csv:4:1: error: the row has 2 fields but the header has 4",
            "log.csv:5:1: error: date: \"٢٠٢١-٠٢-٢٩\" is not a date: month 2 of 2021 has 28 days",
            "log.csv:5:16: error: participants: \"-1\" is negative (write a whole number, 0 or more)",
        ])
    }

    @Test func reportsHeaderAndRowProblemsTogether() {
        #expect(diagnostics("date,kategory,title\n2020-13,a,b", columns: ["locaton": "x"]) == [
            "log.csv: error: columns: \"locaton\" is not an activity field (did you mean \"location\"?)",
            "log.csv:1:1: error: category: no column for the required field \"category\" (did you mean \"kategory\"?)",
            "log.csv:2:1: error: date: \"2020-13\" has no month 13 (months run 01 to 12)",
        ])
    }

    @Test func stopsListingAfterAHundredErrors() {
        let rows = (1...150).map { "2020-\(String($0 % 12 + 13)),a,b" }
        let found = diagnostics((["date,category,title"] + rows).joined(separator: "\n"))
        #expect(found.count == DiagnosticLog.errorLimit + 1)
        #expect(found[0] == "log.csv:2:1: error: date: \"2020-14\" has no month 14 (months run 01 to 12)")
        #expect(found[99] == "log.csv:101:1: error: date: \"2020-17\" has no month 17 (months run 01 to 12)")
        #expect(found[100] == "log.csv:102:1: error: and 50 more errors")
    }

    /// Found by fuzzing: a date cell of hundreds of characters was quoted whole, past the 600 characters a message may
    /// have. A value's message quotes at most its first 60 characters.
    @Test func aLongCellIsQuotedShort() {
        let date = "2024-" + String(repeating: "1", count: 10_000)
        let count = String(repeating: "9", count: 10_000)
        #expect(diagnostics("date,category,title,participants\n\(date),a,b,\(count)\n") == [
            "log.csv:2:1: error: date: \"2024-\(String(repeating: "1", count: 55))…\" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)",
            "log.csv:2:10011: error: participants: \"\(String(repeating: "9", count: 60))…\" is too large",
        ])
    }

    /// Found by fuzzing: eight header names of 60 characters each made a message of 611 characters. The header is listed
    /// within 240 characters, "…" saying that some were left out.
    @Test func aHeaderOfLongNamesIsListedShort() {
        let names = (0..<10).map { String(repeating: "h\($0)", count: 50) }
        let cut = names.prefix(3).map { "\"\($0.prefix(60))…\"" }.joined(separator: ", ") + ", \"…\""
        #expect(diagnostics(names.joined(separator: ",") + "\n") == ["date", "category", "title"].map {
            "log.csv:1:1: error: \($0): no column for the required field \"\($0)\"; the header has \(cut) (map one to the field with columns:)"
        })
    }

    @Test func diagnosticsCarryTheirParts() throws {
        do {
            _ = try ActivityCSV.parse(Array("date,category,title\n2020,a,\n".utf8), file: "f.csv", name: "n")
            Issue.record("expected an error")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.location == MawjazData.SourceLocation(file: "f.csv", line: 2, column: 8))
            #expect(diagnostic.field == "title")
            #expect(diagnostic.message.description == "required, but empty")
        }
    }
}
