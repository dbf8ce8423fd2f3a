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
    public var pageCount: Int
    /// Warnings from loading and layout (such as activities dated after the report).
    public var warnings: [Diagnostic]
}

/// Turns reports into documents: one instance per thread, since it owns a Pango font map.
public final class BriefingRenderer {
    public let resources: Resources
    public let engine: TextEngine
    private let templates: TemplateLoader

    /// Loads the bundled fonts into a private font configuration.
    public init(resources: Resources) throws(MawjazError) {
        self.resources = resources
        do {
            engine = try TextEngine(library: FontLibrary(directory: resources.fonts))
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

    /// Binds a report with its template into a document.
    public func bind(_ report: Report) throws(MawjazError) -> Document {
        do {
            let template = try templates.template(for: report)
            return try Binder.bind(report, template: template)
        } catch {
            throw MawjazError(error)
        }
    }

    /// Lays a document out into pages.
    public func layout(_ document: Document) throws(MawjazError) -> LayoutResult {
        do {
            return try Typesetter(engine: engine).layout(document, creationDate: Self.creationDate(for: document.date))
        } catch {
            throw MawjazError(error)
        }
    }

    /// Renders a report file to `output` in the format its extension names. Nothing is written unless every page is
    /// drawn: an existing output is replaced only by a complete new one.
    @discardableResult
    public func render(reportAt url: URL, to output: URL, dpi: Double = 144,
                       limits: LimitOverrides = LimitOverrides()) throws(MawjazError) -> RenderSummary {
        let (report, warnings) = try load(reportAt: url, limits: limits)
        return try produce(report, to: output, dpi: dpi, warnings: warnings)
    }

    /// Renders a report built in code to `output`, after checking it as a loaded report is checked.
    @discardableResult
    public func render(_ report: Report, to output: URL, dpi: Double = 144) throws(MawjazError) -> RenderSummary {
        let problems = ReportValidator.check(report)
        let errors = problems.filter { $0.severity == .error }
        guard errors.isEmpty else { throw .input(errors) }
        return try produce(report, to: output, dpi: dpi, warnings: problems)
    }

    private func produce(_ report: Report, to output: URL, dpi: Double, warnings: [Diagnostic]) throws(MawjazError) -> RenderSummary {
        let format: OutputFormat
        do { format = try OutputFormat.forPath(output, dpi: dpi) } catch { throw MawjazError(error) }
        let prepared = try prepare(report)
        try checkOutput(output, format: format, pages: .numbered, drawing: prepared.layout.document, limits: report.limits,
                        inputs: report.inputFiles + prepared.document.template.inputFiles)
        let laidOut = prepared.layout
        do {
            let files = try Renderer(engine: engine).write(laidOut.document, to: output, format: format)
            return RenderSummary(files: files, pageCount: laidOut.document.pages.count, warnings: warnings + laidOut.warnings)
        } catch {
            throw MawjazError(error)
        }
    }

    /// The creation date written into outputs: `SOURCE_DATE_EPOCH` when set, else midnight UTC of the report's date.
    public static func creationDate(for date: CalendarDate) -> Int {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(epoch) { return seconds }
        var components = DateComponents()
        components.year = date.year; components.month = date.month ?? 1; components.day = date.day ?? 1
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return Int(calendar.date(from: components)?.timeIntervalSince1970 ?? 0)
    }
}
