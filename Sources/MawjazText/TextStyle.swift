// What the text engine is asked to set: styled spans, paragraph settings, and what it gives back.
import Foundation
import MawjazFrame

/// The look of a span of text.
package struct TextStyle: Hashable, Sendable {
    /// Font families in order of preference; each must be a family of the bundled fonts.
    package var families: [String]
    /// Size in points.
    package var size: Double
    package var bold: Bool
    package var italic: Bool
    package var color: Color
    package var underline: Bool

    package init(families: [String], size: Double, bold: Bool = false, italic: Bool = false,
                color: Color = .black, underline: Bool = false) {
        self.families = families; self.size = size; self.bold = bold; self.italic = italic
        self.color = color; self.underline = underline
    }

    /// This style with some properties changed.
    package func with(size: Double? = nil, bold: Bool? = nil, italic: Bool? = nil, color: Color? = nil,
                     underline: Bool? = nil) -> TextStyle {
        var copy = self
        if let size { copy.size = size }
        if let bold { copy.bold = bold }
        if let italic { copy.italic = italic }
        if let color { copy.color = color }
        if let underline { copy.underline = underline }
        return copy
    }
}

/// A piece of text in one style.
package struct TextSpan: Hashable, Sendable {
    package var text: String
    package var style: TextStyle
    /// An address or destination the span links to, if any.
    package var link: Link.Target?
    package init(_ text: String, style: TextStyle, link: Link.Target? = nil) {
        self.text = text; self.style = style; self.link = link
    }
}

/// A paragraph to set: its spans and how its lines are formed.
package struct StyledParagraph: Hashable, Sendable {
    package var spans: [TextSpan]
    /// The base direction; the engine never guesses it from the text.
    package var direction: Direction
    /// The side lines go to; `justify` fills every line but the last.
    package var alignment: Alignment
    /// The distance between baselines as a multiple of the base size.
    package var lineHeight: Double
    /// The width lines wrap to; nil sets the paragraph on one line per hard line break.
    package var width: Double?
    /// How justified lines are filled.
    package var justification: Justification

    package init(spans: [TextSpan], direction: Direction, alignment: Alignment = .start,
                lineHeight: Double = 1.5, width: Double? = nil, justification: Justification = .spaces) {
        self.spans = spans; self.direction = direction; self.alignment = alignment
        self.lineHeight = lineHeight; self.width = width; self.justification = justification
    }

    /// The whole text of the paragraph.
    package var text: String { spans.map(\.text).joined() }

    /// Hashes the spans' texts' bytes and the width only: set text is kept by paragraph (a chart's labels met again),
    /// and hashing every span's style (its families' names) too took several thousand instructions a paragraph, a
    /// `String`'s own hash (which normalizes non-ASCII text first) several hundred a span. Paragraphs equal by `==`
    /// hash the same.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(spans.count)
        for span in spans {
            var text = span.text
            hasher.combine(text.utf8.count)
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
        hasher.combine(width)
    }

    /// Equal when every setting is and the spans' texts are the same bytes: Pango sets bytes, so two texts a
    /// `String` holds equal (canonically equivalent, of other bytes) may be set apart.
    package static func == (left: StyledParagraph, right: StyledParagraph) -> Bool {
        left.direction == right.direction && left.alignment == right.alignment && left.lineHeight == right.lineHeight
            && left.width == right.width && left.justification == right.justification && left.spans.count == right.spans.count
            && zip(left.spans, right.spans).allSatisfy { pair in
                sameBytes(pair.0.text, pair.1.text) && pair.0.style == pair.1.style && pair.0.link == pair.1.link
            }
    }

    /// Whether two texts are the same bytes, compared by `memcmp`.
    private static func sameBytes(_ left: String, _ right: String) -> Bool {
        guard left.utf8.count == right.utf8.count else { return false }
        var left = left, right = right
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                guard let leftStart = leftBytes.baseAddress, let rightStart = rightBytes.baseAddress else { return true }
                return memcmp(leftStart, rightStart, leftBytes.count) == 0
            }
        }
    }
}

/// What setting text may let pass instead of stopping with an error.
package struct Tolerance: OptionSet, Hashable, Sendable {
    package let rawValue: Int
    package init(rawValue: Int) { self.rawValue = rawValue }
    /// A line wider than its paragraph (a word that cannot be broken) sticks out.
    package static let overflow = Tolerance(rawValue: 1)
    /// A character no bundled font has is left undrawn.
    package static let missingGlyphs = Tolerance(rawValue: 2)
}

/// How a justified line is filled to the measure.
package enum Justification: Hashable, Sendable {
    /// Wider spaces between words.
    case spaces
    /// Arabic words stretched with tatweel at the joins calligraphy allows, then wider spaces where that is not enough.
    case kashida
}

/// A set paragraph: its lines, each placed relative to the paragraph's top-left corner.
package struct ShapedParagraph: Sendable {
    /// A line and where its baseline starts.
    package struct Line: Sendable {
        package var line: TextLine
        /// The left end of the baseline, relative to the paragraph's top-left corner.
        package var origin: Point
        /// The line box: from `top` to `bottom`, relative to the paragraph's top.
        package var top: Double
        package var bottom: Double
        /// Link areas on this line, relative to the line's baseline origin.
        package var links: [(rect: Rect, target: Link.Target)]
    }
    package var lines: [Line]
    /// The width the paragraph was set to, or its widest line when it was not wrapped.
    package var width: Double
    /// The width of the widest line.
    package var naturalWidth: Double
    /// From the top of the first line box to the bottom of the last.
    package var height: Double { lines.last?.bottom ?? 0 }
}
