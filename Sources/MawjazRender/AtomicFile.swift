// Writes an output through a temporary file in the same folder, so an existing file is only ever
// replaced by a complete new one.
import Foundation

/// An output file written through a temporary file beside it.
public struct AtomicFile {
    /// Where the output finally goes.
    let destination: URL
    /// Where it is written first.
    let temporary: URL

    init(destination: URL) throws(RenderError) {
        self.destination = destination
        let folder = destination.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .write(path: folder.path, reason: error.localizedDescription)
        }
        temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    }

    /// Writes `bytes` to `destination` through a temporary file beside it, so that the destination is replaced
    /// only by the complete new file.
    public static func write(_ bytes: [UInt8], to destination: URL) throws(RenderError) {
        let file = try AtomicFile(destination: destination)
        do { try Data(bytes).write(to: file.temporary) } catch {
            file.discard()
            throw .write(path: destination.path, reason: error.localizedDescription)
        }
        try file.commit()
    }

    /// Moves the finished temporary file over the destination.
    func commit() throws(RenderError) {
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw .write(path: destination.path, reason: reason)
        }
    }

    /// Removes the temporary file after a failure.
    func discard() {
        try? FileManager.default.removeItem(at: temporary)
    }
}
