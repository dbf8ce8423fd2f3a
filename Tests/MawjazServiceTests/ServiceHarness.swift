// A service started in the test process on a free loopback port, and clients that talk to it over real sockets:
// URLSession for whole requests, a raw socket for requests sent piece by piece.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import Mawjaz
import MawjazService
import ServiceLifecycle
import TestSupport

/// A `RenderService` listening on 127.0.0.1 at a free port until `stop()`.
final class RunningService: Sendable {
    let service: RenderService
    let port: Int
    let log: LogLines
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(service: RenderService, port: Int, log: LogLines, group: ServiceGroup, task: Task<Void, any Error>) {
        self.service = service
        self.port = port
        self.log = log
        self.group = group
        self.task = task
    }

    /// Starts a service with the test defaults (two workers, a queue of 8, port 0) changed by `configure`.
    static func start(_ configure: (inout ServiceConfiguration) -> Void = { _ in }) async throws -> RunningService {
        var configuration = ServiceConfiguration()
        configuration.port = 0
        configuration.workers = 2
        configuration.queueLimit = 8
        configure(&configuration)
        let log = LogLines()
        let logger = Logger(label: "mawjaz-test") { label in ServiceLogHandler(label: label) { line in log.append(line) } }
        let service = try RenderService(configuration: configuration, resources: TestSupport.resources, logger: logger)
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let group = ServiceGroup(configuration: .init(services: [service.application(onListening: { port in portSink.yield(port) })],
                                                      logger: logger))
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw TestFailure("the service did not start") }
        return RunningService(service: service, port: port, log: log, group: group, task: task)
    }

    func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    /// Stops gracefully (what SIGTERM does) and waits for the requests in flight to be answered.
    func stop() async throws {
        service.beginStopping()
        await group.triggerGracefulShutdown()
        try await task.value
        service.pool.shutdown()
    }
}

/// Log lines written by a service under test.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    /// The lines, each parsed as a JSON object.
    var objects: [[String: Any]] {
        lines.withLock { $0 }.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }
}

import Synchronization

/// An HTTP answer as a client sees it.
struct HTTPAnswer: Sendable {
    var status: Int
    /// Header values by lower-case name.
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object.
    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else { throw TestFailure("not a JSON object: \(text)") }
        return object
    }

    /// The diagnostics of a check answer.
    func diagnostics() throws -> [[String: Any]] { (try json()["diagnostics"] as? [[String: Any]]) ?? [] }
}

enum HTTP {
    /// Sends a request with URLSession and returns the answer, whatever its status.
    static func send(_ method: String, _ url: URL, headers: [String: String] = [:], body: Data? = nil) async throws -> HTTPAnswer {
        var request = URLRequest(url: url, timeoutInterval: 120)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw TestFailure("not an HTTP answer") }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields[String(describing: name).lowercased()] = String(describing: value) }
        return HTTPAnswer(status: http.statusCode, headers: fields, body: data)
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 32
        return URLSession(configuration: configuration)
    }()

    /// `POST` of a multipart form.
    static func post(_ url: URL, form: Form, headers: [String: String] = [:]) async throws -> HTTPAnswer {
        try await send("POST", url, headers: headers.merging(["Content-Type": form.contentType]) { a, _ in a }, body: form.body)
    }
}

/// A `multipart/form-data` body built part by part.
struct Form {
    let boundary = "mawjaz-test-\(UUID().uuidString)"
    private(set) var body = Data()

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The form with a part per file, the report under `report`.
    init(report: String, reportName: String = "report.yaml", files: [String: Data] = [:]) {
        add("report", fileName: reportName, Data(report.utf8))
        for (name, data) in files.sorted(by: { $0.key < $1.key }) { add(name, fileName: (name as NSString).lastPathComponent, data) }
        finish()
    }

