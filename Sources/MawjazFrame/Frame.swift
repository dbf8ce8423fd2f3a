// The frame: positioned items on a page, the plain value that layout produces and every exporter reads.

/// A rectangle of content: a size and items placed at points inside it.
package struct Frame: Sendable {
    /// The size the frame claims in the flow; items may not leave it.
    package var size: Size
    /// The items, in painting order, each at a position relative to the frame's top-left corner.
    package private(set) var items: [Placed]

    /// An item at a position.
    package struct Placed: Sendable {
        package var position: Point
        package var item: FrameItem
    }

    package init(size: Size, items: [Placed] = []) {
        self.size = size
        self.items = items
    }

    /// Adds an item at `position`.
    package mutating func place(_ item: FrameItem, at position: Point) {
        items.append(Placed(position: position, item: item))
    }

    /// Makes room for `count` items in all, so that placing them copies none already placed (a page's frame, placed block
    /// by block, had all its items copied again for each block).
    package mutating func reserveCapacity(_ count: Int) {
        items.reserveCapacity(count)
    }

    /// Adds every item of `frame`, moved so that its top-left corner is at `position`, and with a `column`, each text
    /// line marked as standing in that column of a `columns:` block (`TextLine.column`).
    /// Its items are inlined rather than nested, keeping frames flat and cheap to walk.
    /// The items are appended whole, then moved where they lie: taken one by one, each was copied twice (the placed
    /// item, then its item) and the first copy destroyed, 1.9 M instructions of a 21-page document.
    package mutating func place(contentsOf frame: Frame, at position: Point, column: Int? = nil) {
        let start = items.count
        items.reserveCapacity(start + frame.items.count)
        items.append(contentsOf: frame.items)
        for index in start..<items.count {
            items[index].position = items[index].position.offsetBy(dx: position.x, dy: position.y)
            if let column, case .text(var line) = items[index].item {
                line.column = column
                items[index].item = .text(line)
            }
        }
    }

    /// The text lines of the frame, with their baseline origins, in painting order.
    package var textLines: [(origin: Point, line: TextLine)] {
        items.compactMap { placed in
            if case .text(let line) = placed.item { return (placed.position, line) }
            return nil
        }
    }

    /// The shapes of the frame, with their positions, in painting order.
    package var shapes: [(origin: Point, shape: Shape)] {
        items.compactMap { placed in
            if case .shape(let shape) = placed.item { return (placed.position, shape) }
            return nil
        }
    }
}

/// Something drawn, or marked, at a position in a frame.
package enum FrameItem: Sendable {
    /// A line of shaped text; its position is the left end of its baseline.
    case text(TextLine)
    /// A filled or stroked geometric shape; its position is the origin of its coordinates.
    ///
    /// Held in a box of its own: a shape takes 128 bytes, three times any other item, and an inline case made every
    /// placed item of a frame that size (144 bytes where a text line needs 72), in frames that hold every page's items
    /// from layout to drawing.
    indirect case shape(Shape)
    /// A raster image scaled into a box; its position is the box's top-left corner.
    case image(ImageBox)
    /// An area that links elsewhere; its position is the area's top-left corner.
    case link(Link)
    /// A named place that links and the outline point to; its position is the place.
    case destination(Destination)
    /// The start or end of a structure element for tagged PDF.
    case tag(StructureTag)
}

/// A shape: rectangle, straight line, polyline, polygon or circle, with paint.
package struct Shape: Sendable {
    /// The geometry, in coordinates relative to the shape's position.
    package enum Geometry: Sendable {
        case rect(Rect)
        case line(from: Point, to: Point)
        case polyline([Point])
        case polygon([Point])
        case circle(center: Point, radius: Double)
    }
    package var geometry: Geometry
    package var fill: Color?
    package var stroke: Stroke?

    package init(_ geometry: Geometry, fill: Color? = nil, stroke: Stroke? = nil) {
        self.geometry = geometry
        self.fill = fill
        self.stroke = stroke
    }

    /// The area the shape covers, stroke included, relative to its position.
    package var bounds: Rect {
        let halfWidth = (stroke?.width ?? 0) / 2
        let box: Rect
        switch geometry {
        case .rect(let rect): box = rect
        case .line(let from, let to): box = Rect.enclosing([from, to])
        case .polyline(let points), .polygon(let points): box = Rect.enclosing(points)
        case .circle(let center, let radius):
            box = Rect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius)
        }
        return Rect(x: box.minX - halfWidth, y: box.minY - halfWidth,
                    width: box.width + 2 * halfWidth, height: box.height + 2 * halfWidth)
    }
}

extension Rect {
    /// The smallest rectangle holding every point (zero-sized at the origin when there are none).
    package static func enclosing(_ points: [Point]) -> Rect {
        guard let first = points.first else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        var x0 = first.x, y0 = first.y, x1 = first.x, y1 = first.y
        for point in points.dropFirst() {
            x0 = min(x0, point.x); y0 = min(y0, point.y); x1 = max(x1, point.x); y1 = max(y1, point.y)
        }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}

/// How a line or outline is stroked.
package struct Stroke: Hashable, Sendable {
    package var color: Color
    package var width: Double
    /// Dash lengths in points, alternating on and off; empty for a solid line.
    package var dash: [Double]
    package init(color: Color, width: Double, dash: [Double] = []) {
        self.color = color; self.width = width; self.dash = dash
    }
}

/// A raster image (PNG or JPEG bytes) drawn into a box.
package struct ImageBox: Sendable {
    package var data: [UInt8]
    package var format: Format
    package var size: Size
    /// The text a reader hears or sees instead of the image.
    package var alternativeText: String
    package enum Format: Sendable { case png, jpeg }
    package init(data: [UInt8], format: Format, size: Size, alternativeText: String) {
        self.data = data; self.format = format; self.size = size; self.alternativeText = alternativeText
    }
}

/// An area that links to a named destination or to an external address.
package struct Link: Sendable {
    package enum Target: Hashable, Sendable {
        case destination(String)
        case uri(String)
    }
    package var size: Size
    package var target: Target
    package init(size: Size, target: Target) { self.size = size; self.target = target }
}

/// A named place in the document.
package struct Destination: Sendable {
    package var name: String
    /// The outline entry this place carries, if any: its level (1 is top) and title.
    package var outline: (level: Int, title: String)?
    package init(name: String, outline: (level: Int, title: String)? = nil) {
        self.name = name; self.outline = outline
    }
}
