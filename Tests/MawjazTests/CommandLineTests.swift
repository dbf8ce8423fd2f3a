// The mawjaz command: what it prints, where it writes, and its exit status.
import Foundation
import Testing
import TestSupport

@Suite struct CommandLineTests {
    /// The command built beside the tests.
    static var command: String {
        let debug = TestSupport.root.appendingPathComponent(".build/debug/mawjaz").path
        return FileManager.default.fileExists(atPath: debug) ? debug : TestSupport.root.appendingPathComponent(".build/release/mawjaz").path
    }

    @Test func renderWritesTheDefaultOutputAndPrintsItsPath() throws {
        let folder = try TestSupport.folder(with: [
            "memo/report.yaml": "title: \"مذكرة\"\ndate: 2024-01-01\nbody:\n  - paragraph: \"نص المذكرة.\"\n",
        ])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.command)
        process.arguments = ["render", "memo/report.yaml"]
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(printed == "out/memo.pdf\n")
        try TestSupport.inspectPDF(folder.appendingPathComponent("out/memo.pdf"))
    }

    @Test func badInputExitsWithStatusTwoAndALocatedMessage() throws {
        let folder = try TestSupport.folder(with: ["report.yaml": "title: \"x\"\ndate: 2024-02-30\nbody: []\n"])
        let output = folder.appendingPathComponent("x.pdf").path
        let result = try TestSupport.run(Self.command, ["render", folder.appendingPathComponent("report.yaml").path, "-o", output])
        #expect(result.status == 2)
        #expect(result.error.contains("report.yaml:2:7: error: date: \"2024-02-30\" is not a date: month 2 of 2024 has 29 days"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func anUnknownOutputFormatIsBadInput() throws {
        let result = try TestSupport.run(Self.command, ["render", TestSupport.defaultReport.path, "-o", "/tmp/brief.docx"])
        #expect(result.status == 2)
        #expect(result.error.contains(".docx"))
    }

    @Test func validateSummarisesTheReport() throws {
        let result = try TestSupport.run(Self.command, ["validate", TestSupport.defaultReport.path])
        #expect(result.status == 0)
        #expect(result.output.contains("ok, 3 pages"))
        #expect(result.output.contains("activities: 204 activities, years 2012–2024, 5 categories"))
    }

    @Test func sourceDateEpochDatesTheOutputAndTwoRunsAreIdentical() throws {
        let folder = try TestSupport.folder(with: ["report.yaml": "title: \"مذكرة\"\ndate: 2024-01-01\nbody:\n  - paragraph: \"نص المذكرة.\"\n"])
        var outputs: [Data] = []
        for name in ["a.pdf", "b.pdf"] {
            let output = folder.appendingPathComponent(name)
            let result = try TestSupport.run(Self.command, ["render", folder.appendingPathComponent("report.yaml").path, "-o", output.path],
                                             environment: ["SOURCE_DATE_EPOCH": "1700000000"])
            #expect(result.status == 0, "\(result.error)")
            let facts = try TestSupport.inspectPDF(output)
            #expect(facts.info["CreationDate"] == "D:20231114221320Z")
            #expect(facts.xmp["CreateDate"] == "2023-11-14T22:13:20Z")
            outputs.append(try Data(contentsOf: output))
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test func aMissingReportIsNamed() throws {
        let result = try TestSupport.run(Self.command, ["validate", "/nowhere/report.yaml"])
        #expect(result.status == 2)
        #expect(result.error.contains("/nowhere/report.yaml does not exist"))
    }

    /// The command asks cairo to leave its streams uncompressed (`CAIRO_DEBUG_PDF`), and the amendment compresses each
    /// once; the library in this process (which does not ask) inflates the streams cairo compressed that it rewrites:
    /// the same bytes either way; the font programs and images cairo stored in both are compressed once by libdeflate.
    /// Reports with images (the annual summary's compressed by cairo), charts, tables and two scripts.
    @Test(arguments: ["mississippi-uzbekistan", "correspondence", "peers-brief", "annual-summary"])
    func theCommandWritesThePDFTheLibraryWrites(_ name: String) throws {
        #expect(getenv("CAIRO_DEBUG_PDF") == nil, "the tests' own renders would not read cairo's compressed streams")
        let report = TestSupport.root.appendingPathComponent("Reports/\(name)/report.yaml")
        let folder = try TestSupport.temporaryFolder()
        let written = folder.appendingPathComponent("command.pdf"), drawn = folder.appendingPathComponent("library.pdf")
        // Both date the PDF alike: by `SOURCE_DATE_EPOCH` when this process has it (the command inherits it), else by
        // the report's date.
        let result = try TestSupport.run(Self.command, ["render", report.path, "-o", written.path])
        #expect(result.status == 0, "\(result.error)")
        try TestSupport.renderer().render(reportAt: report, to: drawn)
        #expect(try Data(contentsOf: written) == Data(contentsOf: drawn))
    }
}
