// The renderer pool: many tasks share it and get the bytes one renderer gives; a full queue says busy; deadlines
// and cancellation end a request without rendering it.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct RendererPoolTests {
    @Test func manyTasksGetTheBytesOneRendererGives() async throws {
        let expected = try TestSupport.renderer().render(RenderRequest(.file(TestSupport.defaultReport)))
        let pool = try RendererPool(resources: TestSupport.resources, workers: 2)
        let pdfs = try await withThrowingTaskGroup(of: Data?.self) { group in
            for _ in 0..<8 { group.addTask { try await pool.render(RenderRequest(.file(TestSupport.defaultReport))).pdf } }
            return try await group.reduce(into: [Data?]()) { $0.append($1) }
        }
        #expect(pdfs.count == 8)
        #expect(pdfs.allSatisfy { $0 == expected.pdf })
        #expect(pool.waiting == 0 && pool.running == 0)
    }

    @Test func aFullPoolSaysBusyAtOnce() async throws {
        let pool = try RendererPool(resources: TestSupport.resources, workers: 1, queueLimit: 0)
        defer { pool.shutdown() }
        let first = Task { try await pool.render(Self.longRequest(paragraphs: 1_000)) }
        // Wait until the worker has taken the first request, so that the second finds no room.
        #expect(try await Self.waitUntilRunning(pool))
        await #expect(throws: MawjazError.busy) { try await pool.render(RenderRequest(.file(TestSupport.defaultReport))) }
        first.cancel()
        await #expect(throws: MawjazError.cancelled) { try await first.value }
    }

    @Test func workersThatCannotLoadTheirFontsFailThePoolAtOnce() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-fonts-\(getpid())")
        let resources = Resources(fonts: missing, templates: try TestSupport.resources.templates)
        // Every worker fails on its own thread; the pool says so with the folder, and no worker is left waiting.
        let error = #expect(throws: MawjazError.self) { try RendererPool(resources: resources, workers: 3) }
        guard case .installation(let message)? = error else {
            Issue.record("expected an installation error, got \(String(describing: error))")
            return
        }
        #expect(message.text(in: .en).contains(missing.path), "\(message.text(in: .en))")
    }

    @Test func aPassedDeadlineEndsTheRequestWithoutARender() async throws {
        let pool = try RendererPool(resources: TestSupport.resources, workers: 1)
        let late = RenderRequest(.file(TestSupport.defaultReport), deadline: .now - .seconds(1))
        await #expect(throws: MawjazError.timedOut) { try await pool.render(late) }
    }

    /// A report built in code of `count` paragraphs of twenty sentences (about two to a page), whose layout takes longer
    /// than its binding, with limits that let it run to its end.
    static func longRequest(paragraphs count: Int, deadlineAfter budget: Duration? = nil) -> RenderRequest {
        let paragraph = Array(repeating: TestSupport.sentence, count: 20).joined(separator: " ")
        let report = Report(title: "طويل", date: CalendarDate(year: 2024, month: 1, day: 1),
                            body: (1...count).map { .paragraph(ParagraphSpec("\($0). " + paragraph)) })
        // The deadline counts from when the report is ready, as a service's would from when the request arrived.
        return RenderRequest(.report(report), deadline: budget.map { .now + $0 },
                             limits: LimitOverrides([.pages: 100_000, .boxes: 100_000_000, .expansionCharacters: 100_000_000]))
    }

    /// Waits until `pool`'s worker has taken a request (for at most a minute); whether it was seen to.
    @discardableResult
    static func waitUntilRunning(_ pool: RendererPool) async throws -> Bool {
        let start = ContinuousClock.now
        while pool.running == 0, ContinuousClock.now - start < .seconds(60) { try await Task.sleep(for: .milliseconds(1)) }
        return pool.running == 1
    }

    /// Stops a long render on a one-worker pool with `stop`, queues the default report behind it, and checks that the
    /// default report was rendered while the same long report, run to its end on a pool of its own beside it, was still
    /// being laid out: the worker came free when the long render was stopped, not when it would have been done. The two
    /// long reports share the machine's load, so the comparison holds on a busy machine too.
    static func checkWorkerFreed(by stop: (Task<RenderedDocument, any Error>) -> Void, deadlineAfter budget: Duration?,
                                 endingWith reason: MawjazError) async throws {
        let pool = try RendererPool(resources: TestSupport.resources, workers: 1, queueLimit: 1)
        let beside = try RendererPool(resources: TestSupport.resources, workers: 1, queueLimit: 0)
        defer { pool.shutdown(); beside.shutdown() }
        let full = Task { try await beside.validate(longRequest(paragraphs: 1_000)) }
        let long = Task { try await pool.render(longRequest(paragraphs: 1_000, deadlineAfter: budget)) }
        // On a machine so busy that the long request waits past its deadline before it starts, it ends at once: the
        // test then shows less, but still holds.
        let seen = try await waitUntilRunning(pool)
        #expect(seen || budget != nil, "the worker never took the long request")
        #expect(try await waitUntilRunning(beside))
        stop(long)
        let next = try await pool.render(RenderRequest(.file(TestSupport.defaultReport)))
        #expect(next.pageCount == 3)
        #expect(beside.running == 1, "the next request waited for the long render to end")
        await #expect(throws: reason) { try await long.value }
        full.cancel()
        _ = try? await full.value
    }

    @Test func aRenderPastItsDeadlineFreesItsWorkerForTheNextRequest() async throws {
        // Two seconds: long enough for the worker to be seen taking it, far shorter than its layout.
        try await Self.checkWorkerFreed(by: { _ in }, deadlineAfter: .seconds(2), endingWith: .timedOut)
    }

    @Test func aCancelledRenderStopsPartWayAndFreesItsWorker() async throws {
        try await Self.checkWorkerFreed(by: { $0.cancel() }, deadlineAfter: nil, endingWith: .cancelled)
    }

    @Test func aCancelledTaskLeavesThePool() async throws {
        let pool = try RendererPool(resources: TestSupport.resources, workers: 1, queueLimit: 8)
        let requests = (0..<6).map { _ in Task { try await pool.render(RenderRequest(.file(TestSupport.defaultReport))) } }
        for request in requests.dropFirst() { request.cancel() }
        var cancelled = 0
        for request in requests {
            do { _ = try await request.value } catch MawjazError.cancelled { cancelled += 1 }
        }
        #expect(cancelled >= 1, "requests still waiting when cancelled end as cancelled")
        #expect(pool.waiting == 0)
        // The pool still renders after cancellations.
        #expect(try await pool.render(RenderRequest(.file(TestSupport.defaultReport))).pageCount == 3)
    }

    @Test func aShutDownPoolAnswersCancelled() async throws {
        let pool = try RendererPool(resources: TestSupport.resources, workers: 1)
        pool.shutdown()
        await #expect(throws: MawjazError.cancelled) { try await pool.render(RenderRequest(.file(TestSupport.defaultReport))) }
    }
}
