// The parts of official documents: the letterhead, the cover page, the table of contents and the reference block.
import Foundation
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazText

extension LayoutContext {
    /// The letterhead: the emblem in the middle, the Arabic name on the right and the English name on the left
    /// (their places in both directions, as bilingual letterheads have them), a rule under them.
    func letterheadBox(_ letterhead: Letterhead) throws(LayoutError) -> FlowBox {
        let origin = BlockOrigin(kind: "letterhead", location: SourceLocation(file: template.name))
        if let picture = letterhead.image, let (format, pixels) = ImageBox.inspect(picture) {
            return letterheadPicture(picture, format: format, pixels: pixels, letterhead: letterhead, origin: origin)
        }
        let height = letterhead.height
        var frame = Frame(size: Size(width: columnWidth, height: height))
        var logoWidth = 0.0
        if let logo = letterhead.logo, let (format, pixels) = ImageBox.inspect(logo) {
            let logoHeight = height - 14
            logoWidth = logoHeight * pixels.width / max(1, pixels.height)
            let alternative = [letterhead.arabic, letterhead.english].filter { !$0.isEmpty }.joined(separator: " — ")
            let position = Point(x: (columnWidth - logoWidth) / 2, y: 2)
            frame.place(.tag(.begin(.figure, alternativeText: alternative)), at: position)
            frame.place(.image(ImageBox(data: logo, format: format, size: Size(width: logoWidth, height: logoHeight),
                                        alternativeText: alternative)), at: position)
            frame.place(.tag(.end(.figure)), at: position)
        }
        let side = (columnWidth - logoWidth) / 2 - 12
        let style = self.style(.subtitle).with(bold: true)
        let arabicFamilies = [template.arabicFamily, template.latinFamily], latinFamilies = [template.latinFamily, template.arabicFamily]
        for (text, direction, families) in [(letterhead.arabic, Direction.rightToLeft, arabicFamilies),
                                            (letterhead.english, Direction.leftToRight, latinFamilies)] where !text.isEmpty {
            var spanStyle = style
            spanStyle.families = families
            let shaped = try shape([TextSpan(text, style: spanStyle)], role: .subtitle, width: side, direction: direction,
                                   alignment: .start, origin: origin)
            let x = direction.isRightToLeft ? columnWidth - side : 0
            frame.place(shaped, at: Point(x: x, y: max(0, (height - 10 - shaped.height) / 2)))
        }
        frame.line(from: Point(x: 0, y: height - 4), to: Point(x: columnWidth, y: height - 4), stroke: Stroke(color: palette.accent, width: 1.5))
        return FlowBox(frame: frame, origin: origin)
    }

    /// A letterhead given as one picture: across the text width (no taller than 160 pt), centred, with the
    /// organisation's names as its alternative text.
    private func letterheadPicture(_ picture: [UInt8], format: ImageBox.Format, pixels: Size, letterhead: Letterhead,
                                   origin: BlockOrigin) -> FlowBox {
        var size = Size(width: columnWidth, height: columnWidth * pixels.height / max(1, pixels.width))
        if size.height > 160 { size = Size(width: size.width * 160 / size.height, height: 160) }
        let alternative = [letterhead.arabic, letterhead.english].filter { !$0.isEmpty }.joined(separator: " — ")
        var frame = Frame(size: Size(width: columnWidth, height: size.height + 4))
        let position = Point(x: (columnWidth - size.width) / 2, y: 0)
        frame.place(.tag(.begin(.figure, alternativeText: alternative)), at: position)
        frame.place(.image(ImageBox(data: picture, format: format, size: size, alternativeText: alternative)), at: position)
        frame.place(.tag(.end(.figure)), at: position)
        return FlowBox(frame: frame, origin: origin)
    }

    /// A cover page: the emblem, the title, subtitle and date, down the middle of the page.
    func coverItems() throws(LayoutError) -> [FlowItem] {
        let origin = BlockOrigin(kind: "cover", location: SourceLocation(file: document.sourceFile))
        var pieces: [(Frame, Double)] = []
        if let logo = template.letterhead?.logo, let (format, pixels) = ImageBox.inspect(logo) {
            let height = 110.0, width = height * pixels.width / max(1, pixels.height)
            var frame = Frame(size: Size(width: columnWidth, height: height))
            let alternative = [template.letterhead?.arabic ?? "", template.letterhead?.english ?? "", document.author ?? ""]
                .filter { !$0.isEmpty }.joined(separator: " — ")
            let position = Point(x: (columnWidth - width) / 2, y: 0)
            frame.place(.tag(.begin(.figure, alternativeText: alternative)), at: position)
            frame.place(.image(ImageBox(data: logo, format: format, size: Size(width: width, height: height),
                                        alternativeText: alternative)), at: position)
            frame.place(.tag(.end(.figure)), at: position)
            pieces.append((frame, 36))
        }
        let titleStyle = style(.title).with(size: style(.title).size * 1.5)
        for (spans, role, gap) in [([TextSpan(document.title, style: titleStyle)], TextRole.title, 14.0),
                                   (document.subtitle.map { spans($0, role: .subtitle) } ?? [], .subtitle, 28),
                                   (document.author.map { spans($0, role: .subtitle) } ?? [], .subtitle, 10),
                                   (spans(document.dateText, role: .date), .date, 0)] where !spans.isEmpty {
            let shaped = try shape(spans, role: role, width: columnWidth, alignment: .center, origin: origin)
            var frame = Frame(size: Size(width: columnWidth, height: shaped.height))
            frame.place(shaped, at: .zero)
            pieces.append((frame, gap))
        }
        let content = pieces.reduce(0) { $0 + $1.0.size.height + $1.1 }
        var cover = Frame(size: Size(width: columnWidth, height: pageTextHeight))
        var y = max(0, (pageTextHeight - content) * 0.4)
        for (frame, gap) in pieces {
            cover.place(contentsOf: frame, at: Point(x: 0, y: y))
            y += frame.size.height + gap
        }
        cover.line(from: Point(x: columnWidth * 0.3, y: y + 18), to: Point(x: columnWidth * 0.7, y: y + 18),
                   stroke: Stroke(color: palette.accent, width: 1.5))
        return [.box(FlowBox(frame: cover, origin: origin)), .pageBreak]
    }

