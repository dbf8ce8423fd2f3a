// poppler's reading of a right-to-left line, and the text it is handed on lines of its own where it would misread the
// drawn one (see `ReaderLine`).

/// poppler's reading order for one line on a right-to-left page, modelled on `TextOutputDev.cc` (`reorderText`,
/// pdftotext 22.12) as `bench/fidelity/readers.py` models it, and the invisible text that makes it read a line right.
///
/// poppler reads a line's characters in the order they stand, left to right, and writes them from the right: a section
/// of characters that are not left-to-right letters or number characters reversed, then a section of characters that
/// are not right-to-left letters kept in order, and so on. So a number character followed by neutrals and then a
/// right-to-left letter (`نور، والجهل`, `12.5% بعد`) comes back out of order whatever the PDF holds for the line. A
/// line poppler would misread gets a second text layer in the amendment (`PDFAmendment+ReaderLines`): its drawn
/// glyphs are hidden from poppler (each in a `/Span` with an empty /ActualText) and its text is handed to poppler in
/// `pieces`, each written as the /ActualText of an invisible space on a baseline of its own, in the visual order that
/// poppler turns into the piece. PDFium drops a text object with nothing to ink, so it keeps reading the drawn glyphs.
struct ReaderLine: Equatable {
    /// The line's first glyph on the page, and how many glyphs it has (as `NumberSpanLog` counts them).
    var firstGlyph: Int
    var glyphCount: Int
    /// Its vowelled-word spans, as indices into the page's (`NumberSpanLog.Page.readerSpans`): left as cairo wrote them
    /// when the line is hidden from poppler.
    var readerSpans: Range<Int>
    /// poppler's text for the line, in pieces each on a baseline of its own: each piece's characters left to right,
    /// the form poppler reads back as that piece of the line's text.
    var pieces: [String]

    /// poppler's three kinds of character: right-to-left letters, left-to-right letters and number characters (its
    /// types `L` and `#`), and the rest.
    enum Kind {
        case rightToLeft, leftToRightOrNumber, other
    }

    /// Whether poppler may misread a line of `text` on a right-to-left page: whether it holds a left-to-right letter or
    /// a number character. A line of right-to-left letters and neutrals alone it reads as the text layer gives it.
    static func mayBeMisread(_ text: String) -> Bool {
        text.unicodeScalars.contains { kind($0) == .leftToRightOrNumber }
    }

    /// The pieces poppler should be handed for a line whose logical text is `logical`, when what it reads of the
    /// characters drawn, left to right, `drawn`, differs from it (white space collapsed); nil when it reads right.
    static func pieces(logical: String, drawn: String) -> [String]? {
        let text = collapsed(logical), read = collapsed(String(String.UnicodeScalarView(popplerText(drawn.unicodeScalars))))
        guard read != text else { return nil }
        return pieces(of: Array(text)).map { String(String.UnicodeScalarView(visualText(of: $0))) }
    }

    /// poppler's text for a line whose characters, left to right, are `visual`.
    static func popplerText(_ visual: some Collection<Unicode.Scalar>) -> [Unicode.Scalar] {
        let characters = Array(visual)
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(characters.count)
        var index = characters.count - 1
        while index >= 0 {
            var next = index
            while next >= 0, kind(characters[next]) != .leftToRightOrNumber { next -= 1 }
            var reversed = index
            while reversed > next {
                result.append(characters[reversed])
                reversed -= 1
            }
            index = next
            while next >= 0, kind(characters[next]) != .rightToLeft { next -= 1 }
            result += characters[(next + 1)..<(index + 1)]
            index = next
        }
        return result
    }

    /// The characters, left to right, that poppler reads as `logical`, which holds no left-to-right letter or number
    /// character followed by neutrals running on to a right-to-left letter or its end (`pieces(of:)` cuts it there).
    static func visualText(of logical: some Collection<Unicode.Scalar>) -> [Unicode.Scalar] {
        // The sections poppler writes, in its order: reversed (up to the first L or #), kept (up to the next
        // right-to-left letter), reversed, and so on; the line left to right is the sections in reverse order, the
        // reversed ones reversed back.
        let characters = Array(logical)
        var sections: [(range: Range<Int>, isReversed: Bool)] = []
        var start = 0, isReversed = true
        while start < characters.count || sections.isEmpty {
            var end = start
            let stop: Kind = isReversed ? .leftToRightOrNumber : .rightToLeft
            while end < characters.count, kind(characters[end]) != stop { end += 1 }
            sections.append((start..<end, isReversed))
            start = end
            isReversed.toggle()
        }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(characters.count)
        for section in sections.reversed() {
            if section.isReversed { result += characters[section.range].reversed() } else { result += characters[section.range] }
        }
        return result
    }

