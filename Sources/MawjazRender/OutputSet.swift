// All or nothing: the files of one render are written aside and put in place only when every one is complete.
import Foundation
import Synchronization

/// How the pages of a PNG or SVG render are named.
package enum PageFiles: Sendable {
    /// One file per page beside the output: `p.png` gives `p-1.png`, `p-2.png`, … (`p-01.png` when there are ten or more)
    case numbered
    /// A one-page render written to the output's own name.
    case single
}

/// The files one render writes — one PDF, or one PNG or SVG per page — prepared in a hidden folder beside the output
/// (`.p.png.<pid>-<n>.tmp`) and moved into place only by `commit`, which also removes the pages of an earlier set that
/// this document does not have. Until then the earlier output is untouched; `discard`, or SIGINT, SIGTERM or SIGHUP,
/// removes what was prepared. This is the one way Mawjaz places an output file.
package final class OutputSet {
    let destination: URL
    let pageExtension: String?
    /// The pages of the document the set belongs to (pages are numbered to its width: `p-01.png` of 21).
    let pageCount: Int
    private let staging: URL
    private var stagingSlot: Int?
    /// The files prepared, in order, each with its registry slot.
    private var staged: [(name: String, slot: Int)] = []
    /// Numbers the staging folders of one process, so that two sets for one destination never share one.
    private static let made = Atomic<Int>(0)

    /// Prepares a set for `destination`: its pages, of a document of `pageCount` pages, named `<stem>-<n>.<pageExtension>`
    /// beside it; a file added without a page number takes the destination's own name.
    package init(destination: URL, pageExtension: String?, pageCount: Int = 1) throws(RenderError) {
        self.destination = destination
        self.pageExtension = pageExtension
        self.pageCount = pageCount
        let folder = destination.deletingLastPathComponent()
        let number = Self.made.add(1, ordering: .relaxed).newValue
        staging = folder.appendingPathComponent(".\(destination.lastPathComponent).\(getpid())-\(number).tmp")
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw .write(path: destination.path, reason: String(cString: strerror(ENOTDIR)))
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .write(path: destination.path, reason: Self.reason(error))
        }
        stagingSlot = TemporaryFiles.register(staging.path)
        guard mkdir(staging.path, 0o755) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw .write(path: destination.path, reason: reason)
        }
    }

    deinit { discard() }

    /// Writes one whole file to `destination`, all or nothing; returns where it is.
    @discardableResult
    package static func write(_ bytes: some ContiguousBytes, to destination: URL) throws(RenderError) -> URL {
        let set = try OutputSet(destination: destination, pageExtension: nil)
        try set.add(bytes, page: nil)
        return try set.commit()[0]
    }

    /// The name of page `number` (from 1) in the finished set, or of the single file when `number` is nil.
    func name(ofPage number: Int?) -> String {
        guard let number, let pageExtension else { return destination.lastPathComponent }
        return Renderer.pageFile(destination, number: number, of: pageCount, extension: pageExtension).lastPathComponent
    }

    /// Prepares page `number` (or the single file, for nil) with `bytes`, in a file created alone.
    package func add(_ bytes: some ContiguousBytes, page number: Int?) throws(RenderError) {
        let name = name(ofPage: number)
        let file = staging.appendingPathComponent(name)
        staged.append((name, TemporaryFiles.register(file.path)))
        func failure() -> RenderError { .write(path: destination.deletingLastPathComponent().appendingPathComponent(name).path,
                                               reason: String(cString: strerror(errno))) }
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure() }
        let wroteAll = bytes.withUnsafeBytes { buffer -> Bool in
            guard var next = buffer.baseAddress else { return true }
            var left = buffer.count
            while left > 0 {
                let count = Foundation.write(descriptor, next, left)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                next += count
                left -= count
            }
            return true
        }
        let error = wroteAll ? nil : failure()
        guard close(descriptor) == 0, wroteAll else { throw error ?? failure() }
    }

    /// Moves every prepared file into place, removes the pages of an earlier set that are not pages of this document
    /// (a longer earlier set, or one numbered to another width), and returns the files placed; stopping signals wait
    /// until it is done.
    package func commit() throws(RenderError) -> [URL] {
        let folder = destination.deletingLastPathComponent()
        let numbered = staged.contains { $0.name != destination.lastPathComponent }
        let pages = Set((1...max(1, pageCount)).map { name(ofPage: $0) })
        let stale = numbered ? earlierPages().filter { !pages.contains($0) } : []
        // What would stop a move halfway is looked for before anything moves.
        for (name, _) in staged {
            var isFolder: ObjCBool = false
            let target = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder), isFolder.boolValue {
                throw .write(path: target.path, reason: String(cString: strerror(EISDIR)))
            }
        }
        return try TemporaryFiles.committing { () throws(RenderError) -> [URL] in
            var placed: [URL] = []
            for (name, slot) in staged {
                let target = folder.appendingPathComponent(name)
                guard rename(staging.appendingPathComponent(name).path, target.path) == 0 else {
                    throw .write(path: target.path, reason: String(cString: strerror(errno)))
                }
                TemporaryFiles.forget(slot)
                placed.append(target)
            }
            staged = []
            for name in stale { unlink(folder.appendingPathComponent(name).path) }
            discard()
            return placed
        }
    }

    /// Removes what was prepared and not put in place.
    package func discard() {
        for (name, slot) in staged {
            unlink(staging.appendingPathComponent(name).path)
            TemporaryFiles.forget(slot)
        }
        staged = []
        guard let stagingSlot else { return }
        rmdir(staging.path)
        TemporaryFiles.forget(stagingSlot)
        self.stagingSlot = nil
    }

    /// The files of an earlier page set for this destination: `<stem>-<digits>.<extension>` beside it.
    func earlierPages() -> [String] {
        guard let pageExtension else { return [] }
        let stem = destination.deletingPathExtension().lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: destination.deletingLastPathComponent().path)) ?? []
        return names.filter { Self.isPage($0, stem: stem, extension: pageExtension) }
    }

    /// Whether `name` is a page of the set `<stem>-<digits>.<extension>`.
    static func isPage(_ name: String, stem: String, extension pageExtension: String) -> Bool {
        let prefix = stem + "-", suffix = "." + pageExtension
        guard name.count > prefix.count + suffix.count, name.hasPrefix(prefix), name.hasSuffix(suffix) else { return false }
        let number = name.dropFirst(prefix.count).dropLast(suffix.count)
        return number.allSatisfy { ("0"..."9").contains($0) }
    }

    /// The system's reason for a failure, as `strerror` words it when it is known.
    private static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(code))) }
        return error.localizedDescription
    }
}

