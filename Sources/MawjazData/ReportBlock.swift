// The body of a report as its author wrote it: blocks in reading order, text still holding placeholders.
import MawjazFrame

/// One block of a report's body, before data is bound into it.
public enum ReportBlock: Sendable, Codable {
    case heading(HeadingSpec)
    case paragraph(ParagraphSpec)
    case facts(FactsSpec)
    case table(TableSpec)
    case chart(ChartSpec)
    case timeline(TimelineSpec)
    case list(ListSpec)
    case note(NoteSpec)
    case image(ImageSpec)
    case signature(SignatureSpec)
    /// Empty vertical space, in points.
    case spacer(Double, SourceLocation)
    /// A horizontal line across the column.
    case rule(SourceLocation)
    /// Blocks set in two or more columns side by side.
    case columns(ColumnsSpec)
    /// Blocks repeated for each category or year of a dataset.
    case forEach(ForEachSpec)
    /// A table of contents: the document's headings with the pages they are on, each linking to its heading.
    case contents(ContentsSpec)
    /// The reference block of official correspondence: number, date and attachments.
    case reference(ReferenceSpec)
    /// The next block starts on a new page.
    case pageBreak(SourceLocation)

    /// Where the block was written.
    public var location: SourceLocation {
        switch self {
        case .heading(let spec): return spec.location
        case .paragraph(let spec): return spec.location
        case .facts(let spec): return spec.location
        case .table(let spec): return spec.location
        case .chart(let spec): return spec.location
        case .timeline(let spec): return spec.location
        case .list(let spec): return spec.location
        case .note(let spec): return spec.location
        case .image(let spec): return spec.location
        case .signature(let spec): return spec.location
        case .columns(let spec): return spec.location
        case .forEach(let spec): return spec.location
        case .contents(let spec): return spec.location
        case .reference(let spec): return spec.location
        case .spacer(_, let location), .rule(let location), .pageBreak(let location): return location
        }
    }
}

/// A section heading.
public struct HeadingSpec: Sendable, Codable {
    public var text: String
    /// 1 (section), 2 or 3.
    public var level: Int
    /// Whether the heading carries a number (١، ١٫١); nil follows the template.
    public var numbered: Bool?
    public var direction: Direction?
    public var location: SourceLocation
    public init(_ text: String, level: Int = 1, numbered: Bool? = nil, direction: Direction? = nil,
                location: SourceLocation = SourceLocation(file: "")) {
        self.text = text; self.level = level; self.numbered = numbered; self.direction = direction; self.location = location
    }
}

/// A paragraph of running text, with inline markup (`**bold**`, `*italic*`, `__underline__`, `[text](link)`).
public struct ParagraphSpec: Sendable, Codable {
    public var text: String
    public var direction: Direction?
    public var align: Alignment?
    public var justify: JustifyMode?
    public var location: SourceLocation
    public init(_ text: String, direction: Direction? = nil, align: Alignment? = nil, justify: JustifyMode? = nil,
                location: SourceLocation = SourceLocation(file: "")) {
        self.text = text; self.direction = direction; self.align = align; self.justify = justify; self.location = location
    }
}

/// A box of key figures: each a value with its label.
public struct FactsSpec: Sendable, Codable {
    public struct Item: Sendable, Codable {
        public var label: String
        public var value: String
        public var unit: String?
        public var source: String?
        /// A small chart drawn under the value (a chart of kind `sparkline`).
        public var sparkline: ChartSpec?
        public init(label: String, value: String, unit: String? = nil, source: String? = nil, sparkline: ChartSpec? = nil) {
            self.label = label; self.value = value; self.unit = unit; self.source = source; self.sparkline = sparkline
        }
    }
    public var title: String?
    public var items: [Item]
    /// Figures per row; nil lets the layout choose.
    public var columns: Int?
    public var location: SourceLocation
    public init(title: String? = nil, items: [Item], columns: Int? = nil, location: SourceLocation = SourceLocation(file: "")) {
        self.title = title; self.items = items; self.columns = columns; self.location = location
    }
}

/// How wide a table column is.
public enum ColumnWidth: Hashable, Sendable, Codable {
    /// From the content.
    case auto
    /// A fixed width in points.
    case points(Double)
    /// A share of the table's width, in percent.
    case percent(Double)
}

