// Boxed blocks: the facts grid, notes, signatures, figures and rules.
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazLanguage
import MawjazText

extension LayoutContext {
    /// A source note (a chart's, a fact's) with its lead word ("المصدر:" or "Source:"), unless the author wrote one.
    func sourceLine(_ note: String) -> String {
        let lead = document.language.table.text(.sourceLead)
        return note.hasPrefix(lead) || note.hasPrefix(String(lead.dropLast())) ? note : lead + " " + note
    }

    /// The facts box: a grid of key figures, the first on the start side, each value above its label, and below the
    /// label where the figure comes from, when the item says.
    func factsBox(_ facts: FactsBox) throws(LayoutError) -> FlowBox {
        let origin = BlockOrigin(kind: "facts", location: facts.source)
        let padding = 10.0, gap = 8.0, accentBar = 3.0
        let count = max(1, facts.items.count)
        let columns = facts.columns ?? (count <= 4 ? count : count == 5 || count == 6 || count == 9 ? 3 : 4)
        let inner = columnWidth - 2 * padding - accentBar
        let cellWidth = (inner - Double(columns - 1) * gap) / Double(columns)
        var frame = Frame(size: Size(width: columnWidth, height: 0))
        var y = padding
        var content: [(Frame, Point)] = []
        if let title = facts.title {
            let shaped = try shape(spans(title, role: .heading3), role: .heading3, width: inner, alignment: .start, origin: origin)
            var titleFrame = Frame(size: Size(width: inner, height: shaped.height))
            titleFrame.place(shaped, at: .zero, as: .paragraph)
            content.append((titleFrame, Point(x: 0, y: y)))
            y += shaped.height + 4
        }
        var row: [Frame] = []
        func flushRow() {
            guard !row.isEmpty else { return }
            let height = row.map(\.size.height).max() ?? 0
            for (index, cell) in row.enumerated() {
                let slot = Double(index) * (cellWidth + gap)
                let x = direction.isRightToLeft ? inner - slot - cellWidth : slot
                content.append((cell, Point(x: x, y: y)))
            }
            y += height + gap
            row = []
        }
        for item in facts.items {
            let value = try shape(spans(item.value, role: .factValue), role: .factValue, width: cellWidth, alignment: .center, origin: origin)
            let label = try shape(spans(item.label, role: .factLabel), role: .factLabel, width: cellWidth, alignment: .center, origin: origin)
            let sparkline = try item.sparkline.map { chart throws(LayoutError) in
                try sparklineFrame(chart, width: cellWidth, size: Size(width: min(cellWidth - 8, 110), height: chart.height ?? 22))
            }
            let source = try item.source.map { note throws(LayoutError) in
                try shape(spans(sourceLine(note), role: .caption, color: palette.muted), role: .caption, width: cellWidth,
                          alignment: .center, origin: origin)
            }
            let labelTop = value.height + 2 + (sparkline.map { $0.size.height + 4 } ?? 0)
            var cell = Frame(size: Size(width: cellWidth, height: labelTop + label.height))
            cell.place(value, at: .zero)
            if let sparkline { cell.place(contentsOf: sparkline, at: Point(x: 0, y: value.height + 2)) }
            cell.place(label, at: Point(x: 0, y: labelTop))
            if let source {
                cell.place(source, at: Point(x: 0, y: cell.size.height + 1))
                cell.size.height += 1 + source.height
            }
            row.append(cell.tagged(.paragraph))
            if row.count == columns { flushRow() }
        }
        flushRow()
        let height = y - gap + padding
        frame.size.height = height
        frame.fill(Rect(x: 0, y: 0, width: columnWidth, height: height), with: palette.boxBackground)
        let barX = direction.isRightToLeft ? columnWidth - accentBar : 0
        frame.fill(Rect(x: barX, y: 0, width: accentBar, height: height), with: palette.accent)
        let contentX = direction.isRightToLeft ? padding : padding + accentBar
        for (cell, position) in content {
            frame.place(contentsOf: cell, at: Point(x: contentX + position.x, y: position.y))
        }
        return FlowBox(frame: frame, origin: origin)
    }

