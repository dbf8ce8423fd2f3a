// The benchmark: renders a report N times in one process and prints milliseconds per document, stage by stage;
// or runs the C floor, the peers (Typst, WeasyPrint, ReportLab, LuaLaTeX) and Mawjaz on the peers' brief in
// alternating rounds and prints the ratios.
//
//   mawjaz-bench [REPORT] [--runs N] [--json] [--no-shares] [--pdf tagged|unamended|plain] [--log-rows N] [--pages ROUNDS]
//   mawjaz-bench peers [--rounds R] [--process-rounds R] [--runs N] [--kit DIR] [--floor BIN] [--python PY]
//                      [--variants brief,long] [--peers typst,weasyprint,reportlab,lualatex]
//   mawjaz-bench batch [--documents 500] [--rounds 3] [--memory-renders 5000] [--loop-sample N] [--keep FOLDER]
//   mawjaz-bench watch [--rounds 100] [--mawjaz .build/release/mawjaz]
//
// --pages also writes the report's pages to PNG and SVG one at a time and on every core, ROUNDS times each.
import Foundation
import Mawjaz
import MawjazRender

/// Runs `body` and returns its result with the milliseconds it took.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = ContinuousClock.now
    let result = try body()
    return (result, milliseconds(ContinuousClock.now - start))
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// A problem with the benchmark's own arguments or tools.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The value after `flag` in `arguments`, parsed by `parse`.
func option<T>(_ flag: String, in arguments: [String], _ parse: (String) -> T?) throws -> T? {
    guard let index = arguments.firstIndex(of: flag) else { return nil }
    guard index + 1 < arguments.count, let value = parse(arguments[index + 1]) else {
        throw BenchmarkError("\(flag) needs a value")
    }
    return value
}

/// The arguments that are neither flags nor the values of `valued` flags.
func positional(_ arguments: [String], valued: Set<String>) -> [String] {
    var result: [String] = []
    var index = 0
    while index < arguments.count {
        if valued.contains(arguments[index]) { index += 2; continue }
        if !arguments[index].hasPrefix("--") { result.append(arguments[index]) }
        index += 1
    }
    return result
}

// Before any thread starts, as `mawjaz`'s `main` does: cairo leaves its streams uncompressed, and the PDF amendment
// compresses each once.
Renderer.askCairoForUncompressedStreamsOnce()
// Every mode renders many documents in this process, as the service does.
Renderer.keepFreeMemoryForMoreDocuments()
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    if arguments.first == "peers" {
        try PeerRounds(arguments: Array(arguments.dropFirst())).run()
    } else if arguments.first == "batch" {
        try runBatchBenchmark(try BatchBenchmarkOptions(Array(arguments.dropFirst())), resources: try Resources.bundled())
    } else if arguments.first == "watch" {
        try runWatchBenchmark(try WatchBenchmarkOptions(Array(arguments.dropFirst())))
    } else {
        let valued: Set = ["--runs", "--log-rows", "--pdf", "--pages"]
        let report = positional(arguments, valued: valued).first ?? "Reports/mississippi-uzbekistan/report.yaml"
        let runs = try option("--runs", in: arguments) { Int($0) } ?? 30
        let work = try option("--pdf", in: arguments) { DocumentBenchmark.PDFWork(rawValue: $0) } ?? .tagged
        let benchmark = try DocumentBenchmark(report: URL(fileURLWithPath: report), runs: runs,
                                              shares: !arguments.contains("--no-shares"), work: work)
        if arguments.contains("--json") {
            print(benchmark.json)
        } else {
            print(benchmark.summary)
            let rows = try option("--log-rows", in: arguments) { Int($0) } ?? 100_000
            if rows > 0 {
                let large = try benchmarkLargeLog(rows: rows, runs: 7)
                print(String(format: "a %d-row activity log (%.1f MB): parse %.1f ms, every aggregation %.1f ms, together %.1f ms (median of 7)",
                             rows, Double(large.size) / 1e6, large.parse, large.aggregate, large.parse + large.aggregate))
            }
            if let rounds = try option("--pages", in: arguments, { Int($0) }), rounds > 0 {
                let renderer = try BriefingRenderer(resources: try Resources.bundled())
                let document = try renderer.layout(try renderer.bind(try renderer.load(reportAt: URL(fileURLWithPath: report)).report)).document
                for result in try benchmarkPageDrawing(document, rounds: rounds) {
                    print(String(format: "%d pages to %@: one at a time %.1f ms, on %d cores %.1f ms, %.2f× (median of %d rounds)",
                                 document.pages.count, result.format, result.oneAtATime, ProcessInfo.processInfo.activeProcessorCount,
                                 result.everyCore, result.ratio, rounds))
                }
            }
        }
    }
} catch let error as MawjazError {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(error.exitStatus)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
