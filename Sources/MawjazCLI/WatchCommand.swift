// The watch subcommand: render a report, then again whenever it or a file it uses changes.
import ArgumentParser
import Dispatch
import Foundation
import Mawjaz
import MawjazRender
#if canImport(Glibc)
import Glibc
#endif

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "watch", abstract: Console.text(.watch(.help)),
                                                    discussion: Console.text(.watch(.helpDiscussion)))

    @Argument(help: ArgumentHelp(Console.text(.watch(.helpReport))))
    var report: String

    @Option(name: .shortAndLong, help: ArgumentHelp(Console.text(.watch(.helpOutput))))
    var output: String?

    @OptionGroup var what: OutputOptions

    @OptionGroup var diagnostics: DiagnosticOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        Renderer.keepFreeMemoryForMoreDocuments()
        let console = diagnostics.console
        let reportURL = URL(fileURLWithPath: report)
        var session: WatchSession
        do throws(MawjazError) {
            let (destination, format) = try destination(for: reportURL)
            var request = RenderRequest(.file(reportURL), format: format, facts: what.facts, limits: what.limits.overrides)
            if let pages = what.pages {
                guard format != .pdf else { throw Render.bad("pages", .pagesOnlyForImages) }
                request.pages = pages
            }
            session = try WatchSession(report: reportURL, destination: destination, request: request, console: console)
        } catch {
            console.fail(error)
        }
        session.run()
    }

    /// Where the output goes and in which format, as `mawjaz render` decides for one report.
    private func destination(for report: URL) throws(MawjazError) -> (URL, OutputFormat) {
        if output == "-" { throw Render.bad("output", .watch(.notToStandardOutput)) }
        let stem = report.deletingPathExtension().lastPathComponent
        let name = stem == "report" ? report.deletingLastPathComponent().standardizedFileURL.lastPathComponent : stem
        let chosen = what.format ?? .pdf
        guard let output, !Render.isFolder(output) else {
            return (URL(fileURLWithPath: output ?? "out").appendingPathComponent("\(name).\(chosen.rawValue)"), chosen.format(dpi: what.dpi))
        }
        let url = URL(fileURLWithPath: output)
        return (url, try Render.format(of: url, chosen: what.format, dpi: what.dpi))
    }
}

/// One report watched: the renderer kept between renders, the folders watched, and the bytes last written.
struct WatchSession {
    let report: URL
    let destination: URL
    let request: RenderRequest
    let console: Console
    private let renderer: BriefingRenderer
    private let watcher: FolderWatcher
    /// The read end of the pipe a signal writes to, so that a wait ends and the loop stops between renders.
    private let stopSignal: Int32
    private let signalSources: [any DispatchSourceSignal]
    /// The bytes of each output file as last written (or as found on disk before the first render).
    private var written: [URL: Data] = [:]
    /// The files the report is known to name: a change to one always counts, whatever its name.
    private var named: Set<String> = []

    /// How long the folders must stay quiet after a change before rendering: an editor's save is several events
    /// (a rename, a new file, its close) within a few milliseconds.
    static let settle = Duration.milliseconds(12)
    /// The longest a burst of changes may hold a render back.
    static let longestSettle = Duration.milliseconds(300)
    /// The most folders watched under the report's own folder, and how deep.
    static let folderLimit = 256
    static let depthLimit = 4

