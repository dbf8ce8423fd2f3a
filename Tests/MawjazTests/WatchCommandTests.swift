// mawjaz watch: renders again when the report, its data, an image or its template changes (also when an editor
// saves by renaming a new file over the old one), keeps the last good output through a broken save, and leaves
// unrelated files, editors' swap files and its own output alone.
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct WatchCommandTests {
    static let report = """
        title: "مذكرة المتابعة"
        date: 2024-05-01
        data:
          activities: data/activities.csv
        body:
          - paragraph: "النص الأول. عدد الأنشطة {{activities.count}}."
          - image: images/picture.png
            alt: "صورة"

        """
    static let log = "date,category,title\n2024-01-10,تدريب,دورة\n2024-02-11,اجتماعات,اجتماع\n"

    /// A `mawjaz watch` running in the background, its printed lines collected as they come.
    final class Watch: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var printed = ""

        init(_ arguments: [String], in folder: URL) throws {
            process.executableURL = URL(fileURLWithPath: CommandLineTests.command)
            process.arguments = ["watch"] + arguments
            process.currentDirectoryURL = folder
            process.environment = ProcessInfo.processInfo.environment.merging(["MAWJAZ_LANG": "en"]) { $1 }
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            // Read by a blocking loop on a thread of its own, not by `readabilityHandler`: on Linux, tearing down that
            // handler's dispatch source races the pipe's close inside libdispatch, which once crashed a test run
            // (signal 11 in `_dispatch_event_loop_drain`; swift-corelibs-libdispatch issue 949).
            let output = pipe.fileHandleForReading
            Thread.detachNewThread { [weak self] in
                while true {
                    let data = output.availableData
                    guard !data.isEmpty, let self else { return }
                    self.lock.withLock { self.printed += String(decoding: data, as: UTF8.self) }
                }
            }
        }

        var output: String { lock.withLock { printed } }

        /// Waits until what it printed satisfies `condition`; false after `seconds`.
        func waitFor(seconds: Double = 60, _ condition: (String) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if condition(output) { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return condition(output)
        }

        /// How many renders it has reported (written, unchanged, or failed).
        var renders: Int {
            output.components(separatedBy: "\n").filter { $0.contains(" in ") && $0.contains(" ms") || $0.contains("left as it was") }.count
        }

        func stop() -> Int32 {
            process.terminate()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    /// A folder with the report, its log, a picture and a template of its own.
    static func reportFolder(template: Bool = false) throws -> URL {
        let folder = try TestSupport.folder(with: [
            "report.yaml": template ? report.replacingOccurrences(of: "title:", with: "template: look/plain.yaml\ntitle:") : report,
            "data/activities.csv": log,
            "look/plain.yaml": "name: plain\npage: {size: A4}\n",
        ])
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
        try TestSupport.tinyPNG().write(to: folder.appendingPathComponent("images/picture.png"))
        return folder
    }

    /// Saves `text` as an editor does: a new file beside it, renamed over the old one.
    static func save(_ text: String, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).saving")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    static func text(_ pdf: URL) -> String { (try? TestSupport.pdfText(pdf)).map(TestSupport.visibleText) ?? "" }

    @Test func aSaveByRenameRendersAgainAndABrokenSaveKeepsTheLastGoodOutput() throws {
        let folder = try Self.reportFolder()
        let pdf = folder.appendingPathComponent("out/brief.pdf")
        let watch = try Watch(["report.yaml", "-o", "out/brief.pdf"], in: folder)
        defer { _ = watch.stop() }
        #expect(watch.waitFor { $0.contains("out/brief.pdf: 1 page in ") }, "\(watch.output)")
        #expect(watch.waitFor { $0.contains("watching report.yaml and the files it uses") }, "\(watch.output)")
        #expect(Self.text(pdf).contains(TestSupport.visibleText("النص الأول")))

        try Self.save(Self.report.replacingOccurrences(of: "النص الأول", with: "النص الثاني"), to: folder.appendingPathComponent("report.yaml"))
        #expect(watch.waitFor { _ in Self.text(pdf).contains(TestSupport.visibleText("النص الثاني")) }, "\(watch.output)")
        let good = try Data(contentsOf: pdf)

        try Self.save("title: \"x\"\ndate: 2024-02-30\nbody: []\n", to: folder.appendingPathComponent("report.yaml"))
        #expect(watch.waitFor { $0.contains("report.yaml:2:7: error: date: \"2024-02-30\" is not a date") }, "\(watch.output)")
        #expect(watch.waitFor { $0.contains("out/brief.pdf was left as it was") }, "\(watch.output)")
        #expect(try Data(contentsOf: pdf) == good)
        #expect(try TestSupport.qpdfProblems(pdf) == nil)
        #expect(watch.stop() == 0)
    }

    @Test func aChangedLogImageOrTemplateRendersAgain() throws {
        let folder = try Self.reportFolder(template: true)
        let pdf = folder.appendingPathComponent("brief.pdf")
        let watch = try Watch(["report.yaml", "-o", "brief.pdf"], in: folder)
        defer { _ = watch.stop() }
        #expect(watch.waitFor { $0.contains("brief.pdf: 1 page in ") }, "\(watch.output)")
        #expect(Self.text(pdf).contains("٢") && !Self.text(pdf).contains("٣"))

        // The log written in place, as a spreadsheet program saves it.
        try Data((Self.log + "2024-03-12,تدريب,تمرين\n").utf8).write(to: folder.appendingPathComponent("data/activities.csv"))
        #expect(watch.waitFor { _ in Self.text(pdf).contains("٣") }, "\(watch.output)")

        var before = try Data(contentsOf: pdf)
        // The same picture written again: a render, and no write.
        try TestSupport.tinyPNG().write(to: folder.appendingPathComponent("images/picture.png"))
        #expect(watch.waitFor { $0.contains("brief.pdf: unchanged") }, "\(watch.output)")
        #expect(try Data(contentsOf: pdf) == before)

        try Self.save("name: plain\npage: {size: A5}\n", to: folder.appendingPathComponent("look/plain.yaml"))
        #expect(watch.waitFor { _ in (try? Data(contentsOf: pdf)) != before }, "\(watch.output)")
        #expect(try TestSupport.run("pdfinfo", [pdf.path]).output.contains("419.53 x 595.28 pts"))

        before = try Data(contentsOf: pdf)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("images/picture.png"))
        #expect(watch.waitFor { $0.contains("images/picture.png does not exist") }, "\(watch.output)")
        #expect(try Data(contentsOf: pdf) == before)
    }

    @Test func itsOwnOutputSwapFilesAndBackupsDoNotRenderAgain() throws {
        let folder = try Self.reportFolder()
        let watch = try Watch(["report.yaml", "-o", "brief.pdf"], in: folder)
        defer { _ = watch.stop() }
        #expect(watch.waitFor { $0.contains("brief.pdf: 1 page in ") }, "\(watch.output)")
        for name in [".report.yaml.swp", "report.yaml~", "4913", "#report.yaml#"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        Thread.sleep(forTimeInterval: 1)
        #expect(watch.renders == 1, "\(watch.output)")
        // A file the report does not name, in its folder, renders again (it might be named next), without a write.
        try Data("notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(watch.waitFor { $0.contains("brief.pdf: unchanged") }, "\(watch.output)")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(watch.renders == 2, "\(watch.output)")
    }

    @Test func theCommandLinesLimitsHoldForEveryRender() throws {
        let folder = try Self.reportFolder()
        let watch = try Watch(["report.yaml", "-o", "out/brief.pdf", "--limit", "data-rows=1"], in: folder)
        defer { _ = watch.stop() }
        // The log's two rows are past the limit given: refused, with the flag that raises it, and nothing written.
        #expect(watch.waitFor { $0.contains("more rows than the data-rows limit of 1 (raise it under limits: in the report, or with --limit data-rows=N)") },
                "\(watch.output)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/brief.pdf").path))
    }

    @Test func pagesAsPNGAndBadArguments() throws {
        let folder = try Self.reportFolder()
        let watch = try Watch(["report.yaml", "-o", "pages/brief.png", "--dpi", "30"], in: folder)
        defer { _ = watch.stop() }
        #expect(watch.waitFor { $0.contains("pages/brief.png: 1 page in ") }, "\(watch.output)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("pages/brief-1.png").path))

        let toStandardOutput = try TestSupport.run(CommandLineTests.command, ["watch", "report.yaml", "-o", "-"], environment: ["MAWJAZ_LANG": "en"],
                                                   directory: folder)
        #expect(toStandardOutput.status == 2)
        #expect(toStandardOutput.error.contains("-o names a file or a folder, not standard output"))
        let pagesOfPDF = try TestSupport.run(CommandLineTests.command, ["watch", "report.yaml", "--pages", "1"], environment: ["MAWJAZ_LANG": "en"],
                                             directory: folder)
        #expect(pagesOfPDF.status == 2)
    }
}
