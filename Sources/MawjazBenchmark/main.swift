// The benchmark: renders a report N times in one process and prints milliseconds per document,
// stage by stage, and the ratio to the peers' in-process figures when their results file is given.
//
//   mawjaz-bench [REPORT] [--runs N] [--peers results.json] [--log-rows N] [--pages ROUNDS]
//   mawjaz-bench batch [--documents 500] [--rounds 3] [--memory-renders 5000] [--loop-sample N] [--keep FOLDER]
//   mawjaz-bench watch [--rounds 100] [--mawjaz .build/release/mawjaz]
//
// --pages also writes the report's pages to PNG and SVG one at a time and on every core, ROUNDS times each.
import Foundation
import Mawjaz
import MawjazRender

struct Options {
    var report = "Reports/mississippi-uzbekistan/report.yaml"
    var runs = 30
    var peers: String?
    var logRows = 100_000
    var pageRounds = 0

    init(_ arguments: [String]) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            switch argument {
            case "--runs": runs = next.flatMap(Int.init) ?? runs; index += 1
            case "--peers": peers = next; index += 1
            case "--log-rows": logRows = next.flatMap(Int.init) ?? logRows; index += 1
            case "--pages": pageRounds = next.flatMap(Int.init) ?? 7; index += 1
            default: report = argument
            }
            index += 1
        }
    }
}

/// Runs `body` and returns its result with the milliseconds it took.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = ContinuousClock.now
    let result = try body()
    let elapsed = ContinuousClock.now - start
    return (result, Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

let resources: Resources
do { resources = try Resources.bundled() } catch {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(1)
}
if CommandLine.arguments.dropFirst().first == "batch" {
    do { try runBatchBenchmark(BatchBenchmarkOptions(Array(CommandLine.arguments.dropFirst(2))), resources: resources) } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
    exit(0)
}
if CommandLine.arguments.dropFirst().first == "watch" {
    do { try runWatchBenchmark(WatchBenchmarkOptions(Array(CommandLine.arguments.dropFirst(2)))) } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
    exit(0)
}
let options = Options(Array(CommandLine.arguments.dropFirst()))
let reportURL = URL(fileURLWithPath: options.report)
let output = FileManager.default.temporaryDirectory.appendingPathComponent("mawjaz-bench-\(getpid()).pdf")
defer { try? FileManager.default.removeItem(at: output) }

do {
    let ((renderer, summary), first) = try timed {
        let renderer = try BriefingRenderer(resources: resources)
        return (renderer, try renderer.render(reportAt: reportURL, to: output))
    }
    var stages: [String: [Double]] = [:]
    var totals: [Double] = []
    for _ in 0..<options.runs {
        let (loaded, load) = try timed { try renderer.load(reportAt: reportURL) }
        let (document, bind) = try timed { try renderer.bind(loaded.report) }
        let (laidOut, layout) = try timed { try renderer.layout(document) }
        let (_, render) = try timed { try Renderer().write(laidOut.document, to: output, format: .pdf) }
        for (name, duration) in [("load", load), ("bind", bind), ("layout", layout), ("render", render)] {
            stages[name, default: []].append(duration)
        }
        totals.append(load + bind + layout + render)
    }
    let perDocument = median(totals)
    print("report: \(options.report) (\(summary.pageCount) pages)")
    print(String(format: "first document, fonts loaded cold: %.1f ms", first))
    print(String(format: "median of %d documents: %.2f ms/doc (load %.2f, bind %.2f, layout %.2f, render %.2f)",
                 options.runs, perDocument, median(stages["load"] ?? []), median(stages["bind"] ?? []),
                 median(stages["layout"] ?? []), median(stages["render"] ?? [])))
    let large = try benchmarkLargeLog(rows: options.logRows, runs: 7)
    print(String(format: "a %d-row activity log (%.1f MB): parse %.1f ms, every aggregation %.1f ms, together %.1f ms (median of 7)",
                 options.logRows, Double(large.size) / 1e6, large.parse, large.aggregate, large.parse + large.aggregate))
    if options.pageRounds > 0 {
        let document = try renderer.layout(try renderer.bind(try renderer.load(reportAt: reportURL).report)).document
        for result in try benchmarkPageDrawing(document, rounds: options.pageRounds) {
            print(String(format: "%d pages to %@: one at a time %.1f ms, on %d cores %.1f ms, %.2f× (median of %d rounds)",
                         document.pages.count, result.format, result.oneAtATime, ProcessInfo.processInfo.activeProcessorCount,
                         result.everyCore, result.ratio, options.pageRounds))
        }
    }
    if let peers = options.peers {
        print(try PeerComparison(resultsFile: peers, mawjaz: perDocument).table)
    }
} catch let error as MawjazError {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(error.exitStatus)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
