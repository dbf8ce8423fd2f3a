// The PDF's text layer for a glyph run: which glyphs stand for which text, in the form poppler and PDFium read back.
internal import CPangoCairo
import Foundation
import MawjazFrame
import Synchronization

/// How a run's glyphs are handed to cairo for the text layer: the glyphs in drawing order, the text, and the clusters
/// tying them together (a number of bytes of the text for a number of glyphs; a cluster of several glyphs or of a
/// glyph for several characters is written as a `/Span << /ActualText … >>` marked-content sequence).
///
/// poppler (Evince, Okular) and PDFium (Chrome, Edge) rebuild each line from the glyphs' places, left to right, and
/// turn that visual order into logical order with bidi passes of their own, which differ. By default the glyphs go left
/// to right and each cluster carries its characters so that both passes give the text back (see `TextEngine`). Two
/// kinds of text need more, measured on the fidelity corpus (Tests/MawjazTests/Fixtures/fidelity):
///
/// - A right-to-left word with combining marks (tashkeel): its marks are glyphs of their own, raised or lowered, which
///   both readers took for other words or lines. The word becomes one span whose text is the word with each run of
///   letters and each run of other characters (marks, punctuation) reversed in place, the form PDFium's reading of a
///   span turns back into the word; its glyphs are drawn on the baseline first and the marks last but one, so that no
///   mark's height breaks PDFium's line. poppler reverses a span's text as a whole, so it keeps reading such words
///   wrongly (as it did before); no single text serves both (see the README's "Copy-paste fidelity").
/// - A right-to-left run in a left-to-right line (an Arabic name in an English sentence): one span for the run, its text
///   as the glyphs read left to right; PDFium then gives the name back in order instead of word by word reversed.
/// - A space between two right-to-left words that PDFium would not see (`tightSpaces`): cairo draws a space as a text
///   object of its own with nothing to ink, which PDFium drops, putting a space back only where the gap between the
///   words' glyphs is wider than a share of their advance widths; Amiri kerns a space into the initial keheh after it,
///   so `درباره کشور` came back `دربارهکشور`. The space becomes one span with the word drawn to its left, the span's
///   text that word's as it would be written without the space, with a space on both sides. Measured on the Amiri
///   corpus: both readers then give the words back apart (a space on the left only, and poppler joins them; on the
///   right only, and PDFium reverses the word on the right). A doubled space is one for PDFium, and whitespace for
///   poppler.
/// - A word poppler would read as two (`wordGaps`): poppler starts a new word where a glyph stands more than a tenth of
///   the font size past the end of the one before (its origin plus the font's advance width), and copies a space there;
///   Amiri kerns reh before an initial yeh 0.12 em away, so `ريال` came back `ر يال`. The word becomes one span, as a
///   vowelled word does: both readers read a span's text where its glyphs stand, whatever the gaps between them.
struct TextLayerRun {
    /// Indices into the run's glyphs, in the order they are drawn.
    private(set) var glyphOrder: [Int]
    private(set) var text: String
    private(set) var clusters: [(bytes: Int, glyphs: Int)]
    /// The run's vowelled-word spans that poppler is handed in a form of its own, in the order drawn (`ReaderSpan`).
    var readerSpans: [ReaderSpan] { groupedReaderSpans.map(\.span) }
    /// Those spans, each with its group in `clusters`.
    private var groupedReaderSpans: [(group: Int, span: ReaderSpan)] = []

    /// The run's text as poppler reads it where it stands, left to right: `text`, each vowelled-word span's text as
    /// poppler is handed it (`ReaderSpan.popplerText`).
    var popplerText: String {
        guard !groupedReaderSpans.isEmpty else { return text }
        var result = "", start = text.utf8.startIndex, next = 0
        for (group, cluster) in clusters.enumerated() {
            let end = text.utf8.index(start, offsetBy: cluster.bytes, limitedBy: text.utf8.endIndex) ?? text.utf8.endIndex
            if next < groupedReaderSpans.count, groupedReaderSpans[next].group == group {
                result += groupedReaderSpans[next].span.popplerText
                next += 1
            } else {
                result += text[start..<end]
            }
            start = end
        }
        return result
    }

