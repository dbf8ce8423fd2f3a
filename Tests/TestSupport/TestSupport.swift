// Helpers the test targets share: the bundled resources, temporary folders, and reading PDFs back with
// poppler and qpdf.
import Foundation
import Mawjaz

/// Shared fixtures and tools for Mawjaz's tests.
package enum TestSupport {
    /// The repository's Fonts/ and Templates/.
    package static var resources: Resources {
        get throws { try Resources.bundled() }
    }

    /// The repository's root folder.
    package static var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    /// The default report.
    package static var defaultReport: URL { root.appendingPathComponent("Reports/mississippi-uzbekistan/report.yaml") }

    /// The source article of the default report.
    package static var article: URL { root.appendingPathComponent("Reports/mississippi-uzbekistan/article.ar.txt") }

    /// A 4×3 PNG image.
    package static func tinyPNG() throws -> Data {
        guard let data = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAYAAAC09K7GAAAAH0lEQVR42mP8z8DAIB+14AQDFDDKIXEYGBgYmBjQAAC+4gTFB412HwAAAABJRU5ErkJggg==") else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return data
    }

    /// A new empty folder inside this test process's own temporary folder, which is removed when the process exits.
    package static func temporaryFolder() throws -> URL {
        let url = processFolder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `mawjaz-tests-PID` under the system's temporary folder, removed (with every folder the tests made in it) when
    /// the test process exits.
    private static let processFolder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mawjaz-tests-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        atexit { try? FileManager.default.removeItem(at: TestSupport.processFolder) }
        return url
    }()

    /// Writes `files` (name → contents) into a new folder and returns it.
    package static func folder(with files: [String: String]) throws -> URL {
        let folder = try temporaryFolder()
        for (name, contents) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        return folder
    }

    /// Runs a program and returns its exit status, standard output and standard error; `input` is its standard
    /// input (empty when nil), `directory` its working folder.
    @discardableResult
    package static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil, input: Data? = nil,
                           directory: URL? = nil) throws -> (status: Int32, output: String, error: String) {
        let result = try runForBytes(program, arguments, environment: environment, input: input, directory: directory)
        return (result.status, String(decoding: result.output, as: UTF8.self), result.error)
    }

    /// `run`, with standard output as bytes (a PDF written to it).
    package static func runForBytes(_ program: String, _ arguments: [String], environment: [String: String]? = nil, input: Data? = nil,
                                   directory: URL? = nil) throws -> (status: Int32, output: Data, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe(), error = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        // Both pipes are read at once, so that a program filling one while the other is read never blocks.
        let errorReader = PipeReader(error)
        standardInput.fileHandleForWriting.write(input ?? Data())
        try? standardInput.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errorReader.finish()
        process.waitUntilExit()
        return (process.terminationStatus, outData, String(decoding: errData, as: UTF8.self))
    }

    /// The text poppler reads from a PDF (what Evince copies), in reading order.
    package static func pdfText(_ url: URL, layout: Bool = false) throws -> String {
        let result = try run("pdftotext", (layout ? ["-layout"] : []) + ["-enc", "UTF-8", url.path, "-"])
        guard result.status == 0 else { throw TestFailure("pdftotext failed: \(result.error)") }
        return result.output
    }

    /// Text with the invisible bidi controls poppler wraps runs in removed and spaces collapsed: what a reader sees.
    package static func visibleText(_ text: String) -> String {
        let controls: Set<Unicode.Scalar> = ["\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
                                             "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{061C}"]
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter { !controls.contains($0) }))
        return cleaned.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }.joined(separator: "\n")
    }

    /// qpdf's verdict: nil when the file is clean, else what qpdf said.
    package static func qpdfProblems(_ url: URL) throws -> String? {
        let result = try run("qpdf", ["--check", url.path])
        return result.status == 0 && result.error.isEmpty ? nil : result.output + result.error
    }

    /// The SHA-256 of a file, in hex (coreutils' sha256sum).
    package static func sha256(_ url: URL) throws -> String {
        let result = try run("sha256sum", ["--binary", url.path])
        guard result.status == 0, let digest = result.output.split(separator: " ").first else {
            throw TestFailure("sha256sum failed: \(result.error)")
        }
        return String(digest)
    }

    /// The fonts pdffonts lists, with whether each is embedded.
    package static func fonts(_ url: URL) throws -> [(name: String, embedded: Bool)] {
        let result = try run("pdffonts", [url.path])
        return result.output.split(separator: "\n").dropFirst(2).compactMap { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            guard columns.count >= 7 else { return nil }
            return (String(columns[0]), columns[columns.count - 5] == "yes")
        }
    }

    /// The Arabic words of a text (runs of Arabic letters and marks), tatweel and bidi controls removed.
    package static func arabicWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x0640 { continue }
            let isLetter = (0x0620...0x063F).contains(value) || (0x0641...0x064A).contains(value) || (0x066E...0x06D3).contains(value)
                || value == 0x06D5 || (0x06EE...0x06EF).contains(value) || (0x06FA...0x06FF).contains(value)
            let isMark = (0x064B...0x065F).contains(value) || value == 0x0670 || (0x06D6...0x06ED).contains(value)
            if isLetter || (isMark && !current.isEmpty) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The share of `source`'s words that `extracted` gives back whole and in order (longest common subsequence).
    package static func recall(of source: [String], in extracted: [String]) -> Double {
        guard !source.isEmpty else { return 1 }
        var previous = [Int](repeating: 0, count: extracted.count + 1)
        for word in source {
            var current = [Int](repeating: 0, count: extracted.count + 1)
            for (index, other) in extracted.enumerated() {
                current[index + 1] = word == other ? previous[index] + 1 : max(current[index], previous[index + 1])
            }
            previous = current
        }
        return Double(previous[extracted.count]) / Double(source.count)
    }
}

/// A test's own failure, with what went wrong.
package struct TestFailure: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

extension TestSupport {
    /// A renderer over the bundled fonts and templates.
    package static func renderer() throws -> BriefingRenderer {
        try BriefingRenderer(resources: resources)
    }

    /// Loads, binds and lays out a report written as YAML, with data files beside it.
    package static func layout(yaml: String, files: [String: String] = [:], renderer: BriefingRenderer? = nil) throws -> LayoutResult {
        let folder = try folder(with: files.merging(["report.yaml": yaml]) { $1 })
        let renderer = try renderer ?? self.renderer()
        let (report, _) = try renderer.load(reportAt: folder.appendingPathComponent("report.yaml"))
        return try renderer.layout(try renderer.bind(report))
    }

    /// The lines of text on a page, with their baseline origins, top to bottom.
    package static func lines(_ page: Page) -> [(origin: Point, line: TextLine)] {
        page.frame.textLines.sorted { $0.origin.y < $1.origin.y }
    }
}

extension TestSupport {
    /// Runs `work`, which blocks (a process's exit, a pipe's read), on a thread of its own and waits for it without
    /// holding one of Swift's cooperative threads: they are as many as the cores, and a server's tasks need them.
    package static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class PipeReader: @unchecked Sendable {
    // @unchecked: `data` is written by the reading thread only, and read after `done` is signalled.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        Thread.detachNewThread { [self] in
            data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}
