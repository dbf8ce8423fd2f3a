// A batch's progress as it renders: a bar on a terminal, one line per document otherwise; every problem
// printed with its document; the closing line; and the results file.
import Foundation
import Mawjaz
import MawjazRender
import Synchronization

/// Shows a batch's progress on standard error and keeps each document's result.
final class BatchProgress: Sendable {
    private let total: Int
    private let console: Console
    private let quiet: Bool
    /// Standard error is a terminal: draw a bar and redraw it in place.
    private let isTerminal: Bool
    private let start = ContinuousClock.now
    private let state = Mutex(State())

    private struct State: ~Copyable {
        var results: [BatchResult] = []
        var failed = 0
        var lastDrawn: ContinuousClock.Instant?
    }

    init(total: Int, console: Console, quiet: Bool) {
        self.total = total
        self.console = console
        self.quiet = quiet
        isTerminal = isatty(STDERR_FILENO) == 1
    }

    /// Records one document's end: prints its problems, then the bar or its line.
    func record(_ result: BatchResult) {
        state.withLock { state in
            state.results.append(result)
            if !result.succeeded { state.failed += 1 }
            let done = state.results.count
            let document = result.document
            let hasProblems = result.failure != nil || !result.warnings.isEmpty
            // The bar stays until something is printed over it or it is redrawn.
            if isTerminal, !quiet, hasProblems { Console.standardError("\r\u{1B}[2K") }
            if let failure = result.failure {
                if console.format == .text {
                    Console.standardError(Console.text(.documentFailed(document: document.key, output: printable(document.output))) + "\n")
                }
                console.print(result.warnings, document: document.key)
                console.print(failure, document: document.key)
            } else {
                console.print(result.warnings, document: document.key)
            }
            guard !quiet else { return }
            if isTerminal {
                let now = ContinuousClock.now
                if done == total || hasProblems || state.lastDrawn.map({ now - $0 > .milliseconds(100) }) ?? true {
                    Console.standardError("\r\u{1B}[2K" + bar(done: done, failed: state.failed))
                    state.lastDrawn = now
                }
            } else if console.format == .text {
                let line: Message = result.succeeded
                    ? .documentDone(done: done, total: total, document: document.key,
                                    output: printable(result.files.first ?? document.output), pages: result.pageCount,
                                    milliseconds: Int(result.milliseconds.rounded()))
                    : .documentFailedLine(done: done, total: total, document: document.key)
                Console.standardError(Console.text(line) + "\n")
            }
        }
    }

    /// The bar: `[██████░░░░] 123/500  45.1 docs/s  0:08 left  2 failed`.
    private func bar(done: Int, failed: Int) -> String {
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let left = rate > 0 ? Int((Double(total - done) / rate).rounded()) : 0
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] "
            + Console.text(.batchProgress(done: done, total: total, perSecond: rate, secondsLeft: left, failed: failed))
            + (done == total ? "\n" : "")
    }

    /// Prints the closing line (unless quiet) and returns every result.
    func finish(seconds: Double) -> BatchOutcome {
        let results = state.withLock { $0.results }
        let outcome = BatchOutcome(results: results, seconds: seconds)
        if !quiet { Console.standardError(console.format == .json ? outcome.jsonSummary + "\n" : outcome.closingLine + "\n") }
        return outcome
    }
}

/// A finished batch: every document's result and the time it took.
struct BatchOutcome {
    var results: [BatchResult]
    var seconds: Double

    var failed: Int { results.filter { !$0.succeeded }.count }
    var succeeded: Int { results.count - failed }
    var rate: Double { seconds > 0 ? Double(results.count) / seconds : 0 }

    /// `500 documents: 499 ok, 1 failed, 3.2 s, 156.3 docs/s`.
    var closingLine: String {
        Console.text(.batchSummary(documents: results.count, ok: succeeded, failed: failed, seconds: seconds, perSecond: rate))
    }

    /// The closing line as one JSON object, for `--diagnostics json`.
    var jsonSummary: String {
        String(format: "{\"documents\":%d,\"docs_per_second\":%.1f,\"failed\":%d,\"ok\":%d,\"seconds\":%.3f}",
               results.count, rate, failed, succeeded, seconds)
    }

    static let resultsHeader = ["group", "output", "status", "pages", "milliseconds", "error"]

    /// Writes one row per document, by output path: group, output, status, pages, milliseconds, first error.
    func writeResults(to url: URL) throws(MawjazError) {
        var text = CSVTable.line(Self.resultsHeader)
        for result in results.sorted(by: { $0.document.output.path < $1.document.output.path }) {
            let error: String
            switch result.failure {
            case .input(let diagnostics)?: error = diagnostics.first(where: { $0.severity == .error })?.forCommandLine.description(in: Console.language) ?? ""
            case let failure?: error = failure.description(in: Console.language)
            case nil: error = ""
            }
            text += CSVTable.line([result.document.key, printable(result.files.first ?? result.document.output),
                                   result.succeeded ? "ok" : "failed", String(result.pageCount),
                                   String(format: "%.1f", result.milliseconds), error])
        }
        do { try OutputSet.write(Array(text.utf8), to: url) } catch { throw MawjazError(error) }
    }

    /// The groups a results file (or any CSV with a group column) names for a rerun: those whose status is not ok,
    /// or every one when the file has no status column.
    static func keysToRerun(from url: URL) throws(MawjazError) -> Set<String> {
        let table: CSVTable
        do {
            table = try CSVTable.read(contentsOf: url, what: .resultsFile)
        } catch {
            throw MawjazError(error)
        }
        guard let group = table.column("group") else {
            throw .input([Diagnostic(at: SourceLocation(file: url.path, line: 1), field: "group", .resultsNoGroupColumn)])
        }
        let status = table.column("status")
        return Set(table.rows.filter { row in
            guard let status else { return true }
            return status >= row.cells.count || row.cells[status] != "ok"
        }.compactMap { group < $0.cells.count ? CSVTable.literal($0.cells[group]) : nil })
    }
}