    /// The text layer of `run`, in a line read left to right or not; `advance` gives a glyph's advance width in the
    /// run's font as the font has it (points; see `tightSpaces`); `allowsSpan` says whether a group of glyphs (indices
    /// into the run's glyphs) may become one span (see `TextLayerPlan`).
    init(_ run: GlyphRun, inLeftToRightLine: Bool, advance: (UInt32) -> Double? = { _ in nil },
         allowsSpan: ([Int]) -> Bool = { _ in true }) {
        glyphOrder = Array(run.glyphs.indices)
        text = run.clusterText
        clusters = run.clusters.map { ($0.byteCount, $0.glyphCount) }
        // What `mayHoldSpans` asks, the tight spaces sought once.
        guard run.isRightToLeft && run.glyphs.count > 1 else { return }
        if inLeftToRightLine {
            if allowsSpan(glyphOrder) { clusters = [(text.utf8.count, run.glyphs.count)] }
            return
        }
        let tightSpaces = Self.tightSpaces(in: run, advance: advance)
        let wordGaps = Self.wordGaps(in: run, advance: advance)
        guard !tightSpaces.isEmpty || !wordGaps.isEmpty || Self.containsMark(run.text) else { return }
        spanWords(of: run, tightSpaces: tightSpaces, wordGaps: wordGaps, allowsSpan: allowsSpan)
    }

    /// Whether `run` may become spans at all: a right-to-left run of several glyphs in a left-to-right line, or one
    /// holding a combining mark, a space PDFium would not see (`tightSpaces`) or a word poppler would read as two
    /// (`wordGaps`). Every other run is written cluster by cluster, `allowsSpan` never asked.
    static func mayHoldSpans(_ run: GlyphRun, inLeftToRightLine: Bool, advance: (UInt32) -> Double?) -> Bool {
        guard run.isRightToLeft && run.glyphs.count > 1 else { return false }
        return inLeftToRightLine || containsMark(run.text) || !tightSpaces(in: run, advance: advance).isEmpty
            || !wordGaps(in: run, advance: advance).isEmpty
    }

    /// The glyphs of a right-to-left run (indices into its glyphs) before which poppler would start a new word though
    /// no white space stands there: `TextOutputDev`'s `addChar` ends a word where the next glyph begins more than a
    /// tenth of the font size past the word's end (`minWordBreakSpace`; the end being a glyph's origin plus the font's
    /// advance width, the widths the PDF holds), and copies a space there. Glyphs without an advance (marks) and white
    /// space are passed over. (A glyph drawn over the one before, as kashida's tatweels are, poppler also parts from it
    /// past a fifth of the font size, but copies no space there: those are left as they are.)
    static func wordGaps(in run: GlyphRun, advance: (UInt32) -> Double?) -> [Int] {
        let size = run.font.size
        // Without the font's widths (the painter's own check, when no run of the document may hold spans) nothing is
        // measured.
        guard size > 0, run.isRightToLeft, run.glyphs.count > 1, advance(run.glyphs[0].id) != nil else { return [] }
        let limit = 0.1 * size
        var text = run.clusterText
        return text.withUTF8 { bytes in
            run.glyphs.withUnsafeBufferPointer { glyphs in
                var gaps: [Int] = [], glyph = 0, offset = 0, end = Double.infinity
                for cluster in run.clusters {
                    let count = cluster.glyphCount
                    defer { glyph += count; offset += cluster.byteCount }
                    // White space (a cluster of spaces, tabs or no-break spaces, whose widths justification stretches)
                    // parts words: the next glyph begins one.
                    guard offset < bytes.count, bytes[offset] != 0x20, bytes[offset] != 0x09,
                          !(bytes[offset] == 0xC2 && offset + 1 < bytes.count && bytes[offset + 1] == 0xA0) else {
                        end = .infinity
                        continue
                    }
                    for index in glyph..<min(glyph + count, glyphs.count) {
                        guard let width = advance(glyphs[index].id), width > 0 else { continue }
                        let x = glyphs[index].x
                        if x - end > limit { gaps.append(index) }
                        end = x + width
                    }
                }
                return gaps
            }
        }
    }

