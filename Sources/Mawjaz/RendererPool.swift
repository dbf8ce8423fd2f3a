// A pool of renderers that any number of tasks can share: one worker thread per renderer, each owning its text
// engine, in front of them a bounded queue that says "busy" when full.
import Foundation
import Synchronization

/// Renders requests on a fixed number of worker threads, each with a `BriefingRenderer` of its own (Pango's font
/// maps must never be shared), behind a bounded queue.
///
/// Any number of tasks may call `render(_:)` at once: a request goes to a free worker, or waits in the queue for
/// one, and is refused at once with `MawjazError.busy` when every worker is busy and `queueLimit` requests are
/// already waiting. A request whose task is
/// cancelled leaves the queue with `MawjazError.cancelled`; one whose deadline passes in the queue ends with
/// `MawjazError.timedOut`. A running one stops as soon as either happens, within one step of its work (a piece of
/// text set, a block or table row laid out, a page drawn), and its worker takes the next request. The bytes are those
/// a `BriefingRenderer` gives for the same request.
///
/// ```swift
/// let pool = try RendererPool(resources: .bundled(), workers: 2)
/// let pdf = try await pool.render(RenderRequest(.file(reportURL))).pdf
/// ```
public final class RendererPool: Sendable {
    /// The number of worker threads, each with its own renderer.
    public let workerCount: Int
    /// The most requests that may wait for a worker; one more is refused with `MawjazError.busy`.
    public let queueLimit: Int
    private let core: PoolCore

    /// Starts `workers` threads (every core by default), each with a renderer over `resources`; at most
    /// `queueLimit` requests wait for them.
    public init(resources: Resources, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                queueLimit: Int = 256) throws(MawjazError) {
        workerCount = max(1, workers)
        self.queueLimit = max(0, queueLimit)
        core = PoolCore(queueLimit: self.queueLimit, workers: workerCount)
        // Each worker loads its fonts on its own thread, all at once, and the pool is ready when every one has.
        let started = WorkersStarted(count: workerCount)
        for number in 1...workerCount { core.startWorker(number: number, resources: resources, started: started) }
        if let failure = started.wait() {
            core.shutdown()
            throw failure
        }
    }

    /// Stops the workers once the requests they are rendering are done.
    deinit { core.shutdown() }

    /// Renders `request` on the next free worker. Throws `MawjazError.busy` when the queue is full, `.timedOut`
    /// when its deadline passes first, `.cancelled` when its task is cancelled or the pool shut down, and the
    /// render's own errors otherwise.
    public func render(_ request: RenderRequest) async throws(MawjazError) -> RenderedDocument {
        try await run(deadline: request.deadline) { renderer, stop throws(MawjazError) in try renderer.render(request, stopping: stop) }
    }

    /// Checks `request` on the next free worker as `BriefingRenderer.validate(_:)` does: the page count and warnings,
    /// no files. Waits, and is refused, as `render(_:)` is.
    public func validate(_ request: RenderRequest) async throws(MawjazError) -> RenderedDocument {
        try await run(deadline: request.deadline) { renderer, stop throws(MawjazError) in try renderer.validate(request, stopping: stop) }
    }

    /// Runs `work` on the next free worker with that worker's renderer, waiting and refused as `render(_:)` is (past
    /// `deadline` before it starts: `.timedOut`); `work` asks `stop` between stages whether its task was cancelled.
    func run<Output: Sendable>(deadline: ContinuousClock.Instant? = nil,
                               _ work: @escaping @Sendable (BriefingRenderer, _ stop: @escaping @Sendable () -> MawjazError?) throws(MawjazError) -> Output)
        async throws(MawjazError) -> Output {
        let job = PoolJob(deadline: deadline, work: work)
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<Output, MawjazError>, Never>) in
                job.attach(continuation)
                core.submit(job)
            }
        } onCancel: {
            core.cancel(job)
        }
        return try result.get()
    }

    /// The number of requests waiting for a worker now.
    public var waiting: Int { core.waiting }

    /// The number of requests being rendered now.
    public var running: Int { core.running }

    /// Stops taking requests, answers those still waiting with `MawjazError.cancelled`, lets running renders
    /// finish and waits for the workers to stop. Called when the pool is released.
    public func shutdown() { core.shutdown() }
}

/// The queue and the worker threads, apart from the pool so that the threads do not keep the pool alive.
private final class PoolCore: Sendable {
    let queueLimit: Int
    let workers: Int
    private let state = Mutex(PoolState())
    private let jobsWaiting = DispatchSemaphore(value: 0)
    private let workersStopped = DispatchGroup()

    init(queueLimit: Int, workers: Int) {
        self.queueLimit = queueLimit
        self.workers = workers
    }

