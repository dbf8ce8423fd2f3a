// Helpers for chart tests: the chart fixtures, compiled charts, random activity logs, and the filled
// rectangles of a PDF page read back from its content stream (through qpdf).
import Foundation
import Mawjaz

/// A rectangle filled on a PDF page: where it is, in points from the page's top-left corner, and its colour.
package struct FilledRectangle: Sendable {
    package var rect: Rect
    package var color: Color

    /// Whether the fill is `other`, within the precision a PDF writes colours with.
    package func isFilled(with other: Color) -> Bool {
        abs(color.red - other.red) < 0.003 && abs(color.green - other.green) < 0.003 && abs(color.blue - other.blue) < 0.003
    }
}

/// A straight line stroked on a PDF page, in points from the page's top-left corner.
package struct StrokedLine: Sendable {
    package var from: Point
    package var to: Point
    package var color: Color
    package var width: Double

    /// Whether the stroke is `other`, within the precision a PDF writes colours with.
    package func isStroked(with other: Color) -> Bool {
        abs(color.red - other.red) < 0.003 && abs(color.green - other.green) < 0.003 && abs(color.blue - other.blue) < 0.003
    }
}

extension TestSupport {
    /// The folder of the chart gallery reports and their logs.
    package static var chartFixtures: URL { root.appendingPathComponent("Tests/MawjazTests/Fixtures/charts") }

    /// A report bound, and every chart of it compiled at the width it has in the document.
    package static func compiledCharts(_ report: URL, renderer: BriefingRenderer? = nil) throws -> (document: Document, charts: [CompiledChart]) {
        let renderer = try renderer ?? self.renderer()
        let document = try renderer.bind(try renderer.load(reportAt: report).report)
        return (document, try Typesetter(engine: renderer.engine).charts(of: document))
    }

    /// A number written in either numeral system ("١٬٢٥٠", "٤٥٪", "1,250"), or nil.
    package static func number(_ text: String) -> Double? {
        let ascii = Digits.toASCII(text).filter { !",\u{066C}%\u{066A}".contains($0) }
        return Double(ascii)
    }

    // MARK: - Scales read from the axis

    /// Points per unit along a compiled chart's value axis, measured from what the axis draws — the zero line, the
    /// gridlines and the numbers of the tick labels — and never from the marks: the distance from the zero line to
    /// each gridline over its tick's value, which must agree for every tick. `vertical` for a chart whose values run
    /// up the page (bars, areas), else across it (horizontal bars).
    package static func valueScale(_ chart: CompiledChart, palette: Palette, vertical: Bool) throws -> Double {
        func lines(_ color: Color, width: Double) -> [Double] {
            chart.frame.shapes.compactMap { placed in
                guard case .line(let from, let to) = placed.shape.geometry, let stroke = placed.shape.stroke,
                      stroke.color == color, abs(stroke.width - width) < 1e-9 else { return nil }
                if vertical, abs(from.y - to.y) < 1e-9 { return placed.origin.y + from.y }
                if !vertical, abs(from.x - to.x) < 1e-9 { return placed.origin.x + from.x }
                return nil
            }
        }
        let zeros = lines(palette.muted, width: 0.8)
        guard zeros.count == 1, let zero = zeros.first else { throw TestFailure("\(zeros.count) zero lines") }
        let grid = lines(palette.rule, width: 0.4).map { abs($0 - zero) }.sorted()
        let ticks = chart.labels.filter { $0.role == .tick }.compactMap { number($0.text) }.filter { $0 != 0 }.map(abs).sorted()
        guard !grid.isEmpty, grid.count == ticks.count else { throw TestFailure("\(grid.count) gridlines for \(ticks.count) ticks") }
        let scales = zip(grid, ticks).map { $0 / $1 }
        guard let first = scales.first, scales.allSatisfy({ abs($0 - first) < 1e-6 * first }) else {
            throw TestFailure("the gridlines do not stand evenly for their ticks: \(scales)")
        }
        return first
    }

    /// The filled rectangles of a compiled chart inside its plot (legend swatches left out) in any of `colors`, in
    /// the chart's frame.
    package static func bars(_ chart: CompiledChart, colors: [Color]) -> [Rect] {
        chart.frame.shapes.compactMap { placed in
            guard case .rect(let rect) = placed.shape.geometry, let fill = placed.shape.fill, colors.contains(fill) else { return nil }
            let bar = rect.offsetBy(dx: placed.origin.x, dy: placed.origin.y)
            return chart.plot.contains(bar, tolerance: 0.01) ? bar : nil
        }
    }

    // MARK: - Random logs

