// Numbers drawn beside their signs in a right-to-left line (`12.5%` drawn `%12.5`), found for the text layer: each is
// written into the PDF's content stream as a span carrying its text in logical order (`PDFAmendment+NumberSpans`).
import MawjazFrame

/// A number with its sign, percent, currency or separators that a right-to-left line draws out of its logical order.
///
/// Pango lays out `12.5%` after Arabic text as `%12.5` (the digits are Arabic numbers, the percent a neutral that
/// takes the paragraph's direction), and `-3` as `3-`, `2025-2030` as `2030-2025`, `$1,250.50` as `1,250.50$`. poppler
/// and PDFium both read such a token as it is drawn, left to right: digits, signs and number separators are all weak
/// characters to their bidi passes, which keep a run of them in visual order. Measured on the fidelity corpus, a
/// `/Span << /ActualText (12.5%) >>` around the token's glyphs, its text the token in logical order, gives it back in
/// both readers: PDFium joins a span opening with a glyph that is not right to left into the line as written, and
/// poppler reads a span of weak characters forward. A token beside a letter (`و/٢٤/٥٦٧`) is left as it is: PDFium puts a
/// space between the letter and the span. Beside a bracket it is spanned, though PDFium puts a space there too
/// (`(18%)` copies as `) 18%(` instead of `)%18(`: the brackets were mirrored before). A neutral (an en dash, `2012–2024`) is not part of a token: PDFium turns the
/// pieces on either side of it around, which it already reads right.
///
/// cairo cannot write such a span itself: it writes /ActualText only around one cluster of one run, and the sign is a
/// run of its own (another direction, often another font); a one-glyph cluster carrying the whole token would also name
/// that glyph in /ToUnicode by the token (cairo names a glyph by its first one-glyph cluster), so every `%` of the font
/// would copy as `12.5%`. So the painter notes where each token's glyphs stand among the glyphs it hands cairo for a
/// page (`NumberSpanLog`), and the amendment wraps them in the page's content stream after cairo.
struct NumberSpan {
    private typealias Piece = (run: Int, glyph: Int, text: String, isRightToLeft: Bool)

    /// The token's glyphs in the line, left to right: the index of the run and of the glyph in the run.
    var glyphs: [(run: Int, glyph: Int)]
    /// The token's characters in logical order: the span's /ActualText.
    var text: String
    /// The characters of the token's glyphs as drawn, left to right (each glyph's text, as its /ToUnicode entry has it).
    var drawnText: String

    /// The tokens of `line` that need a span: none in a left-to-right line.
    static func find(in line: TextLine) -> [NumberSpan] {
        guard mayHoldSpans(line) else { return [] }
        // The line's clusters, left to right: a one-glyph cluster of number characters is a piece of a token; any
        // other cluster ends one, and says whether it is a letter (then the token beside it is left out).
        var spans: [NumberSpan] = []
        var pending: [Piece] = []
        var letterBefore = false
        func close(letterAfter: Bool) {
            defer { pending.removeAll(keepingCapacity: true) }
            guard !pending.isEmpty, !letterBefore, !letterAfter,
                  pending.contains(where: { $0.text.unicodeScalars.contains(where: isDigit) }) else { return }
            let drawn = pending.map(\.text).joined()
            let text = logicalOrder(pending).map(\.text).joined()
            guard text != drawn, line.text.contains(text) else { return }
            spans.append(NumberSpan(glyphs: pending.map { ($0.run, $0.glyph) }, text: text, drawnText: drawn))
        }
        for (runIndex, run) in line.runs.enumerated() {
            var glyph = 0
            for (cluster, piece) in zip(run.clusters, TextLayerRun.drawnPieces(of: run)) {
                defer { glyph += cluster.glyphCount }
                if cluster.glyphCount == 1, !piece.isEmpty, piece.unicodeScalars.allSatisfy(isNumberCharacter) {
                    pending.append((runIndex, glyph, piece, run.isRightToLeft))
                    continue
                }
                let isLetter = piece.unicodeScalars.contains(where: isLetterOrMark)
                // Most clusters end no token: no call, no access to the captured pieces.
                if !pending.isEmpty { close(letterAfter: isLetter) }
                letterBefore = isLetter
            }
        }
        close(letterAfter: false)
        return spans
    }

    /// Whether `line` may hold a token that needs a span, answered without splitting runs into clusters: a right-to-left
    /// line where a left-to-right run holding a digit touches a number character of a right-to-left run beside it.
    private static func mayHoldSpans(_ line: TextLine) -> Bool {
        guard line.isRightToLeft else { return false }
        let runs = line.runs
        return runs.indices.contains { index in
            guard !runs[index].isRightToLeft, runs[index].text.unicodeScalars.contains(where: isDigit) else { return false }
            let before = index > 0 && runs[index - 1].isRightToLeft ? runs[index - 1].clusterText.unicodeScalars.last : nil
            let after = index + 1 < runs.count && runs[index + 1].isRightToLeft ? runs[index + 1].clusterText.unicodeScalars.first : nil
            return before.map(isNumberCharacter) == true || after.map(isNumberCharacter) == true
        }
    }

    /// `pieces` (left to right in a right-to-left line) in logical order: the line's order reversed, but each stretch
    /// of pieces from left-to-right runs (the digits) kept left to right.
    private static func logicalOrder(_ pieces: [Piece]) -> [Piece] {
        var result: [Piece] = [], stretch: [Piece] = []
        for piece in pieces.reversed() {
            if piece.isRightToLeft {
                result += stretch.reversed()
                stretch.removeAll()
                result.append(piece)
            } else {
                stretch.append(piece)
            }
        }
        return result + stretch.reversed()
    }

