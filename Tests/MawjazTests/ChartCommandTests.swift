// mawjaz chart: one chart of a report alone, on a page just around it or on the template's page.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct ChartCommandTests {
    static let gallery = TestSupport.chartFixtures.appendingPathComponent("charts-ar.yaml").path

    /// The size of a PDF's first page in points, as pdfinfo reports it.
    static func pageSize(_ pdf: URL) throws -> (width: Double, height: Double) {
        let info = try TestSupport.run("pdfinfo", [pdf.path]).output
        guard let line = info.split(separator: "\n").first(where: { $0.hasPrefix("Page size:") }) else { throw TestFailure("no page size") }
        let numbers = line.split(separator: " ").compactMap { Double($0) }
        guard numbers.count >= 2 else { throw TestFailure("page size \(line)") }
        return (numbers[0], numbers[1])
    }

    @Test func aChartAloneOnAPageAroundIt() throws {
        let pdf = try TestSupport.temporaryFolder().appendingPathComponent("bars.pdf")
        let result = try TestSupport.run(CommandLineTests.command, ["chart", Self.gallery, "--index", "1", "-o", pdf.path])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == pdf.path + "\n")
        let renderer = try TestSupport.renderer()
        let chart = try #require(try TestSupport.compiledCharts(URL(fileURLWithPath: Self.gallery), renderer: renderer).charts.first)
        let size = try Self.pageSize(pdf)
        #expect(abs(size.width - (chart.frame.size.width + 2 * Typesetter.chartMargin)) < 0.01)
        #expect(abs(size.height - (chart.frame.size.height + 2 * Typesetter.chartMargin)) < 0.01)
        // The bars read back from the page are the chart's, moved by the margin.
        let blue = try #require(renderer.bind(try renderer.load(reportAt: URL(fileURLWithPath: Self.gallery)).report).template.palette.series.first)
        let bars = try TestSupport.filledRectangles(pdf).filter { $0.isFilled(with: blue) }.map(\.rect).sorted { $0.minX > $1.minX }
        let marks = chart.marks.sorted { $0.category < $1.category }
        #expect(bars.count == marks.count)
        for (bar, mark) in zip(bars, marks) {
            #expect(abs(bar.minX - mark.bounds.minX - Typesetter.chartMargin) < 0.01 && abs(bar.height - mark.length) < 0.01)
        }
        #expect(try TestSupport.qpdfProblems(pdf) == nil)
    }

    @Test func pngAndSVGAreWrittenUnderTheNameGiven() throws {
        let folder = try TestSupport.temporaryFolder()
        for name in ["donut.png", "timeline.svg"] {
            let output = folder.appendingPathComponent(name)
            let result = try TestSupport.run(CommandLineTests.command, ["chart", Self.gallery, "--index", name == "donut.png" ? "9" : "11",
                                                                        "-o", output.path, "--dpi", "72"])
            #expect(result.status == 0, "\(result.error)")
            #expect(FileManager.default.fileExists(atPath: output.path))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["donut.png", "timeline.svg"])
    }

    @Test func onTheTemplatesPageTheChartSitsAtItsMargins() throws {
        let pdf = try TestSupport.temporaryFolder().appendingPathComponent("a4.pdf")
        let result = try TestSupport.run(CommandLineTests.command, ["chart", Self.gallery, "--index", "2", "--page", "template", "-o", pdf.path])
        #expect(result.status == 0, "\(result.error)")
        let size = try Self.pageSize(pdf)
        #expect(abs(size.width - 595.28) < 0.01 && abs(size.height - 841.89) < 0.01)
    }

    @Test func aChartThatDoesNotExistIsBadInput() throws {
        let output = try TestSupport.temporaryFolder().appendingPathComponent("none.pdf")
        let result = try TestSupport.run(CommandLineTests.command, ["chart", Self.gallery, "--index", "99", "-o", output.path])
        #expect(result.status == 2)
        #expect(result.error.contains("there is no chart 99: the report has 15 charts, numbered from 1"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
