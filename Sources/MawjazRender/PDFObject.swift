// PDF objects as values: read from a file's bytes and written back, enough to amend what cairo writes.

/// A PDF object: the value of an indirect object, a dictionary entry or an array element. Not `indirect`: arrays and
/// dictionaries keep their elements in buffers of their own, and an indirect enum allocates a box for every value.
enum PDFObject: Equatable, Sendable {
    case null
    case boolean(Bool)
    case integer(Int)
    /// A real number, kept as it was written.
    case real(String)
    /// A name, without its slash, as it was written (any `#xx` escapes kept).
    case name(String)
    /// A string's bytes; written as a literal string.
    case string([UInt8])
    /// A string's bytes; written in hexadecimal.
    case hexString([UInt8])
    case array([PDFObject])
    case dictionary(PDFDictionary)
    case reference(number: Int, generation: Int)

    /// A text string: ASCII as it is, anything else in UTF-16BE with a byte order mark.
    static func text(_ text: String) -> PDFObject {
        var text = text
        return text.withUTF8 { bytes in
            if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return .string(Array(bytes)) }
            // Decoded in place, two bytes of UTF-16 for each byte of UTF-8 at most: through the string's scalars, a
            // structure element's text cost some 3,000 instructions.
            return utf16Text(UTF8Scalars(bytes: bytes), capacity: 2 + 2 * bytes.count)
        }
    }

    /// The text string of `scalars`, as `text(_:)` writes it for their string: Swift appends an array of scalars to a
    /// string slowly (some 20,000 instructions for a line's).
    static func text(_ scalars: [Unicode.Scalar]) -> PDFObject {
        if scalars.allSatisfy({ (0x20..<0x7F).contains($0.value) }) { return .string(scalars.map { UInt8($0.value) }) }
        return utf16Text(scalars, capacity: 2 + 4 * scalars.count)
    }

    /// `scalars` in UTF-16BE after a byte order mark, written in hexadecimal; `capacity` is at least its bytes' count
    /// (two a scalar of the Basic Multilingual Plane, four another). Written into room made at once: appended byte by
    /// byte, a structure element's text cost some 4,000 instructions.
    private static func utf16Text(_ scalars: some Sequence<Unicode.Scalar>, capacity: Int) -> PDFObject {
        .hexString([UInt8](writing: max(capacity, 2)) { bytes, count in
            writeByteOrderMark(into: bytes, count: &count)
            for scalar in scalars { writeUTF16(scalar.value, into: bytes, count: &count) }
        })
    }

    /// Writes UTF-16BE's byte order mark at the start of `bytes`: `count` is 2 after.
    private static func writeByteOrderMark(into bytes: UnsafeMutableBufferPointer<UInt8>, count: inout Int) {
        bytes[0] = 0xFE
        bytes[1] = 0xFF
        count = 2
    }

    /// Writes `scalar` in UTF-16BE (a surrogate pair past the Basic Multilingual Plane) at `count` in `bytes`, which has
    /// room for it, and moves `count` past it.
    @inline(__always)
    private static func writeUTF16(_ scalar: UInt32, into bytes: UnsafeMutableBufferPointer<UInt8>, count: inout Int) {
        var unit = scalar
        if unit >= 0x10000 {
            let offset = unit - 0x10000, high = 0xD800 | offset >> 10
            bytes[count] = UInt8(high >> 8)
            bytes[count + 1] = UInt8(high & 0xFF)
            count += 2
            unit = 0xDC00 | offset & 0x3FF
        }
        bytes[count] = UInt8(unit >> 8)
        bytes[count + 1] = UInt8(unit & 0xFF)
        count += 2
    }

    /// A reference to object `number`, generation 0.
    static func reference(_ number: Int) -> PDFObject { .reference(number: number, generation: 0) }

    var dictionary: PDFDictionary? {
        if case .dictionary(let dictionary) = self { return dictionary }
        return nil
    }

    var array: [PDFObject]? {
        if case .array(let array) = self { return array }
        return nil
    }

    var name: String? {
        if case .name(let name) = self { return name }
        return nil
    }

    /// The object number this value refers to, if it is a reference.
    var referenced: Int? {
        if case .reference(let number, _) = self { return number }
        return nil
    }

    /// The value as a text string: UTF-16BE after a byte order mark, else PDFDocEncoding (read as Latin-1).
    var textString: String? {
        let bytes: [UInt8]
        switch self {
        case .string(let value), .hexString(let value): bytes = value
        default: return nil
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            let units = stride(from: 2, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
            return String(decoding: units, as: UTF16.self)
        }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// The object as PDF syntax.
    var serialized: String {
        var bytes: [UInt8] = []
        write(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the object as PDF syntax to `output`.
    func write(to output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .boolean(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer(let value): Self.appendDecimal(value, to: &output)
        case .real(let value): output.append(utf8: value)
        case .name(let value):
            output.append(UInt8(ascii: "/"))
            output.append(utf8: value)
        case .string(let bytes):
            output.append(UInt8(ascii: "("))
            for byte in bytes {
                switch byte {
                case 0x28, 0x29, 0x5C: output.append(UInt8(ascii: "\\")); output.append(byte)
                case 0x20..<0x7F: output.append(byte)
                default:
                    // Three octal digits.
                    output.append(UInt8(ascii: "\\"))
                    output.append(UInt8(ascii: "0") + (byte >> 6))
                    output.append(UInt8(ascii: "0") + ((byte >> 3) & 7))
                    output.append(UInt8(ascii: "0") + (byte & 7))
                }
            }
            output.append(UInt8(ascii: ")"))
        case .hexString(let bytes):
            // Two digits a byte, written into room made for all of them at once: appended one by one, the digits of
            // the structure elements' actual texts cost more than the rest of their writing.
            // Four digits, two bytes, at a time (`hexDigits`): a digit at a time, a structure element's took some 12
            // instructions each.
            let start = output.count
            output.append(contentsOf: repeatElement(UInt8(ascii: ">"), count: 2 * bytes.count + 2))
            output.withUnsafeMutableBufferPointer { written in
                written[start] = UInt8(ascii: "<")
                guard let base = written.baseAddress else { return }
                let digits = UnsafeMutableRawPointer(base + start + 1)
                bytes.withUnsafeBufferPointer { source in
                    var index = 0
                    while index + 1 < source.count {
                        let pair = UInt16(source[index]) << 8 | UInt16(source[index + 1])
                        digits.storeBytes(of: Self.hexDigits(pair, letters: Self.upperCase), toByteOffset: 2 * index, as: UInt32.self)
                        index += 2
                    }
                    if index < source.count {
                        let last = Self.hexDigits(UInt16(source[index]), letters: Self.upperCase)
                        digits.storeBytes(of: UInt16(truncatingIfNeeded: last >> 16), toByteOffset: 2 * index, as: UInt16.self)
                    }
                }
            }
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: " ")) }
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .dictionary(let dictionary): dictionary.write(to: &output)
        case .reference(let number, let generation):
            Self.appendDecimal(number, to: &output)
            output.append(UInt8(ascii: " "))
            Self.appendDecimal(generation, to: &output)
            output.append(utf8: " R")
        }
    }

    /// Appends `value` in decimal digits, without making a string of it (the structure elements' lists of kids are
    /// mostly numbers).
    static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var rest = value.magnitude, scale: UInt = 1
        while rest / scale >= 10 { scale *= 10 }
        while scale > 0 {
            output.append(UInt8(ascii: "0") + UInt8(rest / scale))
            rest %= scale
            scale /= 10
        }
    }

    /// The four hexadecimal digits of `unit`, the most significant first, as the bytes of a `UInt32` to store in memory
    /// (on a little-endian machine: `littleEndian` makes it so on any), letters upper case with `upperCase`, lower with
    /// `lowerCase`. Every digit made at once: each nibble spread into a byte of its own, `0` added to each, and the
    /// distance from `9` to the letters added to each byte whose nibble is 10 or more (whose sum with 6 carries into
    /// its fifth bit).
    @inline(__always)
    static func hexDigits(_ unit: UInt16, letters: UInt32) -> UInt32 {
        let value = UInt32(unit)
        let nibbles = value >> 12 | (value >> 8 & 0xF) << 8 | (value >> 4 & 0xF) << 16 | (value & 0xF) << 24
        let isLetter = (nibbles &+ 0x0606_0606) >> 4 & 0x0101_0101
        return (nibbles &+ 0x3030_3030 &+ isLetter &* letters).littleEndian
    }

    /// What `hexDigits` adds to a digit of 10 or more beyond `0`'s code and the digit: up to `A`, or up to `a`.
    static let upperCase: UInt32 = 7, lowerCase: UInt32 = 0x27
}

