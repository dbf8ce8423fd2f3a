// The editor page at `/`: its routes over HTTP, and the page itself in headless Chromium driven over WebDriver —
// it opens on the briefing template already rendered, follows typing, shows an error at its line in the page's
// language, keeps the preview's scroll position, takes a spreadsheet, and downloads the PDF the command line makes.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Mawjaz
import Testing
import TestSupport

@Suite(.serialized) struct EditorPageTests {
    /// The command line built beside the tests.
    static var command: String {
        let debug = TestSupport.root.appendingPathComponent(".build/debug/mawjaz").path
        return FileManager.default.fileExists(atPath: debug) ? debug : TestSupport.root.appendingPathComponent(".build/release/mawjaz").path
    }

    /// Where the screenshots of the page go, to be looked at.
    static let screenshots = TestSupport.root.appendingPathComponent(".build/screenshots")

    static func get(_ url: URL) async throws -> (status: Int, headers: [String: String], body: Data) {
        let (data, response) = try await URLSession.shared.data(from: url)
        let http = response as? HTTPURLResponse
        let headers = Dictionary((http?.allHeaderFields ?? [:]).map { ("\($0.key)".lowercased(), "\($0.value)") }, uniquingKeysWith: { a, _ in a })
        return (http?.statusCode ?? 0, headers, data)
    }

