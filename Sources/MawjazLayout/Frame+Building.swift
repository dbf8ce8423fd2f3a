// Small helpers for building frames: text lines of a set paragraph, boxes, rules.
import MawjazDocument
import MawjazFrame
import MawjazText

extension Frame {
    /// Places the lines of a set paragraph with its top-left corner at `origin`, with their link areas.
    mutating func place(_ paragraph: ShapedParagraph, at origin: Point) {
        for line in paragraph.lines {
            let baseline = Point(x: origin.x + line.origin.x, y: origin.y + line.origin.y)
            place(.text(line.line), at: baseline)
            for link in line.links {
                place(.link(Link(size: link.rect.size, target: link.target)),
                      at: Point(x: baseline.x + link.rect.minX, y: baseline.y + link.rect.minY))
            }
        }
    }

    /// Places a filled rectangle.
    mutating func fill(_ rect: Rect, with color: Color) {
        place(.shape(Shape(.rect(Rect(origin: .zero, size: rect.size)), fill: color)), at: rect.origin)
    }

    /// Places a straight line.
    mutating func line(from: Point, to: Point, stroke: Stroke) {
        place(.shape(Shape(.line(from: .zero, to: Point(x: to.x - from.x, y: to.y - from.y)), stroke: stroke)), at: from)
    }

    /// Places an outlined rectangle.
    mutating func outline(_ rect: Rect, stroke: Stroke, fill: Color? = nil) {
        place(.shape(Shape(.rect(Rect(origin: .zero, size: rect.size)), fill: fill, stroke: stroke)), at: rect.origin)
    }
}

extension ShapedParagraph {
    /// Each line as a frame of its own, `width` wide, offset by `x`: the pieces a page may break between.
    func lineFrames(width: Double, x: Double = 0) -> [Frame] {
        lines.map { line in
            var frame = Frame(size: Size(width: width, height: line.bottom - line.top))
            var single = self
            single.lines = [line]
            single.lines[0].origin.y -= line.top
            frame.place(single, at: Point(x: x, y: 0))
            return frame
        }
    }
}

extension LayoutContext {
    /// Text in one role across the column, as a box of its own inside the structure element `tag`, with room
    /// `above` and `below` it: a table's title or caption, a timeline's title.
    func textBox(_ text: String, role: TextRole, direction: Direction, tag: StructureRole, above: Double = 0, below: Double = 0,
                 origin: BlockOrigin) throws(LayoutError) -> FlowBox {
        let shaped = try shape(spans(text, role: role), role: role, width: columnWidth, direction: direction, alignment: .start, origin: origin)
        var frame = Frame(size: Size(width: columnWidth, height: above + shaped.height + below))
        frame.place(shaped, at: Point(x: 0, y: above), as: tag)
        return FlowBox(frame: frame, origin: origin)
    }
}
