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
        let widths = try columnWidths(table, origin: origin)
        let edges = Self.columnEdges(widths, total: columnWidth, direction: table.direction)
        var items: [FlowItem] = []
        if let title = table.title {
            items.append(.box(try textBox(title, role: .chartTitle, direction: table.direction, tag: .caption, below: 3, origin: origin)))
        }
        let headerCells = table.columns.map { Table.Cell(text: [Inline($0.title)], span: 1, isFigure: false) }
        let headerPieces = try rowBoxes(headerCells, table: table, edges: edges, isHeader: true, stripe: false,
                                        pieceHeight: pageTextHeight / 3, origin: origin)
        let header = headerPieces.count == 1 ? headerPieces[0] : nil
        items += headerPieces.map { FlowItem.box($0) }
        // A row taller than the room a page leaves under the header is cut between its lines.
        let room = pageTextHeight - (header?.height ?? 0)
        var rows: [[FlowBox]] = []
        for (index, row) in table.rows.enumerated() {
            rows.append(try rowBoxes(row, table: table, edges: edges, isHeader: false, stripe: table.zebra && index % 2 == 1,
                                     pieceHeight: room, origin: origin))
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

    /// Column widths: fixed and percentage columns first, then automatic columns between their longest word
    /// and their natural width, filling the column.
    func columnWidths(_ table: Table, origin: BlockOrigin) throws(LayoutError) -> [Double] {
        let count = table.columns.count
        let padding = 2 * cellPadding.across
        var natural = [Double](repeating: 0, count: count)
        // Every cell that sits in one column, with its width on one line (padding included).
        var cells: [(spans: [TextSpan], column: Int, natural: Double)] = []
        func measure(_ cell: Table.Cell, column: Int, role: TextRole) throws(LayoutError) {
            guard cell.span == 1 else { return }
            let cellSpans = spans(cell.text, role: role)
            let width = try naturalWidth(cellSpans, role: role, origin: origin) + padding
            cells.append((cellSpans, column, width))
            natural[column] = max(natural[column], width)
        }
        // A cell's longest word is never wider than the cell on one line, and measuring it (Pango breaking the text
        // at every opportunity) costs more than the rest of the table: it is measured only where it can decide.
        var minimum = [Double](repeating: 0, count: count)
        func measureMinimum(where needed: (_ column: Int, _ natural: Double) -> Bool) throws(LayoutError) {
            for cell in cells where needed(cell.column, cell.natural) {
                minimum[cell.column] = max(minimum[cell.column], try minimumWidth(cell.spans, origin: origin) + padding)
            }
        }
        for (index, column) in table.columns.enumerated() {
            try measure(Table.Cell(text: [Inline(column.title)], span: 1, isFigure: false), column: index, role: .tableHeader)
        }
        for row in table.rows {
            var index = 0
            for cell in row {
                try measure(cell, column: index, role: .table)
                index += cell.span
            }
        }
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
        // A fixed column can be too narrow only for a cell wider than it on one line.
        try measureMinimum { column, natural in !automatic.contains(column) && natural > widths[column] + 0.01 }
        let fixedTooNarrow = table.columns.indices.filter { !automatic.contains($0) && widths[$0] + 0.01 < minimum[$0] }
        if let column = fixedTooNarrow.first {
            try overflow(origin, .columnTooNarrow(table.columns[column].title, width: widths[column], needs: minimum[column]))
        }
        let naturalSum = automatic.reduce(0) { $0 + natural[$1] }
        // Automatic columns whose text all fits on one line need no longest words.
        if naturalSum > remaining { try measureMinimum { column, _ in automatic.contains(column) } }
        let minimumSum = automatic.reduce(0) { $0 + minimum[$1] }
        if minimumSum > remaining + 0.01 {
            try overflow(origin, .tableTooWide(needs: columnWidth - remaining + minimumSum, width: columnWidth))
            // Under `overflow: warn`: the automatic columns shrink in proportion, and their words stick out.
            for index in automatic { widths[index] = max(0, remaining) * minimum[index] / max(minimumSum, 1) }
            return widths
        }
        if automatic.isEmpty { return widths }
        if naturalSum <= remaining {
            // Everything fits on one line: share out the extra room in proportion to the natural widths.
            for index in automatic { widths[index] = natural[index] * remaining / max(naturalSum, 1) }
            return widths
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
        return widths
    }

    /// A row as one box, or, when it is taller than `pieceHeight`, as slices cut between lines where no cell has a
    /// line across the cut, for the page to break between like a paragraph's lines.
    private func rowBoxes(_ cells: [Table.Cell], table: Table, edges: [(left: Double, right: Double)], isHeader: Bool,
                          stripe: Bool, pieceHeight: Double, origin: BlockOrigin) throws(LayoutError) -> [FlowBox] {
        let padding = cellPadding
        let role: TextRole = isHeader ? .tableHeader : .table
        var placed: [(ShapedParagraph, Double)] = []
        var height = 0.0
        var column = 0
        for cell in cells {
            let last = min(edges.count - 1, column + cell.span - 1)
            let left = min(edges[column].left, edges[last].left), right = max(edges[column].right, edges[last].right)
            let alignment: Alignment = isHeader ? .start : cell.isFigure ? .end : table.columns[column].alignment
            let shaped = try shape(spans(cell.text, role: role), role: role, width: right - left - 2 * padding.across,
                                   direction: table.direction, alignment: alignment, origin: origin)
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
