// Points, sizes, rectangles and colours: the units every stage after layout speaks (points, y down).

/// A position in points, measured from the top-left corner of its frame, y growing downwards.
package struct Point: Hashable, Sendable {
    package var x: Double
    package var y: Double
    package init(x: Double, y: Double) { self.x = x; self.y = y }
    package static let zero = Point(x: 0, y: 0)
    /// This point moved by `dx`, `dy`.
    package func offsetBy(dx: Double = 0, dy: Double = 0) -> Point { Point(x: x + dx, y: y + dy) }
}

/// A width and a height in points.
package struct Size: Hashable, Sendable {
    package var width: Double
    package var height: Double
    package init(width: Double, height: Double) { self.width = width; self.height = height }
    package static let zero = Size(width: 0, height: 0)
}

/// An axis-aligned rectangle in points.
package struct Rect: Hashable, Sendable {
    package var origin: Point
    package var size: Size
    package init(origin: Point, size: Size) { self.origin = origin; self.size = size }
    package init(x: Double, y: Double, width: Double, height: Double) {
        self.init(origin: Point(x: x, y: y), size: Size(width: width, height: height))
    }
    package var minX: Double { origin.x }
    package var minY: Double { origin.y }
    package var maxX: Double { origin.x + size.width }
    package var maxY: Double { origin.y + size.height }
    package var width: Double { size.width }
    package var height: Double { size.height }
    /// This rectangle moved by `dx`, `dy`.
    package func offsetBy(dx: Double = 0, dy: Double = 0) -> Rect {
        Rect(origin: origin.offsetBy(dx: dx, dy: dy), size: size)
    }
    /// Whether the two rectangles share an area wider and taller than `tolerance`.
    package func overlaps(_ other: Rect, tolerance: Double = 0) -> Bool {
        min(maxX, other.maxX) - max(minX, other.minX) > tolerance
            && min(maxY, other.maxY) - max(minY, other.minY) > tolerance
    }
    /// Whether `other` lies inside this rectangle, allowing `tolerance` points of excess.
    package func contains(_ other: Rect, tolerance: Double = 0) -> Bool {
        other.minX >= minX - tolerance && other.maxX <= maxX + tolerance
            && other.minY >= minY - tolerance && other.maxY <= maxY + tolerance
    }
}

/// An sRGB colour with alpha, each component in 0...1.
package struct Color: Hashable, Sendable {
    package var red: Double
    package var green: Double
    package var blue: Double
    package var alpha: Double
    package init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }
    /// A colour from `#rgb`, `#rrggbb` or `#rrggbbaa`; nil when the text is not one of these.
    package init?(hex: String) {
        var digits = Substring(hex)
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        let expanded: String
        switch digits.count {
        case 3: expanded = digits.map { "\($0)\($0)" }.joined() + "ff"
        case 6: expanded = String(digits) + "ff"
        case 8: expanded = String(digits)
        default: return nil
        }
        guard let value = UInt32(expanded, radix: 16) else { return nil }
        self.init(red: Double((value >> 24) & 0xff) / 255, green: Double((value >> 16) & 0xff) / 255,
                  blue: Double((value >> 8) & 0xff) / 255, alpha: Double(value & 0xff) / 255)
    }
    package static let black = Color(red: 0, green: 0, blue: 0)
    package static let white = Color(red: 1, green: 1, blue: 1)
}
