// The init subcommand: a new report folder that renders at once, in Arabic or English, with the organisation's
// name, emblem and letterhead.
import ArgumentParser
import Foundation
import Mawjaz

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: Console.text(.helpInit))

    @Argument(help: ArgumentHelp(Console.text(.helpInitFolder)))
    var folder: String

    @Option(help: ArgumentHelp(Console.text(.helpInitTemplate)))
    var template = "briefing"

    @Option(help: ArgumentHelp(Console.text(.helpInitLanguage)))
    var language: Language = .ar

    @Option(help: ArgumentHelp(Console.text(.helpInitOrganisation)))
    var organisation: String?

    @Option(help: ArgumentHelp(Console.text(.helpInitLetterhead)))
    var letterhead: String?

    @Option(help: ArgumentHelp(Console.text(.helpInitEmblem)))
    var emblem: String?

    @OptionGroup var diagnostics: DiagnosticOptions

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let console = diagnostics.console
        let options = Scaffold.Options(language: language, organisation: organisation,
                                       letterhead: letterhead.map { URL(fileURLWithPath: $0) },
                                       emblem: emblem.map { URL(fileURLWithPath: $0) })
        do {
            let files = try Scaffold.write(to: URL(fileURLWithPath: folder), template: template, options: options,
                                           resources: console.resources())
            for file in files { print(printable(file)) }
        } catch {
            console.fail(error)
        }
    }
}
