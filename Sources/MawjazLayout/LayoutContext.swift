// What every block's layout needs: the text engine, the template, the document's settings, the column width.
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazLanguage
import MawjazText

/// The shared state of one document's layout.
final class LayoutContext {
    let engine: TextEngine
    let document: Document
    let template: Template
    /// The width of the text column, in points.
    private(set) var columnWidth: Double
    /// Warnings raised instead of errors (under `overflow: warn`), by the current pass over the blocks and the
    /// page furniture.
    private(set) var warnings: [Diagnostic] = []
    /// The blocks that could not be laid out in this pass, each left out of the flow so the others are still checked.
    var problems: [LayoutError] = []
    /// The page each heading's anchor is on, once a first layout has found them (for tables of contents).
    var pageNumbers: [String: Int] = [:]
    /// Text already set on a single line, by its length in bytes, then by what was set: a paragraph whose length no
    /// kept line has (most of a document's text) is not hashed whole to learn that it is not there.
    private var singleLines: [Int: [StyledParagraph: ShapedParagraph]] = [:]

    /// The height of a page's text area: no box may be taller.
    let pageTextHeight: Double
    /// What the pagination pass under way has laid out so far, against the document's limits.
    var spent = LayoutSpending()
    /// Whether the layout is still wanted: asked before each piece of text is set and as each block is counted.
    let stop: StopSignal
    /// Each role's text style and line height in this document, by the role's `ordinal`: asked for every piece of text
    /// set, and a style built afresh looked its role up in the template twice and made its list of families again.
    private let roleStyles: [(style: TextStyle, lineHeight: Double)]

    init(engine: TextEngine, document: Document, columnWidth: Double, pageTextHeight: Double, stop: StopSignal = .never) {
        self.engine = engine
        self.stop = stop
        self.document = document
        self.template = document.template
        self.columnWidth = columnWidth
        self.pageTextHeight = pageTextHeight
        let template = document.template, language = document.language
        roleStyles = TextRole.allCases.sorted { $0.ordinal < $1.ordinal }.map { role in
            let roleStyle = template.style(role)
            return (TextStyle(families: template.families(role, language: language), size: roleStyle.size, bold: roleStyle.bold,
                              italic: roleStyle.italic, color: roleStyle.color), roleStyle.lineHeight)
        }
    }

    var direction: Direction { document.direction }
    var palette: Palette { template.palette }
    var numerals: NumeralSystem { document.settings.numerals }

    /// The text style of a role in this document.
    func style(_ role: TextRole) -> TextStyle { roleStyles[role.ordinal].style }

    /// The line height of a role, as a multiple of its size.
    func lineHeight(_ role: TextRole) -> Double { roleStyles[role.ordinal].lineHeight }

    /// Rich text as spans in a role's style.
    func spans(_ text: RichText, role: TextRole, color: Color? = nil) -> [TextSpan] {
        let base = style(role)
        return text.map { inline in
            var style = base.with(bold: inline.bold ? true : nil, italic: inline.italic ? true : nil,
                                  color: inline.link != nil ? palette.accent : color,
                                  underline: inline.underline || inline.link != nil ? true : nil)
            if inline.bold && base.bold { style.bold = true }
            return TextSpan(inline.text, style: style, link: inline.link.map(Self.linkTarget))
        }
    }

    /// Where a link's address goes: `#name` to the document's named place (a heading's anchor), anything else outside.
    static func linkTarget(_ address: String) -> Link.Target {
        address.hasPrefix("#") ? .destination(String(address.dropFirst())) : .uri(address)
    }

    /// Plain text as spans in a role's style.
    func spans(_ text: String, role: TextRole, bold: Bool? = nil, color: Color? = nil) -> [TextSpan] {
        [TextSpan(text, style: style(role).with(bold: bold, color: color))]
    }

    /// Sets text; problems become layout errors naming the block, or warnings under `overflow: warn`.
    ///
    /// Text measured on one line before (a table cell, a label) is not shaped again when it fits the width:
    /// its line is moved to where the alignment puts it. Without a width, a single line is set alike whatever its
    /// alignment (Pango aligns lines against the widest, here itself), so text set on one line before is used as it is:
    /// a chart's tick, value and category labels, met again in the document's other charts, are shaped once.
    func shape(_ spans: [TextSpan], role: TextRole, width: Double?, direction: Direction? = nil, alignment: Alignment = .start,
               justify: JustifyMode = .spaces, origin: BlockOrigin) throws(LayoutError) -> ShapedParagraph {
        try checkStop()
        let direction = direction ?? self.direction
        let alignment = alignment == .justify && justify == .none ? .start : alignment
        let paragraph = self.paragraph(spans, role: role, width: width, direction: direction, alignment: alignment, justify: justify)
        let unwrapped = StyledParagraph(spans: spans, direction: direction, alignment: .start, lineHeight: lineHeight(role), width: nil)
        let kept = singleLine(unwrapped)
        if width == nil, let kept { return kept }
        if let width, var single = kept, single.naturalWidth <= width {
            let room = width - single.naturalWidth
            switch alignment.resolved(in: direction) {
            case .left: single.lines[0].origin.x = 0
            case .right: single.lines[0].origin.x = room
            case .center: single.lines[0].origin.x = room / 2
            }
            single.width = width
            return single
        }
        do {
            let shaped = try engine.shape(paragraph)
            if width == nil, shaped.lines.count == 1 { keepSingleLine(shaped, for: unwrapped) }
            return shaped
        } catch let error {
            // Under `overflow: warn`, text that sticks out or holds a character no font has is a warning.
            if document.settings.overflow == .warn, error.isTolerable {
                warn(origin, error.message)
                do { return try engine.shape(paragraph, tolerating: [.overflow, .missingGlyphs]) } catch { throw failure(origin, error) }
            }
            throw failure(origin, error)
        }
    }

