// A request's body turned into a report and its files: read within the size limit and the time budget, then decoded
// from multipart/form-data, JSON or YAML, in the charset the sender named. Nothing is written to disk.
import Foundation
import Hummingbird
import Mawjaz
import NIOCore
import Synchronization

/// The report a request sent and the files it sent with it, by the names the report uses.
struct ReportUpload: Sendable {
    /// The report's text (YAML or JSON).
    var text: String
    /// The name messages give the report: the file name it was sent under, else `report.yaml` or `report.json`.
    var name: String
    /// The other files, by their relative paths.
    var files: [String: Data]

    /// The report in `body`, sent as `contentType`.
    init(contentType: String?, body: ByteBuffer) throws(RequestProblem) {
        let (mediaType, parameters) = Self.parse(contentType: contentType ?? "")
        switch mediaType {
        case "multipart/form-data":
            guard let boundary = parameters["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200 else {
                throw RequestProblem(status: .badRequest, .requestNotMultipart(reason: "no boundary"))
            }
            try self.init(parts: try FormData.parts(of: body, boundary: boundary))
        case "application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml":
            let name = mediaType.hasSuffix("json") ? "report.json" : "report.yaml"
            self.init(text: try Charset(parameters: parameters, file: name).text(of: body.readableBytesView, file: name), name: name, files: [:])
        default:
            throw RequestProblem(status: .unsupportedMediaType, .requestContentType(excerpt(mediaType.isEmpty ? "none" : mediaType)))
        }
    }

    init(text: String, name: String, files: [String: Data]) {
        self.text = text
        self.name = name
        self.files = files
    }

    /// The report part and the files from a form's parts.
    private init(parts: [FormPart]) throws(RequestProblem) {
        var report: FormPart?
        var files: [String: Data] = [:]
        for part in parts {
            guard let name = part.name, !name.isEmpty else {
                throw RequestProblem(status: .badRequest, .requestPartUnnamed)
            }
            if name == "report" {
                guard report == nil else { throw RequestProblem(status: .badRequest, .requestPartTwice(excerpt(name))) }
                report = part
            } else {
                // A text file in a charset it names is handed on in UTF-8, the one charset the files' readers read; an
                // image or a workbook is handed on as sent, whatever charset its part names.
                let (mediaType, parameters) = Self.parse(contentType: part.contentType ?? "")
                let bytes = Self.isText(mediaType)
                    ? try Charset(parameters: parameters, file: excerpt(name)).utf8(of: part.body, file: excerpt(name)) : part.body
                guard files.updateValue(bytes, forKey: name) == nil else {
                    throw RequestProblem(status: .badRequest, .requestPartTwice(excerpt(name)))
                }
            }
        }
        guard let report else { throw RequestProblem(status: .badRequest, .requestNoReportPart) }
        let name = report.fileName.flatMap { $0.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last }.map { excerpt($0) } ?? "report.yaml"
        let charset = try Charset(parameters: Self.parse(contentType: report.contentType ?? "").parameters, file: name)
        self.init(text: try charset.text(of: report.body, file: name), name: name, files: files)
    }

    /// Whether a part of `mediaType` (lower case) is text, whose `charset` counts: `text/*`, JSON, YAML and CSV, or no
    /// type at all.
    static func isText(_ mediaType: String) -> Bool {
        mediaType.isEmpty || mediaType.hasPrefix("text/") || mediaType.hasSuffix("+json") || mediaType.hasSuffix("+yaml")
            || ["application/json", "application/yaml", "application/x-yaml", "application/csv"].contains(mediaType)
    }

    /// `type/subtype; name=value; name="quoted value"` as the media type (lower case) and its parameters (names in
    /// lower case). Also reads `Content-Disposition`, whose first word then stands for the type.
    static func parse(contentType: String) -> (mediaType: String, parameters: [String: String]) {
        var parameters: [String: String] = [:]
        var scalars = Substring(contentType).unicodeScalars[...]
        func skipSpaces() { while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() } }
        func token() -> String {
            var text = ""
            while let first = scalars.first, first != ";", first != "=" { text.unicodeScalars.append(scalars.removeFirst()) }
            return text.trimmingCharacters(in: .whitespaces)
        }
        let mediaType = token().lowercased()
        while scalars.first == ";" {
            scalars.removeFirst()
            skipSpaces()
            let name = token().lowercased()
            guard scalars.first == "=" else { continue }
            scalars.removeFirst()
            skipSpaces()
            var value = ""
            if scalars.first == "\"" {
                scalars.removeFirst()
                while let next = scalars.first, next != "\"" {
                    scalars.removeFirst()
                    if next == "\\", let escaped = scalars.first { value.unicodeScalars.append(escaped); scalars.removeFirst() } else { value.unicodeScalars.append(next) }
                }
                if !scalars.isEmpty { scalars.removeFirst() }
                while let first = scalars.first, first != ";" { scalars.removeFirst() }
            } else {
                value = token()
            }
            if !name.isEmpty, parameters[name] == nil { parameters[name] = value }
        }
        return (mediaType, parameters)
    }
}

