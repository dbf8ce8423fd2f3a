// Every hostile case through the command: the error, its place and the exit status expected, nothing written or
// changed in the case's folder, and validate refusing it exactly as render does.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct HostileCorpusTests {
    @Test func theCorpusHasSixtyCasesOrMore() {
        #expect(HostileCase.all.count >= 60)
        #expect(Set(HostileCase.all.map(\.name)).count == HostileCase.all.count, "every case has its own name")
    }

    @Test(arguments: HostileCase.all)
    func isRefusedWhereItIsWrongAndWritesNothing(_ hostile: HostileCase) throws {
        let folder = try Self.make(hostile)
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.snapshot(folder)
        let report = folder.appendingPathComponent(hostile.report).path
        let output = folder.appendingPathComponent(hostile.output).path
        let render = try Self.run(["render", report, "-o", output] + hostile.options, in: folder)
        let firstLine = render.error.split(separator: "\n").first.map(String.init) ?? ""
        #expect(render.status == hostile.status, "\(render.error)")
        let place = hostile.location.hasPrefix("-") ? hostile.location : folder.appendingPathComponent(hostile.location).path
        // Input errors start with their place; output errors ("error: PATH: …") name it in their message.
        #expect(hostile.location.hasPrefix("-") || hostile.status == 1 ? firstLine.contains(place) : firstLine.hasPrefix(place), "\(firstLine)")
        #expect(render.error.contains(hostile.message), "\(render.error)")
        #expect(render.error.split(separator: "\n").allSatisfy { $0.count <= 600 }, "a message quotes more than the offending field")
        #expect(try Self.snapshot(folder) == before, "the case's folder changed")
        guard hostile.validates else { return }
        let validate = try Self.run(["validate", report], in: folder)
        #expect(validate.status == render.status)
        #expect(Self.errors(validate.error) == Self.errors(render.error), "validate and render disagree")
        #expect(try Self.snapshot(folder) == before, "validate changed the case's folder")
        // The library, in memory, refuses it with the same errors: the budgets are not the command line's alone.
        let format = try OutputFormat.forPath(URL(fileURLWithPath: output))
        let renderer = try TestSupport.renderer()
        do throws(MawjazError) {
            let rendered = try renderer.render(RenderRequest(.file(URL(fileURLWithPath: report)), format: format))
            Issue.record("the library rendered \(rendered.pageCount) pages")
        } catch {
            #expect(error.exitStatus == render.status)
            // The same errors, but for how a limit is raised: the library's name the request's limits, the command's --limit.
            let asTheCommandSaysThem = error.withLimitRemedy { _ in .commandLine }
            #expect(Self.errors(asTheCommandSaysThem.description(in: .en)) == Self.errors(render.error), "the library and render disagree")
            #expect(!error.description(in: .en).contains("--limit"), "the library names a flag its callers do not have")
        }
    }

    /// Runs the command with its output and errors going to files (a pipe could fill and stall it), in a folder of
    /// its own beside the case's.
    static func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, error: String) {
        let logs = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: logs) }
        let output = logs.appendingPathComponent("output"), error = logs.appendingPathComponent("error")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        FileManager.default.createFile(atPath: error.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.command)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: error)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: error), as: UTF8.self))
    }

    static func errors(_ printed: String) -> [String] {
        printed.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
    }

    /// A folder holding the case's files, and an earlier output at `out/brief.pdf` and `out/brief-1.png` to be kept.
    static func make(_ hostile: HostileCase) throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("an earlier output".utf8).write(to: out.appendingPathComponent("brief.pdf"))
        try Data("an earlier page".utf8).write(to: out.appendingPathComponent("brief-1.png"))
        for (path, file) in hostile.files.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch file {
            case .text(let text): try Data(text.utf8).write(to: url)
            case .bytes(let bytes): try Data(bytes).write(to: url)
            case .fifo: guard mkfifo(url.path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
            case .link(let target): try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
            case .folder: try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            }
        }
        return folder
    }

    /// Every entry under `folder` (hidden ones too) with its kind and, for regular files, its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var entries: [String: Data] = [:]
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        for name in names {
            var status = stat()
            guard lstat(folder.appendingPathComponent(name).path, &status) == 0 else { continue }
            let kind = status.st_mode & S_IFMT
            entries[name] = kind == S_IFREG ? try Data(contentsOf: folder.appendingPathComponent(name)) : Data("kind \(kind)".utf8)
        }
        return entries
    }
}
