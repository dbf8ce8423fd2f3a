// Hostile reports with huge names, values, paths and lists in every kind of field: every message stays within
// `Message.messageLimit` in every language, and every diagnostic still names its file, line, column and field.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct MessageBoundTests {
    /// A name far longer than any message may be: one word, so that nothing breaks it at a space.
    static let huge = String(repeating: "كلمة", count: 1_500)
    /// Another, so that a list of names holds several distinct huge ones.
    static func huge(_ index: Int) -> String { "n\(index)" + String(repeating: "x", count: 3_000) }

    static let head = "title: \"موجز\"\ndate: 2024-09-15\n"
    static let log = "date,category,title\n2024-01-10,تدريب,دورة\n"

    /// One hostile report: its text, the files beside it, and words its first error must hold.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var report: String
        var files: [String: String] = [:]
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        let h = huge
        let many = (1...30).map(huge)
        let datasets = many.map { "  ? \($0)\n  : missing-\($0).csv\n" }.joined()
        return [
            Case(name: "unknown top-level key", report: head + "? \(h)\n: 1\nbody: []\n", expected: "unknown key"),
            Case(name: "duplicate key", report: head + "facts:\n  ? \(h)\n  : 1\n  ? \(h)\n  : 2\nbody: []\n", expected: "twice"),
            Case(name: "a value that is not one of the choices", report: head + "language: \(h)\nbody: []\n", expected: "is not one of"),
            Case(name: "a number that is not one", report: head + "attachment: \(h)\nbody: []\n", expected: "whole number"),
            Case(name: "template name", report: head + "template: \(h)\nbody: []\n", expected: "no template named"),
            Case(name: "colour", report: head + "template: {name: briefing, colors: {accent: \"\(h)\"}}\nbody: []\n", expected: "colour"),
            Case(name: "page size", report: head + "template: {name: briefing, page: {size: \(h)}}\nbody: []\n", expected: "page size"),
            Case(name: "font folder", report: head + "fonts: {path: \(h)}\nbody: []\n", expected: "font folder"),
            Case(name: "font family", report: head + "fonts: {arabic: \(h)}\nbody:\n  - paragraph: \"نص\"\n", expected: "famil"),
            Case(name: "a block that is no block", report: head + "body:\n  - \(h)\n", expected: "block"),
            Case(name: "block keys that name no kind",
                 report: head + "body:\n  - " + many.prefix(12).map { "? \($0)\n    : 1\n" }.joined(separator: "    "), expected: "no block kind"),
            Case(name: "an option a block does not have", report: head + "body:\n  - paragraph: x\n    ? \(h)\n    : 1\n", expected: "no option"),
            Case(name: "a column width", report: head + "body:\n  - table: {columns: [{title: a, width: \"\(h)\"}], rows: [[b]]}\n",
                 expected: "is not a width"),
            Case(name: "a data file's path", report: head + "data:\n  activities: \(h)/\(h).csv\nbody: []\n", expected: "cannot be read"),
            Case(name: "a dataset's name", report: head + "data:\n  ? \(h)\n  : log.csv\nbody:\n  - paragraph: \"{{\(h).count.x}}\"\n",
                 files: ["log.csv": log], expected: "takes no key"),
            Case(name: "a chart naming no dataset among many", report: head + "data:\n" + datasets + "body:\n  - chart: {type: bar, data: \(h), by: year}\n",
                 expected: "dataset"),
            Case(name: "an image path", report: head + "body:\n  - image: {path: \"\(h)/\(h).png\", alt: x}\n", expected: ".png"),
            Case(name: "a column mapping naming no field",
                 report: head + "data:\n  activities:\n    file: log.csv\n    columns:\n      ? \(h)\n      : date\nbody: []\n", files: ["log.csv": log],
                 expected: "is not an activity field"),
            Case(name: "a header of huge names without a required column",
                 report: head + "data:\n  activities: log.csv\nbody: []\n",
                 files: ["log.csv": many.joined(separator: ",") + "\n" + many.map { _ in "x" }.joined(separator: ",") + "\n"],
                 expected: "no column for the required field"),
            Case(name: "a huge cell that is not a date", report: head + "data:\n  activities: log.csv\nbody: []\n",
                 files: ["log.csv": "date,category,title\n\(h),a,b\n"], expected: "is not a date"),
            Case(name: "a placeholder naming nothing", report: head + "body:\n  - paragraph: \"{{\(h)}}\"\n", expected: "placeholder"),
            Case(name: "a placeholder naming no fact", report: head + "facts:\n  a: 1\nbody:\n  - paragraph: \"{{facts.\(h)}}\"\n", expected: "fact"),
            Case(name: "a dataset placeholder naming no field",
                 report: head + "data:\n  activities: log.csv\nbody:\n  - paragraph: \"{{activities.\(h)}}\"\n", files: ["log.csv": log],
                 expected: "field"),
            Case(name: "a section never closed", report: head + "body:\n  - paragraph: \"{{#\(h)}}x\"\n", expected: "never closed"),
            Case(name: "a link to no heading among huge headings",
                 report: head + "body:\n" + (1...6).map { "  - heading: \"\($0) " + String(repeating: "عنوان طويل ", count: 300) + "\"\n" }.joined()
                     + "  - paragraph: \"[x](#\(h))\"\n",
                 expected: "names no heading"),
            Case(name: "a column title too wide for its column",
                 report: head + "body:\n  - table: {columns: [{title: \"\(h)\", width: 20}, {title: b}], rows: [[c, d]]}\n", expected: "column"),
        ]
    }()

    /// Every problem `validate` finds in the report (errors, or else warnings).
    static func diagnostics(of hostile: Case) throws -> [Diagnostic] {
        let folder = try TestSupport.folder(with: hostile.files.merging(["report.yaml": hostile.report]) { $1 })
        let renderer = try TestSupport.renderer()
        do {
            return try renderer.validate(RenderRequest(.file(folder.appendingPathComponent("report.yaml")))).warnings
        } catch {
            guard case .input(let found) = error else { Issue.record("not an input error: \(error)"); return [] }
            return found
        }
    }

    @Test(arguments: cases) func everyMessageStaysShortAndLocated(hostile: Case) throws {
        let found = try Self.diagnostics(of: hostile)
        try #require(!found.isEmpty, "no problem found")
        #expect(found.contains { $0.message.text(in: .en).contains(hostile.expected) },
                "no message says \(hostile.expected): \(found.map { $0.message.text(in: .en).prefix(200) })")
        for diagnostic in found {
            for language in Language.allCases {
                let text = diagnostic.message.text(in: language)
                #expect(text.count <= Message.messageLimit, "\(language): \(text.count) characters: \(text.prefix(200))")
            }
            #expect(diagnostic.location.file.hasSuffix(".yaml") || diagnostic.location.file.hasSuffix(".csv"), "\(diagnostic.location.file)")
            #expect(diagnostic.location.file.count <= 200)
            #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "unlocated: \(diagnostic.description.prefix(300))")
            // A YAML syntax error (a duplicate key among them) comes before there are fields: its message names the key.
            let syntax: Bool
            switch diagnostic.message {
            case .duplicateKey, .duplicateKeyAt, .cannotParse: syntax = true
            default: syntax = false
            }
            #expect(syntax || diagnostic.field.map { !$0.isEmpty && $0.count <= 200 } ?? false, "no field: \(diagnostic.description.prefix(300))")
        }
    }

    @Test func aListKeepsItsFirstNamesEachCutShortAndSaysWhenItLeftSomeOut() {
        #expect(Message.listExcerpt(["a", "b"]) == ["a", "b"])
        let listed = Message.listExcerpt((1...30).map(Self.huge))
        #expect(listed.last == "…")
        #expect(listed.count == 4)
        #expect(listed.dropLast().allSatisfy { $0.count == 61 && $0.hasSuffix("…") })
        #expect(Message.listExcerpt((1...20).map { "name\($0)" }).count == 9)
    }

    @Test func aDiagnosticsPlaceIsCutShortToo() {
        let path = String(repeating: "d/", count: 400) + "report.yaml"
        let diagnostic = Diagnostic(at: SourceLocation(file: path, line: 3, column: 5), field: "facts." + Self.huge, .documentEmpty)
        #expect(diagnostic.location.file.count == 200)
        #expect(diagnostic.location.file.hasSuffix("report.yaml"))
        #expect(diagnostic.field?.count == 200)
        #expect(diagnostic.field?.hasPrefix("facts.") == true)
        #expect(diagnostic.description.contains(":3:5: error: facts."))
    }
}
