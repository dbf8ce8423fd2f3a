// A small WebDriver client for the browser tests: starts chromedriver, opens a headless Chromium session, and
// finds, clicks, types, runs scripts and takes screenshots over WebDriver's HTTP protocol.
import Foundation
import Synchronization

/// A headless Chromium driven over WebDriver: one chromedriver process and one session, both ended by `close()`
/// (`shared()`'s when the test process exits).
public final class WebDriver: @unchecked Sendable {
    /// A WebDriver command that failed: the endpoint, and what the driver answered.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// An element of the page, by its WebDriver reference.
    public struct Element: Sendable {
        public let reference: String
    }

    private static let elementKey = "element-6066-11e4-a52e-4f735466cecf"
    private let driver: Process
    private let base: URL
    private let session: String
    /// Where the browser saves downloads.
    public let downloads: URL

    /// chromium and chromedriver from Debian's packages, or nil with what is missing.
    public static var missing: String? {
        let found = ["chromium", "chromedriver"].filter { program in
            (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/\(program)")
            }
        }
        return found.count == 2 ? nil : "headless Chromium is not installed (Debian's chromium and chromium-driver; `make deps` installs them)"
    }

    /// Starts chromedriver on a free port and a headless Chromium session with a window of `width`×`height` whose
    /// downloads go to a new folder.
    public init(width: Int = 1400, height: Int = 1000) async throws {
        let port = try Self.freePort()
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        driver.arguments = ["chromedriver", "--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        base = URL(string: "http://127.0.0.1:\(port)")!
        downloads = try TestSupport.temporaryFolder()
        var ready = false
        var problem = "no answer"
        for _ in 0..<200 where !ready {
            do {
                ready = (try await Self.call(base, "GET", "/status") as? [String: Any])?["ready"] as? Bool ?? false
            } catch {
                problem = "\(error)"
            }
            if !ready { try await Task.sleep(for: .milliseconds(50)) }
        }
        guard ready else {
            Self.stop(driver)
            throw Failure(description: "chromedriver did not start on port \(port): \(problem)")
        }
        var arguments = ["--headless=new", "--disable-gpu", "--hide-scrollbars", "--window-size=\(width),\(height)", "--lang=en-US"]
        if getuid() == 0 { arguments.append("--no-sandbox") }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:loggingPrefs": ["browser": "ALL"],
            "goog:chromeOptions": [
                "args": arguments,
                "prefs": ["download.default_directory": downloads.path, "download.prompt_for_download": false],
            ],
        ]]]
        do {
            let answer = try await Self.call(base, "POST", "/session", capabilities)
            guard let id = (answer as? [String: Any])?["sessionId"] as? String else { throw Failure(description: "no session: \(String(describing: answer))") }
            session = id
        } catch {
            Self.stop(driver)
            throw error
        }
    }

    /// Ends the session and chromedriver.
    public func close() async {
        _ = try? await command("DELETE", "")
        Self.stop(driver)
    }

    /// The session the browser tests share: started by the first test that asks for it (a browser takes seconds to
    /// start), ended when the test process exits. A session that failed to start fails every test that asks.
    public static func shared() async throws -> WebDriver {
        try await SharedSession.instance.driver()
    }

    /// The shared session, started once.
    private actor SharedSession {
        static let instance = SharedSession()
        private var starting: Task<WebDriver, any Error>?

        func driver() async throws -> WebDriver {
            if let starting { return try await starting.value }
            let task = Task { try await WebDriver() }
            starting = task
            let driver = try await task.value
            WebDriver.endedAtExit.withLock { $0 = driver }
            atexit { WebDriver.endedAtExit.withLock { $0?.closeNow() } }
            return driver
        }
    }

    /// The shared session, for the exit handler.
    private static let endedAtExit = Mutex<WebDriver?>(nil)

    /// `close()` for an exit handler, which cannot wait for tasks.
    private func closeNow() {
        _ = try? Self.exchange(port: base.port ?? 80, method: "DELETE", path: "/session/\(session)", body: Data())
        Self.stop(driver)
    }

    /// Sets the window's size (the shared session keeps the last test's).
    public func resize(width: Int, height: Int) async throws {
        _ = try await command("POST", "/window/rect", ["width": width, "height": height])
    }

    /// Stops chromedriver: SIGTERM, then SIGKILL when it has not gone within two seconds.
    private static func stop(_ driver: Process) {
        driver.terminate()
        let deadline = Date().addingTimeInterval(2)
        while driver.isRunning, Date() < deadline { usleep(20_000) }
        if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }
        driver.waitUntilExit()
    }

    // MARK: - Commands

    public func open(_ url: URL) async throws {
        _ = try await command("POST", "/url", ["url": url.absoluteString])
    }

    /// Runs `script` (a function body: `return …`) in the page with `arguments`, and returns what it returned.
    @discardableResult
    public func run(_ script: String, _ arguments: [Any] = []) async throws -> Any? {
        let value = try await command("POST", "/execute/sync", ["script": script, "args": arguments.map(Self.encode)])
        return value is NSNull ? nil : value
    }

    /// The first element matching a CSS selector, or nil.
    public func find(_ selector: String) async throws -> Element? {
        let answer = try await command("POST", "/elements", ["using": "css selector", "value": selector])
        guard let list = answer as? [[String: Any]], let reference = list.first?[Self.elementKey] as? String else { return nil }
        return Element(reference: reference)
    }

    /// The first element matching `selector`, waiting for it up to `seconds`.
    public func element(_ selector: String, seconds: Double = 30) async throws -> Element {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let element = try await find(selector) { return element }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(description: "no element \(selector) after \(seconds) s")
    }

    public func click(_ element: Element) async throws {
        _ = try await command("POST", "/element/\(element.reference)/click", [:])
    }

    /// Types `text` into `element` as a person would, key by key (`\n` is Enter); into a file input, the path of a file.
    public func type(_ text: String, into element: Element) async throws {
        _ = try await command("POST", "/element/\(element.reference)/value", ["text": text])
    }

    /// The page as a PNG.
    public func screenshot() async throws -> Data {
        guard let encoded = try await command("GET", "/screenshot") as? String, let png = Data(base64Encoded: encoded) else {
            throw Failure(description: "no screenshot")
        }
        return png
    }

    /// Waits until `script` returns true in the page; throws after `seconds`, with what `describe` returns then.
    public func wait(until script: String, _ arguments: [Any] = [], seconds: Double = 30, describe: String = "return document.title") async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await run(script, arguments) as? Bool == true { return }
            try await Task.sleep(for: .milliseconds(40))
        }
        throw Failure(description: "waited \(seconds) s for: \(script) — \(String(describing: try? await run(describe)))")
    }

    /// The errors the page's scripts raised since the last call (uncaught exceptions, `console.error`), from
    /// chromedriver's browser log; failed requests, which a page may expect (a 422), are left out.
    public func scriptErrors() async throws -> [String] {
        let entries = try await command("POST", "/se/log", ["type": "browser"]) as? [[String: Any]] ?? []
        return entries.filter { $0["level"] as? String == "SEVERE" && $0["source"] as? String != "network" }
            .compactMap { $0["message"] as? String }
    }

    /// Forgets what the browser downloaded so far, so that `downloaded()` sees the next download alone.
    public func forgetDownloads() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: downloads.path) {
            try FileManager.default.removeItem(at: downloads.appendingPathComponent(name))
        }
    }

    /// The files the browser finished downloading, waiting up to `seconds` for one.
    public func downloaded(seconds: Double = 30) async throws -> [URL] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: downloads.path)) ?? []
            let finished = names.filter { !$0.hasSuffix(".crdownload") && !$0.hasPrefix(".") }
            if !finished.isEmpty, names.count == finished.count { return finished.sorted().map { downloads.appendingPathComponent($0) } }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(description: "nothing downloaded after \(seconds) s")
    }

    // MARK: - The protocol

    private func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        try await Self.call(base, method, "/session/\(session)" + path, body)
    }

    private static func encode(_ value: Any) -> Any {
        if let element = value as? Element { return [elementKey: element.reference] }
        return value
    }

    /// Sends one command and returns its answer's `value`. chromedriver writes its headers without a space after the
    /// colon, which FoundationNetworking's URLSession refuses ("Failed writing header"), so this speaks HTTP/1.1 over a
    /// socket itself, on a thread of its own (a page load can take seconds; the service under test needs the pool).
    private static func call(_ base: URL, _ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        let port = base.port ?? 80
        let (status, data) = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Int, Data), any Error>) in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try exchange(port: port, method: method, path: path, body: payload) })
            }
        }
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        guard status == 200 else { throw Failure(description: "\(method) \(path): \(object["value"] ?? object)") }
        return object["value"]
    }

    /// One request to 127.0.0.1:`port` and its answer's status and body (the connection closed after it).
    private static func exchange(port: Int, method: String, path: String, body: Data) throws -> (Int, Data) {
        let (socket, loopbackAddress) = try loopback(port: port)
        defer { Foundation.close(socket) }
        var address = loopbackAddress
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { throw Failure(description: "cannot connect to port \(port)") }
        // A driver that stops answering fails the command after a minute rather than hanging the tests.
        var patience = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &patience, socklen_t(MemoryLayout<timeval>.size))
        var request = Data("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json; charset=utf-8\r\n".utf8)
        request += Data("Content-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8) + body
        try request.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let count = Foundation.send(socket, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                guard count > 0 else { throw Failure(description: "cannot send to port \(port)") }
                sent += count
            }
        }
        // Headers, then as many bytes as Content-Length says: chromedriver may keep the connection open.
        var answer = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var expected: Int?
        var headerEnd: Range<Data.Index>?
        while expected.map({ answer.count < $0 }) ?? true {
            let count = Foundation.recv(socket, &chunk, chunk.count, 0)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            answer.append(contentsOf: chunk[0..<count])
            if headerEnd == nil, let end = answer.range(of: Data("\r\n\r\n".utf8)) {
                headerEnd = end
                let headers = String(decoding: answer[..<end.lowerBound], as: UTF8.self).lowercased().split(separator: "\r\n")
                let length = headers.first { $0.hasPrefix("content-length:") }.flatMap { Int($0.dropFirst(15).trimmingCharacters(in: .whitespaces)) }
                expected = length.map { end.upperBound - answer.startIndex + $0 }
            }
        }
        guard let split = headerEnd,
              let statusLine = String(data: answer[..<split.lowerBound], encoding: .utf8)?.split(separator: "\r\n").first,
              let status = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else {
            throw Failure(description: "no HTTP answer from port \(port)")
        }
        return (status, Data(answer[split.upperBound...]))
    }

    /// A new TCP socket (the caller closes it) and the address 127.0.0.1:`port`.
    private static func loopback(port: Int) throws -> (Int32, sockaddr_in) {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "no socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return (socket, address)
    }

    /// A TCP port nothing listens on now, chosen by the system.
    public static func freePort() throws -> Int {
        let (socket, loopbackAddress) = try loopback(port: 0)
        defer { Foundation.close(socket) }
        var address = loopbackAddress
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
