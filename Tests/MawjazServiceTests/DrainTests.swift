// A graceful stop while a large answer is still being written to a client that has not read it: the answer reaches
// the client whole, and a client that never reads is cut off at the drain deadline, with a log line saying so.
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

    /// Sends `form` to `/render` on a connection whose receive buffer is small, and reads the answer's head alone.
    static func startReading(_ form: Form, port: Int) throws -> (RawConnection, head: HTTPAnswer) {
        let connection = try RawConnection(port: port, receiveBuffer: 4096)
        try connection.send("POST /render HTTP/1.1\r\nHost: x\r\nContent-Type: \(form.contentType)\r\nContent-Length: \(form.body.count)\r\n\r\n")
        try connection.send(form.body)
        return (connection, try connection.receiveHead())
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

        let (connection, head) = try Self.startReading(form, port: server.port)
        #expect(head.status == 200)
        let stopping = Task { try await server.stop() }
        try await Self.waitUntilNotListening(port: server.port)
        // The stop has reached the connection (it closes connections once their answer is handed down) before the
        // client reads on; the check does not depend on when: the answer must be whole however late it reads.
        try await Task.sleep(for: .milliseconds(500))
        let body = try connection.receiveBody(length: Int(head.headers["content-length"] ?? "") ?? -1)
        #expect(body == whole.body, "\(body.count) of \(whole.body.count) bytes")
        try await stopping.value
        #expect(connection.isClosedByServer())
        #expect(!server.log.objects.contains { $0["message"] as? String == "answer cut at close" })
    }

    @Test func aClientThatNeverReadsIsCutOffAtTheDrainDeadlineAndTheLogSaysSo() async throws {
        let server = try await RunningService.start { $0.workers = 1; $0.maxBodyBytes = 32 << 20; $0.drainTimeout = .seconds(1) }
        let (connection, head) = try Self.startReading(try Self.largeAnswerForm(), port: server.port)
        #expect(head.status == 200)
        let start = ContinuousClock.now
        try await server.stop()
        // One second of drain; the rest is the machine's slowness, and the stop must not wait for the client.
        #expect(ContinuousClock.now - start < .seconds(20))
        let cut = server.log.objects.first { $0["message"] as? String == "answer cut at close" }
        #expect((cut?["unsent"] as? Int ?? 0) > 0, "\(server.log.objects)")
        #expect(cut?["level"] as? String == "warning")
        #expect(throws: (any Error).self) { _ = try connection.receiveBody(length: Int(head.headers["content-length"] ?? "") ?? 0) }
    }
}
