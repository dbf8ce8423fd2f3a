// The editor page at `/`: a report's text beside its rendered pages, for people who write briefs rather than YAML.
// Its HTML, CSS and JavaScript (EditorPage/) are compiled into the binary; its words come from the language tables.
import Foundation
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
    func add(to router: Router<ServiceRequestContext>) {
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
            do { language = try Language.of(request) } catch { return Answer.problem(error, in: .en, on: context.channel) }
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

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
}
