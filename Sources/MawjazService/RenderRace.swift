// A render raced against its request's deadline: the answer goes out at the deadline, while a render already
// running stops at its next stage and holds its place until it has.
import Mawjaz
import NIOCore
import Synchronization

/// How a render raced against a deadline ended.
enum RaceOutcome: Sendable {
    case finished(Result<RenderedDocument, MawjazError>)
    /// The deadline passed first; the render was told to stop.
    case late
}

/// Runs `work` in a task of its own and returns its result, or `.late` at `deadline` (then cancels the work, which
/// leaves the pool's queue at once or stops at its next stage). `whenDone` runs when the work has really ended, late
/// or not: that is when its admission ends.
///
/// The deadline is a task scheduled on `eventLoop` (the request's connection's) and cancelled when the work ends, which
/// takes it off the loop at once. A sleeping task would not do: a cancelled `Task.sleep` keeps its timer, some hundreds
/// of bytes, until the time it was to wake, so that every request answered in the last time budget (30 s) still held
/// one — 15,000 of them at 500 requests a second, the resident memory growing with the request rate.
func race(_ work: @escaping @Sendable () async throws(MawjazError) -> RenderedDocument, until deadline: ContinuousClock.Instant,
          on eventLoop: any EventLoop, whenDone: @escaping @Sendable () -> Void) async -> RaceOutcome {
    let race = Race()
    return await withCheckedContinuation { continuation in
        race.attach(continuation)
        let timer = eventLoop.scheduleTask(in: TimeAmount(max(.zero, deadline - .now))) { race.finish(.late) }
        race.track(work: Task {
            let result: Result<RenderedDocument, MawjazError>
            do throws(MawjazError) { result = .success(try await work()) } catch { result = .failure(error) }
            timer.cancel()
            whenDone()
            race.finish(.finished(result))
        })
    }
}

/// The one answer of a race, and the work to cancel when the deadline comes first.
private final class Race: Sendable {
    private struct State: ~Copyable {
        var continuation: CheckedContinuation<RaceOutcome, Never>?
        var work: Task<Void, Never>?
        var answered = false
    }
    private let state = Mutex(State())

    func attach(_ continuation: CheckedContinuation<RaceOutcome, Never>) { state.withLock { $0.continuation = continuation } }

    func track(work: Task<Void, Never>) {
        let cancelNow = state.withLock { state in
            state.work = work
            return state.answered
        }
        if cancelNow { work.cancel() }
    }

    /// Answers with `outcome` if nothing has answered yet; a late answer cancels the work.
    func finish(_ outcome: RaceOutcome) {
        let (continuation, work): (CheckedContinuation<RaceOutcome, Never>?, Task<Void, Never>?) = state.withLock { state in
            guard !state.answered else { return (nil, nil) }
            state.answered = true
            defer { state.continuation = nil }
            return (state.continuation, state.work)
        }
        guard let continuation else { return }
        if case .late = outcome { work?.cancel() }
        continuation.resume(returning: outcome)
    }
}
