// The chart subcommand: one chart of a report, alone, as PDF, PNG or SVG.
import ArgumentParser
import Foundation
import Mawjaz

extension ChartPage: ExpressibleByArgument {}

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Render one chart of a report alone (PDF, PNG or SVG, by the output's extension).")

    @Argument(help: "The report file (YAML or JSON).")
    var report: String

    @Option(help: "Which chart, counting the report's chart blocks from 1 in reading order.")
    var index: Int = 1

    @Option(name: .shortAndLong, help: "The output file: .pdf, .png or .svg. Default: out/<report folder>-chart-<index>.pdf")
    var output: String?

    @Option(help: "fit: a page just around the chart; template: the template's page (A4), the chart at its margins.")
    var page: ChartPage = .fit

    @Option(help: "Pixels per inch for PNG output.")
    var dpi: Double = 144

    func run() throws {
        let reportURL = URL(fileURLWithPath: report)
        let folder = reportURL.deletingLastPathComponent().standardizedFileURL.lastPathComponent
        let outputURL = output.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: "out").appendingPathComponent("\(folder)-chart-\(index).pdf")
        let renderer = Console.renderer()
        do {
            let summary = try renderer.renderChart(reportAt: reportURL, index: index, to: outputURL, page: page, dpi: dpi)
            Console.printWarnings(summary.warnings)
            for file in summary.files { print(file.relativePath) }
        } catch {
            Console.fail(error)
        }
    }
}