    /// A table of contents: each entry its heading's title on the start side, its page on the end side, a dotted
    /// leader between them, the whole entry a link to the heading.
    func contentsItems(_ contents: Contents) throws(LayoutError) -> [FlowItem] {
        let origin = BlockOrigin(kind: "contents", location: contents.source)
        var items: [FlowItem] = []
        if let title = contents.title {
            let shaped = try shape(spans(title, role: .heading1), role: .heading1, width: columnWidth, alignment: .start, origin: origin)
            items += shaped.lineFrames(width: columnWidth).map { .box(FlowBox(frame: $0, origin: origin)) }
            items.append(.space(template.spacing.headingAfter))
        }
        let numerals = Numerals(self.numerals)
        let numberWidth = try naturalWidth(spans(numerals.pageNumber(888), role: .body), role: .body, origin: origin)
        let rtl = direction.isRightToLeft
        for (index, entry) in contents.entries.enumerated() {
            let indent = 16.0 * Double(entry.level - 1)
            let role: TextRole = .body
            let titleWidth = columnWidth - indent - numberWidth - 24
            let title = try shape(spans(entry.title, role: role, bold: entry.level == 1 ? true : nil), role: role, width: titleWidth,
                                  alignment: .start, origin: origin)
            let page = pageNumbers[entry.anchor].map { numerals.pageNumber($0) } ?? ""
            let number = try shape(spans(page, role: role), role: role, width: nil, alignment: .start, origin: origin)
            var frame = Frame(size: Size(width: columnWidth, height: title.height))
            frame.place(title, at: Point(x: rtl ? columnWidth - indent - titleWidth : indent, y: 0))
            if let lastTitleLine = title.lines.last, let numberLine = number.lines.first {
                let baseline = lastTitleLine.origin.y
                let numberX = rtl ? 0 : columnWidth - number.naturalWidth
                frame.place(.text(numberLine.line), at: Point(x: numberX, y: baseline))
                let titleEdge = rtl ? columnWidth - indent - titleWidth + lastTitleLine.origin.x - 4
                                    : indent + lastTitleLine.origin.x + lastTitleLine.line.width + 4
                let numberEdge = rtl ? numberX + number.naturalWidth + 4 : numberX - 4
                let (from, to) = rtl ? (numberEdge, titleEdge) : (titleEdge, numberEdge)
                if to - from > 8 {
                    frame.line(from: Point(x: from, y: baseline), to: Point(x: to, y: baseline),
                               stroke: Stroke(color: palette.muted, width: 0.8, dash: [0.8, 2.4]))
                }
            }
            frame.place(.link(Link(size: frame.size, target: .destination(entry.anchor))), at: .zero)
            if index > 0 { items.append(.breakpoint(carryOver: [])) }
            items.append(.space(entry.level == 1 && index > 0 ? 4 : 1))
            items.append(.box(FlowBox(frame: frame, origin: origin)))
        }
        return items
    }

    /// The reference block: number, date and attachments, each under its label, in a box on the end side.
    func referenceBox(_ reference: Reference) throws(LayoutError) -> FlowBox {
        let origin = BlockOrigin(kind: "reference", location: reference.source)
        let width = min(columnWidth, max(240, columnWidth * 0.6)), padding = 8.0
        var y = padding
        var rows: [(ShapedParagraph, Double)] = []
        for (label, value) in reference.lines {
            let spans = self.spans(label + ": ", role: .body, bold: true) + self.spans(value, role: .body)
            let shaped = try shape(spans, role: .body, width: width - 2 * padding, alignment: .start, origin: origin)
            rows.append((shaped, y))
            y += shaped.height
        }
        y += padding
        var frame = Frame(size: Size(width: columnWidth, height: y))
        let x = direction.isRightToLeft ? 0 : columnWidth - width
        frame.outline(Rect(x: x, y: 0, width: width, height: y), stroke: Stroke(color: palette.rule, width: 0.8), fill: palette.boxBackground)
        for (shaped, top) in rows { frame.place(shaped, at: Point(x: x + padding, y: top)) }
        return FlowBox(frame: frame, origin: origin)
    }
}
