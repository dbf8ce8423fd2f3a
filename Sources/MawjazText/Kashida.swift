// Kashida justification: Arabic lines stretched with tatweel at the joins calligraphy allows, then at spaces.
import MawjazFrame

/// The places a set line may be widened, and the widening itself.
///
/// A line is widened by insertions: at a glyph of a run, a width is opened and everything to its right moves
/// over. A kashida insertion fills its width with tatweel glyphs that carry no text (so copying gives the
/// words back without tatweel); a space insertion only opens room.
enum Kashida {
    /// Where a line may open room: before the first glyph of visual cluster `cluster` of run `run`.
    struct Opening {
        var run: Int
        var cluster: Int
        /// 1 is the best place (after seen or sad), 7 the last resort; 0 for a space.
        var priority: Int
        /// The word the join is in (a kashida per word at most).
        var word: Int
    }

    /// The joins where a kashida may go, the best of each Arabic word (none unless `kashidas`), and the spaces between words,
    /// in a line's `runs`, given the bytes of the paragraph each of their visual clusters stands for (`clusters`, run by run).
    static func openings(in runs: [GlyphRun], clusters runClusters: [[Range<Int>]], paragraph bytes: UnsafeBufferPointer<UInt8>,
                         kashidas: Bool) -> (kashidas: [Opening], spaces: [Opening]) {
        var best: [Int: Opening] = [:]
        var spaces: [Opening] = []
        var word = 0
        let lastRun = runs.count - 1
        for (runIndex, run) in runs.enumerated() {
            // Justified by spaces alone, a cluster's letters are not read.
            let clusters = runClusters[runIndex].map {
                kashidas ? summary(bytes, $0) : (isSpace: isSpaces(bytes, $0), firstLetter: nil, lastLetter: nil)
            }
            for (index, cluster) in clusters.enumerated() {
                if cluster.isSpace {
                    word += 1
                    // Not the spaces at either end of the line: their width is Pango's to drop.
                    let atEnd = (runIndex == 0 && index == 0) || (runIndex == lastRun && index == clusters.count - 1)
                    if !atEnd { spaces.append(Opening(run: runIndex, cluster: run.isRightToLeft ? index : index + 1, priority: 0, word: word)) }
                    continue
                }
                guard kashidas, run.isRightToLeft else { continue }
                // In a right-to-left run the cluster to the left (index - 1) follows this one in reading order.
                guard index > 0, let letter = cluster.lastLetter, let next = clusters[index - 1].firstLetter else { continue }
                let afterNext = index > 1 ? clusters[index - 2].firstLetter : nil
                guard let priority = priority(letter, next, nextIsFinal: afterNext.map { !joins($0, after: next) } ?? true) else { continue }
                let opening = Opening(run: runIndex, cluster: index, priority: priority, word: word)
                // Ties go to the later join in the word: the elongation sits near the word's end.
                if let known = best[word], known.priority < priority { continue }
                best[word] = opening
            }
        }
        return (best.values.sorted { ($0.run, $0.cluster) < ($1.run, $1.cluster) }, spaces)
    }

    /// Splits `deficit` between the kashida openings and gives what is left to the spaces. The best places are
    /// taken first, and lesser ones added until each elongation can stay near `comfortable`; none grows past
    /// `limit` unless the line has no space to take the rest. Returns the width for each kashida and each space.
    static func distribute(_ deficit: Double, kashidas: [Opening], spaces: [Opening], comfortable: Double,
                           limit: Double) -> (kashida: [Double], space: [Double]) {
        guard deficit > 0 else { return (kashidas.map { _ in 0 }, spaces.map { _ in 0 }) }
        var chosen = Set<Int>()
        for priority in 1...7 {
            for (index, opening) in kashidas.enumerated() where opening.priority == priority { chosen.insert(index) }
            if Double(chosen.count) * comfortable >= deficit { break }
        }
        // Past the limit only when there is no space to take the rest.
        let each = chosen.isEmpty ? 0 : spaces.isEmpty ? deficit / Double(chosen.count) : min(limit, deficit / Double(chosen.count))
        let kashidaWidths = kashidas.indices.map { chosen.contains($0) ? each : 0 }
        let rest = deficit - each * Double(chosen.count)
        let spaceWidths = spaces.map { _ in spaces.isEmpty ? 0 : rest / Double(spaces.count) }
        return (kashidaWidths, spaceWidths)
    }

