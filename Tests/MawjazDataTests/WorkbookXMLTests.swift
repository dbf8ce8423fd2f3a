// The workbook's own XML reader: what it reads of well-formed parts, and how it refuses hostile ones (a DOCTYPE and
// its entities, unclosed tags, unknown entities, bytes that are not UTF-8, deep nesting, huge attributes), each
// refusal placed at a line and column.
import Foundation
@testable import MawjazData
import MawjazLanguage
import Testing

/// Writes down every event as text: `<name a=v>`, `</name>`, `"text"`.
private struct EventLog: WorkbookXMLHandler {
    var events: [String] = []
    var wantsText: Bool { true }

    mutating func start(_ name: String, attributes: WorkbookXML.Attributes) throws(WorkbookXML.Failure) {
        events.append("<" + ([name] + attributes.pairs.map { "\($0.name)=\($0.value)" }).joined(separator: " ") + ">")
    }

    mutating func end(_ name: String) throws(WorkbookXML.Failure) { events.append("</\(name)>") }

    mutating func text(_ text: String) throws(WorkbookXML.Failure) {
        if let last = events.last, last.hasPrefix("\"") {
            events[events.count - 1] = String(last.dropLast()) + text + "\""
        } else {
            events.append("\"\(text)\"")
        }
    }
}

@Suite struct WorkbookXMLTests {
    /// The events of `xml`, or the refusal's detail (`line L, column C: …`).
    static func read(_ xml: some Sequence<UInt8>) -> Result<[String], Workbook.Problem> {
        var log = EventLog()
        do throws(Workbook.Problem) {
            try WorkbookXML.read(Data(xml), part: "xl/worksheets/sheet1.xml", into: &log)
            return .success(log.events)
        } catch {
            return .failure(error)
        }
    }

    /// The detail of the refusal of `xml`, or nil when it is read.
    static func refusal(_ xml: some Sequence<UInt8>) -> String? {
        guard case .failure(let problem) = read(xml), case .workbookPartNotXML(let part, let detail) = problem.message else { return nil }
        #expect(part == "xl/worksheets/sheet1.xml")
        return detail
    }

