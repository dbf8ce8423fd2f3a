// Renders a batch's documents through a renderer pool and writes each as it is done; a failed document is
// reported and the others go on.
import Foundation
import MawjazData
import MawjazRender

/// How one document of a batch ended.
public struct BatchResult: Sendable {
    /// The document this result is for.
    public var document: BatchDocument
    /// The files written (none when it failed).
    public var files: [URL]
    /// The number of pages it has (0 when it failed).
    public var pageCount: Int
    /// The milliseconds from the start of its render to its files written.
    public var milliseconds: Double
    /// Warnings from loading and layout.
    public var warnings: [Diagnostic]
    /// Why it failed, or nil when it succeeded.
    public var failure: MawjazError?

    /// Whether the document was rendered and written.
    public var succeeded: Bool { failure == nil }
}

extension BatchPlan {
    /// Renders every document on `pool` (at most as many at once as the pool has workers, plus as many waiting),
    /// writes each one's files as soon as it is rendered, and calls `done` with each result in the order they end.
    public func run(on pool: RendererPool, done: @Sendable (BatchResult) -> Void) async {
        let inFlight = pool.workerCount * 2
        let paths = ResolvedPaths()
        await withTaskGroup(of: BatchResult.self) { group in
            var pending = documents.makeIterator()
            func startNext() -> Bool {
                guard let document = pending.next() else { return false }
                group.addTask { await Self.render(document, on: pool, paths: paths) }
                return true
            }
            for _ in 0..<inFlight where !startNext() { break }
            while let result = await group.next() {
                done(result)
                _ = startNext()
            }
        }
    }

    private static func render(_ document: BatchDocument, on pool: RendererPool, paths: ResolvedPaths) async -> BatchResult {
        let start = ContinuousClock.now
        var result = BatchResult(document: document, files: [], pageCount: 0, milliseconds: 0, warnings: [], failure: nil)
        guard let request = document.request else {
            result.failure = .input(document.problems)
            result.milliseconds = Self.milliseconds(since: start)
            return result
        }
        result.warnings = document.problems
        do throws(MawjazError) {
            let rendered = try await pool.render(request)
            result.pageCount = rendered.pageCount
            result.warnings += rendered.warnings
            result.files = try rendered.write(to: document.output, paths: paths)
        } catch {
            // A problem in the report's text may come from the group's value: name the row it comes from.
            if case .input(let diagnostics) = error, let source = document.dataSource {
                result.failure = .input(diagnostics + [source])
            } else {
                result.failure = error
            }
        }
        result.milliseconds = Self.milliseconds(since: start)
        return result
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}
