// A batch run through the library with one worker, its files written by the worker itself or by a thread of their
// own: the same bytes, the same results in the same order, failures located, and an output that cannot be replaced
// left as it was.
import Foundation
import Mawjaz
import MawjazData
import Synchronization
import Testing
import TestSupport

@Suite struct BatchRunTests {
    /// The districts of `BatchCommandTests` with the rows of `جدة` broken, rendered by a pool of one worker into `out/`
    /// of a new folder, a folder standing where `blocked`'s PDF would go; the plan, and the results in the order
    /// `done` was given them.
    static func run(writingAside: Bool, blocked: String? = nil) async throws -> (folder: URL, plan: BatchPlan, results: [BatchResult]) {
        let folder = try BatchCommandTests.folder(broken: "جدة")
        if let blocked {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("out/\(blocked).pdf"), withIntermediateDirectories: true)
        }
        let plan = try BatchPlan.grouped(ReportText(contentsOf: folder.appendingPathComponent("report.yaml")),
                                         by: DatasetGrouping(dataset: "activities", column: "district"),
                                         outputPattern: folder.path + "/out/{group}.pdf", format: .pdf, facts: ["author": "قسم التخطيط"])
        let pool = try RendererPool(resources: TestSupport.resources, workers: 1)
        defer { pool.shutdown() }
        let results = Mutex<[BatchResult]>([])
        await plan.run(on: pool, writingAside: writingAside) { result in results.withLock { $0.append(result) } }
        return (folder, plan, results.withLock { $0 })
    }

    @Test func writingAsideGivesTheBytesAndResultsOfAWorkerWritingItself() async throws {
        let itself = try await Self.run(writingAside: false)
        let aside = try await Self.run(writingAside: true)
        for run in [itself, aside] {
            // One worker: every document once, in the plan's order, the broken one failed with its row.
            #expect(run.results.map(\.document.key) == run.plan.documents.map(\.key))
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
        let pdfs = try BatchCommandTests.pdfs(in: itself.folder.appendingPathComponent("out"))
        #expect(pdfs.count == 6)
        #expect(try BatchCommandTests.pdfs(in: aside.folder.appendingPathComponent("out")) == pdfs)
        let text = TestSupport.visibleText(try TestSupport.pdfText(aside.folder.appendingPathComponent("out/شمال_جنوب.pdf")))
        #expect(text.contains("شمال/جنوب"))
    }

    @Test func anOutputThatCannotBeReplacedFailsItsDocumentAloneAndStaysAsItWas() async throws {
        for writingAside in [false, true] {
            let run = try await Self.run(writingAside: writingAside, blocked: "تبوك")
            #expect(run.results.filter { !$0.succeeded }.map(\.document.key).sorted() == ["تبوك", "جدة"], "writing aside: \(writingAside)")
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
