// The command line: mawjaz render | batch | watch | validate | chart | init | templates | fonts | serve; help that ends with examples.
import ArgumentParser
import Foundation
import Mawjaz
import MawjazRender

@main
struct MawjazCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mawjaz",
        abstract: Console.text(.helpAbstract),
        discussion: Console.text(.helpDiscussion),
        version: MawjazVersion.current,
        subcommands: [Render.self, BatchCommand.self, WatchCommand.self, Validate.self, ChartCommand.self, Init.self, TemplatesCommand.self, FontsCommand.self,
                      ServeCommand.self],
        defaultSubcommand: Render.self
    )

    /// Runs the command; a wrong argument or option value exits with status 2, as bad input does (reported as a JSON
    /// object too with `--diagnostics json`).
    static func main() async {
        Renderer.nameTimeZoneOnce()
        Renderer.askCairoForUncompressedStreamsOnce()
        // A parent that blocked stopping signals (as some spawners do) must not make the command unstoppable.
        var stopping = sigset_t()
        sigemptyset(&stopping)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stopping, signal) }
        pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
        let given = languageAfterCommand(Array(CommandLine.arguments.dropFirst()))
        greetOrRedirect(given)
        if isHelpRequest(given) {
            // Help: ArgumentParser's text, then the examples of the command asked about.
            let topic = helpTopic(given)
            let type = configuration.subcommands.first { ($0.configuration.commandName ?? $0._commandName) == topic }
            print(helpMessage(for: type ?? MawjazCommand.self).trimmingCharacters(in: .newlines))
            if let examples = Examples.help(for: topic, in: Console.language) { print("\n" + examples) }
            Foundation.exit(0)
        }
        if given == [Examples.manualOption] {
            // `make manual` adds the examples to the page swift-argument-parser's plugin writes.
            print(Examples.manualSection, terminator: "")
            Foundation.exit(0)
        }
        var command: ParsableCommand
        do {
            command = try parseAsRoot(given)
        } catch {
            let arguments = CommandLine.arguments
            let json = zip(arguments, arguments.dropFirst()).contains { $0 == "--diagnostics" && $1 == "json" }
                || arguments.contains("--diagnostics=json")
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            if json {
                Console(format: .json).print(.input([Diagnostic(at: SourceLocation(file: "command line"), field: "arguments",
                                                                message(for: error))]))
            } else {
                Console.standardError(fullMessage(for: error) + "\n")
            }
            Foundation.exit(argumentErrorStatus)
        }
        do {
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            Console.standardError(fullMessage(for: error) + "\n")
            Foundation.exit(argumentErrorStatus)
        }
    }

    /// The status of a wrong argument: 2, as for any bad input (ArgumentParser's own is 64).
    static let argumentErrorStatus: Int32 = 2
}

extension Language: ExpressibleByArgument {}

/// `--lang`, which every subcommand takes (`Console.language` has read it already).
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp(Console.text(.helpLanguage)))
    var language: Language?
}

extension MawjazCommand {
    /// `mawjaz` alone (or with only --lang) prints a short usage and exits; a mistyped command is named with the
    /// one meant (`mawjaz rendr report.yaml` would otherwise render a report named "rendr").
    static func greetOrRedirect(_ arguments: [String]) {
        let withoutLanguage = arguments.enumerated().filter { index, argument in
            !argument.hasPrefix("--lang=") && argument != "--lang" && (index == 0 || arguments[index - 1] != "--lang")
        }
        if withoutLanguage.isEmpty {
            print(Console.text(.shortUsage(commands: [
                "mawjaz init my-report", "mawjaz render my-report/report.yaml", "mawjaz validate my-report/report.yaml",
                "mawjaz templates", "mawjaz help render", "mawjaz render --help", "mawjaz --help",
            ])))
            Foundation.exit(0)
        }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName ?? $0._commandName } + ["help"]
        if let first = withoutLanguage.first?.element, !first.hasPrefix("-"), first != "-", !names.contains(first),
           !FileManager.default.fileExists(atPath: first), let meant = Suggestion.closest(to: first, among: names) {
            let problem = Diagnostic(at: SourceLocation(file: "mawjaz"), .noSuchCommand(first, suggestion: meant, commands: names))
            Console.standardError(problem.description(in: Console.language) + "\n")
            Foundation.exit(argumentErrorStatus)
        }
    }

    /// The arguments with `--lang X` or `--lang=X` written before the command name moved after it:
    /// `mawjaz --lang ar validate report.yaml` validates (ArgumentParser would take `validate` for a report to
    /// render, since `--lang` belongs to each subcommand). Anything else is returned as given.
    static func languageAfterCommand(_ arguments: [String]) -> [String] {
        var index = 0
        while index < arguments.count {
            if arguments[index] == "--lang", index + 1 < arguments.count {
                index += 2
            } else if arguments[index].hasPrefix("--lang=") {
                index += 1
            } else {
                break
            }
        }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName ?? $0._commandName } + ["help"]
        guard index > 0, index < arguments.count, names.contains(arguments[index]) else { return arguments }
        return [arguments[index]] + arguments[..<index] + arguments[(index + 1)...]
    }

    static func isHelpRequest(_ arguments: [String]) -> Bool {
        arguments.contains { $0 == "-h" || $0 == "--help" || $0 == "-help" } || arguments.first == "help"
    }

    /// The subcommand a help request is about (`mawjaz help render`, `mawjaz render --help`), or `mawjaz`.
    static func helpTopic(_ arguments: [String]) -> String {
        let names = Set(configuration.subcommands.compactMap { $0.configuration.commandName ?? $0._commandName })
        return arguments.first { names.contains($0) } ?? "mawjaz"
    }
}
