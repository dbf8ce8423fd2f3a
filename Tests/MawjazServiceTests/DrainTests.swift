// A graceful stop while a large answer is still being written to a client that has not read it: the answer reaches
// the client whole, and a client that never reads is cut off at the drain deadline, with a log line saying so. The
// client is a process of its own, so that its socket lives outside the test process, where many tests run at once.
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct DrainTests {
    /// A report of one page holding one JPEG image, embedded in the PDF as it is.
    static let imageReport = "title: \"صورة كبيرة\"\ndate: 2024-01-01\nbody:\n  - image: {path: large.jpg, alt: \"صورة\"}\n"

    /// The most bytes the kernel buffers for a socket that is not read (its send buffer's ceiling), so that an answer
    /// larger than this and the client's small receive buffer is certain to be still in the server when it stops.
    static var kernelSendBuffer: Int {
        let ceiling = (try? String(contentsOfFile: "/proc/sys/net/ipv4/tcp_wmem", encoding: .utf8))?
            .split(whereSeparator: \.isWhitespace).last.flatMap { Int($0) }
        return ceiling ?? 4 << 20
    }

    /// A real JPEG (`chart.jpg`) padded with application segments, which decoders pass over, to at least `bytes`.
    static func largeJPEG(bytes: Int) throws -> Data {
        let jpeg = try Data(contentsOf: TestSupport.root.appendingPathComponent("Tests/MawjazTests/Fixtures/images/chart.jpg"))
        let segment = Data([0xFF, 0xEF, 0xFF, 0xFF]) + Data(repeating: 0x4D, count: 0xFFFF - 2)
        var padded = Data(jpeg.prefix(2))
        for _ in 0...(bytes / segment.count) { padded += segment }
        return padded + jpeg.dropFirst(2)
    }

    /// A form whose answer is a PDF of about two megabytes more than the kernel holds for a reader that does not read.
    static func largeAnswerForm() throws -> Form {
        Form(report: imageReport, files: ["large.jpg": try largeJPEG(bytes: kernelSendBuffer + (2 << 20))])
    }

    /// Waits (at most 30 s) until the service has stopped listening: the graceful stop has begun.
    static func waitUntilNotListening(port: Int) async throws {
        for _ in 0..<600 {
            guard (try? RawConnection(port: port)) != nil else { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("the service still listens")
    }

    @Test func aLargeAnswerNotYetReadIsWrittenWholeAtAGracefulStop() async throws {
        let server = try await RunningService.start { $0.workers = 1; $0.maxBodyBytes = 32 << 20 }
        let form = try Self.largeAnswerForm()
        let whole = try await HTTP.post(server.url("/render"), form: form)
        #expect(whole.status == 200, "\(whole.text.prefix(300))")
        #expect(whole.body.count > Self.kernelSendBuffer)

        let client = try await SlowReader.start(form: form, port: server.port)
        #expect(client.status == 200)
        let stopping = Task { try await server.stop() }
        try await Self.waitUntilNotListening(port: server.port)
        // The stop has reached the connection (it closes connections once their answer is handed down) before the
        // client reads on; the check does not depend on when: the answer must be whole however late it reads.
        try await Task.sleep(for: .milliseconds(500))
        let body = try await client.readTheRest()
        #expect(body == whole.body, "\(body.count) of \(whole.body.count) bytes")
        try await stopping.value
        #expect(!server.log.objects.contains { $0["message"] as? String == "answer cut at close" })
    }

    @Test func aClientThatNeverReadsIsCutOffAtTheDrainDeadlineAndTheLogSaysSo() async throws {
        let server = try await RunningService.start { $0.workers = 1; $0.maxBodyBytes = 32 << 20; $0.drainTimeout = .seconds(1) }
        let client = try await SlowReader.start(form: try Self.largeAnswerForm(), port: server.port)
        #expect(client.status == 200)
        let start = ContinuousClock.now
        try await server.stop()
        // One second of drain; the rest is the machine's slowness, and the stop must not wait for the client.
        #expect(ContinuousClock.now - start < .seconds(30))
        let cut = server.log.objects.first { $0["message"] as? String == "answer cut at close" }
        #expect((cut?["unsent"] as? Int ?? 0) > 0, "\(server.log.objects)")
        #expect(cut?["level"] as? String == "warning")
        #expect(try await client.readTheRest().count < client.length)
    }
}

/// A client in a process of its own (python3) that posts a form to `/render` on a socket whose receive buffer is 4 KB,
/// reads the answer's head, and reads the rest only when told: an answer it has not read stays in the server. Its
/// waits block a thread of their own, never one of the threads the service in the test process needs to answer.
final class SlowReader: @unchecked Sendable {
    let status: Int
    let length: Int
    private let process = Process()
    private let output = Pipe(), input = Pipe(), errors = Pipe()
    private let bodyFile: URL

    static let script = #"""
        import socket, sys
        port, form, content_type, out = int(sys.argv[1]), open(sys.argv[2], "rb").read(), sys.argv[3], sys.argv[4]
        client = socket.socket()
        client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        client.settimeout(120)
        client.connect(("127.0.0.1", port))
        client.sendall(f"POST /render HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\nContent-Length: {len(form)}\r\n\r\n".encode() + form)
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = client.recv(1024)
            if not chunk:
                break
            received += chunk
        head, _, body = received.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        length = next((int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:")), -1)
        print("head", lines[0].split(" ")[1] if " " in lines[0] else 0, length, flush=True)
        sys.stdin.readline()
        try:
            while len(body) < length:
                chunk = client.recv(65536)
                if not chunk:
                    break
                body += chunk
        except OSError:
            pass
        open(out, "wb").write(body)
        """#

    /// Starts the client and waits for the answer's head.
    static func start(form: Form, port: Int) async throws -> SlowReader {
        try await TestSupport.offThePool { try SlowReader(form: form, port: port) }
    }

    /// Tells the client to read on, waits for it to end, and returns the body it read.
    func readTheRest() async throws -> Data {
        try await TestSupport.offThePool {
            self.input.fileHandleForWriting.write(Data("go\n".utf8))
            self.process.waitUntilExit()
            return try Data(contentsOf: self.bodyFile)
        }
    }

    private init(form: Form, port: Int) throws {
        let folder = try TestSupport.temporaryFolder()
        let formFile = folder.appendingPathComponent("form"), script = folder.appendingPathComponent("client.py")
        bodyFile = folder.appendingPathComponent("body")
        try form.body.write(to: formFile)
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, String(port), formFile.path, form.contentType, bodyFile.path]
        process.standardOutput = output
        process.standardInput = input
        process.standardError = errors
        try process.run()
        var seen = Data()
        while !seen.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else {
                process.waitUntilExit()
                let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                throw TestFailure("the client ended (\(process.terminationStatus)) before the answer's head: \(said)")
            }
            seen.append(chunk)
        }
        let words = String(decoding: seen, as: UTF8.self).split(separator: " ")
        guard words.count == 3, words[0] == "head", let status = Int(words[1]), let length = Int(words[2].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TestFailure("not a head: \(String(decoding: seen, as: UTF8.self))")
        }
        self.status = status
        self.length = length
    }

}
