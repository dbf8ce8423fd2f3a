// A facts item's `source` is drawn small below its label, with the language's lead word, inside the item's cell.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct FactSourceTests {
    static func report(language: String, sources: [String?]) -> String {
        let items = sources.enumerated().map { index, source in
            let label = language == "ar" ? "المؤشر \(index + 1)" : "Figure \(index + 1)"
            return "      - {label: \"\(label)\", value: \"\(12 * (index + 1))\"" + (source.map { ", source: \"\($0)\"" } ?? "") + "}"
        }
        return """
        title: "\(language == "ar" ? "موجز" : "Brief")"
        date: 2024-09-15
        language: \(language)
        numerals: latin
        body:
          - facts:
              items:
        \(items.joined(separator: "\n"))
          - paragraph: "\(language == "ar" ? "نص بعد المربع." : "Text after the box.")"
        """
    }

    /// The page's text lines with their origins.
    static func lines(_ result: LayoutResult) -> [(text: String, origin: Point, width: Double, size: Double)] {
        result.document.pages[0].frame.textLines.map { origin, line in
            (line.text, origin, line.width, line.runs.map(\.font.size).max() ?? 0)
        }
    }

    @Test(arguments: [("ar", "المصدر:"), ("en", "Source:")])
    func aSourceIsDrawnBelowItsLabelInTheCell(language: String, lead: String) throws {
        let result = try TestSupport.layout(yaml: Self.report(language: language, sources: ["ISSN 2049-3630", nil, "\(lead) report_v2.pdf"]))
        let lines = Self.lines(result)
        let first = try #require(lines.first { $0.text == "\(lead) ISSN 2049-3630" }, "the lead word before the source")
        // The author's own lead word is not doubled.
        let third = try #require(lines.first { $0.text == "\(lead) report_v2.pdf" }, "\(lines.map(\.text))")
        #expect(!lines.contains { $0.text.contains("\(lead) \(lead)") })
        let prefix = language == "ar" ? "المؤشر" : "Figure"
        for (source, index) in [(first, 1), (third, 3)] {
            let label = try #require(lines.first { $0.text == "\(prefix) \(index)" })
            #expect(source.origin.y > label.origin.y + label.size * 0.9, "below its label")
            #expect(abs((source.origin.x + source.width / 2) - (label.origin.x + label.width / 2)) < 1, "centred under it")
            #expect(source.size < label.size + 0.01, "no larger than the label")
        }
        // The second item has no source: nothing under its label, and the box grows to hold the notes, above the text.
        #expect(lines.filter { $0.text.hasPrefix(lead) }.count == 2)
        let after = try #require(lines.first { $0.text.hasPrefix(language == "ar" ? "نص بعد" : "Text after") })
        #expect(after.origin.y > first.origin.y + first.size)
        #expect(result.warnings.isEmpty)
    }

    @Test func aBoxWithoutSourcesKeepsItsHeight() throws {
        // Items without a source are laid out as before: the paragraph after the box stands where it stood.
        let without = try TestSupport.layout(yaml: Self.report(language: "ar", sources: [nil, nil]))
        let with = try TestSupport.layout(yaml: Self.report(language: "ar", sources: [nil, "سجل الأنشطة"]))
        let start = { (result: LayoutResult) in Self.lines(result).first { $0.text.hasPrefix("نص بعد") }?.origin.y ?? 0 }
        #expect(start(with) > start(without) + 5, "the source's line makes the box taller")
        #expect(!Self.lines(without).contains { $0.text.hasPrefix("المصدر") })
    }
}
