// What the text engine is asked to set: styled spans, paragraph settings, and what it gives back.
import MawjazFrame

/// The look of a span of text.
public struct TextStyle: Hashable, Sendable {
    /// Font families in order of preference; each must be a family of the bundled fonts.
    public var families: [String]
    /// Size in points.
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    public var color: Color
    public var underline: Bool

    public init(families: [String], size: Double, bold: Bool = false, italic: Bool = false,
                color: Color = .black, underline: Bool = false) {
        self.families = families; self.size = size; self.bold = bold; self.italic = italic
        self.color = color; self.underline = underline
    }

    /// This style with some properties changed.
    public func with(size: Double? = nil, bold: Bool? = nil, italic: Bool? = nil, color: Color? = nil,
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
public struct TextSpan: Hashable, Sendable {
    public var text: String
    public var style: TextStyle
    /// An address or destination the span links to, if any.
    public var link: Link.Target?
    public init(_ text: String, style: TextStyle, link: Link.Target? = nil) {
        self.text = text; self.style = style; self.link = link
    }
}

/// A paragraph to set: its spans and how its lines are formed.
public struct StyledParagraph: Hashable, Sendable {
    public var spans: [TextSpan]
    /// The base direction; the engine never guesses it from the text.
    public var direction: Direction
    /// The side lines go to; `justify` fills every line but the last.
    public var alignment: Alignment
    /// The distance between baselines as a multiple of the base size.
    public var lineHeight: Double
    /// The width lines wrap to; nil sets the paragraph on one line per hard line break.
    public var width: Double?
    /// How justified lines are filled.
    public var justification: Justification

    public init(spans: [TextSpan], direction: Direction, alignment: Alignment = .start,
                lineHeight: Double = 1.5, width: Double? = nil, justification: Justification = .spaces) {
        self.spans = spans; self.direction = direction; self.alignment = alignment
        self.lineHeight = lineHeight; self.width = width; self.justification = justification
    }

    /// The whole text of the paragraph.
    public var text: String { spans.map(\.text).joined() }
}

/// What setting text may let pass instead of stopping with an error.
public struct Tolerance: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// A line wider than its paragraph (a word that cannot be broken) sticks out.
    public static let overflow = Tolerance(rawValue: 1)
    /// A character no bundled font has is left undrawn.
    public static let missingGlyphs = Tolerance(rawValue: 2)
}

/// How a justified line is filled to the measure.
public enum Justification: Hashable, Sendable {
    /// Wider spaces between words.
    case spaces
    /// Arabic words stretched with tatweel at the joins calligraphy allows, then wider spaces where that is not enough.
    case kashida
}

/// A set paragraph: its lines, each placed relative to the paragraph's top-left corner.
public struct ShapedParagraph: Sendable {
    /// A line and where its baseline starts.
    public struct Line: Sendable {
        public var line: TextLine
        /// The left end of the baseline, relative to the paragraph's top-left corner.
        public var origin: Point
        /// The line box: from `top` to `bottom`, relative to the paragraph's top.
        public var top: Double
        public var bottom: Double
        /// Link areas on this line, relative to the line's baseline origin.
        public var links: [(rect: Rect, target: Link.Target)]
    }
    public var lines: [Line]
    /// The width the paragraph was set to, or its widest line when it was not wrapped.
    public var width: Double
    /// The width of the widest line.
    public var naturalWidth: Double
    /// From the top of the first line box to the bottom of the last.
    public var height: Double { lines.last?.bottom ?? 0 }
}