    /// Starts worker `number`, which makes its renderer over `resources` on its own thread, tells `started` whether it
    /// could, and then takes jobs until the pool stops.
    func startWorker(number: Int, resources: Resources, started: WorkersStarted) {
        workersStopped.enter()
        let thread = Thread { [self] in
            // Named from inside, so that ps, top and perf show it (15 characters at most).
            Thread.current.name = "mawjaz-render-\(number)"
            do throws(MawjazError) {
                let renderer = try BriefingRenderer(resources: resources)
                // The workers keep every core busy already: each draws its pages one after the other.
                renderer.pageWorkers = 1
                started.report(nil)
                work(with: renderer)
            } catch {
                started.report(error)
            }
            workersStopped.leave()
        }
        // Pango and HarfBuzz recurse on long paragraphs: give workers a main thread's stack.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Queues `job`, or answers it at once: `.busy` when the queue is full, `.cancelled` when it was cancelled
    /// already or the pool has stopped.
    func submit(_ job: any QueuedJob) {
        let refusal: MawjazError? = state.withLock { state in
            if state.stopped || job.isCancelled { return .cancelled }
            if state.queue.count >= queueLimit + (workers - state.running) { return .busy }
            state.queue.append(job)
            return nil
        }
        if let refusal { job.refuse(refusal) } else { jobsWaiting.signal() }
    }

    /// Marks `job` cancelled; one still waiting leaves the queue and is answered now, a running one stops within one
    /// step of its work.
    func cancel(_ job: any QueuedJob) {
        job.cancel()
        let removed = state.withLock { state in
            guard let index = state.queue.firstIndex(where: { $0 === job }) else { return false }
            state.queue.remove(at: index)
            return true
        }
        if removed { job.refuse(.cancelled) }
    }

    var waiting: Int { state.withLock { $0.queue.count } }

    var running: Int { state.withLock { $0.running } }

    func shutdown() {
        let abandoned: [any QueuedJob]? = state.withLock { state in
            guard !state.stopped else { return nil }
            state.stopped = true
            defer { state.queue.removeAll() }
            return state.queue
        }
        guard let abandoned else { return }
        for job in abandoned { job.refuse(.cancelled) }
        for _ in 0..<workers { jobsWaiting.signal() }
        if Thread.current.name?.hasPrefix("mawjaz-render-") != true { workersStopped.wait() }
    }

    /// A worker's loop: take the next job, render it, answer; until the pool stops.
    private func work(with renderer: BriefingRenderer) {
        while true {
            jobsWaiting.wait()
            let next: (any QueuedJob)?? = state.withLock { state in
                if state.stopped { return .some(nil) }
                guard !state.queue.isEmpty else { return nil }
                state.running += 1
                return state.queue.removeFirst()
            }
            guard let taken = next else { continue }
            guard let job = taken else { return }
            let done = { self.state.withLock { $0.running -= 1 } }
            if let deadline = job.deadline, ContinuousClock.now >= deadline {
                done()
                job.refuse(.timedOut)
            } else {
                job.run(on: renderer, then: done)
            }
        }
    }
}

/// What the workers share: the waiting jobs, and whether the pool has stopped.
private struct PoolState: ~Copyable {
    var queue: [any QueuedJob] = []
    /// Workers rendering now.
    var running = 0
    var stopped = false
}

/// Waits for a pool's workers to have made their renderers, and keeps the first failure.
private final class WorkersStarted: Sendable {
    private let left: Mutex<(count: Int, failure: MawjazError?)>
    private let allReported = DispatchSemaphore(value: 0)

    init(count: Int) { left = Mutex((count, nil)) }

    /// One worker made its renderer (nil) or could not (the error).
    func report(_ failure: MawjazError?) {
        let last = left.withLock { state in
            state.failure = state.failure ?? failure
            state.count -= 1
            return state.count == 0
        }
        if last { allReported.signal() }
    }

    /// Waits until every worker has reported; the first failure, if any.
    func wait() -> MawjazError? {
        allReported.wait()
        return left.withLock { $0.failure }
    }
}

/// What waits in the pool's queue for a worker: a job answered exactly once, whatever its result.
private protocol QueuedJob: AnyObject, Sendable {
    /// When the job must have finished; a worker refuses it with `.timedOut` past it.
    var deadline: ContinuousClock.Instant? { get }
    var isCancelled: Bool { get }
    /// Marks the job cancelled: a running job stops within one step of its work.
    func cancel()
    /// Runs the job on a worker's renderer, calls `then`, and answers it.
    func run(on renderer: BriefingRenderer, then: () -> Void)
    /// Answers the job with `error` without running it.
    func refuse(_ error: MawjazError)
}

/// One piece of work in the pool (a render, a check, a batch's share), answered exactly once.
private final class PoolJob<Output: Sendable>: QueuedJob {
    let deadline: ContinuousClock.Instant?
    private let work: @Sendable (BriefingRenderer, _ stop: @escaping @Sendable () -> MawjazError?) throws(MawjazError) -> Output
    private let answer = Mutex<Answer>(Answer())

    private struct Answer: ~Copyable {
        var continuation: CheckedContinuation<Result<Output, MawjazError>, Never>?
        var cancelled = false
        var finished = false
    }

    init(deadline: ContinuousClock.Instant?,
         work: @escaping @Sendable (BriefingRenderer, _ stop: @escaping @Sendable () -> MawjazError?) throws(MawjazError) -> Output) {
        self.deadline = deadline
        self.work = work
    }

    var isCancelled: Bool { answer.withLock { $0.cancelled } }

    func attach(_ continuation: CheckedContinuation<Result<Output, MawjazError>, Never>) {
        answer.withLock { $0.continuation = continuation }
    }

    func cancel() { answer.withLock { $0.cancelled = true } }

    func run(on renderer: BriefingRenderer, then: () -> Void) {
        let stop: @Sendable () -> MawjazError? = { self.isCancelled ? .cancelled : nil }
        let result = Result { () throws(MawjazError) in try work(renderer, stop) }
        then()
        finish(result)
    }

    func refuse(_ error: MawjazError) { finish(.failure(error)) }

    /// Resumes the waiting task with `result`, the first time only.
    private func finish(_ result: Result<Output, MawjazError>) {
        let continuation: CheckedContinuation<Result<Output, MawjazError>, Never>? = answer.withLock { answer in
            guard !answer.finished else { return nil }
            answer.finished = true
            defer { answer.continuation = nil }
            return answer.continuation
        }
        continuation?.resume(returning: result)
    }
}
