// PDFium's reading of a right-to-left line handed to it as one /ActualText, and the text that makes it read the line as
// written (see `PDFiumLine`).

/// A line as PDFium reads it (the lines drawn one after another on one baseline: a table row is one), handed its text in
/// logical order as one /ActualText that PDFium turns into that text.
///
/// PDFium (8149, Chrome's engine; `CPDF_TextPage`) sorts a line's text objects by position and reads each one's glyphs, or
/// the /ActualText of its innermost marked-content dictionary that has one; it skips an object whose /ActualText has no
/// printable character (it takes it for the rest of a span it has read) and reads the glyphs of one whose /ActualText is
/// empty. It then splits the line's text into runs of left-to-right, weak (digits, number separators, marks), right-to-left
/// and neutral characters. Measured on pages written by hand (`bench/fidelity/readers.py`'s `pdfium` and `check`): when
/// the right-to-left runs are more than the left-to-right ones it puts the runs in reverse order, and it mirrors a
/// right-to-left run, or a neutral one met while the direction is right to left, turning no run's characters around.
/// That is invertible (`actualText(for:)`). Where the object carrying the /ActualText is itself right to left (its
/// glyphs' text), PDFium turns the whole result around and mirrors it; where the object it read last before the carrier
/// was and the line reads right to left, it takes the /ActualText's characters in reverse order before its pass: the
/// amendment hands the text to an object whose glyphs are not right to left (`isCarrier`), leaves a line without one as
/// drawn, and turns the text around where the object read before is right to left.
///
/// On a page's first line, where PDFium has read nothing yet, the object read last before the carrier is the one just
/// left of it (skipped, as the line's others are: PDFium reads the objects of the lines on one baseline left to right,
/// whatever the order drawn). Where the object PDFium read last before the carrier is the carrier of a line handed its
/// text so, PDFium reads the line as modelled; after a line read as drawn whose last object is right to left it
/// (mostly: not always, for a reason not found) turns it around. So every right-to-left line (the lines on one
/// baseline, a table row's cells right to left), and every left-to-right one holding a right-to-left character (an
/// Arabic name in an English sentence, whose closing bracket PDFium mirrored), gets, in the amendment, each
/// text-showing operator in an `/L` marked-content sequence of its own, innermost: the carrier's holding the line's
/// /ActualText, the others' a tab. poppler honours /ActualText under `/Span` only, so its reading (and its own layer,
/// `ReaderLine`) is not touched; MuPDF and pdf.js read as before. Where the model allows (`slices(for:objects:partEnds:)`),
/// each object carries its own piece of the text instead of one carrying it all, so that PDFium puts the characters over
/// their own object (Chrome's selection of part of a line).
struct PDFiumLine: Equatable {
    /// The line's first glyph on the page, and how many glyphs it has (as `NumberSpanLog` counts them).
    var firstGlyph: Int
    var glyphCount: Int
    /// The line's text in logical order, white space collapsed (a row's cells right to left, a space between them).
    var text: [Unicode.Scalar]
    /// Whether the line is set left to right (its right-to-left characters in left-to-right lines): when it draws
    /// nothing but right-to-left glyphs (an Arabic paragraph in an English report), its first object carries its text.
    var isLeftToRight = false
    /// The glyphs of each of the lines drawn on the baseline, left to right on the page (the order PDFium reads their
    /// objects in, whatever the order drawn); none when the line is one.
    var parts: [Range<Int>] = []

    /// PDFium's four kinds of character (its `CFX_BidiChar` directions, from the Unicode bidi classes).
    enum Kind: UInt8 {
        case leftToRight = 76  // "L"
        case weak = 87  // "W": European and Arabic numbers, their separators and terminators, marks, boundary neutrals
        case rightToLeft = 82  // "R"
        case neutral = 78  // "N"
    }

    /// Whether a text object of glyphs named `text` may carry a line's /ActualText: it inks something and is not right to
    /// left (it has no right-to-left character).
    static func isCarrier(_ text: String) -> Bool {
        var inks = false
        for scalar in text.unicodeScalars {
            if kind(scalar) == .rightToLeft { return false }
            if scalar != " " { inks = true }
        }
        return inks
    }

    /// The /ActualText that PDFium reads back as `text` when it is the whole of a line's text, carried by an object that
    /// is not right to left: where the object PDFium read last before it was (`afterRightToLeft`) and it reads the line
    /// right to left, PDFium takes the /ActualText's characters in reverse order before its pass (as it takes a right-to-left
    /// object's glyphs), so the text it is handed is the one it reads back as `text`, turned around (a line it reads left
    /// to right, a number alone, it does not turn). Measured after an Arabic heading: `(+998) 71`, `(أ)`, `«…»`, `(12%)`,
    /// `(see [Annex B])` come back as typed so, where turning `text` around and mirroring it first gave their brackets
    /// mirrored (`)+998(`); Latin in brackets came back from both.
    static func actualText(for text: [Unicode.Scalar], afterRightToLeft: Bool) -> [Unicode.Scalar] {
        afterRightToLeft ? actualText(for: text).reversed() : actualText(for: text)
    }

    /// The /ActualText that PDFium reads back as `text` when it is the whole of a line's text carried by a right-to-left
    /// object (a left-to-right line of Arabic only, which has no other): PDFium takes it in reverse order before its pass,
    /// as after a right-to-left object, whatever it read before (measured on Arabic paragraphs in an English report and
    /// set left to right in an Arabic one, after the date, an English line, an Arabic heading and each other: each such
    /// line drawn with its run as one span came back word by word reversed after some of them, `جميعا بكم مرحبا`).
    static func actualText(rightToLeftCarrierFor text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        actualText(for: text).reversed()
    }

    /// `actualText`, with a no-break space after the character PDFium takes last of it when that is (spaces aside) a
    /// hyphen (`-` or a soft hyphen): the last one, or the first where it takes the text in reverse order
    /// (`takenInReverse`: a right-to-left carrier's, or after a right-to-left object, see `actualText(for:afterRightToLeft:)`).
    /// PDFium (`CPDF_TextPage::IsHyphen`) takes a line whose text read from an /ActualText so ends for a word broken across
    /// lines: it joins the next line to it and hands the hyphen back as U+FFFE, which Chrome drops. A table row whose last
    /// cell is a dash alone ran into the line after it (`- KPI-7 -` into the next paragraph's first line, turned around,
    /// and every line after it on the page lost), and an English line ending `active-` copied `activeduty`. The space is
    /// white space to any reader, at an end of the line PDFium gives back.
    static func keepingFinalHyphen(_ actualText: [Unicode.Scalar], takenInReverse: Bool) -> [Unicode.Scalar] {
        let end = takenInReverse ? actualText.first { $0 != " " } : actualText.last { $0 != " " }
        guard let end, end == "-" || end == "\u{AD}" else { return actualText }
        return takenInReverse ? ["\u{A0}"] + actualText : actualText + ["\u{A0}"]
    }

