// `mawjaz init`: a new report folder that renders at once, from the starter files in Templates/starters/.
import Foundation
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazLanguage

/// Writes the starting files of a new report.
public enum Scaffold {
    /// What a new report starts with besides its template.
    public struct Options: Sendable {
        /// The report's language: its text, numerals and direction.
        public var language: Language
        /// The organisation's name, written into the letterhead (in the language's place) and as the author.
        public var organisation: String?
        /// A picture of the organisation's whole letterhead (PNG or JPEG), copied into the folder.
        public var letterhead: URL?
        /// The organisation's emblem (PNG or JPEG), copied into the folder.
        public var emblem: URL?

        public init(language: Language = .ar, organisation: String? = nil, letterhead: URL? = nil, emblem: URL? = nil) {
            self.language = language; self.organisation = organisation; self.letterhead = letterhead; self.emblem = emblem
        }
    }

    /// The folder of starter reports inside a templates folder.
    public static let startersFolder = "starters"

    /// The templates a new report can start from: those with a starter report in `templates/starters/`.
    public static func templates(in templates: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: templates.appendingPathComponent(startersFolder).path)) ?? []
        return Set(files.filter { $0.hasSuffix(".yaml") }.map { String($0.prefix { $0 != "." }) }).sorted()
    }

    /// Writes `report.yaml` and `activities.csv` into `folder` (created if needed), for `template`, with the
    /// emblem and letterhead pictures named in `options` copied beside them. Existing files are never
    /// overwritten, and nothing is written when anything is wrong. Returns the files written.
    @discardableResult
    public static func write(to folder: URL, template: String, options: Options = Options(),
                             resources: Resources) throws(MawjazError) -> [URL] {
        let starters = resources.templates.appendingPathComponent(startersFolder)
        let known = templates(in: resources.templates)
        guard known.contains(template) else {
            throw .input([Diagnostic(.error, at: SourceLocation(file: "--template"), field: "template",
                                     .noSuchTemplate(Message.excerpt(template), suggestion: Suggestion.closest(to: template, among: known),
                                                     templates: Message.listExcerpt(known)))])
        }
        let language = options.language.rawValue
        var problems: [Diagnostic] = []
        func read(_ url: URL) -> String? {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                problems.append(Diagnostic(at: SourceLocation(file: url.path), .starterMissing(path: url.path)))
                return nil
            }
            return String(decoding: data, as: UTF8.self)
        }
        let starter = read(starters.appendingPathComponent("\(template).\(language).yaml"))
        let log = read(starters.appendingPathComponent("activities.\(language).csv"))
        var pictures: [(option: String, source: URL, data: Data)] = []
        for (option, source) in [("--emblem", options.emblem), ("--letterhead", options.letterhead)] {
            guard let source else { continue }
            guard let data = FileManager.default.contents(atPath: source.path) else {
                problems.append(Diagnostic(at: SourceLocation(file: source.path), .pictureUnreadable(option: option)))
                continue
            }
            guard ImageBox.inspect([UInt8](data)) != nil else {
                problems.append(Diagnostic(at: SourceLocation(file: source.path), .pictureNotAnImage(option: option)))
                continue
            }
            pictures.append((option, source, data))
        }
        if pictures.count == 2, pictures[0].source.lastPathComponent == pictures[1].source.lastPathComponent {
            problems.append(Diagnostic(at: SourceLocation(file: pictures[1].source.path), .pictureNamesClash))
        }
        guard problems.isEmpty, let starter, let log else { throw .input(problems) }
        let report = customised(starter, template: template, options: options,
                                emblem: pictures.first { $0.option == "--emblem" }?.source.lastPathComponent,
                                letterhead: pictures.first { $0.option == "--letterhead" }?.source.lastPathComponent)
        let files = [("report.yaml", Data(report.utf8)), ("activities.csv", Data(log.utf8))]
            + pictures.map { ($0.source.lastPathComponent, $0.data) }
        let existing = files.map { folder.appendingPathComponent($0.0) }.filter { FileManager.default.fileExists(atPath: $0.path) }
        guard existing.isEmpty else {
            throw .input(existing.map { Diagnostic(.error, at: SourceLocation(file: $0.path), .initWouldOverwrite) })
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, data) in files { try data.write(to: folder.appendingPathComponent(name), options: .withoutOverwriting) }
        } catch {
            throw .output(.cannotWrite(path: folder.path, reason: error.localizedDescription))
        }
        return files.map { folder.appendingPathComponent($0.0) }
    }

    /// The starter report with the organisation's name, emblem and letterhead in its `template:` and `author:`.
    static func customised(_ starter: String, template: String, options: Options, emblem: String?, letterhead: String?) -> String {
        var fields: [String] = []
        if let organisation = options.organisation {
            fields.append("\(options.language == .ar ? "arabic" : "english"): \(quoted(organisation))")
            // The other language's placeholder name would stand beside the real one: leave it empty.
            fields.append("\(options.language == .ar ? "english" : "arabic"): \"\"")
        }
        if let emblem { fields.append("logo: \(quoted(emblem))") }
        if let letterhead { fields.append("image: \(quoted(letterhead))") }
        guard !fields.isEmpty else { return starter }
        var lines = starter.components(separatedBy: "\n")
        guard let index = lines.firstIndex(of: "template: \(template)") else { return starter }
        lines[index] = "template:\n  name: \(template)\n  letterhead: {\(fields.joined(separator: ", "))}"
        if let organisation = options.organisation { lines.insert("author: \(quoted(organisation))", at: index + 1) }
        return lines.joined(separator: "\n")
    }

    /// `text` as a YAML double-quoted scalar (JSON's escapes are YAML's).
    private static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
    }
}
