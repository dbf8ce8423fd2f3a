// The batch subcommand: one document per group of a dataset, or per row of a manifest, on every core.
import ArgumentParser
import Foundation
import Mawjaz
import MawjazRender

struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch", abstract: Console.text(.helpBatch),
                                                    discussion: Console.text(.helpBatchDiscussion))

    @Argument(help: ArgumentHelp(Console.text(.helpBatchReport)))
    var report: String?

    @Option(help: ArgumentHelp(Console.text(.helpEach)))
    var each: String?

    @Option(help: ArgumentHelp(Console.text(.helpManifest)))
    var manifest: String?

    @Option(name: .shortAndLong, help: ArgumentHelp(Console.text(.helpBatchOutput)))
    var output = "out/\(BatchPlan.groupPlaceholder).pdf"

    @Option(name: .short, help: ArgumentHelp(Console.text(.helpJobs)), transform: { try argument(JobCount.parse($0)) })
    var jobs: JobCount?

    @Option(help: ArgumentHelp(Console.text(.helpResults)))
    var results: String?

    @Option(help: ArgumentHelp(Console.text(.helpOnly)))
    var only: String?

    @Option(help: ArgumentHelp(Console.text(.helpShard)))
    var shard: Shard?

    @Flag(name: .shortAndLong, help: ArgumentHelp(Console.text(.helpQuiet)))
    var quiet = false

    @OptionGroup var what: OutputOptions

    @OptionGroup var diagnostics: DiagnosticOptions

    @OptionGroup var language: LanguageOption

    func run() async throws {
        Renderer.keepFreeMemoryForMoreDocuments()
        let console = diagnostics.console
        // The workers load their fonts while the report and its data are read and split.
        let workers = jobs?.value ?? ProcessInfo.processInfo.activeProcessorCount
        async let started = Result { () throws(MawjazError) in try RendererPool(resources: Resources.bundled(), workers: workers) }
        let planned = Result { () throws(MawjazError) in try makePlan() }
        let starting = await started
        let plan: BatchPlan
        do { plan = try planned.get() } catch { console.fail(error) }
        console.print(plan.warnings)
        let pool: RendererPool
        do { pool = try starting.get() } catch { console.fail(error) }
        let progress = BatchProgress(total: plan.documents.count, console: console, quiet: quiet)
        let start = ContinuousClock.now
        await plan.run(on: pool) { result in progress.record(result) }
        pool.shutdown()
        let elapsed = ContinuousClock.now - start
        let outcome = progress.finish(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        if let results {
            do { try outcome.writeResults(to: URL(fileURLWithPath: results)) } catch { console.fail(error) }
        }
        if outcome.failed > 0 { throw ExitCode(2) }
    }

    private func makePlan() throws(MawjazError) -> BatchPlan {
        func bad(_ option: String, _ message: Message) -> MawjazError {
            .input([Diagnostic(at: SourceLocation(file: "--\(option)"), field: option, message)])
        }
        let chosenFormat = what.format?.format(dpi: what.dpi)
        if what.pages != nil, (chosenFormat ?? (try? OutputFormat.forPath(URL(fileURLWithPath: output), dpi: what.dpi))) == .pdf, manifest == nil {
            throw bad("pages", .pagesOnlyForImages)
        }
        var plan: BatchPlan
        switch (report, each, manifest) {
        case (let report?, let each?, nil):
            guard let grouping = DatasetGrouping(parsing: each) else { throw bad("each", .eachNeedsDatasetAndColumn) }
            let outputFormat: OutputFormat
            if let chosenFormat { outputFormat = chosenFormat } else {
                do { outputFormat = try OutputFormat.forPath(URL(fileURLWithPath: output), dpi: what.dpi) } catch { throw MawjazError(error) }
            }
            var text = report == "-" ? try standardInputReport() : ReportText(contentsOf: URL(fileURLWithPath: report))
            text.limits = what.limits.overrides
            plan = try BatchPlan.grouped(text, by: grouping, outputPattern: output, format: outputFormat, pages: what.pages ?? .all,
                                         facts: what.facts)
        case (nil, nil, let manifest?):
            plan = try BatchPlan.manifest(at: URL(fileURLWithPath: manifest), format: chosenFormat, dpi: what.dpi, pages: what.pages ?? .all,
                                          facts: what.facts, limits: what.limits.overrides)
        default:
            throw bad("each", .batchNeedsEachOrManifest)
        }
        if let only { plan = plan.only(try BatchOutcome.keysToRerun(from: URL(fileURLWithPath: only))) }
        if let shard { plan = plan.shard(shard.index, of: shard.count) }
        return plan
    }
}

/// `--shard I/N`.
struct Shard: ExpressibleByArgument {
    let index: Int
    let count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    static var defaultValueDescription: String { "I/N" }
}