/// A table: column headings, rows of cells.
public struct TableSpec: Sendable, Codable {
    public struct Column: Sendable, Codable {
        public var title: String
        public var width: ColumnWidth
        public var align: Alignment?
        public init(_ title: String, width: ColumnWidth = .auto, align: Alignment? = nil) {
            self.title = title; self.width = width; self.align = align
        }
    }
    /// A cell; `span` columns wide.
    public struct Cell: Sendable, Codable {
        public var text: String
        public var span: Int
        public init(_ text: String, span: Int = 1) { self.text = text; self.span = span }
    }
    public var title: String?
    public var caption: String?
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Rows drawn from a dataset: one per activity, cells from these templates (`{{date}}`, `{{title}}`…).
    public var rowsFrom: RowSource?
    public var zebra: Bool
    public var borders: Bool
    public var direction: Direction?
    public var location: SourceLocation

    /// Rows generated from a dataset's activities.
    public struct RowSource: Sendable, Codable {
        public var dataset: String
        public var cells: [String]
        public var filter: ActivityFilter
        public var location: SourceLocation
        public init(dataset: String, cells: [String], filter: ActivityFilter = ActivityFilter(), location: SourceLocation) {
            self.dataset = dataset; self.cells = cells; self.filter = filter; self.location = location
        }
    }

    public init(title: String? = nil, caption: String? = nil, columns: [Column], rows: [[Cell]], rowsFrom: RowSource? = nil,
                zebra: Bool = true, borders: Bool = true, direction: Direction? = nil,
                location: SourceLocation = SourceLocation(file: "")) {
        self.title = title; self.caption = caption; self.columns = columns; self.rows = rows; self.rowsFrom = rowsFrom
        self.zebra = zebra; self.borders = borders; self.direction = direction; self.location = location
    }
}

/// The kinds of chart Mawjaz draws.
public enum ChartKind: String, Hashable, Sendable, Codable, CaseIterable {
    case bar
    case horizontalBar = "horizontal-bar"
    case groupedBar = "grouped-bar"
    case stackedBar = "stacked-bar"
    case line, area, donut, timeline, sparkline
}

/// What a chart's categories are.
public enum ChartGrouping: String, Hashable, Sendable, Codable, CaseIterable {
    case year, month, category
}

/// A chart of a dataset's counts, or of values written inline.
public struct ChartSpec: Sendable, Codable {
    /// A value written in the report: a label and one number per series.
    public struct Value: Hashable, Sendable, Codable {
        public var label: String
        public var values: [Double]
        public init(label: String, values: [Double]) { self.label = label; self.values = values }
    }
    /// A dated event written in the report, for a chart of kind `timeline`.
    public struct Event: Hashable, Sendable, Codable {
        public var date: CalendarDate
        public var text: String
        public init(date: CalendarDate, text: String) { self.date = date; self.text = text }
    }
    public var kind: ChartKind
    /// The dataset counted; nil when `values` are inline.
    public var dataset: String?
    public var by: ChartGrouping
    public var series: ChartGrouping?
    public var filter: ActivityFilter
    /// Keep the N largest categories and sum the rest as "other".
    public var top: Int?
    public var values: [Value]
    /// Events written inline, for a timeline.
    public var events: [Event]
    /// Whether the values are percentages (written with a percent sign).
    public var percent: Bool
    /// Series names for inline values with more than one number each.
    public var seriesNames: [String]
    public var title: String?
    public var caption: String?
    public var source: String?
    /// A fixed value axis, instead of one from the data.
    public var domain: ClosedRange<Double>?
    /// Height of the plot in points; nil lets the template decide.
    public var height: Double?
    /// Whether bars carry their values.
    public var valueLabels: Bool
    /// Text read instead of the chart; nil lets Mawjaz describe the data.
    public var alternativeText: String?
    public var location: SourceLocation

    public init(kind: ChartKind, dataset: String? = nil, by: ChartGrouping = .year, series: ChartGrouping? = nil,
                filter: ActivityFilter = ActivityFilter(), top: Int? = nil, values: [Value] = [], events: [Event] = [],
                percent: Bool = false, seriesNames: [String] = [],
                title: String? = nil, caption: String? = nil, source: String? = nil, domain: ClosedRange<Double>? = nil,
                height: Double? = nil, valueLabels: Bool = true, alternativeText: String? = nil,
                location: SourceLocation = SourceLocation(file: "")) {
        self.kind = kind; self.dataset = dataset; self.by = by; self.series = series; self.filter = filter; self.top = top
        self.values = values; self.events = events; self.percent = percent; self.seriesNames = seriesNames; self.title = title; self.caption = caption
        self.source = source; self.domain = domain; self.height = height; self.valueLabels = valueLabels
        self.alternativeText = alternativeText; self.location = location
    }
}

