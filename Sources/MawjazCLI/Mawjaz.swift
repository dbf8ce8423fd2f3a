// The command line: mawjaz render | validate | chart.
import ArgumentParser
import Foundation
import Mawjaz

@main
struct MawjazCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mawjaz",
        abstract: "Right-to-left Arabic briefing PDFs from report data.",
        version: MawjazVersion.current,
        subcommands: [Render.self, Validate.self, ChartCommand.self, Init.self],
        defaultSubcommand: Render.self
    )
}

/// Shared by the subcommands: finding Mawjaz's own files and printing problems.
enum Console {
    static func renderer() -> BriefingRenderer {
        do { return try BriefingRenderer(resources: Resources.bundled()) } catch { fail(error) }
    }

    static func printWarnings(_ warnings: [Diagnostic]) {
        for warning in warnings { FileHandle.standardError.write(Data((warning.description + "\n").utf8)) }
    }

    static func fail(_ error: MawjazError) -> Never {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        Foundation.exit(error.exitStatus)
    }
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a report to PDF (or PNG or SVG pages, by the output's extension).")

    @Argument(help: "The report file (YAML or JSON).")
    var report: String

    @Option(name: .shortAndLong, help: "The output file: .pdf, .png or .svg. Default: out/<report folder>.pdf")
    var output: String?

    @Option(help: "Pixels per inch for PNG output.")
    var dpi: Double = 144

    func run() throws {
        let reportURL = URL(fileURLWithPath: report)
        let outputURL = output.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: "out").appendingPathComponent(reportURL.deletingLastPathComponent().standardizedFileURL.lastPathComponent + ".pdf")
        let renderer = Console.renderer()
        do {
            let summary = try renderer.render(reportAt: reportURL, to: outputURL, dpi: dpi)
            Console.printWarnings(summary.warnings)
            for file in summary.files { print(file.relativePath) }
        } catch {
            Console.fail(error)
        }
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a report, its data and its layout without writing anything, and summarise them.")

    @Argument(help: "The report file (YAML or JSON).")
    var report: String

    func run() throws {
        let renderer = Console.renderer()
        do {
            let (loaded, warnings) = try renderer.load(reportAt: URL(fileURLWithPath: report))
            let laidOut = try renderer.layout(try renderer.bind(loaded))
            Console.printWarnings(warnings + laidOut.warnings)
            print("\(report): ok, \(laidOut.document.pages.count) pages")
            for (name, log) in loaded.datasets.sorted(by: { $0.key < $1.key }) {
                let years = log.firstYear.map { first in "\(first)–\(log.lastYear ?? first)" } ?? "none"
                print("  \(name): \(log.total) activities, years \(years), \(log.countsByCategory().count) categories")
            }
            print("  \(loaded.body.count) blocks, \(loaded.facts.count) facts, \(warnings.count + laidOut.warnings.count) warnings")
        } catch {
            Console.fail(error)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new report: report.yaml and a small activities.csv that render at once.")

    @Argument(help: "The folder for the new report (created if needed).")
    var folder: String

    @Option(help: "The template: \(Scaffold.templates.joined(separator: ", ")).")
    var template = "briefing"

    func run() throws {
        do {
            for file in try Scaffold.write(to: URL(fileURLWithPath: folder), template: template) { print(file.relativePath) }
        } catch {
            Console.fail(error)
        }
    }
}
