// The whole pipeline behind one call: load, bind, lay out, render.
import Foundation
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazLanguage
import MawjazLayout
import MawjazRender
import MawjazText

/// What a render produced.
public struct RenderSummary: Sendable {
    /// The files written (one PDF, or one PNG or SVG per page).
    public var files: [URL]
    /// The number of pages the document has.
    public var pageCount: Int
    /// Warnings from loading and layout (such as activities dated after the report).
    public var warnings: [Diagnostic]
}

/// Turns reports into documents: one instance per thread, since it owns a Pango font map.
public final class BriefingRenderer {
    /// The fonts and templates this renderer uses.
    public let resources: Resources
    /// The text engine (a Pango font map over the bundled fonts) this renderer shapes with.
    package let engine: TextEngine
    let templates: TemplateLoader
    /// Engines that also hold a template's own font folders, by those folders.
    var enginesWithFolders: [[URL]: TextEngine] = [:]
    /// How many pages of a PNG or SVG output are drawn at once: one per core, unless the renderer is one of a pool's
    /// workers, which already keep every core busy.
    package var pageWorkers = Renderer.processors

    /// Loads the bundled fonts, and the resources' extra font folders, into a private font configuration.
    public init(resources: Resources) throws(MawjazError) {
        self.resources = resources
        do {
            engine = try TextEngine(library: FontLibrary(directories: [resources.fonts] + resources.extraFontFolders))
        } catch {
            throw .installation(error.message)
        }
        templates = TemplateLoader(folder: resources.templates)
    }

    /// Loads and checks a report file with its data, without laying it out; `limits` (from the command line) go over
    /// the report's own.
    public func load(reportAt url: URL, limits: LimitOverrides = LimitOverrides()) throws(MawjazError) -> (report: Report, warnings: [Diagnostic]) {
        do { return try ReportLoader.load(contentsOf: url, overrides: limits) } catch { throw MawjazError(error) }
    }

    /// Loads and checks a report from a file or text with its files, without laying it out.
    public func load(_ text: ReportText) throws(MawjazError) -> LoadedReport {
        do { return try ReportLoader.load(text) } catch { throw MawjazError(error) }
    }

    /// Binds a report with its template into a document.
    package func bind(_ report: Report) throws(MawjazError) -> Document {
        do {
            let template = try templates.template(for: report)
            return try Binder.bind(report, template: template)
        } catch {
            throw MawjazError(error)
        }
    }

    /// Lays a document out into pages.
    package func layout(_ document: Document) throws(MawjazError) -> LayoutResult {
        do {
            return try Typesetter(engine: engine).layout(document, creationDate: Self.creationDate(for: document.date))
        } catch {
            throw MawjazError(error)
        }
    }

    /// Renders a report file to `output` in the format its extension names. Every problem of every stage is reported
    /// at once (see `check(reportAt:)`). Nothing is written unless every page is drawn: an existing output is replaced
    /// only by a complete new one. `limits` (from the command line) go over the report's own.
    @discardableResult
    public func render(reportAt url: URL, to output: URL, dpi: Double = 144,
                       limits: LimitOverrides = LimitOverrides()) throws(MawjazError) -> RenderSummary {
        try render(.file(url), to: output, dpi: dpi, limits: limits)
    }

    /// Renders a report built in code to `output`, after checking it as a loaded report is checked; its errors
    /// name blocks by their path in the body (`body[3].paragraph`).
    @discardableResult
    public func render(_ report: Report, to output: URL, dpi: Double = 144) throws(MawjazError) -> RenderSummary {
        try render(.report(report), to: output, dpi: dpi)
    }

    private func render(_ source: ReportSource, to output: URL, dpi: Double,
                        limits: LimitOverrides = LimitOverrides()) throws(MawjazError) -> RenderSummary {
        let format: OutputFormat
        do { format = try OutputFormat.forPath(output, dpi: dpi) } catch { throw MawjazError(error) }
        let rendered = try render(RenderRequest(source, format: format, limits: limits))
        return RenderSummary(files: try rendered.write(to: output), pageCount: rendered.pageCount, warnings: rendered.warnings)
    }

    /// Renders a request in memory: the PDF as bytes, or PNG or SVG pages, with the page count and warnings.
    /// The bytes are those `mawjaz render` writes for the same report; the budgets are those of `mawjaz render`.
    public func render(_ request: RenderRequest) throws(MawjazError) -> RenderedDocument {
        try render(request, stopping: { nil })
    }

