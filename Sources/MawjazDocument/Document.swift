// The document: a report's blocks with data bound in, numbers formatted, ready to lay out.
import MawjazData
import MawjazFrame
import MawjazLanguage

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
    public init(text: RichText, level: Int, number: String? = nil, anchor: String, direction: Direction, source: SourceLocation) {
        self.text = text; self.level = level; self.number = number; self.anchor = anchor; self.direction = direction; self.source = source
    }
}

/// A paragraph.
public struct Paragraph: Sendable {
    public var text: RichText
    public var direction: Direction
    public var alignment: Alignment
    public var justify: JustifyMode
    public var role: TextRole
    public var source: SourceLocation
    public init(text: RichText, direction: Direction, alignment: Alignment, justify: JustifyMode, role: TextRole, source: SourceLocation) {
        self.text = text; self.direction = direction; self.alignment = alignment; self.justify = justify; self.role = role; self.source = source
    }
}

/// A box of key figures.
public struct FactsBox: Sendable {
    public struct Item: Sendable {
        public var value: String
        public var label: String
        /// A small chart drawn between the value and its label.
        public var sparkline: Chart?
        public init(value: String, label: String, sparkline: Chart? = nil) {
            self.value = value; self.label = label; self.sparkline = sparkline
        }
    }
    public var title: String?
    public var items: [Item]
    public var columns: Int?
    public var source: SourceLocation
    public init(title: String? = nil, items: [Item], columns: Int? = nil, source: SourceLocation) {
        self.title = title; self.items = items; self.columns = columns; self.source = source
    }
}

/// A bound table.
public struct Table: Sendable {
    public struct Column: Sendable {
        public var title: String
        public var width: ColumnWidth
        public var alignment: Alignment
        public init(title: String, width: ColumnWidth, alignment: Alignment) {
            self.title = title; self.width = width; self.alignment = alignment
        }
    }
    public struct Cell: Sendable {
        public var text: RichText
        public var span: Int
        /// Whether the cell holds a figure (aligned as numbers are).
        public var isFigure: Bool
        public init(text: RichText, span: Int, isFigure: Bool) {
            self.text = text; self.span = span; self.isFigure = isFigure
        }
    }
    public var title: String?
    public var caption: String?
    public var columns: [Column]
    public var rows: [[Cell]]
    public var zebra: Bool
    public var borders: Bool
    public var direction: Direction
    public var source: SourceLocation
    public init(title: String? = nil, caption: String? = nil, columns: [Column], rows: [[Cell]], zebra: Bool, borders: Bool, direction: Direction, source: SourceLocation) {
        self.title = title; self.caption = caption; self.columns = columns; self.rows = rows; self.zebra = zebra; self.borders = borders; self.direction = direction; self.source = source
    }
}

/// A chart bound to its numbers: categories along one axis, one or more series of values, or dated events.
public struct Chart: Sendable {
    /// One series: a name and one value per category.
    public struct Series: Hashable, Sendable {
        public var name: String
        public var values: [Double]
        public init(name: String, values: [Double]) {
            self.name = name; self.values = values
        }
    }
    /// A dated event of a timeline.
    public struct Event: Hashable, Sendable {
        public var date: CalendarDate
        /// The date as the chart writes it, in the document's language and numerals.
        public var dateText: String
        public var text: String
        public init(date: CalendarDate, dateText: String, text: String) {
            self.date = date; self.dateText = dateText; self.text = text
        }
    }
    public var kind: ChartKind
    /// The category labels, formatted (years in the document's numerals, category names as written).
    public var categories: [String]
    /// Whether the categories are periods in time order (years, months), so that their labels may be thinned.
    public var ordinal: Bool
    public var series: [Series]
    /// The events of a timeline, in date order; empty for other kinds.
    public var events: [Event]
    /// Whether the values are percentages.
    public var percent: Bool
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
    public init(kind: ChartKind, categories: [String], ordinal: Bool = false, series: [Series], events: [Event] = [], percent: Bool = false,
                title: String? = nil, caption: String? = nil, sourceNote: String? = nil, domain: ClosedRange<Double>? = nil, height: Double? = nil,
                valueLabels: Bool, alternativeText: String, direction: Direction, source: SourceLocation) {
        self.kind = kind; self.categories = categories; self.ordinal = ordinal; self.series = series; self.events = events
        self.percent = percent; self.title = title; self.caption = caption; self.sourceNote = sourceNote; self.domain = domain; self.height = height; self.valueLabels = valueLabels; self.alternativeText = alternativeText; self.direction = direction; self.source = source
    }
}

