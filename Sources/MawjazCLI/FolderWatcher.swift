// Folders watched with inotify, for `mawjaz watch`: which files in them were written, renamed, deleted or touched.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders rather than files, since editors save by writing a new file and renaming it over the old one
/// (the old file's watch would see nothing more), and reports the paths changed in them. Owns its inotify
/// descriptor and closes it in `deinit`.
final class FolderWatcher {
    /// What happened while waiting.
    enum Wake: Equatable {
        /// These paths changed (a file written, renamed in or out, deleted, or touched).
        case changed(Set<String>)
        /// More changed than the system could queue: everything should be read again.
        case overflowed
        /// The wait ended with nothing changed.
        case timedOut
        /// The stop descriptor became readable (a signal asked the program to stop).
        case stopped
    }

    private let descriptor: Int32
    /// The folder each watch descriptor watches, and the other way round.
    private var folders: [Int32: String] = [:]
    private var watches: [String: Int32] = [:]
    /// Read by `wait`: when it becomes readable, the wait ends with `.stopped`.
    private let stop: Int32
    /// Events that name a changed file. A file being created is followed by its close, which is the change; a
    /// new folder is reported by `IN_CREATE` alone.
    private static let fileEvents = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ATTRIB)
    private static let mask = fileEvents | UInt32(IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    /// A watcher with no folders yet, whose waits end when `stop` becomes readable.
    init(stop: Int32) throws(WatchProblem) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { throw WatchProblem(path: "inotify", reason: String(cString: strerror(errno))) }
        self.stop = stop
    }

    deinit { close(descriptor) }

    /// The folders watched now.
    var watchedFolders: Set<String> { Set(watches.keys) }

    /// Makes the watched folders exactly `wanted`: new ones are added, ones no longer wanted dropped. Returns the
    /// folders that could not be watched, with the system's reason (a folder that does not exist is left out
    /// quietly: it may be created later, and the report that names it says so).
    func watch(_ wanted: Set<String>) -> [WatchProblem] {
        for (folder, watch) in watches where !wanted.contains(folder) {
            inotify_rm_watch(descriptor, watch)
            watches[folder] = nil
            folders[watch] = nil
        }
        var problems: [WatchProblem] = []
        for folder in wanted.sorted() where watches[folder] == nil {
            let watch = inotify_add_watch(descriptor, folder, Self.mask)
            guard watch >= 0 else {
                if errno != ENOENT && errno != ENOTDIR {
                    problems.append(WatchProblem(path: folder, reason: String(cString: strerror(errno))))
                }
                continue
            }
            // Two paths of one folder (through a link) share a watch descriptor: keep the first name.
            if folders[watch] == nil { folders[watch] = folder }
            watches[folder] = watch
        }
        return problems
    }

    /// Waits until a file in a watched folder changes, `timeout` passes (forever when nil), or the stop
    /// descriptor becomes readable. A folder created inside a watched folder is reported as changed, so that
    /// the caller can watch it too.
    func wait(timeout: Duration?) -> Wake {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        while true {
            var polled = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: stop, events: Int16(POLLIN), revents: 0)]
            let milliseconds = deadline.map { deadline -> Int32 in
                let left = ContinuousClock.now.duration(to: deadline).components
                return Int32(clamping: max(0, left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000 + 1))
            } ?? -1
            let ready = poll(&polled, 2, milliseconds)
            if ready < 0, errno == EINTR { continue }
            if polled[1].revents != 0 { return .stopped }
            if ready <= 0 { return .timedOut }
            switch read() {
            case .changed(let paths) where paths.isEmpty: continue
            case let wake: return wake
            }
        }
    }

    /// Reads every queued event: the paths they name.
    private func read() -> Wake {
        var changed = Set<String>()
        let size = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: size)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, size) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return .changed(changed) }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
                offset += header + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { return .overflowed }
                guard let folder = folders[watch] else { continue }
                if mask & UInt32(IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
                    // The folder itself went away (or was renamed): the caller looks again at what to watch.
                    if mask & UInt32(IN_IGNORED) != 0 { forget(watch) }
                    changed.insert(folder)
                    continue
                }
                let path = folder + "/" + String(decoding: nameBytes, as: UTF8.self)
                if mask & Self.fileEvents != 0 || mask & UInt32(IN_ISDIR) != 0 { changed.insert(path) }
            }
        }
    }

    private func forget(_ watch: Int32) {
        guard let folder = folders.removeValue(forKey: watch) else { return }
        if watches[folder] == watch { watches[folder] = nil }
    }
}

/// A folder `mawjaz watch` could not watch, and what the system said.
struct WatchProblem: Error {
    var path: String
    var reason: String
}