    /// The paragraph `shape` gives the text engine when the text is not already set on one line.
    func paragraph(_ spans: [TextSpan], role: TextRole, width: Double?, direction: Direction? = nil, alignment: Alignment = .start,
                   justify: JustifyMode = .spaces) -> StyledParagraph {
        let alignment = alignment == .justify && justify == .none ? .start : alignment
        return StyledParagraph(spans: spans, direction: direction ?? self.direction, alignment: alignment, lineHeight: lineHeight(role),
                               width: width, justification: justify == .kashida ? .kashida : .spaces)
    }

    /// The width of text set on one line; kept, so that setting it again within that width costs nothing.
    func naturalWidth(_ spans: [TextSpan], role: TextRole, origin: BlockOrigin) throws(LayoutError) -> Double {
        try checkStop()
        let unwrapped = StyledParagraph(spans: spans, direction: direction, alignment: .start, lineHeight: lineHeight(role), width: nil)
        if let known = singleLine(unwrapped) { return known.naturalWidth }
        let shaped: ShapedParagraph
        do { shaped = try engine.shape(unwrapped) } catch { throw failure(origin, error) }
        if shaped.lines.count == 1 { keepSingleLine(shaped, for: unwrapped) }
        return shaped.naturalWidth
    }

    /// Text already set on one line without a width, if it was.
    func singleLine(_ paragraph: StyledParagraph) -> ShapedParagraph? {
        singleLines[Self.byteCount(paragraph)]?[paragraph]
    }

    /// Keeps text set on one line without a width (`shaped`, as the text engine set `paragraph`).
    func keepSingleLine(_ shaped: ShapedParagraph, for paragraph: StyledParagraph) {
        singleLines[Self.byteCount(paragraph), default: [:]][paragraph] = shaped
    }

    private static func byteCount(_ paragraph: StyledParagraph) -> Int {
        paragraph.spans.reduce(0) { $0 + $1.text.utf8.count }
    }

    /// The width of the longest word of the text.
    func minimumWidth(_ spans: [TextSpan], origin: BlockOrigin) throws(LayoutError) -> Double {
        try checkStop()
        do { return try engine.minimumWidth(spans, direction: direction) } catch { throw failure(origin, error) }
    }

    /// Content that does not fit: an error, or a warning under `overflow: warn`.
    func overflow(_ origin: BlockOrigin, _ message: Message) throws(LayoutError) {
        guard document.settings.overflow == .warn else {
            throw LayoutError(location: origin.location, block: origin.kind, message: message)
        }
        warn(origin, message)
    }

    /// Starts a new pass over the document's blocks: the warnings of an earlier pass (laid out again to learn the
    /// pages its headings fall on) are dropped, so that each problem is reported once.
    func beginPass() {
        warnings.removeAll()
    }

    /// Records a warning; the same problem met again in the pass (a running head on every page) is recorded once.
    func warn(_ origin: BlockOrigin, _ message: Message) {
        let warning = Diagnostic(.warning, at: origin.location ?? SourceLocation(file: document.sourceFile), field: origin.kind, message)
        if !warnings.contains(warning) { warnings.append(warning) }
    }

    func failure(_ origin: BlockOrigin, _ error: TextError) -> LayoutError {
        LayoutError(location: origin.location, block: origin.kind, message: error.message)
    }

    /// The x of a box `width` wide placed at the start (or end) of a row `within` wide, in this direction.
    func startX(width: Double, within: Double, direction: Direction? = nil) -> Double {
        (direction ?? self.direction).isRightToLeft ? within - width : 0
    }
}

extension LayoutContext {
    /// Runs `body` with the column narrowed to `width` (for boxes, lists, table cells and column sets).
    func withColumnWidth<T>(_ width: Double, _ body: () throws(LayoutError) -> T) throws(LayoutError) -> T {
        let saved = columnWidth
        columnWidth = width
        defer { columnWidth = saved }
        return try body()
    }
}
