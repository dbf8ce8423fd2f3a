// Reads a report file (YAML or JSON, one schema) and the data files it names into a `Report`.
import Foundation
import MawjazFrame
import MawjazLanguage

/// A report read as far as it could be, with every problem found on the way.
public struct ReportReading: Sendable {
    /// The report, with the parts that had errors left out; nil when it could not be read at all.
    public var report: Report?
    /// The errors and warnings, in the order they were found.
    public var diagnostics: [Diagnostic]
    /// Datasets the report declares whose files had errors (already reported): later stages say nothing more of them.
    public var unreadableDatasets: Set<String>
    /// The split dataset's groups, when the report was read with a grouping.
    public var partition: ActivityPartition?
}

/// Loads reports from files, reporting every problem of a file at once with its line and column.
public struct ReportLoader {
    /// The keys a report file may have at its top level.
    package static let topLevelKeys = [
        "template", "title", "subtitle", "date", "classification", "author", "subject", "keywords", "language",
        "numerals", "date-style", "month-names", "justify", "convert-digits", "overflow", "facts", "data", "body",
        "attachment", "fonts", "limits",
    ]
    /// The names of the block kinds a body may hold.
    package static let blockKinds = BlockKind.allCases.map(\.rawValue)

    var reader: YAMLReader
    let folder: URL
    /// Datasets the report declares whose files could not be read (already reported).
    var unreadableDatasets = Set<String>()
    private var language = Language.ar
    /// The limits in force: the report's own under the command line's.
    var limits = Limits()
    /// Asked as activity logs are read (see `ReportText.stop`).
    var stop = StopSignal.never
    let overrides: LimitOverrides
    /// Rows of activity logs read so far, against `limits.dataRows`.
    private var rowsRead = 0
    /// The files on disk read or named for reading so far.
    var inputFiles: [String] = []
    /// The dataset to split into groups, and the groups once it is read.
    private let grouping: DatasetGrouping?
    private var partition: ActivityPartition?

    private init(file: String, folder: URL, files: FileSource, grouping: DatasetGrouping?, overrides: LimitOverrides) {
        reader = YAMLReader(file: file, files: files)
        self.folder = folder
        self.grouping = grouping
        self.overrides = overrides
        limits = overrides.applied(to: Limits())
    }

    /// Loads the report at `url` with its data files; throws every error found, in file order.
    /// Warnings (such as activities dated after the report) come back with the report.
    /// `overrides` (from the command line) go over the report's own `limits:`.
    public static func load(contentsOf url: URL, overrides: LimitOverrides = LimitOverrides()) throws(DataError)
        -> (report: Report, warnings: [Diagnostic]) {
        var text = ReportText(contentsOf: url)
        text.limits = overrides
        let loaded = try load(text)
        return (loaded.report, loaded.warnings)
    }

    /// Parses report text (YAML or JSON) named `file`, resolving data files against `folder`.
    public static func parse(_ text: String, file: String, folder: URL, overrides: LimitOverrides = LimitOverrides()) throws(DataError)
        -> (report: Report, warnings: [Diagnostic]) {
        var input = ReportText(text, name: file, folder: folder, files: .disk)
        input.limits = overrides
        let loaded = try load(input)
        return (loaded.report, loaded.warnings)
    }

    /// Loads a report from a file or from text, reading the files it names from `input.files`. With `grouping`,
    /// that dataset is also split by the column's values: a problem in a row then belongs to its group alone.
    public static func load(_ input: ReportText, grouping: DatasetGrouping? = nil) throws(DataError) -> LoadedReport {
        let reading = read(input, grouping: grouping)
        var log = DiagnosticLog()
        log.append(contentsOf: reading.diagnostics)
        try log.throwIfErrors()
        guard let report = reading.report else { throw DataError(Diagnostic(at: SourceLocation(file: input.name), .reportUnreadable)) }
        return LoadedReport(report: report, warnings: log.warnings + (reading.partition?.ungrouped ?? []), partition: reading.partition)
    }

