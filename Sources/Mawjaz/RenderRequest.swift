// What to render and how: a report (a file, text with its files in memory, or one built in code), the format,
// the pages, and the facts and values set from outside.
import Foundation
import MawjazData
import MawjazRender

/// A report to render.
public enum ReportSource: Sendable {
    /// A report file or report text, loaded and checked when rendered.
    case text(ReportText)
    /// A report built in code (or loaded earlier), checked as a loaded report is.
    case report(Report)

    /// The report file at `url`, reading the files it names from the disk.
    public static func file(_ url: URL) -> ReportSource { .text(ReportText(contentsOf: url)) }

    /// Report text (YAML or JSON) with the only files it may name, in memory; nothing is read from the disk.
    public static func yaml(_ text: String, name: String = "report.yaml", files: [String: Data] = [:]) -> ReportSource {
        .text(ReportText(text, name: name, files: files))
    }
}

/// A render to do: the report, the output format, which pages, and what is set from outside the report.
public struct RenderRequest: Sendable {
    /// The report.
    public var source: ReportSource
    /// PDF, or PNG or SVG pages.
    public var format: OutputFormat
    /// The pages wanted, for PNG and SVG (a PDF always holds every page).
    public var pages: PageSelection
    /// Facts to set, as `--set name=value` does: `{{facts.name}}` reads them. A fact the report states is replaced.
    public var facts: [String: String]
    /// Values every text can name directly, as `{{group}}`.
    public var variables: [String: String]
    /// When the render must have finished; past it the render stops with `MawjazError.timedOut` within one step of its
    /// work (a piece of text set, a block or table row laid out, a page drawn).
    public var deadline: ContinuousClock.Instant?
    /// Limits over those the report asks for (as `--limit NAME=VALUE` sets them); the defaults otherwise. A report
    /// from text is held to them while it is read, as `mawjaz render` holds a file.
    public var limits: LimitOverrides

    /// A request for `source` in `format` (PDF by default), with the pages, facts, values, deadline and limits given.
    public init(_ source: ReportSource, format: OutputFormat = .pdf, pages: PageSelection = .all, facts: [String: String] = [:],
                variables: [String: String] = [:], deadline: ContinuousClock.Instant? = nil, limits: LimitOverrides = LimitOverrides()) {
        self.source = source; self.format = format; self.pages = pages; self.facts = facts
        self.variables = variables; self.deadline = deadline; self.limits = limits
    }
}

/// One output file in memory: the PDF, or one page as PNG or SVG.
public struct RenderedFile: Sendable, Equatable {
    /// The page this file shows (from 1), or nil for a PDF holding every page.
    public var page: Int?
    /// The file's bytes.
    public var data: Data
}

/// A rendered document in memory, with what the render found.
public struct RenderedDocument: Sendable {
    /// The format of the files.
    public var format: OutputFormat
    /// One PDF, or one PNG or SVG per page asked for, in the order asked.
    public var files: [RenderedFile]
    /// The number of pages the document has (also when only some were drawn).
    public var pageCount: Int
    /// Warnings from loading and layout (such as activities dated after the report).
    public var warnings: [Diagnostic]
    /// The files on disk the document was made from, which `write(to:)` will not replace.
    var inputFiles: [String] = []

    /// The PDF's bytes, when the format is PDF.
    public var pdf: Data? { format == .pdf ? files.first?.data : nil }

    /// Writes the files beside `url`: the PDF to `url`, pages to `<stem>-<n>.<ext>` numbered with zero padding
    /// (`brief-01.png` of 21 pages). All or nothing: the files are prepared aside and put in place only when every one
    /// is written, and pages of an earlier set that this document does not have are removed (pages it has but that were
    /// not drawn are kept). An output that would replace one of the document's own input files is refused as bad
    /// input. Returns the files written.
    @discardableResult
    public func write(to url: URL) throws(MawjazError) -> [URL] {
        try write(to: url, paths: ResolvedPaths())
    }

    /// `write(to:)`, resolving the paths of the input files through `paths` (a batch keeps one for all its documents).
    func write(to url: URL, paths: ResolvedPaths) throws(MawjazError) -> [URL] {
        if let input = Renderer.overwrittenInput(url, format: format, inputs: inputFiles, paths: paths) {
            throw .input([Diagnostic(.error, at: SourceLocation(file: url.path), field: "output", .outputOverwritesInput(path: Message.pathExcerpt(input)))])
        }
        do throws(RenderError) {
            let set = try OutputSet(destination: url, pageExtension: format == .pdf ? nil : format.fileExtension, pageCount: pageCount)
            for file in files { try set.add(file.data, page: file.page) }
            return try set.commit()
        } catch {
            throw MawjazError(error)
        }
    }

    /// Where `write(to:)` puts each of `files`, in order: the PDF at `url`, pages beside it.
    public func destinations(for url: URL) -> [URL] {
        files.map { file in file.page.map { Renderer.pageFile(url, number: $0, of: pageCount, extension: format.fileExtension) } ?? url }
    }
}

/// Which pages to draw: all, or a list such as `1-3,5` (`3-` runs to the last page).
public struct PageSelection: Hashable, Sendable, CustomStringConvertible {
    /// Inclusive ranges of page numbers from 1; an open end runs to the last page.
    private struct Span: Hashable { var first: Int; var last: Int? }
    private var storage: [Span]

    /// Every page.
    public static let all = PageSelection(storage: [Span(first: 1, last: nil)])

    private init(storage: [Span]) { self.storage = storage }

    /// Parses `1-3,5`, `2`, `4-`; nil for anything else (a page 0, a range that ends before it starts).
    public init?(parsing text: String) {
        guard case .success(let selection) = Self.parse(text) else { return nil }
        self = selection
    }

    /// The pages `text` names (`1-3,5`, `2`, `4-`, Arabic-Indic digits too), or the piece that names none, as the
    /// problem with `--pages`.
    public static func parse(_ text: String) -> Result<PageSelection, ArgumentProblem> {
        var spans: [Span] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let problem = ArgumentProblem(option: "--pages", .notAPageRange(Message.excerpt(part)))
            let bounds = part.trimmingCharacters(in: .whitespaces).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            guard let first = Int(Digits.toASCII(String(bounds[0]))), first >= 1 else { return .failure(problem) }
            if bounds.count == 1 {
                spans.append(Span(first: first, last: first))
            } else if bounds[1].isEmpty {
                spans.append(Span(first: first, last: nil))
            } else {
                guard let last = Int(Digits.toASCII(String(bounds[1]))), last >= first else { return .failure(problem) }
                spans.append(Span(first: first, last: last))
            }
        }
        return .success(PageSelection(storage: spans))
    }

    /// The page numbers selected from a document of `count` pages, in order, each once; throws for a page past the end.
    public func pages(of count: Int) throws(MawjazError) -> [Int] {
        var pages: [Int] = []
        var seen = Set<Int>()
        for span in storage {
            guard span.first <= count, (span.last ?? count) <= count else {
                throw .input([Diagnostic(at: SourceLocation(file: "--pages"), field: "pages",
                                         .noSuchPage(max(span.first, span.last ?? 0), pageCount: count))])
            }
            for page in span.first...(span.last ?? count) where seen.insert(page).inserted { pages.append(page) }
        }
        return pages
    }

    /// `1-3,5` form; `all` for every page.
    public var description: String {
        if self == .all { return "all" }
        return storage.map { span in
            span.last == span.first ? "\(span.first)" : "\(span.first)-" + (span.last.map(String.init) ?? "")
        }.joined(separator: ",")
    }
}