    /// Whether `scalar` is a decimal digit; ASCII and the Arabic letters answered without the Unicode tables (every
    /// scalar of a right-to-left line's left-to-right runs is asked, and a table look-up costs some 350 instructions).
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39: true
        case ..<0x80, 0x621...0x64A: false
        default: scalar.properties.generalCategory == .decimalNumber
        }
    }

    /// Whether `scalar` is a letter or a combining mark (a cluster of one is a letter's, which a token beside it is not
    /// spanned for); ASCII and the Arabic letters answered without the Unicode tables.
    private static func isLetterOrMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x621...0x64A: true
        case ..<0x80: false
        default: scalar.properties.isAlphabetic || TextLayerRun.isMark(scalar)
        }
    }

    /// Whether `scalar` is a digit or a character both readers' bidi passes take as weak beside digits: a sign, a
    /// percent or per-mille, a currency symbol, a number separator (European and Arabic), a degree.
    static func isNumberCharacter(_ scalar: Unicode.Scalar) -> Bool {
        // The Arabic letters are none of these; of ASCII, the currency symbols are `$` alone.
        switch scalar.value {
        case 0x621...0x64A: return false
        case 0x24: return true
        default: break
        }
        if isDigit(scalar) || (scalar.value >= 0x80 && scalar.properties.generalCategory == .currencySymbol) { return true }
        switch scalar {
        case "+", "-", "\u{2212}", "%", "\u{066A}", "\u{2030}", "\u{0609}", "#", "\u{00B0}",
             ".", ",", ":", "/", "\u{060C}", "\u{066B}", "\u{066C}": return true
        default: return false
        }
    }
}

/// The number spans of a PDF's pages, as the painter draws them: where each token's glyphs stand among the glyphs handed
/// to cairo for its page, counted from 0, and how many glyphs the page has (the amendment checks its count). A log is
/// one painter's, used by one thread: its state is not checked for exclusive access at run time (`@exclusivity`), checks
/// that cost some 1,600 a document.
final class NumberSpanLog {
    /// A span to write: its first glyph on the page, how many glyphs, and the texts (`NumberSpan`).
    struct Entry: Equatable {
        var firstGlyph: Int
        var glyphCount: Int
        var text: String
        var drawnText: String
    }

    /// A page's glyphs handed to cairo, and its spans.
    struct Page: Equatable {
        var glyphCount = 0
        var spans: [Entry] = []
        /// The page's vowelled-word spans poppler is handed in a form of its own, in the order drawn.
        var readerSpans: [ReaderSpan] = []
        /// The page's lines poppler would misread, each handed to it on lines of its own (`ReaderLine`).
        var readerLines: [ReaderLine] = []
        /// The page's lines PDFium may misread, each handed to it as one /ActualText (`PDFiumLine`).
        var pdfiumLines: [PDFiumLine] = []
        /// The glyphs of each run of white space only, which cairo may leave out of the stream (nothing to ink).
        var blankRuns: [Range<Int>] = []
        /// Whether PDFium surely takes the page's lines to run across it (`linesRunAcross(_:size:)`): only then are a line's
        /// objects each handed their piece of its text (`PDFiumLine.slices`).
        var linesRunAcross = true
        /// Whether poppler reads the page left to right: it holds at least as many left-to-right letters as right-to-left
        /// ones (`ReaderLine.letterBalance`); `ReaderLine` models its reading so.
        var readsLeftToRight = true
    }

    /// The pages drawn so far, the lines on the last baseline drawn not yet noted as a `PDFiumLine` (see `finished`).
    @exclusivity(unchecked) private var pages: [Page] = []

    /// The pages drawn, every line noted.
    func finished() -> [Page] {
        noteBaseline()
        placeColumns()
        return pages
    }

    /// The column the last line drawn stood in, and its run of column lines (`ReaderLine.ColumnLine.group`); nil after a
    /// line in no column.
    @exclusivity(unchecked) private var columnRun: (column: Int, group: Int)?
    @exclusivity(unchecked) private var columnGroups = 0

