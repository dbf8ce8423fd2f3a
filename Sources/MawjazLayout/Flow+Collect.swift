// Collect: turns the document's blocks into one flow of boxes, spaces and breakpoints.
import MawjazData
import MawjazDocument
import MawjazFrame

extension LayoutContext {
    /// The flow of a list of blocks: each block's items, joined by spacing and breakpoints, a heading kept
    /// with what follows it. A block that cannot be laid out is added to `problems` and left out.
    func collect(_ blocks: [Block]) -> [FlowItem] {
        var items: [FlowItem] = []
        var previous: Block?
        for block in blocks {
            if case .pageBreak = block {
                items.append(.pageBreak)
                previous = nil
                continue
            }
            if let previous {
                if case .heading = previous {} else { items.append(.breakpoint(carryOver: [])) }
                items.append(.space(spacing(between: previous, and: block)))
            }
            do {
                items += try collect(block)
            } catch {
                problems.append(error)
            }
            previous = block
        }
        return items
    }

    private func spacing(between previous: Block, and next: Block) -> Double {
        let spacing = template.spacing
        switch (previous, next) {
        case (.heading, _): return spacing.headingAfter
        case (_, .heading): return spacing.headingBefore
        case (.paragraph, .paragraph): return spacing.paragraph
        default: return spacing.block
        }
    }

    private func collect(_ block: Block) throws(LayoutError) -> [FlowItem] {
        switch block {
        case .heading(let heading): return try headingItems(heading)
        case .paragraph(let paragraph): return try paragraphItems(paragraph)
        case .facts(let facts): return [.box(try factsBox(facts))]
        case .table(let table): return try tableItems(table)
        case .chart(let chart): return [.box(try chartBox(chart))]
        case .timeline(let timeline): return try timelineItems(timeline)
        case .list(let list): return try listItems(list, depth: 0)
        case .note(let note): return [.box(try noteBox(note))]
        case .figure(let figure): return [.box(try figureBox(figure))]
        case .signature(let signature): return [.box(try signatureBox(signature))]
        case .spacer(let height): return [.box(FlowBox(frame: Frame(size: Size(width: columnWidth, height: height)),
                                                      origin: BlockOrigin(kind: "spacer", location: nil)))]
        case .rule: return [.box(ruleBox())]
        case .columns(let set): return try columnItems(set)
        case .contents(let contents): return try contentsItems(contents)
        case .reference(let reference): return [.box(try referenceBox(reference))]
        case .pageBreak: return [.pageBreak]
        }
    }

    // MARK: - Title, headings and paragraphs

    /// What opens the document: the letterhead, then the title as the template sets it.
    func openingItems() throws(LayoutError) -> [FlowItem] {
        var items: [FlowItem] = []
        if let letterhead = template.letterhead, template.titlePage != .cover {
            items += [.box(try letterheadBox(letterhead)), .space(template.spacing.block)]
        }
        switch template.titlePage {
        case .inline: items += try titleItems()
        case .cover: items += try coverItems()
        case .none: break
        }
        return items
    }

    /// The document's title, subtitle and date, at the head of the first page.
    func titleItems() throws(LayoutError) -> [FlowItem] {
        let origin = BlockOrigin(kind: "title", location: SourceLocation(file: document.sourceFile))
        var boxes: [FlowBox] = []
        func add(_ text: String, _ role: TextRole) throws(LayoutError) {
            let shaped = try shape(spans(text, role: role), role: role, width: columnWidth, alignment: .start, origin: origin)
            boxes += shaped.lineFrames(width: columnWidth).tagged(.paragraph).map { FlowBox(frame: $0, origin: origin) }
        }
        try add(document.title, .title)
        if let subtitle = document.subtitle { try add(subtitle, .subtitle) }
        try add(document.dateText, .date)
        var rule = Frame(size: Size(width: columnWidth, height: 10))
        rule.line(from: Point(x: 0, y: 6), to: Point(x: columnWidth, y: 6), stroke: Stroke(color: palette.accent, width: 1.2))
        boxes.append(FlowBox(frame: rule, origin: origin))
        return boxes.map { FlowItem.box($0) } + [.breakpoint(carryOver: []), .space(template.spacing.block - 4)]
    }

    func headingItems(_ heading: Heading) throws(LayoutError) -> [FlowItem] {
        let role: TextRole = heading.level == 1 ? .heading1 : heading.level == 2 ? .heading2 : .heading3
        let origin = BlockOrigin(kind: "heading", location: heading.source)
        var text = heading.text
        if let number = heading.number { text.insert(Inline(number + " "), at: 0) }
        let shaped = try shape(spans(text, role: role), role: role, width: columnWidth, direction: heading.direction,
                               alignment: .start, origin: origin)
        var frames = shaped.lineFrames(width: columnWidth)
        if !frames.isEmpty {
            let title = (heading.number.map { $0 + " " } ?? "") + heading.text.plainText
            frames[0].place(.destination(Destination(name: heading.anchor, outline: (heading.level, title))), at: .zero)
        }
        return frames.tagged(.heading(level: heading.level)).map { .box(FlowBox(frame: $0, origin: origin)) }
    }

    func paragraphItems(_ paragraph: Paragraph) throws(LayoutError) -> [FlowItem] {
        let origin = BlockOrigin(kind: "paragraph", location: paragraph.source)
        let shaped = try shape(spans(paragraph.text, role: paragraph.role), role: paragraph.role, width: columnWidth,
                               direction: paragraph.direction, alignment: paragraph.alignment, justify: paragraph.justify, origin: origin)
        var items: [FlowItem] = []
        items.appendLines(shaped.lineFrames(width: columnWidth).tagged(.paragraph).map { FlowBox(frame: $0, origin: origin) })
        return items
    }

    func ruleBox() -> FlowBox {
        var frame = Frame(size: Size(width: columnWidth, height: 9))
        frame.line(from: Point(x: 0, y: 4.5), to: Point(x: columnWidth, y: 4.5), stroke: Stroke(color: palette.rule, width: 0.75))
        return FlowBox(frame: frame, origin: BlockOrigin(kind: "rule", location: nil))
    }
}
