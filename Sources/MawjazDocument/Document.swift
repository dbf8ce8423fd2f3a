// The document: a report's blocks with data bound in, numbers formatted, ready to lay out.
import MawjazData
import MawjazFrame
import MawjazLanguage

/// A piece of inline text with its emphasis.
package struct Inline: Hashable, Sendable {
    package var text: String
    package var bold: Bool
    package var italic: Bool
    package var underline: Bool
    /// The address this piece links to.
    package var link: String?
    package init(_ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false, link: String? = nil) {
        self.text = text; self.bold = bold; self.italic = italic; self.underline = underline; self.link = link
    }
}

/// Rich text: inline pieces in logical order.
package typealias RichText = [Inline]

extension Array where Element == Inline {
    /// The plain text of the pieces.
    package var plainText: String { map(\.text).joined() }
}

/// A heading, numbered or not.
package struct Heading: Sendable {
    package var text: RichText
    package var level: Int
    /// The heading's number in the document's numerals ("١٫٢"), if headings are numbered.
    package var number: String?
    /// A name for links and the outline, unique in the document.
    package var anchor: String
    package var direction: Direction
    package var source: SourceLocation
    package init(text: RichText, level: Int, number: String? = nil, anchor: String, direction: Direction, source: SourceLocation) {
        self.text = text; self.level = level; self.number = number; self.anchor = anchor; self.direction = direction; self.source = source
    }
}

/// A paragraph.
package struct Paragraph: Sendable {
    package var text: RichText
    package var direction: Direction
    package var alignment: Alignment
    package var justify: JustifyMode
    package var role: TextRole
    package var source: SourceLocation
    package init(text: RichText, direction: Direction, alignment: Alignment, justify: JustifyMode, role: TextRole, source: SourceLocation) {
        self.text = text; self.direction = direction; self.alignment = alignment; self.justify = justify; self.role = role; self.source = source
    }
}

/// A box of key figures.
package struct FactsBox: Sendable {
    package struct Item: Sendable {
        package var value: String
        package var label: String
        /// A small chart drawn between the value and its label.
        package var sparkline: Chart?
        /// Where the figure comes from, drawn small below its label.
        package var source: String?
        package init(value: String, label: String, sparkline: Chart? = nil, source: String? = nil) {
            self.value = value; self.label = label; self.sparkline = sparkline; self.source = source
        }
    }
    package var title: String?
    package var items: [Item]
    package var columns: Int?
    package var source: SourceLocation
    package init(title: String? = nil, items: [Item], columns: Int? = nil, source: SourceLocation) {
        self.title = title; self.items = items; self.columns = columns; self.source = source
    }
}

/// A bound table.
package struct Table: Sendable {
    package struct Column: Sendable {
        package var title: String
        package var width: ColumnWidth
        package var alignment: Alignment
        package init(title: String, width: ColumnWidth, alignment: Alignment) {
            self.title = title; self.width = width; self.alignment = alignment
        }
    }
    package struct Cell: Sendable {
        package var text: RichText
        package var span: Int
        /// Whether the cell holds a figure (aligned as numbers are).
        package var isFigure: Bool
        package init(text: RichText, span: Int, isFigure: Bool) {
            self.text = text; self.span = span; self.isFigure = isFigure
        }
    }
    package var title: String?
    package var caption: String?
    package var columns: [Column]
    package var rows: [[Cell]]
    package var zebra: Bool
    package var borders: Bool
    package var direction: Direction
    package var source: SourceLocation
    package init(title: String? = nil, caption: String? = nil, columns: [Column], rows: [[Cell]], zebra: Bool, borders: Bool, direction: Direction, source: SourceLocation) {
        self.title = title; self.caption = caption; self.columns = columns; self.rows = rows; self.zebra = zebra; self.borders = borders; self.direction = direction; self.source = source
    }
}

/// A chart bound to its numbers: categories along one axis, one or more series of values, or dated events.
package struct Chart: Sendable {
    /// One series: a name and one value per category.
    package struct Series: Hashable, Sendable {
        package var name: String
        package var values: [Double]
        package init(name: String, values: [Double]) {
            self.name = name; self.values = values
        }
    }
    /// A dated event of a timeline.
    package struct Event: Hashable, Sendable {
        package var date: CalendarDate
        /// The date as the chart writes it, in the document's language and numerals.
        package var dateText: String
        package var text: String
        package init(date: CalendarDate, dateText: String, text: String) {
            self.date = date; self.dateText = dateText; self.text = text
        }
    }
    package var kind: ChartKind
    /// The category labels, formatted (years in the document's numerals, category names as written).
    package var categories: [String]
    /// Whether the categories are periods in time order (years, months), so that their labels may be thinned.
    package var ordinal: Bool
    package var series: [Series]
    /// The events of a timeline, in date order; empty for other kinds.
    package var events: [Event]
    /// Whether the values are percentages.
    package var percent: Bool
    package var title: String?
    package var caption: String?
    package var sourceNote: String?
    package var domain: ClosedRange<Double>?
    package var height: Double?
    package var valueLabels: Bool
    /// A description of the chart for readers who cannot see it.
    package var alternativeText: String
    package var direction: Direction
    package var source: SourceLocation
    package init(kind: ChartKind, categories: [String], ordinal: Bool = false, series: [Series], events: [Event] = [], percent: Bool = false,
                title: String? = nil, caption: String? = nil, sourceNote: String? = nil, domain: ClosedRange<Double>? = nil, height: Double? = nil,
                valueLabels: Bool, alternativeText: String, direction: Direction, source: SourceLocation) {
        self.kind = kind; self.categories = categories; self.ordinal = ordinal; self.series = series; self.events = events
        self.percent = percent; self.title = title; self.caption = caption; self.sourceNote = sourceNote; self.domain = domain; self.height = height; self.valueLabels = valueLabels; self.alternativeText = alternativeText; self.direction = direction; self.source = source
    }
}

