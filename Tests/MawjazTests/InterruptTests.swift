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
        process.arguments = ["render", report.path, "-o", folder.appendingPathComponent("p.png").path, "--dpi", "200"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until pages are being written aside, then stop the render.
        let deadline = Date().addingTimeInterval(120)
        var staged: [String] = []
        while staged.isEmpty && process.isRunning && Date() < deadline {
            let hidden = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasPrefix(".") } ?? []
            staged = hidden.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent($0).path)) ?? [] }
            usleep(20_000)
        }
        try #require(!staged.isEmpty, "the render never started writing pages")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [], "something was left behind")
    }
}