/// Dated events in order.
public struct Timeline: Sendable {
    public struct Event: Sendable {
        public var date: String
        public var text: RichText
        public init(date: String, text: RichText) {
            self.date = date; self.text = text
        }
    }
    public var title: String?
    public var events: [Event]
    public var direction: Direction
    public var source: SourceLocation
    public init(title: String? = nil, events: [Event], direction: Direction, source: SourceLocation) {
        self.title = title; self.events = events; self.direction = direction; self.source = source
    }
}

/// A list, possibly nested.
public struct ListBlock: Sendable {
    public struct Item: Sendable {
        /// The marker: a bullet, or the item's number in the document's numerals.
        public var marker: String
        public var text: RichText
        public var children: ListBlock?
        public init(marker: String, text: RichText, children: ListBlock? = nil) {
            self.marker = marker; self.text = text; self.children = children
        }
    }
    public var items: [Item]
    public var direction: Direction
    public var source: SourceLocation
    public init(items: [Item], direction: Direction, source: SourceLocation) {
        self.items = items; self.direction = direction; self.source = source
    }
}

/// A boxed note.
public struct Note: Sendable {
    public var title: String?
    public var text: RichText
    public var direction: Direction
    public var source: SourceLocation
    public init(title: String? = nil, text: RichText, direction: Direction, source: SourceLocation) {
        self.title = title; self.text = text; self.direction = direction; self.source = source
    }
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
    public init(data: [UInt8], format: ImageBox.Format, pixelSize: Size, alternativeText: String, caption: String? = nil, width: ColumnWidth, maxHeight: Double? = nil, source: SourceLocation) {
        self.data = data; self.format = format; self.pixelSize = pixelSize; self.alternativeText = alternativeText; self.caption = caption; self.width = width; self.maxHeight = maxHeight; self.source = source
    }
}

/// A signature block.
public struct Signature: Sendable {
    public var name: String
    public var title: String?
    public var organisation: String?
    public var stamp: Bool
    public var source: SourceLocation
    public init(name: String, title: String? = nil, organisation: String? = nil, stamp: Bool, source: SourceLocation) {
        self.name = name; self.title = title; self.organisation = organisation; self.stamp = stamp; self.source = source
    }
}

/// Blocks in side-by-side columns.
public struct ColumnSet: Sendable {
    public var count: Int
    public var blocks: [Block]
    public var source: SourceLocation
    public init(count: Int, blocks: [Block], source: SourceLocation) {
        self.count = count; self.blocks = blocks; self.source = source
    }
}

/// A table of contents: its entries are filled in when the whole document is bound.
public struct Contents: Sendable {
    public struct Entry: Sendable {
        public var anchor: String
        public var title: String
        public var level: Int
        public init(anchor: String, title: String, level: Int) { self.anchor = anchor; self.title = title; self.level = level }
    }
    public var title: String?
    public var levels: Int
    public var entries: [Entry]
    public var source: SourceLocation
    public init(title: String? = nil, levels: Int, entries: [Entry], source: SourceLocation) {
        self.title = title; self.levels = levels; self.entries = entries; self.source = source
    }
}

/// The reference block of a letter: each line a label and a value.
public struct Reference: Sendable {
    public var lines: [(label: String, value: String)]
    public var source: SourceLocation
    public init(lines: [(label: String, value: String)], source: SourceLocation) { self.lines = lines; self.source = source }
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
    case contents(Contents)
    case reference(Reference)
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
    /// The attachment number this document carries ("مرفق (١)"), if any.
    public var attachment: Int?
    /// What laying this document out may spend (its report's limits).
    public var limits = Limits()

    /// The direction the document reads in.
    public var direction: Direction { settings.language.direction }
    /// The document's language.
    public var language: Language { settings.language }
    public init(title: String, subtitle: String? = nil, dateText: String, date: CalendarDate, classification: String? = nil, author: String? = nil, subject: String? = nil, keywords: [String], settings: ReportSettings, template: Template, blocks: [Block], sourceFile: String, attachment: Int? = nil) {
        self.title = title; self.subtitle = subtitle; self.dateText = dateText; self.date = date; self.classification = classification; self.author = author; self.subject = subject; self.keywords = keywords; self.settings = settings; self.template = template; self.blocks = blocks; self.sourceFile = sourceFile; self.attachment = attachment
    }
}
