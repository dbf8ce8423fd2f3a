// The vowelled-word spans cairo wrote, given poppler's text of their own in the pages' content streams (see
// `ReaderSpan`).

extension PDFAmendment {
    /// `stream` with cairo's span of each of `spans` (in the order drawn) wrapped in a `/Span` holding poppler's text and
    /// retagged, so that PDFium keeps reading cairo's text: `/Span << /ActualText (poppler's) >> BDC /Word << /ActualText
    /// (cairo's) >> BDC … EMC EMC`. cairo writes a span as `/Span << /ActualText <feff…> >> BDC` on a line of its own;
    /// each is matched by its text against the next span not yet found, and one that does not match is left as it is.
    /// Nil when no span was found.
    static func nestingReaderSpans(_ spans: [ReaderSpan], in stream: [UInt8]) -> [UInt8]? {
        guard !spans.isEmpty else { return nil }
        let opening = Array("/Span << /ActualText <".utf8), closing = Array("> >> BDC".utf8)
        var output: [UInt8] = [], copied = 0, next = 0, position = 0, found = false
        output.reserveCapacity(stream.count + spans.count * 96)
        while next < spans.count, let start = firstIndex(of: opening, in: stream, from: position) {
            position = start + opening.count
            guard let digitsEnd = stream[position...].firstIndex(of: UInt8(ascii: ">")),
                  stream[digitsEnd...].starts(with: closing),
                  let text = PDFObject.hexString(hexBytes(stream[position..<digitsEnd])).textString,
                  text.unicodeScalars.elementsEqual(spans[next].pdfiumText.unicodeScalars),
                  let end = matchingEnd(in: stream, from: digitsEnd + closing.count) else { continue }
            var begin = Array("/Span ".utf8)
            PDFDictionary([("ActualText", .text(spans[next].popplerText))]).write(to: &begin)
            begin += Array(" BDC\n/\(ReaderSpan.innerTag) ".utf8)
            PDFDictionary([("ActualText", .text(text))]).write(to: &begin)
            begin += Array(" BDC".utf8)
            output += stream[copied..<start]
            output += begin
            output += stream[(digitsEnd + closing.count)..<end]
            output += Array("EMC\nEMC".utf8)
            copied = end + 3
            position = copied
            next += 1
            found = true
        }
        guard found else { return nil }
        output += stream[copied...]
        return output
    }

    /// Where `pattern` first stands in `bytes` from `start`.
    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    /// The bytes the hexadecimal digits `digits` stand for (white space skipped, an odd last digit followed by 0).
    private static func hexBytes(_ digits: ArraySlice<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = [], pending: UInt8?
        for byte in digits {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = byte - UInt8(ascii: "A") + 10
            default: continue
            }
            if let high = pending {
                bytes.append(high << 4 | value)
                pending = nil
            } else {
                pending = value
            }
        }
        if let high = pending { bytes.append(high << 4) }
        return bytes
    }

    /// Where the `EMC` closing a marked-content sequence begun just before `start` stands: the first one outside
    /// strings not matched by a `BDC` or `BMC` after `start`.
    private static func matchingEnd(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start, depth = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "("):
                // A literal string: balanced parentheses, backslash escapes.
                var nesting = 0
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
                    if bytes[index] == UInt8(ascii: "(") { nesting += 1 }
                    if bytes[index] == UInt8(ascii: ")") { nesting -= 1; if nesting == 0 { break } }
                    index += 1
                }
                index += 1
            case UInt8(ascii: "<") where index + 1 < bytes.count && bytes[index + 1] != UInt8(ascii: "<"):
                // A hexadecimal string.
                while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                index += 1
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "/"):
                // Dictionaries' and arrays' brackets hold no operator; a name is skipped whole.
                index += 1
                if byte == UInt8(ascii: "/") {
                    while index < bytes.count, !PDFParser.endsToken(bytes[index]) { index += 1 }
                }
            default:
                guard !PDFParser.isSpace(byte) else { index += 1; continue }
                var end = index
                while end < bytes.count, !PDFParser.endsToken(bytes[end]) { end += 1 }
                let word = bytes[index..<max(end, index + 1)]
                if word.elementsEqual("BDC".utf8) || word.elementsEqual("BMC".utf8) {
                    depth += 1
                } else if word.elementsEqual("EMC".utf8) {
                    if depth == 0 { return index }
                    depth -= 1
                }
                index = max(end, index + 1)
            }
        }
        return nil
    }
}