/// A PDF dictionary: its entries in the order they were read or set.
struct PDFDictionary: Equatable, Sendable {
    private(set) var entries: [(key: String, value: PDFObject)] = []

    init(_ entries: [(String, PDFObject)] = []) {
        for (key, value) in entries { self[key] = value }
    }

    subscript(key: String) -> PDFObject? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// Makes room for `count` entries, read from a file.
    fileprivate mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    /// Appends an entry read from a file, without looking for its key among those before it: a dictionary holds no key
    /// twice (PDF forbids it, and cairo writes none; one that did would keep both, the first found by the subscript).
    /// Comparing every key with those before it cost 0.5 M instructions of a 21-page document's PDF update.
    fileprivate mutating func append(read key: String, _ value: PDFObject) {
        entries.append((key, value))
    }

    var serialized: String {
        var bytes: [UInt8] = []
        write(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the dictionary as PDF syntax to `output`.
    func write(to output: inout [UInt8]) {
        write(to: &output) { _, _ in }
    }

    /// Appends the dictionary as PDF syntax to `output`, telling `entryWritten` where in `output` each entry's key
    /// (without its slash) and value lie.
    func write(to output: inout [UInt8], entryWritten: (_ key: Range<Int>, _ value: Range<Int>) -> Void) {
        output.append(utf8: "<< ")
        for (index, entry) in entries.enumerated() {
            if index > 0 { output.append(UInt8(ascii: " ")) }
            output.append(UInt8(ascii: "/"))
            let key = output.count
            output.append(utf8: entry.key)
            output.append(UInt8(ascii: " "))
            let value = output.count
            entry.value.write(to: &output)
            entryWritten(key..<(value - 1), value..<output.count)
        }
        output.append(utf8: " >>")
    }

    static func == (lhs: PDFDictionary, rhs: PDFDictionary) -> Bool {
        lhs.entries.count == rhs.entries.count && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// Reads PDF objects from bytes, read in place, from a position on: every read is checked against the bytes' end.
struct PDFParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// Reads the indirect object that starts here: `N G obj`, its value, and whether a stream follows.
    mutating func indirectObject() throws(RenderError) -> (number: Int, value: PDFObject, hasStream: Bool) {
        guard case .integer(let number) = try object(), case .integer = try object(), keyword() == "obj" else {
            throw .amendment("no object at byte \(position)")
        }
        let value = try object()
        let hasStream = keyword() == "stream"
        return (number, value, hasStream)
    }

    /// Reads one object.
    mutating func object() throws(RenderError) -> PDFObject {
        skipSpace()
        guard position < bytes.count else { throw .amendment("the file ends inside an object") }
        switch bytes[position] {
        case UInt8(ascii: "/"):
            position += 1
            let start = position
            while position < bytes.count, !Self.endsToken(bytes[position]) { position += 1 }
            return .name(String(decoding: bytes[start..<position], as: UTF8.self))
        case UInt8(ascii: "("):
            return .string(try literalString())
        case UInt8(ascii: "<"):
            if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "<") {
                position += 2
                var dictionary = PDFDictionary()
                // Room for the entries of most dictionaries read (a structure element has six): grown from none, its
                // array was allocated three or four times.
                dictionary.reserveCapacity(8)
                while true {
                    skipSpace()
                    if position + 1 < bytes.count, bytes[position] == UInt8(ascii: ">"), bytes[position + 1] == UInt8(ascii: ">") {
                        position += 2
                        return .dictionary(dictionary)
                    }
                    guard case .name(let key) = try object() else { throw .amendment("a dictionary key is not a name at byte \(position)") }
                    dictionary.append(read: key, try object())
                }
            }
            return .hexString(try hexString())
        case UInt8(ascii: "["):
            position += 1
            var values: [PDFObject] = []
            while true {
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .array(values)
                }
                values.append(try object())
            }
        default:
            return try numberOrKeyword()
        }
    }

    private mutating func numberOrKeyword() throws(RenderError) -> PDFObject {
        if let number = integer() {
            // `N G R` is a reference.
            let afterNumber = position
            if let generation = integer(), isKeyword(UInt8(ascii: "R")) { return .reference(number: number, generation: generation) }
            position = afterNumber
            return .integer(number)
        }
        let start = position
        let word = keyword()
        switch word {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "null": return .null
        default: break
        }
        if !word.isEmpty, word.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }) { return .real(word) }
        throw .amendment("unexpected \"\(word.prefix(20))\" at byte \(start)")
    }

    /// Reads an integer (a token of an optional sign and decimal digits) after any white space; else reads nothing.
    mutating func integer() -> Int? {
        skipSpace()
        var index = position
        let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        if index < bytes.count, negative || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let digits = index
        var value = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowing) = times.addingReportingOverflow(Int(bytes[index] - UInt8(ascii: "0")))
            guard !overflow, !overflowing else { return nil }
            value = sum
            index += 1
        }
        guard index > digits, index == bytes.count || Self.endsToken(bytes[index]) else { return nil }
        position = index
        return negative ? -value : value
    }

    /// Reads the one-character keyword `letter` after any white space, if it is there.
    private mutating func isKeyword(_ letter: UInt8) -> Bool {
        skipSpace()
        guard position < bytes.count, bytes[position] == letter,
              position + 1 == bytes.count || Self.endsToken(bytes[position + 1]) else { return false }
        position += 1
        return true
    }

    /// Reads a run of regular characters (a keyword or number) after any white space.
    mutating func keyword() -> String {
        skipSpace()
        let start = position
        while position < bytes.count, !Self.endsToken(bytes[position]) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Reads the literal string that starts here, its escapes resolved.
    mutating func literalString() throws(RenderError) -> [UInt8] {
        position += 1
        var result: [UInt8] = []
        var depth = 1
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "("):
                depth += 1
                result.append(byte)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return result }
                result.append(byte)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { break }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "b"): result.append(0x08)
                case UInt8(ascii: "f"): result.append(0x0C)
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var value = Int(escaped - UInt8(ascii: "0"))
                    for _ in 0..<2 where position < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[position]) {
                        value = value * 8 + Int(bytes[position] - UInt8(ascii: "0"))
                        position += 1
                    }
                    result.append(UInt8(truncatingIfNeeded: value))
                case 0x0D:
                    if position < bytes.count, bytes[position] == 0x0A { position += 1 }
                case 0x0A: break
                default: result.append(escaped)
                }
            default:
                result.append(byte)
            }
        }
        throw .amendment("a string is not closed")
    }

    /// Reads the hexadecimal string that starts here.
    mutating func hexString() throws(RenderError) -> [UInt8] {
        position += 1
        var digits: [UInt8] = []
        while position < bytes.count, bytes[position] != UInt8(ascii: ">") {
            let byte = bytes[position]
            position += 1
            if Self.isSpace(byte) { continue }
            guard let digit = Self.hexValue(byte) else { throw .amendment("a hexadecimal string holds \"\(UnicodeScalar(byte))\"") }
            digits.append(digit)
        }
        guard position < bytes.count else { throw .amendment("a hexadecimal string is not closed") }
        position += 1
        if digits.count % 2 == 1 { digits.append(0) }
        return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }

    mutating func skipSpace() {
        while position < bytes.count {
            if Self.isSpace(bytes[position]) {
                position += 1
            } else if bytes[position] == UInt8(ascii: "%") {
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// Whether `byte` is white space to PDF: NUL, tab, line feed, form feed, carriage return, space. A bit of a mask, as
    /// `isDelimiter` and `endsToken` are: compared one by one, the parser's tests of each byte cost it a third of its
    /// instructions.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte <= 0x20 && (1 as UInt64) &<< UInt64(byte) & spaces != 0
    }

    /// Whether `byte` is a delimiter: `( ) < > [ ] { } / %`.
    @inline(__always)
    static func isDelimiter(_ byte: UInt8) -> Bool {
        byte < 64 ? (1 as UInt64) &<< UInt64(byte) & lowDelimiters != 0
            : byte < 128 && (1 as UInt64) &<< UInt64(byte &- 64) & highDelimiters != 0
    }

    /// Whether `byte` ends a name, number or keyword: white space or a delimiter.
    @inline(__always)
    static func endsToken(_ byte: UInt8) -> Bool {
        byte < 64 ? (1 as UInt64) &<< UInt64(byte) & (spaces | lowDelimiters) != 0
            : byte < 128 && (1 as UInt64) &<< UInt64(byte &- 64) & highDelimiters != 0
    }

    /// The white space bytes, and the delimiters below 64 and from 64 to 127, as bits.
    private static let spaces: UInt64 = 1 << 0x00 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D | 1 << 0x20
    private static let lowDelimiters: UInt64 = 1 << 0x28 | 1 << 0x29 | 1 << 0x3C | 1 << 0x3E | 1 << 0x2F | 1 << 0x25
    private static let highDelimiters: UInt64 = 1 << (0x5B - 64) | 1 << (0x5D - 64) | 1 << (0x7B - 64) | 1 << (0x7D - 64)

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// Where `PDFParser.copyObject` puts the object it reads: written again as `PDFObject.write` writes what `object()`
/// reads (`[UInt8]`), or nowhere (`ObjectReadPast`); the one walk of the grammar serves both, specialised for each.
protocol ObjectCopy {
    /// Whether the bytes are kept: a name beyond ASCII is read past, but not copied.
    static var keepsBytes: Bool { get }
    mutating func append(_ byte: UInt8)
    mutating func append(utf8 text: String)
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>)
    mutating func appendDecimal(_ value: Int)
}

extension [UInt8]: ObjectCopy {
    static var keepsBytes: Bool { true }
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
    mutating func appendDecimal(_ value: Int) { PDFObject.appendDecimal(value, to: &self) }
}

/// `PDFParser.copyObject`'s output when the object is only read past.
struct ObjectReadPast: ObjectCopy {
    static var keepsBytes: Bool { false }
    func append(_ byte: UInt8) {}
    func append(utf8 text: String) {}
    func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) {}
    func appendDecimal(_ value: Int) {}
}