    init(report: URL, destination: URL, request: RenderRequest, console: Console) throws(MawjazError) {
        self.report = report
        self.destination = destination
        self.request = request
        self.console = console
        renderer = console.renderer()
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw .output(.watch(.cannotWatch(path: "pipe", reason: String(cString: strerror(errno))))) }
        stopSignal = ends[0]
        let writeEnd = ends[1]
        TemporaryFiles.leaveStoppingSignalsToTheProgram()
        signalSources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { _ = Glibc.write(writeEnd, "x", 1) }
            source.resume()
            return source
        }
        do {
            watcher = try FolderWatcher(stop: stopSignal)
        } catch {
            throw .output(.watch(.cannotWatch(path: error.path, reason: error.reason)))
        }
        if request.format == .pdf, let existing = FileManager.default.contents(atPath: destination.path) { written[destination] = existing }
    }

    /// Renders, then renders again after every change, until a signal stops it.
    mutating func run() {
        var loaded = render()
        watchFolders(of: loaded)
        print(Console.text(.watch(.started(report: printable(report), folders: watcher.watchedFolders.count))))
        fflush(nil)
        while true {
            guard waitForChange() else { return }
            loaded = render() ?? loaded
            watchFolders(of: loaded)
        }
    }

    /// Renders once and writes the output when the render is good and its bytes are new; prints what happened.
    /// Returns the report as loaded, when it loaded.
    private mutating func render() -> Report? {
        let start = ContinuousClock.now
        var loaded: LoadedReport?
        do {
            var text = ReportText(contentsOf: self.report)
            text.limits = request.limits
            let report = try renderer.load(text)
            loaded = report
            var request = self.request
            request.source = .report(report.report)
            let rendered = try renderer.render(request)
            let warnings = report.warnings + rendered.warnings.filter { !report.warnings.contains($0) }
            console.print(warnings)
            let files = zip(rendered.destinations(for: destination), rendered.files).map { (url: $0, data: $1.data) }
            let milliseconds = Int((ContinuousClock.now - start) / .milliseconds(1))
            let time = Self.clock()
            if files.allSatisfy({ written[$0.url] == $0.data }) {
                print(Console.text(.watch(.unchanged(time: time, output: printable(destination), pages: rendered.pageCount, milliseconds: milliseconds))))
            } else {
                try rendered.write(to: destination)
                let now = Dictionary(files.map { ($0.url, $0.data) }, uniquingKeysWith: { first, _ in first })
                // Pages the document no longer has, written earlier by this watch, go with them.
                for stale in written.keys where now[stale] == nil && stale != destination { unlink(stale.path) }
                written = now
                let milliseconds = Int((ContinuousClock.now - start) / .milliseconds(1))
                print(Console.text(.watch(.wrote(time: time, output: printable(destination), pages: rendered.pageCount, milliseconds: milliseconds))))
            }
        } catch {
            console.print(error)
            let time = Self.clock()
            print(Console.text(.watch(written.isEmpty ? .nothingWritten(time: time) : .kept(time: time, output: printable(destination)))))
        }
        fflush(nil)
        return loaded?.report
    }

    /// Waits for a change that matters, then for the folders to settle. False when a signal asked to stop.
    private mutating func waitForChange() -> Bool {
        while true {
            switch watcher.wait(timeout: nil) {
            case .stopped: return false
            case .overflowed: break
            case .timedOut: continue
            case .changed(let paths): guard paths.contains(where: matters) else { continue }
            }
            let began = ContinuousClock.now
            while ContinuousClock.now - began < Self.longestSettle {
                switch watcher.wait(timeout: Self.settle) {
                case .stopped: return false
                case .timedOut:
                    // A save that renames the report away before the new one arrives: give it a moment.
                    if FileManager.default.fileExists(atPath: report.path) || ContinuousClock.now - began >= Self.longestSettle { return true }
                case .changed, .overflowed: continue
                }
            }
            return true
        }
    }

    /// Whether a change to `path` can change the output: a file the report names always; otherwise anything but
    /// the outputs themselves, hidden files (editors' swap files, the outputs' own temporary files) and backups.
    private func matters(_ path: String) -> Bool {
        if named.contains(path) { return true }
        if written.keys.contains(where: { $0.standardizedFileURL.path == path }) || path == destination.standardizedFileURL.path { return false }
        let name = (path as NSString).lastPathComponent
        return !(name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913"
                 || (name.hasPrefix("#") && name.hasSuffix("#")))
    }

    /// Watches the report's folder and those below it, the templates' folder, and the folders of the files the
    /// report names elsewhere (when it loaded); a folder that cannot be watched is said once.
    private mutating func watchFolders(of loaded: Report?) {
        var folders = Self.folders(under: report.deletingLastPathComponent())
        folders.insert(renderer.resources.templates.standardizedFileURL.path)
        named = [report.standardizedFileURL.path]
        if let loaded {
            for path in Self.namedFiles(of: loaded, templates: renderer.resources.templates) {
                named.insert(path)
                folders.insert((path as NSString).deletingLastPathComponent)
            }
        }
        let before = watcher.watchedFolders
        for problem in watcher.watch(folders) where !before.contains(problem.path) {
            console.print([Diagnostic(.warning, at: SourceLocation(file: printable(report)), .watch(.cannotWatch(path: problem.path, reason: problem.reason)))])
        }
    }

    /// `folder` and the folders below it that are not hidden, breadth first, at most `folderLimit` and `depthLimit` deep.
    static func folders(under folder: URL) -> Set<String> {
        var found: Set<String> = [folder.standardizedFileURL.path]
        var level = [folder.standardizedFileURL.path]
        for _ in 0..<depthLimit {
            var next: [String] = []
            for parent in level {
                let children = ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).sorted()
                for child in children where !child.hasPrefix(".") {
                    let path = parent + "/" + child
                    var isFolder: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { continue }
                    guard found.count < folderLimit else { return found }
                    if found.insert(path).inserted { next.append(path) }
                }
            }
            level = next
        }
        return found
    }

    /// The files a loaded report reads: its template file, its activity logs and its images.
    static func namedFiles(of report: Report, templates: URL) -> [String] {
        var files: [String] = []
        let folder = URL(fileURLWithPath: report.file).deletingLastPathComponent()
        if report.template.hasSuffix(".yaml") {
            files.append(report.files.resolve(report.template, against: folder))
        } else {
            files.append(templates.appendingPathComponent("\(report.template).yaml").standardizedFileURL.path)
        }
        files += report.datasets.values.map(\.file).filter { $0 != report.file }
        func images(in blocks: [ReportBlock]) {
            for block in blocks {
                switch block {
                case .image(let spec): files.append(spec.path)
                case .columns(let spec): images(in: spec.blocks)
                case .forEach(let spec): images(in: spec.blocks)
                default: break
                }
            }
        }
        images(in: report.body)
        return files.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }

    /// The time of day, HH:MM:SS, for the line each render prints.
    static func clock() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return String(format: "%02d:%02d:%02d", parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}
