// The templates subcommand: the templates a report can name, each with what it is for.
import ArgumentParser
import Foundation
import Mawjaz
import MawjazDocument

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: Console.text(.helpTemplates))

    @OptionGroup var diagnostics: DiagnosticOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let console = diagnostics.console
        let resources = console.resources()
        let loader = TemplateLoader(folder: resources.templates)
        let names = loader.names
        let width = names.map(\.count).max() ?? 0
        for name in names {
            do {
                let template = try loader.template(named: name)
                print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + template.summary)
            } catch {
                console.fail(MawjazError(error))
            }
        }
        print("\n" + Console.text(.templatesWhere(folder: resources.templates.path)))
    }
}