extension PDFParser {
    /// Reads the object that starts here, as `object()` reads it, and appends it to `output` as `PDFObject.write` writes
    /// what `object()` reads: no name, array or dictionary is made of it (`PDFAmendment.addTexts` copies the structure
    /// elements it writes again with their texts so; `skipObject` reads past the values it does not need so).
    /// False, `position` and `output` then anywhere, at what it does not copy so: a string, a name or keyword beyond
    /// ASCII when the bytes are kept, anything `object()` would not read; `object()` is to read the object from where
    /// it started instead.
    mutating func copyObject<Output: ObjectCopy>(to output: inout Output) -> Bool {
        skipSpace()
        guard position < bytes.count else { return false }
        switch bytes[position] {
        case UInt8(ascii: "/"):
            return copyName(to: &output)
        case UInt8(ascii: "<"):
            guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "<") else { return false }
            position += 2
            output.append(utf8: "<< ")
            var first = true
            while true {
                skipSpace()
                if position + 1 < bytes.count, bytes[position] == UInt8(ascii: ">"), bytes[position + 1] == UInt8(ascii: ">") {
                    position += 2
                    output.append(utf8: " >>")
                    return true
                }
                guard position < bytes.count, bytes[position] == UInt8(ascii: "/") else { return false }
                if !first { output.append(UInt8(ascii: " ")) }
                first = false
                guard copyName(to: &output) else { return false }
                output.append(UInt8(ascii: " "))
                guard copyObject(to: &output) else { return false }
            }
        case UInt8(ascii: "["):
            var kids: [Int]? = nil
            return copyArray(to: &output, kids: &kids)
        case UInt8(ascii: "("):
            return false
        default:
            let start = position
            if let number = integer() {
                // `N G R` is a reference.
                let afterNumber = position
                append(number, readFrom: start..<afterNumber, to: &output)
                if let generation = integer(), isKeyword(UInt8(ascii: "R")) {
                    output.append(UInt8(ascii: " "))
                    output.appendDecimal(generation)
                    output.append(UInt8(ascii: " "))
                    output.append(UInt8(ascii: "R"))
                } else {
                    position = afterNumber
                }
                return true
            }
            // `true`, `false` and `null`, and a real number, are written as they were read.
            while position < bytes.count, !Self.endsToken(bytes[position]) { position += 1 }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<position])
            guard Self.isPlainWord(word) else { return false }
            output.appendBytes(word)
            return true
        }
    }

    /// Reads past the object that starts here, as `object()` reads it, with nothing made of it. False, `position` then
    /// anywhere, at what it does not read past so: a string, anything `object()` would not read.
    mutating func skipObject() -> Bool {
        var nowhere = ObjectReadPast()
        return copyObject(to: &nowhere)
    }

    /// Whether `word`, a run of regular characters that is not an integer, is one `object()` reads: a real number,
    /// `true`, `false` or `null`.
    private static func isPlainWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty else { return false }
        return word.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".")
            || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
            || word.elementsEqual("true".utf8) || word.elementsEqual("false".utf8) || word.elementsEqual("null".utf8)
    }

    /// Copies the name that starts here (at its slash), as `object()` reads it and `PDFObject.write` writes it; false,
    /// when the bytes are kept, for a name beyond ASCII (read as UTF-8, with any malformed byte replaced).
    private mutating func copyName<Output: ObjectCopy>(to output: inout Output) -> Bool {
        output.append(UInt8(ascii: "/"))
        position += 1
        // Byte by byte: a name is a few bytes, which an append of the run cost more than.
        while position < bytes.count {
            let byte = bytes[position]
            if Self.endsToken(byte) { break }
            guard byte < 0x80 || !Output.keepsBytes else { return false }
            output.append(byte)
            position += 1
        }
        return true
    }

    /// Appends `number`, read from the bytes `digits`, as `PDFObject.write` writes it: the bytes themselves when they
    /// are its digits written so (no sign, no zero before them), else the number written again.
    private func append<Output: ObjectCopy>(_ number: Int, readFrom digits: Range<Int>, to output: inout Output) {
        guard Output.keepsBytes else { return }
        if number > 0, bytes[digits.lowerBound] != UInt8(ascii: "0"), bytes[digits.lowerBound] != UInt8(ascii: "+") {
            for index in digits { output.append(bytes[index]) }
        } else {
            output.appendDecimal(number)
        }
    }

    /// The object number of the reference `N G R` that starts here, read past; nil, nothing read, for anything else.
    mutating func reference() -> Int? {
        let start = position
        if let number = integer(), integer() != nil, isKeyword(UInt8(ascii: "R")) { return number }
        position = start
        return nil
    }
}

