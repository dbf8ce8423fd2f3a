// What a request's query and headers say besides its report: the format and page, the facts set, the language of
// messages, how the file is offered.
import Foundation
import Hummingbird
import Mawjaz

/// The options of `POST /render` and `POST /validate`, from the query: `format` (pdf, png, svg), `page` (for png and
/// svg, 1 by default), `dpi` (png), `set` (`name=value`, repeatable, as `--set`), `name` (the file name offered),
/// `disposition` (attachment or inline) and `lang` (or the `Accept-Language` header).
struct RenderOptions: Sendable {
    var format: OutputFormat = .pdf
    var page = 1
    var facts: [String: String] = [:]
    var fileStem: String?
    var inline = false

    /// The DPIs a PNG page may be drawn at.
    static let dpiRange = 10...2400

    /// Reads the options of `request`, or the diagnostics of every one that is wrong (each located at its query name).
    init(_ request: Request) throws(RequestProblem) {
        let query = request.uri.queryParameters
        var problems: [Diagnostic] = []
        func problem(_ name: String, _ message: Message) {
            problems.append(Diagnostic(.error, at: SourceLocation(file: "?\(name)"), field: name, message))
        }
        var dpi = 144.0
        if let text = query["dpi"].map(String.init) {
            if let value = Double(text), value.isFinite, Double(Self.dpiRange.lowerBound)...Double(Self.dpiRange.upperBound) ~= value {
                dpi = value
            } else {
                problem("dpi", .requestNumberOutsideRange(option: "dpi", value: excerpt(text),
                                                          low: Self.dpiRange.lowerBound, high: Self.dpiRange.upperBound))
            }
        }
        switch query["format"].map({ $0.lowercased() }) {
        case nil, "pdf": format = .pdf
        case "png": format = .png(dpi: dpi)
        case "svg": format = .svg
        case let other?: problem("format", .requestFormatUnknown(excerpt(other)))
        }
        if let text = query["page"].map(String.init) {
            if let number = Int(Digits.toASCII(text)), number >= 1 { page = number } else { problem("page", .requestPageNotNumber(excerpt(text))) }
            if format == .pdf { problem("page", .requestPageWithPDF) }
        }
        for setting in query[values: "set"] {
            guard let equals = setting.firstIndex(of: "="), equals != setting.startIndex else {
                problem("set", .requestSetNotNameValue(excerpt(String(setting))))
                continue
            }
            facts[String(setting[..<equals])] = String(setting[setting.index(after: equals)...])
        }
        if let name = query["name"].map(String.init) { fileStem = Self.fileStem(name) }
        inline = query["disposition"].map { $0.lowercased() == "inline" } ?? false
        guard problems.isEmpty else { throw RequestProblem(status: .badRequest, diagnostics: problems) }
    }

    /// The pages to draw: the one asked for, as PNG or SVG; every page of a PDF.
    var pages: PageSelection { format == .pdf ? .all : PageSelection(parsing: String(page)) ?? .all }

    /// A file name stem made safe for a header and a disk: no folders, no control characters, at most 100 characters.
    static func fileStem(_ name: String) -> String? {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var stem = last.hasSuffix(".pdf") || last.hasSuffix(".png") || last.hasSuffix(".svg") ? String(last.dropLast(4)) : last
        for suffix in [".yaml", ".yml", ".json"] where stem.hasSuffix(suffix) { stem = String(stem.dropLast(suffix.count)) }
        let cleaned = String(stem.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) && $0 != "\"" }.prefix(100))
            .trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty || cleaned.hasPrefix(".") ? nil : cleaned
    }
}

extension Language {
    /// The language of a request's messages: `?lang=`, else the first language of `Accept-Language` Mawjaz speaks
    /// (by quality), else English. An unknown `?lang=` is a problem; an unknown header language is passed over.
    static func of(_ request: Request) throws(RequestProblem) -> Language {
        if let asked = request.uri.queryParameters["lang"].map(String.init) {
            guard let language = Language(locale: asked) else {
                throw RequestProblem(status: .badRequest, diagnostics: [
                    Diagnostic(.error, at: SourceLocation(file: "?lang"), field: "lang",
                               .requestLanguageUnknown(excerpt(asked), languages: Language.allCases.map(\.rawValue)))])
            }
            return language
        }
        return request.headers[.acceptLanguage].flatMap(Self.preferred(in:)) ?? .en
    }

    /// The most wanted language of an `Accept-Language` value (`ar-SA,ar;q=0.9,en;q=0.8`) that Mawjaz speaks.
    static func preferred(in header: String) -> Language? {
        let ranked = header.split(separator: ",").enumerated().compactMap { (index, item) -> (Double, Int, Language)? in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, let language = Language(locale: tag) else { return nil }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0 ? (quality, index, language) : nil
        }
        return ranked.sorted { ($0.0, -$0.1) > ($1.0, -$1.1) }.first?.2
    }
}