    /// A log of activities no test has seen: `seed` picks, for each year of `years`, a count from 0 to
    /// `maximum` and a category for each activity. Returns the CSV text and the counts by year and category.
    package static func randomLog(seed: UInt64, years: ClosedRange<Int>, categories: [String], maximum: Int = 40)
        -> (csv: String, counts: [Int: [String: Int]]) {
        var generator = SplitMix64(seed: seed)
        var csv = "date,category,title\n"
        var counts: [Int: [String: Int]] = [:]
        for year in years {
            let count = Int(generator.next() % UInt64(maximum + 1))
            for number in 0..<count {
                let category = categories[Int(generator.next() % UInt64(categories.count))]
                let month = 1 + Int(generator.next() % 12), day = 1 + Int(generator.next() % 28)
                csv += String(format: "%04d-%02d-%02d", year, month, day) + ",\(category),activity \(number)\n"
                counts[year, default: [:]][category, default: 0] += 1
            }
        }
        return (csv, counts)
    }

    // MARK: - Rectangles out of a PDF

    /// Every rectangle filled (`re` then `f` or `f*`) on page `page` (from 1) of a PDF, with the fill colour
    /// (`rg`) and the transformation (`cm`, `q`, `Q`) in force, in points from the page's top-left corner.
    package static func filledRectangles(_ pdf: URL, page: Int = 1) throws -> [FilledRectangle] {
        try painted(pdf, page: page).rectangles
    }

    /// Every straight line stroked (`m`, `l`, then `S`) on page `page` (from 1) of a PDF, with the stroke colour (`RG`)
    /// and width (`w`), in points from the page's top-left corner.
    package static func strokedLines(_ pdf: URL, page: Int = 1) throws -> [StrokedLine] {
        try painted(pdf, page: page).lines
    }

    /// The filled rectangles and stroked lines of a page, read from its content streams through qpdf's QDF form.
    private static func painted(_ pdf: URL, page: Int) throws -> (rectangles: [FilledRectangle], lines: [StrokedLine]) {
        let qdf = try temporaryFolder().appendingPathComponent("qdf.pdf")
        let result = try run("qpdf", ["--qdf", "--object-streams=disable", pdf.path, qdf.path])
        guard result.status == 0 else { throw TestFailure("qpdf --qdf failed: \(result.error)") }
        let bytes = [UInt8](try Data(contentsOf: qdf))
        let height = try pageHeight(bytes, page: page)
        var rectangles: [FilledRectangle] = [], lines: [StrokedLine] = []
        for stream in contentStreams(bytes, page: page) {
            let found = paths(in: stream, pageHeight: height)
            rectangles += found.rectangles
            lines += found.lines
        }
        return (rectangles, lines)
    }