extension PDFParser {
    /// Copies a structure element's /K as `copyObject` does, and gives the objects it refers to: the references of an
    /// array, or the reference it is; nil where `copyObject` copies nothing.
    mutating func copyKids(to output: inout [UInt8]) -> [Int]? {
        skipSpace()
        guard position < bytes.count else { return nil }
        guard bytes[position] == UInt8(ascii: "[") else {
            let start = position
            let kid = reference()
            position = start
            guard copyObject(to: &output) else { return nil }
            return kid.map { [$0] } ?? []
        }
        var kids: [Int]? = []
        guard copyArray(to: &output, kids: &kids) else { return nil }
        return kids
    }

    /// Copies the array that starts here (at its bracket) as `copyObject` copies it; the object numbers of the
    /// references among its elements are added to `kids` unless it is nil.
    private mutating func copyArray<Output: ObjectCopy>(to output: inout Output, kids: inout [Int]?) -> Bool {
        position += 1
        output.append(UInt8(ascii: "["))
        var first = true
        while true {
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                output.append(UInt8(ascii: "]"))
                return true
            }
            if !first { output.append(UInt8(ascii: " ")) }
            first = false
            if kids != nil {
                let start = position
                if let kid = reference() {
                    kids?.append(kid)
                    position = start
                }
            }
            guard copyObject(to: &output) else { return false }
        }
    }

    /// Whether the run of regular characters after any white space, which `keyword()` reads, is `word`; read past
    /// either way, with no string made of it.
    mutating func isWord(_ word: String) -> Bool {
        skipSpace()
        let start = position
        while position < bytes.count, !Self.endsToken(bytes[position]) { position += 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<position]).elementsEqual(word.utf8)
    }
}

