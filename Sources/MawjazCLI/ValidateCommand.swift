// The validate subcommand: every check of a report, its data and its layout, nothing written.
import ArgumentParser
import Foundation
import Mawjaz

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: Console.text(.helpValidate))

    @Argument(help: ArgumentHelp(Console.text(.helpReportFile)))
    var report: String

    @OptionGroup var fonts: FontPathOption

    @OptionGroup var diagnostics: DiagnosticOptions

    @OptionGroup var limits: LimitOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let console = diagnostics.console
        let renderer = console.renderer(fonts)
        do {
            let checked = try renderer.check(reportAt: URL(fileURLWithPath: report), limits: limits.overrides)
            let loaded = checked.report, laidOut = checked.laidOut, warnings = checked.warnings
            console.print(warnings)
            print(Console.text(.validated(report: report, pages: laidOut.document.pages.count)))
            for (name, log) in loaded.datasets.sorted(by: { $0.key < $1.key }) {
                print("  " + Console.text(.datasetSummary(name, activities: log.total, firstYear: log.firstYear, lastYear: log.lastYear,
                                                          categories: log.countsByCategory().count)))
            }
            print("  " + Console.text(.reportSummary(blocks: loaded.body.count, facts: loaded.facts.count, warnings: warnings.count)))
        } catch {
            console.fail(error)
        }
    }
}
