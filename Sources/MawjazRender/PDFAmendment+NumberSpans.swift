// The number spans written into the pages' content streams after cairo: each token's glyphs wrapped in a
// `/Span << /ActualText … >> BDC … EMC` sequence (see `NumberSpan`).
internal import CPangoCairo
import Foundation
import MawjazFrame

extension PDFAmendment {
    /// Rewrites the content stream of each page that has number spans or vowelled-word spans (`spans[i]` for the i-th
    /// page, in the order of the page tree) with the spans in it, as a new version of the stream (see
    /// `ContentStreamText.wrapping` and `nestingReaderSpans`); `characterRenames` the renames of the fonts' /ToUnicode
    /// maps (`rewriteCharacterMaps`), which the glyphs of a PDFium line's objects are read through; `coder` inflates the
    /// streams cairo compressed and compresses the new versions.
    static func writeNumberSpans(_ spans: [NumberSpanLog.Page], catalog: PDFDictionary, in file: PDFFile, to update: inout PDFChanges,
                                 characterRenames: [String: String] = [:], coder: FlateCoder, stop: StopSignal) throws(RenderError) {
        func isRewritten(_ page: NumberSpanLog.Page) -> Bool {
            !page.spans.isEmpty || !page.readerSpans.isEmpty || !page.readerLines.isEmpty || !page.pdfiumLines.isEmpty
        }
        guard spans.contains(where: isRewritten) else { return }
        let pages = try pageObjects(catalog["Pages"], in: file)
        guard pages.count == spans.count else { throw .amendment("the page tree has \(pages.count) pages, not the \(spans.count) drawn") }
        let names = GlyphNameReader(file: file, coder: coder)
        // The glyphs' characters for the PDFium lines, kept for the document by /ToUnicode map (-1: none): a code of a
        // map is named the same on every page.
        let characters = GlyphCharacters(tableCount: 0)
        var characterTables: [Int: Int] = [:]
        var fontObjects: [Int: (width: Int, map: Int?)] = [:]  // a font's object → the bytes of a code, its /ToUnicode map
        var spaceAdvances: [Int: Double?] = [:]  // a font's object → its space's advance
        for (number, page) in zip(pages, spans) where isRewritten(page) {
            if stop.isRaised { throw .stopped }
            guard let pageEntries = try file.entries(Self.pageKeys, of: number), let contents = pageEntries.values[0]?.referenced,
                  let fonts = try file.resolveDictionary(try file.resolveDictionary(pageEntries.values[1])?["Font"]) else { continue }
            var codeFonts: [(name: [UInt8], width: Int, map: Int?)] = []
            for (name, value) in fonts.entries {
                // cairo's pages share their fonts: each is read once.
                if let object = value.referenced, let font = fontObjects[object] {
                    codeFonts.append((Array(name.utf8), font.width, font.map))
                    continue
                }
                // Its /Subtype and /ToUnicode alone read: read whole, a simple font's /Widths was made an array of numbers.
                let font: [PDFObject?]
                if let object = value.referenced {
                    guard let read = try file.entries(Self.fontKeys, of: object) else { continue }
                    font = read.values
                } else {
                    guard let dictionary = value.dictionary else { continue }
                    font = [dictionary["Subtype"], dictionary["ToUnicode"]]
                }
                let width = font[0]?.name == "Type0" ? 2 : 1, map = font[1]?.referenced
                if let object = value.referenced { fontObjects[object] = (width, map) }
                codeFonts.append((Array(name.utf8), width, map))
            }
            // A stream that shows more glyphs than the painter handed cairo is not the one drawn.
            guard let text = try? ContentStreamText(try file.streamData(contents, coder: coder), fonts: codeFonts.map { ($0.name, $0.width) }),
                  text.glyphCount <= page.glyphCount else { continue }
            names.fontMaps = codeFonts.map(\.map)
            let tables = codeFonts.map { font in
                let key = font.map ?? -1
                if let table = characterTables[key] { return table }
                characterTables[key] = characterTables.count
                return characterTables.count - 1
            }
            characters.holdTables(characterTables.count)
            let name = names.name(font:code:)
            let lines = page.readerLines
            // A space glyph, code 32 in a font of one byte a code (cairo's fonts of ASCII glyphs), for the lines' text.
            var space = lines.isEmpty ? nil : codeFonts.indices.first { codeFonts[$0].width == 1 && names.name(font: $0, code: 0x20) == " " }.map {
                ReaderLine.Space(font: [UInt8(ascii: "/")] + codeFonts[$0].name, code: [0x20])
            }
            // Its advance, which stretches it over a line's width (`ReaderLine.Placement`): read once a font object (its
            // dictionary parsed again on every page, /Widths and all, cost some 8,000 instructions a page).
            if let name = space?.font.dropFirst(), let value = fonts.entries.first(where: { $0.0.utf8.elementsEqual(name) })?.1 {
                if let object = value.referenced, let advance = spaceAdvances[object] {
                    space?.advance = advance
                } else if let font = try file.resolveDictionary(value) {
                    let advance = try Self.advance(of: 0x20, in: font, file: file)
                    if let object = value.referenced { spaceAdvances[object] = advance }
                    space?.advance = advance
                }
            }
            let wrapped = page.spans.isEmpty && space == nil && page.pdfiumLines.isEmpty ? nil
                : text.wrapping(page.spans, lines: lines, space: space, pdfiumLines: page.pdfiumLines, blankRuns: page.blankRuns,
                                piecesPerObject: page.linesRunAcross, sharedCharacters: (characters, tables),
                                characterRenames: characterRenames, text: name)
            // A hidden line's vowelled words are read by poppler from its text: their spans are left as written.
            var readerSpans = page.readerSpans
            for line in (wrapped?.hiddenLines ?? []).reversed() { readerSpans.removeSubrange(lines[line].readerSpans) }
            guard let edited = nestingReaderSpans(readerSpans, in: wrapped?.stream ?? text.data) ?? wrapped?.stream else { continue }
            let compressed = try edited.withUnsafeBufferPointer { (data) throws(RenderError) in try coder.deflated(data) }
            update.replaceStream(contents, compressed: compressed)
        }
    }

    // The entries read of a font, a page and a node of the page tree; the rest of each is read past (`PDFFile.entries`).
    private static let fontKeys = [Array("Subtype".utf8), Array("ToUnicode".utf8)]
    private static let pageKeys = [Array("Contents".utf8), Array("Resources".utf8)]
    private static let treeKeys = [Array("Type".utf8), Array("Kids".utf8)]

    /// The advance of code `code` of the simple font `font`, in ems: its /Widths entry over 1000; nil when it has none.
    private static func advance(of code: Int, in font: PDFDictionary, file: PDFFile) throws(RenderError) -> Double? {
        guard case .integer(let firstCode) = font["FirstChar"] ?? .null else { return nil }
        var widths = font["Widths"]
        if let number = widths?.referenced { widths = try file.object(number) }
        guard let entries = widths?.array, code >= firstCode, code - firstCode < entries.count else { return nil }
        switch entries[code - firstCode] {
        case .integer(let width): return Double(width) / 1000
        case .real(let width): return Double(width).map { $0 / 1000 }
        default: return nil
        }
    }

    /// The page objects of the tree under `root`, in order.
    private static func pageObjects(_ root: PDFObject?, in file: PDFFile) throws(RenderError) -> [Int] {
        var pages: [Int] = []
        func walk(_ node: PDFObject?, depth: Int) throws(RenderError) {
            guard depth < 64, let number = node?.referenced, let node = try file.entries(Self.treeKeys, of: number) else {
                throw .amendment("the page tree is malformed")
            }
            if node.values[0]?.name == "Page" {
                pages.append(number)
            } else {
                for kid in node.values[1]?.array ?? [] { try walk(kid, depth: depth + 1) }
            }
        }
        try walk(root, depth: 0)
        return pages
    }
}

/// The characters a page's fonts name their glyphs' codes by (`ToUnicodeMap`), each map read once for the document. A
/// class, so that a closure looking names up holds one reference: one holding the file and the maps themselves copied
/// them wherever it was handed on.
private final class GlyphNameReader {
    private let file: PDFFile, coder: FlateCoder
    /// A /ToUnicode map's object → its names, read when a name is first asked of it.
    private var maps: [Int: Names] = [:]
    /// The /ToUnicode map of each of the page's fonts, in the order the content stream's scan is given them.
    var fontMaps: [Int?] = [] {
        didSet { fontNames = [Names?](repeating: nil, count: fontMaps.count) }
    }
    /// The names of each of the page's fonts' maps, found in `maps` when a name is first asked of the font: a name then
    /// costs one look-up, not two.
    private var fontNames: [Names?] = []

    /// A map's entries (`ToUnicodeMap.entries`): by code in a table up to the largest code below 65,536 (every code of
    /// cairo's maps, one or two bytes), any other by code in a dictionary. Looked up in a dictionary, each name asked
    /// cost a hash of its code, some 200 instructions, and the amendment asks one for every glyph of a line it hands
    /// PDFium, page by page.
    private final class Names {
        let table: [String?]
        let others: [Int: String]

