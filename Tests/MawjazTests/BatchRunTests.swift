// A batch run through the library with one worker and with two, each writing what it renders: the same bytes, every
// document once (in the plan's order with one worker), failures located, and an output that cannot be replaced left
// as it was.
import Foundation
import Mawjaz
import MawjazData
import Synchronization
import Testing
import TestSupport

@Suite struct BatchRunTests {
    /// The districts of `BatchCommandTests` with the rows of `جدة` broken, rendered by a pool of `workers` into `out/`
    /// of a new folder, a folder standing where `blocked`'s PDF would go; the plan, and the results in the order
    /// `done` was given them.
    static func run(workers: Int, blocked: String? = nil) async throws -> (folder: URL, plan: BatchPlan, results: [BatchResult]) {
        let folder = try BatchCommandTests.folder(broken: "جدة")
        if let blocked {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("out/\(blocked).pdf"), withIntermediateDirectories: true)
        }
        let plan = try BatchPlan.grouped(ReportText(contentsOf: folder.appendingPathComponent("report.yaml")),
                                         by: DatasetGrouping(dataset: "activities", column: "district"),
                                         outputPattern: folder.path + "/out/{group}.pdf", format: .pdf, facts: ["author": "قسم التخطيط"])
        let pool = try RendererPool(resources: TestSupport.resources, workers: workers)
        defer { pool.shutdown() }
        let results = Mutex<[BatchResult]>([])
        await plan.run(on: pool) { result in results.withLock { $0.append(result) } }
        return (folder, plan, results.withLock { $0 })
    }

    @Test func twoWorkersGiveTheBytesAndResultsOfOne() async throws {
        let one = try await Self.run(workers: 1)
        let two = try await Self.run(workers: 2)
        // One worker: every document in the plan's order; two: every document once, in the order they ended.
        #expect(one.results.map(\.document.key) == one.plan.documents.map(\.key))
        #expect(two.results.map(\.document.key).sorted() == two.plan.documents.map(\.key).sorted())
        for run in [one, two] {
            // The broken one failed with its row.
            #expect(run.results.filter { !$0.succeeded }.map(\.document.key) == ["جدة"])
            let failure = try #require(run.results.first { !$0.succeeded }?.failure)
            #expect(failure.description(in: .en).contains("activities.csv:"), "\(failure)")
            #expect(failure.description(in: .en).contains("is not a date"), "\(failure)")
            for result in run.results where result.succeeded {
                #expect(result.files == [result.document.output])
                #expect(result.pageCount == 1)
                #expect(result.milliseconds > 0)
            }
            // Nothing left half-written beside the outputs.
            let names = try FileManager.default.contentsOfDirectory(atPath: run.folder.appendingPathComponent("out").path)
            #expect(names.sorted() == ["Abha.pdf", "abha-2.pdf", "الرياض.pdf", "تبوك.pdf", "حائل.pdf", "شمال_جنوب.pdf"], "\(names)")
        }
        let pdfs = try BatchCommandTests.pdfs(in: one.folder.appendingPathComponent("out"))
        #expect(pdfs.count == 6)
        #expect(try BatchCommandTests.pdfs(in: two.folder.appendingPathComponent("out")) == pdfs)
        let text = TestSupport.visibleText(try TestSupport.pdfText(two.folder.appendingPathComponent("out/شمال_جنوب.pdf")))
        #expect(text.contains("شمال/جنوب"))
    }

    @Test func anOutputThatCannotBeReplacedFailsItsDocumentAloneAndStaysAsItWas() async throws {
        for workers in [1, 2] {
            let run = try await Self.run(workers: workers, blocked: "تبوك")
            #expect(run.results.filter { !$0.succeeded }.map(\.document.key).sorted() == ["تبوك", "جدة"], "workers: \(workers)")
            let failure = try #require(run.results.first { $0.document.key == "تبوك" }?.failure)
            #expect(failure.description(in: .en).contains("تبوك.pdf"), "\(failure)")
            var isFolder: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: run.folder.appendingPathComponent("out/تبوك.pdf").path, isDirectory: &isFolder))
            #expect(isFolder.boolValue)
            let names = try FileManager.default.contentsOfDirectory(atPath: run.folder.appendingPathComponent("out").path)
            #expect(names.count == 6 && !names.contains { $0.hasPrefix(".") }, "\(names)")
        }
    }
}
