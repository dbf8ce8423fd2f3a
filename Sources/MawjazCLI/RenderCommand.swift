// The render subcommand: one or several reports, from files or standard input, to files or standard output.
import ArgumentParser
import Foundation
import Mawjaz

struct Render: ParsableCommand {
    // Named here rather than derived from the type: ArgumentParser derives a name with `String(describing:)`, whose
    // protocol look-ups scan every conformance record of the program (some 10,600) on every run.
    static let configuration = CommandConfiguration(commandName: "render", abstract: Console.text(.helpRender),
                                                    discussion: Console.text(.helpRenderDiscussion))

    @Argument(help: ArgumentHelp(Console.text(.helpRenderReports)))
    var reports: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp(Console.text(.helpRenderOutput)))
    var output: String?

    @OptionGroup var what: OutputOptions

    @OptionGroup var diagnostics: DiagnosticOptions

    @OptionGroup var fonts: FontPathOption

    @OptionGroup var language: LanguageOption

    /// One report to render and where it goes.
    private struct Target {
        var source: ReportSource
        var destination: Destination
        /// What messages call it when several reports render.
        var name: String
    }

    /// Where one report's output goes.
    private enum Destination {
        case standardOutput(OutputFormat)
        case file(URL, OutputFormat)

        var format: OutputFormat {
            switch self {
            case .standardOutput(let format), .file(_, let format): format
            }
        }
    }

    func run() throws {
        let console = diagnostics.console
        let targets: [Target]
        do { targets = try plan() } catch { console.fail(error) }
        let renderer = console.renderer(fonts)
        var worst: MawjazError?
        for target in targets {
            let document = targets.count > 1 ? target.name : nil
            do throws(MawjazError) {
                var request = RenderRequest(target.source, format: target.destination.format, facts: what.facts,
                                            limits: what.limits.overrides)
                if let pages = what.pages {
                    guard target.destination.format != .pdf else { throw Self.bad("pages", .pagesOnlyForImages) }
                    request.pages = pages
                }
                let rendered = try renderer.render(request)
                console.print(rendered.warnings, document: document)
                switch target.destination {
                case .standardOutput:
                    guard rendered.files.count == 1, let file = rendered.files.first else {
                        throw Self.bad("output", .standardOutputTakesOneFile(pages: rendered.files.count))
                    }
                    FileHandle.standardOutput.write(file.data)
                case .file(let url, _):
                    for file in try rendered.write(to: url) { print(printable(file)) }
                }
            } catch {
                console.print(error, document: document)
                if worst.map({ $0.exitStatus < error.exitStatus }) ?? true { worst = error }
            }
        }
        if let worst { throw ExitCode(worst.exitStatus) }
    }

    static func bad(_ option: String, _ message: Message) -> MawjazError {
        .input([Diagnostic(at: SourceLocation(file: option == "output" ? "-o" : "--\(option)"), field: option, message)])
    }

    /// Each report's source and destination, checked before anything renders.
    private func plan() throws(MawjazError) -> [Target] {
        guard reports.filter({ $0 == "-" }).count <= 1 else { throw Self.bad("reports", .standardInputOnce) }
        let several = reports.count > 1
        if several, output == "-" { throw Self.bad("output", .severalReportsNotToStandardOutput) }
        if several, let output, ["pdf", "png", "svg"].contains((output as NSString).pathExtension.lowercased()) {
            throw Self.bad("output", .severalReportsNeedAFolder(output))
        }
        let intoFolder = several || Self.isFolder(output)
        var names = SafeFileName.Registry()
        return try reports.map { (path) throws(MawjazError) in
            let source: ReportSource
            let stem: String
            if path == "-" {
                source = .text(try standardInputReport())
                stem = "stdin"
            } else {
                let url = URL(fileURLWithPath: path)
                source = .file(url)
                let file = url.deletingPathExtension().lastPathComponent
                stem = file == "report" ? url.deletingLastPathComponent().standardizedFileURL.lastPathComponent : file
            }
            let name = names.claim(stem)
            return Target(source: source, destination: try destination(for: name, intoFolder: intoFolder), name: name)
        }
    }

    static func isFolder(_ path: String?) -> Bool {
        guard let path else { return false }
        var folder: ObjCBool = false
        return path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue)
    }

    private func destination(for name: String, intoFolder: Bool) throws(MawjazError) -> Destination {
        if output == "-" { return .standardOutput(what.format?.format(dpi: what.dpi) ?? .pdf) }
        guard let output, !intoFolder else {
            let chosen = what.format ?? .pdf
            return .file(URL(fileURLWithPath: output ?? "out").appendingPathComponent("\(name).\(chosen.rawValue)"), chosen.format(dpi: what.dpi))
        }
        let url = URL(fileURLWithPath: output)
        return .file(url, try Self.format(of: url, chosen: what.format, dpi: what.dpi))
    }

    /// The format of the output file `url`: its extension's, or `--format`'s when the extension names none; an
    /// extension that contradicts `--format` is bad input.
    static func format(of url: URL, chosen: FormatName?, dpi: Double) throws(MawjazError) -> OutputFormat {
        let named: OutputFormat
        do { named = try OutputFormat.forPath(url, dpi: dpi) } catch {
            guard let chosen else { throw MawjazError(error) }
            return chosen.format(dpi: dpi)
        }
        if let chosen, named.fileExtension != chosen.rawValue {
            throw bad("output", .outputContradictsFormat(file: url.lastPathComponent, fileExtension: url.pathExtension, format: chosen.rawValue))
        }
        return named
    }
}