/// Dated events in order.
package struct Timeline: Sendable {
    package struct Event: Sendable {
        package var date: String
        package var text: RichText
        package init(date: String, text: RichText) {
            self.date = date; self.text = text
        }
    }
    package var title: String?
    package var events: [Event]
    package var direction: Direction
    package var source: SourceLocation
    package init(title: String? = nil, events: [Event], direction: Direction, source: SourceLocation) {
        self.title = title; self.events = events; self.direction = direction; self.source = source
    }
}

/// A list, possibly nested.
package struct ListBlock: Sendable {
    package struct Item: Sendable {
        /// The marker: a bullet, or the item's number in the document's numerals.
        package var marker: String
        package var text: RichText
        package var children: ListBlock?
        package init(marker: String, text: RichText, children: ListBlock? = nil) {
            self.marker = marker; self.text = text; self.children = children
        }
    }
    package var items: [Item]
    package var direction: Direction
    package var source: SourceLocation
    package init(items: [Item], direction: Direction, source: SourceLocation) {
        self.items = items; self.direction = direction; self.source = source
    }
}

/// A boxed note.
package struct Note: Sendable {
    package var title: String?
    package var text: RichText
    package var direction: Direction
    package var source: SourceLocation
    package init(title: String? = nil, text: RichText, direction: Direction, source: SourceLocation) {
        self.title = title; self.text = text; self.direction = direction; self.source = source
    }
}

/// A picture.
package struct Figure: Sendable {
    package var data: [UInt8]
    package var format: ImageBox.Format
    /// The image's size in pixels.
    package var pixelSize: Size
    package var alternativeText: String
    package var caption: String?
    package var width: ColumnWidth
    package var maxHeight: Double?
    package var source: SourceLocation
    package init(data: [UInt8], format: ImageBox.Format, pixelSize: Size, alternativeText: String, caption: String? = nil, width: ColumnWidth, maxHeight: Double? = nil, source: SourceLocation) {
        self.data = data; self.format = format; self.pixelSize = pixelSize; self.alternativeText = alternativeText; self.caption = caption; self.width = width; self.maxHeight = maxHeight; self.source = source
    }
}

/// A signature block.
package struct Signature: Sendable {
    package var name: String
    package var title: String?
    package var organisation: String?
    package var stamp: Bool
    package var source: SourceLocation
    package init(name: String, title: String? = nil, organisation: String? = nil, stamp: Bool, source: SourceLocation) {
        self.name = name; self.title = title; self.organisation = organisation; self.stamp = stamp; self.source = source
    }
}

/// Blocks in side-by-side columns.
package struct ColumnSet: Sendable {
    package var count: Int
    package var blocks: [Block]
    package var source: SourceLocation
    package init(count: Int, blocks: [Block], source: SourceLocation) {
        self.count = count; self.blocks = blocks; self.source = source
    }
}

/// A table of contents: its entries are filled in when the whole document is bound.
package struct Contents: Sendable {
    package struct Entry: Sendable {
        package var anchor: String
        package var title: String
        package var level: Int
        package init(anchor: String, title: String, level: Int) { self.anchor = anchor; self.title = title; self.level = level }
    }
    package var title: String?
    package var levels: Int
    package var entries: [Entry]
    package var source: SourceLocation
    package init(title: String? = nil, levels: Int, entries: [Entry], source: SourceLocation) {
        self.title = title; self.levels = levels; self.entries = entries; self.source = source
    }
}

/// The reference block of a letter: each line a label and a value.
package struct Reference: Sendable {
    package var lines: [(label: String, value: String)]
    package var source: SourceLocation
    package init(lines: [(label: String, value: String)], source: SourceLocation) { self.lines = lines; self.source = source }
}

/// One block of a document.
package enum Block: Sendable {
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
package struct Document: Sendable {
    package var title: String
    package var subtitle: String?
    /// The report's date, formatted under the document's date style and numerals.
    package var dateText: String
    package var date: CalendarDate
    package var classification: String?
    package var author: String?
    package var subject: String?
    package var keywords: [String]
    package var settings: ReportSettings
    package var template: Template
    package var blocks: [Block]
    /// The report file the document was bound from ("" when built in code).
    package var sourceFile: String
    /// The attachment number this document carries ("مرفق (١)"), if any.
    package var attachment: Int?
    /// What laying this document out may spend (its report's limits).
    package var limits = Limits()

    /// The direction the document reads in.
    package var direction: Direction { settings.language.direction }
    /// The document's language.
    package var language: Language { settings.language }
    package init(title: String, subtitle: String? = nil, dateText: String, date: CalendarDate, classification: String? = nil, author: String? = nil, subject: String? = nil, keywords: [String], settings: ReportSettings, template: Template, blocks: [Block], sourceFile: String, attachment: Int? = nil) {
        self.title = title; self.subtitle = subtitle; self.dateText = dateText; self.date = date; self.classification = classification; self.author = author; self.subject = subject; self.keywords = keywords; self.settings = settings; self.template = template; self.blocks = blocks; self.sourceFile = sourceFile; self.attachment = attachment
    }
}
