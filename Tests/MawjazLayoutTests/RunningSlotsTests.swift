// The slots of a running head and foot share their line: a side slot too wide for its room is set smaller, never
// over its neighbour, and one too wide even at its smallest is a warning naming its field.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct RunningSlotsTests {
    static let address = "www.economy.gov.ae — info+reports@economy.gov.ae — Tel."
    static let size = 8.5

    static func report(language: String, footStart: String, headEnd: String) -> String {
        """
        template:
          name: briefing
          header: {center: "{title}", end: "\(headEnd)"}
          footer: {start: "\(footStart)", center: "{page-of-pages}"}
        title: "\(language == "ar" ? "موجز" : "Brief")"
        date: 2024-09-15
        language: \(language)
        body:
          - paragraph: "\(language == "ar" ? "نص قصير." : "A short text.")"
        """
    }

    /// The lines in the page's margins (running head, foot and banner), each with its em box and size.
    static func furniture(_ result: LayoutResult) -> [(text: String, box: Rect, size: Double)] {
        let page = result.document.pages[0], setup = PageSetup.a4
        return page.frame.textLines.filter { $0.origin.y < 64 || $0.origin.y > setup.height - 62 }.map { origin, line in
            let size = line.runs.map(\.font.size).max() ?? 0
            return (line.text, Rect(x: origin.x, y: origin.y - 0.8 * size, width: line.width, height: 1.05 * size), size)
        }
    }

    @Test(arguments: ["ar", "en"]) func aWideSideSlotIsSetSmallerBesideTheCentredOne(language: String) throws {
        let result = try TestSupport.layout(yaml: Self.report(language: language, footStart: Self.address, headEnd: Self.address))
        let lines = Self.furniture(result)
        let slots = lines.filter { $0.text == Self.address }
        #expect(slots.count == 2, "the address whole, in the head and in the foot")
        for slot in slots {
            #expect(slot.size < Self.size - 0.1 && slot.size >= 0.7 * Self.size - 0.001, "\(slot.size)")
        }
        for (index, line) in lines.enumerated() {
            for other in lines[(index + 1)...] {
                #expect(!line.box.overlaps(other.box, tolerance: 0), "\(line.text) on \(other.text)")
            }
        }
        // The page numbers (the centred slot, and the template's at the end) fit and keep their size.
        let numbers = lines.filter { $0.text.contains(language == "ar" ? "صفحة" : "Page") }
        #expect(numbers.count == 2 && numbers.allSatisfy { $0.size == Self.size })
        #expect(result.warnings.isEmpty)
    }

    @Test(arguments: ["ar", "en"]) func aSlotTooWideAtItsSmallestIsAWarningAtItsField(language: String) throws {
        let long = Self.address + " — " + Self.address
        let yaml = Self.report(language: language, footStart: long, headEnd: "x")
        let result = try TestSupport.layout(yaml: yaml)
        let slot = try #require(Self.furniture(result).first { $0.text == long }, "the slot's text whole")
        #expect(abs(slot.size - 0.7 * Self.size) < 0.001)
        let warning = try #require(result.warnings.first)
        #expect(result.warnings.count == 1)
        #expect(warning.field == "template.footer.start")
        #expect(warning.location.file.hasSuffix("report.yaml"))
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("footer:") }
        #expect(warning.location.line == line.map { $0 + 1 })
        #expect(warning.location.column > 0)
        #expect(warning.message.description.contains(long))
    }
}
