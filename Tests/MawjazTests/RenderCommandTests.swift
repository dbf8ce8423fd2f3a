// mawjaz render beyond one file: several reports in one run, standard input and output, --set, --format,
// --pages with zero-padded page files, and --diagnostics json.
import Foundation
import Testing
import TestSupport

@Suite struct RenderCommandTests {
    static let memo = "title: \"مذكرة {{facts.unit}}\"\ndate: 2024-01-01\nfacts: {unit: \"أولى\"}\nbody:\n  - paragraph: \"نص المذكرة.\"\n"

    @Test func severalReportsRenderInOneRunIntoAFolder() throws {
        let folder = try TestSupport.folder(with: ["a/report.yaml": Self.memo, "b/report.yaml": Self.memo, "c/memo.yaml": Self.memo,
                                                   "broken/report.yaml": "title: x\n"])
        let result = try TestSupport.run(CommandLineTests.command, ["render", "a/report.yaml", "b/report.yaml", "c/memo.yaml", "broken/report.yaml",
                                                                    "-o", "briefs"], directory: folder)
        #expect(result.status == 2, "one report failed, the others were written")
        #expect(result.output == "briefs/a.pdf\nbriefs/b.pdf\nbriefs/memo.pdf\n")
        #expect(result.error.contains("broken/report.yaml"))
        for name in ["a", "b", "memo"] { try TestSupport.inspectPDF(folder.appendingPathComponent("briefs/\(name).pdf")) }
    }

    @Test func aReportFromStandardInputToStandardOutputIsTheFilesBytes() throws {
        let folder = try TestSupport.folder(with: ["report.yaml": Self.memo])
        let environment = ["SOURCE_DATE_EPOCH": "1700000000"]
        let piped = try TestSupport.runForBytes(CommandLineTests.command, ["render", "-", "-o", "-", "--set", "unit=ثانية"],
                                                environment: environment, input: Data(Self.memo.utf8), directory: folder)
        #expect(piped.status == 0, "\(piped.error)")
        let written = try TestSupport.run(CommandLineTests.command, ["render", "report.yaml", "-o", "file.pdf", "--set", "unit=ثانية"],
                                          environment: environment, directory: folder)
        #expect(written.status == 0)
        #expect(piped.output == (try Data(contentsOf: folder.appendingPathComponent("file.pdf"))))
        #expect(TestSupport.visibleText(try TestSupport.pdfText(folder.appendingPathComponent("file.pdf"))).contains("مذكرة ثانية"))
    }

    @Test func formatAndPagesChooseTheFilesWritten() throws {
        let folder = try TestSupport.temporaryFolder()
        let result = try TestSupport.run(CommandLineTests.command, ["render", TestSupport.defaultReport.path, "-o", "brief", "--format", "svg",
                                                                    "--pages", "1,3"], directory: folder)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "brief-1.svg\nbrief-3.svg\n")
        let contradiction = try TestSupport.run(CommandLineTests.command, ["render", TestSupport.defaultReport.path, "-o", "x.pdf", "--format", "png"],
                                                directory: folder)
        #expect(contradiction.status == 2)
        let pastTheEnd = try TestSupport.run(CommandLineTests.command, ["render", TestSupport.defaultReport.path, "-o", "x.png", "--pages", "7"],
                                             directory: folder)
        #expect(pastTheEnd.status == 2)
        #expect(pastTheEnd.error.contains("no page 7"))
        for bad in ["0", "3-1", "one"] {
            #expect(try TestSupport.run(CommandLineTests.command, ["render", TestSupport.defaultReport.path, "-o", "x.png", "--pages", bad]).status != 0)
        }
    }

    @Test func diagnosticsAsJSONCarryThePlaceAndTheMessage() throws {
        let folder = try TestSupport.folder(with: ["report.yaml": "title: x\ndate: 2024-02-30\nbody: []\n"])
        for command in ["render", "validate"] {
            let result = try TestSupport.run(CommandLineTests.command, [command, "report.yaml", "--diagnostics", "json"], directory: folder)
            #expect(result.status == 2)
            let line = try #require(result.error.split(separator: "\n").first)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["severity"] as? String == "error")
            #expect((object["file"] as? String)?.hasSuffix("report.yaml") == true)
            #expect(object["line"] as? Int == 2 && object["column"] as? Int == 7)
            #expect(object["field"] as? String == "date")
            #expect((object["message"] as? String)?.contains("is not a date") == true)
        }
        let wrong = try TestSupport.run(CommandLineTests.command, ["render", "report.yaml", "--pages", "0", "--diagnostics", "json"], directory: folder)
        #expect(wrong.status != 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(wrong.error.utf8)) as? [String: Any])
        #expect(object["field"] as? String == "arguments")
        #expect((object["message"] as? String)?.contains("--pages") == true)
    }
}
