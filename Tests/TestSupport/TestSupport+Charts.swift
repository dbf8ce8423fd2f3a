// Helpers for chart tests: the chart fixtures, compiled charts, random activity logs, and the filled
// rectangles of a PDF page read back from its content stream (through qpdf).
import Foundation
import Mawjaz

/// A rectangle filled on a PDF page: where it is, in points from the page's top-left corner, and its colour.
public struct FilledRectangle: Sendable {
    public var rect: Rect
    public var color: Color

    /// Whether the fill is `other`, within the precision a PDF writes colours with.
    public func isFilled(with other: Color) -> Bool {
        abs(color.red - other.red) < 0.003 && abs(color.green - other.green) < 0.003 && abs(color.blue - other.blue) < 0.003
    }
}

extension TestSupport {
    /// The folder of the chart gallery reports and their logs.
    public static var chartFixtures: URL { root.appendingPathComponent("Tests/MawjazTests/Fixtures/charts") }

    /// A report bound, and every chart of it compiled at the width it has in the document.
    public static func compiledCharts(_ report: URL, renderer: BriefingRenderer? = nil) throws -> (document: Document, charts: [CompiledChart]) {
        let renderer = try renderer ?? self.renderer()
        let document = try renderer.bind(try renderer.load(reportAt: report).report)
        return (document, try Typesetter(engine: renderer.engine).charts(of: document))
    }

    /// A number written in either numeral system ("١٬٢٥٠", "٤٥٪", "1,250"), or nil.
    public static func number(_ text: String) -> Double? {
        let ascii = Digits.toASCII(text).filter { !",\u{066C}%\u{066A}".contains($0) }
        return Double(ascii)
    }

    // MARK: - Random logs

    /// A log of activities no test has seen: `seed` picks, for each year of `years`, a count from 0 to
    /// `maximum` and a category for each activity. Returns the CSV text and the counts by year and category.
    public static func randomLog(seed: UInt64, years: ClosedRange<Int>, categories: [String], maximum: Int = 40)
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
    public static func filledRectangles(_ pdf: URL, page: Int = 1) throws -> [FilledRectangle] {
        let qdf = try temporaryFolder().appendingPathComponent("qdf.pdf")
        let result = try run("qpdf", ["--qdf", "--object-streams=disable", pdf.path, qdf.path])
        guard result.status == 0 else { throw TestFailure("qpdf --qdf failed: \(result.error)") }
        let bytes = [UInt8](try Data(contentsOf: qdf))
        let height = try pageHeight(bytes, page: page)
        var rectangles: [FilledRectangle] = []
        for stream in contentStreams(bytes, page: page) {
            rectangles += rectanglesFilled(in: stream, pageHeight: height)
        }
        return rectangles
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

    /// Runs the operators of a content stream that fill rectangles, tracking the colour and transformation.
    private static func rectanglesFilled(in stream: ArraySlice<UInt8>, pageHeight: Double) -> [FilledRectangle] {
        typealias Matrix = (a: Double, b: Double, c: Double, d: Double, e: Double, f: Double)
        var matrix: Matrix = (1, 0, 0, 1, 0, 0)
        var saved: [(Matrix, Color)] = []
        var color = Color.black
        var operands: [Double] = []
        var path: [Rect] = []
        var pathIsRectangles = true
        var found: [FilledRectangle] = []
        func apply(_ x: Double, _ y: Double) -> Point {
            Point(x: matrix.a * x + matrix.c * y + matrix.e, y: matrix.b * x + matrix.d * y + matrix.f)
        }
        for token in tokens(stream) {
            if let number = Double(token) { operands.append(number); continue }
            switch token {
            case "q": saved.append((matrix, color))
            case "Q": if let last = saved.popLast() { (matrix, color) = last }
            case "cm" where operands.count >= 6:
                let m = Array(operands.suffix(6))
                matrix = (m[0] * matrix.a + m[1] * matrix.c, m[0] * matrix.b + m[1] * matrix.d,
                          m[2] * matrix.a + m[3] * matrix.c, m[2] * matrix.b + m[3] * matrix.d,
                          m[4] * matrix.a + m[5] * matrix.c + matrix.e, m[4] * matrix.b + m[5] * matrix.d + matrix.f)
            case "rg" where operands.count >= 3:
                let c = Array(operands.suffix(3))
                color = Color(red: c[0], green: c[1], blue: c[2])
            case "g" where operands.count >= 1:
                color = Color(red: operands[operands.count - 1], green: operands[operands.count - 1], blue: operands[operands.count - 1])
            case "re" where operands.count >= 4:
                let r = Array(operands.suffix(4))
                let corners = [apply(r[0], r[1]), apply(r[0] + r[2], r[1] + r[3])]
                let box = Rect.enclosing(corners)
                path.append(Rect(x: box.minX, y: pageHeight - box.maxY, width: box.width, height: box.height))
            case "m", "l", "c", "v", "y", "h":
                pathIsRectangles = false
            case "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "n":
                if pathIsRectangles, ["f", "F", "f*", "B", "B*", "b", "b*"].contains(token) {
                    found += path.map { FilledRectangle(rect: $0, color: color) }
                }
                path = []
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
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
