// The drawing benchmark: a laid-out document's pages written to PNG and to SVG one page at a time and on every
// core, alternately in each round, so that the ratio holds while other work loads the machine.
import Foundation
import Mawjaz
import MawjazFrame
import MawjazRender

/// Medians of writing every page of `document`, one page at a time and with a worker per core, per format, and the
/// median of the per-round ratios.
func benchmarkPageDrawing(_ document: PagedDocument, rounds: Int) throws -> [(format: String, oneAtATime: Double, everyCore: Double, ratio: Double)] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mawjaz-bench-pages-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let sequential = Renderer(pageWorkers: 1), concurrent = Renderer()
    var results: [(String, Double, Double, Double)] = []
    for (name, format) in [("PNG, 144 dpi", OutputFormat.png(dpi: 144)), ("SVG", .svg)] {
        var one: [Double] = [], every: [Double] = [], ratios: [Double] = []
        for round in 0..<rounds {
            // Alternate which goes first, so that neither always meets a warm or a cold cache.
            let order = round % 2 == 0 ? [sequential, concurrent] : [concurrent, sequential]
            var times: [Double] = []
            for renderer in order {
                let (_, milliseconds) = try timed { try renderer.write(document, to: folder.appendingPathComponent("page.x"), format: format) }
                times.append(milliseconds)
            }
            let (a, b) = round % 2 == 0 ? (times[0], times[1]) : (times[1], times[0])
            one.append(a); every.append(b); ratios.append(a / b)
        }
        results.append((name, median(one), median(every), median(ratios)))
    }
    return results
}