    /// Places the carriers of the last page's column lines, each column's run as one (`ReaderLine.placements(of:)`).
    private func placeColumns() {
        guard let page = pages.indices.last else { return }
        var groups: [Int: [Int]] = [:]
        for (index, line) in pages[page].readerLines.enumerated() {
            if let group = line.columnLine?.group { groups[group, default: []].append(index) }
        }
        for indices in groups.values {
            let lines = indices.compactMap { pages[page].readerLines[$0].columnLine }
            for (index, placement) in zip(indices, ReaderLine.placements(of: lines)) { pages[page].readerLines[index].placement = placement }
        }
    }
    /// The current line's spans, and where their glyphs drawn so far stand on the page.
    @exclusivity(unchecked) private var lineSpans: [NumberSpan] = []
    /// A line's spans hold a few glyphs: their places are looked for one by one, not hashed (a set of the run's span
    /// glyphs and a dictionary of their places cost some 0.5 M instructions a 21-page document).
    @exclusivity(unchecked) private var positions: [(run: Int, glyph: Int, position: Int)] = []
    /// The current line, where it begins on the page, and the text poppler reads of its glyphs so far, left to right
    /// (nil when it cannot misread the line: `ReaderLine.mayBeMisread`).
    @exclusivity(unchecked) private var line: TextLine?
    @exclusivity(unchecked) private var lineStart = (glyph: 0, readerSpans: 0)
    @exclusivity(unchecked) private var popplerDrawn: [Unicode.Scalar]?
    /// Whether the current line's words stand a font size apart or more (`ReaderLine.hasWideWordGap`): poppler is handed
    /// it whole, however it reads its glyphs.
    @exclusivity(unchecked) private var lineIsSpread = false
    /// The lines drawn so far one after another on the current line's baseline, which PDFium reads as one line: the left
    /// end of the rightmost one's baseline and the advance of its last glyph (`joinsBaseline`), where the
    /// first begins on its page and where the last ends, each one's left edge, text and glyphs and whether its block reads
    /// right to left (`TextLine.blockIsRightToLeft`, else the line's own direction), whether any is right to left,
    /// and whether any left-to-right one holds a right-to-left character; where the first one's vowelled-word spans begin
    /// among the page's, whether poppler can give one of them back with no mark only with the text after it (`endsOpen`), and
    /// at how many places their text for poppler needs a direction mark (`ReaderLine.openings`). Noted in the page's `pdfiumLines` (and
    /// `readerLines`) once the next baseline begins (`noteBaseline`).
    @exclusivity(unchecked) private var baselineLines: (page: Int, rightmost: (x: Double, y: Double, advance: Double), firstGlyph: Int, endGlyph: Int,
                                lines: [(x: Double, text: String, glyphs: Range<Int>, blockIsRightToLeft: Bool, placement: ReaderLine.Placement)],
                                hasRightToLeft: Bool, holdsRightToLeft: Bool, readerSpans: Int, endsOpen: Bool, openings: Int)?
    @exclusivity(unchecked) private var lineOrigin = Point.zero
    /// On a page of two columns or more, the left and right ends of its column lines, and which of the page's lines (in
    /// the order drawn) are page furniture (a running head or foot, a banner) outside every column: poppler reads such a
    /// line between the columns when it stands above or below one of them only (`TextPage`'s block order: a block above
    /// another it overlaps comes first, and one left of another before it), so each is handed stretched over the
    /// columns (`endLine`). Nil on a page of no columns.
    @exclusivity(unchecked) private var pageColumns: (left: Double, right: Double, furniture: [Bool])?
    @exclusivity(unchecked) private var lineNumber = 0
    @exclusivity(unchecked) private var lineSpansColumns = false
    /// How many lines on the current baseline were handed over the columns (a running foot's two ends).
    @exclusivity(unchecked) private var baselineSpansColumns = 0
    /// The rightmost glyph run of the baseline's rightmost line and that line's baseline, the object PDFium reads last on
    /// the line (`continuesPDFiumLine`).
    @exclusivity(unchecked) private var rightmostRun: (run: GlyphRun, y: Double)?
    /// Whether a line on another baseline joined the current one's lines because PDFium reads them as one line
    /// (`continuesPDFiumLine`): poppler reads them as lines of their own, so they are handed to it so.
    @exclusivity(unchecked) private var baselineJoinedAcross = false
    /// How far a glyph run inks above and below its baseline, in points (the painter's fonts); nil when it cannot tell.
    var inkHeights: ((GlyphRun) -> (up: Double, down: Double)?)?

    /// Starts the next page, whose items are `frame`'s: poppler's reading of its lines is modelled in the direction it
    /// reads the page in, which its lines' letters tell (`ReaderLine.letterBalance`, `Page.readsLeftToRight`).
    func beginPage(_ frame: Frame) {
        placeColumns()
        columnRun = nil
        // The items read in place: each one copied whole (its line's runs and strings retained and released) cost a
        // 21-page document 0.4 M instructions.
        var balance = 0
        let items = frame.items
        for index in items.indices {
            if case .text(let line) = items[index].item { balance += ReaderLine.letterBalance(line.text) }
        }
        pages.append(Page(linesRunAcross: Self.linesRunAcross(items, size: frame.size), readsLeftToRight: balance >= 0))
        pageColumns = Self.columns(of: items)
        lineNumber = 0
    }

    /// Whether PDFium takes the lines of a page of `items` (`size` large) to run across it, as far as the lines' boxes tell
    /// (PDFium's `FindTextlineFlowOrientation`, over its text objects' boxes): the page's columns of points that some
    /// line covers are more than 0.8 of those between its leftmost and rightmost, or it is less than two lines high.
    /// Where it guesses otherwise (the rows of a long table on a landscape page cover more of its height than its cells of
    /// its width), it takes an object of one glyph to run down the page, and a line read object by object came apart.
    static func linesRunAcross(_ items: [Frame.Placed], size: Size) -> Bool {
        let width = Int(size.width), height = Int(size.height)
        guard width > 0, height > 0 else { return true }
        var across = [Bool](repeating: false, count: width)
        var start = width, end = 0, top = height, bottom = 0, lineHeight = 0.0
        for index in items.indices {
            guard case .text(let line) = items[index].item else { continue }
            let position = items[index].position
            let left = Int(min(max(position.x, 0), Double(width))), right = Int(min(max(position.x + line.width, 0), Double(width)))
            let low = Int(min(max(position.y - line.ascent, 0), Double(height)))
            let high = Int(min(max(position.y + line.descent, 0), Double(height)))
            guard left < right, low < high else { continue }
            for column in left..<right { across[column] = true }
            start = min(start, left)
            end = max(end, right)
            top = min(top, low)
            bottom = max(bottom, high)
            if lineHeight <= 0 { lineHeight = line.ascent + line.descent }
        }
        guard start < end else { return true }
        if Double(bottom - top) < 2 * lineHeight { return true }
        let covered = across[start..<end].reduce(0) { $0 + ($1 ? 1 : 0) }
        return Double(covered) / Double(end - start) > 0.8
    }