    /// Reads a report without stopping at errors, so that the later stages can check what could be read: the
    /// report is nil only when its structure could not be read at all. The limits of `input` go over the report's own.
    public static func read(_ input: ReportText, grouping: DatasetGrouping? = nil) -> ReportReading {
        var loader = ReportLoader(file: input.name, folder: input.folder, files: input.files, grouping: grouping,
                                  overrides: input.limits)
        loader.stop = input.stop
        loader.reader.stop = input.stop
        let root: LocatedNode?
        switch input.content {
        case .file(let url):
            loader.inputFiles.append(url.path)
            root = loader.reader.load(contentsOf: url)
        case .text(let text):
            // Text in memory is held to the size a report file may have.
            let size = text.utf8.count
            if size > YAMLReader.sizeLimit {
                loader.reader.log.error(SourceLocation(file: input.name),
                                        InputFileProblem.tooLarge(size: size, limit: YAMLReader.sizeLimit).message(.file, path: input.name))
                root = nil
            } else {
                root = loader.reader.parse(text)
            }
        }
        var report = root.flatMap { loader.readReport($0) }
        report?.files = input.files
        var log = loader.reader.log
        if let report { log.append(contentsOf: ReportValidator.check(report, ignoring: loader.unreadableDatasets)) }
        if let grouping, report != nil, loader.partition == nil, !loader.unreadableDatasets.contains(grouping.dataset) {
            log.error(SourceLocation(file: input.name), field: "data",
                      .noDatasetToSplit(Message.excerpt(grouping.dataset), suggestion: Suggestion.closest(to: grouping.dataset, among: report?.datasets.keys.sorted() ?? [])))
        }
        return ReportReading(report: report, diagnostics: log.diagnostics, unreadableDatasets: loader.unreadableDatasets,
                             partition: loader.partition)
    }

    // MARK: - The top level

    private mutating func readReport(_ root: LocatedNode) -> Report? {
        guard root.isMapping else {
            reader.log.error(root.location, .reportNotMapping(found: YAMLReader.kind(of: root.node)))
            return nil
        }
        guard let pairs = reader.mapping(root, allowedKeys: Self.topLevelKeys) else { return nil }
        let fields = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        // First, since the data below is read within them.
        if let node = fields["limits"] { readLimits(node) }

        var settings = ReportSettings()
        if let node = fields["language"], let value = reader.choice(node, as: Language.self) { settings = ReportSettings(language: value) }
        language = settings.language
        if let node = fields["numerals"], let value = reader.choice(node, as: NumeralSystem.self) { settings.numerals = value }
        if let node = fields["date-style"], let value = reader.choice(node, as: DateStyle.self) { settings.dateStyle = value }
        if let node = fields["month-names"], let value = reader.choice(node, as: MonthNames.self) { settings.monthNames = value }
        if let node = fields["justify"], let value = reader.choice(node, as: JustifyMode.self) { settings.justify = value }
        if let node = fields["convert-digits"], let value = reader.boolean(node) { settings.convertDigits = value }
        if let node = fields["overflow"], let value = reader.choice(node, as: OverflowPolicy.self) { settings.overflow = value }

        var templateName = "briefing"
        var overrides: TemplateOverrides?
        if let node = fields["template"] {
            if node.isMapping {
                overrides = TemplateOverrides(node: node)
                if let pairs = reader.mapping(node), let name = pairs.first(where: { $0.key == "name" }) {
                    templateName = reader.string(name.value) ?? templateName
                }
            } else if let name = reader.string(node) {
                templateName = name
            }
        }
        let title = required("title", in: root, fields).flatMap { reader.string($0) }
        let parsedDate = required("date", in: root, fields).flatMap { reader.date($0) }
        let body = required("body", in: root, fields).flatMap { readBlocks($0) }
        let facts = fields["facts"].map { readFacts($0) } ?? []
        let datasets = fields["data"].map { readDatasets($0) } ?? [:]

        // Past the node limit, only part of the body was read: it is not laid out as if it were the report.
        guard let title, let body, !reader.isOverNodeLimit else { return nil }
        let fontOverrides = fields["fonts"].flatMap { node in reader.mapping(node) != nil ? TemplateOverrides(node: node) : nil }
        // A date that did not parse is already reported; the report is still built so that its other parts
        // are checked against each other too.
        let date = parsedDate ?? CalendarDate(year: 1)
        var report = Report(template: templateName, title: title, subtitle: fields["subtitle"].flatMap { reader.string($0) },
                      date: date, classification: fields["classification"].flatMap { reader.string($0) },
                      author: fields["author"].flatMap { reader.string($0) },
                      subject: fields["subject"].flatMap { reader.string($0) },
                      keywords: fields["keywords"].flatMap { reader.strings($0) } ?? [],
                      settings: settings, facts: facts, datasets: datasets, body: body, file: reader.file,
                      templateOverrides: overrides, attachment: fields["attachment"].flatMap { reader.integer($0, in: 1...999) })
        report.fontOverrides = fontOverrides
        report.limits = limits
        report.inputFiles = inputFiles
        report.templateSource = fields["template"]?.location
        return report
    }

