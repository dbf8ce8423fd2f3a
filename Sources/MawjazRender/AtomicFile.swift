// Writes an output through a temporary file in the same folder, so an existing file is only ever
// replaced by a complete new one.
import Foundation

/// An output file written through a temporary file beside it.
package enum AtomicFile {
    /// Writes `bytes` to `destination` through a temporary file beside it (created alone, never shared with another
    /// writer), then renames it over the destination, so that the destination is replaced only by the complete new
    /// file. The folder is created when missing.
    package static func write(_ bytes: some ContiguousBytes, to destination: URL) throws(RenderError) {
        let folder = destination.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.path) {
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw .write(path: folder.path, reason: error.localizedDescription)
            }
        }
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp").path
        func failure() -> RenderError { .write(path: destination.path, reason: String(cString: strerror(errno))) }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
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
        let closed = close(descriptor) == 0
        guard wroteAll, closed else {
            let error = failure()
            unlink(temporary)
            throw error
        }
        guard rename(temporary, destination.path) == 0 else {
            let error = failure()
            unlink(temporary)
            throw error
        }
    }
}