    /// The left and right ends of the column lines among `items` and, for each line, whether it is page furniture in no
    /// column; nil unless the lines stand in two columns or more.
    private static func columns(of items: [Frame.Placed]) -> (left: Double, right: Double, furniture: [Bool])? {
        var left = Double.infinity, right = -Double.infinity, columns = Set<Int>()
        for index in items.indices {
            if case .text(let line) = items[index].item, let column = line.column {
                columns.insert(column)
                left = min(left, items[index].position.x)
                right = max(right, items[index].position.x + line.width)
            }
        }
        guard columns.count > 1 else { return nil }
        var walker = StructureWalker(), furniture: [Bool] = []
        for index in items.indices {
            let tag: StructureTag? = if case .tag(let tag) = items[index].item { tag } else { nil }
            let step = (try? walker.step(tag: tag)) ?? .content
            if case .text(let line) = items[index].item { furniture.append(step == .furniture && line.column == nil) }
        }
        return (left, right, furniture)
    }

    /// Notes the vowelled-word spans of a run handed to cairo (`TextLayerRun.readerSpans`).
    func drew(_ readerSpans: [ReaderSpan]) {
        guard !readerSpans.isEmpty, !pages.isEmpty else { return }
        pages[pages.count - 1].readerSpans += readerSpans
    }

    /// Starts `line`, whose number spans are `spans` (`NumberSpan.find`), its baseline's left end at `origin`.
    func beginLine(_ spans: [NumberSpan], of line: TextLine, at origin: Point) {
        lineSpans = spans
        positions.removeAll(keepingCapacity: true)
        // The page's counts read, not the page copied: a copy held the page's arrays while `noteBaseline` appended to
        // them, so that each `PDFiumLine` it noted copied every one before it on the page (some 13,000 copied and freed
        // a 21-page document).
        guard let last = pages.indices.last else { return }
        let glyphCount = pages[last].glyphCount, readerSpanCount = pages[last].readerSpans.count
        self.line = line
        lineOrigin = origin
        lineStart = (glyphCount, readerSpanCount)
        popplerDrawn = nil
        lineIsSpread = ReaderLine.hasWideWordGap(line)
        lineSpansColumns = pageColumns.map { lineNumber < $0.furniture.count && $0.furniture[lineNumber] } ?? false
        lineNumber += 1
        if ReaderLine.mayBeMisread(line.text, leftToRight: pages[last].readsLeftToRight) {
            // Room for the line's scalars, which its bytes bound: appended run by run, the array grew three times a line.
            var drawn: [Unicode.Scalar] = []
            drawn.reserveCapacity(line.text.utf8.count)
            popplerDrawn = drawn
        }
        let leftmost = Self.edgeRun(of: line, rightmost: false), rightmost = Self.edgeRun(of: line, rightmost: true)
        let advances = Self.edgeAdvances(of: line, leftmost: leftmost, rightmost: rightmost)
        if let baseline = baselineLines, baseline.page == pages.count - 1 {
            if Self.joinsBaseline(origin.y, firstAdvance: advances.left, rightmost: baseline.rightmost) {
                if origin.x >= baseline.rightmost.x {
                    baselineLines?.rightmost = (origin.x, origin.y, advances.right)
                    rightmostRun = rightmost.map { (line.runs[$0], origin.y) }
                }
                return
            }
            if continuesPDFiumLine(line, leftmost: leftmost, at: origin) {
                // Read after the lines before it, as the next of PDFium's groups: its objects are the ones read last.
                baselineLines?.rightmost = (origin.x, origin.y, advances.right)
                rightmostRun = rightmost.map { (line.runs[$0], origin.y) }
                baselineJoinedAcross = true
                return
            }
        }
        noteBaseline()
        baselineLines = (pages.count - 1, (origin.x, origin.y, advances.right), glyphCount, glyphCount, [], false, false,
                         readerSpanCount, false, 0)
        rightmostRun = rightmost.map { (line.runs[$0], origin.y) }
    }

    /// Whether PDFium reads `line`, whose leftmost glyph run is `line.runs[leftmost]` (`edgeRun`), whose baseline's left
    /// end is at `origin` and which does not join the current baseline's lines (`joinsBaseline`), on the same line as them
    /// all the same (`CPDF_TextPage::ProcessInsertObject`): it begins a new line only when the object it read last (the
    /// baseline's rightmost) and the next one (the line's leftmost) have glyph boxes apart in height, or when their
    /// baselines stand apart, unless one's baseline lies within the other's glyph box (the other of more than one glyph).
    /// A letterhead's Arabic name beside its English one wrapped on two lines, each block centred: the Arabic baseline
    /// stood 6.9 pt below the first English one, within its glyphs, and PDFium read the two as one line, the Arabic name's
    /// words turned around (`المالية وزارة Ministry of`).
    private func continuesPDFiumLine(_ line: TextLine, leftmost: Int?, at origin: Point) -> Bool {
        guard let inkHeights, let previous = rightmostRun, let leftmost else { return false }
        let next = line.runs[leftmost]
        guard abs(origin.y - previous.y) < 1.5 * max(previous.run.font.size, next.font.size),
              let before = inkHeights(previous.run), let after = inkHeights(next) else { return false }
        // Each box widened by a fiftieth of its size: PDFium's glyph boxes stood up to 0.15 pt beyond cairo's (measured on
        // a letterhead's `والتخطيط` at 13 pt: its top at 102.9 pt, cairo's at 103.06, the English baseline at 103.04).
        let slack = (previous.run.font.size / 50, next.font.size / 50)
        let beforeBox = (previous.y - before.up - slack.0)...(previous.y + before.down + slack.0)
        let afterBox = (origin.y - after.up - slack.1)...(origin.y + after.down + slack.1)
        guard beforeBox.overlaps(afterBox) else { return false }
        return (previous.run.glyphs.count > 1 && beforeBox.contains(origin.y)) || (next.glyphs.count > 1 && afterBox.contains(previous.y))
    }

