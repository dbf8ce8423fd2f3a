// A batch's documents before they are rendered: one per group of a split dataset, or one per manifest row, each
// with its output path; then narrowed to a shard or to the documents a results file names.
import Foundation
import MawjazData
import MawjazRender

/// One document of a batch: what to render and where it goes, or the problems that keep it from rendering.
public struct BatchDocument: Sendable {
    /// What names the document in progress lines and results files: the group's value, or the manifest's output.
    public var key: String
    /// The file the document is written to (for PNG and SVG, the pattern of its page files).
    public var output: URL
    /// What to render; nil when `problems` stop the document before it renders.
    public var request: RenderRequest?
    /// Problems found while planning (the group's rows that have errors), which fail this document alone.
    public var problems: [Diagnostic]
    /// Where the document's data comes from: the first row of its group, named when the document fails.
    public var dataSource: Diagnostic?
}

/// The documents of a batch, in order, and the warnings found while planning them.
public struct BatchPlan: Sendable {
    /// The documents to render, in order.
    public var documents: [BatchDocument]
    /// Warnings found while planning (rows that belong to no group), printed once.
    public var warnings: [Diagnostic]

    /// The placeholder an output pattern writes for the group's file name: `out/{group}.pdf`.
    public static let groupPlaceholder = "{group}"

    /// One document per distinct value of `grouping`'s column in the report's dataset, each with the dataset
    /// filtered to that value and `{{group}}` set to it, written to `outputPattern` with `{group}` replaced by a
    /// file name made from the value (`SafeFileName`). The report is loaded once.
    public static func grouped(_ text: ReportText, by grouping: DatasetGrouping, outputPattern: String,
                               format: OutputFormat, pages: PageSelection = .all, facts: [String: String] = [:]) throws(MawjazError) -> BatchPlan {
        guard outputPattern.contains(groupPlaceholder) else {
            throw .input([Diagnostic(at: SourceLocation(file: "-o"), field: "output", .outputHasNoGroup(Message.pathExcerpt(outputPattern)))])
        }
        let loaded: LoadedReport
        do { loaded = try ReportLoader.load(text, grouping: grouping) } catch { throw MawjazError(error) }
        guard let partition = loaded.partition else {
            throw .input([Diagnostic(at: SourceLocation(file: text.name), field: "data", .noDatasetToSplit(Message.excerpt(grouping.dataset), suggestion: nil))])
        }
        var names = SafeFileName.Registry()
        let dataFile = loaded.report.datasets[grouping.dataset]?.file ?? text.name
        let patternParts = outputPattern.components(separatedBy: groupPlaceholder)
        let documents = partition.groups.map { group -> BatchDocument in
            let output = URL(fileURLWithPath: patternParts.joined(separator: names.claim(group.value)), isDirectory: false)
            let source = Diagnostic(.warning, at: SourceLocation(file: dataFile, line: group.firstLine), field: grouping.column,
                                    .groupFirstRow(Message.excerpt(group.value)))
            let errors = group.problems.filter { $0.severity == .error }
            guard errors.isEmpty else {
                return BatchDocument(key: group.value, output: output, request: nil, problems: group.problems, dataSource: nil)
            }
            var report = loaded.report
            report.datasets[grouping.dataset]?.activities = group.activities
            return BatchDocument(key: group.value, output: output,
                                 request: RenderRequest(.report(report), format: format, pages: pages, facts: facts,
                                                        variables: ["group": group.value]),
                                 problems: group.problems, dataSource: source)
        }
        return BatchPlan(documents: documents, warnings: loaded.warnings)
    }