    /// An opening with the width it opens and, for a kashida, the tatweel glyph that fills it and its advance.
    typealias Widening = (Opening, Double, tatweel: (glyph: UInt32, advance: Double)?)

    /// Opens `width` before visual cluster `cluster` of each run given, filling kashida openings with tatweel, and
    /// moves every glyph and run to the right of an opening over.
    static func widen(_ runs: inout [GlyphRun], openings: [Widening]) {
        var shift = 0.0
        for index in runs.indices {
            let here = openings.filter { $0.0.run == index && $0.1 > 0 }.sorted { $0.0.cluster < $1.0.cluster }
            runs[index].x += shift
            guard !here.isEmpty else { continue }
            // The run changed in place, its glyphs read where they lie (a slice of them per cluster retained and
            // released their storage).
            let run = runs[index]
            let (glyphs, clusters, inner) = run.glyphs.withUnsafeBufferPointer { old in
                widened(old, clusters: run.clusters, width: run.width, openings: here)
            }
            runs[index].glyphs = glyphs
            runs[index].clusters = clusters
            runs[index].width += inner
            shift += inner
        }
    }

    /// A run's glyphs and clusters with `openings` (its own, in the order of their clusters) opened, and the width they
    /// add.
    private static func widened(_ old: UnsafeBufferPointer<Glyph>, clusters oldClusters: [GlyphCluster], width: Double,
                                openings: [Widening]) -> (glyphs: [Glyph], clusters: [GlyphCluster], added: Double) {
        /// How many tatweel glyphs fill an opening: side by side, as many as it takes to span it.
        func tatweels(_ opening: Widening) -> Int {
            guard let tatweel = opening.tatweel, tatweel.advance > 0 else { return 0 }
            return max(1, Int((opening.1 / tatweel.advance).rounded(.up)))
        }
        // The run's new arrays sized exactly: they are kept in the frames until the document is drawn.
        var glyphs: [Glyph] = [], clusters: [GlyphCluster] = []
        glyphs.reserveCapacity(old.count + openings.reduce(0) { $0 + tatweels($1) })
        clusters.reserveCapacity(oldClusters.count)
        var inner = 0.0, glyphIndex = 0, pending = openings[...]
        for clusterIndex in 0...oldClusters.count {
            var added = 0
            while let opening = pending.first, opening.0.cluster == clusterIndex {
                pending = pending.dropFirst()
                let start = (glyphIndex < old.count ? old[glyphIndex].x : width) + inner
                if let tatweel = opening.tatweel, tatweel.advance > 0 {
                    // Tatweel glyphs side by side across the opening, the last one ending exactly at its edge. They
                    // join the cluster of the letter they lengthen, so the text layer holds the letter alone.
                    let count = tatweels(opening)
                    for piece in 0..<count {
                        let x = min(start + Double(piece) * tatweel.advance, start + opening.1 - tatweel.advance)
                        glyphs.append(Glyph(id: tatweel.glyph, x: x, y: 0))
                    }
                    added += count
                }
                inner += opening.1
            }
            guard clusterIndex < oldClusters.count else { break }
            var cluster = oldClusters[clusterIndex]
            let glyphCount = cluster.glyphCount
            for glyph in old[glyphIndex..<(glyphIndex + glyphCount)] {
                glyphs.append(Glyph(id: glyph.id, x: glyph.x + inner, y: glyph.y))
            }
            glyphIndex += glyphCount
            if added > 0 { cluster.glyphCount = glyphCount + added }
            clusters.append(cluster)
        }
        return (glyphs, clusters, inner)
    }

    // MARK: - Arabic joining