    /// The index in `line.runs` of its rightmost glyph run (else its leftmost) of any glyphs: an index, not the run, so that
    /// no run is copied for each one looked at (a copy of each cost some 0.5 M instructions a 21-page document).
    private static func edgeRun(of line: TextLine, rightmost: Bool) -> Int? {
        var edge: Int?
        for index in line.runs.indices where !line.runs[index].glyphs.isEmpty {
            guard let current = edge else { edge = index; continue }
            let x = line.runs[index].x, edgeX = line.runs[current].x
            if rightmost ? x >= edgeX : x < edgeX { edge = index }
        }
        return edge
    }

    /// Whether a line whose baseline is at `y` and whose leftmost glyph advances `firstAdvance` joins the line PDFium is
    /// reading, whose rightmost object stands at `rightmost` (`CPDF_TextPage::ProcessTextObject`: it reads objects one
    /// after another as one line, ordered left to right, while each one's baseline is within half the wider of its first
    /// glyph and the rightmost object's last glyph of that object's). A letterhead's Arabic and English names, each
    /// centred in its own font, stand 2.2 pt apart: PDFium read them as one line, and the English one's words reversed.
    static func joinsBaseline(_ y: Double, firstAdvance: Double, rightmost: (x: Double, y: Double, advance: Double)) -> Bool {
        abs(y - rightmost.y) <= max(firstAdvance, rightmost.advance) / 2
    }

    /// The advances of `line`'s leftmost glyph, in its run `line.runs[leftmost]`, and of its rightmost, in
    /// `line.runs[rightmost]` (its edge runs, `edgeRun`); 0 for a line without glyphs.
    private static func edgeAdvances(of line: TextLine, leftmost: Int?, rightmost: Int?) -> (left: Double, right: Double) {
        var left = 0.0, right = 0.0
        if let leftmost {
            let glyphs = line.runs[leftmost].glyphs
            left = (glyphs.count > 1 ? glyphs[1].x : line.runs[leftmost].width) - glyphs[0].x
        }
        if let rightmost {
            let glyphs = line.runs[rightmost].glyphs
            right = line.runs[rightmost].width - glyphs[glyphs.count - 1].x
        }
        return (left, right)
    }