        init(_ entries: [Int: String]) {
            let tableCount = (entries.keys.lazy.filter { (0..<(1 << 16)).contains($0) }.max() ?? -1) + 1
            var table = [String?](repeating: nil, count: tableCount), others: [Int: String] = [:]
            for (code, name) in entries {
                if (0..<tableCount).contains(code) { table[code] = name } else { others[code] = name }
            }
            self.table = table
            self.others = others
        }

        subscript(code: Int) -> String? {
            if (0..<table.count).contains(code) { return table[code] }
            return others.isEmpty ? nil : others[code]
        }
    }

    init(file: PDFFile, coder: FlateCoder) {
        self.file = file
        self.coder = coder
    }

    /// The characters code `code` of font `font` is named by; nil without a name.
    func name(font: Int, code: Int) -> String? {
        if let names = fontNames[font] { return names[code] }
        guard let map = fontMaps[font] else { return nil }
        let names = maps[map] ?? Names((try? file.streamData(map, coder: coder)).map(ToUnicodeMap.entries(in:)) ?? [:])
        maps[map] = names
        fontNames[font] = names
        return names[code]
    }
}

/// A table by code of `count` entries (none yet: nil) moved into room for `code` and more (twice as much, 256 at least),
/// the new room filled with `empty`; the old room freed.
private func grownTable<Entry>(_ table: UnsafeMutablePointer<Entry>?, count: Int, toHold code: Int,
                               filling empty: Entry) -> (UnsafeMutablePointer<Entry>, Int) {
    let grownCount = max(256, 2 * count, code + 1)
    let grown = UnsafeMutablePointer<Entry>.allocate(capacity: grownCount)
    if let table {
        grown.moveInitialize(from: table, count: count)
        table.deallocate()
    }
    (grown + count).initialize(repeating: empty, count: grownCount - count)
    return (grown, grownCount)
}

/// The characters each glyph code of each of a page's fonts is named by (the `text` look-up of
/// `ContentStreamText.wrapping`), looked up once a code and kept one after another in one buffer: a line's objects are
/// read by copying them, where each glyph's name was a string looked up by hashing its code and appended character by
/// character (some 2.5 M instructions a 3-page document). A table of codes serves the fonts of one /ToUnicode map, on
/// every page the amendment writes (`writeNumberSpans`): made again for each page, it asked every page's codes again
/// (0.9 M instructions a 21-page document). Read and written through pointers, no access checked.
final class GlyphCharacters {
    /// Each table, by code: where the code's characters start in `characters` (the low 32 bits) and how many they are,
    /// plus one (the high 32 bits); 0 for a code not looked up yet, `unnamed` for one without a name.
    @exclusivity(unchecked) private var tables: UnsafeMutablePointer<(entries: UnsafeMutablePointer<UInt64>?, count: Int)>
    @exclusivity(unchecked) private var tableCount: Int
    @exclusivity(unchecked) private var characters: UnsafeMutablePointer<Unicode.Scalar>
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) private var capacity = 256
    private static let unnamed = UInt64.max

    /// Room for `tableCount` tables, each empty.
    init(tableCount: Int) {
        self.tableCount = tableCount
        tables = .allocate(capacity: max(tableCount, 1))
        tables.initialize(repeating: (nil, 0), count: max(tableCount, 1))
        characters = .allocate(capacity: capacity)
    }

    deinit {
        for table in 0..<tableCount { tables[table].entries?.deallocate() }
        tables.deallocate()
        characters.deallocate()
    }

    /// Makes room for `wanted` tables at least, the new ones empty.
    func holdTables(_ wanted: Int) {
        guard wanted > tableCount else { return }
        let grown = UnsafeMutablePointer<(entries: UnsafeMutablePointer<UInt64>?, count: Int)>.allocate(capacity: wanted)
        grown.moveInitialize(from: tables, count: tableCount)
        (grown + tableCount).initialize(repeating: (nil, 0), count: wanted - tableCount)
        tables.deallocate()
        (tables, tableCount) = (grown, wanted)
    }

    /// Appends the characters code `code` of font `font` is named by (`text(font, code)`) to `scalars`, kept in table
    /// `table` (the font's map's); false when it has no name.
    func append(table: Int, font: Int, code: Int, to scalars: inout [Unicode.Scalar], text: (_ font: Int, _ code: Int) -> String?) -> Bool {
        var entry: UInt64 = 0
        if code < tables[table].count, let entries = tables[table].entries { entry = entries[code] }
        if entry == 0 { entry = lookUp(table: table, font: font, code: code, text: text) }
        guard entry != Self.unnamed else { return false }
        let start = Int(entry & 0xFFFF_FFFF), length = Int(entry >> 32) - 1
        if length == 1 {
            scalars.append(characters[start])  // most glyphs: one character
        } else {
            scalars.append(contentsOf: UnsafeBufferPointer(start: characters + start, count: length))
        }
        return true
    }

    /// Looks code `code` of font `font` up and keeps what it is named by in table `table`; its entry.
    private func lookUp(table: Int, font: Int, code: Int, text: (_ font: Int, _ code: Int) -> String?) -> UInt64 {
        var (entries, entryCount) = tables[table]
        if code >= entryCount {
            let (grown, grownCount) = grownTable(entries, count: entryCount, toHold: code, filling: 0)
            (entries, entryCount) = (grown, grownCount)
            tables[table] = (grown, grownCount)
        }
        var entry = Self.unnamed
        if let name = text(font, code) {
            let start = count
            for scalar in name.unicodeScalars {
                if count == capacity {
                    let grown = UnsafeMutablePointer<Unicode.Scalar>.allocate(capacity: 2 * capacity)
                    grown.moveInitialize(from: characters, count: count)
                    characters.deallocate()
                    (characters, capacity) = (grown, 2 * capacity)
                }
                (characters + count).initialize(to: scalar)
                count += 1
            }
            entry = UInt64(start) | UInt64(count - start + 1) << 32
        }
        entries?[code] = entry
        return entry
    }
}

/// The text-showing operators of a content stream as cairo writes it, and the glyphs they show, found by a scan of its
/// bytes that builds no objects: only the operators a span cuts are read as objects, when they are cut.
struct ContentStreamText {
    /// One `Tj`, `TJ`, `'` or `"` operator.
    struct Show {
        /// Its bytes in the stream, from its first operand to the end of the operator.
        var range: Range<Int>
        /// Whether it is `Tj` or `TJ` (which a span may cut); `'` and `"` also move to the next line.
        var isCuttable: Bool
        var isArray: Bool
        /// The font resource it shows glyphs of (an index into the fonts given), and the bytes of a glyph's code in it.
        var font: Int
        var codeWidth: Int
        /// Its first glyph among the stream's glyphs, and how many it shows.
        var firstGlyph: Int
        var glyphCount: Int
        /// Which stretch of the stream it is in: the count of text-object and marked-content operators before it.
        var stretch: Int
        /// The marked-content sequence it stands directly in, when that one carries an /ActualText (an index into
        /// `sequences`).
        var actualTextSequence: Int?
        /// Its text object (an index into `textObjectEnds`), and the operators setting the line matrix it is shown at
        /// (indices into `positionings`: the text object's last `Tm` before it and the `Td`s after that).
        var textObject: Int
        var positioning: Range<Int>
    }

    /// A marked-content sequence: its tag's bytes (the name, slash included), where it ends (the byte after its `EMC`),
    /// and whether its property list carries an /ActualText.
    struct Sequence {
        var tag: Range<Int>
        var end: Int
        var hasActualText: Bool
    }

    /// What a glyph's code is named by a font's /ToUnicode map, as a PDFium line's carrier is chosen by it.
    private enum GlyphName: UInt8 {
        /// Not looked up yet.
        case unread
        /// No name.
        case none
        /// A name with a right-to-left character (`PDFiumLine.Kind.rightToLeft`).
        case rightToLeft
        /// A name that inks something (a character other than a space) and has no right-to-left one.
        case inks
        /// A space, " ".
        case space
        /// Spaces only, or nothing, but not one space.
        case blank

        init(_ name: String?) {
            guard let name else { self = .none; return }
            var inks = false
            for scalar in name.unicodeScalars {
                if PDFiumLine.kind(scalar) == .rightToLeft { self = .rightToLeft; return }
                inks = inks || scalar != " "
            }
            self = inks ? .inks : name == " " ? .space : .blank
        }
    }

    let data: [UInt8]
    private(set) var shows: [Show] = []
    /// The glyphs shown in the whole stream.
    private(set) var glyphCount = 0
    /// The stream's marked-content sequences, in the order begun.
    private(set) var sequences: [Sequence] = []
    /// Where each text object ends: the byte after its `ET`.
    private(set) var textObjectEnds: [Int] = []
    /// The `Tm`, `Td` and `TD` operations, operands included, in the stream's order.
    private(set) var positionings: [Range<Int>] = []
    /// How many fonts the shows' `font` indices are taken from.
    let fontCount: Int

