// Stopping a render: SIGTERM or SIGINT in the middle of writing leaves neither a temporary file nor a page behind.
import Foundation
import Testing
import TestSupport

@Suite struct InterruptTests {
    @Test(arguments: [SIGTERM, SIGINT])
    func aStoppedRenderLeavesNothingBehind(_ signal: Int32) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = TestSupport.root.appendingPathComponent("Tests/MawjazTests/Fixtures/long/report-ar.yaml")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.command)
        process.arguments = ["render", report.path, "-o", folder.appendingPathComponent("p.svg").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Pages are drawn in memory and then written aside together: watch for the hidden folder they are written
        // into, and stop the render the moment it appears.
        let deadline = Date().addingTimeInterval(120)
        var sawStaging = false
        while !sawStaging && process.isRunning && Date() < deadline {
            sawStaging = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.contains { $0.hasPrefix(".") } ?? false
        }
        try #require(sawStaging, "the render never started writing pages")
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
}