    /// A note: text in a tinted box with a rule on the start side.
    func noteBox(_ note: Note) throws(LayoutError) -> FlowBox {
        let origin = BlockOrigin(kind: "note", location: note.source)
        let padding = 9.0, bar = 2.5
        let inner = columnWidth - 2 * padding - bar
        var y = padding
        var frame = Frame(size: Size(width: columnWidth, height: 0))
        var pieces: [(ShapedParagraph, Double)] = []
        if let title = note.title {
            let shaped = try shape(spans(title, role: .note, bold: true), role: .note, width: inner, direction: note.direction,
                                   alignment: .start, origin: origin)
            pieces.append((shaped, y))
            y += shaped.height + 2
        }
        let body = try shape(spans(note.text, role: .note), role: .note, width: inner, direction: note.direction,
                             alignment: .justify, justify: document.settings.justify, origin: origin)
        pieces.append((body, y))
        y += body.height + padding
        frame.size.height = y
        frame.fill(Rect(x: 0, y: 0, width: columnWidth, height: y), with: palette.boxBackground)
        let rtl = note.direction.isRightToLeft
        frame.fill(Rect(x: rtl ? columnWidth - bar : 0, y: 0, width: bar, height: y), with: palette.muted)
        let x = rtl ? padding : padding + bar
        for (shaped, top) in pieces { frame.place(shaped, at: Point(x: x, y: top), as: .paragraph) }
        return FlowBox(frame: frame, origin: origin)
    }

    /// A signature block on the end side: a line to sign on, the name, title and organisation below it,
    /// and, if asked, a dashed circle for the stamp beside it.
    func signatureBox(_ signature: Signature) throws(LayoutError) -> FlowBox {
        let origin = BlockOrigin(kind: "signature", location: signature.source)
        let width = min(220, columnWidth / 2)
        let signingSpace = 34.0
        var y = signingSpace + 6
        var placed: [(ShapedParagraph, Double)] = []
        for (text, bold) in [(signature.name, true), (signature.title, false), (signature.organisation, false)] {
            guard let text else { continue }
            let shaped = try shape(spans(text, role: .body, bold: bold), role: .body, width: width, alignment: .center, origin: origin)
            placed.append((shaped, y))
            y += shaped.height
        }
        let stampSize = 76.0
        let height = max(y, signature.stamp ? stampSize + 8 : 0)
        var frame = Frame(size: Size(width: columnWidth, height: height))
        let blockX = direction.isRightToLeft ? 0 : columnWidth - width
        frame.line(from: Point(x: blockX + 20, y: signingSpace), to: Point(x: blockX + width - 20, y: signingSpace),
                   stroke: Stroke(color: palette.muted, width: 0.6, dash: [2, 2]))
        for (shaped, top) in placed { frame.place(shaped, at: Point(x: blockX, y: top), as: .paragraph) }
        if signature.stamp {
            let centerX = direction.isRightToLeft ? blockX + width + 20 + stampSize / 2 : blockX - 20 - stampSize / 2
            frame.place(.shape(Shape(.circle(center: .zero, radius: stampSize / 2),
                                     stroke: Stroke(color: palette.rule, width: 0.8, dash: [3, 3]))),
                        at: Point(x: centerX, y: stampSize / 2 + 4))
        }
        return FlowBox(frame: frame, origin: origin)
    }

    /// A picture scaled to its width (and at most its height), with its caption below.
    func figureBox(_ figure: Figure) throws(LayoutError) -> FlowBox {
        let origin = BlockOrigin(kind: "image", location: figure.source)
        var width: Double
        switch figure.width {
        case .auto: width = min(columnWidth, figure.pixelSize.width * 0.75)
        case .points(let points): width = points
        case .percent(let share): width = columnWidth * share / 100
        }
        guard width <= columnWidth + 0.01 else {
            throw LayoutError(location: figure.source, block: "image",
                              message: .imageTooWide(width: width, column: columnWidth))
        }
        var height = width * figure.pixelSize.height / max(1, figure.pixelSize.width)
        if let limit = figure.maxHeight, height > limit {
            width *= limit / height
            height = limit
        }
        let x = (columnWidth - width) / 2
        var frame = Frame(size: Size(width: columnWidth, height: height))
        frame.place(.tag(.begin(.figure, alternativeText: figure.alternativeText)), at: Point(x: x, y: 0))
        frame.place(.image(ImageBox(data: figure.data, format: figure.format, size: Size(width: width, height: height),
                                    alternativeText: figure.alternativeText)), at: Point(x: x, y: 0))
        frame.place(.tag(.end(.figure)), at: Point(x: x, y: 0))
        if let caption = figure.caption {
            let shaped = try shape(spans(caption, role: .caption), role: .caption, width: columnWidth, alignment: .center, origin: origin)
            frame.place(shaped, at: Point(x: 0, y: height + 4), as: .paragraph)
            frame.size.height = height + 4 + shaped.height
        }
        return FlowBox(frame: frame, origin: origin)
    }
}
