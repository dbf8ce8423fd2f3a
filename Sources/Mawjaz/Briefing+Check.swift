// One pass of errors: a report is loaded, bound and laid out as far as it can be, and the problems of every
// stage come back together, in file order, so that a broken report is fixed in one round of messages.
import Foundation
import MawjazData
import MawjazDocument
import MawjazLayout

/// A report that passed every check: loaded, bound and laid out.
public struct CheckedReport: Sendable {
    public var report: Report
    public var laidOut: LayoutResult
    /// Warnings of every stage, in file order.
    public var warnings: [Diagnostic]
}

extension BriefingRenderer {
    /// Loads, binds and lays out the report at `url`, going on past errors as far as each stage can, and throws
    /// every error of every stage at once (load, placeholders, template, layout), in file order.
    public func check(reportAt url: URL) throws(MawjazError) -> CheckedReport {
        let loaded = ReportLoader.read(contentsOf: url)
        guard let report = loaded.report else { throw Self.failure(loaded.diagnostics) }
        return try check(report, found: loaded.diagnostics, unavailable: loaded.unreadableDatasets)
    }

    /// Checks a report built in code as `check(reportAt:)` checks a file; blocks without a place in a file are
    /// located by their path in the body (`body[3].paragraph`).
    public func check(_ report: Report) throws(MawjazError) -> CheckedReport {
        let located = report.locatingBlocks()
        do {
            return try check(located, found: ReportValidator.check(located), unavailable: [])
        } catch {
            guard case .input(let problems) = error else { throw error }
            throw .input(located.inBlockOrder(problems))
        }
    }

    private func check(_ report: Report, found: [Diagnostic], unavailable: Set<String>) throws(MawjazError) -> CheckedReport {
        var problems = found
        let template: Template
        do { template = try templates.template(for: report) } catch { throw Self.failure(problems + error.diagnostics) }
        let (document, bindProblems) = Binder.bindAll(report, template: template, unavailable: unavailable)
        problems += bindProblems
        var laidOut: LayoutResult?
        do { laidOut = try layout(document) } catch {
            guard case .input(let layoutProblems) = error else { throw error }
            problems += layoutProblems
        }
        guard let laidOut, !problems.contains(where: { $0.severity == .error }) else { throw Self.failure(problems) }
        return CheckedReport(report: report, laidOut: laidOut, warnings: DiagnosticLog.inFileOrder(problems + laidOut.warnings))
    }

    /// The errors among `diagnostics`, in file order and capped as a file's are, as one failure.
    private static func failure(_ diagnostics: [Diagnostic]) -> MawjazError {
        var log = DiagnosticLog()
        log.append(contentsOf: diagnostics)
        do { try log.throwIfErrors() } catch { return MawjazError(error) }
        return .input([Diagnostic(at: SourceLocation(file: diagnostics.first?.location.file ?? ""), .reportUnreadable)])
    }
}