    /// The space clusters of a right-to-left run (indices into its clusters) that PDFium would read as no space: a
    /// one-glyph cluster of a space between two other glyphs, where the gap from the end of the glyph to its left (its
    /// origin plus the font's advance width, as PDFium measures it) to the glyph on its right is no wider than PDFium's
    /// threshold, a share of the wider of the two advances (`CPDF_TextPage::ProcessInsertObject`: a half under 400/1000
    /// em, a quarter under 700, a fifth under 800, else a sixth).
    static func tightSpaces(in run: GlyphRun, advance: (UInt32) -> Double?) -> Set<Int> {
        let size = run.font.size
        guard size > 0, run.isRightToLeft else { return [] }
        // The clusters' text read in place, by byte offsets: a space is a cluster of the one byte 0x20. (Walked through
        // the string's UTF-8 view, index by index, this cost more than the rest of the text layer's plan.)
        var text = run.clusterText
        return text.withUTF8 { bytes in
            guard bytes.contains(0x20) else { return [] }
            var tight = Set<Int>(), glyph = 0, offset = 0
            for (index, cluster) in run.clusters.enumerated() {
                defer { glyph += cluster.glyphCount; offset += cluster.byteCount }
                guard cluster.glyphCount == 1, cluster.byteCount == 1, offset < bytes.count, bytes[offset] == 0x20,
                      glyph > 0, glyph + 1 < run.glyphs.count else { continue }
                let left = run.glyphs[glyph - 1], right = run.glyphs[glyph + 1]
                guard let leftAdvance = advance(left.id), let rightAdvance = advance(right.id) else { continue }
                let widest = max(leftAdvance, rightAdvance) / size * 1000
                let share = widest < 400 ? 2.0 : widest < 700 ? 4.0 : widest < 800 ? 5.0 : 6.0
                if right.x - (left.x + leftAdvance) <= widest / share * size / 1000 { tight.insert(index) }
            }
            return tight
        }
    }

    /// Calls `body` for each cluster with whether it maps its glyph plainly (one glyph for some text), its glyphs
    /// (indices into the run's glyphs) and its text.
    func forEachCluster(_ body: (_ isPlain: Bool, _ glyphs: ArraySlice<Int>, _ text: Substring.UTF8View) -> Void) {
        var glyph = 0
        var start = text.utf8.startIndex
        for cluster in clusters {
            let end = text.utf8.index(start, offsetBy: cluster.bytes, limitedBy: text.utf8.endIndex) ?? text.utf8.endIndex
            body(cluster.glyphs == 1 && cluster.bytes > 0, glyphOrder[glyph..<(glyph + cluster.glyphs)], text[start..<end].utf8)
            glyph += cluster.glyphs
            start = end
        }
    }

    /// Replaces the text of each plain cluster by what `name` gives for its glyph (an index into the run's glyphs) and
    /// its text, where it gives something.
    mutating func renamePlainClusters(_ name: (_ glyph: Int, _ text: String) -> String?) {
        var pieces: [String] = [], groups: [(bytes: Int, glyphs: Int)] = []
        forEachCluster { isPlain, glyphs, text in
            let piece = String(decoding: text, as: UTF8.self)
            let renamed = isPlain ? name(glyphs[glyphs.startIndex], piece) ?? piece : piece
            pieces.append(renamed)
            groups.append((renamed.utf8.count, glyphs.count))
        }
        text = pieces.joined()
        clusters = groups
    }

