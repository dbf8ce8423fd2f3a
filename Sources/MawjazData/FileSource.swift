// Where a report's other files come from: the disk, or only the files supplied with it in memory.
import Foundation
import MawjazLanguage

/// Where the files a report names (data, facts, images, a template file, a letterhead logo) are read from.
///
/// `disk` resolves a relative path against the report's folder and allows absolute paths. `memory` reads only
/// the files it was given, by the name the report writes (`activities.csv`, `data/2024.csv`): an absolute path,
/// a `..` component or a name that was not supplied is refused, so a report from an untrusted sender can never
/// reach a file of the machine.
public enum FileSource: Sendable {
    /// Files on disk.
    case disk
    /// Only these files: bytes by name, names relative to the report (`./a.csv` and `a.csv` are the same).
    case memory([String: Data])

    /// The supplied files, keyed by their normalised names; a name that cannot be normalised is left out
    /// (it could never be asked for).
    public static func supplied(_ files: [String: Data]) -> FileSource {
        var normalised: [String: Data] = [:]
        for (name, bytes) in files {
            if case .success(let key) = normalisedName(name) { normalised[key] = bytes }
        }
        return .memory(normalised)
    }

    /// The path the report writes, made ready to read: on disk, resolved against `folder`; in memory, unchanged.
    public func resolve(_ path: String, against folder: URL) -> String {
        switch self {
        case .disk:
            return (path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)).standardizedFileURL.path
        case .memory:
            return path
        }
    }

    /// Whether the files come from the disk.
    public var isDisk: Bool {
        if case .disk = self { return true }
        return false
    }

    /// The bytes of a supplied file, or why it cannot be had. For `disk` use `YAMLReader.readFile`, which checks
    /// the file on disk; this answers only for `memory`.
    public func supplied(_ path: String, limit: Int) -> Result<Data, FileSourceProblem> {
        guard case .memory(let files) = self else { return .failure(.notSupplied(path)) }
        switch Self.normalisedName(path) {
        case .failure(let problem): return .failure(problem)
        case .success(let name):
            guard let bytes = files[name] else { return .failure(.notSupplied(path)) }
            guard bytes.count <= limit else { return .failure(.tooLarge(path, size: bytes.count, limit: limit)) }
            return .success(bytes)
        }
    }

    /// `a/./b.csv` as `a/b.csv`; absolute names and `..` are refused.
    static func normalisedName(_ name: String) -> Result<String, FileSourceProblem> {
        guard !name.hasPrefix("/"), !name.hasPrefix("\\"), !name.contains("\0") else { return .failure(.absolute(name)) }
        let parts = name.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        guard !parts.contains("..") else { return .failure(.leavesFolder(name)) }
        guard !parts.isEmpty else { return .failure(.notSupplied(name)) }
        return .success(parts.joined(separator: "/"))
    }
}

/// Why a file named by a report supplied in memory cannot be read.
public enum FileSourceProblem: Error, Hashable, Sendable {
    /// No file of that name was supplied.
    case notSupplied(String)
    /// The name is an absolute path.
    case absolute(String)
    /// The name goes up out of the report's folder with `..`.
    case leavesFolder(String)
    /// The file is larger than the limit for its kind.
    case tooLarge(String, size: Int, limit: Int)

    /// What to tell the user about the file of kind `kind`; a file too large names `limitName`, the limit a report
    /// may raise, when there is one (as for files on disk).
    public func message(about kind: FileKind, limitName: Limits.Name? = nil) -> Message {
        switch self {
        case .notSupplied(let name): return .fileNotSupplied(kind, path: Message.pathExcerpt(name))
        case .absolute(let name): return .fileAbsoluteInMemory(kind, path: Message.pathExcerpt(name))
        case .leavesFolder(let name): return .fileLeavesFolder(kind, path: Message.pathExcerpt(name))
        case .tooLarge(let name, let size, let limit):
            return InputFileProblem.tooLarge(size: size, limit: limit).message(kind, path: name, limitName: limitName)
        }
    }
}