    /// Whether PDFium may take a line drawn with `text`, left to right, for a word broken across lines: it ends (spaces
    /// aside) in a hyphen after a letter (`CPDF_TextPage::IsHyphen`, which joins it to the next line when that one opens
    /// with a letter or a digit). Such a line is handed its text (`keepingFinalHyphen`).
    static func mayEndBrokenWord(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.reversed().drop { $0 == " " }.makeIterator()
        guard let last = scalars.next(), last == "-" || last == "\u{AD}", let before = scalars.next() else { return false }
        return before.properties.isAlphabetic
    }

    /// Whether PDFium takes a text object of glyphs named `text` for right to left: it has right-to-left runs, at least as
    /// many as left-to-right ones.
    static func isRightToLeft(_ text: String) -> Bool {
        isRightToLeft(text.unicodeScalars)
    }

    /// `isRightToLeft(_:)` of the characters `scalars`.
    static func isRightToLeft(_ scalars: some Sequence<Unicode.Scalar>) -> Bool {
        var balance = 0, last: Kind?, hasRightToLeft = false
        let table = tableKinds
        for scalar in scalars {
            let kind = kind(scalar, in: table)
            if kind != last { balance += kind == .rightToLeft ? 1 : kind == .leftToRight ? -1 : 0 }
            hasRightToLeft = hasRightToLeft || kind == .rightToLeft
            last = kind
        }
        return hasRightToLeft && balance >= 0
    }

    /// The /ActualText of each of a line's text objects, `objects` being the text of each one's glyphs (as its fonts name
    /// them) in the order PDFium reads them (left to right on the page), so that PDFium reads the line back as `text` and
    /// puts each object's characters over that object's own glyphs; nil where this model of its reading cannot promise
    /// that (the line is then handed its text whole on one carrier).
    ///
    /// PDFium spreads the characters of an /ActualText evenly over the rectangle of the object carrying it: a line's text
    /// on one carrier sat over that one object (a full stop, a number), so a selection in Chrome of part of the line, or of
    /// one cell, copied characters of other words. Given each object its own, PDFium reads the line as it reads glyphs:
    /// the objects' characters in order, those of an object it takes for right to left (`isRightToLeft`) turned around
    /// (as it turns such an object's glyphs around), then its pass over the line (`read`). So the text it is to be handed
    /// (`actualText(for:)`) is cut in the objects' order, each object taking as many characters (spaces aside) as its
    /// glyphs are named by, and a right-to-left object's piece turned around. Measured (bench/fidelity/selection.py, the
    /// 34 reports): Chrome's selection of an element came back right 353 times in 1,857 where it had 305 (the default
    /// brief 19 of 71 where 11), PDFium's text of every page the same.
    ///
    /// The objects `partEnds` (indices into `objects`) each end one of the lines drawn on one baseline (a table row's
    /// cells): the space between that one and the next is in their pieces, as it was in the line's whole text, PDFium
    /// putting none between two cells read apart (`الفرع النسبةالرمز التاريخ`). A piece nil is an object skipped (its
    /// /ActualText a tab), its characters in another's.
    ///
    /// Where the model is not sure, nil:
    /// - a line read left to right, or holding a left-to-right letter, a hyphen (PDFium joins the next line to a line it
    ///   reads as ending in one, `keepingFinalHyphen`) or a character PDFium mirrors (which it mirrors again when it
    ///   turns an object around);
    /// - an object (or up to three together, which one of them carries) not given exactly the characters its glyphs are
    ///   named by (a ligature named otherwise; a kashida the text has not is left out): the pieces must be the objects' own;
    /// - a first object (read after the line before) not right to left and marked, whose piece reads otherwise turned
    ///   around: after a right-to-left object PDFium took a carrier's /ActualText in reverse, and an object's piece so
    ///   (`actualText(for:afterRightToLeft:)`).
    static func slices(for text: [Unicode.Scalar], objects: [String], partEnds: Set<Int> = []) -> [[Unicode.Scalar]?]? {
        slices(for: text, objects: objects.map { Array($0.unicodeScalars) }, partEnds: partEnds)
    }

    /// Whether a line of `text` may be handed object by object at all (`slices(for:objects:partEnds:)`): read right to
    /// left, with no left-to-right letter, hyphen or character PDFium mirrors. One pass over the line, before the text of
    /// its objects is read, that stops at the first such character: with no left-to-right run, the line reads right to left
    /// where it has a right-to-left character (`isReadRightToLeft`).
    static func mayBeSliced(_ text: [Unicode.Scalar]) -> Bool {
        let table = tableKinds
        var hasRightToLeft = false
        for scalar in text {
            // The Arabic letters (most of such a line) first: right to left, none a hyphen or mirrored.
            if (0x621...0x64A).contains(scalar.value) {
                hasRightToLeft = true
                continue
            }
            let kind = kind(scalar, in: table)
            if kind == .leftToRight || scalar == "-" || scalar == "\u{AD}" || mirror(scalar) != scalar { return false }
            hasRightToLeft = hasRightToLeft || kind == .rightToLeft
        }
        return hasRightToLeft
    }

    /// `slices(for:objects:partEnds:)` of objects given by their characters.
    static func slices(for text: [Unicode.Scalar], objects: [[Unicode.Scalar]], partEnds: Set<Int> = []) -> [[Unicode.Scalar]?]? {
        guard objects.count > 1, mayBeSliced(text) else { return nil }
        var line = Objects()
        for object in objects {
            line.characters += object
            line.ends.append(line.characters.count)
        }
        guard let pieces = pieces(for: text, objects: line, partEnds: partEnds) else { return nil }
        return pieces.ranges.map { $0.map { Array(pieces.characters[$0]) } }
    }

    /// The characters of a line's objects (their glyphs' names) one after another, and where each object's end.
    struct Objects {
        var characters: [Unicode.Scalar] = []
        var ends: [Int] = []
        var count: Int { ends.count }
        /// Where object `index`'s characters stand in `characters`.
        func range(_ index: Int) -> Range<Int> { (index == 0 ? 0 : ends[index - 1])..<ends[index] }
    }

