// The chart subcommand: one chart of a report, alone, as PDF, PNG or SVG.
import ArgumentParser
import Foundation
import Mawjaz

extension ChartPage: ExpressibleByArgument {}

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chart", abstract: Console.text(.helpChart))

    @Argument(help: ArgumentHelp(Console.text(.helpReportFile)))
    var report: String

    @Option(help: ArgumentHelp(Console.text(.helpChartIndex)))
    var index: Int = 1

    @Option(name: .shortAndLong, help: ArgumentHelp(Console.text(.helpChartOutput)))
    var output: String?

    @Option(help: ArgumentHelp(Console.text(.helpChartPage)))
    var page: ChartPage = .fit

    @OptionGroup var resolution: DPIOption

    @OptionGroup var limits: LimitOptions

    @OptionGroup var diagnostics: DiagnosticOptions

    @OptionGroup var fonts: FontPathOption

    @OptionGroup var language: LanguageOption

    func run() throws {
        let reportURL = URL(fileURLWithPath: report)
        let folder = reportURL.deletingLastPathComponent().standardizedFileURL.lastPathComponent
        let outputURL = output.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: "out").appendingPathComponent("\(folder)-chart-\(index).pdf")
        let console = diagnostics.console
        let renderer = console.renderer(fonts)
        do {
            let summary = try renderer.renderChart(reportAt: reportURL, index: index, to: outputURL, page: page,
                                                   dpi: resolution.dpi.value, limits: limits.overrides)
            console.print(summary.warnings)
            for file in summary.files { print(printable(file)) }
        } catch {
            console.fail(error)
        }
    }
}
