// The lines of a `columns:` block handed to poppler a column at a time (see `ReaderLine.Placement`), and where any other
// line is handed to it.
import MawjazFrame

extension ReaderLine {
    /// Where the text of a line set in a column is handed to poppler. poppler (`TextOutputDev`, pdftotext 22.12) joins
    /// lines into a block only when their baselines are at most 1.5 times their font size apart, and Mawjaz's lines are
    /// 1.7 font sizes apart: each line of a column was a block of its own, and two columns of such blocks, aligned edge
    /// to edge and baseline to baseline, passed poppler's table test and were read row by row, the lines of both columns
    /// interleaved. So every line of a column is hidden from poppler and its text is handed on an invisible space at a
    /// font size (`size`) the column's lines are `lineRatio` of apart: poppler joins the column into one block. Each
    /// line's carrier stands on its line's own baseline, at least `carrierRatio` of the size below the one before (more
    /// than half of it, so that poppler keeps them lines of their own), and a wider gap (between paragraphs) narrowed
    /// to `lineRatio`, so that the column stays one block; stretched (`Tz`) over the line's width,
    /// so that a selection drawn over the line selects its text and is highlighted over it. Each column after the first
    /// stands a tenth of a point (`step`) lower than the one before: of two blocks side by side whose boxes, as poppler
    /// widens them, overlap, poppler reads the higher first (Breuel's first rule), and at one height it falls back on
    /// their order on the page, left to right, which put an Arabic brief's second column first (measured by editing the
    /// corpus's PDF).
    struct Placement: Equatable {
        /// The carrier's font size, its left end and width, and its baseline, in the page's coordinates (points, from the
        /// page's top left corner, as cairo's text matrices have them).
        var size: Double
        var x: Double
        var width: Double
        var baseline: Double

        static let lineRatio = 1.4, carrierRatio = 0.6, step = 0.1

        /// Appends the horizontal scaling (`Tz`, in percent) that stretches a space `spaceAdvance` ems wide over `width`,
        /// on a line of its own, to `bytes`; nothing when the advance is not known.
        func writeScaling(spaceAdvance: Double?, to bytes: inout [UInt8]) {
            guard let spaceAdvance, spaceAdvance > 0, size > 0, width > 0 else { return }
            Self.writeNumber(100 * width / (spaceAdvance * size), to: &bytes)
            bytes.append(contentsOf: " Tz\n".utf8)
        }

        /// Appends the text matrix that sets the carrier on its baseline, on a line of its own, to `bytes`. Written digit
        /// by digit: made by string interpolation, a line's matrix cost some 8,000 instructions.
        func writeMatrix(to bytes: inout [UInt8]) {
            Self.writeNumber(size, to: &bytes)
            bytes.append(contentsOf: " 0 0 ".utf8)
            Self.writeNumber(-size, to: &bytes)
            bytes.append(UInt8(ascii: " "))
            Self.writeNumber(x, to: &bytes)
            bytes.append(UInt8(ascii: " "))
            Self.writeNumber(baseline, to: &bytes)
            bytes.append(contentsOf: " Tm\n".utf8)
        }

        /// `value` as a PDF number: at most four decimals, no trailing zeros, no exponent.
        static func number(_ value: Double) -> String {
            var bytes: [UInt8] = []
            writeNumber(value, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Appends `value` as `number(_:)` writes it to `bytes`.
        static func writeNumber(_ value: Double, to bytes: inout [UInt8]) {
            let scaled = Int((abs(value) * 10_000).rounded())
            if value < 0 && scaled > 0 { bytes.append(UInt8(ascii: "-")) }
            writeDigits(scaled / 10_000, to: &bytes)
            var fraction = scaled % 10_000
            guard fraction > 0 else { return }
            var digits = 4
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            bytes.append(UInt8(ascii: "."))
            // The fraction's digits, zeros before them to make `digits`.
            var scale = 1
            for _ in 1..<digits { scale *= 10 }
            while scale > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(fraction / scale % 10))
                scale /= 10
            }
        }

        /// Appends the decimal digits of `value` (not negative) to `bytes`.
        private static func writeDigits(_ value: Int, to bytes: inout [UInt8]) {
            var scale = 1
            while value / scale >= 10 { scale *= 10 }
            while scale > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / scale % 10))
                scale /= 10
            }
        }
    }

    /// A line of a column as the painter drew it: its column block's run of lines on the page (`group`), which column it
    /// is (counted from the start side), the left end of its baseline, its width and its largest font size.
    struct ColumnLine: Equatable {
        var group: Int
        var column: Int
        var x: Double
        var y: Double
        var width: Double
        var fontSize: Double
    }

    /// The placements of one column's lines on a page (`lines`, in the order drawn): the carriers' size from the
    /// smallest gap between two of its baselines more than half a font size (a paragraph's line pitch), each carrier's
    /// baseline as `Placement` says; a line on the baseline of the line before it on that line's.
    static func placements(of lines: [ColumnLine]) -> [Placement] {
        guard let first = lines.first else { return [] }
        var pitch = Double.infinity
        for (above, below) in zip(lines, lines.dropFirst()) {
            let gap = below.y - above.y
            if gap > above.fontSize / 2 { pitch = min(pitch, gap) }
        }
        let size = pitch.isFinite ? pitch / Placement.lineRatio : first.fontSize
        var previous: (own: Double, baseline: Double)?
        return lines.map { line in
            let own = line.y + Double(line.column) * Placement.step
            var baseline = own
            if let previous {
                // A line on the baseline of the one before it (a list item's marker and its first line) shares its
                // carrier's baseline: poppler reads the two as one line, in order.
                baseline = abs(previous.own - own) < 0.01 ? previous.baseline
                    : min(max(own, previous.baseline + Placement.carrierRatio * size), previous.baseline + Placement.lineRatio * size)
            }
            previous = (own, baseline)
            return Placement(size: size, x: line.x, width: line.width, baseline: baseline)
        }
    }
}

extension ReaderLine.Placement {
    /// A line's own place, outside a column: its largest font size, the left end of its baseline (`origin`) and its
    /// width, so that poppler takes the carrier for the line drawn, and joins it into blocks and reads it among
    /// the lines around it as it would the line (a table's cells row by row). Carriers a fifth of the line's font
    /// size, at its start, were read apart: a column of one-line dates in a table's cells was read as a block of its
    /// own, before the rows' other cells.
    init(of line: TextLine, at origin: Point) {
        self.init(size: line.runs.reduce(0) { max($0, $1.font.size) }, x: origin.x, width: line.width, baseline: origin.y)
    }

    /// The place of the lines on one baseline (a table row's cells) handed as one line: from the leftmost one's left
    /// end to the rightmost one's right end, at the largest size.
    init(spanning placements: [ReaderLine.Placement]) {
        let left = placements.map(\.x).min() ?? 0, right = placements.map { $0.x + $0.width }.max() ?? 0
        self.init(size: placements.map(\.size).max() ?? 0, x: left, width: right - left, baseline: placements.first?.baseline ?? 0)
    }
}