    /// Ends the current line: when poppler would misread it, its words stand far apart or are each one character, notes
    /// it as a `ReaderLine`; notes the right-to-left lines on its baseline as a `PDFiumLine`.
    func endLine() {
        defer { line = nil; popplerDrawn = nil }
        guard let line, !pages.isEmpty else { return }
        let page = pages.count - 1
        notePDFiumLine(line, page: page)
        var cut: (text: [Unicode.Scalar], openings: Int, endsOpen: Bool)?
        if var drawn = popplerDrawn {
            // The number spans: poppler reads each token's text where its glyphs stand.
            var from = 0
            for span in lineSpans {
                let token = Array(span.drawnText.unicodeScalars)
                guard !token.isEmpty, let start = (from...max(from, drawn.count - token.count)).first(where: {
                    $0 + token.count <= drawn.count && drawn[$0..<($0 + token.count)].elementsEqual(token)
                }) else { continue }
                let text = Array(span.text.unicodeScalars)
                drawn.replaceSubrange(start..<(start + token.count), with: text)
                from = start + text.count
            }
            cut = ReaderLine.cut(logical: line.text, drawn: drawn, leftToRight: pages[page].readsLeftToRight)
            // A line poppler's selection copies out of order (`ReaderLine.selectionMisorders`) is handed whole.
            if cut == nil, !pages[page].readsLeftToRight, ReaderLine.selectionMisorders(logical: line.text, drawn: drawn) {
                cut = ReaderLine.cut(ReaderLine.collapsed(line.text), leftToRight: false)
            }
        }
        // A line whose words stand far apart poppler breaks into blocks at the gaps, whatever their order: it is handed
        // whole. A left-to-right line ending in a hyphen on a page poppler reads left to right it takes for a word
        // broken across lines (`TextLine::hyphenated`, whatever stands before the hyphen): it drops the hyphen and runs
        // the next line into it (`active-` then `duty` copied `activeduty`, `31 -` then `33` copied `31 33`; there is no
        // hyphenation, a hyphen at a line's end is typed). It is handed with a no-break space after the hyphen, white
        // space at the end of the line, as PDFium is (`PDFiumLine.keepingFinalHyphen`). So is a right-to-left line ending
        // in a Latin word's hyphen (`ReaderLine.endsInLatinHyphen`), whichever way poppler reads the page
        // (`…/annual-budget-execution-` then `reports/2026/…`, a URL wider than the line in an Arabic paragraph, copied
        // `executionreports`).
        if pages[page].readsLeftToRight && !line.isRightToLeft && ReaderLine.endsInHyphen(line.text)
            || line.isRightToLeft && ReaderLine.endsInLatinHyphen(line.text) {
            cut = ReaderLine.cut(ReaderLine.collapsed(line.text) + ["\u{A0}"], leftToRight: pages[page].readsLeftToRight)
        } else if cut == nil,
                  lineIsSpread || line.column != nil || lineSpansColumns || ReaderLine.hasOnlyOneCharacterWords(line.text) {
            // A line of a column is handed to poppler with its column's, whatever it reads of its glyphs; page furniture
            // on a page of columns, over them; a line of words of one character each, whose spaces poppler reads from
            // their gaps alone and drops (`ReaderLine.hasOnlyOneCharacterWords`), whole.
            let text = ReaderLine.collapsed(line.text)
            if !text.isEmpty { cut = ReaderLine.cut(text, leftToRight: pages[page].readsLeftToRight) }
        }
        var columnLine: ReaderLine.ColumnLine?
        if let column = line.column {
            if columnRun?.column != column {
                columnGroups += 1
                columnRun = (column, columnGroups)
            }
            let fontSize = line.runs.reduce(0) { max($0, $1.font.size) }
            columnLine = ReaderLine.ColumnLine(group: columnGroups, column: column, x: lineOrigin.x, y: lineOrigin.y,
                                               width: line.width, fontSize: fontSize)
        } else {
            columnRun = nil
        }
        guard let (text, openings, endsOpen) = cut else {
            // A line of several words poppler reads as drawn, on a page it reads right to left, is handed a mark after its
            // right end, so that its selection keeps the space after its first word (`ReaderLine.selectionMark(after:)`).
            if !pages[page].readsLeftToRight, ReaderLine.hasSeveralWords(line.text) {
                pages[page].readerLines.append(ReaderLine(
                    firstGlyph: lineStart.glyph, glyphCount: pages[page].glyphCount - lineStart.glyph,
                    readerSpans: lineStart.readerSpans..<lineStart.readerSpans, text: [ReaderLine.rightToLeftMark], columnLine: nil,
                    placement: ReaderLine.selectionMark(after: ReaderLine.Placement(of: line, at: lineOrigin)), hidesGlyphs: false))
            }
            return
        }
        // Neutrals at the end that poppler gives back only after a mark (`Jackson (HQ)`): the text after it on its
        // baseline (the row's next cell) on poppler's line may give them back with none (`noteBaseline`).
        if endsOpen { baselineLines?.endsOpen = true }
        baselineLines?.openings += openings
        var placement = ReaderLine.Placement(of: line, at: lineOrigin)
        if lineSpansColumns, let columns = pageColumns {
            baselineSpansColumns += 1
            placement = ReaderLine.Placement(spanning: [placement, ReaderLine.Placement(size: placement.size, x: columns.left,
                                                                                         width: columns.right - columns.left,
                                                                                         baseline: placement.baseline)])
        }
        pages[page].readerLines.append(ReaderLine(firstGlyph: lineStart.glyph, glyphCount: pages[page].glyphCount - lineStart.glyph,
                                                  readerSpans: lineStart.readerSpans..<pages[page].readerSpans.count, text: text,
                                                  columnLine: columnLine, placement: columnLine == nil ? placement : nil))
    }

    /// Adds `line` to the lines on its baseline (noted as one `PDFiumLine` by `noteBaseline` when the next baseline
    /// begins: each line's text is collapsed once, with those before it on the baseline, not each time one is added).
    private func notePDFiumLine(_ line: TextLine, page: Int) {
        guard let holdsRightToLeft = baselineLines?.holdsRightToLeft else { return }
        baselineLines?.lines.append((lineOrigin.x, line.text, lineStart.glyph..<pages[page].glyphCount,
                                     line.blockIsRightToLeft ?? line.isRightToLeft, ReaderLine.Placement(of: line, at: lineOrigin)))
        if line.isRightToLeft || line.blockIsRightToLeft == true { baselineLines?.hasRightToLeft = true }
        if !holdsRightToLeft, !line.isRightToLeft, PDFiumLine.holdsRightToLeft(line.text) { baselineLines?.holdsRightToLeft = true }
        baselineLines?.endGlyph = pages[page].glyphCount
    }

