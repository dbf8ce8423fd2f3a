// Reading an input file safely: regular files only, never a FIFO or a device, and never more than a limit.
import Foundation
import MawjazLanguage
#if canImport(Glibc)
import Glibc
#endif

/// Why an input file could not be read.
package enum InputFileProblem: Error, Hashable, Sendable {
    case missing
    case folder
    /// A FIFO, a device, a socket: something that is not a regular file.
    case notRegular(SpecialFile)
    case unreadable(String)
    case tooLarge(size: Int, limit: Int)

    /// The message for `what` at `path` (cut short when long); a file too large names the limit a report may raise, when there is one.
    package func message(_ what: FileKind, path fullPath: String, limitName: Limits.Name? = nil) -> Message {
        let path = Message.pathExcerpt(fullPath)
        switch self {
        case .missing: return .fileMissing(what, path: path)
        case .folder: return .fileIsFolder(what, path: path)
        case .notRegular(let special): return .fileNotRegular(what, path: path, special: special)
        case .unreadable(let why): return .fileReadFailed(what, path: path, reason: why)
        case .tooLarge(let size, let limit):
            guard let limitName else { return .fileTooLarge(what, path: path, size: size, limit: limit) }
            return .fileOverLimit(what, path: path, size: size, limit: limit, name: limitName.rawValue)
        }
    }
}

/// Reads input files: the report, its data, its images, its templates.
///
/// The file is opened first (following symlinks) and everything is checked on what was opened: that it is a regular
/// file, and its size. It is opened without blocking, so a FIFO named as a file cannot stall the reader.
package enum InputFile {
    /// The bytes of the file at `url`, at most `limit` of them.
    package static func read(_ url: URL, limit: Int) throws(InputFileProblem) -> [UInt8] {
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .missing }
            throw .unreadable(String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(String(cString: strerror(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .folder
        case S_IFIFO: throw .notRegular(.fifo)
        case S_IFCHR, S_IFBLK: throw .notRegular(.device)
        case S_IFSOCK: throw .notRegular(.socket)
        default: throw .notRegular(.other)
        }
        let size = Int(status.st_size)
        guard size <= limit else { throw .tooLarge(size: size, limit: limit) }
        // Read to the end, never past the limit: the file may grow while it is read.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.read(descriptor, base + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            if count == 0 { break }
            filled += count
            if filled == bytes.count, filled <= limit { bytes += [UInt8](repeating: 0, count: min(limit + 1, filled * 2) - filled) }
        }
        guard filled <= limit else { throw .tooLarge(size: filled, limit: limit) }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}
