// The document: a report's blocks with data bound in, numbers formatted, ready to lay out.
import MawjazData
import MawjazFrame

/// A piece of inline text with its emphasis.
public struct Inline: Hashable, Sendable {
    public var text: String
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    /// The address this piece links to.
    public var link: String?
    public init(_ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false, link: String? = nil) {
        self.text = text; self.bold = bold; self.italic = italic; self.underline = underline; self.link = link
    }
}

/// Rich text: inline pieces in logical order.
public typealias RichText = [Inline]

extension Array where Element == Inline {
    /// The plain text of the pieces.
    public var plainText: String { map(\.text).joined() }
}

/// A heading, numbered or not.
public struct Heading: Sendable {
    public var text: RichText
    public var level: Int
    /// The heading's number in the document's numerals ("١٫٢"), if headings are numbered.
    public var number: String?
    /// A name for links and the outline, unique in the document.
    public var anchor: String
    public var direction: Direction
    public var source: SourceLocation
}

/// A paragraph.
public struct Paragraph: Sendable {
    public var text: RichText
    public var direction: Direction
    public var alignment: Alignment
    public var justify: JustifyMode
    public var role: TextRole
    public var source: SourceLocation
}

/// A box of key figures.
public struct FactsBox: Sendable {
    public struct Item: Sendable {
        public var value: String
        public var label: String
    }
    public var title: String?
    public var items: [Item]
    public var columns: Int?
    public var source: SourceLocation
}

/// A bound table.
public struct Table: Sendable {
    public struct Column: Sendable {
        public var title: String
        public var width: ColumnWidth
        public var alignment: Alignment
    }
    public struct Cell: Sendable {
        public var text: RichText
        public var span: Int
        /// Whether the cell holds a figure (aligned as numbers are).
        public var isFigure: Bool
    }
    public var title: String?
    public var caption: String?
    public var columns: [Column]
    public var rows: [[Cell]]
    public var zebra: Bool
    public var borders: Bool
    public var direction: Direction
    public var source: SourceLocation
}

/// A chart bound to its numbers: categories along one axis, one or more series of values.
public struct Chart: Sendable {
    public struct Series: Hashable, Sendable {
        public var name: String
        public var values: [Double]
    }
    public var kind: ChartKind
    /// The category labels, formatted (years in the document's numerals, category names as written).
    public var categories: [String]
    public var series: [Series]
    public var title: String?
    public var caption: String?
    public var sourceNote: String?
    public var domain: ClosedRange<Double>?
    public var height: Double?
    public var valueLabels: Bool
    /// A description of the chart for readers who cannot see it.
    public var alternativeText: String
    public var direction: Direction
    public var source: SourceLocation
}

/// Dated events in order.
public struct Timeline: Sendable {
    public struct Event: Sendable {
        public var date: String
        public var text: RichText
    }
    public var title: String?
    public var events: [Event]
    public var direction: Direction
    public var source: SourceLocation
}

/// A list, possibly nested.
public struct ListBlock: Sendable {
    public struct Item: Sendable {
        /// The marker: a bullet, or the item's number in the document's numerals.
        public var marker: String
        public var text: RichText
        public var children: ListBlock?
    }
    public var items: [Item]
    public var direction: Direction
    public var source: SourceLocation
}

/// A boxed note.
public struct Note: Sendable {
    public var title: String?
    public var text: RichText
    public var direction: Direction
    public var source: SourceLocation
}

/// A picture.
public struct Figure: Sendable {
    public var data: [UInt8]
    public var format: ImageBox.Format
    /// The image's size in pixels.
    public var pixelSize: Size
    public var alternativeText: String
    public var caption: String?
    public var width: ColumnWidth
    public var maxHeight: Double?
    public var source: SourceLocation
}

/// A signature block.
public struct Signature: Sendable {
    public var name: String
    public var title: String?
    public var organisation: String?
    public var stamp: Bool
    public var source: SourceLocation
}

/// Blocks in side-by-side columns.
public struct ColumnSet: Sendable {
    public var count: Int
    public var blocks: [Block]
    public var source: SourceLocation
}

/// One block of a document.
public enum Block: Sendable {
    case heading(Heading)
    case paragraph(Paragraph)
    case facts(FactsBox)
    case table(Table)
    case chart(Chart)
    case timeline(Timeline)
    case list(ListBlock)
    case note(Note)
    case figure(Figure)
    case signature(Signature)
    case spacer(Double)
    case rule
    case columns(ColumnSet)
    case pageBreak
}

/// A bound document: what layout sets.
public struct Document: Sendable {
    public var title: String
    public var subtitle: String?
    /// The report's date, formatted under the document's date style and numerals.
    public var dateText: String
    public var date: CalendarDate
    public var classification: String?
    public var author: String?
    public var subject: String?
    public var keywords: [String]
    public var settings: ReportSettings
    public var template: Template
    public var blocks: [Block]
    /// The report file the document was bound from ("" when built in code).
    public var sourceFile: String

    /// The direction the document reads in.
    public var direction: Direction { settings.language.direction }
    /// The document's language.
    public var language: Language { settings.language }
}