    /// One document per row of a manifest: a CSV whose `report` and `output` columns name the report and its output
    /// (relative to the manifest's folder), every other column a fact set for that row (`--set column=value`).
    /// `facts` are set for every row, under the row's own.
    /// `limits` go over each report's own, as `--limit` does for `mawjaz render`.
    public static func manifest(at url: URL, format: OutputFormat?, dpi: Double, pages: PageSelection = .all,
                                facts: [String: String] = [:], limits: LimitOverrides = LimitOverrides()) throws(MawjazError) -> BatchPlan {
        let table: CSVTable
        do {
            table = try CSVTable.read(contentsOf: url, what: .manifest)
        } catch {
            throw MawjazError(error)
        }
        guard let reportColumn = table.column("report"), let outputColumn = table.column("output") else {
            throw .input([Diagnostic(at: SourceLocation(file: url.path, line: 1), field: "header", .manifestHeader)])
        }
        let folder = url.deletingLastPathComponent()
        let factColumns = table.header.indices.filter { $0 != reportColumn && $0 != outputColumn && !table.header[$0].isEmpty }
        var documents: [BatchDocument] = []
        for row in table.rows {
            func cell(_ index: Int) -> String { index < row.cells.count ? row.cells[index] : "" }
            let place = SourceLocation(file: url.path, line: row.line)
            let output = cell(outputColumn), report = cell(reportColumn)
            let outputURL = output.hasPrefix("/") ? URL(fileURLWithPath: output) : folder.appendingPathComponent(output)
            var problems: [Diagnostic] = []
            if report.isEmpty { problems.append(Diagnostic(at: place, field: "report", .manifestNoReport)) }
            if output.isEmpty { problems.append(Diagnostic(at: place, field: "output", .manifestNoOutput)) }
            var rowFormat = format
            if rowFormat == nil, !output.isEmpty {
                do { rowFormat = try OutputFormat.forPath(outputURL, dpi: dpi) } catch {
                    problems.append(Diagnostic(at: place, field: "output", error.message))
                }
            }
            var rowFacts = facts
            for column in factColumns where !cell(column).isEmpty { rowFacts[table.header[column]] = cell(column) }
            let reportURL = report.hasPrefix("/") ? URL(fileURLWithPath: report) : folder.appendingPathComponent(report)
            let request = problems.isEmpty
                ? RenderRequest(.file(reportURL.standardizedFileURL), format: rowFormat ?? .pdf, pages: pages, facts: rowFacts,
                                limits: limits) : nil
            documents.append(BatchDocument(key: output.isEmpty ? "line \(row.line)" : output, output: outputURL.standardizedFileURL,
                                           request: request, problems: problems, dataSource: nil))
        }
        return BatchPlan(documents: documents, warnings: [])
    }

    /// Shard `index` of `count` (from 1): the documents at positions index, index + count, …; the shards of one
    /// plan are disjoint and together hold every document.
    public func shard(_ index: Int, of count: Int) -> BatchPlan {
        var plan = self
        plan.documents = documents.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
        return plan
    }

    /// Only the documents whose keys are in `keys`.
    public func only(_ keys: Set<String>) -> BatchPlan {
        var plan = self
        plan.documents = documents.filter { keys.contains($0.key) }
        return plan
    }
}

/// File names made from values such as an Arabic district name: readable, safe in any folder, never two alike.
public enum SafeFileName {
    /// The longest name made, in UTF-8 bytes (file systems allow 255).
    public static let byteLimit = 200

    /// `value` with path separators, control characters, bidi overrides and the characters Windows forbids replaced by `_`,
    /// blanks and dots trimmed from the ends, cut to `byteLimit`; `_` for a value that leaves nothing.
    /// Arabic and other letters stay as they are.
    public static func make(_ value: String) -> String {
        // Most values (a district's name) need nothing done: looked at scalar by scalar, without grapheme breaking.
        if value.utf8.count <= byteLimit, let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
           !trimmed.contains(first), !trimmed.contains(last), !value.unicodeScalars.contains(where: isUnsafe) {
            return value
        }
        // A character any of whose scalars is unsafe (a slash with a combining mark on it too) becomes `_`.
        var name = String(value.map { character in character.unicodeScalars.contains(where: isUnsafe) ? "_" : character })
        name = name.trimmingCharacters(in: trimmed)
        while name.utf8.count > byteLimit { name.removeLast() }
        return name.isEmpty ? "_" : name
    }

    /// Path separators and the characters Windows forbids in a name, control characters, and the bidi embeddings,
    /// overrides and isolates that could make a name read as another (joiners stay: Arabic uses them).
    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        case 0x20..<0x7F: forbidden.contains(UInt8(scalar.value))
        default: false
        }
    }

    private static let forbidden = Set("/\\:*?\"<>|".utf8)
    /// What is trimmed from a name's ends.
    private static let trimmed = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "."))

    /// Hands out names, numbering a name already given (`name-2`, `name-3`); names compare ignoring case, so they
    /// stay apart on file systems that ignore it.
    public struct Registry: Sendable {
        private var taken = Set<String>()
        /// A registry that has handed out no name.
        public init() {}

        /// A safe name for `value` that no earlier call returned.
        public mutating func claim(_ value: String) -> String {
            let base = SafeFileName.make(value)
            var name = base, number = 1
            while !taken.insert(name.lowercased()).inserted {
                number += 1
                name = "\(base)-\(number)"
            }
            return name
        }
    }
}
