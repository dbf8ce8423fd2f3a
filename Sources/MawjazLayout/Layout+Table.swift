// Tables: column widths from content, cells set in the table's direction, rows that break between pages
// with the header row repeated.
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazLanguage
import MawjazText

extension LayoutContext {
    /// Padding inside a cell, across and down.
    private var cellPadding: (across: Double, down: Double) { (6, 4) }

    func tableItems(_ table: Table) throws(LayoutError) -> [FlowItem] {
        let origin = BlockOrigin(kind: "table", location: table.source)
        let (widths, fixed) = try columnWidths(table, origin: origin)
        let edges = Self.columnEdges(widths, total: columnWidth, direction: table.direction)
        let wrapped = try setFixedCells(fixed, table: table, widths: widths, edges: edges, origin: origin)
        var items: [FlowItem] = []
        if let title = table.title {
            items.append(.box(try textBox(title, role: .chartTitle, direction: table.direction, tag: .caption, below: 3, origin: origin)))
        }
        let headerCells = table.columns.map { Table.Cell(text: [Inline($0.title)], span: 1, isFigure: false) }
        let headerPieces = try rowBoxes(headerCells, table: table, edges: edges, isHeader: true, stripe: false,
                                        pieceHeight: pageTextHeight / 3, shaped: wrapped[nil] ?? [:], origin: origin)
        let header = headerPieces.count == 1 ? headerPieces[0] : nil
        items += headerPieces.map { FlowItem.box($0) }
        // A row taller than the room a page leaves under the header is cut between its lines.
        let room = pageTextHeight - (header?.height ?? 0)
        var rows: [[FlowBox]] = []
        for (index, row) in table.rows.enumerated() {
            rows.append(try rowBoxes(row, table: table, edges: edges, isHeader: false, stripe: table.zebra && index % 2 == 1,
                                     pieceHeight: room, shaped: wrapped[index] ?? [:], origin: origin))
            try spend(rows[rows.count - 1])
        }
        let totalHeight = rows.joined().reduce(header?.height ?? 0) { $0 + $1.height }
        let keepTogether = (rows.count <= 8 || totalHeight < 200) && totalHeight < pageTextHeight
        // The header repeated on a new page is furniture: the structure holds it once.
        let carryOver = header.map { [FlowBox(frame: $0.frame.artifact(), origin: origin)] } ?? []
        for (index, pieces) in rows.enumerated() {
            for (part, piece) in pieces.enumerated() {
                // Between rows (unless the table keeps together), and inside a sliced row with two slices kept on
                // each side of a break, as a paragraph keeps two lines.
                let betweenRows = part == 0 && index > 0 && !keepTogether
                let insideRow = part >= 2 && pieces.count - part >= 2
                if betweenRows || insideRow { items.append(.breakpoint(carryOver: carryOver)) }
                items.append(.box(piece))
            }
        }
        items = items.tagged(.table)
        if let caption = table.caption {
            items.append(.box(try textBox(caption, role: .caption, direction: table.direction, tag: .paragraph, above: 3, origin: origin)))
        }
        return items
    }

    /// The physical left and right edge of each column: the first column on the start side.
    static func columnEdges(_ widths: [Double], total: Double, direction: Direction) -> [(left: Double, right: Double)] {
        var edges: [(left: Double, right: Double)] = []
        var offset = 0.0
        for width in widths {
            if direction.isRightToLeft { edges.append((total - offset - width, total - offset)) } else { edges.append((offset, offset + width)) }
            offset += width
        }
        return edges
    }

    /// A cell that sits in one column, with its text as spans; `row` is nil in the header.
    struct MeasuredCell {
        var cell: Table.Cell
        var spans: [TextSpan]
        var row: Int?
        var column: Int
    }