    /// Notes the lines on the last baseline drawn as one `PDFiumLine`: their texts in logical order (right to left, or
    /// left to right) with a space between, when one is right to left and no left-to-right one holds a right-to-left
    /// character (a row of an Arabic table whose cells `Main Branch` or `2.4 s` are set left to right, see
    /// `Direction.ownDirection(of:)`; a row all of whose cells are so set counts as right to left,
    /// `TextLine.blockIsRightToLeft`), or all are left to right and one holds a right-to-left character (an Arabic name
    /// in an English sentence or cell, which PDFium gives back with the bracket or quote after it mirrored), or all are
    /// left to right and the rightmost ends in a hyphen after a letter (`PDFiumLine.mayEndBrokenWord`) or one draws
    /// Arabic-Indic numbers in an order of their own (`ReaderLine.holdsReorderedArabicNumbers`). Every such line is noted, those PDFium reads right as drawn too: how PDFium reads a
    /// line handed its text depends on the line it read before, which is known only when that one was handed its text
    /// as well (`PDFiumLine`).
    private func noteBaseline() {
        // Taken, not copied: a copy retained its lines' array, released twice after.
        let spanningColumns = baselineSpansColumns, joinedAcross = baselineJoinedAcross
        baselineSpansColumns = 0
        baselineJoinedAcross = false
        guard let baseline = baselineLines.take(), !baseline.lines.isEmpty else { return }
        // Lines PDFium reads as one though they stand on baselines of their own (`continuesPDFiumLine`) are noted as one
        // `PDFiumLine`; poppler reads each on a line of its own, and they are left to it so.
        if baseline.lines.count > 1, !joinedAcross {
            // Two lines on one baseline (a running head's two ends, a list's label and body, a fact's parts, a row of two
            // cells) get their selection mark close to their right end (`ReaderLine.closeSelectionMark`); more (a table
            // row of three cells or more, a chart's labels) get none: one a fifth of the size right of a cell stood
            // between it and the next, and poppler built the row's blocks otherwise (the default brief's table of
            // exercises came back out of its rows' order from pdftotext), and close ones still did so in the peers'
            // brief's table and the chart fixture's labels.
            if baseline.lines.count == 2 {
                for index in pages[baseline.page].readerLines.indices.reversed() {
                    let line = pages[baseline.page].readerLines[index]
                    guard line.firstGlyph >= baseline.firstGlyph else { break }
                    guard !line.hidesGlyphs, let mark = line.placement else { continue }
                    pages[baseline.page].readerLines[index].placement = ReaderLine.closeSelectionMark(mark)
                }
            } else {
                pages[baseline.page].readerLines.removeAll { !$0.hidesGlyphs && $0.firstGlyph >= baseline.firstGlyph }
            }
        }
        // A row of a table in a column: its cells' lines, each handed to poppler with its column's, are handed as one.
        let columnLines = baseline.lines.count > 1 && !joinedAcross
            ? pages[baseline.page].readerLines.reversed().prefix { $0.firstGlyph >= baseline.firstGlyph }.compactMap(\.columnLine) : []
        // Lines joined across baselines (`continuesPDFiumLine`) are left to poppler each on a line of its own: no row.
        if joinedAcross {
            // Nothing to hand poppler as a row.
        } else if spanningColumns > 1, spanningColumns == baseline.lines.count {
            // Page furniture on one baseline of a page of columns (a running foot's two ends), each handed over the
            // columns: handed as one line there, else poppler read the two on one baseline in either order.
            let placements = pages[baseline.page].readerLines.suffix(spanningColumns).map(\.placement)
            noteRow(baseline.page, baseline.firstGlyph..<baseline.endGlyph, baseline.lines, readerSpans: baseline.readerSpans,
                    openings: baseline.openings, over: ReaderLine.Placement(spanning: placements.compactMap { $0 }))
        } else if columnLines.count == baseline.lines.count {
            noteRow(baseline.page, baseline.firstGlyph..<baseline.endGlyph, baseline.lines, readerSpans: baseline.readerSpans,
                    openings: baseline.openings, columnLines: columnLines)
        } else if baseline.endsOpen, baseline.lines.count > 1 {
            noteRow(baseline.page, baseline.firstGlyph..<baseline.endGlyph, baseline.lines, readerSpans: baseline.readerSpans,
                    openings: baseline.openings)
        } else if pages[baseline.page].readsLeftToRight, baseline.lines.count > 1, columnLines.isEmpty,
                  baseline.lines.allSatisfy(\.blockIsRightToLeft) {
            // A row of a right-to-left table on a page poppler reads left to right: it reads the cells from the left, the
            // row's end first (`Hà Nội` before `Nguyễn Văn An`, on a page of more Latin letters than Arabic ones), so the
            // row is handed in its table's order.
            noteRow(baseline.page, baseline.firstGlyph..<baseline.endGlyph, baseline.lines, readerSpans: baseline.readerSpans,
                    openings: baseline.openings, always: true)
        }
        // A left-to-right line of no right-to-left character PDFium reads right as drawn, unless it ends in a hyphen after
        // a letter (`PDFiumLine.mayEndBrokenWord`: the rightmost line's end) or draws Arabic-Indic numbers in an order of
        // their own (`ReaderLine.holdsReorderedArabicNumbers`: `٢٠٢٠-٢٠٢٤`, drawn from the right, came back `٢٠٢٤-٢٠٢٠`).
        // A baseline with a right-to-left line (a row of an Arabic table) is handed its text as such whatever its
        // left-to-right cells hold.
        guard baseline.hasRightToLeft != baseline.holdsRightToLeft
            || (!baseline.hasRightToLeft && (PDFiumLine.mayEndBrokenWord(baseline.lines.max { $0.x < $1.x }?.text ?? "")
                                             || baseline.lines.contains { ReaderLine.holdsReorderedArabicNumbers($0.text) }))
        else { return }
        let text = baseline.lines.count == 1 ? baseline.lines[0].text
            : baseline.lines.sorted { baseline.hasRightToLeft ? $0.x > $1.x : $0.x < $1.x }.map(\.text).joined(separator: " ")
        let parts = baseline.lines.count == 1 ? [] : baseline.lines.sorted { $0.x < $1.x }.map(\.glyphs)
        pages[baseline.page].pdfiumLines.append(PDFiumLine(firstGlyph: baseline.firstGlyph, glyphCount: baseline.endGlyph - baseline.firstGlyph,
                                                           text: PDFiumLine.markingDecomposable(ReaderLine.collapsed(text)),
                                                           isLeftToRight: !baseline.hasRightToLeft,
                                                           parts: parts))
    }