    static func post(_ url: URL, report: String, files: [String: Data] = [:]) async throws -> (status: Int, body: Data) {
        let boundary = "mawjaz-\(UUID().uuidString)"
        var body = Data()
        for (name, data) in [("report", Data(report.utf8))] + files.sorted(by: { $0.key < $1.key }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(name == "report" ? "report.yaml" : name)\"\r\n\r\n".utf8)
            body += data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    static func json(_ data: Data) -> [String: Any] { (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:] }

    // MARK: - Routes

    @Test func thePageItsWordsFontsAndStartersAreServedAndNothingElse() async throws {
        let service = try await RunningService.start()
        do {
            let page = try await Self.get(service.url("/"))
            #expect(page.status == 200)
            #expect(page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(page.headers["content-security-policy"]?.contains("connect-src 'self'") == true)
            #expect(String(decoding: page.body, as: UTF8.self).contains("<script src=\"/page.js\""))
            #expect(try await Self.get(service.url("/page.js")).body.count > 1000)
            #expect(try await Self.get(service.url("/page.css")).headers["content-type"] == "text/css; charset=utf-8")

            let words = Self.json(try await Self.get(service.url("/words?lang=ar")).body)
            #expect(words["direction"] as? String == "rtl")
            #expect(words["digits"] as? String == "٠١٢٣٤٥٦٧٨٩")
            let arabic = words["words"] as? [String: String] ?? [:]
            #expect(arabic.count == EditorWord.allCases.count)
            #expect(arabic["download"] == Message.editor(.download).text(in: .ar))
            #expect((Self.json(try await Self.get(service.url("/words?lang=en")).body)["words"] as? [String: String])?["download"] == "Download PDF")
            #expect(try await Self.get(service.url("/words?lang=xx")).status == 400)

            #expect(try await Self.get(service.url("/fonts/NotoNaskhArabic-Regular.ttf")).body.count > 100_000)
            for refused in ["/fonts/OFL-Noto.txt", "/fonts/..%2FPackage.swift", "/fonts/%2E%2E%2F%2E%2E%2FPackage.swift"] {
                #expect(try await Self.get(service.url(refused)).status == 404, "\(refused)")
            }

            let templates = Self.json(try await Self.get(service.url("/templates")).body)["templates"] as? [[String: Any]] ?? []
            let briefing = templates.first { $0["name"] as? String == "briefing" }
            let starters = briefing?["starters"] as? [String: [String: String]] ?? [:]
            #expect(Set(starters.keys) == ["ar", "en"])
            let starter = try String(contentsOf: TestSupport.root.appendingPathComponent("Templates/starters/briefing.ar.yaml"), encoding: .utf8)
            #expect(starters["ar"]?["report.yaml"] == starter)
            #expect(starters["ar"]?["activities.csv"]?.hasPrefix("#") == true)
        } catch {
            try await service.stop()
            throw error
        }
        try await service.stop()
    }

    @Test func previewAnswersEveryPageAsAPictureOrTheProblemsInTheLanguageAsked() async throws {
        let service = try await RunningService.start()
        do {
            let report = "title: \"مذكرة\"\ndate: 2024-01-01\nbody:\n  - paragraph: \"نص.\"\n  - page-break\n  - paragraph: \"نص ثان.\"\n"
            let good = try await Self.post(service.url("/preview?format=png&dpi=30&lang=ar"), report: report)
            let answer = Self.json(good.body)
            #expect(good.status == 200)
            #expect(answer["ok"] as? Bool == true && answer["pages"] as? Int == 2)
            let images = answer["images"] as? [String] ?? []
            #expect(images.count == 2)
            let png = images.first.flatMap { Data(base64Encoded: String($0.dropFirst("data:image/png;base64,".count))) }
            #expect(png?.starts(with: [0x89, 0x50, 0x4E, 0x47]) == true)

            let bad = try await Self.post(service.url("/preview?format=png&lang=ar"), report: report.replacingOccurrences(of: "2024-01-01", with: "2024-02-30"))
            #expect(bad.status == 422)
            let problems = Self.json(bad.body)["diagnostics"] as? [[String: Any]] ?? []
            #expect(problems.first?["line"] as? Int == 2)
            #expect(problems.first?["message"] as? String == Message.noSuchDay("2024-02-30", month: 2, year: 2024, days: 29).text(in: .ar))
        } catch {
            try await service.stop()
            throw error
        }
        try await service.stop()
    }

    // MARK: - In the browser
    // The browser tests share one headless Chromium session (`WebDriver.shared()`), each with a service of its own.

    /// Opens the page on a new report in a window of `width`×`height` and waits until its first preview is shown.
    static func openPage(_ browser: WebDriver, _ service: RunningService, query: String, width: Int = 1400, height: Int = 1000) async throws {
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        try await browser.resize(width: width, height: height)
        try await browser.open(service.url("/?new&" + query))
        try await browser.wait(until: "return document.body.dataset.ready === 'true' && document.querySelector('#status').dataset.state === 'upToDate'"
                                   + " && document.querySelectorAll('#pages img').length > 0",
                               describe: "return document.querySelector('#status').dataset.state")
    }

    /// The pictures of every page, as one string: what changes when the preview does.
    static let pictures = "return [...document.querySelectorAll('#pages img')].map(image => image.src).join(' ')"
    static let waitForPreview = "return document.querySelector('#status').dataset.state === 'upToDate' && "
        + "[...document.querySelectorAll('#pages img')].map(image => image.src).join(' ') !== arguments[0]"

    /// The page laid out in `language`'s direction: the report's side at the start (on the right in Arabic), the
    /// preview at the end, the name at the start of the bar and the download button at its end, each problem's kind
    /// before its message; the report's text itself left to right in both; nothing wider than the window; its words in
    /// the bundled fonts.
    static func expectLayout(_ browser: WebDriver, _ language: Language, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
        let rightToLeft = language == .ar
        try await browser.wait(until: "return document.documentElement.dir === arguments[0] && document.fonts.status === 'loaded'",
                               [rightToLeft ? "rtl" : "ltr"])
        let layout = try await browser.run("""
            const left = (selector) => document.querySelector(selector).getBoundingClientRect().left;
            const problem = document.querySelector('#problems li');
            const loaded = [...document.fonts].filter(face => face.status === 'loaded').map(face => face.family.replace(/"/g, ''));
            return {
              reportBeforePreview: (left('.writing') > left('.preview')) === arguments[0],
              nameBeforeDownload: (left('.brand') > left('#download')) === arguments[0],
              kindBeforeMessage: !problem || problem.classList.contains('none')
                || (problem.querySelector('.kind').getBoundingClientRect().left > problem.querySelector('.message').getBoundingClientRect().left) === arguments[0],
              reportLeftToRight: getComputedStyle(document.querySelector('#report')).direction === 'ltr',
              overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
              uiFont: getComputedStyle(document.body).fontFamily.split(',')[0].replace(/"/g, '').trim(),
              loaded: [...new Set(loaded)].sort(),
            };
            """, [rightToLeft]) as? [String: Any] ?? [:]
        for check in ["reportBeforePreview", "nameBeforeDownload", "kindBeforeMessage", "reportLeftToRight"] {
            #expect(layout[check] as? Bool == true, "\(language): \(check)", sourceLocation: sourceLocation)
        }
        #expect((layout["overflow"] as? NSNumber)?.intValue == 0, "\(language): wider than the window", sourceLocation: sourceLocation)
        let uiFont = rightToLeft ? "Mawjaz Naskh" : "Mawjaz Sans"
        #expect(layout["uiFont"] as? String == uiFont, sourceLocation: sourceLocation)
        #expect((layout["loaded"] as? [String])?.contains(uiFont) == true, "\(language): fonts loaded \(layout["loaded"] ?? "")",
                sourceLocation: sourceLocation)
    }