/// Dated events in order.
public struct TimelineSpec: Sendable, Codable {
    public struct Event: Sendable, Codable {
        /// The date as the author wants it shown ("2012", "سبتمبر 2019", a full date).
        public var date: String
        public var text: String
        public init(date: String, text: String) { self.date = date; self.text = text }
    }
    public var title: String?
    public var events: [Event]
    public var location: SourceLocation
    public init(title: String? = nil, events: [Event], location: SourceLocation = SourceLocation(file: "")) {
        self.title = title; self.events = events; self.location = location
    }
}

/// A bulleted or numbered list; items may hold lists of their own.
public struct ListSpec: Sendable, Codable {
    public struct Item: Sendable, Codable {
        public var text: String
        public var children: ListSpec?
        public init(_ text: String, children: ListSpec? = nil) { self.text = text; self.children = children }
    }
    public var ordered: Bool
    public var items: [Item]
    public var direction: Direction?
    public var location: SourceLocation
    public init(ordered: Bool = false, items: [Item], direction: Direction? = nil, location: SourceLocation = SourceLocation(file: "")) {
        self.ordered = ordered; self.items = items; self.direction = direction; self.location = location
    }
}

/// A boxed note: an optional title and text.
public struct NoteSpec: Sendable, Codable {
    public var title: String?
    public var text: String
    public var direction: Direction?
    public var location: SourceLocation
    public init(title: String? = nil, text: String, direction: Direction? = nil, location: SourceLocation = SourceLocation(file: "")) {
        self.title = title; self.text = text; self.direction = direction; self.location = location
    }
}

/// A picture from a PNG or JPEG file.
public struct ImageSpec: Sendable, Codable {
    /// The file, resolved against the report's folder.
    public var path: String
    public var alternativeText: String
    public var caption: String?
    /// Width in points or as a share of the column; nil fills the column.
    public var width: ColumnWidth
    public var maxHeight: Double?
    public var location: SourceLocation
    public init(path: String, alternativeText: String, caption: String? = nil, width: ColumnWidth = .auto,
                maxHeight: Double? = nil, location: SourceLocation = SourceLocation(file: "")) {
        self.path = path; self.alternativeText = alternativeText; self.caption = caption; self.width = width
        self.maxHeight = maxHeight; self.location = location
    }
}

/// A signature block: who signs, with their title, and room for the signature and stamp.
public struct SignatureSpec: Sendable, Codable {
    public var name: String
    public var title: String?
    public var organisation: String?
    /// Whether to leave a place for an official stamp beside the signature.
    public var stamp: Bool
    public var location: SourceLocation
    public init(name: String, title: String? = nil, organisation: String? = nil, stamp: Bool = false,
                location: SourceLocation = SourceLocation(file: "")) {
        self.name = name; self.title = title; self.organisation = organisation; self.stamp = stamp; self.location = location
    }
}

/// Blocks set in columns side by side, flowing from the start side.
public struct ColumnsSpec: Sendable, Codable {
    public var count: Int
    public var blocks: [ReportBlock]
    public var location: SourceLocation
    public init(count: Int = 2, blocks: [ReportBlock], location: SourceLocation = SourceLocation(file: "")) {
        self.count = count; self.blocks = blocks; self.location = location
    }
}

/// Blocks repeated once per category (or year) of a dataset, with `{{category}}` or `{{year}}`, `{{count}}` and
/// `{{share}}` naming the one at hand.
public struct ForEachSpec: Sendable, Codable {
    public var dataset: String
    public var by: ChartGrouping
    public var filter: ActivityFilter
    public var blocks: [ReportBlock]
    public var location: SourceLocation
    public init(dataset: String, by: ChartGrouping, filter: ActivityFilter = ActivityFilter(), blocks: [ReportBlock],
                location: SourceLocation = SourceLocation(file: "")) {
        self.dataset = dataset; self.by = by; self.filter = filter; self.blocks = blocks; self.location = location
    }
}

/// A table of contents.
public struct ContentsSpec: Sendable, Codable {
    public var title: String?
    /// The deepest heading level listed (1–3).
    public var levels: Int
    public var location: SourceLocation
    public init(title: String? = nil, levels: Int = 2, location: SourceLocation = SourceLocation(file: "")) {
        self.title = title; self.levels = levels; self.location = location
    }
}

/// The number, date and attachments of an official letter.
public struct ReferenceSpec: Sendable, Codable {
    public var number: String
    /// The letter's date; nil uses the report's.
    public var date: CalendarDate?
    public var attachments: String?
    public var location: SourceLocation
    public init(number: String, date: CalendarDate? = nil, attachments: String? = nil, location: SourceLocation = SourceLocation(file: "")) {
        self.number = number; self.date = date; self.attachments = attachments; self.location = location
    }
}
