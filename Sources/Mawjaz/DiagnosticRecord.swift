// One problem as a JSON object: what `--diagnostics json` prints and what the service answers.
import Foundation
import MawjazData
import MawjazLanguage

/// A problem as JSON: `severity`, `file`, `line`, `column`, `field` and `message` (in the language asked for), and in a
/// batch the `document` it belongs to. What is unknown is left out.
///
/// ```json
/// {"column":7,"field":"date","file":"report.yaml","line":2,"message":"\"2024-02-30\" is not a date: …","severity":"error"}
/// ```
public struct DiagnosticRecord: Codable, Sendable, Equatable {
    /// `error` or `warning`.
    public var severity: String
    /// The file the problem is in (a report, a log, an option such as `--pages`); absent when it is nowhere.
    public var file: String?
    /// The line, from 1.
    public var line: Int?
    /// The column, from 1.
    public var column: Int?
    /// The field or block the problem is about.
    public var field: String?
    /// What is wrong, in the language asked for.
    public var message: String
    /// The batch document the problem belongs to (its group or its output).
    public var document: String?

    /// The record of `diagnostic`, its message in `language`.
    public init(_ diagnostic: Diagnostic, in language: Language, document: String? = nil) {
        let location = diagnostic.location
        severity = diagnostic.severity.rawValue
        file = location.file.isEmpty ? nil : location.file
        line = location.line > 0 ? location.line : nil
        column = location.column > 0 ? location.column : nil
        field = diagnostic.field
        message = diagnostic.message.text(in: language)
        self.document = document
    }

    /// A record of an error that is in no file: a full queue, a passed deadline, a failed output.
    public init(error message: Message, in language: Language, document: String? = nil) {
        severity = Diagnostic.Severity.error.rawValue
        self.message = message.text(in: language)
        self.document = document
    }

    /// The records of `error`: one per diagnostic of bad input, else one for its message.
    public static func records(of error: MawjazError, in language: Language, document: String? = nil) -> [DiagnosticRecord] {
        if case .input(let diagnostics) = error { return diagnostics.map { DiagnosticRecord($0, in: language, document: document) } }
        return [DiagnosticRecord(error: error.message, in: language, document: document)]
    }

    /// The record as one line of JSON, keys sorted, slashes unescaped.
    public var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{\"message\":\"unprintable problem\",\"severity\":\"error\"}" }
        return String(decoding: data, as: UTF8.self)
    }
}
