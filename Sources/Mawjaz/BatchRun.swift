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
    /// outside them. Documents a worker never took (the pool refused the batch, or its task was cancelled) end with
    /// that reason.
    public func run(on pool: RendererPool, done: @escaping @Sendable (BatchResult) -> Void) async {
        let pending = PendingDocuments(documents)
        let paths = ResolvedPaths()
        let refusal = await withTaskGroup(of: MawjazError?.self) { group -> MawjazError? in
            for _ in 0..<pool.workerCount {
                group.addTask {
                    do throws(MawjazError) {
                        try await pool.run { renderer, stop throws(MawjazError) in
                            while stop() == nil, let document = pending.next() {
                                done(Self.render(document, with: renderer, stopping: stop, paths: paths))
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

    /// Renders one document on a worker's renderer and writes its files.
    private static func render(_ document: BatchDocument, with renderer: BriefingRenderer, stopping stop: @escaping @Sendable () -> MawjazError?,
                               paths: ResolvedPaths) -> BatchResult {
        let start = ContinuousClock.now
        var result = BatchResult(document: document, files: [], pageCount: 0, milliseconds: 0, warnings: [], failure: nil)
        guard let request = document.request else {
            result.failure = .input(document.problems)
            result.milliseconds = Self.milliseconds(since: start)
            return result
        }
        result.warnings = document.problems
        do throws(MawjazError) {
            let rendered = try renderer.render(request, stopping: stop)
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
