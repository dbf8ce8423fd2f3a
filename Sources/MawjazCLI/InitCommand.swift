// The init subcommand: a new report folder that renders at once, in Arabic or English, with the organisation's
// name, emblem and letterhead.
import ArgumentParser
import Foundation
import Mawjaz

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Console.text(.helpInit))

    @Argument(help: ArgumentHelp(Console.text(.helpInitFolder)))
    var folder: String

    @Option(help: "The template (mawjaz templates lists them).")
    var template = "briefing"

    @Option(help: "The report's language: ar (right to left, Arabic-Indic digits) or en.")
    var language: Language = .ar

    @Option(help: "Your organisation's name, for the letterhead and the document's author.")
    var organisation: String?

    @Option(help: "A picture (PNG or JPEG) of your whole letterhead, drawn across the first page's head.")
    var letterhead: String?

    @Option(help: "Your organisation's emblem (PNG or JPEG), between its names in the letterhead and on a cover.")
    var emblem: String?

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let options = Scaffold.Options(language: language, organisation: organisation,
                                       letterhead: letterhead.map { URL(fileURLWithPath: $0) },
                                       emblem: emblem.map { URL(fileURLWithPath: $0) })
        do {
            let files = try Scaffold.write(to: URL(fileURLWithPath: folder), template: template, options: options,
                                           resources: Console.resources())
            for file in files { print(file.relativePath) }
        } catch {
            Console.fail(error)
        }
    }
}
