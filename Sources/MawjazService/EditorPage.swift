// The editor page at `/`: a report's text beside its rendered pages, for people who write briefs rather than YAML.
// Its HTML, CSS and JavaScript (EditorPage/) are compiled into the binary; its words come from the language tables.
import Foundation
import HTTPTypes
import Hummingbird
import Mawjaz

/// The editor page's routes: the page, its script and style, the bundled fonts it is drawn in, and its words in a
/// language. Everything else the page asks of the service's own endpoints (`/templates`, `/preview`, `/render`),
/// sending its report and files with every request: the service keeps nothing of it between requests.
struct EditorPage: Sendable {
    /// The fonts the page is drawn in, read once from the bundled fonts; nothing else of that folder is served.
    private let fonts: [String: Data]
    /// The largest request body the service takes, which the page checks its files against before sending them.
    private let maxBodyBytes: Int

    /// The names of the bundled fonts the page's style sheet names.
    static let fontNames = ["NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"]

    /// What the page may load and talk to: its own origin alone. Pages' pictures come as `data:` URLs and the PDF as
    /// a `blob:` URL; no script but its own runs, and no other site can frame it.
    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data: blob:; "
        + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    init(resources: Resources, maxBodyBytes: Int) {
        var fonts: [String: Data] = [:]
        for name in Self.fontNames {
            if let data = FileManager.default.contents(atPath: resources.fonts.appendingPathComponent(name).path) { fonts[name] = data }
        }
        self.fonts = fonts
        self.maxBodyBytes = maxBodyBytes
    }

    /// Adds the page's routes to `router`.
    func add(to router: some RouterMethods<ServiceRequestContext>) {
        router.get("/") { _, _ in Self.file(PackageResources.index_html, type: "text/html; charset=utf-8") }
        router.get("/page.js") { _, _ in Self.file(PackageResources.page_js, type: "text/javascript; charset=utf-8") }
        router.get("/page.css") { _, _ in Self.file(PackageResources.page_css, type: "text/css; charset=utf-8") }
        router.get("/fonts/{name}") { _, context in
            guard let name = context.parameters.get("name"), let font = self.fonts[name] else { return Response(status: .notFound) }
            return Response(status: .ok, headers: [.contentType: "font/ttf", .cacheControl: "public, max-age=86400"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: font)))
        }
        router.get("/words") { request, context in
            let language: Language
            do throws(RequestProblem) { language = try Language.of(request) } catch { return Answer.problem(error, in: .en, on: context.channel) }
            return Answer.json(Words(language, maxBodyBytes: self.maxBodyBytes), headers: [.contentLanguage: language.rawValue])
        }
    }

    /// One of the page's own files, never cached without asking (a new version of the service brings new ones).
    private static func file(_ bytes: [UInt8], type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache", .contentSecurityPolicy: contentSecurityPolicy,
                                        .xContentTypeOptions: "nosniff", .referrerPolicy: "no-referrer"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `GET /words?lang=…`: the page's words in a language, how it is written, and the languages to switch to.
    struct Words: Encodable {
        struct Choice: Encodable {
            var code: String
            /// The language's name in itself.
            var name: String
        }

        var language: String
        var direction: String
        /// The ten digits the language writes numbers in, zero first.
        var digits: String
        /// What goes between the items of a list written in a sentence.
        var listSeparator: String
        var languages: [Choice]
        var maxBodyBytes: Int
        var words: [String: String]

        init(_ language: Language, maxBodyBytes: Int) {
            let table = language.table
            self.language = language.rawValue
            direction = table.isRightToLeft ? "rtl" : "ltr"
            digits = table.digits("0123456789")
            listSeparator = table.text(.listSeparator)
            languages = Language.allCases.map { Choice(code: $0.rawValue, name: $0.table.text(.editor(.languageName))) }
            self.maxBodyBytes = maxBodyBytes
            words = Dictionary(uniqueKeysWithValues: EditorWord.allCases.map { ($0.rawValue, table.text(.editor($0))) })
        }
    }
}

extension EditorPage {
    /// The render `POST /preview` asks for: every page, as PNG (at the query's `dpi`; 96 when no PNG was asked for).
    static func preview(of request: RenderRequest) -> RenderRequest {
        var preview = request
        if case .png = request.format {} else { preview.format = .png(dpi: 96) }
        preview.pages = .all
        return preview
    }

    /// The starter reports of template `name` in `templates`/starters/, by language: `report.yaml` and the
    /// `activities.csv` beside it, as `mawjaz init` writes them; nil when the template has none.
    static func starters(of name: String, in templates: URL) -> [String: [String: String]]? {
        let folder = templates.appendingPathComponent(Scaffold.startersFolder)
        var starters: [String: [String: String]] = [:]
        for language in Language.allCases {
            let code = language.rawValue
            guard let report = FileManager.default.contents(atPath: folder.appendingPathComponent("\(name).\(code).yaml").path),
                  let log = FileManager.default.contents(atPath: folder.appendingPathComponent("activities.\(code).csv").path) else { continue }
            starters[code] = ["report.yaml": String(decoding: report, as: UTF8.self), "activities.csv": String(decoding: log, as: UTF8.self)]
        }
        return starters.isEmpty ? nil : starters
    }

    /// The answer of `POST /preview`: `POST /validate`'s, with `images`, every page as a `data:image/png;base64,…` URL.
    /// A report with errors is answered as `/validate` answers it.
    struct PreviewAnswer: Encodable {
        var ok = true
        var pages: Int
        var diagnostics: [DiagnosticRecord]
        var images: [String]

        init(_ document: RenderedDocument, diagnostics: [DiagnosticRecord]) {
            pages = document.pageCount
            self.diagnostics = diagnostics
            images = document.files.map { "data:image/png;base64," + $0.data.base64EncodedString() }
        }
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
