// All or nothing: the files of one render are written aside and put in place only when every one is complete.
import Foundation

/// How the pages of a PNG or SVG render are named.
public enum PageFiles: Sendable {
    /// One file per page beside the output: `p.png` gives `p-1.png`, `p-2.png`, …
    case numbered
    /// A one-page render written to the output's own name.
    case single
}

/// The files one render writes — one PDF, or one PNG or SVG per page — prepared in a hidden folder beside the output
/// (`.p.png.<pid>.tmp`) and moved into place only by `commit`, which also removes the pages of an earlier, longer set.
/// Until then the earlier output is untouched; `discard`, or SIGINT, SIGTERM or SIGHUP, removes what was prepared.
final class OutputSet {
    let destination: URL
    let pageExtension: String?
    private let naming: PageFiles
    private let staging: URL
    private var stagingSlot: Int?
    /// The files prepared, in order, each with its registry slot.
    private var staged: [(name: String, slot: Int)] = []

    /// Prepares a set for `destination`: a single file when `pageExtension` is nil, else a page set named by `naming`.
    init(destination: URL, pageExtension: String?, naming: PageFiles = .numbered) throws(RenderError) {
        self.destination = destination
        self.pageExtension = pageExtension
        self.naming = naming
        let folder = destination.deletingLastPathComponent()
        staging = folder.appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw .write(path: destination.path, reason: String(cString: strerror(ENOTDIR)))
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .write(path: destination.path, reason: Self.reason(error))
        }
        try? FileManager.default.removeItem(at: staging)
        stagingSlot = TemporaryFiles.register(staging.path)
        guard mkdir(staging.path, 0o755) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw .write(path: destination.path, reason: reason)
        }
    }

    deinit { discard() }

    /// The name of page `index` (from 0) in the finished set, or of the single file.
    func name(ofPage index: Int) -> String {
        guard let pageExtension, naming == .numbered else { return destination.lastPathComponent }
        return "\(destination.deletingPathExtension().lastPathComponent)-\(index + 1).\(pageExtension)"
    }

    /// Where to write page `index` (or the single file) before it is put in place.
    func stagedFile(page index: Int = 0) -> URL {
        let name = name(ofPage: index)
        let file = staging.appendingPathComponent(name)
        staged.append((name, TemporaryFiles.register(file.path)))
        return file
    }

    /// Moves every prepared file into place, removes the pages of an earlier set this one does not replace, and returns
    /// the files of the set; stopping signals wait until it is done.
    func commit() throws(RenderError) -> [URL] {
        let folder = destination.deletingLastPathComponent()
        let stale = pageExtension == nil || naming == .single ? [] : earlierPages().filter { name in !staged.contains { $0.name == name } }
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
    func discard() {
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
    public static func overwrittenInput(_ output: URL, format: OutputFormat, pages: PageFiles = .numbered, inputs: [String]) -> String? {
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
