// Every sample report rendered to PDF, PNG and SVG, each file's SHA-256 compared with the table recorded in
// Fixtures/outputs.sha256: a change to the code that changes any byte of any sample fails here, by name.
//
// To change output on purpose, re-record the table and say why in the README ("Recorded outputs"):
//     make record-outputs
// (which runs this test with MAWJAZ_RECORD_OUTPUTS=1), then look at the pages that changed and commit the table.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct RecordedOutputTests {
    /// The table of recorded digests: `<sha256>  <output name>` per line, sorted by name.
    static let table = TestSupport.root.appendingPathComponent("Tests/MawjazTests/Fixtures/outputs.sha256")
    /// The resolution PNG pages are recorded at: low, so that a hundred pages stay quick, yet every glyph is rasterised.
    static let dpi = 48.0

    /// The reports whose outputs are recorded: every report in Reports/, the test fixtures' long, chart and second
    /// reports, and the structured report the tests build (links, underlines, nested lists, contents), by the name
    /// their outputs are recorded under, with the formats they are written in (the long reports hold a JPEG, which
    /// only PDF and SVG can carry).
    static func samples() throws -> [(name: String, report: URL, formats: [String])] {
        typealias Sample = (name: String, report: URL, formats: [String])
        let all = ["pdf", "png", "svg"]
        let reports = TestSupport.root.appendingPathComponent("Reports")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? []
        var samples: [Sample] = folders.sorted().map { folder -> Sample in (folder, reports.appendingPathComponent("\(folder)/report.yaml"), all) }
            .filter { FileManager.default.fileExists(atPath: $0.report.path) }
        let fixtures = TestSupport.root.appendingPathComponent("Tests/MawjazTests/Fixtures")
        let fixtureFormats: [(String, [String])] = [("long/report-ar", ["pdf", "svg"]), ("long/report-en", ["pdf", "svg"]),
                                                    ("charts/charts-ar", all), ("charts/charts-en", all), ("water-partnership/report", all)]
        for (path, formats) in fixtureFormats {
            samples.append(("fixtures-" + path.replacingOccurrences(of: "/", with: "-"), fixtures.appendingPathComponent("\(path).yaml"), formats))
        }
        let structured = try TestSupport.folder(with: ["report.yaml": TestSupport.structuredReport()])
        samples.append(("tests-structured", structured.appendingPathComponent("report.yaml"), all))
        return samples
    }

    /// Renders every sample (PDF, PNG pages, SVG pages, and one chart alone) into `folder` and returns each file's
    /// digest by output name.
    static func renderAll(into folder: URL) throws -> [String: String] {
        let renderer = try TestSupport.renderer()
        var digests: [String: String] = [:]
        for (name, report, formats) in try samples() {
            for format in formats {
                let summary = try renderer.render(reportAt: report, to: folder.appendingPathComponent("\(name).\(format)"), dpi: dpi)
                for file in summary.files { digests[file.lastPathComponent] = try TestSupport.sha256(file) }
            }
        }
        let gallery = TestSupport.chartFixtures.appendingPathComponent("charts-ar.yaml")
        for (index, format) in [(2, "pdf"), (3, "png"), (6, "svg")] {
            let output = folder.appendingPathComponent("chart-ar-\(index).\(format)")
            try renderer.renderChart(reportAt: gallery, index: index, to: output, dpi: dpi)
            digests[output.lastPathComponent] = try TestSupport.sha256(output)
        }
        return digests
    }

    static func read(_ url: URL) throws -> [String: String] {
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var digests: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2 else { throw TestFailure("\(url.lastPathComponent): not a digest line: \(line)") }
            digests[String(parts[1])] = String(parts[0])
        }
        return digests
    }

    static func write(_ digests: [String: String], to url: URL) throws {
        let lines = digests.keys.sorted().map { "\(digests[$0] ?? "")  \($0)" }
        let header = "# SHA-256 of every sample's outputs (RecordedOutputTests); re-record with `make record-outputs`.\n"
        try Data((header + lines.joined(separator: "\n") + "\n").utf8).write(to: url)
    }

    @Test func everySampleRendersToTheRecordedBytes() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let digests = try Self.renderAll(into: folder)
        if ProcessInfo.processInfo.environment["MAWJAZ_RECORD_OUTPUTS"] == "1" {
            try Self.write(digests, to: Self.table)
            return
        }
        let recorded = try Self.read(Self.table)
        #expect(!recorded.isEmpty, "no recorded outputs in \(Self.table.path)")
        let changed = digests.keys.filter { recorded[$0] != nil && recorded[$0] != digests[$0] }.sorted()
        let new = digests.keys.filter { recorded[$0] == nil }.sorted()
        let gone = recorded.keys.filter { digests[$0] == nil }.sorted()
        #expect(changed.isEmpty, "outputs that differ from the recorded bytes: \(changed.joined(separator: ", "))")
        #expect(new.isEmpty, "outputs with no recorded digest: \(new.joined(separator: ", "))")
        #expect(gone.isEmpty, "recorded outputs no longer written: \(gone.joined(separator: ", "))")
    }

    /// Two renders of the same report in one process give the same bytes in every format (so the table can hold).
    @Test func renderingTwiceGivesTheSameBytes() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let renderer = try TestSupport.renderer()
        let report = TestSupport.root.appendingPathComponent("Reports/correspondence/report.yaml")
        for format in ["pdf", "png", "svg"] {
            let first = try renderer.render(reportAt: report, to: folder.appendingPathComponent("a.\(format)"), dpi: Self.dpi).files
            let second = try renderer.render(reportAt: report, to: folder.appendingPathComponent("b.\(format)"), dpi: Self.dpi).files
            #expect(first.count == second.count)
            for (one, other) in zip(first, second) {
                #expect(try Data(contentsOf: one) == Data(contentsOf: other), "\(one.lastPathComponent)")
            }
        }
    }
}