    /// `logical` cut into the fewest pieces poppler can each read back within one line: at each left-to-right letter or
    /// number character followed by neutrals that run on to a right-to-left letter or the end, right after it (the
    /// space there dropped, when the neutrals begin with one). In one pass.
    static func pieces(of logical: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        let kinds = logical.map(kind)
        var pieces: [[Unicode.Scalar]] = [], start = 0, index = 0
        while index < logical.count {
            guard kinds[index] == .leftToRightOrNumber, index + 1 < logical.count, kinds[index + 1] == .other else {
                index += 1
                continue
            }
            var end = index + 1
            while end < logical.count, kinds[end] == .other { end += 1 }
            if end == logical.count || kinds[end] == .rightToLeft {
                pieces.append(Array(logical[start...index]))
                start = logical[index + 1] == " " ? index + 2 : index + 1
            }
            index = end
        }
        if start < logical.count { pieces.append(Array(logical[start...])) }
        return pieces.filter { !$0.isEmpty }
    }

    /// poppler's kind of `scalar` (its `UnicodeTypeTable.cc`: pages 0x00 and 0x20 as its table has them, page 0x06 by its
    /// ranges; elsewhere letters of right-to-left scripts, other letters, and digits).
    static func kind(_ scalar: Unicode.Scalar) -> Kind {
        let value = scalar.value
        let type: UInt8
        switch value {
        case 0..<0x100: type = page00[Int(value)]
        case 0x2000..<0x2100: type = page20[Int(value - 0x2000)]
        case 0x600..<0x700:
            if (0x604...0x60C).contains(value) || (0x660...0x66C).contains(value) || (0x6F0...0x6F9).contains(value) { return .leftToRightOrNumber }
            if (0x60E...0x61A).contains(value) || (0x64B...0x65F).contains(value) || value == 0x670 || (0x6D6...0x6ED).contains(value) { return .other }
            return .rightToLeft
        case 0x590..<0x600, 0x700..<0x900, 0xFB1D..<0xFE00, 0xFE70..<0xFF00: return .rightToLeft
        default:
            if scalar.properties.generalCategory == .decimalNumber { return .leftToRightOrNumber }
            return scalar.properties.isAlphabetic && !TextLayerRun.isMark(scalar) ? .leftToRightOrNumber : .other
        }
        return type == UInt8(ascii: "N") ? .other : .leftToRightOrNumber
    }

    /// A glyph that inks nothing, named a space in its font's /ToUnicode map: the pieces are each its /ActualText.
    struct Space {
        /// The font resource's name, slash included, and the glyph's code in it.
        var font: [UInt8]
        var code: [UInt8]
    }

    /// The bytes opening a marked-content sequence that hides what it holds from poppler.
    static let hidingBegin = Array("/Span << /ActualText () >> BDC".utf8)

    /// The text object handing poppler `pieces`, each the /ActualText of `space`, the first at the line matrix that
    /// `positioning` (the `Tm` and `Td` operations, copied from the line's text object) sets, each next one a quarter of
    /// the line's font size below, set at a fifth of it: poppler takes baselines more than half its font size apart for
    /// lines of their own, and seven pieces stay above the next line's (1.7 font sizes below). In a graphics state of
    /// its own, so that nothing after it moves.
    static func layer(_ pieces: [String], at positioning: [ArraySlice<UInt8>], space: Space) -> [UInt8] {
        var bytes = Array("\nq\nBT\n".utf8)
        for operation in positioning {
            bytes += operation
            bytes.append(0x0A)
        }
        bytes += space.font + Array(" 0.2 Tf\n".utf8)
        for (index, piece) in pieces.enumerated() {
            if index > 0 { bytes += Array("0 -0.25 Td\n".utf8) }
            bytes += Array("/Span ".utf8)
            PDFDictionary([("ActualText", .text(piece))]).write(to: &bytes)
            bytes += Array(" BDC ".utf8)
            PDFObject.hexString(space.code).write(to: &bytes)
            bytes += Array(" Tj EMC\n".utf8)
        }
        return bytes + Array("ET\nQ".utf8)
    }

    /// `text` with runs of white space made one space, and none at its ends.
    private static func collapsed(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = [], pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return result
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
