// Tests of the CSV scanner: quoting, line breaks, blanks, encoding, and the line and column of every field.
import Testing
@testable import MawjazData

/// What the scanner made of some bytes.
private struct Scan {
    var records: [[String]] = []
    var lines: [Int] = []
    /// `line:column` of each field, per record.
    var places: [[String]] = []
    var quoted: [[Bool]] = []
    var unterminated: [Bool] = []
    var diagnostics: [String] = []
}

private func scan(_ bytes: [UInt8], skippingComments: Bool = false) -> Scan {
    var result = Scan()
    var log = DiagnosticLog()
    bytes.withUnsafeBufferPointer { buffer in
        var scanner = CSVScanner(bytes: buffer, file: "s.csv")
        if skippingComments { scanner.skipCommentsAndBlankLines() }
        var fields: [CSVField] = []
        while let line = scanner.nextRecord(into: &fields, log: &log) {
            result.lines.append(line)
            result.records.append(fields.map { scanner.text(of: $0) })
            result.places.append(fields.map { "\($0.line):\($0.column)" })
            result.quoted.append(fields.map(\.isQuoted))
            result.unterminated.append(scanner.recordIsUnterminated)
        }
    }
    result.diagnostics = log.diagnostics.map(\.description)
    return result
}

private func scan(_ text: String, skippingComments: Bool = false) -> Scan {
    scan(Array(text.utf8), skippingComments: skippingComments)
}

@Suite struct CSVScannerTests {
    @Test func splitsRecordsAndFields() {
        let result = scan("a,b,c\n1,2,3\n")
        #expect(result.records == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(result.lines == [1, 2])
        #expect(result.places == [["1:1", "1:3", "1:5"], ["2:1", "2:3", "2:5"]])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func readsQuotedCommasDoubledQuotesAndLineBreaks() {
        let result = scan("\"x, y\",\"he said \"\"hi\"\"\",\"line 1\nline 2\"\nnext,\"\",3")
        #expect(result.records == [["x, y", "he said \"hi\"", "line 1\nline 2"], ["next", "", "3"]])
        #expect(result.lines == [1, 3])
        #expect(result.places == [["1:1", "1:8", "1:25"], ["3:1", "3:6", "3:9"]])
        #expect(result.quoted == [[true, true, true], [false, true, false]])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func acceptsLFCRLFAndLoneCRMixed() {
        let result = scan("a,b\r\n1,2\r3,4\n\"q\r\nr\",5\r\n")
        #expect(result.records == [["a", "b"], ["1", "2"], ["3", "4"], ["q\nr", "5"]])
        #expect(result.lines == [1, 2, 3, 4])
        #expect(result.places[3] == ["4:1", "5:4"])
    }

    @Test func trimsBlanksOutsideQuotesOnly() {
        let result = scan("  a  ,\t\" b \"  ,c d  \n")
        #expect(result.records == [["a", " b ", "c d"]])
        #expect(result.places == [["1:3", "1:8", "1:16"]])
    }

    @Test func countsColumnsInUnicodeScalarsAndSkipsTheByteOrderMark() {
        let result = scan([0xEF, 0xBB, 0xBF] + Array("تاريخ,فئة\nأ,  ب".utf8))
        #expect(result.records == [["تاريخ", "فئة"], ["أ", "ب"]])
        #expect(result.places == [["1:1", "1:7"], ["2:1", "2:5"]])
    }

    @Test func keepsEmptyFieldsAndMarksThemBlank() {
        let result = scan("a,,b,\n")
        #expect(result.records == [["a", "", "b", ""]])
        var log = DiagnosticLog()
        Array("a,,\"\"".utf8).withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer, file: "s.csv")
            var fields: [CSVField] = []
            _ = scanner.nextRecord(into: &fields, log: &log)
            #expect(fields.map(\.isBlank) == [false, true, false])
        }
    }

    @Test func skipsCommentsAndBlankLinesBeforeTheHeader() {
        let result = scan("# a comment, with \"quotes\n\n  # indented\r\n \t \na,b\n# not skipped after\n", skippingComments: true)
        #expect(result.records == [["a", "b"], ["# not skipped after"]])
        #expect(result.lines == [5, 6])
    }

    @Test func reportsAnUnterminatedQuoteWhereItOpens() {
        let result = scan("a,b\nc,\"never\nclosed,x\n")
        #expect(result.records == [["a", "b"], ["c", "never\nclosed,x\n"]])
        #expect(result.unterminated == [false, true])
        #expect(result.diagnostics == ["s.csv:2:3: error: the quote that opens this field is never closed"])
    }

    @Test func reportsTextAfterAClosingQuote() {
        let result = scan("\"ab\"c d,e\n")
        #expect(result.records == [["ab", "e"]])
        #expect(result.diagnostics == [
            "s.csv:1:5: error: text after the closing quote (write a quote inside a quoted field as two quotes: \"\")",
        ])
    }

    @Test func reportsInvalidUTF8OncePerLine() {
        var bytes = Array("ok,".utf8) + [0xFF] + Array("x\nfine,".utf8) + [0xC0, 0xAF]
        bytes += Array("\nسلام,".utf8) + [0xED, 0xA0, 0x80] + Array("\n\"".utf8) + [0xE2, 0x82]
        let result = scan(bytes)
        #expect(result.diagnostics == [
            "s.csv:1:4: error: the byte 0xFF is not UTF-8 (save the file as UTF-8)",
            "s.csv:2:6: error: the byte 0xC0 is not UTF-8 (save the file as UTF-8)",
            "s.csv:3:6: error: the byte 0xED is not UTF-8 (save the file as UTF-8)",
            "s.csv:4:2: error: the byte 0xE2 is not UTF-8 (save the file as UTF-8)",
            "s.csv:4:1: error: the quote that opens this field is never closed",
        ])
        #expect(result.records[0] == ["ok", "\u{FFFD}x"])
        #expect(result.places[1] == ["2:1", "2:6"])
    }

    @Test func acceptsEveryLengthOfUTF8InsideQuotes() {
        let result = scan("\"é€😀ب\",\"x\u{0301}\",ok")
        #expect(result.records == [["é€😀ب", "x\u{0301}", "ok"]])
        #expect(result.places == [["1:1", "1:8", "1:13"]])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func acceptsEveryLengthOfUTF8() {
        let result = scan("é,€,😀,ب\n1,2,3,4")
        #expect(result.records == [["é", "€", "😀", "ب"], ["1", "2", "3", "4"]])
        #expect(result.places[0] == ["1:1", "1:3", "1:5", "1:7"])
        #expect(result.diagnostics.isEmpty)
    }
}
