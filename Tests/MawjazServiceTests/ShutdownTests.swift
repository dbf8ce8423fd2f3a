// `mawjaz serve` as a process: it says where it listens, and SIGTERM while it renders lets the renders finish,
// stops taking connections and exits 0.
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct ShutdownTests {
    /// Starts `mawjaz serve --port 0` with `arguments`; returns the process, its port and its standard error.
    static func serve(_ arguments: [String]) throws -> (Process, port: Int, log: Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: EndpointTests.command)
        process.arguments = ["serve", "--port", "0"] + arguments
        let log = Pipe()
        process.standardError = log
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The line saying where it listens: {"level":"info","message":"listening","port":…,…}
        var seen = Data()
        while true {
            let chunk = log.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw TestFailure("mawjaz serve ended before listening: \(String(decoding: seen, as: UTF8.self))") }
            seen.append(chunk)
            for line in String(decoding: seen, as: UTF8.self).split(separator: "\n") {
                if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                   object["message"] as? String == "listening", let port = object["port"] as? Int {
                    return (process, port, log)
                }
            }
        }
    }

    @Test func sigtermWhileBusyFinishesTheRendersThenStops() async throws {
        // Its start, its exit and its log are waited for off the cooperative threads, which the client's tasks need.
        let (process, port, log) = try await TestSupport.offThePool { try Self.serve(["--workers", "1", "--queue", "4"]) }
        let url = URL(string: "http://127.0.0.1:\(port)/render")!
        // Two long renders: one rendering, one waiting in the queue, when SIGTERM comes.
        let renders = (0..<2).map { _ in
            Task { try await HTTP.send("POST", url, headers: ["Content-Type": "application/yaml"], body: Data(UntrustedInputTests.longReport.utf8)) }
        }
        // SIGTERM once one render runs and the other waits (as /healthz tells).
        let health = URL(string: "http://127.0.0.1:\(port)/healthz")!
        for _ in 0..<600 {
            let state = try await HTTP.send("GET", health).json()
            if state["running"] as? Int == 1, state["waiting"] as? Int == 1 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        kill(process.processIdentifier, SIGTERM)
        try await Task.sleep(for: .milliseconds(300))
        // No new connection is taken.
        #expect(throws: (any Error).self) { _ = try RawConnection(port: port) }
        for render in renders {
            let answer = try await render.value
            #expect(answer.status == 200, "\(answer.text)")
            #expect(answer.body.starts(with: Data("%PDF-".utf8)))
        }
        try await TestSupport.offThePool { process.waitUntilExit() }
        #expect(process.terminationStatus == 0)
        let lines = try await TestSupport.offThePool { String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
        #expect(lines.components(separatedBy: "\"route\":\"/render\"").count - 1 == 2, "\(lines)")
    }

    /// `mawjaz serve --help` ends with examples, as every command's help does (they start a server, so the help tests
    /// do not run them; the curl line is what `theDefaultBriefPostedAsAFormIsTheCommandsPDFByteForByte` does).
    @Test func serveHelpEndsWithExamples() throws {
        let result = try TestSupport.run(EndpointTests.command, ["serve", "--help"])
        #expect(result.status == 0)
        let examples = try #require(result.output.components(separatedBy: "\nEXAMPLES:\n").last)
        #expect(examples.split(separator: "\n").filter { $0.hasPrefix("  mawjaz serve") }.count == 2, "\(result.output)")
        #expect(result.output.contains("--token-file") && result.output.contains("--time-budget"))
    }

    @Test func aTokenFileThatCannotBeReadIsAnArgumentError() throws {
        let result = try TestSupport.run(EndpointTests.command, ["serve", "--token-file", "/nonexistent/token", "--port", "0"])
        #expect(result.status == 2)
        #expect(result.error.contains("--token-file"))
        let empty = try TestSupport.folder(with: ["token": "\n"])
        let second = try TestSupport.run(EndpointTests.command, ["serve", "--token-file", empty.appendingPathComponent("token").path])
        #expect(second.status == 2)
        #expect(second.error.contains("is empty"))
    }

    /// A limit outside its range is an argument error that says the range the option takes: seconds above zero (a
    /// fraction of a second is a time), connections from one to a million.
    @Test(arguments: [
        (["--time-budget", "0"], "--time-budget is \"0.0\", but it must be a number of seconds above 0 and at most 3600"),
        (["--idle-timeout", "3601"], "--idle-timeout is \"3601.0\", but it must be a number of seconds above 0 and at most 3600"),
        (["--drain-timeout", "nan"], "--drain-timeout is \"nan\", but it must be a number of seconds above 0 and at most 3600"),
        (["--max-connections", "2000000"], "--max-connections is \"2000000\", but it must be a number from 1 to 1000000"),
    ])
    func aLimitOutsideItsRangeIsAnArgumentError(arguments: [String], message: String) throws {
        // Under `timeout`, so that a limit let through starts a server that is stopped rather than waited for.
        let result = try TestSupport.run("timeout", ["10", EndpointTests.command, "serve", "--port", "0"] + arguments)
        #expect(result.status == 2)
        #expect(result.error.contains(message), "\(result.error)")
    }
}
