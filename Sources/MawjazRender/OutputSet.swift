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

/// The files one render writes — one PDF, or one PNG or SVG per page — prepared aside and moved into place only by
/// `commit`, which also removes the pages of an earlier set that this document does not have: a set of pages in a hidden
/// folder beside the output (`.p.png.<pid>-<n>.tmp/`), a single file as a hidden file beside it (`.p.pdf.<pid>-<n>.tmp`),
/// which one `rename` puts in place. Until then the earlier output is untouched; `discard`, or SIGINT, SIGTERM or SIGHUP,
/// removes what was prepared. This is the one way Mawjaz places an output file. Paths are worked out once, as strings:
/// `URL`'s path operations (some of which look at the disk) cost more than writing a one-page PDF.
package final class OutputSet {
    let destination: URL
    let pageExtension: String?
    /// The pages of the document the set belongs to (pages are numbered to its width: `p-01.png` of 21).
    let pageCount: Int
    /// The destination's folder and file name.
    private let folder: String
    private let name: String
    /// The hidden folder the pages are prepared in, or the hidden file a single file is prepared as.
    private let staging: String
    /// The registry slot of the hidden folder (a set of pages only).
    private var stagingSlot: Int?
    /// The files prepared, in order, each with its registry slot.
    private var staged: [(name: String, slot: Int)] = []
    /// Numbers the staging names of one process, so that two sets for one destination never share one.
    private static let made = Atomic<Int>(0)
    private static let processID = getpid()

    /// Prepares a set for `destination`: its pages, of a document of `pageCount` pages, named `<stem>-<n>.<pageExtension>`
    /// beside it; without `pageExtension`, the one file added takes the destination's own name.
    package init(destination: URL, pageExtension: String?, pageCount: Int = 1) throws(RenderError) {
        self.destination = destination
        self.pageExtension = pageExtension
        self.pageCount = pageCount
        let path = destination.path
        let slash = path.lastIndex(of: "/")
        folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let number = Self.made.add(1, ordering: .relaxed).newValue
        staging = (folder == "/" ? "" : folder) + "/.\(name).\(Self.processID)-\(number).tmp"
        var status = stat()
        if stat(folder, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw .write(path: path, reason: String(cString: strerror(ENOTDIR))) }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .write(path: path, reason: Self.reason(error))
            }
        }
        guard pageExtension != nil else { return }
        let (slot, made) = TemporaryFiles.create(staging) { mkdir(staging, 0o755) == 0 ? 0 : errno }
        stagingSlot = slot
        guard made == 0 else {
            let reason = String(cString: strerror(made))
            discard()
            throw .write(path: path, reason: reason)
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
        guard let number, let pageExtension else { return name }
        return Renderer.pageFile(destination, number: number, of: pageCount, extension: pageExtension).lastPathComponent
    }

    /// Prepares page `number` (or the single file, for nil) with `bytes`, in a file created alone.
    package func add(_ bytes: some ContiguousBytes, page number: Int?) throws(RenderError) {
        let name = name(ofPage: number)
        let file = stagedPath(name)
        let (slot, (descriptor, openError)) = TemporaryFiles.create(file) {
            let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            return (descriptor, errno)
        }
        staged.append((name, slot))
        func failure(_ code: Int32 = errno) -> RenderError { .write(path: place(name), reason: String(cString: strerror(code))) }
        guard descriptor >= 0 else { throw failure(openError) }
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

    /// Where the file `name` of the set is prepared.
    private func stagedPath(_ name: String) -> String {
        pageExtension == nil ? staging : staging + "/" + name
    }

    /// Where the file `name` of the set is put.
    private func place(_ name: String) -> String {
        (folder == "/" ? "" : folder) + "/" + name
    }

    /// Moves every prepared file into place, removes the pages of an earlier set that are not pages of this document
    /// (a longer earlier set, or one numbered to another width), and returns the files placed; stopping signals wait
    /// until it is done.
    package func commit() throws(RenderError) -> [URL] {
        let numbered = staged.contains { $0.name != name }
        let pages = Set((1...max(1, pageCount)).map { name(ofPage: $0) })
        let stale = numbered ? earlierPages().filter { !pages.contains($0) } : []
        // What would stop a move halfway is looked for before anything moves (a single file's own rename fails first).
        if staged.count > 1 {
            for (name, _) in staged {
                var status = stat()
                if stat(place(name), &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                    throw .write(path: place(name), reason: String(cString: strerror(EISDIR)))
                }
            }
        }
        return try TemporaryFiles.committing { () throws(RenderError) -> [URL] in
            var placed: [URL] = []
            for (name, slot) in staged {
                guard rename(stagedPath(name), place(name)) == 0 else {
                    throw .write(path: place(name), reason: String(cString: strerror(errno)))
                }
                TemporaryFiles.forget(slot)
                // The destination as it was given (relative or not); a page beside it.
                placed.append(name == self.name ? destination
                              : destination.deletingLastPathComponent().appendingPathComponent(name, isDirectory: false))
            }
            staged = []
            for name in stale { unlink(place(name)) }
            discard()
            return placed
        }
    }

    /// Removes what was prepared and not put in place.
    package func discard() {
        for (name, slot) in staged {
            unlink(stagedPath(name))
            TemporaryFiles.forget(slot)
        }
        staged = []
        guard let stagingSlot else { return }
        rmdir(staging)
        TemporaryFiles.forget(stagingSlot)
        self.stagingSlot = nil
    }

    /// The files of an earlier page set for this destination: `<stem>-<digits>.<extension>` beside it.
    func earlierPages() -> [String] {
        guard let pageExtension else { return [] }
        let stem = destination.deletingPathExtension().lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
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
    /// none. Paths are compared as the file system resolves them (symlinked folders, `..`), through `paths`, which a
    /// batch keeps for all its documents.
    package static func overwrittenInput(_ output: URL, format: OutputFormat, pages: PageFiles = .numbered, inputs: [String],
                                         paths: ResolvedPaths = ResolvedPaths()) -> String? {
        let pageExtension: String?
        switch format {
        case .pdf: pageExtension = nil
        case .png: pageExtension = pages == .numbered ? "png" : nil
        case .svg: pageExtension = pages == .numbered ? "svg" : nil
        }
        guard let (outputFolder, outputName) = ResolvedPaths.split(output.path) else { return nil }
        let folder = paths.resolve(outputFolder)
        let stem = pageExtension == nil ? outputName : output.deletingPathExtension().lastPathComponent
        for input in inputs {
            // The entry as named, in its folder resolved, and the file it leads to.
            let entries = [ResolvedPaths.split(ResolvedPaths.absolute(input)).map { (paths.resolve($0.folder), $0.name) },
                           ResolvedPaths.split(paths.resolve(input))]
            for case let (inputFolder, name)? in entries where inputFolder == folder {
                if let pageExtension {
                    if OutputSet.isPage(name, stem: stem, extension: pageExtension) { return input }
                } else if name == outputName {
                    return input
                }
            }
        }
        return nil
    }
}

/// Paths as the file system resolves them (`realpath`), remembered once resolved: a batch checks every document's output
/// against the same inputs, and resolving them again for each document cost more system calls than writing it.
package final class ResolvedPaths: Sendable {
    private let known = Mutex<[String: String]>([:])

    /// Remembers nothing yet.
    package init() {}

    /// `path` with symlinks and `..` resolved, as far as it exists (a path that does not exist yet is not remembered).
    package func resolve(_ path: String) -> String {
        if let known = known.withLock({ $0[path] }) { return known }
        guard let real = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        defer { free(real) }
        let resolved = String(cString: real)
        known.withLock { $0[path] = resolved }
        return resolved
    }

    /// `path` made absolute against the working folder.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: path).path
    }

    /// An absolute path's folder and last component; nil for the root.
    static func split(_ path: String) -> (folder: String, name: String)? {
        guard let slash = path.lastIndex(of: "/"), path.index(after: slash) != path.endIndex else { return nil }
        return (slash == path.startIndex ? "/" : String(path[..<slash]), String(path[path.index(after: slash)...]))
    }
}