    /// The report's own limits, each at most its ceiling; the command line's values stay over them.
    private mutating func readLimits(_ node: LocatedNode) {
        guard let pairs = reader.mapping(node, allowedKeys: Limits.Name.allCases.map(\.rawValue)) else { return }
        for (key, value) in pairs {
            guard let name = Limits.Name(rawValue: key),
                  let number = reader.integer(value, in: 1...Limits.ceiling(name)) else { continue }
            limits[name] = number
        }
        limits = overrides.applied(to: limits)
    }

    /// The node at `key`, or nil with a diagnostic saying it is required.
    mutating func required(_ key: String, in node: LocatedNode, _ fields: [String: LocatedNode]) -> LocatedNode? {
        guard let child = fields[key] else {
            reader.missing(key, in: node)
            return nil
        }
        return child
    }

    // MARK: - Facts and data

    private mutating func readFacts(_ node: LocatedNode) -> [Fact] {
        if node.isScalar, let path = reader.string(node) {
            let resolved = resolve(path)
            var factsReader = YAMLReader(file: resolved, files: reader.files)
            guard let root = factsReader.load(named: resolved, what: .file, at: node.location) else {
                reader.log.append(contentsOf: factsReader.log.diagnostics)
                return []
            }
            swap(&reader, &factsReader)
            let facts = readFactMapping(root)
            swap(&reader, &factsReader)
            reader.log.append(contentsOf: factsReader.log.diagnostics)
            return facts
        }
        return readFactMapping(node)
    }

    private mutating func readFactMapping(_ node: LocatedNode) -> [Fact] {
        guard let pairs = reader.mapping(node) else { return [] }
        return pairs.compactMap { key, value -> Fact? in
            if value.isMapping {
                guard let fields = reader.mapping(value, allowedKeys: ["label", "value", "unit", "source"]) else { return nil }
                let map = Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
                guard let valueNode = map["value"] else { reader.missing("value", in: value); return nil }
                guard let text = reader.string(valueNode) else { return nil }
                return Fact(key: key, label: map["label"].flatMap { reader.string($0) }, value: text,
                            unit: map["unit"].flatMap { reader.string($0) }, source: map["source"].flatMap { reader.string($0) })
            }
            return reader.string(value).map { Fact(key: key, value: $0) }
        }
    }

