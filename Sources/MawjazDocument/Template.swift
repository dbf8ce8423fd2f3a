// A template: the page, fonts, colours and furniture a document is set with.
import Foundation
import MawjazData
import MawjazFrame
import MawjazLanguage

/// Where content may go on a page, and what surrounds it.
public struct PageSetup: Hashable, Sendable {
    /// The page size in points (portrait or landscape as given).
    public var size: Size
    /// Space above the body, including the room the header and banner take.
    public var top: Double
    public var bottom: Double
    /// The margin on the side where lines start (right in Arabic), or the binding side when double-sided.
    public var inside: Double
    public var outside: Double
    /// Whether inside and outside margins alternate page by page for double-sided printing.
    public var doubleSided: Bool
    /// Number of text columns for the body.
    public var columns: Int
    public var columnGap: Double

    public init(size: Size = PageSetup.a4, top: Double = 64, bottom: Double = 64, inside: Double = 56, outside: Double = 56,
                doubleSided: Bool = false, columns: Int = 1, columnGap: Double = 18) {
        self.size = size; self.top = top; self.bottom = bottom; self.inside = inside; self.outside = outside
        self.doubleSided = doubleSided; self.columns = columns; self.columnGap = columnGap
    }

    public static let a4 = Size(width: 595.28, height: 841.89)
    public static let a5 = Size(width: 419.53, height: 595.28)
    public static let letter = Size(width: 612, height: 792)
}

/// The text roles a template sets a font for.
public enum TextRole: String, Hashable, Sendable, CaseIterable {
    case title, subtitle, date, heading1, heading2, heading3, body, caption, table, tableHeader
    case chart, chartTitle, banner, header, footer, factValue, factLabel, timelineDate, note
}

/// How one role's text looks.
public struct RoleStyle: Hashable, Sendable {
    /// Families for this role only; nil uses the template's Arabic and Latin families.
    public var families: [String]?
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    public var color: Color
    /// Distance between baselines as a multiple of the size.
    public var lineHeight: Double
    public init(families: [String]? = nil, size: Double, bold: Bool = false, italic: Bool = false, color: Color = .black,
                lineHeight: Double = 1.5) {
        self.families = families; self.size = size; self.bold = bold; self.italic = italic; self.color = color
        self.lineHeight = lineHeight
    }
}

/// The colours a template paints with.
public struct Palette: Hashable, Sendable {
    public var accent: Color
    public var text: Color
    public var muted: Color
    public var rule: Color
    public var tableHeader: Color
    public var zebra: Color
    public var boxBackground: Color
    public var bannerText: Color
    public var bannerBackground: Color?
    /// Series colours for charts, in order.
    public var series: [Color]
    public init(accent: Color, text: Color, muted: Color, rule: Color, tableHeader: Color, zebra: Color, boxBackground: Color,
                bannerText: Color, bannerBackground: Color?, series: [Color]) {
        self.accent = accent; self.text = text; self.muted = muted; self.rule = rule; self.tableHeader = tableHeader
        self.zebra = zebra; self.boxBackground = boxBackground; self.bannerText = bannerText
        self.bannerBackground = bannerBackground; self.series = series
    }
}

/// Running text at the top or bottom of every page: three slots, with `{page}`, `{pages}`, `{title}`, `{date}`
/// and `{classification}` filled in.
public struct RunningText: Hashable, Sendable {
    public var start: String
    public var center: String
    public var end: String
    public init(start: String = "", center: String = "", end: String = "") {
        self.start = start; self.center = center; self.end = end
    }
    public var isEmpty: Bool { start.isEmpty && center.isEmpty && end.isEmpty }
}

/// The head of an organisation's first page: its emblem between its names in Arabic and in English.
public struct Letterhead: Sendable {
    /// The emblem (PNG or JPEG bytes), if any.
    public var logo: [UInt8]?
    /// A whole letterhead as one picture (PNG or JPEG bytes) across the text width, drawn instead of the emblem
    /// and names, if any.
    public var image: [UInt8]?
    public var arabic: String
    public var english: String
    /// The height the letterhead takes, rule included.
    public var height: Double
    public init(logo: [UInt8]? = nil, arabic: String = "", english: String = "", height: Double = 72) {
        self.logo = logo; self.arabic = arabic; self.english = english; self.height = height
    }
}

/// How the document's title is set.
public enum TitlePage: String, Hashable, Sendable, CaseIterable {
    /// At the head of the first page, above the body.
    case inline
    /// On a cover page of its own.
    case cover
    /// Not at all (letters, whose subject line says it).
    case none
}

/// Vertical spacing between blocks, in points.
public struct Spacing: Hashable, Sendable {
    public var paragraph: Double
    public var block: Double
    public var headingBefore: Double
    public var headingAfter: Double
    public init(paragraph: Double = 6, block: Double = 14, headingBefore: Double = 14, headingAfter: Double = 6) {
        self.paragraph = paragraph; self.block = block; self.headingBefore = headingBefore; self.headingAfter = headingAfter
    }
}

/// A template: page setup, fonts, colours, running heads and feet, and how blocks are spaced.
public struct Template: Sendable {
    public var name: String
    public var page: PageSetup
    /// The family for Arabic text, and the family for Latin text, tried in this order for Arabic documents
    /// and in the reverse order for English ones.
    public var arabicFamily: String
    public var latinFamily: String
    public var roles: [TextRole: RoleStyle]
    public var palette: Palette
    public var header: RunningText
    public var footer: RunningText
    /// Whether the classification banner is printed at the top and bottom of every page.
    public var banner: Bool
    public var spacing: Spacing
    /// Whether headings are numbered unless a heading says otherwise.
    public var numberedHeadings: Bool
    /// Chart plot height in points.
    public var chartHeight: Double
    /// The letterhead of the first page, if the template has one.
    public var letterhead: Letterhead?
    public var titlePage: TitlePage
    /// What the template is for, in one line (`mawjaz templates` lists it).
    public var summary = ""
    /// Folders of fonts to use besides Mawjaz's own (`fonts: {path: …}`), such as an office's.
    public var fontFolders: [URL] = []

    public init(name: String, page: PageSetup, arabicFamily: String, latinFamily: String, roles: [TextRole: RoleStyle],
                palette: Palette, header: RunningText, footer: RunningText, banner: Bool, spacing: Spacing,
                numberedHeadings: Bool, chartHeight: Double, letterhead: Letterhead? = nil, titlePage: TitlePage = .inline) {
        self.name = name; self.page = page; self.arabicFamily = arabicFamily; self.latinFamily = latinFamily
        self.roles = roles; self.palette = palette; self.header = header; self.footer = footer; self.banner = banner
        self.spacing = spacing; self.numberedHeadings = numberedHeadings; self.chartHeight = chartHeight
        self.letterhead = letterhead; self.titlePage = titlePage
    }

    /// The style of a role (every role has one: loading fills the gaps from the body style).
    public func style(_ role: TextRole) -> RoleStyle {
        roles[role] ?? roles[.body] ?? RoleStyle(size: 11)
    }

    /// The families for a role in a document of `language`: the one for its script first.
    public func families(_ role: TextRole, language: Language) -> [String] {
        if let own = style(role).families { return own }
        switch language.table.script {
        case .arabic: return [arabicFamily, latinFamily]
        case .latin: return [latinFamily, arabicFamily]
        }
    }
}
