// What a demanding HTTP client expects besides the renders: 405 with `Allow` for a method a route does not answer, 404
// in the service's JSON, HEAD wherever GET is, the charset a report or an uploaded file names honoured (or refused by
// name, or at the byte that is not in it), and a report that is not a mapping told so at its line.
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct HTTPSemanticsTests {
    /// The message of a check answer's first diagnostic, after checking that the answer has the shape of every refusal.
    static func refusal(_ answer: HTTPAnswer) throws -> [String: Any] {
        let json = try answer.json()
        #expect(json["ok"] as? Bool == false)
        #expect(json.keys.contains("pages") && json["pages"] is NSNull)
        #expect(answer.headers["content-type"] == "application/json; charset=utf-8")
        let diagnostic = try #require(try answer.diagnostics().first)
        #expect(diagnostic["severity"] as? String == "error")
        return diagnostic
    }

    @Test func aKnownPathAskedWithAnotherMethodIs405WithAllow() async throws {
        let server = try await RunningService.start()
        let cases: [(method: String, path: String, allow: String)] = [
            ("GET", "/render", "POST"), ("PUT", "/validate", "POST"), ("DELETE", "/healthz", "GET, HEAD"),
            ("POST", "/templates", "GET, HEAD"), ("POST", "/fonts/Amiri-Regular.ttf", "GET, HEAD"), ("PATCH", "/", "GET, HEAD"),
            ("OPTIONS", "/render", "POST"),
        ]
        for (method, path, allow) in cases {
            let answer = try await HTTP.send(method, server.url(path))
            #expect(answer.status == 405, "\(method) \(path): \(answer.status) \(answer.text)")
            #expect(answer.headers["allow"] == allow, "\(method) \(path)")
            let message = try Self.refusal(answer)["message"] as? String ?? ""
            #expect(message.contains(method) && message.contains(allow), "\(message)")
        }
        // A method the service has never heard of, sent by hand, and the message in the language asked for.
        let connection = try RawConnection(port: server.port)
        try connection.send("PROPFIND /render?lang=ar HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        let propfind = try await connection.receive()
        #expect(propfind.status == 405)
        #expect(propfind.headers["allow"] == "POST")
        #expect((try Self.refusal(propfind)["message"] as? String)?.contains("PROPFIND") == true)
        #expect(propfind.headers["content-language"] == "ar")
        // A path no route has: 404, in the same JSON.
        let nowhere = try await HTTP.send("GET", server.url("/nowhere"))
        #expect(nowhere.status == 404)
        #expect((try Self.refusal(nowhere)["message"] as? String)?.contains("/nowhere") == true)
        #expect(nowhere.headers["allow"] == nil)
        // The routes themselves still answer, and every GET answers HEAD with its headers and no body.
        #expect(try await HTTP.send("POST", server.url("/render"), headers: ["Content-Type": "application/json"],
                                    body: Data(EndpointTests.inlineReport.utf8)).status == 200)
        let templates = try await HTTP.send("GET", server.url("/templates"))
        let head = try await HTTP.send("HEAD", server.url("/templates"))
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.headers["content-length"] == templates.headers["content-length"])
        #expect(head.headers["content-type"] == "application/json; charset=utf-8")
        let log = server.log.objects.filter { $0["message"] as? String == "request" }.map { $0["status"] as? Int }
        #expect(log.filter { $0 == 405 }.count == cases.count + 1)
        try await server.stop()
    }

    @Test func aMethodIsRefusedAfterTheTokenIsChecked() async throws {
        let server = try await RunningService.start { $0.token = "secret" }
        #expect(try await HTTP.send("GET", server.url("/render")).status == 401)
        let answer = try await HTTP.send("GET", server.url("/render"), headers: ["Authorization": "Bearer secret"])
        #expect(answer.status == 405)
        #expect(answer.headers["allow"] == "POST")
        try await server.stop()
    }

    /// The title of a one-page report, written in `title`, as YAML.
    static func report(title: String) -> String { "title: \"\(title)\"\ndate: 2024-01-01\nbody:\n  - paragraph: \"\(title)\"\n" }

    /// The report titled "موجز" in windows-1256, the Arabic code page, where its letters are the bytes E3 E6 CC D2.
    static var arabicCodePageReport: Data {
        var bytes = Data(report(title: "\u{1}").utf8)
        while let marker = bytes.firstRange(of: Data([1])) { bytes.replaceSubrange(marker, with: [0xE3, 0xE6, 0xCC, 0xD2]) }
        return bytes
    }

    @Test func aReportInAnotherCharsetIsReadInIt() async throws {
        let server = try await RunningService.start()
        func render(_ body: Data, _ contentType: String) async throws -> HTTPAnswer {
            try await HTTP.send("POST", server.url("/render"), headers: ["Content-Type": contentType], body: body)
        }
        // "Café Müller" in ISO-8859-1, and "موجز" in windows-1256 (the Arabic code page): each the same PDF as its UTF-8.
        let latin = Data(Self.report(title: "Caf\u{E9} M\u{FC}ller").utf8)
        let latinBytes = Data(Self.report(title: "Caf\u{E9} M\u{FC}ller").unicodeScalars.map { UInt8($0.value) })
        let arabic = Data(Self.report(title: "موجز").utf8)
        let arabicBytes = Self.arabicCodePageReport
        for (utf8, bytes, type) in [(latin, latinBytes, "text/yaml; charset=ISO-8859-1"), (latin, latinBytes, "application/yaml; charset=latin1"),
                                    (arabic, arabicBytes, "application/yaml; charset=\"windows-1256\"")] {
            let expected = try await render(utf8, "application/yaml")
            let answer = try await render(bytes, type)
            #expect(expected.status == 200 && answer.status == 200, "\(type): \(answer.text)")
            #expect(answer.body == expected.body, "\(type): not the PDF of the same text in UTF-8")
        }
        // The same bytes read as UTF-8 (no charset named) are not text.
        let asUTF8 = try await render(latinBytes, "application/yaml")
        #expect(asUTF8.status == 422)
        #expect((try Self.refusal(asUTF8)["message"] as? String)?.contains("UTF-8") == true)
        // US-ASCII allows no byte past 127; the message names the charset the client sent.
        let notASCII = try await render(latinBytes, "application/yaml; charset=us-ascii")
        #expect(notASCII.status == 422)
        #expect((try Self.refusal(notASCII)["message"] as? String)?.contains("us-ascii") == true)
        // A charset the service does not know, or one with a converter's option in it: 415, naming it.
        for charset in ["x-mawjaz-unknown", "utf-8//IGNORE"] {
            let answer = try await render(latin, "application/yaml; charset=\(charset)")
            #expect(answer.status == 415, "\(charset): \(answer.status)")
            #expect((try Self.refusal(answer)["message"] as? String)?.contains(charset) == true, "\(answer.text)")
        }
        try await server.stop()
    }

    @Test func theReportPartOfAFormIsReadInItsCharset() async throws {
        let server = try await RunningService.start()
        let arabicBytes = Self.arabicCodePageReport
        let boundary = "mawjaz-charset"
        func form(_ report: Data, type: String) -> Data {
            Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"report\"; filename=\"brief.yaml\"\r\nContent-Type: \(type)\r\n\r\n".utf8)
                + report + Data("\r\n--\(boundary)--\r\n".utf8)
        }
        let headers = ["Content-Type": "multipart/form-data; boundary=\(boundary)"]
        let expected = try await HTTP.send("POST", server.url("/render"), headers: headers,
                                           body: form(Data(Self.report(title: "موجز").utf8), type: "text/yaml"))
        let answer = try await HTTP.send("POST", server.url("/render"), headers: headers, body: form(arabicBytes, type: "text/yaml; charset=windows-1256"))
        #expect(expected.status == 200 && answer.status == 200, "\(answer.text)")
        #expect(answer.body == expected.body)
        let unknown = try await HTTP.send("POST", server.url("/render"), headers: headers, body: form(arabicBytes, type: "text/yaml; charset=x-none"))
        #expect(unknown.status == 415)
        try await server.stop()
    }

    /// `text` in `charset`, converted by iconv.
    static func encoded(_ text: String, in charset: String) throws -> Data {
        let converter = iconv_open(charset, "UTF-8")
        guard Int(bitPattern: converter) != -1 else { throw TestFailure("iconv knows no \(charset)") }
        defer { iconv_close(converter) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4 + 16)
        let left = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                var inPointer = source.baseAddress, inLeft = source.count
                var outPointer = target.baseAddress, outLeft = target.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 else { return -1 }
                return outLeft
            }
        }
        guard left >= 0 else { throw TestFailure("\(text) has no \(charset)") }
        return Data(output[..<(output.count - left)].map { UInt8(bitPattern: $0) })
    }

    @Test func filesOfAFormAreReadInTheCharsetTheirPartsName() async throws {
        let server = try await RunningService.start()
        let report = "title: نشاط الوحدة\ndate: 2024-03-01\nfacts: facts.yaml\ndata:\n  activities: data/log.csv\nbody:\n"
            + "  - paragraph: \"الوحدة: {{facts.unit}}\"\n  - chart: {type: bar, data: activities, by: category, title: الفئات}\n"
        let log = "date,category,title\n2024-01-05,تدريب,دورة\n2024-02-10,زيارة,وفد\n2024-02-11,تدريب,ورشة\n"
        let facts = "unit: قسم التخطيط\n"
        func render(log: (type: String, data: Data), facts: (type: String, data: Data)) async throws -> HTTPAnswer {
            try await HTTP.post(server.url("/render"), form: Form(typedParts: [
                ("report", "text/yaml", Data(report.utf8)), ("data/log.csv", log.type, log.data), ("facts.yaml", facts.type, facts.data),
            ]))
        }
        let expected = try await render(log: ("text/csv", Data(log.utf8)), facts: ("application/yaml", Data(facts.utf8)))
        #expect(expected.status == 200, "\(expected.text)")
        let file = try TestSupport.temporaryFolder().appendingPathComponent("charsets.pdf")
        try expected.body.write(to: file)
        let text = TestSupport.visibleText(try TestSupport.pdfText(file))
        #expect(text.contains("قسم التخطيط") && text.contains("تدريب") && text.contains("زيارة"), "\(text)")
        // The Arabic code page, and UTF-16 with its byte order mark: the same PDF as the UTF-8 files.
        for charset in ["windows-1256", "UTF-16"] {
            let answer = try await render(log: ("text/csv; charset=\(charset)", try Self.encoded(log, in: charset)),
                                          facts: ("application/yaml; charset=\"\(charset)\"", try Self.encoded(facts, in: charset)))
            #expect(answer.status == 200, "\(charset): \(answer.text)")
            #expect(answer.body == expected.body, "\(charset): not the PDF of the same files in UTF-8")
        }
        // The same bytes sent without a charset are read as UTF-8 and refused at the first byte that is not, by line and
        // column: the CSV's ت (0xCA) after `2024-01-05,`, the facts' ق (0xE2) after `unit: `.
        let undeclared = try await render(log: ("text/csv", try Self.encoded(log, in: "windows-1256")),
                                          facts: ("application/yaml", try Self.encoded(facts, in: "windows-1256")))
        #expect(undeclared.status == 422)
        let found = try undeclared.diagnostics().map { "\($0["file"] ?? ""):\($0["line"] ?? ""):\($0["column"] ?? "")" }
        #expect(found.contains("data/log.csv:2:12") && found.contains("facts.yaml:1:7"), "\(undeclared.text)")
        #expect(undeclared.text.contains("0xCA"), "\(undeclared.text)")
        // A byte the named charset does not have (0x81 in windows-1252): 422 at it, naming the byte and the charset.
        var notLatin = Data("date,category,title\n2024-01-05,ab".utf8)
        notLatin.append(contentsOf: [0x81] + Array("c,x\n".utf8))
        let wrong = try await render(log: ("text/csv; charset=windows-1252", notLatin), facts: ("application/yaml", Data(facts.utf8)))
        #expect(wrong.status == 422)
        let diagnostic = try Self.refusal(wrong)
        #expect(diagnostic["file"] as? String == "data/log.csv" && diagnostic["line"] as? Int == 2 && diagnostic["column"] as? Int == 14, "\(wrong.text)")
        #expect((diagnostic["message"] as? String).map { $0.contains("0x81") && $0.contains("windows-1252") } == true, "\(wrong.text)")
        // An image's part that names a charset is handed on as sent: the same PDF as without one.
        let imageReport = "title: t\ndate: 2024-01-01\nbody:\n  - image: {path: logo.png, alt: شعار}\n"
        func renderImage(type: String) async throws -> HTTPAnswer {
            try await HTTP.post(server.url("/render"), form: Form(typedParts: [
                ("report", "text/yaml", Data(imageReport.utf8)), ("logo.png", type, try TestSupport.tinyPNG()),
            ]))
        }
        let plainImage = try await renderImage(type: "image/png")
        #expect(plainImage.status == 200, "\(plainImage.text)")
        for type in ["image/png; charset=windows-1256", "image/png; charset=x-mawjaz-none"] {
            let answer = try await renderImage(type: type)
            #expect(answer.status == 200 && answer.body == plainImage.body, "\(type): \(answer.text)")
        }
        // A charset the service does not know: 415, naming it and the part.
        let unknown = try await render(log: ("text/csv; charset=x-mawjaz-none", Data(log.utf8)), facts: ("application/yaml", Data(facts.utf8)))
        #expect(unknown.status == 415)
        let named = try Self.refusal(unknown)
        #expect(named["file"] as? String == "data/log.csv" && (named["message"] as? String)?.contains("x-mawjaz-none") == true, "\(unknown.text)")
        try await server.stop()
    }

    @Test func aReportNotInItsCharsetIsRefusedAtTheByte() async throws {
        let server = try await RunningService.start()
        // Line 2 holds the first byte past ASCII (é, 0xE9 in ISO-8859-1) after `title: "Caf`.
        let latin = Data(("date: 2024-01-01\n" + "title: \"Caf\u{E9}\"\nbody: []\n").unicodeScalars.map { UInt8($0.value) })
        for (type, file, hint) in [("application/yaml", "report.yaml", "UTF-8"), ("application/json; charset=us-ascii", "report.json", "us-ascii")] {
            let answer = try await HTTP.send("POST", server.url("/validate"), headers: ["Content-Type": type], body: latin)
            #expect(answer.status == 422)
            let diagnostic = try Self.refusal(answer)
            #expect(diagnostic["file"] as? String == file && diagnostic["line"] as? Int == 2 && diagnostic["column"] as? Int == 12, "\(answer.text)")
            #expect((diagnostic["message"] as? String).map { $0.contains("0xE9") && $0.contains(hint) } == true, "\(answer.text)")
        }
        try await server.stop()
    }

    @Test func aReportThatIsNotAMappingIsALocatedErrorSayingSo() async throws {
        let server = try await RunningService.start()
        let cases: [(body: String, type: String, file: String, found: String)] = [
            ("[{\"title\": \"t\"}]", "application/json", "report.json", "not a list"),
            ("- title: t\n- date: 2024-01-01\n", "application/yaml", "report.yaml", "not a list"),
            ("\"just a sentence\"", "application/json", "report.json", "not text \"just a sentence\""),
        ]
        for (body, type, file, found) in cases {
            for route in ["/render", "/validate"] {
                let answer = try await HTTP.send("POST", server.url(route), headers: ["Content-Type": type], body: Data(body.utf8))
                #expect(answer.status == 422, "\(route) \(body): \(answer.text)")
                let diagnostic = try Self.refusal(answer)
                #expect(diagnostic["file"] as? String == file)
                #expect(diagnostic["line"] as? Int == 1 && diagnostic["column"] as? Int == 1)
                #expect(diagnostic["field"] == nil, "a report's top level is no field: \(answer.text)")
                let message = diagnostic["message"] as? String ?? ""
                #expect(message.contains("a report is a mapping of its fields") && message.contains(found), "\(message)")
            }
        }
        try await server.stop()
    }
}

extension HTTPSemanticsTests {
    /// A client that sends `Expect: 100-continue` (curl, for a body over a megabyte) is told to go on before it sends.
    @Test func aClientThatAsksBeforeSendingItsBodyIsToldToGoOn() async throws {
        let server = try await RunningService.start()
        let body = Data(EndpointTests.inlineReport.utf8)
        let connection = try RawConnection(port: server.port)
        try connection.send("POST /render HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n"
                            + "Expect: 100-continue\r\n\r\n")
        let goOn = try await connection.receiveHead()
        #expect(goOn.status == 100)
        try connection.send(body)
        let answer = try await connection.receive()
        #expect(answer.status == 200)
        #expect(answer.body.starts(with: Data("%PDF-".utf8)))
        // The same connection carries the next request, which does not ask.
        try connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try await connection.receive().status == 200)
        try await server.stop()
    }
}