/// The request's body, read within `limit` bytes and by `deadline`: 413 as soon as it is larger (from its
/// `Content-Length` before reading), 408 when it has not all arrived in time, even when nothing more arrives at all, or
/// when it falls silent for `silence` (the connection's idle timeout: the 408 is sent a little before it, so that a
/// silent body is answered rather than its connection closed unanswered when the two fall together, as they do with the
/// defaults). Both close the connection after the answer.
func collectBody(of request: Request, limit: Int, deadline: ContinuousClock.Instant, budget: Duration,
                 silence: Duration) async throws(RequestProblem) -> ByteBuffer {
    if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
        throw RequestProblem(status: .contentTooLarge, .requestBodyTooLarge(limit: limit), closesConnection: true)
    }
    let arrival = LastArrival()
    let answerBefore = silence - min(silence / 10, .milliseconds(500))
    let collected: ByteBuffer?
    do {
        collected = try await reading(until: { min(deadline, arrival.instant + answerBefore) }) {
            var collected = ByteBuffer()
            for try await chunk in request.body {
                guard collected.readableBytes + chunk.readableBytes <= limit else {
                    throw RequestProblem(status: .contentTooLarge, .requestBodyTooLarge(limit: limit), closesConnection: true)
                }
                arrival.instant = .now
                var chunk = chunk
                collected.writeBuffer(&chunk)
            }
            return collected
        }
    } catch let problem as RequestProblem {
        throw problem
    } catch {
        // The connection failed while the body arrived: there is no one left to answer.
        throw RequestProblem(status: .badRequest, .requestNotMultipart(reason: "\(error)"), closesConnection: true)
    }
    guard let collected else {
        let waited = ContinuousClock.now < deadline ? silence : budget
        throw RequestProblem(status: .requestTimeout, .requestBodyTooSlow(seconds: wholeSecondsRoundedUp(waited)), closesConnection: true)
    }
    return collected
}

/// What `read` gives, or nil when the deadline `deadline` gives comes first: the reading is then cancelled. The deadline
/// is kept by a timer, not checked as chunks arrive, so a client that sends a request's head and then nothing is
/// answered at its budget rather than held (with its place among the admitted) until the connection's idle timeout; it
/// is asked again each time the timer wakes, so that it may move later while `read` goes on (a body still arriving).
private func reading<Value: Sendable>(until deadline: @escaping @Sendable () -> ContinuousClock.Instant,
                                      _ read: @escaping @Sendable () async throws -> Value) async throws -> Value? {
    try await withThrowingTaskGroup(of: Value?.self) { group in
        group.addTask { try await read() }
        group.addTask {
            var wake = deadline()
            while wake > .now {
                do { try await Task.sleep(until: wake, clock: .continuous) } catch { return nil }
                wake = deadline()
            }
            return nil
        }
        defer { group.cancelAll() }
        return try await group.next() ?? nil
    }
}

/// When the last piece of a request's body arrived, kept for the timer that answers a silent body.
private final class LastArrival: Sendable {
    private let time = Mutex(ContinuousClock.now)

    /// The instant the last piece arrived (at first, the instant the reading began).
    var instant: ContinuousClock.Instant {
        get { time.withLock { $0 } }
        set { time.withLock { $0 = newValue } }
    }
}

/// The budget in whole seconds, a part of a second counted as one, so that a budget under a second is not said as
/// "0 seconds".
private func wholeSecondsRoundedUp(_ budget: Duration) -> Int {
    Int(budget.components.seconds) + (budget.components.attoseconds > 0 ? 1 : 0)
}

/// Reads a refused request's body to its end and drops it, so that the connection can carry the next request; false
/// when it is larger than `limit` or has not all arrived by `deadline` (the connection is then closed after the
/// answer, rather than held open by a client that sends slowly). Nothing is kept: the memory it takes is one chunk.
func readPast(bodyOf request: Request, limit: Int, deadline: ContinuousClock.Instant) async -> Bool {
    if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit { return false }
    let readToItsEnd = try? await reading(until: { deadline }) {
        var read = 0
        for try await chunk in request.body {
            read += chunk.readableBytes
            guard read <= limit else { return false }
        }
        return true
    }
    return readToItsEnd == true
}
