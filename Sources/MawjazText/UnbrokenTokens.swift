// URLs, e-mail addresses, file paths and words joined by a slash found in a paragraph, so that line breaking moves each
// whole to the next line.
import Foundation

/// Finds the URLs (from `http://`, `https://` or `www.`), e-mail addresses (a word around `@` with a dot in its
/// domain) and file paths (a word beginning with a drive letter, a colon and a backslash, `C:\Users\…`, or with two
/// backslashes, `\\server\share`, or with a slash and holding another after its first name, `/srv/mawjaz/out/…`; and
/// relative ones, `isRelativePath`: `docs/annex-2.pdf`, `../shared/x.txt`, `reports/2024/q3.csv`) of a paragraph, and its
/// words joined by a slash before a letter (`isSlashWord`: `and/or`, `و/أو`, `km/h`), codes joined by hyphens
/// (`isHyphenCode`: `550e8400-e29b-41d4`, `v3.0-rc1`), codes with a dot or a colon before a digit (`isDottedCode`:
/// `00:1A:2B:3C:4D:5E`, `build.5.zip`): a reader copies a token split across two lines as two pieces (`and/ or`), so
/// it is kept whole.
enum UnbrokenTokens {
    /// The UTF-8 byte ranges of `text`'s URLs, e-mail addresses, paths and words joined by a slash: a token runs to the
    /// next white space (or direction mark), less trailing sentence punctuation and a closing bracket or quote it does
    /// not open.
    static func ranges(in text: String) -> [Range<Int>] {
        guard mayHoldToken(text) else { return [] }
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = [], offset = 0
        offsets.reserveCapacity(scalars.count + 1)
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        var ranges: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            guard !ends(scalars[index]) else { index += 1; continue }
            var end = index
            while end < scalars.count, !ends(scalars[end]) { end += 1 }
            let word = String(String.UnicodeScalarView(scalars[index..<end]))
            if let token = token(in: word) {
                let start = offsets[index] + token.lowerBound, last = offsets[index] + token.upperBound
                ranges.append(start..<last)
            }
            index = end
        }
        return ranges
    }

    /// Whether `text` holds what every token `token(in:)` finds holds: an `@`, a `://` or a `www.` (in any case), a
    /// backslash, a slash that begins a word (after white space or an opening bracket or quote, or the text's start), or
    /// one after a Latin letter, a digit, a dot, a hyphen or an underscore (a relative path's, or a word joined by a
    /// slash), or after a character beyond ASCII (`و/أو`), or a hyphen before a Latin letter in a word holding a digit (a
    /// code, `isHyphenCode`), or a dot or a colon between a Latin letter and a digit (`isDottedCode`). Most paragraphs
    /// hold none, and are not cut into words. Read from the string's bytes in place, looking behind only at a `/`, a `.`
    /// or a `:`: through the UTF-8 view's iterator, carrying the last three bytes, it cost some 18
    /// instructions a byte, 0.28 M of a 3-page document.
    private static func mayHoldToken(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                // Every byte looked for is at most a backslash's (0x5C): lowercase letters and every byte of a character
                // beyond ASCII pass at one compare (the switch alone cost twice as much a byte once it held `:`).
                guard bytes[index] <= UInt8(ascii: "\\") else { continue }
                switch bytes[index] {
                case UInt8(ascii: "@"), UInt8(ascii: "\\"):
                    return true
                case UInt8(ascii: "/"):
                    if index == 0 { return true }
                    let before = bytes[index - 1]
                    if before <= 0x20 || before >= 0x80 || "([{\"'._-".utf8.contains(before) || isNameByte(before) { return true }
                    if index >= 2, before == UInt8(ascii: "/"), bytes[index - 2] == UInt8(ascii: ":") { return true }
                case UInt8(ascii: "-"):
                    // A code joined by hyphens (`isHyphenCode`): a hyphen between a letter or digit and a letter, in a
                    // word holding a digit (looked for from the word's start to its end only here).
                    guard index > 0, index + 1 < bytes.count, isNameByte(bytes[index - 1]),
                          (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index + 1] | 0x20) else { continue }
                    var start = index, end = index
                    while start > 0, bytes[start - 1] > 0x20 { start -= 1 }
                    while end < bytes.count, bytes[end] > 0x20 { end += 1 }
                    if bytes[start..<end].contains(where: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) { return true }
                case UInt8(ascii: "."), UInt8(ascii: ":"):
                    if index > 0, index + 1 < bytes.count, isLetterByte(bytes[index - 1]), isDigitByte(bytes[index + 1]) { return true }
                    if bytes[index] == UInt8(ascii: "."), index >= 3, bytes[index - 1] | 0x20 == UInt8(ascii: "w"),
                       bytes[index - 2] | 0x20 == UInt8(ascii: "w"), bytes[index - 3] | 0x20 == UInt8(ascii: "w") { return true }
                default:
                    continue
                }
            }
            return false
        }
    }

    /// The byte range of the URL, e-mail address or path in `word` (a run of characters without white space), if any.
    private static func token(in word: String) -> Range<Int>? {
        let lower = word.lowercased()
        var start: String.Index?
        for prefix in ["https://", "http://", "www."] {
            if let found = lower.range(of: prefix), start.map({ found.lowerBound < $0 }) ?? true { start = found.lowerBound }
        }
        var email = false
        if start == nil, let at = word.firstIndex(of: "@"), at > word.startIndex, word[word.index(after: at)...].contains(".") {
            start = word.startIndex
            while let first = word[start!...].unicodeScalars.first, openers.contains(first) { start = word.index(after: start!) }
            email = true
        }
        var path = false
        if start == nil {
            var first = word.startIndex
            while first < word.endIndex, let scalar = word.unicodeScalars[first...].first, openers.contains(scalar) {
                first = word.index(after: first)
            }
            if isPath(word.unicodeScalars[first...]) || word.unicodeScalars[first...].contains("/") {
                start = first
                path = true
            }
        }
        var code = false, dotted = false
        if start == nil {
            var first = word.startIndex
            while first < word.endIndex, let scalar = word.unicodeScalars[first...].first, openers.contains(scalar) {
                first = word.index(after: first)
            }
            start = first
            if word.unicodeScalars[first...].contains("-") { code = true } else { dotted = true }
        }
        guard let begin = start else { return nil }
        var token = word[begin...]
        while let last = token.unicodeScalars.last {
            if trailing.contains(last) {
                token = token.dropLast()
            } else if let opener = closers[last], !token.unicodeScalars.contains(opener) {
                token = token.dropLast()
            } else if last == "\"" || last == "'", token.unicodeScalars.filter({ $0 == last }).count % 2 == 1 {
                token = token.dropLast()
            } else {
                break
            }
        }
        if code || dotted {
            guard (code && isHyphenCode(token.unicodeScalars)) || isDottedCode(token.unicodeScalars) else { return nil }
        } else {
            let isSlashWord = path && isSlashWord(token.unicodeScalars)
            guard isSlashWord || token.count > (email ? 2 : 4), !email || token.contains("@"),
                  !path || isSlashWord || isPath(token.unicodeScalars) || isRelativePath(token.unicodeScalars)
            else { return nil }
        }
        let from = word.utf8.distance(from: word.startIndex, to: token.startIndex)
        return from..<(from + token.utf8.count)
    }

    /// Whether `scalars` begin a path: a drive letter, a colon and a backslash (`C:\`); two backslashes (`\\server`); or a
    /// slash, a name and another slash (`/srv/`: a date or a fraction begins with a digit, `و/٢٤` with a letter).
    private static func isPath(_ scalars: Substring.UnicodeScalarView) -> Bool {
        var iterator = scalars.makeIterator()
        guard let first = iterator.next(), let second = iterator.next() else { return false }
        if first == "\\" { return second == "\\" && iterator.next().map { $0 != "\\" && !ends($0) } == true }
        if first.isASCII, first.properties.isAlphabetic, second == ":" { return iterator.next() == "\\" }
        guard first == "/", second != "/", !ends(second) else { return false }
        while let next = iterator.next() {
            if next == "/" { return iterator.next().map { !ends($0) } ?? false }
        }
        return false
    }

    /// Whether `scalars` are a relative path: names of Latin letters, digits, `.`, `-`, `_` and `~` between slashes,
    /// at least two, the first holding a letter (a date, `12/05/2024`, or a fraction begins with a digit; `و/٢٤/٥٦٧` is
    /// not Latin), and either beginning with `./` or `../`, or ending in a name with an extension of one to five
    /// letters and digits, one a letter (`annex-2.pdf`), or of three names or more (`reports/2024/q3`): `and/or`,
    /// `km/h` and `TCP/IP` are not paths.
    static func isRelativePath(_ scalars: Substring.UnicodeScalarView) -> Bool {
        let names = Substring(scalars).split(separator: "/", omittingEmptySubsequences: false)
        guard names.count >= 2, names.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(isNameCharacter) }) else { return false }
        // `./x` and `../x`, whatever the names after.
        if names[0] == "." || names[0] == ".." { return names.dropFirst().contains { $0 != "." && $0 != ".." } }
        guard names[0].unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return false }
        if names.count >= 3 { return true }
        guard let dot = names[1].lastIndex(of: "."), dot > names[1].startIndex else { return false }
        let extensionName = names[1][names[1].index(after: dot)...].unicodeScalars
        return (1...5).contains(extensionName.count) && extensionName.contains { $0.properties.isAlphabetic }
            && extensionName.allSatisfy { $0.isASCII && isNameByte(UInt8($0.value)) }
    }

    /// Whether `scalars` are words joined by slashes, a slash before a letter: letters (with their marks), digits and
    /// slashes only, none first or last or beside another (`and/or`, `و/أو`, `km/h`, `TCP/IP`, `kg/m²`). UAX #14 lets a
    /// line break after a slash before a letter (not before a digit: dates and fractions stay whole anyway).
    static func isSlashWord(_ scalars: Substring.UnicodeScalarView) -> Bool {
        var previous: Unicode.Scalar?, slashBeforeLetter = false
        for scalar in scalars {
            if scalar == "/" {
                guard let before = previous, before != "/" else { return false }
            } else {
                let properties = scalar.properties
                guard properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
                else { return false }
                if previous == "/", properties.isAlphabetic { slashBeforeLetter = true }
            }
            previous = scalar
        }
        return slashBeforeLetter && previous != "/"
    }

    /// Whether `scalars` are a code of Latin letters and digits joined by hyphens, a hyphen before a letter: ASCII
    /// letters, digits, `.` and `_` between hyphens, none first or last or beside another, and a digit among them
    /// (`550e8400-e29b-41d4-a716-446655440000`, `v3.0-rc1`, `data-v2.xlsx`). UAX #14 lets a line break after a hyphen
    /// before a letter, and every reader copies a code so broken as two words (`550e8400-` and `e29b-…`); a compound of
    /// words alone (`state-of-the-art`) may still break there, and one whose hyphens stand before digits only
    /// (`COVID-19`, `978-3-16`) never breaks.
    static func isHyphenCode(_ scalars: Substring.UnicodeScalarView) -> Bool {
        var previous: Unicode.Scalar?, hyphenBeforeLetter = false, digit = false
        for scalar in scalars {
            guard scalar.isASCII else { return false }
            let byte = UInt8(scalar.value)
            if scalar == "-" {
                guard let before = previous, before != "-" else { return false }
            } else {
                guard isNameByte(byte) || scalar == "." || scalar == "_" else { return false }
                if previous == "-", (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) { hyphenBeforeLetter = true }
                digit = digit || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            }
            previous = scalar
        }
        return hyphenBeforeLetter && digit && previous != "-"
    }

    /// Whether `scalars` are a code of Latin letters and digits with a dot or a colon between a letter and a digit: ASCII
    /// letters, digits, `.`, `:`, `_`, `+` and `-`, a letter or a digit first and last (`00:1A:2B:3C:4D:5E`,
    /// `plan_v2.3.1-beta+build.5.zip`, `No.7`). UAX #14 as Pango applies it lets a line break after such a dot or colon
    /// (`4D:` then `5E`), and both readers copied a MAC address and a file name so broken as two words; after a digit
    /// (`9:30`, `3.5`) or before a letter (`e.g.`, `U.S.`) there is no break to keep.
    static func isDottedCode(_ scalars: Substring.UnicodeScalarView) -> Bool {
        guard let first = scalars.first, let last = scalars.last, first.isASCII, last.isASCII,
              isNameByte(UInt8(first.value)), isNameByte(UInt8(last.value)) else { return false }
        // The two bytes before each one: a letter, then a dot or a colon, before a digit.
        var beforePrevious: UInt8 = 0, previous: UInt8 = 0, dotBeforeDigit = false
        for scalar in scalars {
            guard scalar.isASCII else { return false }
            let byte = UInt8(scalar.value)
            guard isNameByte(byte) || ".:_+-".utf8.contains(byte) else { return false }
            if isDigitByte(byte), previous == UInt8(ascii: ".") || previous == UInt8(ascii: ":"), isLetterByte(beforePrevious) {
                dotBeforeDigit = true
            }
            (beforePrevious, previous) = (previous, byte)
        }
        return dotBeforeDigit
    }

    /// Whether `byte` is an ASCII letter.
    private static func isLetterByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// Whether `byte` is an ASCII digit.
    private static func isDigitByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Whether `scalar` may stand in a relative path's name: an ASCII letter or digit, `.`, `-`, `_` or `~`.
    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (isNameByte(UInt8(scalar.value)) || "._-~".unicodeScalars.contains(scalar))
    }

    /// Whether `byte` is an ASCII letter or digit.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static let trailing: Set<Unicode.Scalar> = [".", ",", ";", ":", "!", "?", "\u{060C}", "\u{061B}", "\u{061F}"]
    private static let closers: [Unicode.Scalar: Unicode.Scalar] = [")": "(", "]": "[", "}": "{", "»": "«", "”": "“", "’": "‘", ">": "<"]
    private static let openers: Set<Unicode.Scalar> = ["(", "[", "{", "«", "“", "‘", "<", "\"", "'"]

    /// White space and the direction marks end a token.
    private static func ends(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E, 0x200F, 0x061C, 0x2066...0x2069: true
        case 0x09...0x0D, 0x20: true
        case ..<0x80: false
        default: scalar.properties.isWhitespace
        }
    }
}
