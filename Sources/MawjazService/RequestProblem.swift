// A request the service refuses before rendering, with its status and what to tell the client.
import Hummingbird
import Mawjaz

/// Why a request is refused: the HTTP status and the problems, each located where it can be (a query option, a part
/// of the form, a line of the report).
struct RequestProblem: Error, Sendable {
    var status: HTTPResponse.Status
    var diagnostics: [Diagnostic]
    /// Seconds the client should wait before trying again (`Retry-After`), for a full queue.
    var retryAfter: Int?
    /// Whether the connection is closed after the answer: the body was not read to its end and will not be.
    var closesConnection = false

    init(status: HTTPResponse.Status, diagnostics: [Diagnostic], retryAfter: Int? = nil, closesConnection: Bool = false) {
        self.status = status
        self.diagnostics = diagnostics
        self.retryAfter = retryAfter
        self.closesConnection = closesConnection
    }

    /// A problem with one message, at `location` (by default in no file).
    init(status: HTTPResponse.Status, at location: SourceLocation = SourceLocation(file: ""), _ message: Message, retryAfter: Int? = nil,
         closesConnection: Bool = false) {
        self.init(status: status, diagnostics: [Diagnostic(.error, at: location, field: nil, message)],
                  retryAfter: retryAfter, closesConnection: closesConnection)
    }
}

/// The user's text as a message quotes it: cut short by `Message.excerpt`, control characters shown as `?` (a
/// request's path, method or header may hold any of them).
func excerpt<S: StringProtocol>(_ text: S) -> String {
    var shown = String.UnicodeScalarView()
    shown.append(contentsOf: text.unicodeScalars.lazy.map { $0.properties.generalCategory == .control ? "?" : $0 })
    return Message.excerpt(String(shown))
}