extension PDFParser {
    /// Reads indirect object `number`, which starts here, as `indirectObject()` reads it when it is a dictionary, with
    /// objects made only of the values of the entries `keys` (the first of each, as `PDFDictionary`'s subscript finds
    /// it): the others are read past (`skipObject`), no array of a font's widths made. Nil, `position` then anywhere,
    /// for another object, or one with a key beyond ASCII or a value skipped that `skipObject` does not read past:
    /// `indirectObject()` is to read it instead.
    mutating func entries(_ keys: [[UInt8]], of number: Int) -> (values: [PDFObject?], hasStream: Bool)? {
        guard integer() == number, integer() != nil, isWord("obj") else { return nil }
        skipSpace()
        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "<"), bytes[position + 1] == UInt8(ascii: "<") else {
            return nil
        }
        position += 2
        var values = [PDFObject?](repeating: nil, count: keys.count)
        while true {
            skipSpace()
            guard position < bytes.count else { return nil }
            if bytes[position] == UInt8(ascii: ">") {
                guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") else { return nil }
                position += 2
                return (values, isWord("stream"))
            }
            guard bytes[position] == UInt8(ascii: "/") else { return nil }
            position += 1
            let start = position
            while position < bytes.count, !Self.endsToken(bytes[position]) {
                // A key beyond ASCII is a string the subscript compares by canonical equivalence.
                guard bytes[position] < 0x80 else { return nil }
                position += 1
            }
            let key = UnsafeBufferPointer(rebasing: bytes[start..<position])
            if let index = keys.firstIndex(where: { key.elementsEqual($0) }), values[index] == nil {
                guard let value = try? object() else { return nil }
                values[index] = value
            } else {
                guard skipObject() else { return nil }
            }
        }
    }
}

extension [UInt8] {
    /// Appends `text`'s UTF-8 bytes from their storage in one copy: appended as a sequence of bytes, a name or a key of a
    /// few bytes cost some 140 instructions.
    @inline(__always)
    mutating func append(utf8 text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil { append(contentsOf: text.utf8) }
    }
}