    /// Column widths: fixed and percentage columns first, then automatic columns between their longest word
    /// and their natural width, filling the column. Also the cells of fixed columns, whose text is set at the
    /// column's width once its edges are known (`setFixedCells`): measured on one line only to report a table too wide.
    func columnWidths(_ table: Table, origin: BlockOrigin) throws(LayoutError) -> (widths: [Double], fixed: [MeasuredCell]) {
        let count = table.columns.count
        let padding = 2 * cellPadding.across
        var widths = [Double](repeating: 0, count: count)
        var remaining = columnWidth
        var automatic: [Int] = []
        for (index, column) in table.columns.enumerated() {
            switch column.width {
            case .points(let points): widths[index] = points; remaining -= points
            case .percent(let share): widths[index] = columnWidth * share / 100; remaining -= widths[index]
            case .auto: automatic.append(index)
            }
        }
        var natural = [Double](repeating: 0, count: count)
        var cells: [MeasuredCell] = [], fixed: [MeasuredCell] = []
        func measure(_ cell: Table.Cell, row: Int?, column: Int, role: TextRole) throws(LayoutError) {
            guard cell.span == 1 else { return }
            let measured = MeasuredCell(cell: cell, spans: spans(cell.text, role: role), row: row, column: column)
            guard automatic.contains(column) else { fixed.append(measured); return }
            natural[column] = max(natural[column], try naturalWidth(measured.spans, role: role, origin: origin) + padding)
            cells.append(measured)
        }
        for (index, column) in table.columns.enumerated() {
            try measure(Table.Cell(text: [Inline(column.title)], span: 1, isFigure: false), row: nil, column: index, role: .tableHeader)
        }
        for (rowIndex, row) in table.rows.enumerated() {
            var index = 0
            for cell in row {
                try measure(cell, row: rowIndex, column: index, role: .table)
                index += cell.span
            }
        }
        let naturalSum = automatic.reduce(0) { $0 + natural[$1] }
        // A cell's longest word is never wider than the cell on one line, and measuring it (Pango breaking the text
        // at every opportunity) costs more than the rest of the table: it is measured only where it can decide.
        // Automatic columns whose text all fits on one line need no longest words.
        var minimum = [Double](repeating: 0, count: count)
        if naturalSum > remaining {
            for cell in cells {
                minimum[cell.column] = max(minimum[cell.column], try minimumWidth(cell.spans, origin: origin) + padding)
            }
        }
        let minimumSum = automatic.reduce(0) { $0 + minimum[$1] }
        if minimumSum > remaining + 0.01 {
            // A fixed column too narrow is reported first: its cells wider than it on one line have their longest word
            // measured.
            var overfull: [MeasuredCell] = []
            for cell in fixed {
                let role: TextRole = cell.row == nil ? .tableHeader : .table
                if try naturalWidth(cell.spans, role: role, origin: origin) + padding > widths[cell.column] + 0.01 { overfull.append(cell) }
            }
            try checkFixedColumns(overfull, table: table, widths: widths, origin: origin)
            try overflow(origin, .tableTooWide(needs: columnWidth - remaining + minimumSum, width: columnWidth))
            // Under `overflow: warn`: the automatic columns shrink in proportion, and their words stick out.
            for index in automatic { widths[index] = max(0, remaining) * minimum[index] / max(minimumSum, 1) }
            return (widths, [])
        }
        if automatic.isEmpty { return (widths, fixed) }
        if naturalSum <= remaining {
            // Everything fits on one line: share out the extra room in proportion to the natural widths.
            for index in automatic { widths[index] = natural[index] * remaining / max(naturalSum, 1) }
            return (widths, fixed)
        }
        // Columns whose content fits in a fair share keep their natural width; the others share what is left,
        // each between its longest word and its natural width.
        var open = automatic, room = remaining
        while !open.isEmpty {
            let fair = room / Double(open.count)
            let satisfied = open.filter { natural[$0] <= fair }
            if satisfied.isEmpty { break }
            for index in satisfied { widths[index] = natural[index]; room -= natural[index] }
            open.removeAll { satisfied.contains($0) }
        }
        func sum(_ values: [Double], _ columns: [Int]) -> Double { columns.reduce(0) { $0 + values[$1] } }
        if sum(minimum, open) > room {
            // Giving the short columns their natural width starved the others: share out from the start.
            open = automatic
            room = remaining
        }
        let share = (room - sum(minimum, open)) / max(sum(natural, open) - sum(minimum, open), 1)
        for index in open { widths[index] = minimum[index] + (natural[index] - minimum[index]) * share }
        return (widths, fixed)
    }

    /// Checks the longest word of each of `cells` against its fixed column: a column narrower than one is an error
    /// (a warning under `overflow: warn`).
    private func checkFixedColumns(_ cells: [MeasuredCell], table: Table, widths: [Double], origin: BlockOrigin) throws(LayoutError) {
        var minimum = [Double](repeating: 0, count: table.columns.count)
        for cell in cells {
            minimum[cell.column] = max(minimum[cell.column], try minimumWidth(cell.spans, origin: origin) + 2 * cellPadding.across)
        }
        if let column = table.columns.indices.first(where: { widths[$0] + 0.01 < minimum[$0] }) {
            try overflow(origin, .columnTooNarrow(Message.excerpt(table.columns[column].title), width: widths[column], needs: minimum[column]))
        }
    }

