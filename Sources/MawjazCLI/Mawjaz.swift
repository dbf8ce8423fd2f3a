// The command line: mawjaz render | batch | validate | chart | init.
import ArgumentParser
import Foundation
import Mawjaz

@main
struct MawjazCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mawjaz",
        abstract: Console.text(.helpAbstract),
        version: MawjazVersion.current,
        subcommands: [Render.self, BatchCommand.self, Validate.self, ChartCommand.self, Init.self],
        defaultSubcommand: Render.self
    )

    /// Runs the command; with `--diagnostics json`, a wrong argument is reported as a JSON object too.
    static func main() async {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            let arguments = CommandLine.arguments
            let json = zip(arguments, arguments.dropFirst()).contains { $0 == "--diagnostics" && $1 == "json" }
                || arguments.contains("--diagnostics=json")
            let status = exitCode(for: error)
            guard json, status != .success else { exit(withError: error) }
            Console(format: .json).print(.input([Diagnostic(at: SourceLocation(file: "command line"), field: "arguments",
                                                            message(for: error))]))
            Foundation.exit(status.rawValue)
        }
        do {
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

extension Language: ExpressibleByArgument {}

/// `--lang`, which every subcommand takes (`Console.language` has read it already).
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp(Console.text(.helpLanguage)))
    var language: Language?
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Console.text(.helpValidate))

    @Argument(help: ArgumentHelp(Console.text(.helpReportFile)))
    var report: String

    @OptionGroup var diagnostics: DiagnosticOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let console = diagnostics.console
        let renderer = console.renderer()
        do {
            let (loaded, warnings) = try renderer.load(reportAt: URL(fileURLWithPath: report))
            let laidOut = try renderer.layout(try renderer.bind(loaded))
            console.print(warnings + laidOut.warnings)
            print(Console.text(.validated(report: report, pages: laidOut.document.pages.count)))
            for (name, log) in loaded.datasets.sorted(by: { $0.key < $1.key }) {
                print("  " + Console.text(.datasetSummary(name, activities: log.total, firstYear: log.firstYear, lastYear: log.lastYear,
                                                          categories: log.countsByCategory().count)))
            }
            print("  " + Console.text(.reportSummary(blocks: loaded.body.count, facts: loaded.facts.count,
                                                     warnings: warnings.count + laidOut.warnings.count)))
        } catch {
            console.fail(error)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Console.text(.helpInit))

    @Argument(help: ArgumentHelp(Console.text(.helpInitFolder)))
    var folder: String

    @Option(help: ArgumentHelp(Console.text(.helpInitTemplate(templates: Scaffold.templates))))
    var template = "briefing"

    @OptionGroup var diagnostics: DiagnosticOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        do {
            for file in try Scaffold.write(to: URL(fileURLWithPath: folder), template: template) { print(printable(file)) }
        } catch {
            diagnostics.console.fail(error)
        }
    }
}
