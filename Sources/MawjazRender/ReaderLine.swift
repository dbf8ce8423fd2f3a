// poppler's reading of a line, and the text it is handed on lines of its own where it would misread the drawn one (see
// `ReaderLine`).
import MawjazFrame

/// poppler's reading order for one line, modelled on `TextOutputDev.cc` (`reorderText`, pdftotext 22.12) as
/// `bench/fidelity/readers.py` models it, and the invisible text that makes it read a line right.
///
/// poppler reads a line's characters in the order they stand, left to right. On a right-to-left page (one holding more
/// right-to-left characters) it writes them from the right: a section of characters that are not left-to-right letters
/// or number characters reversed, then a section of characters that are not right-to-left letters kept in order, and so
/// on. So a number character followed by neutrals and then a right-to-left letter (`نور، والجهل`, `12.5% بعد`) comes
/// back out of order whatever the PDF holds for the line. On a left-to-right page it writes them from the left, the two
/// kinds swapped: a section of characters that are not right-to-left letters kept, then one of characters that are not
/// left-to-right letters or number characters reversed, and so on; a right-to-left letter followed by neutrals and then
/// a left-to-right letter, a number or the line's end (`جدة» appeared`, `العتيبي.`) comes back out of order. A
/// line poppler would misread gets a second text layer in the amendment (`PDFAmendment+ReaderLines`): its drawn
/// glyphs are hidden from poppler (each in a `/Span` with an empty /ActualText) and its text is handed to poppler as
/// `text`, the /ActualText of an invisible space, in the visual order that poppler turns into the line's text, with an
/// invisible direction mark wherever its rule needs a cut (`marked`). PDFium drops a text object with nothing to ink, so it keeps reading the drawn glyphs.
struct ReaderLine: Equatable {
    /// The line's first glyph on the page, and how many glyphs it has (as `NumberSpanLog` counts them).
    var firstGlyph: Int
    var glyphCount: Int
    /// Its vowelled-word spans, as indices into the page's (`NumberSpanLog.Page.readerSpans`): left as cairo wrote them
    /// when the line is hidden from poppler.
    var readerSpans: Range<Int>
    /// poppler's text for the line, its characters left to right: the form poppler reads back as the line's text.
    var text: [Unicode.Scalar]
    /// The line as drawn, when it stands in a column of a `columns:` block; and where its text is handed to poppler
    /// (`Placement`: the line's own place, or its column's, set once the page is drawn).
    var columnLine: ColumnLine?
    var placement: Placement?
    /// Whether the line's drawn glyphs are hidden from poppler, `text` standing for them; false for a line poppler reads
    /// as drawn that is handed only a right-to-left mark after its right end (`selectionMark(after:)`).
    var hidesGlyphs = true

    /// poppler's three kinds of character: right-to-left letters, left-to-right letters and number characters (its
    /// types `L` and `#`), and the rest.
    enum Kind {
        case rightToLeft, leftToRightOrNumber, other
    }

