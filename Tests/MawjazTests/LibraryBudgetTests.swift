// The budgets and refusals of `mawjaz render` hold for the library too: a report sent in memory, through a pool, or
// with its files supplied by name gets the same located errors, and nothing is drawn past a limit.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct LibraryBudgetTests {
    static let head = "title: \"موجز\"\ndate: 2024-09-15\ndata:\n  activities: log.csv\nbody:\n"

    /// A log of `rows` activities, as bytes.
    static func log(_ rows: Int) -> Data {
        Data(("date,category,title\n" + (0..<rows).map { "2020-01-0\(1 + $0 % 9),فئة,نشاط \($0)\n" }.joined()).utf8)
    }

    /// The first error of a render of `yaml` in memory with `files`, and its exit status.
    static func refusal(_ yaml: String, files: [String: Data], limits: LimitOverrides = LimitOverrides(),
                        format: OutputFormat = .pdf) throws -> (status: Int32, first: String) {
        let renderer = try TestSupport.renderer()
        do throws(MawjazError) {
            let rendered = try renderer.render(RenderRequest(.yaml(yaml, files: files), format: format, limits: limits))
            Issue.record("rendered \(rendered.pageCount) pages")
            return (0, "")
        } catch {
            return (error.exitStatus, error.description(in: .en).split(separator: "\n").first.map(String.init) ?? "")
        }
    }

    @Test func nestedSectionsInMemoryStopAtTheExpansionBudget() throws {
        let nested = String(repeating: "{{#activities.activities}}", count: 3) + "{{title}}"
            + String(repeating: "{{/activities.activities}}", count: 3)
        let (status, first) = try Self.refusal(Self.head + "  - paragraph: \"\(nested)\"\n", files: ["log.csv": Self.log(300)])
        #expect(status == 2)
        #expect(first.hasPrefix("report.yaml:6:5: error:"), "\(first)")
        #expect(first.contains("the text expands past the expansion-"), "\(first)")
    }

    @Test func suppliedFilesAreHeldToTheDataLimits() throws {
        let body = "  - paragraph: \"{{activities.total}}\"\n"
        let rows = try Self.refusal(Self.head + body, files: ["log.csv": Self.log(50)], limits: LimitOverrides([.dataRows: 10]))
        #expect(rows.status == 2 && rows.first.contains("data-rows limit of 10"), "\(rows.first)")
        // Code raises a limit with the request's limits, not with the command's flag.
        #expect(rows.first.contains("RenderRequest.limits") && !rows.first.contains("--limit"), "\(rows.first)")
        #expect(rows.first.hasPrefix("log.csv:"), "located in the log: \(rows.first)")
        let bytes = try Self.refusal(Self.head + body, files: ["log.csv": Self.log(50)], limits: LimitOverrides([.dataBytes: 100]))
        #expect(bytes.status == 2 && bytes.first.contains("data-bytes limit of 100"), "\(bytes.first)")
        #expect(bytes.first.hasPrefix("report.yaml:4:"), "located where the report names the file: \(bytes.first)")
    }

    @Test func reportTextInMemoryIsHeldToTheSizeOfAReportFile() throws {
        let long = Self.head + "  - paragraph: \"" + String(repeating: "ن", count: 2_200_000) + "\"\n"
        let (status, first) = try Self.refusal(long, files: [:])
        #expect(status == 2 && first.hasPrefix("report.yaml: error:") && first.contains("over the limit of 4194304"), "\(first)")
    }

    @Test(arguments: [Double.nan, .infinity, 1e12, 0, -72])
    func aResolutionNoPageCanBeDrawnAtIsBadInput(_ dpi: Double) throws {
        let (status, first) = try Self.refusal(Self.head + "  - paragraph: \"نص.\"\n", files: ["log.csv": Self.log(3)], format: .png(dpi: dpi))
        #expect(status == 2 && first.hasPrefix("--dpi: error:"), "\(first)")
    }

    @Test func aPoolRefusesWhatRenderRefuses() async throws {
        let pool = try RendererPool(resources: TestSupport.resources, workers: 1)
        defer { pool.shutdown() }
        let nested = String(repeating: "{{#activities.activities}}", count: 1000) + "x" + String(repeating: "{{/activities.activities}}", count: 1000)
        do {
            _ = try await pool.render(RenderRequest(.yaml(Self.head + "  - paragraph: \"\(nested)\"\n", files: ["log.csv": Self.log(3)])))
            Issue.record("the pool rendered a thousand nested sections")
        } catch {
            #expect(error.description(in: .en).contains("section-depth limit of 8"), "\(error)")
        }
    }

    @Test func aDocumentIsNotWrittenOverItsOwnInput() throws {
        let folder = try TestSupport.temporaryFolder()
        let report = folder.appendingPathComponent("report.yaml")
        try Data((Self.head + "  - paragraph: \"نص.\"\n").utf8).write(to: report)
        try Self.log(3).write(to: folder.appendingPathComponent("log.csv"))
        let rendered = try TestSupport.renderer().render(RenderRequest(.file(report)))
        let before = try Data(contentsOf: folder.appendingPathComponent("log.csv"))
        #expect(throws: MawjazError.self) { try rendered.write(to: folder.appendingPathComponent("log.csv")) }
        #expect(try Data(contentsOf: folder.appendingPathComponent("log.csv")) == before)
        #expect(try rendered.write(to: folder.appendingPathComponent("brief.pdf")).count == 1)
    }
}
