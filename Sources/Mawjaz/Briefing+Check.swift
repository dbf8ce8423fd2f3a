// One pass of errors: a report is loaded, bound and laid out as far as it can be, and the problems of every
// stage come back together, in file order, so that a broken report is fixed in one round of messages.
import Foundation
import MawjazData
import MawjazDocument
import MawjazLayout
import MawjazText

/// A report that passed every check: loaded, bound and laid out.
package struct CheckedReport {
    package var report: Report
    package var laidOut: LayoutResult
    /// Warnings of every stage, in file order.
    package var warnings: [Diagnostic]
}

extension BriefingRenderer {
    /// Loads, binds and lays out the report at `url`, going on past errors as far as each stage can, and throws
    /// every error of every stage at once (load, placeholders, template, layout), in file order.
    package func check(reportAt url: URL) throws(MawjazError) -> CheckedReport {
        try check(.file(url))
    }

    /// Checks a report as `check(reportAt:)` checks a file, whatever its source, after `adjusting` it (values a
    /// request sets). A report built in code has its blocks without a place in a file located by their path in
    /// the body (`body[3].paragraph`).
    package func check(_ source: ReportSource, adjusting: (inout Report) -> Void = { _ in }) throws(MawjazError) -> CheckedReport {
        switch source {
        case .text(let text):
            let reading = ReportLoader.read(text)
            guard var report = reading.report else { throw Self.failure(reading.diagnostics) }
            adjusting(&report)
            return try check(report, found: reading.diagnostics, unavailable: reading.unreadableDatasets)
        case .report(let report):
            var located = report.locatingBlocks()
            adjusting(&located)
            do {
                return try check(located, found: ReportValidator.check(located), unavailable: [])
            } catch {
                guard case .input(let problems) = error else { throw error }
                throw .input(located.inBlockOrder(problems))
            }
        }
    }

    private func check(_ report: Report, found: [Diagnostic], unavailable: Set<String>) throws(MawjazError) -> CheckedReport {
        var problems = found
        let template: Template
        do { template = try templates.template(for: report) } catch { throw Self.failure(problems + error.diagnostics) }
        let (document, bindProblems) = Binder.bindAll(report, template: template, unavailable: unavailable)
        problems += bindProblems
        let engine = try self.engine(for: template, report: report)
        if let unknown = Self.unknownFamilies(in: template, report: report, library: engine.library) {
            throw Self.failure(problems + [unknown])
        }
        var laidOut: LayoutResult?
        do {
            laidOut = try Typesetter(engine: engine).layout(document, creationDate: Self.creationDate(for: document.date))
        } catch {
            problems += error.diagnostics
        }
        guard let laidOut, !problems.contains(where: { $0.severity == .error }) else { throw Self.failure(problems) }
        return CheckedReport(report: report, laidOut: laidOut, warnings: DiagnosticLog.inFileOrder(problems + laidOut.warnings))
    }

    /// An error naming the families the template's roles ask for that no font folder has, with the families there
    /// are; located at the report's `fonts:` or template overrides when it has them.
    static func unknownFamilies(in template: Template, report: Report, library: FontLibrary) -> Diagnostic? {
        var missing: [String] = []
        for role in TextRole.allCases {
            for family in template.families(role, language: report.settings.language)
            where !library.families.contains(family) && !missing.contains(family) { missing.append(family) }
        }
        guard !missing.isEmpty else { return nil }
        let available = library.families.sorted()
        let location = report.fontOverrides?.node.location ?? report.templateOverrides?.node.location
            ?? SourceLocation(file: template.name)
        return Diagnostic(at: location, field: "fonts", .fontFamiliesMissing(
            missing, suggestions: missing.map { Suggestion.closest(to: $0, among: available) }, available: available))
    }

    /// The text engine for a template: the renderer's own, or one that also holds the template's font folders
    /// (`fonts: {path: …}`), made once per set of folders.
    func engine(for template: Template, report: Report) throws(MawjazError) -> TextEngine {
        let folders = template.fontFolders.filter { !engine.library.directories.contains($0) }
        guard !folders.isEmpty else { return engine }
        if let known = enginesWithFolders[folders] { return known }
        do {
            let made = try TextEngine(library: FontLibrary(directories: engine.library.directories + folders))
            enginesWithFolders[folders] = made
            return made
        } catch {
            throw .input([Diagnostic(at: SourceLocation(file: report.file), field: "fonts.path", error.message)])
        }
    }

    /// The errors among `diagnostics`, in file order and capped as a file's are, as one failure.
    private static func failure(_ diagnostics: [Diagnostic]) -> MawjazError {
        var log = DiagnosticLog()
        log.append(contentsOf: diagnostics)
        do { try log.throwIfErrors() } catch { return MawjazError(error) }
        return .input([Diagnostic(at: SourceLocation(file: diagnostics.first?.location.file ?? ""), .reportUnreadable)])
    }
}