    /// Each object's piece of a line's text (`slices(for:objects:partEnds:)`): the pieces one after another, and where
    /// each object's stands (nil for an object skipped).
    struct Pieces {
        var characters: [Unicode.Scalar] = []
        var ranges: [Range<Int>?] = []
    }

    /// The pieces of `slices(for:objects:partEnds:)`, for a line that `mayBeSliced` and has more than one object: each
    /// object's own characters and kind worked out once, the objects tried as a group compared with the handed text
    /// character by character (sorted only where they are not in the same order or the reverse), no array made but the
    /// pieces. nil where the model is not sure.
    static func pieces(for text: [Unicode.Scalar], objects: Objects, partEnds: Set<Int>) -> Pieces? {
        let handedText = actualText(for: text), count = objects.count
        // A kashida drawn to justify the line (a tatweel glyph the text has not) is no character of it: the object's
        // piece leaves it out, as the line's whole text did.
        let hasTatweel = text.contains("\u{640}")
        var ranges: [Range<Int>?] = []
        ranges.reserveCapacity(count)
        var isSure = true
        // The pieces one after another, in room made at once: each takes characters of the handed text, and a space
        // more at most (an object of spaces only puts one in the piece before it).
        let characters = [Unicode.Scalar](writing: handedText.count + count) { pieces, written in
            handedText.withUnsafeBufferPointer { handed in
                objects.characters.withUnsafeBufferPointer { all in
                    // Each object's own characters (spaces and such kashidas left out), one after another; where each
                    // one's end, and whether PDFium takes it for right to left (1) or not (0).
                    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: all.count + 1) { owns in
                        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * count) { table in
                            isSure = cut(handed, all: all, ends: objects.ends, hasTatweel: hasTatweel, partEnds: partEnds,
                                         owns: owns, ownEnds: table.baseAddress!, rightToLeft: table.baseAddress! + count,
                                         into: pieces, written: &written, ranges: &ranges)
                        }
                    }
                }
            }
        }
        return isSure ? Pieces(characters: characters, ranges: ranges) : nil
    }

    /// The work of `pieces(for:objects:partEnds:)` in room it is given: the handed text `handed` cut into `pieces` (its
    /// first `written` taken), each object's range in it appended to `ranges`; false where the model is not sure.
    private static func cut(_ handed: UnsafeBufferPointer<Unicode.Scalar>, all: UnsafeBufferPointer<Unicode.Scalar>, ends: [Int],
                            hasTatweel: Bool, partEnds: Set<Int>, owns: UnsafeMutableBufferPointer<UInt32>,
                            ownEnds: UnsafeMutablePointer<Int>, rightToLeft: UnsafeMutablePointer<Int>,
                            into pieces: UnsafeMutableBufferPointer<Unicode.Scalar>, written: inout Int,
                            ranges: inout [Range<Int>?]) -> Bool {
        let count = ends.count, space: Unicode.Scalar = " ", table = tableKinds
        var ownCount = 0
        for index in 0..<count {
            var balance = 0, last: Kind?, hasRightToLeft = false
            for position in (index == 0 ? 0 : ends[index - 1])..<ends[index] {
                let scalar = all[position]
                if scalar != space && (hasTatweel || scalar != "\u{640}") {
                    owns[ownCount] = scalar.value
                    ownCount += 1
                }
                // `isRightToLeft`, in the same pass.
                let kind = kind(scalar, in: table)
                if kind != last { balance += kind == .rightToLeft ? 1 : kind == .leftToRight ? -1 : 0 }
                hasRightToLeft = hasRightToLeft || kind == .rightToLeft
                last = kind
            }
            ownEnds[index] = ownCount
            rightToLeft[index] = hasRightToLeft && balance >= 0 ? 1 : 0
        }
        func start(_ index: Int) -> Int { index == 0 ? 0 : ends[index - 1] }
        func ownStart(_ index: Int) -> Int { index == 0 ? 0 : ownEnds[index - 1] }
        func endsInSpace(_ index: Int) -> Bool { ends[index] > start(index) && all[ends[index] - 1] == space }
        func isPartEnd(_ index: Int) -> Bool { !partEnds.isEmpty && partEnds.contains(index) }
        var position = 0, lastPiece: Int?
        while ranges.count < count {
            let first = ranges.count, firstStart = start(first)
            // An object of spaces only in a font of letters (a justified line's, Amiri's) is skipped, its space in the
            // piece before it: read from its glyph, PDFium read the word after it unturned and joined to the one before
            // (`کشورهرابرد`), a reading not modelled.
            if ownEnds[first] == ownStart(first) {
                while position < handed.count, handed[position] == space { position += 1 }
                if let last = lastPiece, let range = ranges[last], pieces[range.upperBound - 1] != space, pieces[range.lowerBound] != space {
                    // The last piece is the last written: only skipped objects came after it. The room is checked, not
                    // trusted to the count it was made for: a release build does not check a buffer's subscripts.
                    guard written < pieces.count else { return false }
                    if rightToLeft[last] == 1 {
                        var index = range.upperBound
                        while index > range.lowerBound {
                            pieces[index] = pieces[index - 1]
                            index -= 1
                        }
                        pieces[range.lowerBound] = space
                    } else {
                        pieces[range.upperBound] = space
                    }
                    written += 1
                    ranges[last] = range.lowerBound..<(range.upperBound + 1)
                }
                ranges.append(nil)
                continue
            }
            // The object's characters, and a space of the handed text at its start or end where its glyphs have one there
            // (`: ` drawn as one object): PDFium reads no space between two objects that it has read in either. Where
            // they are not the next of the handed text, the objects after it with them (a full stop and the number
            // before it, `٢٠٢١.`, one run that PDFium does not turn around, drawn as two objects): the first of them not
            // right to left carries the piece, the others a tab (skipped). The space at the end is taken where the
            // glyphs of the object carrying the piece end in one, too: PDFium takes that space for read and drops the
            // space glyph drawn after the group (`مؤشرات ∑ = 1,250`, drawn `1,250` ` = ` `∑` ` ` `مؤشرات`, ` = `
            // carrying `∑` with it, came back `مؤشرات ∑ =1,250`; the carrier drawn `=` alone, as typed).
            var found: (count: Int, carrier: Int, leading: Bool, taken: Range<Int>, hasSpaces: Bool, trailing: Bool, end: Int)?
            for groupCount in 1...min(3, count - first) {
                let last = first + groupCount - 1, wanted = ownStart(first)..<ownEnds[last]
                var at = position, leading = false
                while at < handed.count, handed[at] == space {
                    leading = leading || all[firstStart] == space
                    at += 1
                }
                let takenStart = at
                var taken = 0
                while taken < wanted.count, at < handed.count {
                    if handed[at] != space { taken += 1 }
                    at += 1
                }
                let takenRange = takenStart..<at
                var carrier = first
                while carrier < last, rightToLeft[carrier] == 1 { carrier += 1 }
                if rightToLeft[carrier] == 1 { carrier = first }
                // A group with a space before it that runs into the object after it with none between (`كغ/م³،`, the
                // comma and the superscript drawn as two objects left of the word) is carried by its last object not
                // right to left: PDFium spreads the piece over the carrier, and finding the skipped objects' width
                // between the first and the word, it put a space there (`كغ/م ³،`, in Amiri).
                if groupCount > 1, first > 0, at < handed.count, handed[at] != space, takenStart > 0, handed[takenStart - 1] == space {
                    var end = last
                    while end > carrier, rightToLeft[end] == 1 { end -= 1 }
                    carrier = end
                }
                var trailing = false
                if endsInSpace(last) || endsInSpace(carrier) || isPartEnd(last), at < handed.count, handed[at] == space {
                    trailing = true
                    at += 1
                }
                if taken == wanted.count, sameCharacters(UnsafeBufferPointer(rebasing: handed[takenRange]),
                                                         UnsafeBufferPointer(rebasing: owns[wanted])) {
                    // Within the objects, the handed text's spaces only where their glyphs have some: the line's text
                    // has a space for the isolates around `١` in `﴿١﴾`, drawn as one object of three glyphs.
                    let glyphs = firstStart..<ends[last]
                    let hasSpaces = glyphs.count > 2 && all[(glyphs.lowerBound + 1)..<(glyphs.upperBound - 1)].contains(space)
                    found = (groupCount, carrier, leading, takenRange, hasSpaces, trailing, at)
                    break
                }
            }
            guard let found, written + found.taken.count + 2 <= pieces.count else { return false }
            let pieceStart = written
            if found.leading {
                pieces[written] = space
                written += 1
            }
            for index in found.taken where handed[index] != space || found.hasSpaces {
                pieces[written] = handed[index]
                written += 1
            }
            if found.trailing {
                pieces[written] = space
                written += 1
            }
            let range = pieceStart..<written
            if rightToLeft[found.carrier] == 1 {
                var low = range.lowerBound, high = range.upperBound - 1
                while low < high {
                    pieces.swapAt(low, high)
                    low += 1
                    high -= 1
                }
            }
            // The first object PDFium reads on the line, not right to left, may take its /ActualText in reverse after a
            // right-to-left object (`actualText(for:afterRightToLeft:)`; measured: `٢٠١٢` read `٢١٠٢`, turned around so
            // or not): it holds one character, or its piece reads the same either way, or it is read from its glyphs.
            if found.carrier == 0, rightToLeft[0] == 0, !pieces[range].elementsEqual(pieces[range].reversed()),
               found.count > 1 || !pieces[range].elementsEqual(all[firstStart..<ends[0]]) {
                return false
            }
            for index in first..<(first + found.count) { ranges.append(index == found.carrier ? range : nil) }
            lastPiece = found.carrier
            position = found.end
        }
        while position < handed.count {
            guard handed[position] == space else { return false }
            position += 1
        }
        return true
    }

    /// Whether the characters of `handed` other than spaces (as many as `owns`) are those of `owns`, in any order:
    /// compared as they stand or turned around (as a right-to-left object's glyphs are), else sorted.
    private static func sameCharacters(_ handed: UnsafeBufferPointer<Unicode.Scalar>, _ owns: UnsafeBufferPointer<UInt32>) -> Bool {
        var index = 0, inOrder = true
        for scalar in handed where scalar != " " {
            if scalar.value != owns[index] { inOrder = false; break }
            index += 1
        }
        if inOrder { return true }
        index = owns.count
        var reversed = true
        for scalar in handed where scalar != " " {
            index -= 1
            if scalar.value != owns[index] { reversed = false; break }
        }
        if reversed { return true }
        return handed.lazy.filter { $0 != " " }.map(\.value).sorted() == owns.sorted()
    }

    /// The /ActualText PDFium reads back as `text` when it is the whole of a line's text: its runs in reverse order when
    /// PDFium reads the line right to left, those it mirrors mirrored (`readers.py`'s `pdfium_inverse`).
    static func actualText(for text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        reordered(text, mirroringInOrder: true)
    }

    /// What PDFium reads of a line whose whole text is the /ActualText `actualText` (`readers.py`'s `pdfium`).
    static func read(_ actualText: [Unicode.Scalar]) -> [Unicode.Scalar] {
        reordered(actualText, mirroringInOrder: false)
    }

    /// `text`'s runs in reverse order when PDFium reads it right to left, each run it mirrors mirrored: which ones is
    /// decided walking the runs in `text`'s order (`mirroringInOrder`, for the text PDFium should give back) or in the
    /// order they are put in (for the text it is handed).
    private static func reordered(_ text: [Unicode.Scalar], mirroringInOrder: Bool) -> [Unicode.Scalar] {
        // The runs (where each starts, its kind, whether it is mirrored) in room on the stack, a run at most a scalar: in
        // arrays appended to, a line cost some 7,000 instructions.
        text.withUnsafeBufferPointer { scalars in
            withUnsafeTemporaryAllocation(of: (start: Int, kind: Kind, isMirrored: Bool).self, capacity: scalars.count + 1) { runs in
                let table = tableKinds
                var count = 0, balance = 0, last: Kind?
                for index in scalars.indices {
                    let kind = kind(scalars[index], in: table)
                    guard kind != last else { continue }
                    last = kind
                    runs[count] = (index, kind, false)
                    count += 1
                    balance += kind == .rightToLeft ? 1 : kind == .leftToRight ? -1 : 0
                }
                let isRightToLeft = balance > 0
                // The runs in the order they are put in: reversed when the line reads right to left.
                func putAt(_ step: Int) -> Int { isRightToLeft ? count - 1 - step : step }
                var current = isRightToLeft ? Kind.rightToLeft : .leftToRight
                for step in 0..<count {
                    let run = mirroringInOrder ? step : putAt(step), kind = runs[run].kind
                    if kind == .rightToLeft || (kind == .neutral && current == .rightToLeft) {
                        current = .rightToLeft
                        runs[run].isMirrored = true
                    } else if kind != .weak {
                        current = .leftToRight
                    }
                }
                return [Unicode.Scalar](writing: scalars.count) { result, written in
                    for step in 0..<count {
                        let run = putAt(step), end = run + 1 < count ? runs[run + 1].start : scalars.count
                        for index in runs[run].start..<end {
                            result[written] = runs[run].isMirrored ? mirror(scalars[index]) : scalars[index]
                            written += 1
                        }
                    }
                }
            }
        }
    }

    /// Whether `text` holds a character PDFium takes for right to left, read from its UTF-8 bytes: a line of Latin text
    /// (bytes below 0xD6, as far as U+057F) is passed over without decoding it.
    static func holdsRightToLeft(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0xD6 } && text.unicodeScalars.contains { kind($0) == .rightToLeft }
    }

    /// `text` with a left-to-right mark (U+200E) before each character that PDFium would give back decomposed: one that is
    /// neutral to it and has a compatibility decomposition, not white space (`⅓`, `½`, `℃`, `…`, `№`). PDFium
    /// (`CPDF_TextPage::CloseTempLine`) reads a neutral run met while the line reads right to left as right to left, and
    /// `AddCharInfoByRLDirection` replaces each character of such a run by its decomposition (`⅓ المدة` came back
    /// `1/3 المدة`, `21 ℃` `21 °C`); after the mark the run is met reading left to right, and `AddCharInfoByLRDirection`
    /// keeps it as it is. The mark is invisible in what is copied, as poppler's are (`ReaderLine.marked`).
    static func markingDecomposable(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        // Most lines hold no such character: ASCII's and the Arabic block's are passed over at one compare each.
        func isDecomposedByPDFium(_ scalar: Unicode.Scalar) -> Bool {
            guard scalar.value > 0xA0, scalar.value &- 0x600 >= 0x100, kind(scalar) == .neutral else { return false }
            // A neutral has no case: it changes under NFKC with case folding where it has a decomposition, or where it is
            // ignorable (a soft hyphen, a direction mark), which gets no mark.
            let properties = scalar.properties
            return properties.changesWhenNFKCCaseFolded && !properties.isDefaultIgnorableCodePoint && !properties.isWhitespace
        }
        guard text.contains(where: isDecomposedByPDFium) else { return text }
        var marked: [Unicode.Scalar] = []
        marked.reserveCapacity(text.count + 4)
        for scalar in text {
            if isDecomposedByPDFium(scalar) { marked.append("\u{200E}") }
            marked.append(scalar)
        }
        return marked
    }

    /// Whether PDFium reads a line of `text` right to left: more right-to-left runs than left-to-right ones.
    static func isReadRightToLeft(_ text: [Unicode.Scalar]) -> Bool {
        var balance = 0, last: Kind?
        let table = tableKinds
        for scalar in text {
            let kind = kind(scalar, in: table)
            if kind != last { balance += kind == .rightToLeft ? 1 : kind == .leftToRight ? -1 : 0 }
            last = kind
        }
        return balance > 0
    }

    /// The mirror of `scalar` in a right-to-left run, as PDFium mirrors it; `scalar` itself when it has none.
    ///
    /// PDFium's table (`kFXTextLayoutBidiMirror`, `pdfium::unicode::GetMirrorChar`) is Unicode's bidi mirroring of
    /// Unicode 5.2 with the curly quotes added as pairs: `‘` and `’`, `“` and `”` (not `‚` `„`), which Unicode does not
    /// mirror. With them left out, `“Partnership for Peace”` in an Arabic line came back from PDFium `”Partnership for
    /// Peace”`, and `“العلم نور”` in an English one `“العلم نور“`.
    static func mirror(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        // Letters and most else have none: told apart by their value first (most of a line's characters are mirrored).
        let value = scalar.value
        if value <= 0x7D {
            return switch scalar {
            case "(": ")"
            case ")": "("
            case "[": "]"
            case "]": "["
            case "{": "}"
            case "}": "{"
            case "<": ">"
            case ">": "<"
            default: scalar
            }
        }
        if value == 0xAB { return "\u{BB}" }
        if value == 0xBB { return "\u{AB}" }
        guard value >= 0x0F3A, value <= 0xFF63 else { return scalar }
        var low = 0, high = mirroredFrom.count
        while low < high {
            let middle = (low + high) / 2
            if UInt32(mirroredFrom[middle]) < value { low = middle + 1 } else { high = middle }
        }
        guard low < mirroredFrom.count, UInt32(mirroredFrom[low]) == value,
              let mirrored = Unicode.Scalar(UInt32(mirroredTo[low])) else { return scalar }
        return mirrored
    }

    /// The characters PDFium mirrors beyond `()[]{}<>«»` (handled above), in order (its table's, read from
    /// `kFXTextLayoutBidiMirror`), and each one's mirror.
    private static let mirroredFrom: [UInt16] = [
        0x0F3A, 0x0F3B, 0x0F3C, 0x0F3D, 0x169B, 0x169C, 0x2018, 0x2019, 0x201C, 0x201D, 0x2039, 0x203A, 0x2045,
        0x2046, 0x207D, 0x207E, 0x208D, 0x208E, 0x2208, 0x2209, 0x220A, 0x220B, 0x220C, 0x220D, 0x2215, 0x223C,
        0x223D, 0x2243, 0x2252, 0x2253, 0x2254, 0x2255, 0x2264, 0x2265, 0x2266, 0x2267, 0x2268, 0x2269, 0x226A,
        0x226B, 0x226E, 0x226F, 0x2270, 0x2271, 0x2272, 0x2273, 0x2274, 0x2275, 0x2276, 0x2277, 0x2278, 0x2279,
        0x227A, 0x227B, 0x227C, 0x227D, 0x227E, 0x227F, 0x2280, 0x2281, 0x2282, 0x2283, 0x2284, 0x2285, 0x2286,
        0x2287, 0x2288, 0x2289, 0x228A, 0x228B, 0x228F, 0x2290, 0x2291, 0x2292, 0x2298, 0x22A2, 0x22A3, 0x22A6,
        0x22A8, 0x22A9, 0x22AB, 0x22B0, 0x22B1, 0x22B2, 0x22B3, 0x22B4, 0x22B5, 0x22B6, 0x22B7, 0x22C9, 0x22CA,
        0x22CB, 0x22CC, 0x22CD, 0x22D0, 0x22D1, 0x22D6, 0x22D7, 0x22D8, 0x22D9, 0x22DA, 0x22DB, 0x22DC, 0x22DD,
        0x22DE, 0x22DF, 0x22E0, 0x22E1, 0x22E2, 0x22E3, 0x22E4, 0x22E5, 0x22E6, 0x22E7, 0x22E8, 0x22E9, 0x22EA,
        0x22EB, 0x22EC, 0x22ED, 0x22F0, 0x22F1, 0x22F2, 0x22F3, 0x22F4, 0x22F6, 0x22F7, 0x22FA, 0x22FB, 0x22FC,
        0x22FD, 0x22FE, 0x2308, 0x2309, 0x230A, 0x230B, 0x2329, 0x232A, 0x2768, 0x2769, 0x276A, 0x276B, 0x276C,
        0x276D, 0x276E, 0x276F, 0x2770, 0x2771, 0x2772, 0x2773, 0x2774, 0x2775, 0x27C3, 0x27C4, 0x27C5, 0x27C6,
        0x27C8, 0x27C9, 0x27D5, 0x27D6, 0x27DD, 0x27DE, 0x27E2, 0x27E3, 0x27E4, 0x27E5, 0x27E6, 0x27E7, 0x27E8,
        0x27E9, 0x27EA, 0x27EB, 0x27EC, 0x27ED, 0x27EE, 0x27EF, 0x2983, 0x2984, 0x2985, 0x2986, 0x2987, 0x2988,
        0x2989, 0x298A, 0x298B, 0x298C, 0x298D, 0x298E, 0x298F, 0x2990, 0x2991, 0x2992, 0x2993, 0x2994, 0x2995,
        0x2996, 0x2997, 0x2998, 0x29B8, 0x29C0, 0x29C1, 0x29C4, 0x29C5, 0x29CF, 0x29D0, 0x29D1, 0x29D2, 0x29D4,
        0x29D5, 0x29D8, 0x29D9, 0x29DA, 0x29DB, 0x29F5, 0x29F8, 0x29F9, 0x29FC, 0x29FD, 0x2A2B, 0x2A2C, 0x2A2D,
        0x2A2E, 0x2A34, 0x2A35, 0x2A3C, 0x2A3D, 0x2A64, 0x2A65, 0x2A79, 0x2A7A, 0x2A7D, 0x2A7E, 0x2A7F, 0x2A80,
        0x2A81, 0x2A82, 0x2A83, 0x2A84, 0x2A8B, 0x2A8C, 0x2A91, 0x2A92, 0x2A93, 0x2A94, 0x2A95, 0x2A96, 0x2A97,
        0x2A98, 0x2A99, 0x2A9A, 0x2A9B, 0x2A9C, 0x2AA1, 0x2AA2, 0x2AA6, 0x2AA7, 0x2AA8, 0x2AA9, 0x2AAA, 0x2AAB,
        0x2AAC, 0x2AAD, 0x2AAF, 0x2AB0, 0x2AB3, 0x2AB4, 0x2ABB, 0x2ABC, 0x2ABD, 0x2ABE, 0x2ABF, 0x2AC0, 0x2AC1,
        0x2AC2, 0x2AC3, 0x2AC4, 0x2AC5, 0x2AC6, 0x2ACD, 0x2ACE, 0x2ACF, 0x2AD0, 0x2AD1, 0x2AD2, 0x2AD3, 0x2AD4,
        0x2AD5, 0x2AD6, 0x2ADE, 0x2AE3, 0x2AE4, 0x2AE5, 0x2AEC, 0x2AED, 0x2AF7, 0x2AF8, 0x2AF9, 0x2AFA, 0x2E02,
        0x2E03, 0x2E04, 0x2E05, 0x2E09, 0x2E0A, 0x2E0C, 0x2E0D, 0x2E1C, 0x2E1D, 0x2E20, 0x2E21, 0x2E22, 0x2E23,
        0x2E24, 0x2E25, 0x2E26, 0x2E27, 0x2E28, 0x2E29, 0x3008, 0x3009, 0x300A, 0x300B, 0x300C, 0x300D, 0x300E,
        0x300F, 0x3010, 0x3011, 0x3014, 0x3015, 0x3016, 0x3017, 0x3018, 0x3019, 0x301A, 0x301B, 0xFE59, 0xFE5A,
        0xFE5B, 0xFE5C, 0xFE5D, 0xFE5E, 0xFE64, 0xFE65, 0xFF08, 0xFF09, 0xFF1C, 0xFF1E, 0xFF3B, 0xFF3D, 0xFF5B,
        0xFF5D, 0xFF5F, 0xFF60, 0xFF62, 0xFF63
    ]
    private static let mirroredTo: [UInt16] = [
        0x0F3B, 0x0F3A, 0x0F3D, 0x0F3C, 0x169C, 0x169B, 0x2019, 0x2018, 0x201D, 0x201C, 0x203A, 0x2039, 0x2046,
        0x2045, 0x207E, 0x207D, 0x208E, 0x208D, 0x220B, 0x220C, 0x220D, 0x2208, 0x2209, 0x220A, 0x29F5, 0x223D,
        0x223C, 0x22CD, 0x2253, 0x2252, 0x2255, 0x2254, 0x2265, 0x2264, 0x2267, 0x2266, 0x2269, 0x2268, 0x226B,
        0x226A, 0x226F, 0x226E, 0x2271, 0x2270, 0x2273, 0x2272, 0x2275, 0x2274, 0x2277, 0x2276, 0x2279, 0x2278,
        0x227B, 0x227A, 0x227D, 0x227C, 0x227F, 0x227E, 0x2281, 0x2280, 0x2283, 0x2282, 0x2285, 0x2284, 0x2287,
        0x2286, 0x2289, 0x2288, 0x228B, 0x228A, 0x2290, 0x228F, 0x2292, 0x2291, 0x29B8, 0x22A3, 0x22A2, 0x2ADE,
        0x2AE4, 0x2AE3, 0x2AE5, 0x22B1, 0x22B0, 0x22B3, 0x22B2, 0x22B5, 0x22B4, 0x22B7, 0x22B6, 0x22CA, 0x22C9,
        0x22CC, 0x22CB, 0x2243, 0x22D1, 0x22D0, 0x22D7, 0x22D6, 0x22D9, 0x22D8, 0x22DB, 0x22DA, 0x22DD, 0x22DC,
        0x22DF, 0x22DE, 0x22E1, 0x22E0, 0x22E3, 0x22E2, 0x22E5, 0x22E4, 0x22E7, 0x22E6, 0x22E9, 0x22E8, 0x22EB,
        0x22EA, 0x22ED, 0x22EC, 0x22F1, 0x22F0, 0x22FA, 0x22FB, 0x22FC, 0x22FD, 0x22FE, 0x22F2, 0x22F3, 0x22F4,
        0x22F6, 0x22F7, 0x2309, 0x2308, 0x230B, 0x230A, 0x232A, 0x2329, 0x2769, 0x2768, 0x276B, 0x276A, 0x276D,
        0x276C, 0x276F, 0x276E, 0x2771, 0x2770, 0x2773, 0x2772, 0x2775, 0x2774, 0x27C4, 0x27C3, 0x27C6, 0x27C5,
        0x27C9, 0x27C8, 0x27D6, 0x27D5, 0x27DE, 0x27DD, 0x27E3, 0x27E2, 0x27E5, 0x27E4, 0x27E7, 0x27E6, 0x27E9,
        0x27E8, 0x27EB, 0x27EA, 0x27ED, 0x27EC, 0x27EF, 0x27EE, 0x2984, 0x2983, 0x2986, 0x2985, 0x2988, 0x2987,
        0x298A, 0x2989, 0x298C, 0x298B, 0x2990, 0x298F, 0x298E, 0x298D, 0x2992, 0x2991, 0x2994, 0x2993, 0x2996,
        0x2995, 0x2998, 0x2997, 0x2298, 0x29C1, 0x29C0, 0x29C5, 0x29C4, 0x29D0, 0x29CF, 0x29D2, 0x29D1, 0x29D5,
        0x29D4, 0x29D9, 0x29D8, 0x29DB, 0x29DA, 0x2215, 0x29F9, 0x29F8, 0x29FD, 0x29FC, 0x2A2C, 0x2A2B, 0x2A2E,
        0x2A2D, 0x2A35, 0x2A34, 0x2A3D, 0x2A3C, 0x2A65, 0x2A64, 0x2A7A, 0x2A79, 0x2A7E, 0x2A7D, 0x2A80, 0x2A7F,
        0x2A82, 0x2A81, 0x2A84, 0x2A83, 0x2A8C, 0x2A8B, 0x2A92, 0x2A91, 0x2A94, 0x2A93, 0x2A96, 0x2A95, 0x2A98,
        0x2A97, 0x2A9A, 0x2A99, 0x2A9C, 0x2A9B, 0x2AA2, 0x2AA1, 0x2AA7, 0x2AA6, 0x2AA9, 0x2AA8, 0x2AAB, 0x2AAA,
        0x2AAD, 0x2AAC, 0x2AB0, 0x2AAF, 0x2AB4, 0x2AB3, 0x2ABC, 0x2ABB, 0x2ABE, 0x2ABD, 0x2AC0, 0x2ABF, 0x2AC2,
        0x2AC1, 0x2AC4, 0x2AC3, 0x2AC6, 0x2AC5, 0x2ACE, 0x2ACD, 0x2AD0, 0x2ACF, 0x2AD2, 0x2AD1, 0x2AD4, 0x2AD3,
        0x2AD6, 0x2AD5, 0x22A6, 0x22A9, 0x22A8, 0x22AB, 0x2AED, 0x2AEC, 0x2AF8, 0x2AF7, 0x2AFA, 0x2AF9, 0x2E03,
        0x2E02, 0x2E05, 0x2E04, 0x2E0A, 0x2E09, 0x2E0D, 0x2E0C, 0x2E1D, 0x2E1C, 0x2E21, 0x2E20, 0x2E23, 0x2E22,
        0x2E25, 0x2E24, 0x2E27, 0x2E26, 0x2E29, 0x2E28, 0x3009, 0x3008, 0x300B, 0x300A, 0x300D, 0x300C, 0x300F,
        0x300E, 0x3011, 0x3010, 0x3015, 0x3014, 0x3017, 0x3016, 0x3019, 0x3018, 0x301B, 0x301A, 0xFE5A, 0xFE59,
        0xFE5C, 0xFE5B, 0xFE5E, 0xFE5D, 0xFE65, 0xFE64, 0xFF09, 0xFF08, 0xFF1E, 0xFF1C, 0xFF3D, 0xFF3B, 0xFF5D,
        0xFF5B, 0xFF60, 0xFF5F, 0xFF63, 0xFF62
    ]

    /// The beginning of the `/L` sequence carrying `actualText`, on a line of its own.
    static func begin(_ actualText: [Unicode.Scalar]) -> [UInt8] {
        actualText.withUnsafeBufferPointer { begin($0) }
    }

    /// `begin(_:)` of characters in place (an object's piece among a line's, `pieces(for:objects:partEnds:)`): the
    /// dictionary's bytes as `PDFDictionary.write` writes them, the text as `PDFObject.text` makes it (a literal string
    /// where every character is printable ASCII, else UTF-16 after a byte order mark in hexadecimal), written into room
    /// made at once, with no dictionary, object or array of its bytes made first.
    static func begin(_ actualText: UnsafeBufferPointer<Unicode.Scalar>) -> [UInt8] {
        let prefix: StaticString = "/L << /ActualText ", suffix: StaticString = " >> BDC\n"
        var isPrintable = true, units = 0
        for scalar in actualText {
            isPrintable = isPrintable && (0x20..<0x7F).contains(scalar.value)
            units += scalar.value < 0x10000 ? 1 : 2
        }
        let capacity = prefix.utf8CodeUnitCount + suffix.utf8CodeUnitCount + (isPrintable ? 2 + 2 * actualText.count : 6 + 4 * units)
        return [UInt8](writing: capacity) { bytes, count in
            guard let base = bytes.baseAddress else { return }
            func put(_ text: StaticString) {
                (base + count).initialize(from: text.utf8Start, count: text.utf8CodeUnitCount)
                count += text.utf8CodeUnitCount
            }
            func put(_ byte: UInt8) {
                base[count] = byte
                count += 1
            }
            func putUnit(_ unit: UInt32) {
                UnsafeMutableRawPointer(base + count)
                    .storeBytes(of: PDFObject.hexDigits(UInt16(truncatingIfNeeded: unit), letters: PDFObject.upperCase), as: UInt32.self)
                count += 4
            }
            put(prefix)
            if isPrintable {
                put(UInt8(ascii: "("))
                for scalar in actualText {
                    let byte = UInt8(truncatingIfNeeded: scalar.value)
                    if byte == 0x28 || byte == 0x29 || byte == 0x5C { put(UInt8(ascii: "\\")) }
                    put(byte)
                }
                put(UInt8(ascii: ")"))
            } else {
                put("<FEFF")
                for scalar in actualText {
                    if scalar.value < 0x10000 {
                        putUnit(scalar.value)
                    } else {
                        let offset = scalar.value - 0x10000
                        putUnit(0xD800 | offset >> 10)
                        putUnit(0xDC00 | offset & 0x3FF)
                    }
                }
                put(UInt8(ascii: ">"))
            }
            put(suffix)
        }
    }

    /// The beginning of an `/L` sequence PDFium skips: its /ActualText a tab, which has no printable character. Written
    /// short: most of a page's operators get one.
    static let skippedBegin = Array("/L<</ActualText<FEFF0009>>>BDC\n".utf8)

    /// PDFium's kind of `scalar`: by the Unicode bidi class, read from tables for U+0000–U+00FF, U+0590–U+08FF and
    /// U+2000–U+206F (made with Python's `unicodedata`), elsewhere from the general category (marks and currency weak,
    /// letters of the right-to-left presentation forms right to left, other letters and digits left to right), a
    /// character newer than Unicode 5.2 neutral.
    static func kind(_ scalar: Unicode.Scalar) -> Kind {
        kind(scalar, in: tableKinds)
    }

    /// `kind(_:)`, the tables read from `kinds` (`tableKinds`, read once for a loop over a line: each read of a static
    /// property checks that it was made).
    @inline(__always)
    private static func kind(_ scalar: Unicode.Scalar, in kinds: UnsafePointer<Kind>) -> Kind {
        let value = scalar.value
        if value < 0x100 { return kinds[Int(value)] }
        if value &- 0x590 < 0x370 { return kinds[0x100 + Int(value &- 0x590)] }
        if value &- 0x2000 < 0x70 { return kinds[0x470 + Int(value &- 0x2000)] }
        if (0xFB1D..<0xFE00).contains(value) || (0xFE70..<0xFEFF).contains(value) {
            return value == 0xFB1E ? .weak : (0xFD3E...0xFD3F).contains(value) ? .neutral : .rightToLeft
        }
        if isWeakBeyondTables(value) { return .weak }
        let properties = scalar.properties
        // PDFium's own tables are of Unicode 5.2: a character assigned since is a neutral to it (measured beside Arabic:
        // `₹100`, `₺50`, `₽70`, `₼30`, `₾20`, `₿2` came back `100 ₹`, …, as its reading with the sign neutral gives; `₸9`
        // of Unicode 5.2 and the older signs as typed).
        if let age = properties.age, age.major > 5 || (age.major == 5 && age.minor > 2) { return .neutral }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .currencySymbol, .format: return .weak
        case .decimalNumber: return .leftToRight
        default: return properties.isAlphabetic ? .leftToRight : .neutral
        }
    }

    /// Whether `value`, outside the tables, is a number, a number separator or terminator whose general category does not
    /// tell it (Unicode 14's bidi classes EN, ES, ET, CS and AN there, from Python's `unicodedata`): the minus sign U+2212
    /// (`−2٪`, which PDFium read as a neutral beside the Arabic word before it, so its line's text put the sign there),
    /// superscript and subscript digits and signs (`H₂O`), the small and full-width forms, and digits of other blocks.
    private static func isWeakBeyondTables(_ value: UInt32) -> Bool {
        switch value {
        case 0x2070, 0x2074...0x207B, 0x2080...0x208B, 0x212E, 0x2212, 0x2213, 0x2488...0x249B,
             0xFE50, 0xFE52, 0xFE55, 0xFE5F, 0xFE62, 0xFE63, 0xFE6A, 0xFF03, 0xFF05, 0xFF0B...0xFF1A,
             0x102E1...0x102FB, 0x10D30...0x10D39, 0x10E60...0x10E7E, 0x1D7CE...0x1D7FF, 0x1F100...0x1F10A,
             0x1FBF0...0x1FBF9: true
        default: false
        }
    }

    /// The kinds of U+0000–U+00FF, U+0590–U+08FF and U+2000–U+206F one after another, read from the tables below: one
    /// look-up a character. Made once, never freed, only read.
    private nonisolated(unsafe) static let tableKinds: UnsafePointer<Kind> = {
        let tables = latin + rightToLeftScripts + punctuation
        let kinds = UnsafeMutablePointer<Kind>.allocate(capacity: tables.count)
        for (index, byte) in tables.enumerated() { kinds[index] = Kind(rawValue: byte) ?? .neutral }
        return UnsafePointer(kinds)
    }()

    private static let latin = Array((
        "WWWWWWWWWNNNNNWWWWWWWWWWWWWWNNNNNNNWWWNNNNNWWWWWWWWWWWWWWWWNNNNNNLLLLLLLLLLLLLLLLLLLLLLLLLLNNNNNNLLLLLLLLLLLLL"
        + "LLLLLLLLLLLLLNNNNWWWWWWNWWWWWWWWWWWWWWWWWWWWWWWWWWWNWWWWNNNNLNNWNNWWWWNLNNNWLNNNNNLLLLLLLLLLLLLLLLLLLLLLLNLLLL"
        + "LLLLLLLLLLLLLLLLLLLLLLLLLLLNLLLLLLLL").utf8)
    private static let rightToLeftScripts = Array((
        "NWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWRWRWWRWWRWNNNNNNNNRRRRRRRRRRRRRRRRRRRRRRRRRRRNNNNRRRRRRNNNNNNNNN"
        + "NNWWWWWWNNRWWRWRNNWWWWWWWWWWWRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW"
        + "WRRRWRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRWWWW"
        + "WWWWNWWWWWWRRWWNWWWWRRWWWWWWWWWWRRRRRRRRRRRRRRRRRRRRNRRWRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRWWWWWWWWWWWWWWWWWWWWWWWW"
        + "WWWNNRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRWWWWWWWWWWWRNNNN"
        + "NNNNNNNNNNRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRWWWWWWWWWRRNNNNRNNWRRRRRRRRRRRRRRRRRRRRRRRRWWWWRWWWWWWWWW"
        + "RWWWRWWWWWNNRRRRRRRRRRRRRRRNRRRRRRRRRRRRRRRRRRRRRRRRRWWWNNRNRRRRRRRRRRRNNNNNRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRNWW"
        + "NNNNNNWWWWWWWWRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW").utf8)
    private static let punctuation = Array((
        "NNNNNNNNNNNWWWLRNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNWWWWWWNNNNNNNNNNNNNNNWNNNNNNNNNNNNNNNNNNNNNNNNNNNWWWWWNNNNNWWW"
        + "WWW").utf8)
}
