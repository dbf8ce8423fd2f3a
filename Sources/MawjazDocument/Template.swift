// A template: the page, fonts, colours and furniture a document is set with.
import Foundation
import MawjazData
import MawjazFrame
import MawjazLanguage

/// Where content may go on a page, and what surrounds it.
package struct PageSetup: Hashable, Sendable {
    /// The page size in points (portrait or landscape as given).
    package var size: Size
    /// Space above the body, including the room the header and banner take.
    package var top: Double
    package var bottom: Double
    /// The margin on the side where lines start (right in Arabic), or the binding side when double-sided.
    package var inside: Double
    package var outside: Double
    /// Whether inside and outside margins alternate page by page for double-sided printing.
    package var doubleSided: Bool
    /// Number of text columns for the body.
    package var columns: Int
    package var columnGap: Double

    package init(size: Size = PageSetup.a4, top: Double = 64, bottom: Double = 64, inside: Double = 56, outside: Double = 56,
                doubleSided: Bool = false, columns: Int = 1, columnGap: Double = 18) {
        self.size = size; self.top = top; self.bottom = bottom; self.inside = inside; self.outside = outside
        self.doubleSided = doubleSided; self.columns = columns; self.columnGap = columnGap
    }

    package static let a4 = Size(width: 595.28, height: 841.89)
    package static let a5 = Size(width: 419.53, height: 595.28)
    package static let letter = Size(width: 612, height: 792)
}

/// The text roles a template sets a font for.
package enum TextRole: String, Hashable, Sendable, CaseIterable {
    case title, subtitle, date, heading1, heading2, heading3, body, caption, table, tableHeader
    case chart, chartTitle, banner, header, footer, factValue, factLabel, timelineDate, note

    /// Compared by case, not by raw value (see `hash(into:)`).
    package static func == (left: TextRole, right: TextRole) -> Bool { left.ordinal == right.ordinal }

    /// Hashes the case's place, not its raw value's text: a `String`'s hash cost some 300 instructions a look-up of a
    /// role's style, and a document looks up some 600.
    package func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    /// The case's place among the cases, from 0 (`title`) to `allCases.count - 1` (`note`), as they are declared.
    package var ordinal: Int {
        switch self {
        case .title: 0
        case .subtitle: 1
        case .date: 2
        case .heading1: 3
        case .heading2: 4
        case .heading3: 5
        case .body: 6
        case .caption: 7
        case .table: 8
        case .tableHeader: 9
        case .chart: 10
        case .chartTitle: 11
        case .banner: 12
        case .header: 13
        case .footer: 14
        case .factValue: 15
        case .factLabel: 16
        case .timelineDate: 17
        case .note: 18
        }
    }
}

/// How one role's text looks.
package struct RoleStyle: Hashable, Sendable {
    /// Families for this role only; nil uses the template's Arabic and Latin families.
    package var families: [String]?
    package var size: Double
    package var bold: Bool
    package var italic: Bool
    package var color: Color
    /// Distance between baselines as a multiple of the size.
    package var lineHeight: Double
    package init(families: [String]? = nil, size: Double, bold: Bool = false, italic: Bool = false, color: Color = .black,
                lineHeight: Double = 1.5) {
        self.families = families; self.size = size; self.bold = bold; self.italic = italic; self.color = color
        self.lineHeight = lineHeight
    }
}

/// The colours a template paints with.
package struct Palette: Hashable, Sendable {
    package var accent: Color
    package var text: Color
    package var muted: Color
    package var rule: Color
    package var tableHeader: Color
    package var zebra: Color
    package var boxBackground: Color
    package var bannerText: Color
    package var bannerBackground: Color?
    /// Series colours for charts, in order.
    package var series: [Color]
    package init(accent: Color, text: Color, muted: Color, rule: Color, tableHeader: Color, zebra: Color, boxBackground: Color,
                bannerText: Color, bannerBackground: Color?, series: [Color]) {
        self.accent = accent; self.text = text; self.muted = muted; self.rule = rule; self.tableHeader = tableHeader
        self.zebra = zebra; self.boxBackground = boxBackground; self.bannerText = bannerText
        self.bannerBackground = bannerBackground; self.series = series
    }
}

