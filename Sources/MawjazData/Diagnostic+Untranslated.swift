// Messages given as plain text, as code written before the language tables gives them: they compile, with a
// warning pointing at each, and read the same in every language until they get a case of their own.
import MawjazLanguage

extension Diagnostic {
    @available(*, deprecated, message: "give the message a case in Message and a translation in every table")
    public init(_ severity: Severity = .error, at location: SourceLocation, field: String? = nil, _ message: String) {
        self.init(severity, at: location, field: field, .verbatim(message))
    }
}

extension DiagnosticLog {
    @available(*, deprecated, message: "give the message a case in Message and a translation in every table")
    package mutating func error(_ location: SourceLocation, field: String? = nil, _ message: String) {
        error(location, field: field, .verbatim(message))
    }

    @available(*, deprecated, message: "give the message a case in Message and a translation in every table")
    package mutating func warning(_ location: SourceLocation, field: String? = nil, _ message: String) {
        warning(location, field: field, .verbatim(message))
    }
}

extension Suggestion {
    /// `" (did you mean \"x\"?)"` for the closest candidate within a small edit distance, else "".
    @available(*, deprecated, message: "pass Suggestion.closest(to:among:) to a message that takes a suggestion")
    package static func didYouMean(_ name: String, among candidates: [String]) -> String {
        closest(to: name, among: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}
