// The temporary files and folders renders are writing, removed if the process is stopped by SIGINT, SIGTERM or
// SIGHUP, so that an interrupted render leaves nothing behind.
import Foundation
import Synchronization

/// A registry of paths to remove when a stopping signal arrives. The signal handler only reads a table of C strings
/// and calls `unlink` and `rmdir`, which are safe there; a table outgrown is kept, never freed, so that a handler
/// running on another thread never reads freed memory.
package enum TemporaryFiles {
    private static let lock = Mutex(())
    /// The table the handler reads: `capacity` slots, each a path or nil.
    nonisolated(unsafe) private static var table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: 0)
    nonisolated(unsafe) private static var capacity = 0
    /// Set while output files are being moved into place: a signal then waits for the move to end.
    private static let committing = Atomic<Int>(0)
    private static let pendingSignal = Atomic<Int32>(0)
    /// Set by the handler when it starts removing what is registered: from then on no thread creates a file.
    private static let stopping = Atomic<Bool>(false)
    /// The threads between registering a path and having created it.
    private static let creating = Atomic<Int>(0)
    nonisolated(unsafe) private static var handlersInstalled = false

    /// Registers `path` (a file, or a folder emptied first) and runs `make`, which creates it; returns the slot to
    /// `forget` it by and what `make` returned. A stopping signal handled on another thread meanwhile waits for `make`
    /// to return before it removes what is registered, so that a file created while it removes the others cannot stay
    /// behind (nor keep its folder from being removed); once the handler has started, a thread that comes here creates
    /// nothing and waits for the process to end.
    static func create<Made>(_ path: String, _ make: () -> Made) -> (slot: Int, made: Made) {
        creating.add(1, ordering: .sequentiallyConsistent)
        if stopping.load(ordering: .sequentiallyConsistent) {
            creating.subtract(1, ordering: .sequentiallyConsistent)
            while true { pause() }
        }
        defer { creating.subtract(1, ordering: .sequentiallyConsistent) }
        let slot = register(path)
        return (slot, make())
    }

    /// Starts watching `path`; returns the slot to `forget` it by.
    private static func register(_ path: String) -> Int {
        lock.withLock { _ in
            installHandlers()
            if let free = (0..<capacity).first(where: { table[$0] == nil }) {
                table[free] = strdup(path)
                return free
            }
            let grown = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: max(16, capacity * 2))
            grown.initialize(repeating: nil, count: max(16, capacity * 2))
            grown.update(from: table, count: capacity)
            let slot = capacity
            grown[slot] = strdup(path)
            // The old table stays allocated: a handler may be reading it.
            table = grown
            capacity = max(16, capacity * 2)
            return slot
        }
    }

    /// Stops watching the path in `slot` (it was moved into place or removed).
    static func forget(_ slot: Int) {
        lock.withLock { _ in
            guard slot < capacity, let path = table[slot] else { return }
            table[slot] = nil
            free(path)
        }
    }

    /// For a program that takes SIGINT and SIGTERM itself and writes outputs only between them (`mawjaz watch`, whose
    /// dispatch sources would otherwise be replaced by this registry's handlers at its first output, so that a
    /// stopping signal killed it instead of ending its loop): the registry installs no handlers of its own.
    package static func leaveStoppingSignalsToTheProgram() {
        lock.withLock { _ in handlersInstalled = true }
    }

    /// Runs `body` (which moves finished files into place) with stopping signals held until it ends.
    static func committing<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        committing.add(1, ordering: .sequentiallyConsistent)
        defer {
            if committing.subtract(1, ordering: .sequentiallyConsistent).newValue == 0 {
                let signal = pendingSignal.exchange(0, ordering: .sequentiallyConsistent)
                if signal != 0 { stop(signal) }
            }
        }
        return try body()
    }

    private static func installHandlers() {
        guard !handlersInstalled else { return }
        handlersInstalled = true
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var previous = sigaction()
            sigaction(signal, nil, &previous)
            // A signal the process was told to ignore (nohup, a background job) stays ignored.
            if let handler = previous.__sigaction_handler.sa_handler, unsafeBitCast(handler, to: Int.self) == 1 /* SIG_IGN */ { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in TemporaryFiles.handle(signal) }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    private static func handle(_ signal: Int32) {
        if committing.load(ordering: .sequentiallyConsistent) > 0 {
            pendingSignal.store(signal, ordering: .sequentiallyConsistent)
            return
        }
        stop(signal)
    }

    /// The longest a stopping signal waits for files being created on other threads, in milliseconds. The thread the
    /// signal interrupted may itself be creating one, which it cannot finish while it handles the signal: the wait
    /// then runs out, and no other thread is creating anything by then.
    private static let creationWait = 200

    /// Removes every registered path (files first, then the folders they were in), once the files other threads are
    /// creating exist, then dies of `signal`.
    private static func stop(_ signal: Int32) {
        stopping.store(true, ordering: .sequentiallyConsistent)
        var millisecond = timespec(tv_sec: 0, tv_nsec: 1_000_000), waited = 0
        while creating.load(ordering: .sequentiallyConsistent) > 0, waited < creationWait {
            nanosleep(&millisecond, nil)
            waited += 1
        }
        let count = capacity, paths = table
        for slot in 0..<count { if let path = paths[slot] { unlink(path) } }
        for slot in 0..<count { if let path = paths[slot] { rmdir(path) } }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigaction(signal, &action, nil)
        // To the process, not this thread: a worker thread that ends a move with a signal waiting has it blocked
        // (dispatch's threads block stopping signals), and one raised to it would wait forever.
        kill(getpid(), signal)
    }
}
