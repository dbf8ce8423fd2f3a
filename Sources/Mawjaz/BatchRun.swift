// Renders a batch's documents on a renderer pool's workers, each writing what it renders; a failed document is
// reported and the others go on.
import Foundation
import MawjazData
import MawjazRender
import Synchronization

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
    /// Renders every document on `pool` and calls `done` with each result in the order they end. Each of the pool's
    /// workers takes the next document, renders it, writes its files and calls `done`, then takes the next, until none
    /// is left: no document is handed from one thread to another, and nothing but starting and ending the workers runs
    /// outside them, so that one worker keeps one processor busy and two keep two. Documents a worker never took (the
    /// pool refused the batch, or its task was cancelled) end with that reason.
    public func run(on pool: RendererPool, done: @escaping @Sendable (BatchResult) -> Void) async {
        let pending = PendingDocuments(documents)
        let paths = ResolvedPaths()
        let refusal = await withTaskGroup(of: MawjazError?.self) { group -> MawjazError? in
            for _ in 0..<pool.workerCount {
                group.addTask {
                    do throws(MawjazError) {
                        try await pool.run { renderer, stop throws(MawjazError) in
                            while stop() == nil, let document = pending.next() {
                                done(Self.render(document, with: renderer, stopping: stop).written(paths: paths))
                            }
                        }
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            var refusal: MawjazError?
            for await case let error? in group { refusal = refusal ?? error }
            return refusal
        }
        while let document = pending.next() {
            done(BatchResult(document: document, files: [], pageCount: 0, milliseconds: 0, warnings: [], failure: refusal ?? .cancelled))
        }
    }

    /// Renders one document on a worker's renderer, in memory.
    private static func render(_ document: BatchDocument, with renderer: BriefingRenderer,
                               stopping stop: @escaping @Sendable () -> MawjazError?) -> RenderedBatchDocument {
        var rendered = RenderedBatchDocument(result: BatchResult(document: document, files: [], pageCount: 0, milliseconds: 0,
                                                                 warnings: document.problems, failure: nil))
        guard let request = document.request else {
            rendered.result.failure = .input(document.problems)
            return rendered
        }
        do throws(MawjazError) {
            let output = try renderer.render(request, stopping: stop)
            rendered.result.pageCount = output.pageCount
            rendered.result.warnings += output.warnings
            rendered.output = output
        } catch {
            rendered.fail(error)
        }
        return rendered
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}

/// One document of a batch rendered in memory, its files not yet written.
private struct RenderedBatchDocument: Sendable {
    /// Its result so far: pages and warnings, or why it failed.
    var result: BatchResult
    /// What was rendered; nil when it failed.
    var output: RenderedDocument?
    /// When its render started.
    let start = ContinuousClock.now

    init(result: BatchResult) { self.result = result }

    /// Records `error` as the failure; a problem in the report's text may come from the group's value, so the row it
    /// comes from is named too.
    mutating func fail(_ error: MawjazError) {
        if case .input(let diagnostics) = error, let source = result.document.dataSource {
            result.failure = .input(diagnostics + [source])
        } else {
            result.failure = error
        }
    }

    /// Writes its files (all or nothing, as `RenderedDocument.write(to:)` does) and returns its result, with the
    /// milliseconds from the start of its render to its files written.
    func written(paths: ResolvedPaths) -> BatchResult {
        var finished = self
        if let output, result.failure == nil {
            do throws(MawjazError) {
                finished.result.files = try output.write(to: result.document.output, paths: paths)
            } catch {
                finished.fail(error)
            }
        }
        finished.result.milliseconds = BatchPlan.milliseconds(since: start)
        return finished.result
    }
}

/// A batch's documents not yet taken, handed out one at a time to whichever worker asks.
private final class PendingDocuments: Sendable {
    private let documents: [BatchDocument]
    private let taken = Atomic<Int>(0)

    init(_ documents: [BatchDocument]) { self.documents = documents }

    /// The next document no worker has taken, or nil when every one has been.
    func next() -> BatchDocument? {
        let index = taken.add(1, ordering: .relaxed).oldValue
        return index < documents.count ? documents[index] : nil
    }
}
