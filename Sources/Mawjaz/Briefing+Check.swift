// One pass of errors: a report is loaded, bound and laid out as far as it can be, and the problems of every
// stage come back together, in file order, so that a broken report is fixed in one round of messages.
import Foundation
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazLayout
import MawjazRender
import MawjazText

/// A report that passed every check: loaded, bound and laid out.
package struct CheckedReport {
    package var report: Report
    /// The bound document that was laid out.
    package var document: Document
    package var laidOut: LayoutResult
    /// Warnings of every stage, in file order.
    package var warnings: [Diagnostic]
    /// The files on disk the report was made from (itself, its data, its images, its template and emblem), which an
    /// output may not replace.
    package var inputFiles: [String] = []
}

extension BriefingRenderer {
    /// Loads, binds and lays out the report at `url`, going on past errors as far as each stage can, and throws
    /// every error of every stage at once (load, placeholders, template, layout), in file order.
    /// `limits` (from the command line) go over the report's own.
    package func check(reportAt url: URL, limits: LimitOverrides = LimitOverrides()) throws(MawjazError) -> CheckedReport {
        try check(.file(url), limits: limits)
    }

    /// Checks a report as `check(reportAt:)` checks a file, whatever its source, after `adjusting` it (values a
    /// request sets). A report built in code has its blocks without a place in a file located by their path in
    /// the body (`body[3].paragraph`). `limits` go over the report's own, as the command line's do; a report built in
    /// code has the limits it was given.
    package func check(_ source: ReportSource, limits: LimitOverrides = LimitOverrides(), stop: StopSignal = .never,
                       adjusting: (inout Report) -> Void = { _ in }) throws(MawjazError) -> CheckedReport {
        switch source {
        case .text(var text):
            text.limits = LimitOverrides(text.limits.values.merging(limits.values) { _, given in given })
            text.stop = stop
            let reading = ReportLoader.read(text)
            // Stopped while reading the data: the one who raised the signal reports why.
            guard !stop.isRaised else { throw .cancelled }
            guard var report = reading.report else { throw Self.failure(reading.diagnostics) }
            adjusting(&report)
            return try check(report, found: reading.diagnostics, unavailable: reading.unreadableDatasets, stop: stop)
        case .report(let report):
            var located = report.locatingBlocks()
            located.limits = limits.applied(to: located.limits)
            adjusting(&located)
            do {
                return try check(located, found: ReportValidator.check(located), unavailable: [], stop: stop)
            } catch {
                guard case .input(let problems) = error else { throw error }
                throw .input(located.inBlockOrder(problems))
            }
        }
    }

    private func check(_ report: Report, found: [Diagnostic], unavailable: Set<String>, stop: StopSignal) throws(MawjazError) -> CheckedReport {
        var problems = found
        let template: Template
        do { template = try templates.template(for: report) } catch { throw Self.failure(problems + error.diagnostics) }
        let (document, bindProblems) = Binder.bindAll(report, template: template, unavailable: unavailable, stop: stop)
        problems += bindProblems
        // Images are decoded as drawing will decode them, so that what validate passes renders.
        problems += imageProblems(document, stop: stop)
        // Stopped part way through binding or the images: what was found so far is no answer (the one who raised the
        // signal reports why it did).
        guard !stop.isRaised else { throw .cancelled }
        let engine = try self.engine(for: template, report: report)
        if let unknown = Self.unknownFamilies(in: template, report: report, library: engine.library) {
            throw Self.failure(problems + [unknown])
        }
        var laidOut: LayoutResult?
        do {
            laidOut = try Typesetter(engine: engine, stop: stop).layout(document, creationDate: Self.creationDate(for: document.date))
        } catch {
            problems += error.diagnostics
        }
        guard let laidOut, !problems.contains(where: { $0.severity == .error }) else { throw Self.failure(problems) }
        // What drawing needs of the structure (tags, links, destinations), checked without drawing.
        do { try Renderer().check(laidOut.document) } catch { throw MawjazError(error) }
        return CheckedReport(report: report, document: document, laidOut: laidOut, warnings: DiagnosticLog.inFileOrder(problems + laidOut.warnings),
                             inputFiles: report.inputFiles + template.inputFiles)
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
        let named = missing.prefix(4)
        return Diagnostic(at: location, field: "fonts", .fontFamiliesMissing(
            named.map(Message.excerpt), suggestions: named.map { Suggestion.closest(to: $0, among: available) },
            available: Message.listExcerpt(available)))
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