    /// Hands poppler the lines drawn on one baseline (a table row's cells, `glyphs` on page `page`) as one `ReaderLine` in
    /// place of each one's, their texts in the order their block reads when all say the same (a table's row in the
    /// table's order), else in the order poppler reads the page, a space between: a cell poppler cannot give back on a
    /// line of its own without a direction mark (`Jackson (HQ)`, or `فرع جدة (18)` in the first column of an English
    /// table on a page poppler reads right to left: a letter or digit then a bracket at its end) comes back followed by
    /// the next cell, as the row is written, with none. Where the page's order needs fewer marks (a running foot's two
    /// ends, `Ref. 12` and `Office (Riyadh)`, on an English page poppler reads right to left), in that order. Only when
    /// the row needs fewer marks than the lines' own (`openings`): where the next cell does not help (`(Southern
    /// Strike)` before an Arabic cell), each line keeps its own, marks and all. A row of a table in a column
    /// (`columnLines`, its lines' places in their column) is handed as one whatever its marks, in its column: its cells,
    /// each handed on a carrier of its own at the column's carrier size, stood too far apart for poppler to read them as
    /// one line, and came back a cell a line, the row's end first. Page furniture on a page of columns (`spanning`, the
    /// place over the columns its lines were given) is handed as one there whatever its marks; with `always`, a row is
    /// too (a right-to-left row on a page poppler reads left to right).
    private func noteRow(_ page: Int, _ glyphs: Range<Int>, _ lines: [(x: Double, text: String, glyphs: Range<Int>, blockIsRightToLeft: Bool, placement: ReaderLine.Placement)],
                         readerSpans: Int, openings: Int, columnLines: [ReaderLine.ColumnLine] = [], over spanning: ReaderLine.Placement? = nil,
                         always: Bool = false) {
        let leftToRight = pages[page].readsLeftToRight
        func cut(rightToLeft: Bool) -> (text: [Unicode.Scalar], openings: Int) {
            let text = lines.sorted { rightToLeft ? $0.x > $1.x : $0.x < $1.x }.map(\.text).joined(separator: " ")
            let cut = ReaderLine.cut(ReaderLine.collapsed(text), leftToRight: leftToRight)
            return (cut.text, cut.openings)
        }
        let rowIsRightToLeft = lines.allSatisfy(\.blockIsRightToLeft) || (lines.contains(where: \.blockIsRightToLeft) && !leftToRight)
        var (text, rowOpenings) = cut(rightToLeft: rowIsRightToLeft)
        if rowOpenings > 0, rowIsRightToLeft == leftToRight {
            let pageOrder = cut(rightToLeft: !leftToRight)
            if pageOrder.openings < rowOpenings { (text, rowOpenings) = pageOrder }
        }
        guard rowOpenings < openings || !columnLines.isEmpty || spanning != nil || always else { return }
        pages[page].readerLines.removeAll { $0.firstGlyph >= glyphs.lowerBound }
        let placement = spanning ?? ReaderLine.Placement(spanning: lines.map(\.placement))
        let columnLine = columnLines.first.map {
            ReaderLine.ColumnLine(group: $0.group, column: $0.column, x: placement.x, y: $0.y, width: placement.width,
                                  fontSize: columnLines.map(\.fontSize).max() ?? $0.fontSize)
        }
        pages[page].readerLines.append(ReaderLine(firstGlyph: glyphs.lowerBound, glyphCount: glyphs.count,
                                                  readerSpans: readerSpans..<pages[page].readerSpans.count, text: text,
                                                  columnLine: columnLine, placement: columnLine == nil ? placement : nil))
    }

    /// Notes the glyphs of run `run` of the current line handed to cairo, `order` being indices into the run's glyphs
    /// in the order drawn, and `popplerText` what poppler reads of them left to right. A span whose last glyph this
    /// draws gets its entry, when its glyphs were drawn one after the other (else it is left out).
    func drew(run: Int, order: some RandomAccessCollection<Int>, popplerText: @autoclosure () -> String) {
        guard !pages.isEmpty else { return }
        // The line read in place (`line?.`): bound by `if let`, it was copied, its runs and strings retained, for each run.
        if line != nil {
            if var drawn = popplerDrawn {
                // Appended one by one, the array held once: `append(contentsOf:)` walked the text twice, counting it first;
                // decoded from the text's bytes (`UTF8Scalars`), not through its `unicodeScalars`.
                popplerDrawn = nil
                var text = popplerText()
                text.withUTF8 { bytes in
                    var scalars = UTF8Scalars(bytes: bytes)
                    while let scalar = scalars.next() { drawn.append(scalar) }
                }
                popplerDrawn = drawn
            }
            if line?.runs[run].clusterText.utf8.allSatisfy({ $0 == 0x20 }) == true {
                let start = pages[pages.count - 1].glyphCount
                pages[pages.count - 1].blankRuns.append(start..<(start + order.count))
            }
        }
        if lineSpans.contains(where: { span in span.glyphs.contains { $0.run == run } }) {
            // Where each span glyph of the run was drawn: its last place in `order`, as a glyph drawn twice would be noted.
            let start = pages[pages.count - 1].glyphCount
            for span in lineSpans {
                for glyph in span.glyphs where glyph.run == run {
                    guard let index = order.lastIndex(of: glyph.glyph) else { continue }
                    positions.append((run, glyph.glyph, start + order.distance(from: order.startIndex, to: index)))
                }
            }
            for span in lineSpans where span.glyphs.last?.run == run {
                let drawn = span.glyphs.compactMap { glyph in
                    positions.last { $0.run == glyph.run && $0.glyph == glyph.glyph }?.position
                }
                guard drawn.count == span.glyphs.count, let first = drawn.first,
                      drawn.elementsEqual(first..<(first + drawn.count)) else { continue }
                pages[pages.count - 1].spans.append(Entry(firstGlyph: first, glyphCount: drawn.count, text: span.text, drawnText: span.drawnText))
            }
        }
        pages[pages.count - 1].glyphCount += order.count
    }
}
