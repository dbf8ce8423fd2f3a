// Where a problem is and what it is: every data error names its file, line, column and field.
import MawjazLanguage

/// A place in a source file: 1-based line and column (column counted in Unicode scalars); 0 when unknown.
/// In a spreadsheet, the line is the row, the column the column's number, and `cell` names the cell as the
/// spreadsheet does (`Sheet1!C12`).
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// A spreadsheet cell or row in the spreadsheet's own notation (`Sheet1!C12`, `Sheet1!1:1`), if the file is one.
    public var cell: String?
    public init(file: String, line: Int = 0, column: Int = 0, cell: String? = nil) {
        self.file = file; self.line = line; self.column = column; self.cell = cell
    }
    /// `file:line:column` leaving out what is unknown, or `file:Sheet1!C12` in a spreadsheet.
    public var description: String {
        if let cell { return "\(file):\(cell)" }
        return line > 0 ? (column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)") : file
    }
}

/// One problem found in the input.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable {
        case error, warning
        /// The word printed before the message.
        public var word: Message { self == .error ? .errorWord : .warningWord }
    }
    public var severity: Severity
    public var location: SourceLocation
    /// The field the problem is in (`body[3].chart.data`, `date`, a CSV column), if any.
    public var field: String?
    /// What is wrong, as a value: `message.text(in:)` writes it in any language.
    public var message: Message

    /// A diagnostic; an empty `field` (the top level of a file) is no field. The file's path and the field's path
    /// (which holds the report's own keys) are cut short by `Message.pathExcerpt`, so a diagnostic's place stays short too.
    public init(_ severity: Severity = .error, at location: SourceLocation, field: String? = nil, _ message: Message) {
        self.severity = severity
        var place = location
        place.file = Message.pathExcerpt(location.file)
        place.cell = location.cell.map(Message.pathExcerpt)
        self.location = place
        self.field = field?.isEmpty == true ? nil : field.map(Message.pathExcerpt)
        self.message = message
    }

    /// This diagnostic naming `remedy(limit)` as the way to raise the limit it is about (see `LimitRemedy`).
    public func withLimitRemedy(_ remedy: (_ limit: String) -> LimitRemedy) -> Diagnostic {
        var addressed = self
        addressed.message = message.withLimitRemedy(remedy)
        return addressed
    }

    /// `file:line:column: error: field: message` in English, the form compilers use, so editors can jump to it.
    public var description: String { description(in: .en) }

    /// `file:line:column: severity: field: message`, the severity and message in `language`.
    public func description(in language: Language) -> String {
        "\(location): \(severity.word.text(in: language)): " + (field.map { "\($0): " } ?? "") + message.text(in: language)
    }
}

/// The problems that stop a report, in the order they appear; never empty.
public struct DataError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
    public var description: String { description(in: .en) }
    /// The diagnostics in `language`, one a line.
    public func description(in language: Language) -> String {
        diagnostics.map { $0.description(in: language) }.joined(separator: "\n")
    }
}

/// Collects diagnostics while a file is read, so that every problem is reported at once.
package struct DiagnosticLog: Sendable {
    package private(set) var diagnostics: [Diagnostic] = []
    package init() {}
    package mutating func error(_ location: SourceLocation, field: String? = nil, _ message: Message) {
        diagnostics.append(Diagnostic(.error, at: location, field: field, message))
    }
    package mutating func warning(_ location: SourceLocation, field: String? = nil, _ message: Message) {
        diagnostics.append(Diagnostic(.warning, at: location, field: field, message))
    }
    package mutating func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }
    package var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    package var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    /// The diagnostics grouped by file, files in the order they were first reported, each file's in line order.
    public static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var rank: [String: Int] = [:]
        for diagnostic in diagnostics where rank[diagnostic.location.file] == nil { rank[diagnostic.location.file] = rank.count }
        return diagnostics.enumerated().sorted { first, second in
            let a = first.element.location, b = second.element.location
            return (rank[a.file] ?? 0, a.line, a.column, first.offset) < (rank[b.file] ?? 0, b.line, b.column, second.offset)
        }.map(\.element)
    }
}