extension Renderer {
    /// The input an output would replace — the file itself, or a page of the set it writes — or nil when it replaces
    /// none. Paths are compared as the file system resolves them (symlinked folders, `..`).
    package static func overwrittenInput(_ output: URL, format: OutputFormat, pages: PageFiles = .numbered, inputs: [String]) -> String? {
        let pageExtension: String?
        switch format {
        case .pdf: pageExtension = nil
        case .png: pageExtension = pages == .numbered ? "png" : nil
        case .svg: pageExtension = pages == .numbered ? "svg" : nil
        }
        let folder = resolved(output.deletingLastPathComponent().path)
        let stem = output.deletingPathExtension().lastPathComponent
        for input in inputs {
            let url = URL(fileURLWithPath: input)
            // The entry as named, in its folder resolved, and the file it leads to.
            let entries = [(resolved(url.deletingLastPathComponent().path), url.lastPathComponent),
                           { let real = URL(fileURLWithPath: resolved(input)); return (real.deletingLastPathComponent().path, real.lastPathComponent) }()]
            for (inputFolder, name) in entries where inputFolder == folder {
                if let pageExtension {
                    if OutputSet.isPage(name, stem: stem, extension: pageExtension) { return input }
                } else if name == output.lastPathComponent {
                    return input
                }
            }
        }
        return nil
    }

    /// `path` with symlinks and `..` resolved, as far as it exists.
    private static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        defer { free(real) }
        return String(cString: real)
    }
}