    private mutating func readDatasets(_ node: LocatedNode) -> [String: ActivityLog] {
        guard let pairs = reader.mapping(node) else { return [:] }
        var logs: [String: ActivityLog] = [:]
        for (name, value) in pairs {
            guard Self.isIdentifier(name) else {
                reader.log.error(value.location, field: value.path, .badDatasetName)
                continue
            }
            var path: String?
            var pathNode = value
            var mapping = ColumnMapping()
            var mappingNode: LocatedNode?
            var sheet: String?
            var sheetNode: LocatedNode?
            var inline: [LocatedNode]?
            if value.isScalar {
                path = reader.string(value)
            } else if value.isSequence {
                inline = reader.sequence(value)
            } else if let fields = reader.mapping(value, allowedKeys: ["file", "columns", "rows", "sheet"]) {
                for (key, field) in fields {
                    switch key {
                    case "file": path = reader.string(field); pathNode = field
                    case "rows": inline = reader.sequence(field)
                    case "sheet": sheet = reader.string(field); sheetNode = field
                    default:
                        mappingNode = field
                        if let columns = reader.mapping(field) {
                            var map: [String: String] = [:]
                            for (fieldName, header) in columns { map[fieldName] = reader.string(header) }
                            mapping = ColumnMapping(map)
                        }
                    }
                }
                if path == nil && inline == nil { reader.missing("file", in: value) }
            }
            if let path {
                let resolved = resolve(path)
                if let unreadable = ActivityWorkbook.unreadableKind(URL(fileURLWithPath: resolved)) {
                    reader.log.error(pathNode.location, field: pathNode.path, unreadable)
                    unreadableDatasets.insert(name)
                    continue
                }
                guard let data = reader.readNamedFile(resolved, what: .dataFile, limit: limits.dataBytes, limitName: .dataBytes,
                                                      at: pathNode.location, field: pathNode.path) else {
                    unreadableDatasets.insert(name)
                    continue
                }
                do {
                    let rows = (before: rowsRead, limit: limits.dataRows)
                    if ActivityWorkbook.isWorkbook(URL(fileURLWithPath: resolved)) {
                        logs[name] = try ActivityWorkbook.parse(data, file: resolved, name: name, columns: mapping, sheet: sheet,
                                                                rows: rows, stop: stop)
                    } else if let grouping, grouping.dataset == name {
                        let parts = try ActivityCSV.partition([UInt8](data), file: resolved, name: name, columns: mapping, by: grouping,
                                                              limits: limits, rowsBefore: rowsRead, stop: stop)
                        partition = parts
                        logs[name] = ActivityLog(name: name, file: resolved, activities: parts.allActivities)
                    } else {
                        if let sheetNode {
                            reader.log.error(sheetNode.location, field: sheetNode.path, .sheetOnlyInWorkbook)
                        }
                        logs[name] = try ActivityCSV.parse([UInt8](data), file: resolved, name: name, columns: mapping,
                                                           limits: limits, rowsBefore: rowsRead, stop: stop)
                    }
                    rowsRead += logs[name]?.activities.count ?? 0
                } catch {
                    unreadableDatasets.insert(name)
                    // Problems of the column mapping and the sheet's name are the report's: point at `columns:`, `sheet:`.
                    reader.log.append(contentsOf: error.diagnostics.map { diagnostic in
                        if diagnostic.field == "sheet", let sheetNode {
                            var moved = diagnostic
                            moved.location = sheetNode.location
                            moved.field = Message.pathExcerpt(sheetNode.path)
                            moved.message = .inFile(Message.pathExcerpt((resolved as NSString).lastPathComponent), diagnostic.message)
                            return moved
                        }
                        guard diagnostic.location.line == 0, diagnostic.field == "columns", let mappingNode else { return diagnostic }
                        var moved = diagnostic
                        moved.location = mappingNode.location
                        moved.message = .inFile(Message.pathExcerpt((resolved as NSString).lastPathComponent), diagnostic.message)
                        return moved
                    })
                }
            } else if let inline {
                rowsRead += inline.count
                guard rowsRead <= limits.dataRows else {
                    reader.log.error(pathNode.location, field: pathNode.path, .tooManyRows(limit: limits.dataRows))
                    unreadableDatasets.insert(name)
                    continue
                }
                let log = ActivityLog(name: name, file: reader.file, activities: inline.compactMap { readActivity($0) })
                logs[name] = log
                if let grouping, grouping.dataset == name {
                    do { partition = try log.partition(by: grouping) } catch { reader.log.append(contentsOf: error.diagnostics) }
                }
            }
        }
        return logs
    }

    private mutating func readActivity(_ node: LocatedNode) -> Activity? {
        let keys = ["date", "category", "title", "location", "partner", "participants", "tags"]
        guard let pairs = reader.mapping(node, allowedKeys: keys) else { return nil }
        let map = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let date = required("date", in: node, map).flatMap { reader.date($0) }
        let category = required("category", in: node, map).flatMap { reader.string($0) }
        let title = required("title", in: node, map).flatMap { reader.string($0) }
        guard let date, let category, let title else { return nil }
        return Activity(date: date, category: category, title: title, location: map["location"].flatMap { reader.string($0) },
                        partner: map["partner"].flatMap { reader.string($0) },
                        participants: map["participants"].flatMap { reader.integer($0, in: 0...10_000_000) },
                        tags: map["tags"].flatMap { reader.strings($0) } ?? [], line: node.location.line)
    }

    /// A path the report writes, ready for `reader.readNamedFile`: resolved against the report's folder on disk, and
    /// then remembered as one of the report's inputs (which an output may not replace).
    mutating func resolve(_ path: String) -> String {
        let resolved = reader.files.resolve(path, against: folder)
        if reader.files.isDisk { inputFiles.append(resolved) }
        return resolved
    }

    static func isIdentifier(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}
