// Writes an output through a temporary file in the same folder, so an existing file is only ever
// replaced by a complete new one.
import Foundation

struct AtomicFile {
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

    /// The bytes written to the temporary file so far.
    func readTemporary() throws(RenderError) -> [UInt8] {
        do { return Array(try Data(contentsOf: temporary)) } catch {
            throw .write(path: temporary.path, reason: error.localizedDescription)
        }
    }

    /// Replaces the temporary file's bytes.
    func writeTemporary(_ bytes: [UInt8]) throws(RenderError) {
        do { try Data(bytes).write(to: temporary) } catch {
            throw .write(path: temporary.path, reason: error.localizedDescription)
        }
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