    /// The words pdftotext finds on page `page` (from 1), with their boxes in points from the page's top-left corner.
    package static func words(_ pdf: URL, page: Int = 1) throws -> [(text: String, box: Rect)] {
        let result = try run("pdftotext", ["-bbox", "-f", "\(page)", "-l", "\(page)", "-enc", "UTF-8", pdf.path, "-"])
        guard result.status == 0 else { throw TestFailure("pdftotext -bbox failed: \(result.error)") }
        return result.output.split(separator: "\n").compactMap { line -> (String, Rect)? in
            guard line.contains("<word "), let open = line.firstIndex(of: ">"), let close = line.range(of: "</word>") else { return nil }
            func attribute(_ name: String) -> Double? {
                guard let start = line.range(of: "\(name)=\"") else { return nil }
                return Double(line[start.upperBound...].prefix { $0 != "\"" })
            }
            guard let x0 = attribute("xMin"), let y0 = attribute("yMin"), let x1 = attribute("xMax"), let y1 = attribute("yMax") else { return nil }
            return (String(line[line.index(after: open)..<close.lowerBound]), Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0))
        }
    }

    /// The height of a page's MediaBox in a QDF file.
    private static func pageHeight(_ bytes: [UInt8], page: Int) throws -> Double {
        guard let start = find(Array("%% Page \(page)\n".utf8), in: bytes, from: 0),
              let box = find(Array("/MediaBox [".utf8), in: bytes, from: start),
              let close = find(Array("]".utf8), in: bytes, from: box) else { throw TestFailure("no MediaBox for page \(page)") }
        let numbers = String(decoding: bytes[(box + 11)..<close], as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        guard numbers.count == 4 else { throw TestFailure("a MediaBox of \(numbers.count) numbers") }
        return numbers[3] - numbers[1]
    }

    /// The bytes of every content stream QDF marks as belonging to `page`.
    private static func contentStreams(_ bytes: [UInt8], page: Int) -> [ArraySlice<UInt8>] {
        var streams: [ArraySlice<UInt8>] = []
        var position = 0
        while let marker = find(Array("%% Contents for page \(page)\n".utf8), in: bytes, from: position),
              let open = find(Array("stream\n".utf8), in: bytes, from: marker),
              let close = find(Array("endstream".utf8), in: bytes, from: open) {
            streams.append(bytes[(open + 7)..<close])
            position = close
        }
        return streams
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0] && Array(bytes[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }

    /// Runs the operators of a content stream that fill rectangles and stroke straight lines, tracking the colours,
    /// the line width and the transformation (`cm`, `q`, `Q`).
    private static func paths(in stream: ArraySlice<UInt8>, pageHeight: Double) -> (rectangles: [FilledRectangle], lines: [StrokedLine]) {
        typealias Matrix = (a: Double, b: Double, c: Double, d: Double, e: Double, f: Double)
        typealias State = (matrix: Matrix, fill: Color, stroke: Color, width: Double)
        var state: State = ((1, 0, 0, 1, 0, 0), .black, .black, 1)
        var saved: [State] = []
        var operands: [Double] = []
        var rectangles: [Rect] = [], segments: [(Point, Point)] = [], current: Point?
        var pathIsRectangles = true
        var found: (rectangles: [FilledRectangle], lines: [StrokedLine]) = ([], [])
        func apply(_ x: Double, _ y: Double) -> Point {
            let m = state.matrix
            return Point(x: m.a * x + m.c * y + m.e, y: pageHeight - (m.b * x + m.d * y + m.f))
        }
        func colour(_ count: Int) -> Color {
            count == 1 ? Color(red: operands[operands.count - 1], green: operands[operands.count - 1], blue: operands[operands.count - 1])
                : Color(red: operands[operands.count - 3], green: operands[operands.count - 2], blue: operands[operands.count - 1])
        }
        for token in tokens(stream) {
            if let number = Double(token) { operands.append(number); continue }
            switch token {
            case "q": saved.append(state)
            case "Q": if let last = saved.popLast() { state = last }
            case "cm" where operands.count >= 6:
                let m = Array(operands.suffix(6)), o = state.matrix
                state.matrix = (m[0] * o.a + m[1] * o.c, m[0] * o.b + m[1] * o.d, m[2] * o.a + m[3] * o.c, m[2] * o.b + m[3] * o.d,
                                m[4] * o.a + m[5] * o.c + o.e, m[4] * o.b + m[5] * o.d + o.f)
            case "rg" where operands.count >= 3: state.fill = colour(3)
            case "g" where operands.count >= 1: state.fill = colour(1)
            case "RG" where operands.count >= 3: state.stroke = colour(3)
            case "G" where operands.count >= 1: state.stroke = colour(1)
            case "w" where operands.count >= 1: state.width = operands[operands.count - 1]
            case "re" where operands.count >= 4:
                let r = Array(operands.suffix(4))
                rectangles.append(Rect.enclosing([apply(r[0], r[1]), apply(r[0] + r[2], r[1] + r[3])]))
            case "m" where operands.count >= 2:
                current = apply(operands[operands.count - 2], operands[operands.count - 1])
                pathIsRectangles = false
            case "l" where operands.count >= 2:
                let point = apply(operands[operands.count - 2], operands[operands.count - 1])
                if let current { segments.append((current, point)) }
                current = point
                pathIsRectangles = false
            case "c", "v", "y", "h":
                pathIsRectangles = false
            case "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "n":
                if pathIsRectangles, ["f", "F", "f*", "B", "B*", "b", "b*"].contains(token) {
                    found.rectangles += rectangles.map { FilledRectangle(rect: $0, color: state.fill) }
                }
                if token == "S" || token == "s" {
                    found.lines += segments.map { StrokedLine(from: $0.0, to: $0.1, color: state.stroke, width: state.width) }
                }
                rectangles = []; segments = []; current = nil
                pathIsRectangles = true
            default: break
            }
            operands = []
        }
        return found
    }

    /// The tokens of a content stream: numbers and operators, with strings, hex strings, names, arrays and
    /// dictionaries read past.
    private static func tokens(_ stream: ArraySlice<UInt8>) -> [String] {
        var tokens: [String] = []
        var index = stream.startIndex
        let delimiters = Set("()<>[]{}/%".utf8)
        while index < stream.endIndex {
            let byte = stream[index]
            switch byte {
            case UInt8(ascii: "("):
                var depth = 0
                repeat {
                    if stream[index] == UInt8(ascii: "\\") { index += 1 }
                    else if stream[index] == UInt8(ascii: "(") { depth += 1 }
                    else if stream[index] == UInt8(ascii: ")") { depth -= 1 }
                    index += 1
                } while depth > 0 && index < stream.endIndex
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                if byte == UInt8(ascii: "<"), index + 1 < stream.endIndex, stream[index + 1] != UInt8(ascii: "<") {
                    while index < stream.endIndex && stream[index] != UInt8(ascii: ">") { index += 1 }
                }
                index += 1
            case UInt8(ascii: "%"):
                while index < stream.endIndex && stream[index] != 10 { index += 1 }
            default:
                if byte <= 32 { index += 1; continue }
                let start = index
                index += 1
                while index < stream.endIndex && stream[index] > 32 && !delimiters.contains(stream[index]) { index += 1 }
                if byte != UInt8(ascii: "/") { tokens.append(String(decoding: stream[start..<index], as: UTF8.self)) }
            }
        }
        return tokens
    }
}

/// A small seeded generator, so a random log is the same on every run of its seed.
package struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    package init(seed: UInt64) { state = seed }
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
