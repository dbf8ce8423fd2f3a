// Reports and clients that try to read the server's files or wear it out: paths outside what was sent, bodies too
// large or too slow, a full queue, renders past their time budget.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite(.serialized) struct UntrustedInputTests {
    /// A file on the server that no request may read, with a line that would show if it were quoted.
    static func secretFolder() throws -> URL {
        try TestSupport.folder(with: [
            "secret.yaml": "name: secret\npage: {size: SECRET-MARKER}\n",
            "secret.csv": "date,category,title\n2024-01-01,SECRET-MARKER,SECRET-MARKER\n",
            "secret.png": "SECRET-MARKER",
        ])
    }

    /// Each report names a file it may not read, at a line; the answer is a 422 at that line whose message quotes the
    /// path as the report wrote it (`written`), and nothing of the file.
    @Test func pathsOutsideWhatWasSentAreLocated422sThatQuoteNoOtherFile() async throws {
        let server = try await RunningService.start()
        let secret = try Self.secretFolder()
        let templatesUp = String(repeating: "../", count: 12) + secret.path.dropFirst() + "/secret"
        let up = "../../../../../../" + secret.path.dropFirst()
        let cases: [(report: String, line: Int, written: String)] = [
            ("title: t\ndate: 2024-01-01\ndata:\n  activities: \(secret.path)/secret.csv\nbody: []\n", 4, "\(secret.path)/secret.csv"),
            ("title: t\ndate: 2024-01-01\ndata:\n  activities: \(up)/secret.csv\nbody: []\n", 4, "\(up)/secret.csv"),
            ("title: t\ndate: 2024-01-01\ndata:\n  activities: unsent.csv\nbody: []\n", 4, "unsent.csv"),
            ("title: t\ndate: 2024-01-01\nfacts: \(secret.path)/secret.yaml\nbody: []\n", 3, "\(secret.path)/secret.yaml"),
            ("title: t\ndate: 2024-01-01\nfacts: ../secret.yaml\nbody: []\n", 3, "../secret.yaml"),
            ("title: t\ndate: 2024-01-01\ntemplate: \(secret.path)/secret.yaml\nbody: []\n", 3, "\(secret.path)/secret.yaml"),
            ("title: t\ndate: 2024-01-01\ntemplate: ../../secret.yaml\nbody: []\n", 3, "../../secret.yaml"),
            ("title: t\ndate: 2024-01-01\ntemplate: \"\(templatesUp)\"\nbody: []\n", 3, templatesUp),
            ("title: t\ndate: 2024-01-01\nbody:\n  - image: {path: \(secret.path)/secret.png, alt: x}\n", 4, "\(secret.path)/secret.png"),
            ("title: t\ndate: 2024-01-01\nbody:\n  - image: {path: ../secret.png, alt: x}\n", 4, "../secret.png"),
            ("title: t\ndate: 2024-01-01\nbody:\n  - image: {path: /proc/self/environ, alt: x}\n", 4, "/proc/self/environ"),
            ("title: t\ndate: 2024-01-01\nfonts: {path: /usr/share/fonts/truetype}\nbody: []\n", 3, "/usr/share/fonts/truetype"),
            ("title: t\ndate: 2024-01-01\ntemplate:\n  name: briefing\n  fonts: {path: \(secret.path)}\nbody: []\n", 5, secret.path),
        ]
        for (report, line, written) in cases {
            for endpoint in ["/render", "/validate"] {
                let answer = try await HTTP.post(server.url(endpoint), form: Form(report: report, files: ["other.csv": Data("date,category,title\n".utf8)]))
                #expect(answer.status == 422, "\(endpoint) \(report): \(answer.status) \(answer.text)")
                #expect(!answer.text.contains("SECRET-MARKER"), "\(report) quoted the secret: \(answer.text)")
                #expect(!answer.text.contains(TestSupport.root.path), "\(report) named the server's folders: \(answer.text)")
                let first = try #require(try answer.diagnostics().first, "\(answer.text)")
                #expect(first["file"] as? String == "report.yaml", "\(report): \(answer.text)")
                #expect(first["line"] as? Int == line, "\(report): \(answer.text)")
                #expect((first["message"] as? String)?.contains(written) == true, "\(report): \(answer.text)")
            }
        }
        try await server.stop()
    }

    @Test func aFileSentUnderItsPathIsRead() async throws {
        let server = try await RunningService.start()
        let report = "title: t\ndate: 2024-01-01\ndata:\n  activities: logs/2024/log.csv\nbody:\n  - paragraph: \"{{activities.count}}\"\n"
        let answer = try await HTTP.post(server.url("/validate"),
                                         form: Form(report: report, files: ["logs/2024/log.csv": Data("date,category,title\n2024-01-01,a,b\n".utf8)]))
        #expect(answer.status == 200, "\(answer.text)")
        try await server.stop()
    }

    @Test func malformedFormsAre400s() async throws {
        let server = try await RunningService.start()
        let noReport = Form(parts: [(name: "log.csv", fileName: "log.csv", data: Data("x".utf8))])
        #expect(try await HTTP.post(server.url("/render"), form: noReport).status == 400)
        let unnamed = Form(parts: [(name: "report", fileName: nil, data: Data("title: t".utf8)), (name: nil, fileName: "x", data: Data())])
        #expect(try await HTTP.post(server.url("/render"), form: unnamed).status == 400)
        let twice = Form(parts: [(name: "report", fileName: nil, data: Data("title: t".utf8)), (name: "report", fileName: nil, data: Data())])
        #expect(try await HTTP.post(server.url("/render"), form: twice).status == 400)
        let notUTF8 = Form(parts: [(name: "report", fileName: nil, data: Data([0xFF, 0xFE, 0x00]))])
        #expect(try await HTTP.post(server.url("/render"), form: notUTF8).status == 422)
        let noBoundary = try await HTTP.send("POST", server.url("/render"), headers: ["Content-Type": "multipart/form-data"], body: Data("x".utf8))
        #expect(noBoundary.status == 400)
        let garbage = try await HTTP.send("POST", server.url("/render"), headers: ["Content-Type": "multipart/form-data; boundary=zz"],
                                          body: Data("no parts here at all".utf8))
        #expect(garbage.status == 400)
        try await server.stop()
    }

    @Test func anOversizedBodyIsA413BeforeItIsRead() async throws {
        let server = try await RunningService.start { $0.maxBodyBytes = 64 << 10 }
        let big = Data(repeating: 0x41, count: 1 << 20)
        let declared = try await HTTP.send("POST", server.url("/render"), headers: ["Content-Type": "application/yaml"], body: big)
        #expect(declared.status == 413)
        #expect(declared.headers["connection"]?.lowercased() == "close")
        #expect((try declared.diagnostics().first?["message"] as? String)?.contains("65536 bytes") == true)

        // Chunked, so that no length is declared: refused once the limit is passed, the connection then closed.
        let connection = try RawConnection(port: server.port)
        try connection.send("POST /render HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nTransfer-Encoding: chunked\r\n\r\n")
        let chunk = String(repeating: "a", count: 16 << 10)
        for _ in 0..<5 { try connection.send(String(16 << 10, radix: 16) + "\r\n" + chunk + "\r\n") }
        let answer = try await connection.receive()
        #expect(answer.status == 413)
        #expect(await connection.isClosedByServer())
        #expect(try await HTTP.send("GET", server.url("/healthz")).status == 200)
        try await server.stop()
    }

    @Test func aBodyTooSlowForTheBudgetIsA408() async throws {
        let server = try await RunningService.start { $0.timeBudget = .milliseconds(600) }
        let connection = try RawConnection(port: server.port)
        let report = "title: t\ndate: 2024-01-01\nbody: []\n"
        try connection.send("POST /render HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: \(report.utf8.count)\r\n\r\n")
        for character in report.prefix(8) {
            try connection.send(String(character))
            try await Task.sleep(for: .milliseconds(150))
        }
        let answer = try await connection.receive()
        #expect(answer.status == 408)
        #expect(await connection.isClosedByServer())
        try await server.stop()
    }

    @Test func aBodyThatNeverComesIsAnsweredAtTheBudgetNotAtTheIdleTimeout() async throws {
        // One worker, no queue: one silent request holds the only place, the other is refused. Each is answered at its
        // budget, with the connection closed, and the place is free again, long before the idle timeout.
        let server = try await RunningService.start {
            $0.workers = 1; $0.queueLimit = 0; $0.timeBudget = .milliseconds(600); $0.idleTimeout = .seconds(60)
        }
        let head = "POST /render HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: 100\r\n\r\n"
        let first = try RawConnection(port: server.port), second = try RawConnection(port: server.port)
        try first.send(head)
        try second.send(head)
        let start = ContinuousClock.now
        let answers = [try await first.receive(), try await second.receive()]
        #expect(Set(answers.map(\.status)) == [408, 503], "\(answers.map(\.text))")
        #expect(await first.isClosedByServer())
        #expect(await second.isClosedByServer())
        #expect(ContinuousClock.now - start < .seconds(10))
        let body = Data(EndpointTests.inlineReport.utf8)
        #expect(try await HTTP.send("POST", server.url("/render"), headers: ["Content-Type": "application/json"], body: body).status == 200)
        try await server.stop()
    }

    @Test func aBodyThatFallsSilentIsAnsweredJustBeforeTheIdleTimeoutClosesItsConnection() async throws {
        // The budget and the idle timeout equal, as with the defaults: the 408 comes first, not a connection closed
        // unanswered. Then the idle timeout closes a connection that sends nothing at all.
        let server = try await RunningService.start { $0.idleTimeout = .seconds(1); $0.timeBudget = .seconds(1) }
        let connection = try RawConnection(port: server.port)
        try connection.send("POST /render HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: 100\r\n\r\ntitle")
        let start = ContinuousClock.now
        let answer = try await connection.receive()
        #expect(answer.status == 408, "\(answer.text)")
        #expect(await connection.isClosedByServer())
        #expect(ContinuousClock.now - start < .seconds(5))
        let silent = try RawConnection(port: server.port)
        #expect(await silent.isClosedByServer())
        try await server.stop()
    }

    @Test func aBodyThatKeepsArrivingIsReadPastTheIdleTimeout() async throws {
        // Each piece well within the idle timeout (a loaded machine may sleep twice as long as asked), the whole past
        // it: read to its end and rendered.
        let server = try await RunningService.start { $0.idleTimeout = .seconds(2); $0.timeBudget = .seconds(20) }
        let connection = try RawConnection(port: server.port)
        let report = EndpointTests.inlineReport
        try connection.send("POST /render HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(report.utf8.count)\r\n\r\n")
        var rest = Substring(report)
        let piece = max(1, report.count / 12)
        while !rest.isEmpty {
            try connection.send(String(rest.prefix(piece)))
            rest = rest.dropFirst(piece)
            try await Task.sleep(for: .milliseconds(250))
        }
        #expect(try await connection.receive().status == 200)
        try await server.stop()
    }

    @Test func aFullQueueIsA503WithRetryAfterAndTheBodyDrained() async throws {
        // One worker, no queue: a request whose body is still arriving holds the only place.
        let server = try await RunningService.start { $0.workers = 1; $0.queueLimit = 0; $0.retryAfterSeconds = 2 }
        let report = Data(EndpointTests.inlineReport.utf8)
        let holder = try RawConnection(port: server.port)
        try holder.send("POST /render HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(report.count)\r\n\r\n")
        try holder.send(report.prefix(10))
        try await Task.sleep(for: .milliseconds(200))

        // Two requests on one connection: both answered 503 in full, so the first one's body was read past.
        let other = try RawConnection(port: server.port)
        for _ in 0..<2 {
            try other.send("POST /render HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(report.count)\r\n\r\n")
            try other.send(report)
            let busy = try await other.receive()
            #expect(busy.status == 503)
            #expect(busy.headers["retry-after"] == "2")
            #expect((try busy.diagnostics().first?["message"] as? String)?.contains("queue is full") == true)
        }
        #expect(try await HTTP.send("GET", server.url("/healthz")).status == 200)

        try holder.send(report.dropFirst(10))
        let held = try await holder.receive()
        #expect(held.status == 200)
        #expect(held.body.starts(with: Data("%PDF-".utf8)))
        // The place is free again.
        try other.send("POST /render HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(report.count)\r\n\r\n")
        try other.send(report)
        #expect(try await other.receive().status == 200)
        let metrics = try await HTTP.send("GET", server.url("/metrics"))
        #expect(metrics.text.contains(#"mawjaz_requests_refused_total{reason="busy"} 2"#))
        try await server.stop()
    }

    @Test func aRefusedBodyThatArrivesSlowlyClosesItsConnectionAtTheBudget() async throws {
        let server = try await RunningService.start { $0.workers = 1; $0.queueLimit = 0; $0.timeBudget = .milliseconds(600) }
        let report = Data(EndpointTests.inlineReport.utf8)
        let holder = try RawConnection(port: server.port)
        try holder.send("POST /render HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(report.count)\r\n\r\n")
        try await Task.sleep(for: .milliseconds(200))
        // Refused (the only place is taken), its body sent a byte at a time: read past until the budget, then closed.
        let slow = try RawConnection(port: server.port)
        try slow.send("POST /render HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
        let start = ContinuousClock.now
        for _ in 0..<10 {
            try? slow.send("a")
            try await Task.sleep(for: .milliseconds(150))
        }
        let busy = try await slow.receive()
        #expect(busy.status == 503)
        #expect(busy.headers["connection"]?.lowercased() == "close")
        #expect(await slow.isClosedByServer())
        #expect(ContinuousClock.now - start < .seconds(5))
        // The holder, which never sent its body, was answered at its own budget: a 408 that rounds the budget up to
        // whole seconds (a budget under a second was said as "0 seconds").
        let late = try await holder.receive()
        #expect(late.status == 408)
        #expect((try late.diagnostics().first?["message"] as? String)?.hasSuffix("within 1 second") == true, "\(late.text)")
        try await server.stop()
    }

    @Test func manyClientsAtOnceGetA200OrA503AndNothingElse() async throws {
        let server = try await RunningService.start { $0.workers = 2; $0.queueLimit = 2 }
        let body = Data(EndpointTests.inlineReport.utf8)
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<24 {
                group.addTask {
                    try await HTTP.send("POST", server.url("/render"), headers: ["Content-Type": "application/json"], body: body).status
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(Set(statuses).isSubset(of: [200, 503]), "\(statuses)")
        #expect(statuses.contains(200))
        try await server.stop()
    }

    @Test func aLimitReachedTellsTheClientHowTheServiceLetsItBeRaised() async throws {
        // The report's own limits: it may raise them itself (up to ten times the default).
        let open = try await RunningService.start()
        let lowered = try await HTTP.send("POST", open.url("/validate"), headers: ["Content-Type": "application/yaml"],
                                          body: Data(("limits: {pages: 1}\n" + Self.longReport(rows: 200)).utf8))
        let own = try lowered.diagnostics().first?["message"] as? String ?? ""
        #expect(lowered.status == 422 && own.contains("pages limit of 1"), "\(lowered.text)")
        #expect(own.contains("under limits: in the report") && own.contains("whoever runs the service") && !own.contains("--limit"), "\(own)")
        try await open.stop()
        // A limit the service sets (mawjaz serve --limit): only whoever runs it can raise it.
        let capped = try await RunningService.start { $0.limits = LimitOverrides([.pages: 1]) }
        let refused = try await HTTP.send("POST", capped.url("/validate"), headers: ["Content-Type": "application/yaml"],
                                          body: Data(("limits: {pages: 50}\n" + Self.longReport(rows: 200)).utf8))
        let set = try refused.diagnostics().first?["message"] as? String ?? ""
        #expect(refused.status == 422 && set.contains("pages limit of 1 (the service sets it"), "\(refused.text)")
        #expect(!set.contains("--limit") && !set.contains("under limits: in the report"), "\(set)")
        try await capped.stop()
    }

    /// A report of many pages, `rows` rows of one table.
    static func longReport(rows count: Int) -> String {
        let rows = (1...count).map { "      - [\"\($0)\", \"صف من جدول طويل يملأ الصفحات واحدة بعد أخرى\"]" }.joined(separator: "\n")
        return "title: طويل\ndate: 2024-01-01\nbody:\n  - table:\n      columns: [رقم, نص]\n      rows:\n\(rows)\n"
    }

    /// Some 45 pages: a render that is still running when the next request or a signal comes.
    static let longReport = longReport(rows: 1500)

    /// Some 150 pages: long enough to pass a short time budget on a fast machine too (the 45 pages rendered within
    /// 400 ms once the layout got faster).
    static let reportPastTheBudget = longReport(rows: 5000)

    @Test func aRenderPastItsTimeBudgetIsA503AndFreesItsWorker() async throws {
        let server = try await RunningService.start { $0.workers = 1; $0.timeBudget = .milliseconds(150) }
        let start = ContinuousClock.now
        let answer = try await HTTP.send("POST", server.url("/render"), headers: ["Content-Type": "application/yaml"], body: Data(Self.reportPastTheBudget.utf8))
        #expect(answer.status == 503, "\(answer.text)")
        #expect(ContinuousClock.now - start < .seconds(3), "answered at the deadline, not when the render stopped")
        #expect((try answer.diagnostics().first?["message"] as? String)?.contains("time budget") == true)
        // The worker stops at the render's next stage; then a small report renders again.
        var status = 0
        for _ in 0..<100 where status != 200 {
            status = try await HTTP.send("POST", server.url("/render"), headers: ["Content-Type": "application/json"],
                                         body: Data(EndpointTests.inlineReport.utf8)).status
            if status != 200 { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(status == 200)
        try await server.stop()
    }
}