    /// Checks a request as `render(_:)` would, short of drawing: loads, binds and lays out the report and checks the
    /// pages asked for. The result has the page count and the warnings, and no files; it fails where render fails.
    public func validate(_ request: RenderRequest) throws(MawjazError) -> RenderedDocument {
        try validate(request, stopping: { nil })
    }

    /// `render(_:)`, giving up once `stop` gives a reason (a cancelled task) or the request's deadline passes: asked
    /// between stages, and inside the long ones at bounded intervals (each piece of text set, each block and table row
    /// laid out, each page furnished and drawn), so that the thread is free soon after.
    func render(_ request: RenderRequest, stopping stop: @escaping @Sendable () -> MawjazError?) throws(MawjazError) -> RenderedDocument {
        let reason = Self.stopReason(request, stop)
        let (checked, pages) = try lay(request, stoppingFor: reason)
        // The renderer gets the only copy of the pages, and releases each page's frame once it is drawn; the report
        // and the bound document go before the drawing starts.
        let document = checked.laidOut.document, warnings = checked.warnings, inputFiles = checked.inputFiles
        _ = consume checked
        let pageCount = document.pages.count
        do {
            var renderer = Renderer(pageWorkers: pageWorkers)
            renderer.stop = StopSignal { reason() != nil }
            let files = try renderer.output(consume document, format: request.format, pages: pages)
            var rendered = RenderedDocument(format: request.format,
                                            files: files.map { RenderedFile(page: $0.page == 0 ? nil : $0.page, data: $0.bytes) },
                                            pageCount: pageCount, warnings: warnings)
            rendered.inputFiles = inputFiles
            return rendered
        } catch {
            if let stopped = reason() { throw stopped }
            throw MawjazError(error)
        }
    }

    /// `validate(_:)`, giving up as `render(_:stopping:)` does.
    func validate(_ request: RenderRequest, stopping stop: @escaping @Sendable () -> MawjazError?) throws(MawjazError) -> RenderedDocument {
        let (checked, _) = try lay(request, stoppingFor: Self.stopReason(request, stop))
        return RenderedDocument(format: request.format, files: [], pageCount: checked.laidOut.document.pages.count, warnings: checked.warnings)
    }

    /// Why a request's work should stop now, if it should: its deadline passed (`timedOut`), or `stop`'s own reason.
    private static func stopReason(_ request: RenderRequest,
                                   _ stop: @escaping @Sendable () -> MawjazError?) -> @Sendable () -> MawjazError? {
        let deadline = request.deadline
        return {
            if let deadline, ContinuousClock.now >= deadline { return .timedOut }
            return stop()
        }
    }

    /// What render and validate share: the request's report checked and laid out, with the facts and values set from
    /// outside, and the pages to draw; `reason` is asked before and after, and by the layout as it goes.
    private func lay(_ request: RenderRequest, stoppingFor reason: @escaping @Sendable () -> MawjazError?) throws(MawjazError)
        -> (CheckedReport, pages: [Int]) {
        func checkpoint() throws(MawjazError) {
            if let stopped = reason() { throw stopped }
        }
        try checkpoint()
        if case .png(let dpi) = request.format, let problem = DPI.problem(dpi) { throw .input([problem.diagnostic]) }
        // Every problem of every stage at once (load, placeholders, template, images, layout): see `check`.
        let checked: CheckedReport
        do {
            checked = try check(request.source, limits: request.limits, stop: StopSignal { reason() != nil }) { report in
                report.variables.merge(request.variables) { _, set in set }
                for (key, value) in request.facts.sorted(by: { $0.key < $1.key }) { report.setFact(key, to: value) }
            }
        } catch {
            // A layout stopped part way reports why it was stopped, not what it had found so far.
            try checkpoint()
            throw error
        }
        try checkpoint()
        let pages = request.format == .pdf ? [] : try request.pages.pages(of: checked.laidOut.document.pages.count)
        try checkPixels(of: checked.laidOut.document, pages: pages, format: request.format, limits: checked.report.limits)
        let unrasterisable = rasterProblems(checked.document, format: request.format)
        guard unrasterisable.isEmpty else { throw .input(unrasterisable) }
        return (checked, pages)
    }

    /// The creation date written into outputs: `SOURCE_DATE_EPOCH` when set, else midnight UTC of the report's date.
    public static func creationDate(for date: CalendarDate) -> Int {
        // getenv: one variable, where ProcessInfo's environment copies them all on every call.
        if let epoch = getenv("SOURCE_DATE_EPOCH"), let seconds = Int(String(cString: epoch)) { return seconds }
        return daysSince1970(year: date.year, month: date.month ?? 1, day: date.day ?? 1) * 86_400
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (negative before it), by arithmetic:
    /// no calendar object, so no time zone file is read for each document.
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
