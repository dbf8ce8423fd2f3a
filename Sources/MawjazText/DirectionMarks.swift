// Invisible direction marks that keep a number after a bracketed or quoted phrase of the other direction with its
// paragraph, and a Latin token's own punctuation with the token in a right-to-left paragraph (`latinTokenEdges`), and
// their removal from every text read back out of the layout.
import MawjazFrame

/// Where a paragraph gets a mark of its own direction (U+200E in a left-to-right paragraph, U+200F in a right-to-left
/// one) so that the number after a phrase of the other direction in brackets or quotes follows the paragraph.
///
/// Unicode's bidi rule W2 makes European digits after an Arabic letter Arabic numbers, which a left-to-right paragraph
/// sets right to left with the neutrals between them: `Digital Transformation Plan (خطة التحول الرقمي) 2025–2027` was
/// drawn `… 2027–2025`. Rule W7 does the mirror in a right-to-left paragraph: digits after a Latin letter become
/// left to right, so `خطة التحول (Digital Transformation) 2025–2027` was drawn `2025–2027`, read from the right as
/// 2027 first where the paragraph's other ranges (`الأعوام 2025–2027`) read 2025 first. The rule: a closing bracket or
/// quote gets the paragraph's mark right after it when
/// - its phrase (from its opening partner) ends in a letter of the other direction (its last letter is one),
/// - its opening partner follows a letter of the paragraph's direction or opens the paragraph, so the pair itself is
///   set in the paragraph's direction (rule N0), and
/// - it is followed, after spaces if any, by a European digit.
/// Digits right after a word of the other direction (`المادة 5` in an English sentence, `ISO 9001` in an Arabic one) keep
/// Unicode's rules: there the number belongs to the phrase. In a left-to-right paragraph a comma, semicolon or colon
/// between an Arabic word and a number gets the mark too (`clausesBeforeDigits`: `محمد السالم, 2026`). Each mark is an
/// empty glyph Pango draws nothing for, and the layout's texts (each line's, each run's, each cluster's: the PDF's text layer, its /ActualText and its structure
/// tree) leave it out (`DirectionMarks.removed`).
package enum DirectionMarks {
    /// `spans` with the marks `direction` needs inserted, and whether any was.
    static func inserted(into spans: [TextSpan], direction: Direction) -> (spans: [TextSpan], changed: Bool) {
        var text = spans.count == 1 ? spans[0].text : spans.map(\.text).joined()
        var marks: [(offset: Int, mark: String)] = []
        // Most paragraphs have no closing bracket or quote before a digit: answered from the bytes first.
        if text.withUTF8(mayNeedMarks) {
            let own = direction.isRightToLeft ? "\u{200F}" : "\u{200E}"
            marks = positions(in: text, rightToLeft: direction.isRightToLeft).map { ($0, own) }
        }
        let edges = direction.isRightToLeft ? latinTokenEdges(in: text) : clausesBeforeDigits(in: text)
        if !edges.isEmpty {
            marks = (marks + edges.map { ($0, "\u{200E}") }).sorted { ($0.offset, $0.mark) < ($1.offset, $1.mark) }
        }
        guard !marks.isEmpty else { return (spans, false) }
        var result: [TextSpan] = [], start = 0, next = 0
        for var span in spans {
            let bytes = Array(span.text.utf8), end = start + bytes.count
            var rebuilt: [UInt8] = [], copied = 0
            // A mark after the span's last character goes into this span, with the character it follows.
            while next < marks.count, marks[next].offset <= end {
                let local = marks[next].offset - start
                rebuilt += bytes[copied..<local]
                rebuilt += Array(marks[next].mark.utf8)
                copied = local
                next += 1
            }
            if copied > 0 {
                rebuilt += bytes[copied...]
                span.text = String(decoding: rebuilt, as: UTF8.self)
            }
            result.append(span)
            start = end
        }
        return (result, true)
    }

    /// The UTF-8 offsets in `text` right after each closing bracket or quote that gets a mark in a paragraph set right to
    /// left (`rightToLeft`) or left to right (see `DirectionMarks`).
    package static func positions(in text: String, rightToLeft: Bool) -> [Int] {
        let own: Direction = rightToLeft ? .rightToLeft : .leftToRight
        var openings: [(closer: Unicode.Scalar, ownBefore: Bool)] = []
        var last: (strong: Direction, openings: Int)?
        return offsetsBeforeDigits(in: text) { scalar, end in
            if let strong = Direction.strongDirection(of: scalar) {
                last = (strong, openings.count)
                return nil
            }
            if let index = openings.lastIndex(where: { $0.closer == scalar }) {
                let opening = openings[index]
                openings.removeSubrange(index...)
                // The phrase's last letter is of the other direction and stands inside it.
                if opening.ownBefore, let last, last.strong != own, last.openings > index { return end }
                return nil
            }
            if let closer = closer(of: scalar) {
                openings.append((closer, last == nil || last?.strong == own))
            }
            return nil
        }
    }

    /// The offsets `candidate` gives, each kept when the character after it (past spaces, if any) is a European digit.
    /// `candidate` is handed each character of `text` in order, with the UTF-8 offset right after it, but for the spaces
    /// after a candidate.
    private static func offsetsBeforeDigits(in text: String, _ candidate: (Unicode.Scalar, Int) -> Int?) -> [Int] {
        var result: [Int] = [], offset = 0, pending: Int?
        for scalar in text.unicodeScalars {
            offset += scalar.utf8.count
            if let waiting = pending {
                if scalar == " " || scalar == "\u{A0}" { continue }
                if ("0"..."9").contains(scalar) { result.append(waiting) }
                pending = nil
            }
            pending = candidate(scalar, offset)
        }
        return result
    }

    /// The UTF-8 offsets in `text`, a right-to-left paragraph's, of the edges of each Latin token whose own punctuation,
    /// symbols or digits Unicode's rules would set right to left, where it gets a left-to-right mark (U+200E) so that
    /// it is drawn as typed: `C++`, `.NET`, `25°F`, `e.g.`, `@handle` rather than `++C`, `NET.`, `F°25`, `.e.g`,
    /// `handle@`. A token is a run of characters between spaces; the brackets and quotes that open or close it, and the
    /// sentence punctuation that ends it (`.` `,` `;` `:` `!` `?` `،` `؛` `؟`), belong to the Arabic sentence and stay
    /// outside the marks — but for the last full stop of an abbreviation whose every part is one or two letters
    /// (`e.g.`, `U.S.`, `Ph.D.`). A one-letter proclitic written joined to the token (و ف ب ل ك: `و.NET`, `ب@handle`)
    /// stays the sentence's too, outside the marks. What is left gets the marks when it holds a Latin letter and no
    /// right-to-left one, and it starts with something other than a letter or ends with something other than a letter
    /// or a digit (`Report`, `COVID-19`, `info@example.org` are drawn as typed without them).
    package static func latinTokenEdges(in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes in
            var result: [Int] = []
            var index = 0
            while index < bytes.count {
                // Most of an Arabic paragraph holds no ASCII letter: skipped byte by byte to the next one.
                guard isLetter(bytes[index]) else {
                    index += 1
                    continue
                }
                // The letter's token, from the space before it to the space after it; it is read further only when it
                // starts or ends with something other than an ASCII letter.
                var start = index, end = index
                while start > 0, !(bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 || bytes[start - 1] == 0x0A ||
                                   (bytes[start - 1] == 0xA0 && start >= 2 && bytes[start - 2] == 0xC2)) {
                    start -= 1
                }
                while end < bytes.count, spaceLength(bytes, at: end) == 0 { end += 1 }
                if !isLetter(bytes[start]) || !(isLetter(bytes[end - 1]) || (0x30...0x39).contains(bytes[end - 1])),
                   let core = core(of: UnsafeBufferPointer(rebasing: bytes[start..<end])) {
                    result += [start + core.lowerBound, start + core.upperBound]
                }
                index = end
            }
            return result
        }
    }

    /// The UTF-8 offsets in `text`, a left-to-right paragraph's, right after each `,` `;` or `:` that follows a
    /// right-to-left letter (or its marks) and is followed, after spaces, by a European digit: there it gets a
    /// left-to-right mark (U+200E) so that the punctuation and the number follow the English sentence. By Unicode's rule W2
    /// the digits after an Arabic word are Arabic numbers, and the comma between takes their side: `Prepared for أ.د. محمد
    /// السالم, 2026` was drawn `Prepared for 2026 ,أ.د. محمد السالم`. Digits right after the word, with no punctuation
    /// between (`the article المادة 5`), keep Unicode's order, as for a bracket (`positions(in:rightToLeft:)`).
    package static func clausesBeforeDigits(in text: String) -> [Int] {
        // Most left-to-right paragraphs hold no Arabic letter (lead bytes D8–DB), or no such punctuation before a digit.
        guard text.containsUTF8(where: { (0xD8...0xDB).contains($0) }) else { return [] }
        var afterRightToLeft = false
        return offsetsBeforeDigits(in: text) { scalar, end in
            if let strong = Direction.strongDirection(of: scalar) {
                afterRightToLeft = strong == .rightToLeft
            } else if afterRightToLeft, scalar == "," || scalar == ";" || scalar == ":" {
                afterRightToLeft = false
                return end
            } else if !scalar.properties.isGraphemeExtend {
                afterRightToLeft = false
            }
            return nil
        }
    }

    /// The byte length of the space at `index` in `bytes` (a space, a no-break space, a tab or a line break); 0 for any
    /// other character.
    private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A: 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0: 2
        default: 0
        }
    }

    /// Whether `byte` is an ASCII letter.
    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }

    /// The byte range of `token` that gets the marks (see `latinTokenEdges`); nil when it needs none.
    private static func core(of token: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var scalars: [(scalar: Unicode.Scalar, offset: Int)] = []
        var offset = 0
        for scalar in String(decoding: token, as: UTF8.self).unicodeScalars {
            scalars.append((scalar, offset))
            offset += scalar.utf8.count
        }
        var low = 0, high = scalars.count
        while low < high, closer(of: scalars[low].scalar) != nil { low += 1 }
        // A one-letter proclitic joined to the Latin token (`و.NET`, `بC++`), with its vowel marks, is the Arabic
        // sentence's: what follows it is read as a token of its own.
        if low < high, isProclitic(scalars[low].scalar) {
            low += 1
            while low < high, ("\u{064B}"..."\u{0652}").contains(scalars[low].scalar) { low += 1 }
            while low < high, closer(of: scalars[low].scalar) != nil { low += 1 }
        }
        while high > low, isSentencePunctuation(scalars[high - 1].scalar) || isCloser(scalars[high - 1].scalar) { high -= 1 }
        guard low < high else { return nil }
        // An abbreviation's last full stop is its own.
        let parts = scalars[low..<high].split(omittingEmptySubsequences: false) { $0.scalar == "." }
        if high < scalars.count, scalars[high].scalar == ".", parts.count > 1,
           parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { Direction.strongDirection(of: $0.scalar) == .leftToRight } }) {
            high += 1
        }
        var latin = false
        for (scalar, _) in scalars[low..<high] {
            switch Direction.strongDirection(of: scalar) {
            case .rightToLeft: return nil
            case .leftToRight: latin = true
            case nil: break
            }
        }
        let first = scalars[low].scalar, last = scalars[high - 1].scalar
        let opensWithLetter = Direction.strongDirection(of: first) != nil
        let endsWithLetterOrDigit = Direction.strongDirection(of: last) != nil || ("0"..."9").contains(last)
        guard latin, !(opensWithLetter && endsWithLetterOrDigit) else { return nil }
        return scalars[low].offset..<(high < scalars.count ? scalars[high].offset : token.count)
    }

    /// Whether `scalar` is one of the letters written joined to the next word as a word of their own (و ف ب ل ك: and,
    /// so, with, for, like).
    private static func isProclitic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\u{0648}", "\u{0641}", "\u{0628}", "\u{0644}", "\u{0643}": true
        default: false
        }
    }

    /// Whether `scalar` is punctuation that ends a sentence or a clause (see `latinTokenEdges`).
    private static func isSentencePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", ";", ":", "!", "?", "\u{060C}", "\u{061B}", "\u{061F}": true
        default: false
        }
    }

    /// Whether `scalar` closes a bracket or a quote: is the partner `closer(of:)` gives an opening one.
    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        openers.contains { closer(of: $0) == scalar }
    }

    /// The opening brackets and quotes `closer(of:)` knows.
    private static let openers: [Unicode.Scalar] = ["(", "[", "{", "\u{AB}", "\u{2039}", "\u{201C}", "\u{2018}", "\""]

    /// Whether `bytes` hold a closing bracket or quote followed, after spaces if any, by a European digit.
    private static func mayNeedMarks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            // `)`, `]`, `}`, `"`, or the last byte of `»` (C2 BB), `›` (E2 80 BA), `”` (E2 80 9D), `’` (E2 80 99).
            switch bytes[index] {
            case 0x29, 0x5D, 0x7D, 0x22: break
            case 0xBB where index >= 1 && bytes[index - 1] == 0xC2: break
            case 0xBA, 0x9D, 0x99: guard index >= 2, bytes[index - 2] == 0xE2, bytes[index - 1] == 0x80 else { continue }
            default: continue
            }
            var next = index + 1
            while next < bytes.count, bytes[next] == 0x20 || (bytes[next] == 0xC2 && next + 1 < bytes.count && bytes[next + 1] == 0xA0) {
                next += bytes[next] == 0x20 ? 1 : 2
            }
            if next < bytes.count, (0x30...0x39).contains(bytes[next]) { return true }
        }
        return false
    }

    /// The closing partner of an opening bracket or quote; nil for any other character. ASCII `"` closes itself.
    private static func closer(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "(": ")"
        case "[": "]"
        case "{": "}"
        case "\u{AB}": "\u{BB}"
        case "\u{2039}": "\u{203A}"
        case "\u{201C}": "\u{201D}"
        case "\u{2018}": "\u{2019}"
        case "\"": "\""
        default: nil
        }
    }

    /// Whether `bytes` hold a mark (U+200E or U+200F, whose UTF-8 is E2 80 8E and E2 80 8F).
    static func holdsMark(_ bytes: some Collection<UInt8>) -> Bool {
        var state = 0
        for byte in bytes {
            switch (state, byte) {
            case (_, 0xE2): state = 1
            case (1, 0x80): state = 2
            case (2, 0x8E), (2, 0x8F): return true
            default: state = 0
            }
        }
        return false
    }

    /// `bytes` without their marks (U+200E, U+200F).
    static func removed(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for byte in bytes {
            result.append(byte)
            let count = result.count
            if count >= 3, result[count - 3] == 0xE2, result[count - 2] == 0x80, byte == 0x8E || byte == 0x8F {
                result.removeLast(3)
            }
        }
        return result
    }
}
