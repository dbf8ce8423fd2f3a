// Where a problem is and what it is: every data error names its file, line, column and field.

/// A place in a source file: 1-based line and column (column counted in Unicode scalars); 0 when unknown.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file; self.line = line; self.column = column
    }
    /// `file:line:column`, leaving out what is unknown.
    public var description: String {
        line > 0 ? (column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)") : file
    }
}

/// One problem found in the input.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable { case error, warning }
    public var severity: Severity
    public var location: SourceLocation
    /// The field the problem is in (`body[3].chart.data`, `date`, a CSV column), if any.
    public var field: String?
    public var message: String

    public init(_ severity: Severity = .error, at location: SourceLocation, field: String? = nil, _ message: String) {
        self.severity = severity; self.location = location; self.field = field; self.message = message
    }

    /// `file:line:column: error: field: message`, the form compilers use, so editors can jump to it.
    public var description: String {
        "\(location): \(severity.rawValue): " + (field.map { "\($0): " } ?? "") + message
    }
}

/// The problems that stop a report, in the order they appear; never empty.
public struct DataError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while a file is read, so that every problem is reported at once.
public struct DiagnosticLog: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    public init() {}
    public mutating func error(_ location: SourceLocation, field: String? = nil, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location, field: field, message))
    }
    public mutating func warning(_ location: SourceLocation, field: String? = nil, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location, field: field, message))
    }
    public mutating func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    /// The diagnostics grouped by file, files in the order they were first reported, each file's in line order.
    static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var rank: [String: Int] = [:]
        for diagnostic in diagnostics where rank[diagnostic.location.file] == nil { rank[diagnostic.location.file] = rank.count }
        return diagnostics.enumerated().sorted { first, second in
            let a = first.element.location, b = second.element.location
            return (rank[a.file] ?? 0, a.line, a.column, first.offset) < (rank[b.file] ?? 0, b.line, b.column, second.offset)
        }.map(\.element)
    }
}