    /// Scans `data`; `fonts` are the page's font resources, each by name with the bytes of a glyph code in it. A font it
    /// does not know, an inline image (whose data the scanner cannot step over) or anything it cannot read is an error.
    init(_ data: [UInt8], fonts: [(name: [UInt8], width: Int)]) throws(RenderError) {
        self.data = data
        fontCount = fonts.count
        var scanned = Scanned()
        try data.withUnsafeBufferPointer { (bytes) throws(RenderError) in
            try Self.scan(bytes, fonts: fonts, into: &scanned)
        }
        shows = scanned.shows
        glyphCount = scanned.glyphCount
        sequences = scanned.sequences
        textObjectEnds = scanned.textObjectEnds
        positionings = scanned.positionings
    }

    /// What a scan finds (see the properties of the same names).
    private struct Scanned {
        var shows: [Show] = []
        var glyphCount = 0
        var sequences: [Sequence] = []
        var textObjectEnds: [Int] = []
        var positionings: [Range<Int>] = []
    }

    /// Finds the text-showing operators of `bytes`. The scan reads bytes through their pointer, with no object made of
    /// what it reads but a marked-content property list (one a span or a tag): a content stream is some 15 KB a page.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, fonts: [(name: [UInt8], width: Int)],
                             into scanned: inout Scanned) throws(RenderError) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count, classes = byteClasses
        // cairo's pages show some text every 50 bytes: room for a show every 32 (growing the array copied it whole).
        scanned.shows.reserveCapacity(count / 32)
        var position = 0, operandStart: Int?, stringBytes = 0, lastName = 0..<0, font: Int?, stretch = 0
        // The first name among an operator's operands (a marked-content tag), whether its property list carries an
        // /ActualText, the sequences open, and where the current text object's line matrix was last set.
        var firstName: Range<Int>?, hasActualText = false, open: [Int] = [], matrix = 0
        func fail(_ what: String) -> RenderError { .amendment("a content stream \(what) at byte \(position)") }
        while true {
            // White space and comments.
            while position < count {
                let byte = base[position]
                if classes[Int(byte)] & isSpaceClass != 0 {
                    position += 1
                } else if byte == UInt8(ascii: "%") {
                    while position < count, base[position] != 0x0A, base[position] != 0x0D { position += 1 }
                } else {
                    break
                }
            }
            guard position < count else { break }
            let start = position, byte = base[start]
            switch byte {
            case UInt8(ascii: "("):
                stringBytes += try literalStringLength(base, count: count, at: &position)
            case UInt8(ascii: "<") where start + 1 < count && base[start + 1] == UInt8(ascii: "<"):
                var parser = PDFParser(bytes, at: start)
                hasActualText = try parser.object().dictionary?["ActualText"] != nil  // a marked-content property list
                position = parser.position
            case UInt8(ascii: "<"):
                // A hexadecimal string: its digits counted, not decoded; eight bytes at a time while none of them is
                // white space or the closing ">" (cairo writes a string's digits unbroken).
                var digits = 0
                position += 1
                while position + 8 <= count, !mayEndDigits(UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)) {
                    digits += 8
                    position += 8
                }
                while position < count, base[position] != UInt8(ascii: ">") {
                    if classes[Int(base[position])] & isSpaceClass == 0 { digits += 1 }
                    position += 1
                }
                guard position < count else { throw fail("holds an unclosed string") }
                position += 1
                stringBytes += (digits + 1) / 2
            case UInt8(ascii: "["), UInt8(ascii: "]"):
                position += 1
            case UInt8(ascii: "/"):
                position += 1
                while position < count, classes[Int(base[position])] & isRegularClass != 0 { position += 1 }
                lastName = (start + 1)..<position
                if firstName == nil { firstName = start..<position }
            default:
                // A number (an operand) or an operator, read as bytes: no string is made of it.
                while position < count, classes[Int(base[position])] & isRegularClass != 0 { position += 1 }
                guard position > start else { throw fail("holds \"\(UnicodeScalar(byte))\"") }
                if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                    || byte == UInt8(ascii: ".") {
                    break
                }
                switch Operator(UnsafeBufferPointer(start: base + start, count: position - start)) {
                case .selectFont:
                    // cairo's names differ at their end (f-0-0, f-0-1, f-1-0): the last bytes are compared first.
                    let selected = UnsafeBufferPointer(start: base + lastName.lowerBound, count: lastName.count)
                    guard let index = fonts.firstIndex(where: {
                        $0.name.count == selected.count && $0.name.last == selected.last && $0.name.elementsEqual(selected)
                    }) else {
                        throw fail("selects a font not in its resources")
                    }
                    font = index
                case .show(let isCuttable, let isArray):
                    guard let font else { throw fail("shows text before selecting a font") }
                    let width = fonts[font].width
                    let sequence = open.last.flatMap { scanned.sequences[$0].hasActualText ? $0 : nil }
                    scanned.shows.append(Show(range: (operandStart ?? start)..<position, isCuttable: isCuttable, isArray: isArray,
                                              font: font, codeWidth: width, firstGlyph: scanned.glyphCount,
                                              glyphCount: stringBytes / width, stretch: stretch, actualTextSequence: sequence,
                                              textObject: scanned.textObjectEnds.count - 1,
                                              positioning: matrix..<scanned.positionings.count))
                    scanned.glyphCount += stringBytes / width
                case .beginText:
                    stretch += 1
                    scanned.textObjectEnds.append(count)
                    matrix = scanned.positionings.count
                case .endText:
                    stretch += 1
                    if !scanned.textObjectEnds.isEmpty { scanned.textObjectEnds[scanned.textObjectEnds.count - 1] = position }
                case .beginMarkedContent(let hasProperties):
                    stretch += 1
                    open.append(scanned.sequences.count)
                    scanned.sequences.append(Sequence(tag: firstName ?? start..<start, end: count, hasActualText: hasProperties && hasActualText))
                case .endMarkedContent:
                    stretch += 1
                    if let sequence = open.popLast() { scanned.sequences[sequence].end = position }
                case .setMatrix:
                    matrix = scanned.positionings.count
                    scanned.positionings.append((operandStart ?? start)..<position)
                case .move:
                    scanned.positionings.append((operandStart ?? start)..<position)
                case .inlineImage: throw fail("holds an inline image")
                case .other: break
                }
                operandStart = nil
                firstName = nil
                hasActualText = false
                stringBytes = 0
                continue
            }
            operandStart = operandStart ?? start
        }
    }

    /// The length of the literal string that starts at `position`, its escapes resolved (as `PDFParser.literalString`
    /// reads it), counted without making it; `position` is moved past it.
    private static func literalStringLength(_ base: UnsafePointer<UInt8>, count: Int, at position: inout Int) throws(RenderError) -> Int {
        var length = 0, depth = 1
        position += 1
        while position < count {
            let byte = base[position]
            position += 1
            switch byte {
            case UInt8(ascii: "("):
                depth += 1
                length += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return length }
                length += 1
            case UInt8(ascii: "\\"):
                guard position < count else { break }
                let escaped = base[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    // Up to three octal digits make one byte.
                    for _ in 0..<2 where position < count && (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(base[position]) { position += 1 }
                    length += 1
                case 0x0D:
                    if position < count, base[position] == 0x0A { position += 1 }
                case 0x0A: break
                default: length += 1
                }
            default:
                length += 1
            }
        }
        throw .amendment("a string is not closed")
    }

    /// Whether one of the eight bytes of `word` may end a hexadecimal string's run of digits: a byte below 0x21 (white
    /// space among them) or a ">". Exact: it is false only when no byte is either.
    private static func mayEndDigits(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let closing = word ^ (ones &* UInt64(UInt8(ascii: ">")))
        return ((word &- ones &* 0x21) & ~word | (closing &- ones) & ~closing) & highs != 0
    }

    /// Each byte's class for the scan, one look-up a byte: `isSpaceClass` for white space to PDF (NUL, tab, line feed,
    /// form feed, carriage return, space), `isRegularClass` for a regular character (part of a name, number or
    /// operator: neither white space nor a delimiter, `( ) < > [ ] { } / %`). Made once, never freed, only read.
    private nonisolated(unsafe) static let byteClasses: UnsafePointer<UInt8> = {
        let classes = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        let delimiters = Array("()<>[]{}/%".utf8)
        for byte in 0...255 {
            classes[byte] = [0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20].contains(byte) ? isSpaceClass
                : delimiters.contains(UInt8(byte)) ? 0 : isRegularClass
        }
        return UnsafePointer(classes)
    }()
    private static let isSpaceClass: UInt8 = 1, isRegularClass: UInt8 = 2

    /// The operators the scan tells apart, read from their bytes.
    private enum Operator {
        case selectFont
        /// `Tj` and `TJ` (cuttable; `TJ` takes an array), `'` and `"`.
        case show(isCuttable: Bool, isArray: Bool)
        /// Where a text object begins or ends: `BT`, `ET`.
        case beginText, endText
        /// Where a marked-content sequence begins (`BDC` with a property list, `BMC`) or ends (`EMC`).
        case beginMarkedContent(hasProperties: Bool), endMarkedContent
        /// `Tm`, and `Td` or `TD`.
        case setMatrix, move
        /// `BI` or `ID`.
        case inlineImage
        case other

        init(_ word: UnsafeBufferPointer<UInt8>) {
            let first = word.first ?? 0, second = word.count > 1 ? word[1] : 0
            switch (word.count, first, second) {
            case (2, UInt8(ascii: "T"), UInt8(ascii: "f")): self = .selectFont
            case (2, UInt8(ascii: "T"), UInt8(ascii: "j")): self = .show(isCuttable: true, isArray: false)
            case (2, UInt8(ascii: "T"), UInt8(ascii: "J")): self = .show(isCuttable: true, isArray: true)
            case (1, UInt8(ascii: "'"), _), (1, UInt8(ascii: "\""), _): self = .show(isCuttable: false, isArray: false)
            case (2, UInt8(ascii: "B"), UInt8(ascii: "T")): self = .beginText
            case (2, UInt8(ascii: "E"), UInt8(ascii: "T")): self = .endText
            case (2, UInt8(ascii: "T"), UInt8(ascii: "m")): self = .setMatrix
            case (2, UInt8(ascii: "T"), UInt8(ascii: "d")), (2, UInt8(ascii: "T"), UInt8(ascii: "D")): self = .move
            case (3, UInt8(ascii: "E"), UInt8(ascii: "M")): self = word[2] == UInt8(ascii: "C") ? .endMarkedContent : .other
            case (3, UInt8(ascii: "B"), UInt8(ascii: "M")): self = word[2] == UInt8(ascii: "C") ? .beginMarkedContent(hasProperties: false) : .other
            case (3, UInt8(ascii: "B"), UInt8(ascii: "D")): self = word[2] == UInt8(ascii: "C") ? .beginMarkedContent(hasProperties: true) : .other
            case (2, UInt8(ascii: "B"), UInt8(ascii: "I")), (2, UInt8(ascii: "I"), UInt8(ascii: "D")): self = .inlineImage
            default: self = .other
            }
        }
    }

    /// The codes `show` shows, read in place from its strings, hexadecimal or literal without escapes (as cairo writes
    /// most); nil otherwise (`operands(of:)` reads it then).
    private func codes(of show: Show) -> [Int]? {
        var codes: [Int] = []
        codes.reserveCapacity(show.glyphCount)
        return eachCode(of: show) { codes.append($0); return true } == true ? codes : nil
    }

    /// Hands `body` the codes `show` shows one by one, read in place from its string or its `TJ` array's strings (the
    /// numbers stepped over), until it returns false: true when it took them all, false when it stopped, nil when they
    /// are not read in place (an escape, or anything but a string or a number in an array, before `body` stopped; or,
    /// all read, a count that is not the show's).
    private func eachCode(of show: Show, _ body: (Int) -> Bool) -> Bool? {
        // Read through the stream's pointer, a hexadecimal digit's value from a table (`hexValues`): a Type 0 font's
        // glyph is four digits, and a line's objects are read glyph by glyph (`PDFiumLine.slices`).
        data.withUnsafeBufferPointer { data in
            var position = show.range.lowerBound, code = 0, codeBytes = 0, count = 0
            let end = show.range.upperBound, hexValues = Self.hexValues
            func take(_ byte: UInt8) -> Bool {
                code = code << 8 | Int(byte)
                codeBytes += 1
                guard codeBytes == show.codeWidth else { return true }
                defer { code = 0; codeBytes = 0; count += 1 }
                return body(code)
            }
            if show.isArray {
                guard data[position] == UInt8(ascii: "[") else { return nil }
                position += 1
            }
            repeat {
                if show.isArray {
                    while position < end, Self.byteClasses[Int(data[position])] & Self.isSpaceClass != 0 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(data[position])
                        || data[position] == UInt8(ascii: "-") || data[position] == UInt8(ascii: ".") || data[position] == UInt8(ascii: "+") {
                        position += 1
                    }
                    guard position < end else { return nil }
                    if data[position] == UInt8(ascii: "]") { break }
                }
                switch data[position] {
                case UInt8(ascii: "("):
                    position += 1
                    while position < end, data[position] != UInt8(ascii: ")") {
                        if data[position] == UInt8(ascii: "\\") { return nil }
                        if !take(data[position]) { return false }
                        position += 1
                    }
                case UInt8(ascii: "<"):
                    position += 1
                    var high: UInt8?
                    while position < end, data[position] != UInt8(ascii: ">") {
                        let digit = hexValues[Int(data[position])]
                        if digit != 0xFF {
                            if let first = high {
                                high = nil
                                if !take(first << 4 | digit) { return false }
                            } else {
                                high = digit
                            }
                        }
                        position += 1
                    }
                default: return nil
                }
                position += 1
            } while show.isArray
            return count == show.glyphCount && codeBytes == 0 ? true : nil
        }
    }

    /// Each byte's value as a hexadecimal digit in a string's `<…>`, 0xFF for none, as the scan reads it: the byte made
    /// lower case (`| 0x20`) and read as `0`–`9` or `a`–`f`. Made once, never freed, only read.
    private nonisolated(unsafe) static let hexValues: UnsafePointer<UInt8> = {
        let values = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0...255 {
            let lower = UInt8(byte) | 0x20
            values[byte] = (0x30...0x39).contains(lower) ? lower - 0x30 : (0x61...0x66).contains(lower) ? lower - 0x61 + 10 : 0xFF
        }
        return UnsafePointer(values)
    }()

    /// The operands `show` shows: for `TJ` its array's strings and numbers, else its string.
    private func operands(of show: Show) -> [PDFObject] {
        let operands = data[show.range].withUnsafeBufferPointer { (bytes) -> [PDFObject] in
            var parser = PDFParser(bytes)
            var operands: [PDFObject] = []
            while let operand = try? parser.object() { operands.append(operand) }
            return operands
        }
        if show.isArray, let array = operands.last?.array { return array }
        var strings: [PDFObject] = []
        for operand in operands {
            if case .string = operand { strings.append(operand) }
            if case .hexString = operand { strings.append(operand) }
        }
        return strings
    }

    /// The bytes of a string operand, nil for another operand.
    private static func bytes(of operand: PDFObject) -> [UInt8]? {
        switch operand {
        case .string(let bytes), .hexString(let bytes): return bytes
        default: return nil
        }
    }

    /// The stream with each of `spans` wrapped in a marked-content sequence carrying its /ActualText, and each of
    /// `lines` hidden from poppler and handed to it on lines of its own (`ReaderLine`), with the indices of the lines so written;
    /// nil when nothing can be.
    ///
    /// cairo leaves out of the stream a glyph run with nothing to ink (a lone space between two numbers, where its
    /// place falls on whole device pixels), so a span's glyphs may stand a few places before where the painter counted
    /// them; never after. Each span is looked for from where the one before it was found, at most `searchedPlaces`
    /// earlier, by its drawn text: `text(font, code)` must name its glyphs by the characters drawn, and they must be
    /// shown by `Tj` or `TJ` operators in one stretch (one text object, no marked content begun or ended among them). A
    /// span not found so is left out. The lines are found by count, less the glyphs of the runs of white space only
    /// (`blankRuns`, as the painter counted them) that cairo left out (`located`); a span in such a line is tagged
    /// `/Word` inside a `/Span` hiding it from poppler. Each of `pdfiumLines` found so, every show of it not a space
    /// alone and not crossing its ends, gets each operator it is written as in an `/L` sequence of its own, innermost:
    /// the first show whose glyphs may carry the line's text (`PDFiumLine.isCarrier`), shown whole by one operator (of
    /// a line drawn in several parts, the first such of more than one glyph where there is one), holding the line's
    /// /ActualText, the others a tab; a line without such a show is left as it is. Where `piecesPerObject` (PDFium takes
    /// the page's lines to run across it) and the model is sure of them, each show holds its own piece of the line's text
    /// instead, or no sequence where PDFium reads its glyphs as that piece (`PDFiumLine.slices`), the glyphs named as
    /// the rewritten /ToUnicode maps name them (`characterRenames`). `sharedCharacters` keeps the glyphs' characters
    /// across pages: a `GlyphCharacters` and, for each of the stream's fonts, its table there (one a /ToUnicode map);
    /// without it they are kept for this stream alone.
    func wrapping(_ spans: [NumberSpanLog.Entry], lines: [ReaderLine] = [], space: ReaderLine.Space? = nil,
                  pdfiumLines: [PDFiumLine] = [], blankRuns: [Range<Int>] = [], piecesPerObject: Bool = true,
                  sharedCharacters: (characters: GlyphCharacters, tables: [Int])? = nil, characterRenames: [String: String] = [:],
                  text: (_ font: Int, _ code: Int) -> String?) -> (stream: [UInt8], hiddenLines: [Int])? {
        // Each show's insertions: the glyph (in the show) before which it goes, whether it ends a span, and the bytes.
        var insertions: [Int: [(glyph: Int, isEnd: Bool, bytes: [UInt8])]] = [:]
        // The edits to the stream other than the shows cut: bytes replacing `length` bytes at `position`.
        var edits: [(position: Int, length: Int, bytes: [UInt8])] = []
        // The shows a hidden line holds only part of (the glyphs hidden, in the show), and those it holds whole.
        var hidden: [Int: [Range<Int>]] = [:], wholeShows: [Int] = []
        var hiddenLines: [Range<Int>] = [], written: [Int] = [], wrapped: Set<Int> = []
        if let space {
            for (line, range) in located(lines.map { $0.firstGlyph..<($0.firstGlyph + $0.glyphCount) }, blankRuns: blankRuns, text: text) {
                guard let first = show(holding: range.lowerBound), let last = show(holding: range.upperBound - 1),
                      shows[last].textObject >= 0, let placement = lines[line].placement else { continue }
                // A line poppler reads as drawn: its text (a mark) after it, its glyphs left as they are.
                guard lines[line].hidesGlyphs else {
                    edits.append((textObjectEnds[shows[last].textObject], 0, ReaderLine.layer(lines[line].text, space: space, placement: placement)))
                    continue
                }
                guard shows[first...last].allSatisfy({ $0.isCuttable && ($0.actualTextSequence.map { sequences[$0].end < data.count } ?? true) }),
                      !shows[first].positioning.isEmpty else { continue }
                for index in first...last {
                    let show = shows[index]
                    if let sequence = show.actualTextSequence {
                        if wrapped.insert(sequence).inserted {
                            edits.append((sequences[sequence].tag.lowerBound, sequences[sequence].tag.count, ReaderLine.hidingBegin + Array("\n/Word".utf8)))
                            edits.append((sequences[sequence].end, 0, ReaderLine.endLine))
                        }
                    } else if range.lowerBound <= show.firstGlyph && show.firstGlyph + show.glyphCount <= range.upperBound {
                        wholeShows.append(index)
                    } else {
                        hidden[index, default: []].append((max(range.lowerBound, show.firstGlyph) - show.firstGlyph)..<(min(range.upperBound, show.firstGlyph + show.glyphCount) - show.firstGlyph))
                    }
                }
                hiddenLines.append(range)
                written.append(line)
                let end = textObjectEnds[shows[last].textObject]
                edits.append((end, 0, ReaderLine.layer(lines[line].text, space: space, placement: placement)))
            }
        }
        // The shows between a hidden span's first and last: its `/Span` hides them from poppler already. poppler keeps
        // one /ActualText at a time, not a stack, so a `/Span` with an empty one nested in the span's would end the
        // span's there, and the glyphs after it, up to the span's end, would be read where they stand (a date's year
        // read again on a line of its own beside the hidden line's text).
        var inHiddenSpan = [Bool](repeating: false, count: shows.count)
        var shift = 0, free = 0
        for span in spans where span.glyphCount > 0 {
            var found: (shift: Int, first: Int, last: Int)?
            for candidate in shift...(shift + Self.searchedPlaces) {
                let start = span.firstGlyph - candidate
                guard start >= free else { break }
                guard let first = show(holding: start), let last = show(holding: start + span.glyphCount - 1),
                      shows[first].stretch == shows[last].stretch,
                      shows[first...last].allSatisfy({ $0.isCuttable }),
                      drawnText(of: start..<(start + span.glyphCount), from: first, text: text) == span.drawnText else { continue }
                found = (candidate, first, last)
                break
            }
            guard let found else { continue }
            let start = span.firstGlyph - found.shift
            shift = found.shift
            free = start + span.glyphCount
            let isHidden = hiddenLines.contains { $0.contains(start) }
            if isHidden, found.first + 1 < found.last {
                for index in (found.first + 1)..<found.last { inHiddenSpan[index] = true }
            }
            var begin = isHidden ? ReaderLine.hidingBegin + Array("\n/Word ".utf8) : Array("/Span ".utf8)
            PDFDictionary([("ActualText", .text(span.text))]).write(to: &begin)
            begin += Array(" BDC".utf8)
            insertions[found.first, default: []].append((start - shows[found.first].firstGlyph, false, begin))
            insertions[found.last, default: []].append((free - shows[found.last].firstGlyph, true, Array((isHidden ? "EMC\nEMC" : "EMC").utf8)))
        }
        // The PDFium lines' shows, each with the beginning of the sequence each of its operators goes in (by show).
        var pdfiumShows = [[UInt8]?](repeating: nil, count: shows.count)
        // The shows a span or a hidden line cuts: they carry no line's text and are not wrapped whole.
        var isCut = [Bool](repeating: false, count: shows.count)
        for index in insertions.keys { isCut[index] = true }
        for index in hidden.keys { isCut[index] = true }
        // What each glyph of each font is named (see `GlyphName`), looked up once per code: a table a font, by code,
        // grown as codes are asked of it, its new room `.unread`; read and written through pointers (an array of arrays
        // these functions captured checked exclusive access at run time at every look-up, 0.12 M instructions a 3-page
        // document).
        let fontCount = self.fontCount
        let glyphNames = UnsafeMutablePointer<(names: UnsafeMutablePointer<GlyphName>?, count: Int)>.allocate(capacity: max(fontCount, 1))
        glyphNames.initialize(repeating: (nil, 0), count: max(fontCount, 1))
        defer {
            for font in 0..<fontCount { glyphNames[font].names?.deallocate() }
            glyphNames.deallocate()
        }
        func glyphName(font: Int, code: Int) -> GlyphName {
            var (names, count) = glyphNames[font]
            if code < count, let names, names[code] != .unread { return names[code] }
            if code >= count {
                let (grown, grownCount) = grownTable(names, count: count, toHold: code, filling: .unread)
                (names, count) = (grown, grownCount)
                glyphNames[font] = (grown, grownCount)
            }
            let name = GlyphName(text(font, code))
            names?[code] = name
            return name
        }
        func isBlankShow(_ index: Int) -> Bool {
            let show = shows[index]
            // The bytes first: no look-up (nor closure holding the look-up's state) for a show that is not spaces.
            return showsSpaceCodes(show) && glyphName(font: show.font, code: 0x20) == .space
        }
        func glyphText(_ index: Int) -> String? {
            let show = shows[index]
            guard let codes = codes(of: show) else {
                return drawnText(of: show.firstGlyph..<(show.firstGlyph + show.glyphCount), from: index, text: text)
            }
            var result = ""
            for code in codes {
                guard let name = text(show.font, code) else { return nil }
                result += name
            }
            return result
        }
        // What each glyph of each font is named, as characters, for a line's objects (`PDFiumLine.slices`): each code
        // looked up once (a page, or the document's pages with `sharedCharacters`), its characters kept in one buffer
        // (`GlyphCharacters`).
        let glyphCharacters = sharedCharacters?.characters ?? GlyphCharacters(tableCount: fontCount)
        let characterTables = sharedCharacters?.tables ?? Array(0..<fontCount)
        // A glyph's name as PDFium reads it once the fonts' /ToUnicode maps are written again (`rewriteCharacterMaps`):
        // a presentation form the text layer wrote plain uses under is the letter it stands for. Read as cairo named it
        // (ﻟ, ﺿ), no object of a line holding such a glyph matched its piece, and the whole line went on one carrier.
        func renamedText(_ font: Int, _ code: Int) -> String? {
            text(font, code).map { characterRenames[$0] ?? $0 }
        }
        // `glyphText` of show `index` appended to a line's objects, as characters: no string built, no codes' array made;
        // false where a glyph has no name.
        func appendGlyphCharacters(_ index: Int, to objects: inout PDFiumLine.Objects) -> Bool {
            let show = shows[index], start = objects.characters.count
            var named = true
            let read = eachCode(of: show) { code in
                named = glyphCharacters.append(table: characterTables[show.font], font: show.font, code: code, to: &objects.characters,
                                               text: renamedText) && named
                return true
            }
            if read == nil {
                objects.characters.removeSubrange(start...)
                guard let drawn = drawnText(of: show.firstGlyph..<(show.firstGlyph + show.glyphCount), from: index, text: renamedText) else {
                    return false
                }
                objects.characters += drawn.unicodeScalars
            } else if !named {
                return false
            }
            objects.ends.append(objects.characters.count)
            return true
        }
        // Whether a show's glyphs may carry a line's text (`PDFiumLine.isCarrier`), read glyph by glyph: an Arabic word
        // fails at its first. The codes are named from the font's table of names read so far, which is all the reading
        // closure holds (one holding the look-up would hold all of its state, the PDF file's dictionaries among it,
        // copied for every show); a code not named yet is looked up outside it, and the show read again.
        func mayCarry(_ index: Int) -> Bool {
            let show = shows[index]
            while true {
                let table = glyphNames[show.font]
                var inks = false, unread: Int?
                let read = eachCode(of: show) { code in
                    let name = code < table.count ? table.names?[code] ?? .unread : .unread
                    guard name != .unread else { unread = code; return false }
                    guard name != .none, name != .rightToLeft else { return false }
                    inks = inks || name == .inks
                    return true
                }
                if let unread {
                    _ = glyphName(font: show.font, code: unread)
                    continue
                }
                guard let read else { return glyphText(index).map(PDFiumLine.isCarrier) == true }
                return read && inks
            }
        }
        // Whether a show a span or a hidden line cuts is cut only at its ends (a number span holding it whole): written as
        // one operator still, in one `/L` sequence.
        func isCutAtEndsOnly(_ index: Int) -> Bool {
            let count = shows[index].glyphCount
            return insertions[index, default: []].allSatisfy { $0.glyph == 0 || $0.glyph == count }
                && hidden[index, default: []].allSatisfy { $0 == 0..<count }
        }
        // `members` in the order they stand on the page, left to right: the lines drawn on one baseline (`parts`) left to
        // right, each one's shows as drawn; with the indices (into the order) of the last show of each line but the
        // last. Nil where a line's shows are not drawn left to right (`isDrawnLeftToRight`), or, of a line in several
        // parts, one is of one glyph: PDFium takes such an object to run in the page's direction of lines, which it may
        // guess vertical (see the carrier's choice below), and the cells of a row of one letter each (`أ`, `ب`, `ج`)
        // came back `أ جب` on a long table's pages.
        func leftToRight(_ members: [Int], parts: [Range<Int>]) -> (members: [Int], partEnds: Set<Int>)? {
            guard !parts.isEmpty else { return isDrawnLeftToRight(members) ? (members, []) : nil }
            var ordered: [Int] = [], partEnds: Set<Int> = []
            ordered.reserveCapacity(members.count)
            for part in located(parts, blankRuns: blankRuns, text: text).map(\.range) {
                let inPart = members.filter { part.contains(shows[$0].firstGlyph) }
                guard inPart.allSatisfy({ shows[$0].glyphCount > 1 }), isDrawnLeftToRight(inPart) else { return nil }
                ordered += inPart
                if !inPart.isEmpty { partEnds.insert(ordered.count - 1) }
            }
            partEnds.remove(ordered.count - 1)
            return ordered.count == members.count ? (ordered, partEnds) : nil
        }
        var previousLine: ClosedRange<Int>?  // the shows of the PDFium line wrapped last
        var previousCarrierIsRightToLeft = false  // whether that line's carrier is right to left
        // The PDFium lines found, each with its shows (the first, the last, those not spaces) and, where each object may be
        // handed its piece of the line's text (`PDFiumLine.slices`), its objects left to right (the order PDFium reads
        // them in: the lines on one baseline left to right) with the text of their glyphs: where none is cut but at its
        // ends.
        var lineShows: [(line: Int, first: Int, last: Int, members: [Int],
                         objects: (members: [Int], partEnds: Set<Int>, texts: PDFiumLine.Objects)?)] = []
        for (line, range) in located(pdfiumLines.map { $0.firstGlyph..<($0.firstGlyph + $0.glyphCount) }, blankRuns: blankRuns, text: text) {
            guard let first = show(holding: range.lowerBound), let last = show(holding: range.upperBound - 1),
                  shows[first].firstGlyph == range.lowerBound, shows[last].firstGlyph + shows[last].glyphCount == range.upperBound,
                  shows[first...last].allSatisfy({ $0.isCuttable }) else { continue }
            var members: [Int] = []
            members.reserveCapacity(last - first + 1)
            for index in first...last where !isBlankShow(index) { members.append(index) }
            var objects: (members: [Int], partEnds: Set<Int>, texts: PDFiumLine.Objects)?
            // A line whose text the model hands whole anyway (`PDFiumLine.mayBeSliced`) has its objects' text not read.
            if piecesPerObject, !pdfiumLines[line].isLeftToRight, members.count > 1, PDFiumLine.mayBeSliced(pdfiumLines[line].text),
               members.allSatisfy({ !isCut[$0] || isCutAtEndsOnly($0) }),
               let (ordered, partEnds) = leftToRight(members, parts: pdfiumLines[line].parts) {
                var texts = PDFiumLine.Objects()
                texts.characters.reserveCapacity(pdfiumLines[line].text.count + 8)
                texts.ends.reserveCapacity(ordered.count)
                for index in ordered {
                    guard appendGlyphCharacters(index, to: &texts) else { break }
                }
                if texts.count == ordered.count { objects = (ordered, partEnds, texts) }
            }
            lineShows.append((line, first, last, members, objects))
        }
        for (line, first, last, members, objects) in lineShows {
            if let objects, let pieces = PDFiumLine.pieces(for: pdfiumLines[line].text, objects: objects.texts, partEnds: objects.partEnds) {
                // An object whose glyphs PDFium reads as its piece anyway is left unmarked: PDFium puts each of its
                // characters over its own glyph, where it spreads an /ActualText's evenly over the object, and those of a
                // right-to-left object turned around (the piece's first character over its left end). Not one inside
                // another /ActualText (cairo's for a cluster, a span's, or a vowelled word's, `ReaderSpan`): PDFium would
                // read that one.
                let mayBeUnmarked = !pdfiumLines[line].text.contains(where: Self.isNonspacingMark)
                pieces.characters.withUnsafeBufferPointer { characters in
                    objects.texts.characters.withUnsafeBufferPointer { glyphs in
                        for (object, index) in objects.members.enumerated() {
                            guard let range = pieces.ranges[object] else {
                                pdfiumShows[index] = PDFiumLine.skippedBegin
                                continue
                            }
                            let slice = UnsafeBufferPointer(rebasing: characters[range])
                            let isReadRight = mayBeUnmarked && !isCut[index] && shows[index].actualTextSequence == nil
                                && slice.elementsEqual(glyphs[objects.texts.range(object)])
                            pdfiumShows[index] = isReadRight ? nil : PDFiumLine.begin(slice)
                        }
                    }
                }
                // The object PDFium read last on the line is the last of its objects left to right (of a line in several
                // parts, not the last drawn: a timeline's date, drawn first, stands right of its text; the next line,
                // taken to follow an Arabic word, came back turned around).
                previousLine = first...last
                previousCarrierIsRightToLeft = PDFiumLine.isRightToLeft(objects.texts.characters[objects.texts.range(objects.texts.count - 1)])
                continue
            }
            // A loop, not `first(where:)`: a closure calling `mayCarry` would copy the state of the names' look-up for
            // every show.
            // A line drawn in several parts (a table's row) is carried by a show of more than one glyph where it has one:
            // PDFium takes a text object of one glyph to run in the page's direction of lines, which it guesses from how
            // much of the page's width and height its text objects cover (`FindTextlineFlowOrientation`), and on a
            // landscape page of a long table, whose rows cover more of its height than its cells do of its width, it
            // guessed vertical: the rows carried by `)` of `فرع جدة (18)` ran together on one line, right to left
            // (measured by editing the PDF: carried by `18`, each came back on a line of its own, as written).
            var carrier: Int?
            for index in members where !isCut[index] && mayCarry(index) {
                if carrier == nil { carrier = index }
                if pdfiumLines[line].parts.isEmpty || shows[index].glyphCount > 1 {
                    carrier = index
                    break
                }
            }
            // A line of right-to-left glyphs only, set left to right (an Arabic paragraph in an English report) or drawn
            // in several parts (a row of Arabic cells): its first object carries its text. A header row of one-letter
            // cells (`أ`, `ب`, `ج`, each a text object of one glyph) left as drawn came back from PDFium a cell a line,
            // left to right, on pages of a long table; carried so, as typed (measured by editing the PDF).
            let carrierIsRightToLeft = carrier == nil && (pdfiumLines[line].isLeftToRight || !pdfiumLines[line].parts.isEmpty)
            if carrierIsRightToLeft, let index = members.first, !isCut[index] { carrier = index }
            guard let carrier else { continue }
            // The object PDFium read last before the carrier: the last drawn before the line (the rightmost of a line
            // drawn left to right), or the carrier of a line wrapped so.
            // (Loops and conditions, not closures, for the same reason as the carrier's.)
            var before = first - 1
            while before >= 0, isBlankShow(before) { before -= 1 }
            var afterRightToLeft = false
            if before >= 0, PDFiumLine.isReadRightToLeft(pdfiumLines[line].text) {
                if previousLine?.contains(before) == true {
                    afterRightToLeft = previousCarrierIsRightToLeft
                } else if let text = glyphText(before) {
                    afterRightToLeft = PDFiumLine.isRightToLeft(text)
                }
            } else if before < 0, PDFiumLine.isReadRightToLeft(pdfiumLines[line].text) {
                // The page's first line: with nothing read before it on the page, PDFium takes for the object read last
                // the one just left of the carrier, which it skipped (it reads a line's objects left to right, those of
                // several lines on one baseline too, whatever the order drawn). Measured: running heads
                // `التقرير 7 الموارد`, and `مديرية الموارد — التقرير 7/2026` with its page number at the end, came back
                // turned around whole on pages with no banner above them, and as written below one, or with a Latin glyph
                // left of the carrier.
                var left: Int?
                let parts = located(pdfiumLines[line].parts, blankRuns: blankRuns, text: text).map(\.range)
                var part = parts.firstIndex { $0.contains(shows[carrier].firstGlyph) }
                for index in members where index < carrier && part.map({ parts[$0].contains(shows[index].firstGlyph) }) != false {
                    left = index
                }
                while left == nil, let current = part, current > 0 {
                    part = current - 1
                    for index in members where parts[current - 1].contains(shows[index].firstGlyph) { left = index }
                }
                if let left, let text = glyphText(left) { afterRightToLeft = PDFiumLine.isRightToLeft(text) }
            }
            let actualText = PDFiumLine.keepingFinalHyphen(carrierIsRightToLeft ? PDFiumLine.actualText(rightToLeftCarrierFor: pdfiumLines[line].text)
                : PDFiumLine.actualText(for: pdfiumLines[line].text, afterRightToLeft: afterRightToLeft),
                takenInReverse: carrierIsRightToLeft || afterRightToLeft)
            for index in members { pdfiumShows[index] = index == carrier ? PDFiumLine.begin(actualText) : PDFiumLine.skippedBegin }
            previousLine = first...last
            previousCarrierIsRightToLeft = carrierIsRightToLeft
        }
        // Each show cut: the spans' bytes where they begin and end, and each stretch of a hidden line's glyphs outside
        // a span in a `/Span` of its own with an empty /ActualText (PDFium reads a text object's glyphs when it has a
        // marked-content dictionary of its own; two under one dictionary are one span to it); each operator of a
        // PDFium line's show in its `/L` sequence, inside all else.
        var open = 0
        // Which shows a hidden line holds whole, by show (searched in `wholeShows` for every show cut, a line's shows cost
        // as many comparisons as a page's).
        var isWhole = [Bool](repeating: false, count: shows.count)
        for index in wholeShows { isWhole[index] = true }
        for index in Set(insertions.keys).union(hidden.keys).sorted() {
            // A show hidden whole is hidden from its first glyph to its last.
            if hidden[index] == nil, isWhole[index] { hidden[index] = [0..<shows[index].glyphCount] }
            let show = shows[index]
            // A span that ends where another begins closes first.
            let points = insertions[index, default: []].sorted { ($0.glyph, $0.isEnd ? 0 : 1) < ($1.glyph, $1.isEnd ? 0 : 1) }
            let hides = hidden[index, default: []]
            let cuts = Set([0, show.glyphCount] + points.map(\.glyph) + hides.flatMap { [$0.lowerBound, $0.upperBound] }).sorted()
            var parts: [[UInt8]] = [], next = 0
            for (position, cut) in cuts.enumerated() {
                while next < points.count, points[next].glyph == cut {
                    parts.append(points[next].bytes)
                    open += points[next].isEnd ? -1 : 1
                    next += 1
                }
                guard position + 1 < cuts.count else { break }
                var part = operation(show, glyphs: cut..<cuts[position + 1])
                guard !part.isEmpty else { continue }
                if let begin = pdfiumShows[index] { part = begin + part + ReaderLine.endLine }
                parts.append(open == 0 && hides.contains { $0.contains(cut) } ? ReaderLine.hidingBeginLine + part + ReaderLine.endLine : part)
            }
            edits.append((show.range.lowerBound, show.range.count, Array(parts.joined(separator: [0x0A]))))
        }
        // A show hidden whole, or of a PDFium line, and not cut, is wrapped where it stands, its operator not written
        // again; a space alone (cairo writes `( )Tj`) poppler reads as no character, and needs no hiding. The shows so
        // wrapped, in the stream's order.
        var wraps: [(show: Int, isHidden: Bool)] = []
        for index in shows.indices where !isCut[index] && (isWhole[index] || pdfiumShows[index] != nil) {
            let isHidden = isWhole[index] && !inHiddenSpan[index] && (pdfiumShows[index] != nil || !isBlankShow(index))
            if isHidden || pdfiumShows[index] != nil { wraps.append((index, isHidden)) }
        }
        guard !edits.isEmpty || !wraps.isEmpty else { return nil }
        // The edits by place (where two share one, in the order made), merged with the wrapped shows' starts and ends:
        // an edit goes before a wrapped show's start or end at its place. The output is written once into room made for
        // all of it.
        let order = edits.indices.sorted { (edits[$0].position, $0) < (edits[$1].position, $1) }
        var total = data.count
        for edit in edits { total += edit.bytes.count - edit.length }
        for wrap in wraps {
            let pdfium = pdfiumShows[wrap.show]?.count ?? 0
            total += (wrap.isHidden ? ReaderLine.hidingBeginLine.count + ReaderLine.endLine.count : 0)
                + (pdfium > 0 ? pdfium + ReaderLine.endLine.count : 0)
        }
        // The edits and the shows' sequences read where they lie, the static sequences once: each copied out (its bytes
        // retained and released) for every event, the writing cost some 90,000 instructions a page.
        let endLine = ReaderLine.endLine, hidingBeginLine = ReaderLine.hidingBeginLine
        let output = data.withUnsafeBufferPointer { source in
            [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
                func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                    guard let from = bytes.baseAddress, let to = buffer.baseAddress, !bytes.isEmpty else { return }
                    (to + count).initialize(from: from, count: bytes.count)
                    count += bytes.count
                }
                func copy(to position: Int, from copied: inout Int) {
                    put(UnsafeBufferPointer(rebasing: source[copied..<position]))
                    copied = position
                }
                var copied = 0, nextEdit = 0, nextEvent = 0
                while nextEdit < order.count || nextEvent < 2 * wraps.count {
                    let wrap = nextEvent < 2 * wraps.count ? wraps[nextEvent / 2] : nil, isEnd = nextEvent % 2 == 1
                    let eventPosition = wrap.map { isEnd ? shows[$0.show].range.upperBound : shows[$0.show].range.lowerBound }
                    if nextEdit < order.count, eventPosition.map({ edits[order[nextEdit]].position <= $0 }) ?? true {
                        let edit = order[nextEdit]
                        copy(to: edits[edit].position, from: &copied)
                        edits[edit].bytes.withUnsafeBufferPointer(put)
                        copied += edits[edit].length
                        nextEdit += 1
                    } else if let wrap, let eventPosition {
                        copy(to: eventPosition, from: &copied)
                        if isEnd {
                            if pdfiumShows[wrap.show] != nil { endLine.withUnsafeBufferPointer(put) }
                            if wrap.isHidden { endLine.withUnsafeBufferPointer(put) }
                        } else {
                            if wrap.isHidden { hidingBeginLine.withUnsafeBufferPointer(put) }
                            pdfiumShows[wrap.show]?.withUnsafeBufferPointer(put)
                        }
                        nextEvent += 1
                    }
                }
                copy(to: source.count, from: &copied)
            }
        }
        return (output, written)
    }

    /// Whether the shows `members` (in the stream's order) stand left to right: all in one text object, its line matrix
    /// moved between them only forwards along the line (`Td` or `TD` of no negative x and no y), as cairo draws a line's
    /// glyph runs left to right.
    private func isDrawnLeftToRight(_ members: [Int]) -> Bool {
        guard let first = members.first else { return true }
        var previous = shows[first]
        for index in members.dropFirst() {
            let show = shows[index]
            guard show.textObject == previous.textObject, show.positioning.lowerBound == previous.positioning.lowerBound else { return false }
            for positioning in previous.positioning.upperBound..<show.positioning.upperBound {
                let words = data[positionings[positioning]].split { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
                guard words.count == 3, let x = Double(String(decoding: words[0], as: UTF8.self)),
                      let y = Double(String(decoding: words[1], as: UTF8.self)), x >= 0, y == 0 else { return false }
            }
            previous = show
        }
        return true
    }

    /// Where each of `lines` stands among the stream's glyphs: where the painter counted it, less the glyphs of the runs
    /// of white space only that cairo left out before it and in it. A blank run is taken as left out when the glyph
    /// where it would stand is not named a space (`text`).
    private func located(_ lines: [Range<Int>], blankRuns: [Range<Int>], text: (Int, Int) -> String?) -> [(line: Int, range: Range<Int>)] {
        // Each blank run left out, and the glyphs left out up to its end.
        var dropped: [(run: Range<Int>, total: Int)] = [], total = 0
        for run in blankRuns {
            let start = run.lowerBound - total
            if let show = show(holding: start), isSpace(start, inShow: show, text: text) { continue }
            total += run.count
            dropped.append((run, total))
        }
        var next = 0, before = 0
        return lines.enumerated().compactMap { index, line in
            let end = line.upperBound
            while next < dropped.count, dropped[next].run.upperBound <= line.lowerBound {
                before = dropped[next].total
                next += 1
            }
            var within = before, after = next
            while after < dropped.count, dropped[after].run.upperBound <= end {
                within = dropped[after].total
                after += 1
            }
            let count = line.count - (within - before)
            return count > 0 ? (index, (line.lowerBound - before)..<(line.lowerBound - before + count)) : nil
        }
    }

    /// Whether `show` is written as cairo writes spaces only: `( )Tj`, as many spaces as glyphs (a show of spaces only
    /// when its font's code 32 is named a space).
    private func showsSpaceCodes(_ show: Show) -> Bool {
        let start = show.range.lowerBound
        guard show.codeWidth == 1, show.range.count == show.glyphCount + 4, data[start] == UInt8(ascii: "("),
              data[show.range.upperBound - 3] == UInt8(ascii: ")") else { return false }
        for position in (start + 1)..<(start + 1 + show.glyphCount) where data[position] != 0x20 { return false }
        return true
    }

    /// Whether `scalar` is a nonspacing mark (a vowel sign): those below U+0300 and the Arabic letters U+0621–U+064A
    /// told apart without a look-up of its properties.
    private static func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 || (0x621...0x64A).contains(value) { return false }
        return scalar.properties.generalCategory == .nonspacingMark
    }

    /// Whether the stream's glyph `glyph`, in show `index`, is named a space: read in place from a literal string of one byte a
    /// code that escapes nothing before it (as cairo writes a run of ASCII glyphs), else from the operands.
    private func isSpace(_ glyph: Int, inShow index: Int, text: (Int, Int) -> String?) -> Bool {
        let show = shows[index], offset = glyph - show.firstGlyph, start = show.range.lowerBound
        if show.codeWidth == 1, !show.isArray, data[start] == UInt8(ascii: "("), start + 1 + offset < show.range.upperBound,
           !data[(start + 1)...(start + 1 + offset)].contains(UInt8(ascii: "\\")) {
            return data[start + 1 + offset] == 0x20 && text(show.font, 0x20) == " "
        }
        return drawnText(of: glyph..<(glyph + 1), from: index, text: text) == " "
    }

    /// The index of the show holding glyph `glyph` of the stream.
    private func show(holding glyph: Int) -> Int? {
        var low = 0, high = shows.count
        while low < high {
            let middle = (low + high) / 2
            if shows[middle].firstGlyph + shows[middle].glyphCount <= glyph { low = middle + 1 } else { high = middle }
        }
        return low < shows.count && shows[low].firstGlyph <= glyph ? low : nil
    }

    /// How many places before where the painter counted it a span's glyphs are looked for.
    static let searchedPlaces = 16

    /// The characters `text` names the stream's glyphs `glyphs` by, the first of them in show `first`; nil if one has
    /// none.
    private func drawnText(of glyphs: Range<Int>, from first: Int, text: (Int, Int) -> String?) -> String? {
        var result = "", index = first, glyph = glyphs.lowerBound
        while glyph < glyphs.upperBound {
            guard index < shows.count else { return nil }
            let show = shows[index]
            // The codes read in place where they can be (no objects built); else the operands' bytes.
            let inPlace = codes(of: show)
            let bytes = inPlace == nil ? operands(of: show).flatMap { Self.bytes(of: $0) ?? [] } : []
            while glyph < glyphs.upperBound, glyph < show.firstGlyph + show.glyphCount {
                let code: Int
                if let inPlace {
                    code = inPlace[glyph - show.firstGlyph]
                } else {
                    let offset = (glyph - show.firstGlyph) * show.codeWidth
                    code = bytes[offset..<(offset + show.codeWidth)].reduce(0) { $0 << 8 | Int($1) }
                }
                guard let name = text(show.font, code) else { return nil }
                result += name
                glyph += 1
            }
            index += 1
        }
        return result
    }

    /// The operator showing glyphs `glyphs` of `show` (nothing for none): its strings cut to those glyphs, a number of
    /// a `TJ` array kept with the glyphs before it (or with the first, where none comes before it).
    private func operation(_ show: Show, glyphs: Range<Int>) -> [UInt8] {
        guard !glyphs.isEmpty else { return [] }
        var output: [UInt8] = []
        var pieces: [PDFObject] = [], glyph = 0
        for operand in operands(of: show) {
            switch operand {
            case .string(let bytes), .hexString(let bytes):
                let count = bytes.count / show.codeWidth
                let from = max(glyph, glyphs.lowerBound), to = min(glyph + count, glyphs.upperBound)
                if from < to {
                    let part = Array(bytes[((from - glyph) * show.codeWidth)..<((to - glyph) * show.codeWidth)])
                    if case .hexString = operand { pieces.append(.hexString(part)) } else { pieces.append(.string(part)) }
                }
                glyph += count
            default:
                if glyph > glyphs.lowerBound || glyphs.lowerBound == 0, glyph <= glyphs.upperBound { pieces.append(operand) }
            }
        }
        if show.isArray {
            PDFObject.array(pieces).write(to: &output)
            output += Array(" TJ".utf8)
        } else {
            pieces.first?.write(to: &output)
            output += Array(" Tj".utf8)
        }
        return output
    }
}