    /// Whether `scalar` is a letter of a right-to-left script (Arabic, Hebrew, Syriac, Thaana, N'Ko and their
    /// presentation forms).
    static func isRightToLeftLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF: scalar.properties.isAlphabetic && !isMark(scalar)
        default: false
        }
    }

    /// Whether `scalar` is a combining mark drawn on a letter (tashkeel, Quranic marks).
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        // No combining mark comes before U+0300, nor among the Arabic letters: most text is answered without the tables.
        switch scalar.value {
        case ..<0x0300, 0x0621...0x064A: false
        default: scalar.properties.generalCategory == .nonspacingMark
        }
    }

    /// Whether `text` holds a combining mark (`isMark`), read from its UTF-8 bytes in place: the bytes of characters
    /// before U+0300 (below CC) and the two of each Arabic letter (D8 A1 ... D9 8A) are passed over undecoded, which
    /// answers most text several times faster than walking its scalars (every run of a document is asked).
    static func containsMark(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                // A byte below CC begins a character before U+0300 or continues one (a continuation byte is passed
                // over alone).
                guard lead >= 0xCC else { index += 1; continue }
                let second = index + 1 < bytes.count ? bytes[index + 1] : 0
                if (lead == 0xD8 && second >= 0xA1) || (lead == 0xD9 && second <= 0x8A) {
                    index += 2
                    continue
                }
                // Any other character at or after U+0300: decoded from its lead and continuation bytes (the text is
                // UTF-8, as every Swift string).
                let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                var value = UInt32(lead) & (lead < 0xE0 ? 0x1F : lead < 0xF0 ? 0x0F : 0x07)
                for offset in 1..<length where index + offset < bytes.count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
                if let scalar = Unicode.Scalar(value), isMark(scalar) { return true }
                index += length
            }
            return false
        }
    }

    /// Makes each word of the run that holds a combining mark or one of `wordGaps` one span, and each space of
    /// `tightSpaces` one span with the word drawn to its left (see the type's description).
    private mutating func spanWords(of run: GlyphRun, tightSpaces: Set<Int>, wordGaps: [Int], allowsSpan: ([Int]) -> Bool) {
        let logical = Self.logicalPieces(of: run)
        let drawn = Self.drawnPieces(of: run)
        var order: [Int] = [], pieces: [String] = [], groups: [(bytes: Int, glyphs: Int)] = []
        var glyph = 0, cluster = 0
        // Where the word drawn last begins in `groups`, and its glyphs, while it may still take the space after it.
        var lastWord: (group: Int, glyphs: [Int])?
        while cluster < run.clusters.count {
            // A word: the clusters up to the next white space (a white-space cluster is a word of its own).
            var end = cluster
            while end < run.clusters.count, !logical[end].unicodeScalars.contains(where: { $0.properties.isWhitespace }) { end += 1 }
            end = max(end, cluster + 1)
            let glyphs = Array(glyph..<(glyph + run.clusters[cluster..<end].reduce(0) { $0 + $1.glyphCount }))
            let word = logical[cluster..<end].reversed().joined()
            let groupStart = groups.count
            if tightSpaces.contains(cluster), let left = lastWord, allowsSpan(left.glyphs + glyphs) {
                // The space joins the word to its left: one span, the word's text with the space's on both sides.
                let joined = drawn[cluster] + pieces[left.group...].joined() + drawn[cluster]
                pieces.replaceSubrange(left.group..., with: [joined])
                groupedReaderSpans.removeAll { $0.group >= left.group }
                groups.replaceSubrange(left.group..., with: [(joined.utf8.count, left.glyphs.count + glyphs.count)])
                order += glyphs
                lastWord = nil
            } else if glyphs.count > 1, word.unicodeScalars.contains(where: Self.isMark)
                        || wordGaps.contains(where: { $0 > glyphs[0] && $0 <= glyphs[glyphs.count - 1] }), allowsSpan(glyphs) {
                let piece = Self.runsReversed(word)
                if let span = ReaderSpan(word: word, pdfiumText: piece) { groupedReaderSpans.append((groups.count, span)) }
                pieces.append(piece)
                groups.append((piece.utf8.count, glyphs.count))
                order += Self.baselineFirst(glyphs, run.glyphs)
            } else {
                for index in cluster..<end {
                    pieces.append(drawn[index])
                    groups.append((run.clusters[index].byteCount, run.clusters[index].glyphCount))
                }
                order += glyphs
            }
            // A word whose leftmost glyph stands for a right-to-left letter may take the space after it: PDFium reads a
            // span that begins with such a glyph as it reads the plain glyphs.
            let leads = drawn[cluster].unicodeScalars.first.map(Self.isRightToLeftLetter) ?? false
            lastWord = leads && !tightSpaces.contains(cluster) ? (groupStart, glyphs) : nil
            glyph += glyphs.count
            cluster = end
        }
        glyphOrder = order
        text = pieces.joined()
        clusters = groups
    }

    /// Each cluster's characters in logical order, the clusters in visual order (a right-to-left run's text split by
    /// its clusters from the end).
    static func logicalPieces(of run: GlyphRun) -> [String] {
        let bytes = Array(run.text.utf8)
        var end = bytes.count
        return run.clusters.map { cluster in
            let start = max(0, end - cluster.byteCount)
            defer { end = start }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }

    /// Each cluster's text as the run carries it for the text layer (`clusterText` split by its clusters).
    static func drawnPieces(of run: GlyphRun) -> [String] {
        let bytes = Array(run.clusterText.utf8)
        var start = 0
        return run.clusters.map { cluster in
            let end = min(bytes.count, start + cluster.byteCount)
            defer { start = end }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }

    /// `word` with each maximal run of letters and each maximal run of other characters reversed where it stands:
    /// "نُورٌ،" (nūn, ḍamma, wāw, rāʾ, tanwīn, comma) becomes nūn, ḍamma, rāʾ, wāw, comma, tanwīn.
    static func runsReversed(_ word: String) -> String {
        var result = String.UnicodeScalarView(), pending: [Unicode.Scalar] = [], pendingAreLetters = false
        for scalar in word.unicodeScalars {
            let isLetter = scalar.properties.isAlphabetic && !isMark(scalar)
            if isLetter != pendingAreLetters {
                result.append(contentsOf: pending.reversed())
                pending.removeAll()
                pendingAreLetters = isLetter
            }
            pending.append(scalar)
        }
        result.append(contentsOf: pending.reversed())
        return String(result)
    }

    /// `indices` reordered: the glyphs on the baseline left to right but the last, then the raised or lowered ones
    /// (marks), then the last baseline glyph.
    static func baselineFirst(_ indices: [Int], _ glyphs: [Glyph]) -> [Int] {
        let onBaseline = indices.filter { abs(glyphs[$0].y) < 0.01 }
        guard let last = onBaseline.last else { return indices }
        return onBaseline.dropLast() + indices.filter { abs(glyphs[$0].y) >= 0.01 } + [last]
    }
}

/// Which spans of the text layer may be written without spoiling the font's character map.
///
/// cairo gives a glyph its entry in the font's /ToUnicode map when it is first drawn. A glyph first drawn inside a span
/// gets the character the font's cmap names it by (`CairoGlyphNames`), which for a contextual Arabic form of Noto Naskh
/// Arabic is a presentation form (ﺑ for an initial beh); every later plain use of that glyph is then written with an
/// /ActualText of its own, and PDFium reads words holding such letters backwards (measured: a vowelled basmala before
/// the default brief's article took PDFium's recall of the article from 1.000 to 0.954). So a span is written only when
/// each of its glyphs is safe there: already drawn plainly, never drawn plainly, or named by the font's cmap as its
/// plain uses name it (a mark, an isolated letter) or by nothing (Amiri's contextual forms: cairo then takes the first
/// plain use's text). A glyph the cmap names by an Arabic presentation form of the letter its plain uses stand for
/// (Noto Naskh Arabic's contextual forms) is safe too when the PDF is amended: every plain use of it is written with
/// that presentation form, so cairo names it alike everywhere and writes no /ActualText for it, and the amendment
/// renames the form back to the letter in the font's /ToUnicode map (`characterRenames`). Any other span is drawn a
/// cluster per glyph, as before. The document is walked once before painting to learn which glyphs are drawn plainly
/// and with what text.
final class TextLayerPlan {
    /// A glyph of a font face: the same glyph shares one /ToUnicode entry at every size. The face is numbered (in
    /// `faces`), so that a key hashes as two integers rather than a file's path.
    struct GlyphKey: Hashable {
        var face: Int
        var glyph: UInt32
    }

    private let drawnPlainly: Set<GlyphKey>
    /// The glyphs whose first use in a span gives them the /ToUnicode entry their plain uses want anyway (or, renamed,
    /// the entry their plain uses are written with).
    private let namedAsDrawn: Set<GlyphKey>
    /// The glyphs whose plain uses are written with the presentation form cairo names them by: the letters they stand
    /// for, and that form.
    private let renamedGlyphs: [GlyphKey: (text: String, name: String)]
    /// The presentation forms plain uses were written with, and the letters the amendment renames them to.
    let characterRenames: [String: String]
    private var mapped = Set<GlyphKey>()
    /// The number of each font face met, in order of first appearance.
    private let faces: [FontFace: Int]
    /// Whether any run of the document may become spans: without one, the plan is never asked and not made.
    let hasSpans: Bool
    /// A font's glyphs' advance widths as the font has them (`CairoFonts.advances(in:)`), for the spaces PDFium would
    /// not see.
    private let advances: (FontReference) -> (UInt32) -> Double?

    /// Walks `pages` in painting order; `names` tells what cairo names a face's glyphs by (`CairoFonts.glyphNames`);
    /// `advances` a font's glyphs' advance widths (`CairoFonts.advances(in:)`); `renames` whether the PDF is amended,
    /// so that presentation forms may be renamed in /ToUnicode; `advanceTables` keeps the widths between documents
    /// (`GlyphAdvances.Pool`: only for `CairoFonts.advances(in:)`'s).
    init(_ pages: [Page], names: (FontReference) -> CairoGlyphNames, advances: @escaping (FontReference) -> (UInt32) -> Double?,
         advanceTables: GlyphAdvances.Pool? = nil, renames: Bool) {
        let known = GlyphAdvances(advances, pool: advanceTables)
        let advances = known.advances
        self.advances = advances
        // The frames' items read where they lie (`Frame.textLines` made an array of every page's lines, copied, twice).
        hasSpans = pages.contains { page in
            page.frame.items.contains { placed in
                guard case .text(let line) = placed.item else { return false }
                return line.runs.contains { run in
                    TextLayerRun.mayHoldSpans(run, inLeftToRightLine: !line.isRightToLeft, advance: advances(run.font))
                }
            }
        }
        guard hasSpans else {
            drawnPlainly = []
            namedAsDrawn = []
            renamedGlyphs = [:]
            characterRenames = [:]
            faces = [:]
            return
        }
        // The glyphs drawn, in painting order: plainly, or as a span, each use a range of `keys` (one array for all, not
        // one per cluster); and the texts each glyph is drawn plainly with.
        var uses: [(isSpan: Bool, keys: Range<Int>)] = [], keys: [GlyphKey] = []
        var plainTexts: [GlyphKey: Set<String>] = [:]
        var faces: [FontFace: Int] = [:]
        var faceNames: [CairoGlyphNames] = []
        for page in pages {
            for placed in page.frame.items {
                guard case .text(let line) = placed.item else { continue }
                // The runs by index, and the closure given a run's glyphs alone: capturing the run copied it (its font,
                // arrays and strings retained and released).
                let runs = line.runs
                for runIndex in runs.indices {
                    let run = runs[runIndex], runGlyphs = run.glyphs
                    let runFace = faces[run.font.face] ?? faces.count
                    if runFace == faces.count { faceNames.append(names(run.font)) }
                    faces[run.font.face] = runFace
                    TextLayerRun(run, inLeftToRightLine: !line.isRightToLeft, advance: advances(run.font)).forEachCluster { isPlain, glyphs, text in
                        guard isPlain || glyphs.count > 1 else { return }
                        let start = keys.count
                        for glyph in glyphs { keys.append(GlyphKey(face: runFace, glyph: runGlyphs[glyph].id)) }
                        uses.append((!isPlain, start..<keys.count))
                        if isPlain { plainTexts[keys[start], default: []].insert(String(decoding: text, as: UTF8.self)) }
                    }
                }
            }
        }
        var namedAsDrawn = Set<GlyphKey>(), renamedGlyphs: [GlyphKey: (text: String, name: String)] = [:]
        var characterRenames: [String: String] = [:], ambiguous = Set<String>()
        for key in Set(uses.filter(\.isSpan).flatMap { keys[$0.keys] }) {
            switch faceNames[key.face].name(of: key.glyph) {
            case .unknown: continue
            case .unnamed: namedAsDrawn.insert(key)
            case .character(let name):
                guard let texts = plainTexts[key], texts.count == 1, let text = texts.first else { continue }
                if text == name {
                    namedAsDrawn.insert(key)
                } else if renames, Self.isPresentationForm(name, of: text) {
                    renamedGlyphs[key] = (text, name)
                    if characterRenames.updateValue(text, forKey: name).map({ $0 != text }) == true { ambiguous.insert(name) }
                }
            }
        }
        // A presentation form standing for two different texts cannot be renamed back: its glyphs stay unsafe.
        renamedGlyphs = renamedGlyphs.filter { !ambiguous.contains($0.value.name) }
        namedAsDrawn.formUnion(renamedGlyphs.keys)
        characterRenames = characterRenames.filter { !ambiguous.contains($0.key) }
        // Paint in thought, as `layer(for:in:)` will: a span whose glyphs are not all safe falls back and draws them
        // plainly, which may make an earlier span unsafe; repeat until nothing changes.
        var plain = Set(uses.filter { !$0.isSpan }.flatMap { keys[$0.keys] })
        var changed = true
        while changed {
            changed = false
            var drawn = Set<GlyphKey>()
            for use in uses {
                let useKeys = keys[use.keys]
                if use.isSpan && useKeys.allSatisfy({ drawn.contains($0) || !plain.contains($0) || namedAsDrawn.contains($0) }) { continue }
                drawn.formUnion(useKeys)
                if use.isSpan && !useKeys.allSatisfy(plain.contains) {
                    plain.formUnion(useKeys)
                    changed = true
                }
            }
        }
        drawnPlainly = plain
        self.namedAsDrawn = namedAsDrawn
        self.renamedGlyphs = renamedGlyphs
        self.characterRenames = characterRenames
        self.faces = faces
    }

    /// Whether `name` is one Arabic presentation form whose compatibility decomposition is `text` (ﺑ for ب, ﻻ for لا).
    static func isPresentationForm(_ name: String, of text: String) -> Bool {
        guard name.unicodeScalars.count == 1, let scalar = name.unicodeScalars.first,
              (0xFB50...0xFDFF).contains(scalar.value) || (0xFE70...0xFEFF).contains(scalar.value) else { return false }
        return name.precomposedStringWithCompatibilityMapping == text
    }

    /// The text layer of `run` in `line`, its spans allowed or not, noting the glyphs it draws plainly.
    func layer(for run: GlyphRun, in line: TextLine) -> TextLayerRun {
        guard hasSpans else { return TextLayerRun(run, inLeftToRightLine: !line.isRightToLeft, allowsSpan: { _ in false }) }
        // The key of a glyph made from the run's glyphs alone: a closure over the run copied it.
        let runFace = faces[run.font.face] ?? -1, runGlyphs = run.glyphs
        func key(_ index: Int) -> GlyphKey { GlyphKey(face: runFace, glyph: runGlyphs[index].id) }
        var layer = TextLayerRun(run, inLeftToRightLine: !line.isRightToLeft, advance: advances(run.font)) { glyphs in
            glyphs.allSatisfy {
                self.mapped.contains(key($0)) || !self.drawnPlainly.contains(key($0)) || self.namedAsDrawn.contains(key($0))
            }
        }
        if !renamedGlyphs.isEmpty {
            layer.renamePlainClusters { glyph, text in
                renamedGlyphs[key(glyph)].flatMap { $0.text == text ? $0.name : nil }
            }
        }
        layer.forEachCluster { isPlain, glyphs, _ in if isPlain { mapped.insert(key(glyphs[glyphs.startIndex])) } }
        return layer
    }
}

/// A document's glyph advance widths (`CairoFonts.advances(in:)`), each glyph's asked of cairo once per font and size
/// and then read from a table by its number: the gaps poppler would read as spaces (`TextLayerRun.wordGaps`) are
/// measured between every two glyphs of every right-to-left run, before painting and again while painting.
final class GlyphAdvances {
    private let source: (FontReference) -> (UInt32) -> Double?
    /// Where a font's table is taken from, and given back to once the document is done, if anywhere.
    private let pool: Pool?
    private var tables: [FontReference: Table] = [:]
    private var last: (font: FontReference, table: Table)?

    /// One font's widths by glyph number, each with whether it was asked yet, in one block of fresh pages mapped from
    /// the system (zero until written: the pages of glyph numbers never asked are never touched, and nothing is cleared;
    /// `calloc` cleared the block byte by byte, which cost more than all the lookups) and read without Swift's checks of
    /// exclusive access, which cost more than the read. A width is kept as its bits with the sign bit flipped, so that
    /// zero means not asked (only -0.0 is kept as zero, and it is asked again: the same width) and a lookup reads one
    /// cache line: a separate array of flags, 512 KB away, cost a second line, and the tables' lines are read cold, the
    /// document's layout having passed through the caches since (cachegrind, round `speed22`). A width is minus infinity
    /// where cairo gave none. One document uses a table at a time (`Pool` hands it to one), so it is sent between
    /// threads but never shared.
    fileprivate final class Table: @unchecked Sendable {
        static let capacity = 0x10000
        static let size = capacity * MemoryLayout<UInt64>.stride
        static let sign: UInt64 = 1 << 63
        let source: (UInt32) -> Double?
        let block: UnsafeMutableRawPointer?
        let widths: UnsafeMutablePointer<UInt64>?

        init(_ source: @escaping (UInt32) -> Double?) {
            self.source = source
            let mapped = mmap(nil, Self.size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            block = mapped == MAP_FAILED ? nil : mapped
            widths = block?.bindMemory(to: UInt64.self, capacity: Self.capacity)
        }

        deinit { if let block { munmap(block, Self.size) } }

        func width(_ glyph: UInt32) -> Double? {
            let index = Int(glyph)
            guard index < Self.capacity, let widths else { return source(glyph) }
            if widths[index] == 0 { widths[index] = (source(glyph) ?? -.infinity).bitPattern ^ Self.sign }
            let width = Double(bitPattern: widths[index] ^ Self.sign)
            return width == -.infinity ? nil : width
        }
    }

    /// The widths `source` gives a font's glyphs, its tables taken from `pool` and given back to it (a pool serves one
    /// source).
    init(_ source: @escaping (FontReference) -> (UInt32) -> Double?, pool: Pool? = nil) {
        self.source = source
        self.pool = pool
    }

    deinit { pool?.keep(tables) }

    /// `font`'s glyphs' advance widths, in points.
    func advances(_ font: FontReference) -> (UInt32) -> Double? {
        let table: Table
        if let last, last.font == font {
            table = last.table
        } else {
            table = tables[font] ?? pool?.take(font) ?? Table(source(font))
            tables[font] = table
            last = (font, table)
        }
        return { table.width($0) }
    }

    /// Tables kept from one document to the next, for the fonts of one source (the process's `CairoFonts`): a font's
    /// widths do not change, so a document takes a font's table with the widths the documents before it asked. Made
    /// afresh, a document's tables were mapped anew (11 for the peers' brief: some 35 page faults and 22 system calls
    /// a document) and every width asked of cairo again. A table taken is the taker's alone until it gives it back;
    /// documents drawn at once take tables of their own. At most `limit` are kept.
    final class Pool: Sendable {
        private static let limit = 64
        private let kept = Mutex<(tables: [FontReference: [Table]], count: Int)>(([:], 0))

        /// A table of `font`'s widths kept by a document before, if any is left.
        fileprivate func take(_ font: FontReference) -> Table? {
            kept.withLock { kept in
                guard let table = kept.tables[font]?.popLast() else { return nil }
                kept.count -= 1
                return table
            }
        }

        /// Keeps `tables` for the documents after, as many as there is room for.
        fileprivate func keep(_ tables: [FontReference: Table]) {
            kept.withLock { kept in
                for (font, table) in tables where kept.count < Self.limit {
                    kept.tables[font, default: []].append(table)
                    kept.count += 1
                }
            }
        }
    }
}
