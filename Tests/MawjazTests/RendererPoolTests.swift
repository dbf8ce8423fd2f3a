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
        let long = RenderRequest(.file(TestSupport.defaultReport))
        let first = Task { try await pool.render(long) }
        // Wait until the worker has taken the first request, so that the second finds no room.
        let start = ContinuousClock.now
        while pool.running == 0, ContinuousClock.now - start < .seconds(30) { try await Task.sleep(for: .milliseconds(1)) }
        await #expect(throws: MawjazError.busy) { try await pool.render(long) }
        #expect(try await first.value.pageCount == 3)
    }

    @Test func aPassedDeadlineEndsTheRequestWithoutARender() async throws {
        let pool = try RendererPool(resources: TestSupport.resources, workers: 1)
        let late = RenderRequest(.file(TestSupport.defaultReport), deadline: .now - .seconds(1))
        await #expect(throws: MawjazError.timedOut) { try await pool.render(late) }
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