extension ToUnicodeMap {
    /// The entries of a /ToUnicode CMap's `bfchar` sections (the only ones cairo writes): each code's text.
    static func entries(in map: [UInt8]) -> [Int: String] {
        var entries: [Int: String] = [:], position = 0, inSection = false, code: Int?, units: [UInt16] = []
        // Room for every entry at once (an entry, `<code> <text>` and a line feed, takes 12 bytes or more, and the map's
        // header some hundreds): grown as entries came, the table was made again at every doubling, some 400
        // instructions an entry of the brief's six maps (232 entries).
        entries.reserveCapacity(map.count / 12)
        let begin = Array("beginbfchar".utf8), end = Array("endbfchar".utf8)
        while position < map.count {
            let byte = map[position]
            if byte == UInt8(ascii: "<"), inSection {
                var value = 0, digits = 0
                position += 1
                while position < map.count, map[position] != UInt8(ascii: ">") {
                    if let digit = hexValue(map[position]) {
                        value = value << 4 | digit
                        digits += 1
                        if code != nil, digits % 4 == 0 {
                            units.append(UInt16(truncatingIfNeeded: value))
                            value = 0
                        }
                    }
                    position += 1
                }
                if let number = code {
                    entries[number] = text(units)
                    units.removeAll(keepingCapacity: true)
                    code = nil
                } else {
                    code = value
                }
            } else if byte == UInt8(ascii: "b"), map[position...].starts(with: begin) {
                inSection = true
                position += begin.count - 1
            } else if byte == UInt8(ascii: "e"), map[position...].starts(with: end) {
                inSection = false
                position += end.count - 1
            }
            position += 1
        }
        return entries
    }