    @Test(.enabled(if: WebDriver.missing == nil, Comment(rawValue: WebDriver.missing ?? "")))
    func typeSeeThePreviewMakeAnErrorSeeItAtItsLineAddASpreadsheetDownloadThePDF() async throws {
        let service = try await RunningService.start()
        let browser = try await WebDriver.shared()
        do {
            try await Self.openPage(browser, service, query: "lang=ar")
            try await Self.expectLayout(browser, .ar)
            #expect(try await browser.run("return document.querySelector('#report-heading').textContent") as? String
                    == Message.editor(.reportHeading).text(in: .ar))
            let editor = try await browser.element("#report")
            #expect((try await browser.run("return arguments[0].value", [editor]) as? String)?.hasPrefix("template: briefing\n") == true)
            try await browser.screenshot().write(to: Self.screenshots.appendingPathComponent("editor-ar.png"))

            // Typing a paragraph at the end: the preview follows.
            var shown = try await browser.run(Self.pictures) as? String ?? ""
            try await browser.type("\n  - paragraph: \"فقرة كتبها الاختبار في المتصفح.\"", into: editor)
            try await browser.wait(until: Self.waitForPreview, [shown])
            // The field never scrolls itself, so its text stays over the coloured copy beneath it, line for line.
            #expect((try await browser.run("return arguments[0].scrollTop", [editor]) as? NSNumber)?.intValue == 0)
            let heights = try await browser.run("""
                const field = arguments[0], marks = document.querySelector('#marks');
                return [field.getBoundingClientRect().height, marks.getBoundingClientRect().height, field.scrollHeight];
                """, [editor]) as? [NSNumber] ?? []
            #expect(heights.count == 3 && heights[1].doubleValue <= heights[0].doubleValue + 1 && heights[2].doubleValue <= heights[0].doubleValue + 1,
                    "field, copy, field's content: \(heights)")

