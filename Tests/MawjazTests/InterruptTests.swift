// Stopping a render: SIGTERM or SIGINT in the middle of writing leaves neither a temporary file nor a page behind;
// stopping a batch while two workers write leaves every output whole and no hidden file.
import Foundation
import Testing
import TestSupport

@Suite struct InterruptTests {
    /// Starts `mawjaz` with `arguments` in `folder`, its output discarded.
    static func start(_ arguments: [String], in folder: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.command)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aStoppedRenderLeavesNothingBehind(_ signal: Int32) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = TestSupport.root.appendingPathComponent("Tests/MawjazTests/Fixtures/long/report-ar.yaml")
        // Pages are drawn in memory and then written aside together: watch for the hidden folder they are written
        // into, and stop the render the moment it appears. On a busy machine the watch can miss it (the pages are
        // written in milliseconds): the render is then run again, into an emptied folder.
        var process: Process, sawStaging = false, attempts = 0
        repeat {
            attempts += 1
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
            process = try Self.start(["render", report.path, "-o", folder.appendingPathComponent("p.svg").path])
            let deadline = Date().addingTimeInterval(120)
            while !sawStaging && process.isRunning && Date() < deadline {
                sawStaging = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.contains { $0.hasPrefix(".") } ?? false
            }
            if !sawStaging { process.waitUntilExit() }
        } while !sawStaging && attempts < 5
        try #require(sawStaging, "five renders ended before their hidden folder was seen")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        // Every page: p-01.svg … p-NN.svg, as many as the last number says.
        let complete = left.allSatisfy { $0.hasPrefix("p-") && $0.hasSuffix(".svg") }
            && left.last.flatMap { Int($0.dropFirst(2).dropLast(4)) } == left.count
        if process.terminationReason == .uncaughtSignal {
            #expect(process.terminationStatus == signal)
            // Stopped while writing aside: nothing; stopped while moving into place (the signal waits): every page.
            #expect(left == [] || complete, "something was left behind: \(left)")
        } else {
            // The signal came after the last page was in place.
            #expect(process.terminationStatus == 0 && complete, "\(left)")
        }
        #expect(!left.contains { $0.hasPrefix(".") }, "a temporary file was left behind: \(left)")
    }

    /// Two workers create a hidden file for every document while the signal is handled on another thread: whatever
    /// file they were creating when it came is removed too.
    @Test(arguments: [SIGTERM, SIGINT])
    func aStoppedBatchLeavesNoHiddenFile(_ signal: Int32) throws {
        let rows = (1...300).map { "2024-0\(1 + $0 % 9)-10,تدريب,دورة,حي \($0)" }
        let folder = try TestSupport.folder(with: ["report.yaml": BatchCommandTests.report,
                                                   "activities.csv": "date,category,title,district\n" + rows.joined(separator: "\n") + "\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let process = try Self.start(["batch", "report.yaml", "--each", "activities.district", "-o", "out/{group}.pdf", "-j", "2", "-q",
                                      "--set", "author=قسم التخطيط"], in: folder)
        let deadline = Date().addingTimeInterval(120)
        var written = 0
        while written < 20 && process.isRunning && Date() < deadline {
            written = (try? FileManager.default.contentsOfDirectory(atPath: out.path))?.count ?? 0
        }
        try #require(written >= 20, "the batch never wrote 20 files")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
        #expect(!left.contains { $0.hasPrefix(".") }, "a hidden file was left behind: \(left.filter { $0.hasPrefix(".") })")
        // Every output there is whole: a PDF to its end.
        for name in left {
            let bytes = try Data(contentsOf: out.appendingPathComponent(name))
            #expect(bytes.starts(with: Data("%PDF-".utf8)) && bytes.suffix(8).contains(Data("%%EOF".utf8)), "\(name)")
        }
    }
}
