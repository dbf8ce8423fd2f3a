// The command line: mawjaz render | validate | chart | init | templates; help that ends with examples.
import ArgumentParser
import Foundation
import Mawjaz

@main
struct MawjazCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mawjaz",
        abstract: Console.text(.helpAbstract),
        discussion: Console.text(.helpDiscussion),
        version: MawjazVersion.current,
        subcommands: [Render.self, Validate.self, ChartCommand.self, Init.self, TemplatesCommand.self, FontsCommand.self],
        defaultSubcommand: Render.self
    )

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // `mawjaz` alone, or with only --lang: what it is and the first commands to try.
        let withoutLanguage = arguments.enumerated().filter { index, argument in
            !argument.hasPrefix("--lang=") && argument != "--lang" && (index == 0 || arguments[index - 1] != "--lang")
        }
        guard !withoutLanguage.isEmpty else {
            print(Console.text(.shortUsage(commands: [
                "mawjaz init my-report", "mawjaz render my-report/report.yaml", "mawjaz validate my-report/report.yaml",
                "mawjaz templates", "mawjaz help render", "mawjaz render --help", "mawjaz --help",
            ])))
            return
        }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName ?? $0._commandName } + ["help"]
        if let first = arguments.first, !first.hasPrefix("-"), !names.contains(first), !FileManager.default.fileExists(atPath: first),
           let meant = Suggestion.closest(to: first, among: names) {
            // `mawjaz rendr report.yaml` would otherwise render a report named "rendr".
            let problem = Diagnostic(at: SourceLocation(file: "mawjaz"), .noSuchCommand(first, suggestion: meant, commands: names))
            FileHandle.standardError.write(Data((problem.description(in: Console.language) + "\n").utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            guard exitCode(for: error) == .success, isHelpRequest(arguments) else { exit(withError: error) }
            // Help: ArgumentParser's text, then the examples of the command asked about.
            print(fullMessage(for: error).trimmingCharacters(in: .newlines))
            let name = helpTopic(arguments)
            if let examples = Examples.of[name], !examples.isEmpty {
                print("\nEXAMPLES:")
                for (command, meaning) in examples { print("  \(command)\n      \(meaning)") }
            }
        }
    }

    private static func isHelpRequest(_ arguments: [String]) -> Bool {
        arguments.contains { $0 == "-h" || $0 == "--help" || $0 == "-help" } || arguments.first == "help"
    }

    /// The subcommand a help request is about (`mawjaz help render`, `mawjaz render --help`), or `mawjaz`.
    private static func helpTopic(_ arguments: [String]) -> String {
        let names = Set(configuration.subcommands.compactMap { $0.configuration.commandName ?? $0._commandName })
        return arguments.first { names.contains($0) } ?? "mawjaz"
    }
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

    /// Mawjaz's resources, with the folders of `--font-path` when the command has that option.
    static func resources(_ fonts: FontPathOption? = nil) -> Resources {
        var found: Resources
        do { found = try Resources.bundled() } catch { fail(error) }
        found.extraFontFolders = fonts?.folders() ?? []
        return found
    }

    static func renderer(_ fonts: FontPathOption? = nil) -> BriefingRenderer {
        do { return try BriefingRenderer(resources: resources(fonts)) } catch { fail(error) }
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