    /// Sets the cells of fixed columns at the width their row gives them, by row (nil: the header) and column, each
    /// once: as before, a cell wider on one line than its column is wrapped to it, and one that fits is left to its row,
    /// which moves its line where the alignment puts it (`shape`). A cell set on one line before is not set again unless
    /// it is wider than its column; one that is not is set at its width first, and that setting tells whether it fits
    /// (its one line is the whole text: it is kept as the text set on one line, without a width, would be) or what its
    /// wrapped lines are. Only the cells whose lines still stick out have their longest word measured (Pango breaking
    /// the text at every opportunity costs more than setting it), to find a column too narrow.
    private func setFixedCells(_ cells: [MeasuredCell], table: Table, widths: [Double], edges: [(left: Double, right: Double)],
                               origin: BlockOrigin) throws(LayoutError) -> [Int?: [Int: ShapedParagraph]] {
        let padding = 2 * cellPadding.across
        var wrapped: [Int?: [Int: ShapedParagraph]] = [:]
        var unsure: [MeasuredCell] = []
        for measured in cells {
            let isHeader = measured.row == nil
            let role: TextRole = isHeader ? .tableHeader : .table
            let (direction, alignment) = cellDirection(measured.cell, column: measured.column, table: table, isHeader: isHeader)
            let width = cellTextWidth(column: measured.column, span: 1, edges: edges)
            let paragraph = self.paragraph(measured.spans, role: role, width: width, direction: direction, alignment: alignment)
            let unwrapped = StyledParagraph(spans: measured.spans, direction: self.direction, alignment: .start,
                                            lineHeight: lineHeight(role), width: nil)
            var set: ShapedParagraph?
            let natural: Double?
            if let known = singleLine(unwrapped) {
                natural = known.naturalWidth
            } else {
                try checkStop()
                do { set = try engine.shape(paragraph, tolerating: [.overflow]) } catch { throw failure(origin, error) }
                natural = set.flatMap { $0.lines.count == 1 ? $0.naturalWidth : nil }
            }
            guard let natural, natural + padding <= widths[measured.column] + 0.01 else {
                // Wider than its column on one line, or wrapped by Pango: kept when its lines fit.
                if let shaped = set ?? (try? engine.shape(paragraph, tolerating: [.overflow])), shaped.naturalWidth <= width + 0.01 {
                    wrapped[measured.row, default: [:]][measured.column] = shaped
                } else {
                    unsure.append(measured)
                }
                continue
            }
            // On one line within its column. The row moves a line set without a width that fits (`shape`): this one
            // is kept as that line when it is one (its own direction the document's), and the row is handed it
            // otherwise.
            guard var line = set else { continue }
            let ownDirection = StyledParagraph(spans: measured.spans, direction: direction, alignment: .start,
                                               lineHeight: lineHeight(role), width: nil)
            if let kept = singleLine(ownDirection), kept.naturalWidth <= width { continue }
            if direction == self.direction, natural <= width {
                line.lines[0].origin.x = 0
                line.width = natural
                keepSingleLine(line, for: unwrapped)
            } else {
                wrapped[measured.row, default: [:]][measured.column] = line
            }
        }
        try checkFixedColumns(unsure, table: table, widths: widths, origin: origin)
        return wrapped
    }

    /// The width a cell's text is set to: its columns' less the padding.
    private func cellTextWidth(column: Int, span: Int, edges: [(left: Double, right: Double)]) -> Double {
        let last = min(edges.count - 1, column + span - 1)
        let left = min(edges[column].left, edges[last].left), right = max(edges[column].right, edges[last].right)
        return right - left - 2 * cellPadding.across
    }

    private func cellAlignment(_ cell: Table.Cell, column: Int, table: Table, isHeader: Bool) -> Alignment {
        isHeader ? .start : cell.isFigure ? .end : table.columns[column].alignment
    }