    /// What joining needs of a cluster: whether it is only spaces (U+0020, U+00A0), and its first and last letters
    /// (marks skipped), decoded once straight from its UTF-8 in place (clusters are a few bytes; nothing is allocated,
    /// and a slice's iterator and the standard decoder cost several times the bytes).
    private static func summary(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
        -> (isSpace: Bool, firstLetter: UInt32?, lastLetter: UInt32?) {
        var index = range.lowerBound, count = 0, onlySpaces = true
        var first: UInt32?, last: UInt32?
        while index < range.upperBound {
            let lead = bytes[index]
            let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            // The text is UTF-8 (a Swift string's) and clusters end between characters; one that did not ends here.
            guard index + width <= range.upperBound else { break }
            var value = width == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> width)
            for next in (index + 1)..<(index + width) { value = value << 6 | UInt32(bytes[next] & 0x3F) }
            index += width
            count += 1
            if value != 0x20 && value != 0xA0 { onlySpaces = false }
            if !isMark(value) {
                if first == nil { first = value }
                last = value
            }
        }
        return (onlySpaces && count > 0, first, last)
    }

    /// Whether a cluster is spaces alone (U+0020, U+00A0), from its UTF-8 in place, as `summary` finds it.
    private static func isSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == 0x20 {
                index += 1
            } else if bytes[index] == 0xC2, index + 1 < range.upperBound, bytes[index + 1] == 0xA0 {
                index += 2
            } else {
                return false
            }
        }
        return !range.isEmpty
    }

    /// Letters that join on both sides (Unicode joining type D), among those Arabic text uses.
    static let dualJoining: Set<UInt32> = Set([0x0626, 0x0628] + Array(0x062A...0x062E) + Array(0x0633...0x063A)
        + Array(0x0641...0x0647) + [0x0649, 0x064A, 0x067E, 0x0686, 0x06A9, 0x06AF, 0x06CC])
    /// Letters that join only to the letter before them (type R): alefs, dal, thal, ra, zain, waw, taa marbuta.
    static let rightJoining: Set<UInt32> = [0x0622, 0x0623, 0x0624, 0x0625, 0x0627, 0x0629, 0x062F, 0x0630, 0x0631, 0x0632,
                                            0x0648, 0x0671, 0x0698]

    private static func isMark(_ scalar: UInt32) -> Bool { (0x064B...0x065F).contains(scalar) || scalar == 0x0670 }

    /// Whether `next` is joined to `letter` that precedes it.
    static func joins(_ next: UInt32, after letter: UInt32) -> Bool {
        dualJoining.contains(letter) && (dualJoining.contains(next) || rightJoining.contains(next))
    }

    /// The priority of a kashida between `letter` and the `next` one, or nil where none may go.
    static func priority(_ letter: UInt32, _ next: UInt32, nextIsFinal: Bool) -> Int? {
        guard joins(next, after: letter) else { return nil }
        // Lam before alef is one ligature: no kashida inside it.
        if letter == 0x0644 && [0x0622, 0x0623, 0x0625, 0x0627].contains(next) { return nil }
        if [0x0633, 0x0634, 0x0635, 0x0636].contains(letter) { return 1 }                    // after seen, sheen, sad, dad
        guard nextIsFinal else { return 7 }
        switch next {
        case 0x0647, 0x0629, 0x062F, 0x0630: return 2                                         // before final heh, taa marbuta, dal
        case 0x0627, 0x0623, 0x0625, 0x0622, 0x0637, 0x0638, 0x0644, 0x0643, 0x06A9, 0x06AF: return 3  // alef, tah, lam, kaf
        case _ where [0x0631, 0x0632, 0x064A, 0x0649].contains(next) && [0x0628, 0x062A, 0x062B, 0x0646, 0x064A, 0x0626].contains(letter):
            return 4                                                                          // medial beh before final ra, yeh
        case 0x0648, 0x0624, 0x0639, 0x063A, 0x0642, 0x0641: return 5                        // waw, ain, qaf, feh
        default: return 6
        }
    }
}
