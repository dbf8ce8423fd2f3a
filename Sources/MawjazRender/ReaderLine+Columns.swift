// The lines of a `columns:` block handed to poppler a column at a time (see `ReaderLine.Placement`).

extension ReaderLine {
    /// Where the pieces of a line set in a column are handed to poppler. poppler (`TextOutputDev`, pdftotext 22.12) joins
    /// lines into a block only when their baselines are at most 1.5 times their font size apart, and Mawjaz's lines are
    /// 1.7 font sizes apart: each line of a column was a block of its own, and two columns of such blocks, aligned edge
    /// to edge and baseline to baseline, passed poppler's table test and were read row by row, the lines of both columns
    /// interleaved. So every line of a column is hidden from poppler and its pieces are handed on invisible spaces at a
    /// font size (`size`) the column's lines are `lineRatio` of apart: poppler joins the column into one block. Each
    /// piece stands on its line's own baseline, a line of several pieces pushing the next ones down (`pieceRatio` of the
    /// size apart, more than half of it, so that poppler keeps them lines of their own) and a wider gap (between
    /// paragraphs) narrowed to `lineRatio`, so that the column stays one block; stretched (`Tz`) over the line's width,
    /// so that a selection drawn over the line selects its text and is highlighted over it. Each column after the first
    /// stands a tenth of a point (`step`) lower than the one before: of two blocks side by side whose boxes, as poppler
    /// widens them, overlap, poppler reads the higher first (Breuel's first rule), and at one height it falls back on
    /// their order on the page, left to right, which put an Arabic brief's second column first (measured by editing the
    /// corpus's PDF).
    struct Placement: Equatable {
        /// The carriers' font size, their left end and width, and each piece's baseline, in the page's coordinates
        /// (points, from the page's top left corner, as cairo's text matrices have them).
        var size: Double
        var x: Double
        var width: Double
        var baselines: [Double]

        static let lineRatio = 1.4, pieceRatio = 0.6, step = 0.1

        /// The horizontal scaling (`Tz`, in percent) that stretches a space `spaceAdvance` ems wide over `width`, on a
        /// line of its own; nothing when the advance is not known.
        func scaling(spaceAdvance: Double?) -> String {
            guard let spaceAdvance, spaceAdvance > 0, size > 0, width > 0 else { return "" }
            return "\(Self.number(100 * width / (spaceAdvance * size))) Tz\n"
        }

        /// The text matrix that sets piece `piece` on its baseline, on a line of its own.
        func matrix(piece: Int) -> String {
            let y = baselines.isEmpty ? 0 : baselines[min(piece, baselines.count - 1)]
            return "\(Self.number(size)) 0 0 \(Self.number(-size)) \(Self.number(x)) \(Self.number(y)) Tm\n"
        }

        /// `value` as a PDF number: at most four decimals, no trailing zeros, no exponent.
        static func number(_ value: Double) -> String {
            let scaled = Int((abs(value) * 10_000).rounded())
            let sign = value < 0 && scaled > 0 ? "-" : "", whole = scaled / 10_000
            var fraction = scaled % 10_000
            guard fraction > 0 else { return "\(sign)\(whole)" }
            var digits = 4
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let text = String(fraction)
            return "\(sign)\(whole)." + String(repeating: "0", count: digits - text.count) + text
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

    /// The placements of one column's lines on a page (`lines`, in the order drawn, each with how many pieces it is
    /// handed in): the carriers' size from the smallest gap between two of its baselines more than half a font size
    /// (a paragraph's line pitch), each piece's baseline as `Placement` says; a line in one piece on the baseline of the
    /// line before it, itself in one piece, on that line's.
    static func placements(of lines: [(line: ColumnLine, pieces: Int)]) -> [Placement] {
        guard let first = lines.first?.line else { return [] }
        var pitch = Double.infinity
        for (above, below) in zip(lines, lines.dropFirst()) {
            let gap = below.line.y - above.line.y
            if gap > above.line.fontSize / 2 { pitch = min(pitch, gap) }
        }
        let size = pitch.isFinite ? pitch / Placement.lineRatio : first.fontSize
        var previous: Double?, previousLine: (own: Double, baselines: [Double])?
        return lines.map { entry in
            let own = entry.line.y + Double(entry.line.column) * Placement.step
            var baselines: [Double] = []
            // A line on the baseline of the one before it, in one piece as it is (a list item's marker and its first
            // line), shares its carriers' baseline: poppler reads the two as one line, in order.
            if let before = previousLine, abs(before.own - own) < 0.01, before.baselines.count == 1, entry.pieces <= 1 {
                previousLine = (own, before.baselines)
                return Placement(size: size, x: entry.line.x, width: entry.line.width, baselines: before.baselines)
            }
            for piece in 0..<max(1, entry.pieces) {
                var y = own
                if let previous {
                    y = piece == 0 ? min(max(own, previous + Placement.pieceRatio * size), previous + Placement.lineRatio * size)
                        : previous + Placement.pieceRatio * size
                }
                baselines.append(y)
                previous = y
            }
            previousLine = (own, baselines)
            return Placement(size: size, x: entry.line.x, width: entry.line.width, baselines: baselines)
        }
    }
}