/// Running text at the top or bottom of every page: three slots, with `{page}`, `{pages}`, `{title}`, `{date}`
/// and `{classification}` filled in.
package struct RunningText: Hashable, Sendable {
    package var start: String
    package var center: String
    package var end: String
    /// Where each slot was written (`start`, `center`, `end`), for messages about it: its place in the file and the
    /// field's path (`template.footer.start`).
    package var sources: [String: (location: SourceLocation, field: String)] = [:]
    package init(start: String = "", center: String = "", end: String = "") {
        self.start = start; self.center = center; self.end = end
    }
    package var isEmpty: Bool { start.isEmpty && center.isEmpty && end.isEmpty }

    /// The texts alone are compared: where they were written is no part of what is printed.
    package static func == (lhs: RunningText, rhs: RunningText) -> Bool {
        lhs.start == rhs.start && lhs.center == rhs.center && lhs.end == rhs.end
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(start); hasher.combine(center); hasher.combine(end)
    }
}

/// The head of an organisation's first page: its emblem between its names in Arabic and in English.
package struct Letterhead: Sendable {
    /// The emblem (PNG or JPEG bytes), if any.
    package var logo: [UInt8]?
    /// Where the emblem was named (the template's or the report's `letterhead.logo`), for messages about it.
    package var logoSource: SourceLocation?
    /// A whole letterhead as one picture (PNG or JPEG bytes) across the text width, drawn instead of the emblem
    /// and names, if any.
    package var image: [UInt8]?
    /// Where the picture was named (`letterhead.image`), for messages about it.
    package var imageSource: SourceLocation?
    package var arabic: String
    package var english: String
    /// The height the letterhead takes, rule included.
    package var height: Double
    package init(logo: [UInt8]? = nil, arabic: String = "", english: String = "", height: Double = 72) {
        self.logo = logo; self.arabic = arabic; self.english = english; self.height = height
    }
}

/// How the document's title is set.
package enum TitlePage: String, Hashable, Sendable, CaseIterable {
    /// At the head of the first page, above the body.
    case inline
    /// On a cover page of its own.
    case cover
    /// Not at all (letters, whose subject line says it).
    case none
}

/// Vertical spacing between blocks, in points.
package struct Spacing: Hashable, Sendable {
    package var paragraph: Double
    package var block: Double
    package var headingBefore: Double
    package var headingAfter: Double
    package init(paragraph: Double = 6, block: Double = 14, headingBefore: Double = 14, headingAfter: Double = 6) {
        self.paragraph = paragraph; self.block = block; self.headingBefore = headingBefore; self.headingAfter = headingAfter
    }
}

/// A template: page setup, fonts, colours, running heads and feet, and how blocks are spaced.
package struct Template: Sendable {
    package var name: String
    package var page: PageSetup
    /// The family for Arabic text, and the family for Latin text, tried in this order for Arabic documents
    /// and in the reverse order for English ones.
    package var arabicFamily: String
    package var latinFamily: String
    package var roles: [TextRole: RoleStyle]
    package var palette: Palette
    package var header: RunningText
    package var footer: RunningText
    /// Whether the classification banner is printed at the top and bottom of every page.
    package var banner: Bool
    package var spacing: Spacing
    /// Whether headings are numbered unless a heading says otherwise.
    package var numberedHeadings: Bool
    /// Chart plot height in points.
    package var chartHeight: Double
    /// The letterhead of the first page, if the template has one.
    package var letterhead: Letterhead?
    package var titlePage: TitlePage
    /// What the template is for, in one line (`mawjaz templates` lists it).
    package var summary = ""
    /// Folders of fonts to use besides Mawjaz's own (`fonts: {path: …}`), such as an office's.
    package var fontFolders: [URL] = []
    /// The files the template was read from: its own file and its pictures.
    package var inputFiles: [String] = []

    package init(name: String, page: PageSetup, arabicFamily: String, latinFamily: String, roles: [TextRole: RoleStyle],
                palette: Palette, header: RunningText, footer: RunningText, banner: Bool, spacing: Spacing,
                numberedHeadings: Bool, chartHeight: Double, letterhead: Letterhead? = nil, titlePage: TitlePage = .inline) {
        self.name = name; self.page = page; self.arabicFamily = arabicFamily; self.latinFamily = latinFamily
        self.roles = roles; self.palette = palette; self.header = header; self.footer = footer; self.banner = banner
        self.spacing = spacing; self.numberedHeadings = numberedHeadings; self.chartHeight = chartHeight
        self.letterhead = letterhead; self.titlePage = titlePage
    }

    /// The style of a role (every role has one: loading fills the gaps from the body style).
    package func style(_ role: TextRole) -> RoleStyle {
        roles[role] ?? roles[.body] ?? RoleStyle(size: 11)
    }

    /// The families for a role in a document of `language`: the one for its script first.
    package func families(_ role: TextRole, language: Language) -> [String] {
        if let own = style(role).families { return own }
        switch language.table.script {
        case .arabic: return [arabicFamily, latinFamily]
        case .latin: return [latinFamily, arabicFamily]
        }
    }
}