    /// The direction a cell's text is set in and its alignment in that direction. In a right-to-left table a cell holding
    /// left-to-right letters only (`2.4 s`, `Main Branch`) is set left to right (`Direction.ownDirection(of:)`), so that
    /// its numbers and punctuation stand where they were typed, on the side its column puts text.
    private func cellDirection(_ cell: Table.Cell, column: Int, table: Table, isHeader: Bool) -> (Direction, Alignment) {
        let alignment = cellAlignment(cell, column: column, table: table, isHeader: isHeader)
        let own = table.direction.ownDirection(of: cell.text.plainText)
        return own == table.direction ? (own, alignment) : (own, alignment.mirrored)
    }

    /// A row as one box, or, when it is taller than `pieceHeight`, as slices cut between lines where no cell has a
    /// line across the cut, for the page to break between like a paragraph's lines.
    private func rowBoxes(_ cells: [Table.Cell], table: Table, edges: [(left: Double, right: Double)], isHeader: Bool,
                          stripe: Bool, pieceHeight: Double, shaped preset: [Int: ShapedParagraph],
                          origin: BlockOrigin) throws(LayoutError) -> [FlowBox] {
        let padding = cellPadding
        let role: TextRole = isHeader ? .tableHeader : .table
        var placed: [(ShapedParagraph, Double)] = []
        var height = 0.0
        var column = 0
        for cell in cells {
            let last = min(edges.count - 1, column + cell.span - 1)
            let left = min(edges[column].left, edges[last].left)
            let (direction, alignment) = cellDirection(cell, column: column, table: table, isHeader: isHeader)
            var shaped: ShapedParagraph
            if let set = preset[column] {
                shaped = set
            } else {
                shaped = try shape(spans(cell.text, role: role), role: role, width: cellTextWidth(column: column, span: cell.span, edges: edges),
                                   direction: direction, alignment: alignment, origin: origin)
            }
            if direction != table.direction {
                for index in shaped.lines.indices { shaped.lines[index].line.blockIsRightToLeft = table.direction.isRightToLeft }
            }
            placed.append((shaped, left + padding.across))
            height = max(height, shaped.height)
            column += cell.span
        }
        height += 2 * padding.down
        let cuts = Self.cuts(through: placed.map(\.0), contentTop: padding.down, height: height, limit: pieceHeight)
        guard zip(cuts, cuts.dropFirst()).allSatisfy({ $1 - $0 <= pieceHeight }) else {
            throw LayoutError(location: table.source, block: "table",
                              message: .rowTooTall(height: height, room: pieceHeight))
        }
        return zip(cuts, cuts.dropFirst()).map { top, bottom in
            var frame = Frame(size: Size(width: columnWidth, height: bottom - top))
            let rect = Rect(x: 0, y: 0, width: columnWidth, height: bottom - top)
            if isHeader { frame.fill(rect, with: palette.tableHeader) } else if stripe { frame.fill(rect, with: palette.zebra) }
            if table.borders {
                let stroke = Stroke(color: palette.rule, width: 0.5)
                // The rule under the row goes under its last slice only.
                if bottom >= height - 0.01 {
                    frame.line(from: Point(x: 0, y: rect.height), to: Point(x: columnWidth, y: rect.height), stroke: stroke)
                }
                if !isHeader {
                    for x in Set(edges.flatMap { [$0.left, $0.right] }).sorted() {
                        frame.line(from: Point(x: x, y: 0), to: Point(x: x, y: rect.height), stroke: stroke)
                    }
                }
            }
            // Each slice of a row taller than a page is a row of the structure of its own.
            for (shaped, x) in placed {
                var piece = shaped
                piece.lines = shaped.lines.filter { padding.down + $0.top >= top - 0.01 && padding.down + $0.bottom <= bottom + 0.01 }
                frame.place(piece, at: Point(x: x, y: padding.down - top), as: isHeader ? .tableHeaderCell : .tableCell)
            }
            return FlowBox(frame: frame.tagged(.tableRow), origin: origin)
        }
    }

    /// Where to cut a row `height` tall when it is taller than `limit`: its top, every place between lines that no
    /// cell's line crosses, and its bottom. A piece left taller than `limit` means a line that cannot fit.
    static func cuts(through cells: [ShapedParagraph], contentTop: Double, height: Double, limit: Double) -> [Double] {
        guard height > limit else { return [0, height] }
        let lines = cells.flatMap { $0.lines.map { (contentTop + $0.top, contentTop + $0.bottom) } }
        let inside = Set(lines.map(\.1)).filter { y in y < height - 0.01 && !lines.contains { $0.0 < y - 0.01 && $0.1 > y + 0.01 } }
        return [0] + inside.sorted() + [height]
    }
}
