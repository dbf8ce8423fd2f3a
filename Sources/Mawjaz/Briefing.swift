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
    let templates: TemplateLoader
    /// Engines that also hold a template's own font folders, by those folders.
    var enginesWithFolders: [[URL]: TextEngine] = [:]

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

    /// Loads and checks a report file with its data, without laying it out.
    public func load(reportAt url: URL) throws(MawjazError) -> (report: Report, warnings: [Diagnostic]) {
        do { return try ReportLoader.load(contentsOf: url) } catch { throw MawjazError(error) }
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

    /// Renders a report file to `output` in the format its extension names.
    /// Every problem of every stage is reported at once (see `check(reportAt:)`).
    @discardableResult
    public func render(reportAt url: URL, to output: URL, dpi: Double = 144) throws(MawjazError) -> RenderSummary {
        let format = try Self.format(of: output, dpi: dpi)
        return try produce(try check(reportAt: url), to: output, format: format)
    }

    /// Renders a report built in code to `output`, after checking it as a loaded report is checked; its errors
    /// name blocks by their path in the body (`body[3].paragraph`).
    @discardableResult
    public func render(_ report: Report, to output: URL, dpi: Double = 144) throws(MawjazError) -> RenderSummary {
        let format = try Self.format(of: output, dpi: dpi)
        return try produce(try check(report), to: output, format: format)
    }

    private static func format(of output: URL, dpi: Double) throws(MawjazError) -> OutputFormat {
        do { return try OutputFormat.forPath(output, dpi: dpi) } catch { throw MawjazError(error) }
    }

    private func produce(_ checked: CheckedReport, to output: URL, format: OutputFormat) throws(MawjazError) -> RenderSummary {
        let document = checked.laidOut.document
        do {
            let files = try Renderer(engine: checked.engine).write(document, to: output, format: format)
            return RenderSummary(files: files, pageCount: document.pages.count, warnings: checked.warnings)
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