    /// The text of UTF-16 code units, as `String(decoding:as: UTF16.self)` reads them (an unpaired surrogate becomes
    /// U+FFFD), encoded as UTF-8 (`UTF8.encode`) into the string's own room: the standard decoder, generic over its
    /// input, cost some 2,400 instructions for an entry of one or two units. The bytes are written by `put`, taking
    /// the count written inout: a nested function capturing it (through `UTF8.encode`'s closure) checked exclusive
    /// access to it at run time for every scalar.
    private static func text(_ units: [UInt16]) -> String {
        String(unsafeUninitializedCapacity: units.count * 3) { buffer in
            var count = 0, index = 0
            while index < units.count {
                let unit = UInt32(units[index])
                index += 1
                if unit & 0xF800 != 0xD800 {
                    put(unit, into: buffer, at: &count)
                } else if unit < 0xDC00, index < units.count, units[index] & 0xFC00 == 0xDC00 {
                    put(0x10000 + ((unit - 0xD800) << 10 | (UInt32(units[index]) - 0xDC00)), into: buffer, at: &count)
                    index += 1
                } else {
                    put(0xFFFD, into: buffer, at: &count)
                }
            }
            return count
        }
    }

    /// Writes `scalar` (U+FFFD when it is none) as UTF-8 into `buffer` at `count`, moving `count` past it.
    private static func put(_ scalar: UInt32, into buffer: UnsafeMutableBufferPointer<UInt8>, at count: inout Int) {
        guard let encoded = UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}") else { return }
        for byte in encoded {
            buffer[count] = byte
            count += 1
        }
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
