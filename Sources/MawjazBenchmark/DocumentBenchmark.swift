// The in-process benchmark: one report rendered from scratch N times, with the time of each stage and the
// shares of the PDF's tags and of its amendment.
import Foundation
import Mawjaz
import MawjazRender

/// Times a report's documents in one process: fonts and templates are loaded once (the first document), then
/// every document is loaded, bound, laid out and rendered again, nothing kept from the one before.
struct DocumentBenchmark {
    var report: URL
    var pages = 0
    var firstDocument = 0.0
    /// Whole documents, in milliseconds.
    var totals: [Double] = []
    var stages: [String: [Double]] = [:]
    /// Per document: the render without the amendment, and without tags and amendment (the floor's work).
    var unamended: [Double] = []
    var untagged: [Double] = []

    /// What the timed documents' PDFs carry: everything, all but the amendment, or neither tags nor amendment.
    enum PDFWork: String { case tagged, unamended, plain }

    /// `shares`: also render each document without the amendment and without tags, to measure what they cost.
    /// `work`: what the timed documents carry (to profile the rest alone).
    init(report: URL, runs: Int, shares: Bool = true, work: PDFWork = .tagged) throws {
        self.report = report
        let resources = try Resources.bundled()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("mawjaz-bench-\(getpid()).pdf")
        defer { try? FileManager.default.removeItem(at: output) }
        let (renderer, first) = try timed {
            let renderer = try BriefingRenderer(resources: resources)
            pages = try renderer.render(reportAt: report, to: output).pageCount
            return renderer
        }
        firstDocument = first
        for run in 0..<runs {
            let (loaded, load) = try timed { try renderer.load(reportAt: report) }
            let (document, bind) = try timed { try renderer.bind(loaded.report) }
            let (laidOut, layout) = try timed { try renderer.layout(document) }
            // The three renders take turns going first, so that none always finds the caches the others warmed.
            let variants = shares ? 3 : 1
            var times = [Double](repeating: 0, count: 3)
            for offset in 0..<variants {
                let variant = (run + offset) % variants
                var writer = Renderer()
                writer.amendsPDF = variant == 0 && work == .tagged
                writer.tagsPDF = variant != 2 && work != .plain
                times[variant] = try timed { try writer.write(laidOut.document, to: output, format: .pdf) }.1
            }
            for (name, duration) in [("load", load), ("bind", bind), ("layout", layout), ("render", times[0])] {
                stages[name, default: []].append(duration)
            }
            if shares {
                unamended.append(times[1])
                untagged.append(times[2])
            }
            totals.append(load + bind + layout + times[0])
        }
    }

    func stage(_ name: String) -> Double { median(stages[name] ?? []) }

    /// The median time the amendment adds to a document, and the median time the tags add.
    var amendment: Double { median(zip(stages["render"] ?? [], unamended).map { $0 - $1 }) }
    var tags: Double { median(zip(unamended, untagged).map { $0 - $1 }) }

    var summary: String {
        let perDocument = median(totals)
        let lines = [
            "report: \(report.relativePath) (\(pages) pages)",
            String(format: "first document, fonts loaded cold: %.1f ms", firstDocument),
            String(format: "median of %d documents: %.2f ms/doc (load %.2f, bind %.2f, layout %.2f, render %.2f)",
                   totals.count, perDocument, stage("load"), stage("bind"), stage("layout"), stage("render")),
        ]
        guard !unamended.isEmpty else { return lines.joined(separator: "\n") }
        return (lines + [String(format: "of the render: tags %.2f ms (%.0f%% of the document), the PDF's amendment %.2f ms (%.0f%%)",
                                tags, 100 * tags / perDocument, amendment, 100 * amendment / perDocument)]).joined(separator: "\n")
    }

    /// One JSON line, with the floor's fields (`n`, `ms_per_doc_median`, …) and Mawjaz's stages.
    var json: String {
        let sorted = totals.sorted()
        let fields: [(String, Any)] = [
            ("n", totals.count), ("ms_per_doc_median", median(totals)),
            ("ms_per_doc_mean", totals.isEmpty ? 0 : totals.reduce(0, +) / Double(totals.count)),
            ("ms_min", sorted.first ?? 0), ("ms_max", sorted.last ?? 0), ("pages", pages), ("first_document_ms", firstDocument),
            ("load_ms", stage("load")), ("bind_ms", stage("bind")), ("layout_ms", stage("layout")), ("render_ms", stage("render")),
            ("tags_ms", tags), ("amendment_ms", amendment),
        ]
        let body = fields.map { key, value in
            if let number = value as? Double { return String(format: "\"%@\": %.3f", key, number) }
            return "\"\(key)\": \(value)"
        }
        return "{" + body.joined(separator: ", ") + "}"
    }
}