            // A date that does not exist: marked at its line and column, and explained in Arabic under the editor.
            let text = try await browser.run("return arguments[0].value", [editor]) as? String ?? ""
            let lines = text.components(separatedBy: "\n")
            let line = (lines.firstIndex { $0.hasPrefix("date:") } ?? 0) + 1
            let column = lines[line - 1].distance(from: lines[line - 1].startIndex, to: lines[line - 1].range(of: "2024-09-15")?.lowerBound ?? lines[line - 1].startIndex) + 1
            try await browser.run("""
                const field = arguments[0], start = field.value.indexOf('2024-09-15');
                field.focus(); field.setSelectionRange(start, start + 10);
                """, [editor])
            try await browser.type("2024-02-30", into: editor)
            try await browser.wait(until: "return document.querySelector('#gutter [data-line=\"\(line)\"]').className === 'error'")
            let expected = Message.noSuchDay("2024-02-30", month: 2, year: 2024, days: 29).text(in: .ar)
            let listed = try await browser.run("""
                const item = document.querySelector('#problems li.error[data-line="\(line)"]');
                return item && [item.dataset.column, item.querySelector('.where').textContent, item.querySelector('.message').textContent];
                """) as? [String]
            let digits = NumeralSystem.arabicIndic
            let place = Message.editor(.lineColumn).text(in: .ar).replacingOccurrences(of: "{line}", with: digits.digits("\(line)"))
                .replacingOccurrences(of: "{column}", with: digits.digits("\(column)"))
            #expect(listed == ["\(column)", place, expected])
            // In the editor: the line marked, and underlined from the column on.
            #expect(try await browser.run("""
                const mark = document.querySelector('#marks [data-line="\(line)"]');
                return [mark.className, mark.querySelector('.at') && mark.querySelector('.at').textContent];
                """) as? [String] == ["error", "2024-02-30"])
            try await browser.screenshot().write(to: Self.screenshots.appendingPathComponent("editor-ar-error.png"))
            try await browser.run("document.querySelector('#problems').scrollIntoView({ block: 'center' })")
            try await browser.screenshot().write(to: Self.screenshots.appendingPathComponent("editor-ar-problems.png"))
            try await Self.expectLayout(browser, .ar)
            // Clicking the problem puts the cursor at its line and column.
            try await browser.click(try await browser.element("#problems li.error"))
            let caret = try await browser.run("""
                const f = arguments[0], before = f.value.slice(0, f.selectionStart).split('\\n');
                return [before.length, before[before.length - 1].length + 1];
                """, [editor]) as? [NSNumber]
            #expect(caret?.map(\.intValue) == [line, column])
            // No PDF while the report has an error.
            try await browser.click(try await browser.element("#download"))
            try await browser.wait(until: "return !document.querySelector('#notice').hidden")
            #expect(try await browser.run("return document.querySelector('#notice').textContent") as? String
                    == Message.editor(.downloadNeedsNoErrors).text(in: .ar))

            // The English page explains the same error in English, left to right.
            try await browser.click(try await browser.element("#language"))
            try await browser.wait(until: "return document.documentElement.lang === 'en' && document.documentElement.dir === 'ltr'"
                                       + " && document.querySelector('#problems li.error .message').textContent === arguments[0]",
                                   [Message.noSuchDay("2024-02-30", month: 2, year: 2024, days: 29).text(in: .en)])
            #expect(try await browser.run("return document.querySelector('#problems li.error .where').textContent") as? String
                    == "Line \(line), column \(column)")
            #expect(try await browser.run("return document.querySelector('#notice').textContent") as? String
                    == Message.editor(.downloadNeedsNoErrors).text(in: .en))
            try await Self.expectLayout(browser, .en)
            try await browser.run("window.scrollTo(0, 0)")
            try await browser.screenshot().write(to: Self.screenshots.appendingPathComponent("editor-en-error.png"))

            // Corrected again: no problems, and the preview is up to date.
            try await browser.run("""
                const field = arguments[0], start = field.value.indexOf('2024-02-30');
                field.focus(); field.setSelectionRange(start, start + 10);
                """, [editor])
            try await browser.type("2024-09-15", into: editor)
            try await browser.wait(until: "return document.querySelector('#status').dataset.state === 'upToDate' && !document.querySelector('#gutter .error')")

            // One's own spreadsheet: the report reads its activities from it at once.
            let log = "date,category,title\n2023-03-01,Training,Drill\n2024-04-02,Meetings,Review\n2024-06-03,Training,Course\n2024-07-04,Visits,Site\n"
            let upload = try TestSupport.temporaryFolder().appendingPathComponent("my log.csv")
            try Data(log.utf8).write(to: upload)
            shown = try await browser.run(Self.pictures) as? String ?? ""
            try await browser.type(upload.path, into: try await browser.element("#upload"))
            try await browser.wait(until: "return !!document.querySelector('#files li[data-file=\"my log.csv\"]') && arguments[0].value.includes('activities: \"my log.csv\"')",
                                   [editor])
            try await browser.wait(until: Self.waitForPreview, [shown])
            try await browser.run("window.scrollTo(0, 0)")
            try await browser.screenshot().write(to: Self.screenshots.appendingPathComponent("editor-en.png"))

            // The PDF downloaded is the one the command line makes of the same report and files.
            try browser.forgetDownloads()
            try await browser.click(try await browser.element("#download"))
            let downloaded = try await browser.downloaded()
            #expect(downloaded.count == 1 && downloaded.first?.pathExtension == "pdf")
            let pdf = try Data(contentsOf: try #require(downloaded.first))
            let report = try await browser.run("return arguments[0].value", [editor]) as? String ?? ""
            let folder = try TestSupport.folder(with: ["report.yaml": report, "my log.csv": log])
            let starterLog = try String(contentsOf: TestSupport.root.appendingPathComponent("Templates/starters/activities.ar.csv"), encoding: .utf8)
            try Data(starterLog.utf8).write(to: folder.appendingPathComponent("activities.csv"))
            let cli = try TestSupport.run(Self.command, ["render", "report.yaml", "-o", "cli.pdf"], directory: folder)
            #expect(cli.status == 0, "\(cli.error)")
            #expect(pdf == (try Data(contentsOf: folder.appendingPathComponent("cli.pdf"))))
            try TestSupport.inspectPDF(try #require(downloaded.first))
            #expect(TestSupport.visibleText(try TestSupport.pdfText(try #require(downloaded.first)))
                    .contains(TestSupport.visibleText("فقرة كتبها الاختبار في المتصفح")))

            // Everything the page loaded came from the service itself.
            let origins = try await browser.run("""
                return performance.getEntriesByType('resource').map(entry => new URL(entry.name).origin)
                  .filter(origin => origin !== location.origin && origin !== 'null');
                """) as? [String]
            #expect(origins == [])
            #expect(try await browser.scriptErrors() == [])
        } catch {
            try await service.stop()
            throw error
        }
        try await service.stop()
    }

    @Test(.enabled(if: WebDriver.missing == nil, Comment(rawValue: WebDriver.missing ?? "")))
    func thePreviewKeepsItsScrollPositionAndTheButtonsAddBlocks() async throws {
        let service = try await RunningService.start()
        let browser = try await WebDriver.shared()
        do {
            try await Self.openPage(browser, service, query: "lang=en", width: 1300, height: 900)
            try await Self.expectLayout(browser, .en)
            // Another template: the annual summary has several pages.
            let shown = try await browser.run(Self.pictures) as? String ?? ""
            try await browser.run("const select = document.querySelector('#template'); select.value = 'annual-summary'; select.dispatchEvent(new Event('change'));")
            try await browser.wait(until: Self.waitForPreview + " && document.querySelectorAll('#pages img').length > 3", [shown])
            try await browser.run("document.querySelector('#pages').scrollTop = 900")
            let before = (try await browser.run("return document.querySelector('#pages').scrollTop") as? NSNumber)?.doubleValue ?? 0
            #expect(before > 800)
            let shownBefore = try await browser.run(Self.pictures) as? String ?? ""
            let editor = try await browser.element("#report")
            try await browser.run("const field = arguments[0]; field.focus(); field.setSelectionRange(field.value.length, field.value.length);", [editor])
            try await browser.click(try await browser.element("[data-insert=heading]"))
            #expect((try await browser.run("return arguments[0].value", [editor]) as? String)?.hasSuffix("  - heading: \"New heading\"\n") == true)
            // The sample words are selected: typing replaces them.
            try await browser.type("Closing remarks", into: editor)
            #expect((try await browser.run("return arguments[0].value", [editor]) as? String)?.hasSuffix("  - heading: \"Closing remarks\"\n") == true)
            try await browser.wait(until: Self.waitForPreview, [shownBefore])
            let after = (try await browser.run("return document.querySelector('#pages').scrollTop") as? NSNumber)?.doubleValue ?? 0
            #expect(abs(after - before) < 2)

            // A narrow window: the report above its pages, nothing wider than the window.
            try await browser.resize(width: 720, height: 1000)
            try await browser.wait(until: "return document.querySelector('.preview').getBoundingClientRect().top > document.querySelector('.writing').getBoundingClientRect().bottom")
            #expect((try await browser.run("return document.documentElement.scrollWidth - document.documentElement.clientWidth") as? NSNumber)?.intValue == 0)
            try await browser.run("window.scrollTo(0, 0)")
            try await browser.screenshot().write(to: Self.screenshots.appendingPathComponent("editor-en-narrow.png"))
            #expect(try await browser.scriptErrors() == [])
        } catch {
            try await service.stop()
            throw error
        }
        try await service.stop()
    }
}