    /// The left-to-right letters of `text` less its right-to-left ones, as poppler counts them over a page's words to
    /// choose the direction it reads the page in (`TextPage::coalesce`: left to right when they are at least as many).
    static func letterBalance(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var balance = 0, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if page00[Int(byte)] == UInt8(ascii: "L") { balance += 1 }
                    index += 1
                    continue
                }
                // The Arabic letters U+0621-U+064A, most of an Arabic page, from their two bytes.
                if byte == 0xD8 || byte == 0xD9, index + 1 < bytes.count {
                    let value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    if (0x621...0x64A).contains(value) {
                        balance -= 1
                        index += 2
                        continue
                    }
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (byte >= 0xF0 ? 0x07 : byte >= 0xE0 ? 0x0F : 0x1F)
                for offset in 1..<length where index + offset < bytes.count { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                index += length
                guard let scalar = Unicode.Scalar(value) else { continue }
                switch kind(scalar) {
                case .rightToLeft: balance -= 1
                case .leftToRightOrNumber where !isNumberCharacter(scalar): balance += 1
                default: break
                }
            }
            return balance
        }
    }

    /// Whether `scalar`, of poppler's kind `leftToRightOrNumber`, is a number character (its type `#`) rather than a
    /// letter (`L`).
    private static func isNumberCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x100: page00[Int(scalar.value)] == UInt8(ascii: "#")
        case 0x2000..<0x2100: page20[Int(scalar.value - 0x2000)] == UInt8(ascii: "#")
        case 0x600..<0x700: isArabicNumberCharacter(scalar.value)
        case 0x2212: true
        default: scalar.properties.generalCategory == .decimalNumber
        }
    }

    /// Whether poppler may misread a line of `text` on a page read left to right (`leftToRight`): whether it holds a
    /// right-to-left letter, or Arabic-Indic numbers drawn in an order of their own (`holdsReorderedArabicNumbers`). A
    /// line of left-to-right letters, numbers and neutrals alone it reads as drawn.
    static func mayBeMisread(_ text: String, leftToRight: Bool) -> Bool {
        guard leftToRight else { return mayBeMisread(text) }
        // Right-to-left letters are U+0590 and above, whose UTF-8 begins with a byte 0xD6 or above: most English lines
        // are answered from their bytes.
        guard text.utf8.contains(where: { $0 >= 0xD6 }) else { return false }
        return text.unicodeScalars.contains { kind($0) == .rightToLeft } || holdsReorderedArabicNumbers(text)
    }

    /// Whether a left-to-right line of `text` draws Arabic-Indic numbers in an order of their own: two of them with no
    /// letter between, apart by more than a number separator (`٢٠٢٠-٢٠٢٤`, `٣ - ٥`). By Unicode's rules (W4 joins only
    /// a common separator, `٣:٠٠`, to them; N1 gives a neutral between two the right-to-left side) such a range is drawn
    /// from the right, `٢٠٢٤-٢٠٢٠` from the left, as a browser draws it, and both readers read it left to right
    /// (measured: an English table's cell `٢٠٢٠-٢٠٢٤` came back `٢٠٢٤-٢٠٢٠` from poppler and PDFium).
    static func holdsReorderedArabicNumbers(_ text: String) -> Bool {
        // The digits are U+0660-U+0669, whose UTF-8 begins with the byte 0xD9: most lines are answered from their bytes.
        guard text.utf8.contains(0xD9) else { return false }
        var afterNumber = false, apart = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x660...0x669:
                if afterNumber && apart { return true }
                afterNumber = true
                apart = false
            case 0x66B, 0x66C, 0x2C, 0x2E, 0x3A, 0x2F, 0xA0, 0x202F:
                // Arabic and common separators, which join the numbers beside them into one.
                continue
            default:
                if scalar.properties.isAlphabetic { afterNumber = false } else if afterNumber { apart = true }
            }
        }
        return false
    }

    /// Whether `text` ends (spaces aside) in a hyphen, `-` or a soft hyphen: poppler takes such a line for a word broken
    /// across lines, whatever comes before the hyphen (`TextLine::coalesce` looks at the last character alone).
    static func endsInHyphen(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.reversed().first(where: { $0 != " " }) else { return false }
        return last == "-" || last == "\u{AD}"
    }

    /// Whether `text` ends (spaces aside) in a hyphen right after a left-to-right letter or a number character (a Latin
    /// word's or a code's, `execution-`): in a right-to-left line such a hyphen is a neutral after the Latin word, drawn at
    /// the line's left end, and poppler took the line for a word broken across lines (`executionreports`). One after an
    /// Arabic letter (`العسكرية-`) it read as drawn.
    static func endsInLatinHyphen(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.reversed().drop { $0 == " " }.makeIterator()
        guard let last = scalars.next(), last == "-" || last == "\u{AD}", let before = scalars.next() else { return false }
        return kind(before) == .leftToRightOrNumber
    }

    /// Whether poppler may misread a line of `text` on a right-to-left page: whether it holds a left-to-right letter or
    /// a number character. A line of right-to-left letters and neutrals alone it reads as the text layer gives it.
    static func mayBeMisread(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if page00[Int(byte)] != UInt8(ascii: "N") { return true }
                    index += 1
                } else if (0xD8...0xDB).contains(byte), index + 1 < bytes.count {
                    // U+0600-U+06FF, in two bytes: read by its ranges.
                    let value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    if isArabicNumberCharacter(value) { return true }
                    index += 2
                } else {
                    // Any other character: decoded, and read by `kind`.
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var value = UInt32(byte) & (byte >= 0xF0 ? 0x07 : byte >= 0xE0 ? 0x0F : 0x1F)
                    for offset in 1..<length where index + offset < bytes.count { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                    if let scalar = Unicode.Scalar(value), kind(scalar) == .leftToRightOrNumber { return true }
                    index += length
                }
            }
            return false
        }
    }

    /// Whether two of `line`'s words stand a font size apart or more, from the right edge of one's last glyph to the left
    /// edge of the next one's first (a justified line in a narrow column). poppler builds its blocks of words from gaps:
    /// it broke such lines into blocks of a word or two and interleaved them with the next column's (`among them the
    /// Governor, the`, its gaps 1.7 font sizes, and `Adjutant General, to discuss further`, 1.13, came back a word a line;
    /// `Commissioner of Agriculture and the`, 0.98, whole). Handed to poppler on a line of its own (measured by editing
    /// the PDF), each comes back whole.
    static func hasWideWordGap(_ line: TextLine) -> Bool {
        // Where the last glyph of a word ends, on the line's baseline; read from each run's bytes by offset (the text's
        // indices and `allSatisfy` over its slices cost a document 1 % of its instructions). The runs' fields read in
        // place: a run copied whole (its font, arrays and strings retained and released) cost as much as its clusters.
        var inkEnd = 0.0, hasInk = false
        let runs = line.runs
        for runIndex in runs.indices {
            var text = runs[runIndex].clusterText
            let glyphs = runs[runIndex].glyphs, size = runs[runIndex].font.size, x = runs[runIndex].x, width = runs[runIndex].width
            let found = text.withUTF8 { bytes in
                var glyph = 0, byte = 0
                for cluster in runs[runIndex].clusters {
                    let count = cluster.glyphCount, end = min(byte + cluster.byteCount, bytes.count)
                    defer { glyph += count; byte = end }
                    var blank = true, index = byte
                    while blank, index < end {
                        blank = bytes[index] == 0x20
                        index += 1
                    }
                    guard !blank, count > 0, glyph + count <= glyphs.count else { continue }
                    let left = x + glyphs[glyph].x
                    if hasInk, left - inkEnd >= size { return true }
                    inkEnd = x + (glyph + count < glyphs.count ? glyphs[glyph + count].x : width)
                    hasInk = true
                }
                return false
            }
            if found { return true }
        }
        return false
    }

    /// Whether `text` holds two words or more, each of one character (`x = 5 + y`, a cell `A / B`, a chart's label
    /// `= 5 +`): poppler gives back no space between two such words that stand about as close as the closest two. It
    /// breaks a line's words at its spaces, and when each is one character (`TextLine::coalesce`, pdftotext 22.12) takes
    /// a gap for a space only from 1.3 times the line's narrowest (at most 0.4 font sizes, `maxWideCharSpacingMul`,
    /// `maxWideCharSpacing`): words a space apart stand one space's width apart, so it dropped every space (`x=5+y`,
    /// `5+3=8`, `A/B`, a chart's `ab`), where a word of two characters anywhere on the line keeps them (`2020 - 2024`,
    /// `50 %`, `10 × 3`). Handed to poppler whole, the line is one word holding its spaces.
    static func hasOnlyOneCharacterWords(_ text: String) -> Bool {
        var words = 0, characters = 0
        for scalar in text.unicodeScalars {
            if isPopplerWhiteSpace(scalar) {
                if characters > 0 { words += 1 }
                characters = 0
            } else {
                // A second character in a word ends the question (most lines at their first word).
                characters += 1
                if characters > 1 { return false }
            }
        }
        return words + (characters > 0 ? 1 : 0) > 1
    }

    /// Whether poppler-glib's selection text (`poppler_page_get_selected_text`, what Evince copies; `TextPage::getSelectionText`
    /// and `TextSelectionDumper::getText`, 22.12) of a line on a page it reads right to left, whose characters left to right
    /// are `drawn`, is out of the order of `logical`, its text, once a mark after the line (`selectionMark(after:)`) gives it
    /// every space. poppler copies a selected line word by word: on such a page the words from the right, each turned by
    /// itself as pdftotext turns a line (`dumpFragment`), not the line's characters as a whole: an Arabic line's words come
    /// back in order, a Latin line's (`Main Branch`, a left-to-right paragraph) and a Latin phrase's inside an Arabic line
    /// turned around (`Branch Main`, measured with bench/fidelity/selection.py). Such a line is handed to poppler whole,
    /// one word holding its spaces.
    static func selectionMisorders(logical: String, drawn: [Unicode.Scalar]) -> Bool {
        // The words read from the right, each turned in place into one array: an array of the words, and one of each
        // word's characters, cost a line some 1,500 instructions.
        var read: [Unicode.Scalar] = [], words = 0, index = drawn.count
        read.reserveCapacity(drawn.count)
        while true {
            while index > 0, isPopplerWhiteSpace(drawn[index - 1]) { index -= 1 }
            guard index > 0 else { break }
            let end = index
            while index > 0, !isPopplerWhiteSpace(drawn[index - 1]) { index -= 1 }
            if words > 0 { read.append(" ") }
            appendPopplerText(drawn[index..<end], leftToRight: false, to: &read)
            words += 1
        }
        guard words > 1 else { return false }
        var logical = logical
        return !logical.withUTF8 { sameCollapsed(read, UTF8Scalars(bytes: $0)) }
    }

    /// Whether `text` holds two words or more (white space between characters that are not).
    static func hasSeveralWords(_ text: String) -> Bool {
        var inWord = false, afterSpace = false
        for scalar in text.unicodeScalars {
            if isPopplerWhiteSpace(scalar) {
                afterSpace = inWord
            } else {
                if afterSpace { return true }
                inWord = true
            }
        }
        return false
    }

    /// Where the right-to-left mark handed to poppler after a line it reads as drawn, on a page it reads right to left,
    /// stands: a fifth of the line's size right of the line placed at `placement`, at its size and on its baseline. poppler
    /// copies a selected line (`TextSelectionDumper::getText`, 22.12) from its rightmost word, with a space after each
    /// word that has one after it on the page (`spaceAfter`): the rightmost has none, so its space was lost
    /// (`غيرسري`, `شراكةالحرس الوطني`, one space a line, measured with bench/fidelity/selection.py). After the mark, a
    /// word of its own beside the line, the rightmost word has its space; the mark is invisible, and the readers' users
    /// and the comparisons here drop it (as `marked`'s). Measured first on the default brief's page 1 edited by hand.
    static func selectionMark(after placement: Placement) -> Placement {
        Placement(size: placement.size, x: placement.x + placement.width + placement.size / 5, width: 0, baseline: placement.baseline)
    }

    /// The selection mark `mark` (`selectionMark(after:)`) of a line that shares its baseline with one other (a running
    /// head's two ends, a list's label and body, a row of two cells), moved to 0.12 of the line's size right of the line
    /// and narrowed to a hundredth: still a word of its own after the line's rightmost one (poppler starts a word past a
    /// gap of 0.1 of the size, `minWordBreakSpace`, and sets a space after one from 0.03, `TextLine::coalesce`; at 0.1
    /// the mark joined the word before it), so that the rightmost keeps its space, but hardly widening the line's block,
    /// which poppler grows by words within a size of its side (`minColSpacing2`).
    static func closeSelectionMark(_ mark: Placement) -> Placement {
        Placement(size: mark.size, x: mark.x - mark.size * 0.08, width: mark.size / 100, baseline: mark.baseline)
    }

    /// Whether poppler breaks words at `scalar` (`UnicodeIsWhitespace`): the spaces of every width, no-break ones
    /// among them (`5\u{A0}%` and `x\u{2009}=\u{2009}y` lost theirs as `x = y` did).
    private static func isPopplerWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9...0xD, 0x20, 0x85, 0xA0, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x3000: true
        default: false
        }
    }

    /// The text poppler should be handed for a line whose logical text is `logical`, when what it reads of the
    /// characters drawn, left to right, `drawn`, on a page it reads left to right or not (`leftToRight`), differs from it
    /// (white space collapsed), with how many places needed a direction mark (`openings`) and whether one of them is
    /// before the neutrals that end the line (`endsOpen`); nil when it reads right.
    static func cut(logical: String, drawn: [Unicode.Scalar], leftToRight: Bool = false)
        -> (text: [Unicode.Scalar], openings: Int, endsOpen: Bool)? {
        let read = popplerText(drawn, leftToRight: leftToRight)
        var logical = logical
        guard !logical.withUTF8({ sameCollapsed(read, UTF8Scalars(bytes: $0)) }) else { return nil }
        return cut(collapsed(logical), leftToRight: leftToRight)
    }

    /// `text` in the visual order poppler reads back as it, with a direction mark of the page's direction (`marked`)
    /// right after each letter or number where `pieces(of:kinds:leftToRight:)` cuts it: at a space (`١٥ سبتمبر`, which
    /// poppler gave back on two lines when it was handed in two pieces, one under the other) and where no space follows
    /// the letter or number the neutrals run on from (`Program) في`, `(Internal)` at the line's end). With how many of
    /// the latter there are (`openings`: without a mark no PDF gives them back), and whether the last is before the
    /// neutrals that end the line (`endsOpen`: `Jackson (HQ)`, which its row's next cell mends without a mark).
    static func cut(_ text: [Unicode.Scalar], leftToRight: Bool) -> (text: [Unicode.Scalar], openings: Int, endsOpen: Bool) {
        let kinds = text.map(kind), ranges = pieces(of: text, kinds: kinds, leftToRight: leftToRight)
        guard ranges.count > 1 else {
            let range = ranges.first ?? 0..<0
            return (visualText(of: text[range], kinds: kinds[range], leftToRight: leftToRight), 0, false)
        }
        let endsOpen = ranges[ranges.count - 2].upperBound == ranges[ranges.count - 1].lowerBound
            && kinds[ranges[ranges.count - 1]].allSatisfy { $0 == .other }
        let joined = marked(text, kinds: kinds, pieces: ranges, leftToRight: leftToRight)
        return (visualText(of: joined.text[...], kinds: joined.kinds[...], leftToRight: leftToRight), openings(ranges), endsOpen)
    }

    /// The mark poppler reads as a right-to-left letter (U+200F, its type `R`) and the one it reads as a left-to-right
    /// letter (U+200E, `L`): each is invisible, and `measure.py`, `pdf-audit` and the readers' users drop it.
    static let rightToLeftMark: Unicode.Scalar = "\u{200F}", leftToRightMark: Unicode.Scalar = "\u{200E}"

    /// The pieces `pieces` (ranges of `text`, whose kinds are `kinds`) as poppler is handed them: one text, with a mark
    /// of the page's direction right after each cut's letter, before the space dropped there if any (on a right-to-left
    /// page U+200F, poppler's `R`; on a left-to-right one U+200E, `L`). On a right-to-left page poppler
    /// cannot give back a left-to-right letter or number followed by neutrals and then a right-to-left letter or the
    /// line's end (`Program) في`, `(Internal)`); with the mark right after it, the letter is followed by a right-to-left
    /// one and the neutrals stand between two of them, which it gives back in place (on a left-to-right page the same with
    /// the kinds swapped; measured with pdftotext 22.12 on pages edited by hand, both directions). The mark agrees with
    /// the page's direction, so poppler's count of letters for it only grows. A cut at a space poppler gives back so
    /// too, the space after the mark standing between two right-to-left letters (measured with pdftotext 22.12 on the
    /// default brief's date, `١٥ سبتمبر ٢٠٢٤`, and the corpora).
    static func marked(_ text: [Unicode.Scalar], kinds: [Kind], pieces: [Range<Int>], leftToRight: Bool)
        -> (text: [Unicode.Scalar], kinds: [Kind]) {
        let mark = leftToRight ? leftToRightMark : rightToLeftMark, markKind: Kind = leftToRight ? .leftToRightOrNumber : .rightToLeft
        var joined: (text: [Unicode.Scalar], kinds: [Kind]) = ([], [])
        joined.text.reserveCapacity(text.count + 2 * pieces.count)
        joined.kinds.reserveCapacity(text.count + 2 * pieces.count)
        for index in pieces.indices {
            let range = pieces[index]
            if index > 0 {
                joined.text.append(mark)
                joined.kinds.append(markKind)
                // A cut at a space keeps its space, after the mark.
                if pieces[index - 1].upperBound < range.lowerBound {
                    joined.text.append(" ")
                    joined.kinds.append(.other)
                }
            }
            joined.text += text[range]
            joined.kinds += kinds[range]
        }
        return joined
    }

    /// Whether `first` and `second` are the same once white space is collapsed (`collapsed`), compared as they are read.
    private static func sameCollapsed(_ first: [Unicode.Scalar], _ second: UTF8Scalars) -> Bool {
        var left = first.makeIterator(), right = second
        var a = left.next(), b = right.next()
        while a.map(isSpace) == true { a = left.next() }
        while b.map(isSpace) == true { b = right.next() }
        while let x = a, let y = b {
            if isSpace(x) || isSpace(y) {
                guard isSpace(x) && isSpace(y) else { return false }
                while a.map(isSpace) == true { a = left.next() }
                while b.map(isSpace) == true { b = right.next() }
                // White space at the end of one is none.
                if a == nil || b == nil { return a == nil && b == nil }
                continue
            }
            guard x == y else { return false }
            a = left.next()
            b = right.next()
        }
        while a.map(isSpace) == true { a = left.next() }
        while b.map(isSpace) == true { b = right.next() }
        return a == nil && b == nil
    }

    /// Whether `scalar` is white space: a space, a tab or line break, a no-break or other Unicode space.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        // Below U+2000 told apart by two comparisons (most of a line's characters are there).
        let value = scalar.value
        if value < 0xA0 { return value == 0x20 || value &- 0x09 <= 0x0D - 0x09 }
        if value < 0x2000 { return value == 0xA0 }
        return switch value {
        case 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// poppler's text for a line whose characters, left to right, are `characters`, on a page it reads left to right or
    /// not (`leftToRight`).
    static func popplerText(_ characters: [Unicode.Scalar], leftToRight: Bool = false) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(characters.count)
        appendPopplerText(characters[...], leftToRight: leftToRight, to: &result)
        return result
    }

    /// Appends `popplerText(_:leftToRight:)` of `characters` to `result`.
    private static func appendPopplerText(_ characters: ArraySlice<Unicode.Scalar>, leftToRight: Bool, to result: inout [Unicode.Scalar]) {
        let start = characters.startIndex, end = characters.endIndex
        if leftToRight {
            var index = start
            while index < end {
                var next = index
                while next < end, kind(characters[next]) != .rightToLeft { next += 1 }
                result += characters[index..<next]
                index = next
                while next < end, kind(characters[next]) != .leftToRightOrNumber { next += 1 }
                result += characters[index..<next].reversed()
                index = next
            }
            return
        }
        var index = end - 1
        while index >= start {
            var next = index
            while next >= start, kind(characters[next]) != .leftToRightOrNumber { next -= 1 }
            var reversed = index
            while reversed > next {
                result.append(characters[reversed])
                reversed -= 1
            }
            index = next
            while next >= start, kind(characters[next]) != .rightToLeft { next -= 1 }
            result += characters[(next + 1)..<(index + 1)]
            index = next
        }
    }

    /// The characters, left to right, that poppler reads as `characters` (their kinds `kinds`) on a page it reads left to
    /// right or not (`leftToRight`), which hold no left-to-right letter or number character (on a left-to-right page, no
    /// right-to-left letter) followed by neutrals running on to a letter of the other kind or their end
    /// (`pieces(of:kinds:leftToRight:)` cuts a line there). The sections poppler writes, in its order, on a right-to-left
    /// page: reversed (up to the first L or #), kept (up to the next right-to-left letter), reversed, and so on; the line
    /// left to right is the sections in reverse order, the reversed ones reversed back. On a left-to-right page: kept (up
    /// to the first right-to-left letter), reversed (up to the next L or #), and so on; the line is the sections in that
    /// order, the reversed ones reversed back.
    static func visualText(of characters: ArraySlice<Unicode.Scalar>, kinds: ArraySlice<Kind>, leftToRight: Bool = false) -> [Unicode.Scalar] {
        var sections: [(range: Range<Int>, isReversed: Bool)] = []
        var start = characters.startIndex, isReversed = !leftToRight
        while start < characters.endIndex || sections.isEmpty {
            var end = start
            let stop: Kind = isReversed ? .leftToRightOrNumber : .rightToLeft
            while end < characters.endIndex, kinds[end] != stop { end += 1 }
            sections.append((start..<end, isReversed))
            start = end
            isReversed.toggle()
        }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(characters.count)
        // The sections walked by index and a reversed one a character at a time: `reversed()` here made arrays.
        for step in sections.indices {
            let section = sections[leftToRight ? step : sections.count - 1 - step]
            if section.isReversed {
                for index in section.range.reversed() { result.append(characters[index]) }
            } else {
                result += characters[section.range]
            }
        }
        return result
    }

    /// `logical` (its characters' kinds `kinds`) cut into the fewest pieces poppler can each read back within one line,
    /// as ranges of it: at each left-to-right letter or number character followed by neutrals that run on to a
    /// right-to-left letter or the end, right after it (the space there dropped, when the neutrals begin with one); on a
    /// page poppler reads left to right (`leftToRight`), at each right-to-left letter followed by neutrals that run on to
    /// a left-to-right letter, a number character or the end. In one pass.
    static func pieces(of logical: [Unicode.Scalar], kinds: [Kind], leftToRight: Bool = false) -> [Range<Int>] {
        let (first, second): (Kind, Kind) = leftToRight ? (.rightToLeft, .leftToRightOrNumber) : (.leftToRightOrNumber, .rightToLeft)
        var pieces: [Range<Int>] = [], start = 0, index = 0
        while index < logical.count {
            guard kinds[index] == first, index + 1 < logical.count, kinds[index + 1] == .other else {
                index += 1
                continue
            }
            var end = index + 1
            while end < logical.count, kinds[end] == .other { end += 1 }
            if end == logical.count || kinds[end] == second {
                if start <= index { pieces.append(start..<(index + 1)) }
                start = logical[index + 1] == " " ? index + 2 : index + 1
            }
            index = end
        }
        if start < logical.count { pieces.append(start..<logical.count) }
        return pieces
    }

    /// How many times `pieces` (ranges of a text, `pieces(of:kinds:leftToRight:)`) cut it with no space to drop, right
    /// after a letter or number (`Report) في`): places poppler gives back only with a direction mark (`marked`).
    static func openings(_ pieces: [Range<Int>]) -> Int {
        zip(pieces, pieces.dropFirst()).reduce(0) { count, pair in count + (pair.0.upperBound == pair.1.lowerBound ? 1 : 0) }
    }

    /// poppler's kind of `scalar` (its `UnicodeTypeTable.cc`: pages 0x00 and 0x20 as its table has them, page 0x06 by its
    /// ranges, pages 0x05, 0x07, 0x08, 0xFB, 0xFD and 0xFE by its table's neutrals there, the minus sign U+2212 a number
    /// character; elsewhere letters of right-to-left scripts, other letters, and digits).
    static func kind(_ scalar: Unicode.Scalar) -> Kind {
        // One look-up for U+0000–U+00FF, U+0590–U+08FF and U+2000–U+20FF: tested range by range, a character's kind took
        // some 60 instructions.
        let value = scalar.value, kinds = tableKinds
        if value < 0x100 { return kinds[Int(value)] }
        if value &- 0x590 < 0x370 { return kinds[0x100 + Int(value &- 0x590)] }
        if value &- 0x2000 < 0x100 { return kinds[0x470 + Int(value &- 0x2000)] }
        return computedKind(scalar)
    }

    /// The kinds of U+0000–U+00FF, U+0590–U+08FF and U+2000–U+20FF one after another (`computedKind`). Made once, never
    /// freed, only read.
    private nonisolated(unsafe) static let tableKinds: UnsafePointer<Kind> = {
        let ranges = [0..<0x100, 0x590..<0x900, 0x2000..<0x2100] as [Range<UInt32>]
        let kinds = UnsafeMutablePointer<Kind>.allocate(capacity: ranges.reduce(0) { $0 + $1.count })
        var index = 0
        for range in ranges {
            for value in range {
                kinds[index] = Unicode.Scalar(value).map(computedKind) ?? .other
                index += 1
            }
        }
        return UnsafePointer(kinds)
    }()

    /// poppler's kind of `scalar`, worked out (`kind(_:)`).
    private static func computedKind(_ scalar: Unicode.Scalar) -> Kind {
        let value = scalar.value
        // The most frequent first: Arabic letters, the space.
        if (0x621...0x64A).contains(value) { return .rightToLeft }
        if value == 0x20 { return .other }
        let type: UInt8
        switch value {
        case 0..<0x100: type = page00[Int(value)]
        case 0x2000..<0x2100: type = page20[Int(value - 0x2000)]
        case 0x600..<0x700:
            if isArabicNumberCharacter(value) { return .leftToRightOrNumber }
            if (0x60E...0x61A).contains(value) || (0x64B...0x65F).contains(value) || value == 0x670 || (0x6D6...0x6ED).contains(value) { return .other }
            return .rightToLeft
        // The ornate parentheses are neutrals to poppler (measured: `الآية ﴿٢﴾ هنا` came back `الآية ﴿ ﴾٢ هنا`).
        case 0xFD3E...0xFD3F: return .other
        // The marks of Hebrew, Syriac and Thaana, N'Ko (U+07B2-U+07FF) and all of U+0800-U+08FF are neutrals in poppler's
        // table, as are U+FB1E, U+FDFD-U+FDFF and U+FEFD-U+FEFF (measured: `ދިވެހިރާއްޖެ` in an English sentence, its
        // last letter's vowel sign U+07AC drawn at the word's left end, came back `ެދިވެހިރާއްޖ`).
        case 0x590...0x5BD, 0x5BF, 0x5C1...0x5C2, 0x5C4, 0x70E...0x70F, 0x711, 0x730...0x74A, 0x7A6...0x7B0, 0x7B2..<0x900,
             0xFB1E, 0xFDFD...0xFDFF, 0xFEFD...0xFEFF:
            return .other
        // The Hebrew plus sign, a number character to poppler as `+` is.
        case 0xFB29: return .leftToRightOrNumber
        case 0x590..<0x600, 0x700..<0x900, 0xFB1D..<0xFE00, 0xFE70..<0xFF00: return .rightToLeft
        // The minus sign, a number character to poppler as `-` is (measured: `−2` beside Arabic came back `2−`).
        case 0x2212: return .leftToRightOrNumber
        default:
            if scalar.properties.generalCategory == .decimalNumber { return .leftToRightOrNumber }
            return scalar.properties.isAlphabetic && !TextLayerRun.isMark(scalar) ? .leftToRightOrNumber : .other
        }
        // The marks and embedding controls of page 0x20 are of both kinds (U+200F, U+202B, U+202E: `R`).
        return type == UInt8(ascii: "N") ? .other : type == UInt8(ascii: "R") ? .rightToLeft : .leftToRightOrNumber
    }

    /// Whether the character U+0600–U+06FF `value` is one poppler counts a number character (`#`): the Arabic number
    /// signs and separators, the Arabic comma, the Arabic-Indic and extended Arabic-Indic digits.
    private static func isArabicNumberCharacter(_ value: UInt32) -> Bool {
        (0x604...0x60C).contains(value) || (0x660...0x66C).contains(value) || (0x6F0...0x6F9).contains(value)
    }

    /// A glyph that inks nothing, named a space in its font's /ToUnicode map: a line's text is its /ActualText.
    struct Space {
        /// The font resource's name, slash included, and the glyph's code in it.
        var font: [UInt8]
        var code: [UInt8]
        /// The glyph's advance, in ems (its font's /Widths over 1000); nil when the font does not say.
        var advance: Double? = nil
    }

    /// The bytes opening a marked-content sequence that hides what it holds from poppler.
    static let hidingBegin = Array("/Span << /ActualText () >> BDC".utf8)
    /// The same on a line of its own, and the end of the sequence on one.
    static let hidingBeginLine = hidingBegin + [0x0A]
    static let endLine = Array("\nEMC".utf8)

    /// The text object handing poppler `text`, the /ActualText of `space`, where `placement` says: by a text matrix in
    /// the page's coordinates (`Placement.writeMatrix`; cairo shows a page's text under the page's matrix alone), stretched
    /// over the line (`Placement.writeScaling(spaceAdvance:to:)`). In a graphics state of its own, so that nothing after it moves.
    static func layer(_ text: [Unicode.Scalar], space: Space, placement: Placement) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(160 + 4 * text.count)
        bytes.append(contentsOf: "\nq\nBT\n".utf8)
        bytes.append(contentsOf: space.font)
        bytes.append(contentsOf: " 1 Tf\n".utf8)
        placement.writeScaling(spaceAdvance: space.advance, to: &bytes)
        placement.writeMatrix(to: &bytes)
        // The text in UTF-16, big-endian, after its byte-order mark, in hexadecimal (as `PDFObject.text` has it),
        // four digits a unit written into room made for all of them at once.
        bytes.append(contentsOf: "/Span << /ActualText <feff".utf8)
        let units = text.reduce(0) { $0 + ($1.value < 0x10000 ? 1 : 2) }, start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 4 * units))
        bytes.withUnsafeMutableBufferPointer { written in
            guard let base = written.baseAddress else { return }
            let digits = UnsafeMutableRawPointer(base + start)
            var position = 0
            for scalar in text {
                if scalar.value < 0x10000 {
                    digits.storeBytes(of: PDFObject.hexDigits(UInt16(truncatingIfNeeded: scalar.value), letters: PDFObject.lowerCase),
                                      toByteOffset: position, as: UInt32.self)
                    position += 4
                } else {
                    // A surrogate pair.
                    let offset = scalar.value - 0x10000
                    for unit in [0xD800 | offset >> 10, 0xDC00 | offset & 0x3FF] {
                        digits.storeBytes(of: PDFObject.hexDigits(UInt16(truncatingIfNeeded: unit), letters: PDFObject.lowerCase),
                                          toByteOffset: position, as: UInt32.self)
                        position += 4
                    }
                }
            }
        }
        bytes.append(contentsOf: "> >> BDC ".utf8)
        PDFObject.hexString(space.code).write(to: &bytes)
        bytes.append(contentsOf: " Tj EMC\n".utf8)
        bytes.append(contentsOf: "ET\nQ".utf8)
        return bytes
    }

    /// `text` with runs of white space made one space, and none at its ends.
    ///
    /// Its UTF-8 decoded in place (`UTF8Scalars`) into room for as many scalars as it has bytes, made at once: through
    /// `String.UnicodeScalarView`, appended one by one, a line's text cost some 2,300 instructions.
    static func collapsed(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            [Unicode.Scalar](writing: bytes.count) { result, count in
                var pendingSpace = false
                for scalar in UTF8Scalars(bytes: bytes) {
                    if isSpace(scalar) {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace {
                            result[count] = " "
                            count += 1
                        }
                        pendingSpace = false
                        result[count] = scalar
                        count += 1
                    }
                }
            }
        }
    }

    // poppler's UnicodeTypeTable.cc, pages 0x00 and 0x20: `N` neutral, `L` left to right, `#` number, `R` right to left.
    private static let page00 = Array((
        "NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN###NNNNN################NNNNNNLLLLLLLLLLLLLLLLLLLLLLLLLLNNNNNNLLLLLLLLLLLLLL"
        + "LLLLLLLLLLLLNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN#N####NNNNLNNNNN####NLNNN#LNNNNNLLLLLLLLLLLLLLLLLLLLLLLNLLLLL"
        + "LLLLLLLLLLLLLLLLLLLLLLLLLLNLLLLLLLL").utf8)
    private static let page20 = Array((
        "NNNNNNNNNNNNNNLRNNNNNNNNNNNNNNNNNNNNNNNNNNLRNLRN#####NNNNNNNNNNNNNNN#NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN"
        + "NNNN#L##########NNNL############NNN###################################NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN"
        + "NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN").utf8)
}
