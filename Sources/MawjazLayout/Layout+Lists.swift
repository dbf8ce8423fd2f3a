// Lists with their markers on the start side, nested lists indented, and column sets side by side.
import MawjazData
import MawjazDocument
import MawjazFrame

extension LayoutContext {
    /// A list's items as lines that may break between them, each marker on the start side of its first line.
    func listItems(_ list: ListBlock, depth: Int) throws(LayoutError) -> [FlowItem] {
        let origin = BlockOrigin(kind: "list", location: list.source)
        let indent = 18.0 * Double(depth)
        let markerGap = 5.0
        let rtl = list.direction.isRightToLeft
        var items: [FlowItem] = []
        for (index, item) in list.items.enumerated() {
            if index > 0 {
                items.append(.breakpoint(carryOver: []))
                items.append(.space(2))
            }
            let marker = try shape(spans(item.marker, role: .body), role: .body, width: nil, direction: list.direction,
                                   alignment: .start, origin: origin)
            let markerWidth = max(marker.naturalWidth, 10)
            let textWidth = columnWidth - indent - markerWidth - markerGap
            // An item of a right-to-left list holding left-to-right letters only is set left to right, beside its marker
            // (`Direction.ownDirection(of:)`): justified as the list's other items are, its last line (or only one) on the
            // end side, by the marker.
            let own = list.direction.ownDirection(of: item.text.plainText)
            let justified = document.settings.justify != .none
            var text = try shape(spans(item.text, role: .body), role: .body, width: textWidth, direction: own,
                                 alignment: own == list.direction || justified ? .justify : Alignment.justify.mirrored,
                                 justify: document.settings.justify, origin: origin)
            if own != list.direction, justified, let last = text.lines.indices.last {
                text.lines[last].origin.x = text.width - text.lines[last].line.width
            }
            let textX = rtl ? 0 : indent + markerWidth + markerGap
            let frames = text.lineFrames(width: columnWidth, x: textX)
            var body: [FlowItem] = []
            body.appendLines(frames.map { FlowBox(frame: $0, origin: origin) })
            if let children = item.children {
                body.append(.breakpoint(carryOver: []))
                body.append(.space(2))
                body += try listItems(children, depth: depth + 1)
            }
            body = body.tagged(.listBody)
            if let first = frames.first, let firstLine = text.lines.first {
                let markerX = rtl ? columnWidth - indent - marker.naturalWidth : indent + markerWidth - marker.naturalWidth
                var markerLine = marker
                markerLine.lines = Array(marker.lines.prefix(1))
                markerLine.lines[0].origin = Point(x: 0, y: firstLine.origin.y - firstLine.top)
                var label = Frame(size: first.size)
                label.place(markerLine, at: Point(x: markerX, y: 0), as: .listLabel)
                body = body.prependingToFirstBox(label)
            }
            items += body.tagged(.listItem)
        }
        return items.tagged(.list)
    }

    /// Blocks set in columns side by side, the first column on the start side: balanced when they fit on a page,
    /// otherwise filled page by page (each piece a page tall, the last one balanced).
    func columnItems(_ set: ColumnSet) throws(LayoutError) -> [FlowItem] {
        let gap = template.page.columnGap
        let width = (columnWidth - gap * Double(set.count - 1)) / Double(set.count)
        let flow = try withColumnWidth(width) { () throws(LayoutError) in try collect(set.blocks) }
        let origin = BlockOrigin(kind: "columns", location: set.source)
        var items: [FlowItem] = []
        for (index, piece) in try Self.distribute(flow, columns: set.count, pageHeight: pageTextHeight).enumerated() {
            let height = piece.map { $0.last.map { $0.y + $0.box.height } ?? 0 }.max() ?? 0
            var frame = Frame(size: Size(width: columnWidth, height: height))
            for (column, boxes) in piece.enumerated() {
                let slot = Double(column) * (width + gap)
                let x = direction.isRightToLeft ? columnWidth - slot - width : slot
                for placed in boxes {
                    // Every line is marked with its column (`TextLine.column`), a table's cells and a chart's labels as
                    // well as running text, so that poppler is handed the column whole, in order.
                    frame.place(contentsOf: placed.box.frame, at: Point(x: x, y: placed.y), column: column)
                }
            }
            if index > 0 { items.append(.breakpoint(carryOver: [])) }
            items.append(.box(FlowBox(frame: frame, origin: origin)))
        }
        return items
    }

    /// Splits a flow into pieces of `columns` columns each: whole pages of columns while the flow is longer than
    /// that, then the rest balanced into columns of about equal height, breaking only at the flow's breakpoints.
    static func distribute(_ flow: [FlowItem], columns: Int, pageHeight: Double) throws(LayoutError) -> [[[PlacedBox]]] {
        let total = flow.reduce(0.0) { sum, item in
            switch item {
            case .box(let box): return sum + box.height
            case .space(let amount): return sum + amount
            default: return sum
            }
        }
        // Balanced columns are a little taller than an even share, since breaks fall between boxes.
        if total / Double(columns) <= pageHeight * 0.9 {
            return [balance(flow, into: columns)]
        }
        let slots = try Paginator(height: { _ in pageHeight }).distribute(flow)
        return stride(from: 0, to: slots.count, by: columns).map { Array(slots[$0..<min(slots.count, $0 + columns)]) }
    }

    /// Splits a flow into `count` columns of about equal height, breaking only at its breakpoints: each column
    /// ends at the breakpoint nearest its share of the total.
    static func balance(_ flow: [FlowItem], into count: Int) -> [[PlacedBox]] {
        // The breakpoints in flow order, so that of two as near as each other to a share the first wins on every run.
        var breakpoints: [(index: Int, heightBefore: Double)] = []
        var total = 0.0
        for (index, item) in flow.enumerated() {
            switch item {
            case .box(let box): total += box.height
            case .space(let amount): total += amount
            case .breakpoint, .pageBreak: breakpoints.append((index, total))
            }
        }
        var ends = Set<Int>()
        for column in 1..<max(count, 1) {
            let share = total * Double(column) / Double(count)
            let candidates = breakpoints.filter { !ends.contains($0.index) }
            if let nearest = candidates.min(by: { abs($0.heightBefore - share) < abs($1.heightBefore - share) }) {
                ends.insert(nearest.index)
            }
        }
        var columns: [[PlacedBox]] = [[]]
        var y = 0.0, pending = 0.0
        for (index, item) in flow.enumerated() {
            switch item {
            case .box(let box):
                let top = columns[columns.count - 1].isEmpty ? 0 : y + pending
                columns[columns.count - 1].append(PlacedBox(box: box, y: top))
                y = top + box.height
                pending = 0
            case .space(let amount):
                pending += amount
            case .breakpoint, .pageBreak:
                if ends.contains(index), !columns[columns.count - 1].isEmpty {
                    columns.append([])
                    y = 0; pending = 0
                }
            }
        }
        return columns
    }
}
