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

    /// Runs the command; a bad argument or option value exits with status 2, as bad input does.
    static func main() {
        // A parent that blocked stopping signals (as some spawners do) must not make the command unstoppable.
        var stopping = sigset_t()
        sigemptyset(&stopping)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stopping, signal) }
        pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// `--limit NAME=VALUE`, which every command that reads a report takes.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("limit"),
            help: ArgumentHelp(Console.text(.helpLimit(names: Limits.Name.allCases.map(\.rawValue))), valueName: "name=value"),
            transform: { try LimitOverrides.parse($0).get() })
    var settings: [LimitSetting] = []

    /// The limits given, as one value.
    var overrides: LimitOverrides { LimitOverrides(settings) }
}

/// Options every rendering command takes.
struct RenderingOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Console.text(.helpDPI)), transform: { try DPI.parse($0).get() })
    var dpi = DPI.standard

    @OptionGroup var limits: LimitOptions

    var overrides: LimitOverrides { limits.overrides }
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

    @OptionGroup var options: RenderingOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let reportURL = URL(fileURLWithPath: report)
        let outputURL = output.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: "out").appendingPathComponent(reportURL.deletingLastPathComponent().standardizedFileURL.lastPathComponent + ".pdf")
        let renderer = Console.renderer()
        do {
            let summary = try renderer.render(reportAt: reportURL, to: outputURL, dpi: options.dpi.value, limits: options.overrides)
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

    @OptionGroup var limits: LimitOptions

    func run() throws {
        let renderer = Console.renderer()
        do {
            let (loaded, warnings) = try renderer.load(reportAt: URL(fileURLWithPath: report),
                                                       limits: limits.overrides)
            // Everything render does short of writing, so that validate refuses whatever render would.
            let laidOut = try renderer.prepare(loaded).layout
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