    /// A form of the report folder's files: `report.yaml` as the report, every other file under its relative path.
    init(folder: URL) throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
        add("report", fileName: "report.yaml", try Data(contentsOf: folder.appendingPathComponent("report.yaml")))
        for name in files where name != "report.yaml" {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
            if !isFolder.boolValue { add(name, fileName: (name as NSString).lastPathComponent, try Data(contentsOf: folder.appendingPathComponent(name))) }
        }
        finish()
    }

    /// An empty form, to add parts to by hand.
    init(parts: [(name: String?, fileName: String?, data: Data)]) {
        for part in parts { add(part.name, fileName: part.fileName, part.data) }
        finish()
    }

    /// A form of parts each sent with its own `Content-Type` (`text/csv; charset=windows-1256`).
    init(typedParts: [(name: String, type: String, data: Data)]) {
        for part in typedParts { add(part.name, fileName: (part.name as NSString).lastPathComponent, part.data, type: part.type) }
        finish()
    }

    private mutating func add(_ name: String?, fileName: String?, _ data: Data, type: String = "application/octet-stream") {
        var head = "--\(boundary)\r\nContent-Disposition: form-data"
        if let name { head += "; name=\"\(name)\"" }
        if let fileName { head += "; filename=\"\(fileName)\"" }
        head += "\r\nContent-Type: \(type)\r\n\r\n"
        body.append(Data(head.utf8))
        body.append(data)
        body.append(Data("\r\n".utf8))
    }

    private mutating func finish() { body.append(Data("--\(boundary)--\r\n".utf8)) }
}

/// A TCP connection to the service, written and read by hand: for bodies sent in pieces, several requests on one
/// connection, and watching a connection close.
///
/// Reading waits until the service answers, so it is done on a thread of its own (`TestSupport.offThePool`), never on
/// one of Swift's cooperative threads: they are as many as the machine's cores (two on CI), the service's handlers
/// run on them, and tests blocked there in `recv` at once would leave the service none to answer with (each such test
/// then failed at the 60-second read timeout). Each connection belongs to one test, which awaits every read before the
/// next, so its state is never touched from two threads at once.
final class RawConnection: @unchecked Sendable {
    private var socket: Int32
    private var pending = Data()

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            // Closed here, and marked so: the deinitializer runs for an object whose initializer throws once it is
            // whole, and a second close would close whatever another test opened under the same number meanwhile.
            close(socket)
            socket = -1
            throw TestFailure("cannot connect to port \(port)")
        }
    }

    deinit { if socket >= 0 { close(socket) } }

    func send(_ text: String) throws { try send(Data(text.utf8)) }

    func send(_ data: Data) throws {
        let sent = data.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == data.count else { throw TestFailure("send failed: \(String(cString: strerror(errno)))") }
    }

    /// Reads one answer: its head, then a body of its `Content-Length`.
    func receive() async throws -> HTTPAnswer {
        try await TestSupport.offThePool {
            var answer = try self.readHead()
            answer.body = try self.readBody(length: Int(answer.headers["content-length"] ?? "0") ?? 0)
            return answer
        }
    }

    /// Reads the head of an answer (the answer without its body).
    func receiveHead() async throws -> HTTPAnswer { try await TestSupport.offThePool { try self.readHead() } }

    /// Whether the server has closed the connection (reading gives end of file or a reset).
    func isClosedByServer() async -> Bool {
        (try? await TestSupport.offThePool {
            var byte: UInt8 = 0
            return recv(self.socket, &byte, 1, 0) <= 0
        }) ?? true
    }

    private func readHead() throws -> HTTPAnswer {
        while pending.range(of: Data("\r\n\r\n".utf8)) == nil { try fill() }
        let end = pending.range(of: Data("\r\n\r\n".utf8))!
        let head = String(decoding: pending[..<end.lowerBound], as: UTF8.self)
        pending = Data(pending[end.upperBound...])
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw TestFailure("not a status line: \(head)") }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return HTTPAnswer(status: status, headers: headers, body: Data())
    }

    private func readBody(length: Int) throws -> Data {
        while pending.count < length { try fill() }
        let body = Data(pending.prefix(length))
        pending = Data(pending.dropFirst(length))
        return body
    }

    private func fill() throws {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(socket, &buffer, buffer.count, 0)
        guard count > 0 else { throw TestFailure("the connection closed before the answer was complete (\(pending.count) bytes read past the head)") }
        pending.append(contentsOf: buffer[..<count])
    }
}
