// The render subcommand: a report to PDF, or PNG or SVG pages.
import ArgumentParser
import Foundation
import Mawjaz

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Console.text(.helpRender))

    @Argument(help: ArgumentHelp(Console.text(.helpReportFile)))
    var report: String

    @Option(name: .shortAndLong, help: ArgumentHelp(Console.text(.helpOutput)))
    var output: String?

    @Option(help: ArgumentHelp(Console.text(.helpDPI)))
    var dpi: Double = 144

    @OptionGroup var fonts: FontPathOption

    @OptionGroup var language: LanguageOption

    func run() throws {
        let reportURL = URL(fileURLWithPath: report)
        let outputURL = output.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: "out").appendingPathComponent(reportURL.deletingLastPathComponent().standardizedFileURL.lastPathComponent + ".pdf")
        let renderer = Console.renderer(fonts)
        do {
            let summary = try renderer.render(reportAt: reportURL, to: outputURL, dpi: dpi)
            Console.printWarnings(summary.warnings)
            for file in summary.files { print(file.relativePath) }
        } catch {
            Console.fail(error)
        }
    }
}
