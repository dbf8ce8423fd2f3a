// The command line: mawjaz render | validate | chart.
import ArgumentParser
import Foundation
import Mawjaz

@main
struct MawjazCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mawjaz",
        abstract: Console.text(.helpAbstract),
        version: MawjazVersion.current,
        subcommands: [Render.self, Validate.self, ChartCommand.self, Init.self],
        defaultSubcommand: Render.self
    )
}

/// Shared by the subcommands: the language they speak, finding Mawjaz's own files and printing problems.
enum Console {
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

    static func renderer() -> BriefingRenderer {
        do { return try BriefingRenderer(resources: Resources.bundled()) } catch { fail(error) }
    }

    static func printWarnings(_ warnings: [Diagnostic]) {
        for warning in warnings { FileHandle.standardError.write(Data((warning.description(in: language) + "\n").utf8)) }
    }

    static func fail(_ error: MawjazError) -> Never {
        FileHandle.standardError.write(Data((error.description(in: language) + "\n").utf8))
        Foundation.exit(error.exitStatus)
    }
}

extension Language: ExpressibleByArgument {}

/// `--lang`, which every subcommand takes (`Console.language` has read it already).
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp(Console.text(.helpLanguage)))
    var language: Language?
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Console.text(.helpRender))

    @Argument(help: ArgumentHelp(Console.text(.helpReportFile)))
    var report: String

    @Option(name: .shortAndLong, help: ArgumentHelp(Console.text(.helpOutput)))
    var output: String?

    @Option(help: ArgumentHelp(Console.text(.helpDPI)))
    var dpi: Double = 144

    @OptionGroup var language: LanguageOption

    func run() throws {
        let reportURL = URL(fileURLWithPath: report)
        let outputURL = output.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: "out").appendingPathComponent(reportURL.deletingLastPathComponent().standardizedFileURL.lastPathComponent + ".pdf")
        let renderer = Console.renderer()
        do {
            let summary = try renderer.render(reportAt: reportURL, to: outputURL, dpi: dpi)
            Console.printWarnings(summary.warnings)
            for file in summary.files { print(file.relativePath) }
        } catch {
            Console.fail(error)
        }
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Console.text(.helpValidate))

    @Argument(help: ArgumentHelp(Console.text(.helpReportFile)))
    var report: String

    @OptionGroup var language: LanguageOption

    func run() throws {
        let renderer = Console.renderer()
        do {
            let (loaded, warnings) = try renderer.load(reportAt: URL(fileURLWithPath: report))
            let laidOut = try renderer.layout(try renderer.bind(loaded))
            Console.printWarnings(warnings + laidOut.warnings)
            print(Console.text(.validated(report: report, pages: laidOut.document.pages.count)))
            for (name, log) in loaded.datasets.sorted(by: { $0.key < $1.key }) {
                print("  " + Console.text(.datasetSummary(name, activities: log.total, firstYear: log.firstYear, lastYear: log.lastYear,
                                                          categories: log.countsByCategory().count)))
            }
            print("  " + Console.text(.reportSummary(blocks: loaded.body.count, facts: loaded.facts.count,
                                                     warnings: warnings.count + laidOut.warnings.count)))
        } catch {
            Console.fail(error)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Console.text(.helpInit))

    @Argument(help: ArgumentHelp(Console.text(.helpInitFolder)))
    var folder: String

    @Option(help: ArgumentHelp(Console.text(.helpInitTemplate(templates: Scaffold.templates))))
    var template = "briefing"

    @OptionGroup var language: LanguageOption

    func run() throws {
        do {
            for file in try Scaffold.write(to: URL(fileURLWithPath: folder), template: template) { print(file.relativePath) }
        } catch {
            Console.fail(error)
        }
    }
}
