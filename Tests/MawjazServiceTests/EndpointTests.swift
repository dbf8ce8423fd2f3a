// Every endpoint of the service, over a real socket: renders equal to the command's, checks, templates, health and
// metrics, languages, the bearer token and CORS.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite(.serialized) struct EndpointTests {
    /// The command built beside the tests.
    static var command: String {
        let debug = TestSupport.root.appendingPathComponent(".build/debug/mawjaz").path
        return FileManager.default.fileExists(atPath: debug) ? debug : TestSupport.root.appendingPathComponent(".build/release/mawjaz").path
    }

    /// A one-page report whose data are written in it: what a client without files sends.
    static let inlineReport = """
        {"title": "موجز الأنشطة", "date": "2024-09-15", "numerals": "arabic-indic",
         "data": {"activities": {"rows": [
            {"date": "2021-03-14", "category": "تدريبات مشتركة", "title": "أول عملية جوية مشتركة"},
            {"date": "2022-05", "category": "تبادلات عسكرية", "title": "تبادل خبرات في الطب العسكري"},
            {"date": "2023", "category": "تدريبات مشتركة", "title": "مناورة ثاذرن سترايك"}]}},
         "body": [
            {"heading": "الأنشطة"},
            {"paragraph": "بلغ عدد الأنشطة {{activities.count}} منذ عام {{activities.first_year}}."},
            {"chart": {"type": "bar", "data": "activities", "by": "year", "title": "الأنشطة حسب السنة"}}]}
        """

    @Test func theDefaultBriefPostedAsAFormIsTheCommandsPDFByteForByte() async throws {
        let server = try await RunningService.start()
        let folder = TestSupport.defaultReport.deletingLastPathComponent()
        let answer = try await HTTP.post(server.url("/render"), form: try Form(folder: folder))
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.headers["content-type"] == "application/pdf")
        #expect(answer.headers["content-disposition"] == "attachment; filename=\"report.pdf\"")
        #expect(answer.headers["mawjaz-pages"] == "3")
        #expect(answer.headers["x-request-id"]?.isEmpty == false)

        let output = try TestSupport.temporaryFolder().appendingPathComponent("brief.pdf")
        let cli = try TestSupport.run(Self.command, ["render", TestSupport.defaultReport.path, "-o", output.path])
        #expect(cli.status == 0, "\(cli.error)")
        #expect(answer.body == (try Data(contentsOf: output)), "the service's PDF differs from mawjaz render's")
        try await server.stop()
    }

    @Test func aJSONReportWithInlineRowsIsTheCommandsPDFAndReadsBack() async throws {
        let server = try await RunningService.start()
        let answer = try await HTTP.send("POST", server.url("/render?name=" + "موجز".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!),
                                         headers: ["Content-Type": "application/json"], body: Data(Self.inlineReport.utf8))
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.headers["content-disposition"] == "attachment; filename=\"____.pdf\"; filename*=UTF-8''%D9%85%D9%88%D8%AC%D8%B2.pdf")
        let folder = try TestSupport.folder(with: ["report.json": Self.inlineReport])
        let served = folder.appendingPathComponent("served.pdf")
        try answer.body.write(to: served)
        let cli = try TestSupport.run(Self.command, ["render", "report.json", "-o", "cli.pdf"], directory: folder)
        #expect(cli.status == 0, "\(cli.error)")
        #expect(answer.body == (try Data(contentsOf: folder.appendingPathComponent("cli.pdf"))))
        _ = try TestSupport.inspectPDF(served)
        let text = TestSupport.visibleText(try TestSupport.pdfText(served))
        #expect(text.contains("الأنشطة حسب السنة"))
        #expect(text.contains("بلغ عدد الأنشطة") && text.contains("٢٠٢١"))
        try await server.stop()
    }

    @Test func aYAMLBodyRendersToo() async throws {
        let server = try await RunningService.start()
        let yaml = "title: مذكرة\ndate: 2024-01-01\nbody:\n  - paragraph: نص المذكرة.\n"
        let answer = try await HTTP.send("POST", server.url("/render"), headers: ["Content-Type": "application/yaml"], body: Data(yaml.utf8))
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.body.starts(with: Data("%PDF-".utf8)))
        try await server.stop()
    }

    @Test func onePageAsPNGOrSVG() async throws {
        let server = try await RunningService.start()
        let form = try Form(folder: TestSupport.defaultReport.deletingLastPathComponent())
        let png = try await HTTP.post(server.url("/render?format=png&page=2&dpi=72&disposition=inline&name=brief"), form: form)
        #expect(png.status == 200, "\(png.text)")
        #expect(png.headers["content-type"] == "image/png")
        #expect(png.headers["content-disposition"] == "inline; filename=\"brief-2.png\"")
        #expect(png.body.starts(with: Data([0x89, 0x50, 0x4E, 0x47])))
        // A4 at 72 dpi: 595 × 842 pixels (the width and height in the IHDR chunk).
        let width = png.body[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png.body[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect((width, height) == (596, 842))

        let svg = try await HTTP.post(server.url("/render?format=svg&page=3"), form: form)
        #expect(svg.status == 200)
        #expect(svg.headers["content-type"] == "image/svg+xml")
        #expect(svg.text.contains("<svg"))
        #expect(svg.headers["content-disposition"] == "attachment; filename=\"report-3.svg\"")

        let past = try await HTTP.post(server.url("/render?format=png&page=9"), form: form)
        #expect(past.status == 422)
        let problem = try #require(try past.diagnostics().first)
        #expect(problem["file"] as? String == "?page")
        #expect((problem["message"] as? String)?.contains("no page 9") == true)
        try await server.stop()
    }

    @Test func wrongOptionsAreA400NamingEachOption() async throws {
        let server = try await RunningService.start()
        let answer = try await HTTP.send("POST", server.url("/render?format=gif&page=0&dpi=nan&set=novalue"),
                                         headers: ["Content-Type": "application/json"], body: Data(Self.inlineReport.utf8))
        #expect(answer.status == 400)
        let files = try answer.diagnostics().compactMap { $0["file"] as? String }
        #expect(Set(files) == ["?format", "?page", "?dpi", "?set"])
        let pageWithPDF = try await HTTP.send("POST", server.url("/render?page=2"), headers: ["Content-Type": "application/json"],
                                              body: Data(Self.inlineReport.utf8))
        #expect(pageWithPDF.status == 400)
        let unsupported = try await HTTP.send("POST", server.url("/render"), headers: ["Content-Type": "text/html"], body: Data("<p>".utf8))
        #expect(unsupported.status == 415)
        let language = try await HTTP.send("POST", server.url("/render?lang=fr"), headers: ["Content-Type": "application/json"],
                                           body: Data(Self.inlineReport.utf8))
        #expect(language.status == 400)
        try await server.stop()
    }

    @Test func factsSetFromTheQueryReachTheDocument() async throws {
        let server = try await RunningService.start()
        let yaml = "title: مذكرة\ndate: 2024-01-01\nbody:\n  - paragraph: \"الوحدة: {{facts.unit}}\"\n"
        let unit = "قسم التخطيط".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let answer = try await HTTP.send("POST", server.url("/render?set=unit=\(unit)"), headers: ["Content-Type": "application/yaml"],
                                         body: Data(yaml.utf8))
        #expect(answer.status == 200, "\(answer.text)")
        let file = try TestSupport.temporaryFolder().appendingPathComponent("facts.pdf")
        try answer.body.write(to: file)
        #expect(TestSupport.visibleText(try TestSupport.pdfText(file)).contains("قسم التخطيط"))
        try await server.stop()
    }

    @Test func validateAnswersPagesAndTheCommandsDiagnostics() async throws {
        let server = try await RunningService.start()
        let good = try await HTTP.post(server.url("/validate"), form: try Form(folder: TestSupport.defaultReport.deletingLastPathComponent()))
        #expect(good.status == 200)
        let goodJSON = try good.json()
        #expect(goodJSON["ok"] as? Bool == true)
        #expect(goodJSON["pages"] as? Int == 3)
        #expect((goodJSON["diagnostics"] as? [Any])?.isEmpty == true)

        let broken = "title: موجز\ndate: 2024-02-30\nlangauge: ar\ndata:\n  activities: log.csv\nbody:\n  - paragraph: نص\n"
        let log = "date,category,title\n2023-13-01,أ,ب\n"
        let bad = try await HTTP.post(server.url("/validate"), form: Form(report: broken, files: ["log.csv": Data(log.utf8)]))
        #expect(bad.status == 422)
        let badJSON = try bad.json()
        #expect(badJSON["ok"] as? Bool == false)
        #expect(badJSON["pages"] is NSNull)
        // The same objects as `mawjaz validate --diagnostics json`, line for line (the command names files by their paths
        // on its disk, the service by the names they were sent under).
        let folder = try TestSupport.folder(with: ["report.yaml": broken, "log.csv": log])
        let cli = try TestSupport.run(Self.command, ["validate", "report.yaml", "--diagnostics", "json"], directory: folder)
        let cliObjects = cli.error.split(separator: "\n").compactMap { line -> NSDictionary? in
            guard var object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            object["file"] = (object["file"] as? String).map { ($0 as NSString).lastPathComponent }
            return NSDictionary(dictionary: object)
        }
        let served = try bad.diagnostics().map { NSDictionary(dictionary: $0) }
        #expect(!served.isEmpty)
        #expect(served == cliObjects, "served \(served) but the command printed \(cliObjects)")

        let rendered = try await HTTP.post(server.url("/render"), form: Form(report: broken, files: ["log.csv": Data(log.utf8)]))
        #expect(rendered.status == 422)
        #expect(try rendered.diagnostics().map { NSDictionary(dictionary: $0) } == served)
        try await server.stop()
    }

    @Test func diagnosticsInArabicByQueryOrAcceptLanguage() async throws {
        let server = try await RunningService.start()
        let broken = Data("title: موجز\ndate: 2024-02-30\nbody:\n  - paragraph: نص\n".utf8)
        let byQuery = try await HTTP.send("POST", server.url("/validate?lang=ar"), headers: ["Content-Type": "application/yaml"], body: broken)
        let byHeader = try await HTTP.send("POST", server.url("/validate"),
                                           headers: ["Content-Type": "application/yaml", "Accept-Language": "fr;q=1, ar-SA;q=0.9, en;q=0.5"], body: broken)
        let english = try await HTTP.send("POST", server.url("/validate"), headers: ["Content-Type": "application/yaml"], body: broken)
        for answer in [byQuery, byHeader] {
            #expect(answer.status == 422)
            #expect(answer.headers["content-language"] == "ar")
            let message = try #require(try answer.diagnostics().first?["message"] as? String)
            #expect(message.contains("ليس تاريخا"), "\(message)")
        }
        #expect((try english.diagnostics().first?["message"] as? String)?.contains("is not a date") == true)
        try await server.stop()
    }

    @Test func templatesHealthAndMetrics() async throws {
        let server = try await RunningService.start()
        let templates = try await HTTP.send("GET", server.url("/templates"))
        #expect(templates.status == 200)
        let names = (try templates.json()["templates"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        let bundled = TemplateLoader(folder: try TestSupport.resources.templates).names
        #expect(names == bundled)
        #expect(names?.contains("briefing") == true)

        let health = try await HTTP.send("GET", server.url("/healthz"))
        #expect(health.status == 200)
        #expect(try health.json()["status"] as? String == "ok")
        #expect(try health.json()["workers"] as? Int == 2)
        let head = try await HTTP.send("HEAD", server.url("/healthz"))
        #expect(head.status == 200)
        #expect(head.body.isEmpty)

        _ = try await HTTP.send("POST", server.url("/render"), headers: ["Content-Type": "application/json"], body: Data(Self.inlineReport.utf8))
        let metrics = try await HTTP.send("GET", server.url("/metrics"))
        #expect(metrics.status == 200)
        #expect(metrics.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        #expect(metrics.text.contains(#"mawjaz_http_requests_total{route="/render",method="POST",status="200"} 1"#), "\(metrics.text)")
        #expect(metrics.text.contains("mawjaz_pages_rendered_total 1"))
        #expect(metrics.text.contains("mawjaz_http_request_duration_seconds_bucket{"))
        #expect(metrics.text.contains("process_resident_memory_bytes "))
        #expect(metrics.text.contains("mawjaz_queue_waiting 0"))

        let missing = try await HTTP.send("GET", server.url("/nothing"))
        #expect(missing.status == 404)
        try await server.stop()
    }

    @Test func oneStructuredLogLinePerRequest() async throws {
        let server = try await RunningService.start()
        _ = try await HTTP.send("POST", server.url("/render"), headers: ["Content-Type": "application/json"], body: Data(Self.inlineReport.utf8))
        _ = try await HTTP.send("GET", server.url("/healthz"))
        try await server.stop()
        let requests = server.log.objects.filter { $0["message"] as? String == "request" }
        #expect(requests.count == 2)
        let render = try #require(requests.first { $0["route"] as? String == "/render" })
        #expect(render["status"] as? Int == 200)
        #expect(render["pages"] as? Int == 1)
        #expect(render["method"] as? String == "POST")
        #expect((render["ms"] as? Double ?? -1) > 0)
        #expect((render["id"] as? String)?.isEmpty == false)
    }

    @Test func aBearerTokenGuardsEverythingButHealth() async throws {
        let server = try await RunningService.start { $0.token = "s3cret-token" }
        let body = Data(Self.inlineReport.utf8)
        let without = try await HTTP.send("POST", server.url("/render"), headers: ["Content-Type": "application/json"], body: body)
        #expect(without.status == 401)
        #expect(without.headers["www-authenticate"] == "Bearer realm=\"mawjaz\"")
        let wrong = try await HTTP.send("POST", server.url("/render"), headers: ["Content-Type": "application/json", "Authorization": "Bearer s3cret-tokeN"], body: body)
        #expect(wrong.status == 401)
        let right = try await HTTP.send("POST", server.url("/render"), headers: ["Content-Type": "application/json", "Authorization": "Bearer s3cret-token"], body: body)
        #expect(right.status == 200)
        #expect(try await HTTP.send("GET", server.url("/metrics")).status == 401)
        #expect(try await HTTP.send("GET", server.url("/templates")).status == 401)
        #expect(try await HTTP.send("GET", server.url("/healthz")).status == 200)
        #expect(try await HTTP.send("HEAD", server.url("/healthz")).status == 200)
        try await server.stop()
    }

    @Test func corsIsOffUnlessAskedFor() async throws {
        let closed = try await RunningService.start()
        let plain = try await HTTP.send("GET", closed.url("/templates"), headers: ["Origin": "https://editor.example"])
        #expect(plain.headers["access-control-allow-origin"] == nil)
        try await closed.stop()

        let open = try await RunningService.start { $0.corsOrigins = ["https://editor.example"] }
        let allowed = try await HTTP.send("GET", open.url("/templates"), headers: ["Origin": "https://editor.example"])
        #expect(allowed.headers["access-control-allow-origin"] == "https://editor.example")
        let preflight = try await HTTP.send("OPTIONS", open.url("/render"),
                                            headers: ["Origin": "https://editor.example", "Access-Control-Request-Method": "POST"])
        #expect(preflight.headers["access-control-allow-methods"]?.contains("POST") == true)
        let other = try await HTTP.send("GET", open.url("/templates"), headers: ["Origin": "https://elsewhere.example"])
        #expect(other.headers["access-control-allow-origin"] == nil)
        try await open.stop()
    }
}
