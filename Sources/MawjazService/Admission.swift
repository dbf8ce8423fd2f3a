// The count of requests the service holds, so that memory stays bounded: a request is admitted before its body is
// read and leaves when its render has really ended (not when its answer was sent).
import Synchronization

/// Admits at most `limit` requests at once; one more is refused at once, before its body is read.
final class Admission: Sendable {
    let limit: Int
    private let held = Mutex(0)

    init(limit: Int) { self.limit = limit }

    /// Takes a place, or returns false when every place is taken.
    func enter() -> Bool {
        held.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    /// Gives a place back.
    func leave() { held.withLock { $0 -= 1 } }

    /// The places taken now.
    var count: Int { held.withLock { $0 } }
}
