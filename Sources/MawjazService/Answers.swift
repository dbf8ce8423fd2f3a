// How the service answers: JSON bodies in one shape for every outcome of a render or a check, files with their
// names, and the closing of a connection whose body was refused.
import Foundation
import HTTPTypes
import Hummingbird
import Mawjaz
import NIOCore

/// The JSON of `POST /validate`, and of every refused or failed render: `{"ok": …, "pages": …, "diagnostics": […]}`,
/// each diagnostic the object `--diagnostics json` prints. `pages` is null when the report was not laid out.
struct CheckAnswer: Encodable {
    var ok: Bool
    var pages: Int?
    var diagnostics: [DiagnosticRecord]

    func encode(to encoder: any Encoder) throws {
        enum Key: String, CodingKey { case ok, pages, diagnostics }
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(ok, forKey: .ok)
        try container.encode(pages, forKey: .pages)
        try container.encode(diagnostics, forKey: .diagnostics)
    }
}

/// Response headers the service adds, named once.
extension HTTPField.Name {
    /// The document's page count, on every rendered file and check.
    static let mawjazPages = Self("Mawjaz-Pages")!
    /// How many warnings the render gave (`POST /validate` lists them).
    static let mawjazWarnings = Self("Mawjaz-Warnings")!
    /// The request's identifier, as logged.
    static let requestID = Self("X-Request-ID")!
}

enum Answer {
    /// `value` as JSON (keys sorted), with `status`.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A refused request: its status and problems as a check answer, `Retry-After` when it says so, and the connection
    /// closed after the answer when its body was left unread.
    static func problem(_ problem: RequestProblem, in language: Language, on channel: any Channel) -> Response {
        var headers: HTTPFields = [.contentLanguage: language.rawValue]
        if let seconds = problem.retryAfter { headers[.retryAfter] = String(seconds) }
        let records = problem.diagnostics.map { diagnostic in
            var record = DiagnosticRecord(diagnostic, in: language)
            if record.file?.isEmpty ?? true { record.file = nil }
            return record
        }
        var response = json(CheckAnswer(ok: false, pages: nil, diagnostics: records), status: problem.status, headers: headers)
        if problem.closesConnection { response = closingAfterAnswer(response, channel: channel) }
        return response
    }

    /// A rendered file: its type, its length, its name (`attachment` or `inline`), and the page count.
    static func file(_ document: RenderedDocument, stem: String, inline: Bool) -> Response {
        let data = document.files.first?.data ?? Data(), page = document.files.first?.page
        let (type, fileExtension): (String, String) = switch document.format {
        case .pdf: ("application/pdf", "pdf")
        case .png: ("image/png", "png")
        case .svg: ("image/svg+xml", "svg")
        }
        let name = page.map { "\(stem)-\($0).\(fileExtension)" } ?? "\(stem).\(fileExtension)"
        let headers: HTTPFields = [
            .contentType: type,
            .contentDisposition: contentDisposition(name, inline: inline),
            .mawjazPages: String(document.pageCount),
            .mawjazWarnings: String(document.warnings.count),
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `attachment; filename="…"` with an ASCII fallback, and `filename*` (RFC 6266) when the name is not ASCII.
    static func contentDisposition(_ name: String, inline: Bool) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        var value = "\(inline ? "inline" : "attachment"); filename=\"\(ascii)\""
        if ascii != name {
            let allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
                .union(CharacterSet(charactersIn: "!#$&+-.^_`|~"))
            value += "; filename*=UTF-8''" + (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii)
        }
        return value
    }

    /// `response` with `Connection: close`, the connection shut for writing once it is sent and closed two seconds
    /// later: a client still sending a refused body reads the answer first, and a client that never stops is cut off.
    static func closingAfterAnswer(_ response: Response, channel: any Channel) -> Response {
        var response = response
        response.headers[.connection] = "close"
        let body = response.body
        response.body = ResponseBody(contentLength: body.contentLength) { writer in
            try await body.write(writer)
            channel.close(mode: .output, promise: nil)
            channel.eventLoop.scheduleTask(in: .seconds(2)) { channel.close(promise: nil) }
        }
        return response
    }
}
