// Splits CSV bytes into records and fields (RFC 4180), keeping the line and column where each field starts.
import MawjazLanguage

/// Where one field of a record lies in the bytes, and where it starts in the file.
struct CSVField: Sendable {
    /// The first byte of the field's text (after the opening quote when quoted).
    var start: Int
    /// One past the last byte of the text, surrounding blanks left out when unquoted.
    var end: Int
    /// The physical line (1-based) the field starts on.
    var line: Int
    /// The column (1-based, in Unicode scalars) of the field's first character, or its opening quote.
    var column: Int
    /// The field was written in quotes.
    var isQuoted = false
    /// The text holds doubled quotes or carriage returns, to rewrite before use.
    var needsUnescaping = false

    /// No text and no quotes: nothing was written in the field.
    var isBlank: Bool { start == end && !isQuoted }
}

/// Reads records from UTF-8 bytes, checking the encoding as it goes.
///
/// Hand-written rather than SwiftCSV or CSV.swift: those give neither line numbers nor per-field columns,
/// and this reads the bytes once, without building Characters.
struct CSVScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String
    private var index: Int
    /// The physical line (1-based) of the next byte.
    private var line = 1
    private var column = 1
    private var lastInvalidLine = 0
    /// The last record read ran into the end of the file inside a quoted field.
    private(set) var recordIsUnterminated = false
    /// What separates fields: a comma, unless the header shows semicolons or tabs (spreadsheets export those in
    /// some locales).
    private(set) var separator = UInt8(ascii: ",")

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), hash = UInt8(ascii: "#")
    private static let lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    /// Starts reading at the beginning of `bytes`, after a UTF-8 byte order mark if there is one.
    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        index = hasBOM ? 3 : 0
    }

    /// Nothing is left to read.
    var isAtEnd: Bool { index >= bytes.count }

    /// Takes as separator the most frequent of comma, semicolon and tab outside quotes on the next line (the
    /// header), a comma when none is there.
    mutating func detectSeparator() {
        var counts: [UInt8: Int] = [:]
        var position = index, quoted = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.quote { quoted.toggle() }
            if !quoted && (byte == Self.lineFeed || byte == Self.carriageReturn) { break }
            if !quoted && (byte == Self.comma || byte == Self.semicolon || byte == Self.tab) { counts[byte, default: 0] += 1 }
            position += 1
        }
        let best = [Self.comma, Self.semicolon, Self.tab].max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? Self.comma
        separator = (counts[best] ?? 0) > (counts[Self.comma] ?? 0) ? best : Self.comma
    }

    /// A space, or a tab when tabs do not separate fields.
    private func isBlank(_ byte: UInt8) -> Bool { byte == Self.space || (byte == Self.tab && separator != Self.tab) }

    /// Skips blank lines and lines whose first non-blank character is `#`.
    mutating func skipCommentsAndBlankLines() {
        while index < bytes.count {
            var next = index
            while next < bytes.count, bytes[next] == Self.space || bytes[next] == Self.tab { next += 1 }
            guard next < bytes.count else { index = next; return }
            switch bytes[next] {
            case Self.hash:
                index = next
                while index < bytes.count, bytes[index] != Self.lineFeed, bytes[index] != Self.carriageReturn { index += 1 }
                if index < bytes.count { consumeLineBreak() }
            case Self.lineFeed, Self.carriageReturn:
                index = next
                consumeLineBreak()
            default:
                return
            }
        }
    }

    /// Reads the next record into `fields`, reporting encoding and quoting problems to `log`;
    /// returns the line the record starts on, or nil at the end of the bytes.
    mutating func nextRecord(into fields: inout [CSVField], log: inout DiagnosticLog) -> Int? {
        fields.removeAll(keepingCapacity: true)
        recordIsUnterminated = false
        guard index < bytes.count else { return nil }
        let startLine = line
        while true {
            while index < bytes.count, isBlank(bytes[index]) {
                index += 1; column += 1
            }
            var field = CSVField(start: index, end: index, line: line, column: column)
            if index < bytes.count, bytes[index] == Self.quote {
                scanQuoted(&field, log: &log)
            } else {
                scanUnquoted(&field, log: &log)
            }
            fields.append(field)
            guard index < bytes.count else { return startLine }
            if bytes[index] == separator {
                index += 1; column += 1
            } else {
                consumeLineBreak()
                return startLine
            }
        }
    }

    /// The text of a field, with doubled quotes made single and line breaks inside quotes made `\n`,
    /// and when `trimmed` without blanks and line breaks at either end (even inside quotes);
    /// bytes that are not UTF-8 (already reported) become U+FFFD.
    func text(of field: CSVField, trimmed: Bool = false) -> String {
        withBytes(of: field, trimmed: trimmed) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 of a field's text, as `text(of:trimmed:)` would decode it.
    func withBytes<Value>(of field: CSVField, trimmed: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        var start = field.start, end = field.end
        if trimmed {
            while start < end, Self.isBlankOrLineBreak(bytes[start]) { start += 1 }
            while end > start, Self.isBlankOrLineBreak(bytes[end - 1]) { end -= 1 }
        }
        guard field.needsUnescaping else { return body(UnsafeBufferPointer(rebasing: bytes[start..<end])) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(end - start)
        var position = start
        while position < end {
            let byte = bytes[position]
            position += 1
            if byte == Self.quote {
                position += 1  // the second quote of a doubled pair
                unescaped.append(Self.quote)
            } else if byte == Self.carriageReturn {
                if position < end, bytes[position] == Self.lineFeed { position += 1 }
                unescaped.append(Self.lineFeed)
            } else {
                unescaped.append(byte)
            }
        }
        return unescaped.withUnsafeBufferPointer(body)
    }

    private static func isBlankOrLineBreak(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == lineFeed || byte == carriageReturn
    }

    /// Reads an unquoted field up to the next separator, line break or end, leaving out trailing blanks.
    private mutating func scanUnquoted(_ field: inout CSVField, log: inout DiagnosticLog) {
        var position = index, scalars = column, contentEnd = index
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            if byte < 0x80 {
                if byte == separator || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                if byte == 0 { reportNUL(column: scalars, log: &log) }
                position += 1; scalars += 1
                if !isBlank(byte) { contentEnd = position }
            } else if Self.startsTwoByteScalar(byte), position + 1 < count, bytes[position + 1] & 0xC0 == 0x80 {
                position += 2; scalars += 1; contentEnd = position
            } else {
                index = position; column = scalars
                advanceNonASCII(log: &log)
                position = index; scalars = column; contentEnd = position
            }
        }
        index = position; column = scalars
        field.end = contentEnd
    }

    /// Reads a quoted field from its opening quote to the closing one, then the blanks after it.
    private mutating func scanQuoted(_ field: inout CSVField, log: inout DiagnosticLog) {
        field.isQuoted = true
        let opening = SourceLocation(file: file, line: line, column: column)
        index += 1; column += 1
        field.start = index
        while true {
            var position = index, scalars = column
            let count = bytes.count
            while position < count {
                let byte = bytes[position]
                if byte < 0x80 {
                    if byte == Self.quote || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                    if byte == 0 { reportNUL(column: scalars, log: &log) }
                    position += 1; scalars += 1
                } else if Self.startsTwoByteScalar(byte), position + 1 < count, bytes[position + 1] & 0xC0 == 0x80 {
                    position += 2; scalars += 1
                } else {
                    break
                }
            }
            index = position; column = scalars
            guard index < count else {
                log.error(opening, .quoteNeverClosed)
                field.end = index
                recordIsUnterminated = true
                return
            }
            let byte = bytes[index]
            if byte == Self.quote {
                if index + 1 < count, bytes[index + 1] == Self.quote {
                    field.needsUnescaping = true
                    index += 2; column += 2
                    continue
                }
                field.end = index
                index += 1; column += 1
                break
            }
            if byte == Self.lineFeed {
                index += 1; line += 1; column = 1
            } else if byte == Self.carriageReturn {
                field.needsUnescaping = true
                consumeLineBreak()
            } else {
                advanceNonASCII(log: &log)
            }
        }
        while index < bytes.count, isBlank(bytes[index]) { index += 1; column += 1 }
        guard index < bytes.count else { return }
        let byte = bytes[index]
        guard byte != separator, byte != Self.lineFeed, byte != Self.carriageReturn else { return }
        log.error(SourceLocation(file: file, line: line, column: column),
                  .textAfterClosingQuote)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == separator || byte == Self.lineFeed || byte == Self.carriageReturn { break }
            if byte < 0x80 { index += 1; column += 1 } else { advanceNonASCII(log: &log) }
        }
    }

    /// Reports a NUL character in a field (once per line, as bytes that are not UTF-8 are): it would cut the text short.
    private mutating func reportNUL(column: Int, log: inout DiagnosticLog) {
        guard line != lastInvalidLine else { return }
        lastInvalidLine = line
        log.error(SourceLocation(file: file, line: line, column: column), .nulInField)
    }

    /// Steps over one line break: LF, CRLF or a lone CR.
    private mutating func consumeLineBreak() {
        if bytes[index] == Self.carriageReturn, index + 1 < bytes.count, bytes[index + 1] == Self.lineFeed { index += 1 }
        index += 1
        line += 1
        column = 1
    }

    /// Whether `byte` leads a two-byte UTF-8 sequence, as Arabic letters are; the scanning loops step over
    /// those themselves and leave the rest to `advanceNonASCII`.
    private static func startsTwoByteScalar(_ byte: UInt8) -> Bool { byte >= 0xC2 && byte <= 0xDF }

    /// Steps over one UTF-8 sequence of two to four bytes, or over one byte that starts none
    /// (reported once per line).
    private mutating func advanceNonASCII(log: inout DiagnosticLog) {
        let lead = bytes[index]
        let length: Int
        let second: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: length = 2; second = 0x80...0xBF
        case 0xE0: length = 3; second = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3; second = 0x80...0xBF
        case 0xED: length = 3; second = 0x80...0x9F
        case 0xF0: length = 4; second = 0x90...0xBF
        case 0xF1...0xF3: length = 4; second = 0x80...0xBF
        case 0xF4: length = 4; second = 0x80...0x8F
        default: length = 0; second = 0...0
        }
        if length > 0, index + length <= bytes.count, second.contains(bytes[index + 1]),
           (2..<length).allSatisfy({ 0x80...0xBF ~= bytes[index + $0] }) {
            index += length
        } else {
            if line != lastInvalidLine {
                lastInvalidLine = line
                let hex = String(lead, radix: 16, uppercase: true)
                log.error(SourceLocation(file: file, line: line, column: column),
                          .notUTF8Byte(hex: hex.count < 2 ? "0" + hex : hex))
            }
            index += 1
        }
        column += 1
    }
}