    @Test func readsElementsAttributesTextEntitiesAndCDATA() throws {
        let xml = "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<!-- made by hand -->"
            + "<x:sst xmlns:x=\"urn:x\" xmlns=\"urn:y\" count='2' r:id=\"rId1\"><si><t xml:space=\"preserve\"> a &amp; b &lt;&#1593;&#x639;&gt;\r\nc</t></si>"
            + "<?pi ignored?><si><t><![CDATA[<b>&amp;</b>]]></t><e f=\"1&#10;2\n3\"/></si></x:sst>\n"
        let events = try Self.read(Array(xml.utf8)).get()
        #expect(events == ["<sst count=2 id=rId1>", "<si>", "<t space=preserve>", "\" a & b <عع>\nc\"", "</t>", "</si>",
                           "<si>", "<t>", "\"<b>&amp;</b>\"", "</t>", "<e f=1\n2 3>", "</e>", "</si>", "</sst>"])
    }

    /// The billion laughs and any other DOCTYPE: no entity of a document's own is ever expanded.
    @Test func aDoctypeIsRefused() {
        let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n<sst>&lol2;</sst>"
        #expect(Self.refusal(Array(laughs.utf8)) == "line 2, column 1: a DOCTYPE is not read (no entity of a document's own is expanded)")
        #expect(Self.refusal(Array("<!DOCTYPE x SYSTEM \"file:///etc/passwd\"><x/>".utf8))?.hasPrefix("line 1, column 1: a DOCTYPE") == true)
    }

    @Test func unclosedAndMismatchedTagsArePlaced() {
        #expect(Self.refusal(Array("<a>\n  <b>text</a>".utf8)) == "line 2, column 10: end tag </a> where </b> was expected")
        #expect(Self.refusal(Array("<a><b/>".utf8)) == "line 1, column 1: element <a> is not closed")
        #expect(Self.refusal(Array("<a><b c=\"1\"".utf8)) == "line 1, column 4: tag <b> is not closed")
        #expect(Self.refusal(Array("<a/></a>".utf8)) == "line 1, column 5: end tag </a> without a start")
        #expect(Self.refusal(Array("<a/><b/>".utf8)) == "line 1, column 5: a second root element")
        #expect(Self.refusal(Array("<a b=\"1\" b=\"2\"/>".utf8)) == "line 1, column 10: attribute b given twice")
        #expect(Self.refusal(Array("<a><!-- no end </a>".utf8)) == "line 1, column 4: comment is not closed")
        #expect(Self.refusal(Array("".utf8)) == "line 1, column 1: no element")
    }

    @Test func onlyXMLsFiveEntitiesAndCharactersItAllowsAreRead() {
        #expect(Self.refusal(Array("<a>x &nbsp; y</a>".utf8)) == "line 1, column 6: entity &nbsp; is not one of XML's five")
        #expect(Self.refusal(Array("<a>fish & chips</a>".utf8)) == "line 1, column 9: \"&\" that starts no reference (write &amp;)")
        #expect(Self.refusal(Array("<a b=\"&#0;\"/>".utf8)) == "line 1, column 7: reference &#0; names no character XML allows")
        #expect(Self.refusal(Array("<a>&#xD800;</a>".utf8)) == "line 1, column 4: reference &#xD800; names no character XML allows")
        #expect(Self.refusal(Array("<a>&#x110000;</a>".utf8)) == "line 1, column 4: reference &#x110000; names no character XML allows")
        #expect(Self.refusal(Array("<a>&#99999999999999999999;</a>".utf8)) != nil)
    }

    /// Truncated, overlong, surrogate and stray bytes, and control characters, placed in characters (Arabic counted once).
    @Test func bytesThatAreNotUTF8AreRefused() {
        for bad: [UInt8] in [[0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xE2, 0x82]] {
            #expect(Self.refusal(Array("<a>عربي".utf8) + bad + Array("</a>".utf8)) == "line 1, column 8: bytes that are not UTF-8", "\(bad)")
        }
        #expect(Self.refusal(Array("<a>\u{1}</a>".utf8)) == "line 1, column 4: control character 1 is not allowed in XML")
    }

    /// 10,000 elements deep (libxml2 stops at 256 by default too): refused at the limit, in a moment.
    @Test func deepNestingIsRefusedAtTheLimit() {
        let xml = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect(Self.refusal(Array(xml.utf8)) == "line 1, column \(3 * WorkbookXML.depthLimit + 1): elements nested deeper than \(WorkbookXML.depthLimit)")
        let allowed = String(repeating: "<a>", count: WorkbookXML.depthLimit) + String(repeating: "</a>", count: WorkbookXML.depthLimit)
        #expect(Self.refusal(Array(allowed.utf8)) == nil)
    }

    @Test func hugeNamesAttributesAndTextsAreRefused() {
        let value = String(repeating: "x", count: 1 << 20)
        #expect(Self.refusal(Array("<a b=\"\(value)\"/>".utf8)) == "line 1, column 6: attribute value longer than 65536 bytes")
        #expect(Self.refusal(Array("<\(String(repeating: "n", count: 300))/>".utf8)) == "line 1, column 2: element name longer than 256 bytes")
        let attributes = (0...WorkbookXML.attributeCountLimit).map { "a\($0)=\"\"" }.joined(separator: " ")
        #expect(Self.refusal(Array("<a \(attributes)/>".utf8))?.contains("more than 256 attributes") == true)
        // A shared string longer than a cell can hold.
        var strings = Workbook.SharedStringsReader()
        #expect(throws: Workbook.Problem.self) {
            try WorkbookXML.read(Data("<sst><si><t>\(String(repeating: value, count: 2))</t></si></sst>".utf8), part: "xl/sharedStrings.xml", into: &strings)
        }
    }

    /// A hostile sheet inside a workbook: the error names the file, the part, the line and the column.
    @Test func aBadSheetIsNamedByFilePartLineAndColumn() throws {
        let fixture = WorkbookFixture(sheets: [("Sheet1", [(1, #"<c r="A1" t="inlineStr"><is><t>a &bogus; b</t></is></c>"#)])])
        #expect {
            try ActivityWorkbook.parse(try fixture.data(), file: "log.xlsx", name: "a")
        } throws: { error in
            (error as? DataError)?.description
                == "log.xlsx: error: xl/worksheets/sheet1.xml is not the XML an Excel workbook holds (line 2, column 134: entity &bogus; is not one of XML's five)"
        }
    }
}
