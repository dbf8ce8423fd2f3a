// The small inline markup of report text: **bold**, *italic*, __underline__, [text](address), and \ escapes.
// It never reaches Pango's markup parser: it becomes styled pieces, so user text can inject nothing.
import MawjazFrame

/// Parses inline markup into styled pieces.
package enum InlineMarkup {
    /// The pieces of `text`. Markers that are not closed are kept as literal text.
    package static func parse(_ text: String) -> RichText {
        // Most text has no marker at all: a byte scan spares it the parse.
        guard text.containsUTF8(where: { $0 == 0x2A || $0 == 0x5F || $0 == 0x5B || $0 == 0x5C }) else {
            return text.isEmpty ? [] : [Inline(text)]
        }
        var pieces: RichText = []
        parse(Array(text), bold: false, italic: false, underline: false, into: &pieces)
        return merged(pieces)
    }

    private static func parse(_ characters: [Character], bold: Bool, italic: Bool, underline: Bool, into pieces: inout RichText) {
        var literal = ""
        var index = 0
        func flush() {
            if !literal.isEmpty { pieces.append(Inline(literal, bold: bold, italic: italic, underline: underline)) }
            literal = ""
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, "*_[]()\\{}".contains(characters[index + 1]) {
                literal.append(characters[index + 1])
                index += 2
                continue
            }
            if let (marker, style) = delimiter(at: index, in: characters),
               let close = find(marker, in: characters, from: index + marker.count), close > index + marker.count {
                flush()
                let inner = Array(characters[(index + marker.count)..<close])
                parse(inner, bold: bold || style == .bold, italic: italic || style == .italic,
                      underline: underline || style == .underline, into: &pieces)
                index = close + marker.count
                continue
            }
            if character == "[", let (label, address, end) = link(at: index, in: characters) {
                flush()
                pieces.append(Inline(label, bold: bold, italic: italic, underline: underline, link: address))
                index = end
                continue
            }
            literal.append(character)
            index += 1
        }
        flush()
    }

    private enum Emphasis { case bold, italic, underline }

    private static func delimiter(at index: Int, in characters: [Character]) -> ([Character], Emphasis)? {
        let rest = characters[index...]
        if rest.starts(with: ["*", "*"]) { return (["*", "*"], .bold) }
        if rest.starts(with: ["_", "_"]) { return (["_", "_"], .underline) }
        if characters[index] == "*" { return (["*"], .italic) }
        return nil
    }

    /// The index of the closing marker, skipping escaped characters; a single `*` does not match inside `**`.
    private static func find(_ marker: [Character], in characters: [Character], from start: Int) -> Int? {
        var index = start
        while index + marker.count <= characters.count {
            if characters[index] == "\\" { index += 2; continue }
            if Array(characters[index..<(index + marker.count)]) == marker {
                if marker == ["*"], index + 1 < characters.count, characters[index + 1] == "*" { index += 2; continue }
                return index
            }
            index += 1
        }
        return nil
    }

    /// `[label](address)` starting at `index`: the label, the address and the index after it.
    private static func link(at index: Int, in characters: [Character]) -> (String, String, Int)? {
        guard let closeLabel = characters[index...].firstIndex(of: "]"), closeLabel + 1 < characters.count,
              characters[closeLabel + 1] == "(", let closeAddress = characters[(closeLabel + 2)...].firstIndex(of: ")") else { return nil }
        let label = String(characters[(index + 1)..<closeLabel])
        let address = String(characters[(closeLabel + 2)..<closeAddress])
        guard !label.isEmpty, !address.isEmpty, !address.contains(" ") else { return nil }
        return (label, address, closeAddress + 1)
    }

    /// Joins neighbouring pieces of the same style.
    static func merged(_ pieces: RichText) -> RichText {
        var result: RichText = []
        for piece in pieces {
            if var last = result.last, last.bold == piece.bold, last.italic == piece.italic, last.underline == piece.underline,
               last.link == piece.link {
                last.text += piece.text
                result[result.count - 1] = last
            } else {
                result.append(piece)
            }
        }
        return result
    }
}
