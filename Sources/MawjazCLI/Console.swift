// What every subcommand prints on standard error: problems as text lines or as JSON Lines, and the renderer.
import ArgumentParser
import Foundation
import Mawjaz

/// How problems are written on standard error.
enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable {
    /// `file:line:column: severity: field: message`, one line each.
    case text
    /// One JSON object per problem and per line (JSON Lines).
    case json
}

/// The `--diagnostics` option every subcommand takes.
struct DiagnosticOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Console.text(.helpDiagnostics)))
    var diagnostics: DiagnosticsFormat = .text

    var console: Console { Console(format: diagnostics) }
}

/// Prints problems in the chosen format and the console's language, and finds Mawjaz's own files.
struct Console: Sendable {
    let format: DiagnosticsFormat

    /// The language of messages and help: `--lang`, else `MAWJAZ_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`, the first that is set), else English. Read before the arguments are parsed, so that help is in it too.
    static let language: Language = {
        let arguments = CommandLine.arguments
        var chosen: Language?
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { chosen = Language(rawValue: arguments[index + 1]) }
            if argument.hasPrefix("--lang=") { chosen = Language(rawValue: String(argument.dropFirst("--lang=".count))) }
        }
        if let chosen { return chosen }
        let environment = ProcessInfo.processInfo.environment
        if let name = environment["MAWJAZ_LANG"], !name.isEmpty { return Language(locale: name) ?? .en }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return locale.flatMap { Language(locale: $0) } ?? .en
    }()

    /// A message in the console's language.
    static func text(_ message: Message) -> String { message.text(in: language) }

    /// Mawjaz's resources, with the folders of `--font-path` when the command has that option.
    func resources(_ fonts: FontPathOption? = nil) -> Resources {
        var found: Resources
        do { found = try Resources.bundled() } catch { fail(error) }
        found.extraFontFolders = fonts?.folders(console: self) ?? []
        return found
    }

    func renderer(_ fonts: FontPathOption? = nil) -> BriefingRenderer {
        do { return try BriefingRenderer(resources: resources(fonts)) } catch { fail(error) }
    }

    /// Prints `diagnostics`, each tagged with `document` in JSON when it belongs to one document of several.
    func print(_ diagnostics: [Diagnostic], document: String? = nil) {
        guard !diagnostics.isEmpty else { return }
        let lines: [String]
        switch format {
        case .text:
            lines = diagnostics.map { $0.forCommandLine.description(in: Self.language) }
        case .json:
            lines = diagnostics.map { DiagnosticRecord($0.forCommandLine, in: Self.language, document: document).jsonLine }
        }
        Self.standardError(lines.joined(separator: "\n") + "\n")
    }

    /// Prints what `error` says: its diagnostics, or its message as one problem without a place.
    func print(_ error: MawjazError, document: String? = nil) {
        switch (error, format) {
        case (.input(let diagnostics), _):
            print(diagnostics, document: document)
        case (_, .text):
            Self.standardError(error.description(in: Self.language) + "\n")
        case (_, .json):
            Self.standardError(DiagnosticRecord(error: error.message, in: Self.language, document: document).jsonLine + "\n")
        }
    }

    /// Prints `error` and exits with its status (2 for bad input, 1 otherwise).
    func fail(_ error: MawjazError) -> Never {
        print(error)
        Foundation.exit(error.exitStatus)
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// A report read from standard input as UTF-8 text, no more of it than a report file may hold (an endless stream,
/// such as `/dev/zero`, is cut there and refused).
func standardInputReport() throws(MawjazError) -> ReportText {
    let limit = YAMLReader.sizeLimit
    var data = Data()
    while data.count <= limit, let chunk = try? FileHandle.standardInput.read(upToCount: min(1 << 16, limit + 1 - data.count)),
          !chunk.isEmpty {
        data += chunk
    }
    let place = SourceLocation(file: "<stdin>")
    guard data.count <= limit else { throw .input([Diagnostic(at: place, .fileTooLarge(.file, path: "<stdin>", size: data.count, limit: limit))]) }
    guard let text = String(data: data, encoding: .utf8) else { throw .input([Diagnostic(at: place, .standardInputNotUTF8)]) }
    return ReportText(text, name: "<stdin>", files: .disk)
}

/// A path as the commands print it: relative to the working folder when under it, without a leading `./`.
func printable(_ url: URL) -> String {
    let path = url.relativePath
    return path.hasPrefix("./") ? String(path.dropFirst(2)) : path
}

/// `--set name=value`: a fact set from the command line.
struct FactSetting: ExpressibleByArgument {
    let name: String
    let value: String

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return nil }
        name = String(argument[..<equals])
        value = String(argument[argument.index(after: equals)...])
    }

    static var defaultValueDescription: String { "name=value" }

    /// The settings as facts by name; a name set twice keeps its last value.
    static func facts(_ settings: [FactSetting]) -> [String: String] {
        Dictionary(settings.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }
}

/// The value of an option parsed by Mawjaz, or the problem with it in the console's language (ArgumentParser reports
/// it as a wrong argument: exit status 2).
func argument<Value>(_ parsed: Result<Value, ArgumentProblem>) throws -> Value {
    switch parsed {
    case .success(let value): return value
    case .failure(let problem): throw ValidationError(problem.message.text(in: Console.language))
    }
}

extension Diagnostic {
    /// The diagnostic as the command line prints it: a limit reached is raised with `--limit`.
    var forCommandLine: Diagnostic { withLimitRemedy { _ in .commandLine } }
}

/// `--limit NAME=VALUE`, which every command that reads a report takes.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("limit"),
            help: ArgumentHelp(Console.text(.helpLimit(names: Limits.Name.allCases.map(\.rawValue))), valueName: "name=value"),
            transform: { try argument(LimitOverrides.parse($0)) })
    var settings: [LimitSetting] = []

    /// The limits given, as one value.
    var overrides: LimitOverrides { LimitOverrides(settings) }
}

/// `--dpi`, for PNG output.
struct DPIOption: ParsableArguments {
    @Option(help: ArgumentHelp(Console.text(.helpDPI)), transform: { try argument(DPI.parse($0)) })
    var dpi = DPI.standard
}

/// `--format`: pdf, png or svg.
enum FormatName: String, ExpressibleByArgument, CaseIterable {
    case pdf, png, svg

    func format(dpi: Double) -> OutputFormat {
        switch self {
        case .pdf: .pdf
        case .png: .png(dpi: dpi)
        case .svg: .svg
        }
    }
}

/// The options that say what to write, shared by render and batch.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Console.text(.helpFormat)))
    var format: FormatName?

    @Option(help: ArgumentHelp(Console.text(.helpPages)), transform: { try argument(PageSelection.parse($0)) })
    var pages: PageSelection?

    @OptionGroup var resolution: DPIOption

    @Option(name: .customLong("set"), help: ArgumentHelp(Console.text(.helpSet)))
    var settings: [FactSetting] = []

    @OptionGroup var limits: LimitOptions

    /// The facts set with --set.
    var facts: [String: String] { FactSetting.facts(settings) }
    /// Pixels per inch for PNG output.
    var dpi: Double { resolution.dpi.value }
}
