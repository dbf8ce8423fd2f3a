// The XML of a workbook's parts, read by a reader of Mawjaz's own: elements, attributes, text, the five predefined
// entities and character references, CDATA; comments and processing instructions skipped; a DOCTYPE refused (so no
// entity is ever expanded); depth, names and attributes bounded; UTF-8 checked. It takes only what Office Open XML
// parts hold, and spares every `mawjaz render` the system's libxml2 (with ICU and liblzma) that FoundationXML loads.
import Foundation
import MawjazLanguage

/// What a part's reader is told as its XML is read, in document order. Names are local names (any `prefix:` left
/// out, as a namespace-aware parser gives them).
protocol WorkbookXMLHandler {
    /// Whether text read now is wanted: text not wanted is checked but not decoded.
    var wantsText: Bool { get }
    /// An element starts (an empty element `<x/>` starts and ends).
    mutating func start(_ name: String, attributes: WorkbookXML.Attributes) throws(WorkbookXML.Failure)
    /// An element ends.
    mutating func end(_ name: String) throws(WorkbookXML.Failure)
    /// A piece of an element's text (character data, entities and CDATA decoded), asked only when `wantsText`.
    mutating func text(_ text: String) throws(WorkbookXML.Failure)
}

/// Reads one XML part of a workbook, its events told to a `WorkbookXMLHandler`.
enum WorkbookXML {
    /// Why the reading of a part ended before its end.
    enum Failure: Error {
        /// The part is not well-formed XML, or not what the part's reader takes: said in a few words.
        case invalid(String)
        /// The stop signal was raised.
        case cancelled
    }

    /// An element's attributes, by local name (`r:id` is `id`); namespace declarations are not among them.
    struct Attributes {
        fileprivate(set) var pairs: [(name: String, value: String)] = []

        /// The value of the attribute with local name `name`, or nil.
        subscript(name: String) -> String? {
            pairs.first { $0.name == name }?.value
        }
    }

    /// The deepest nesting of elements read: a sheet's cells are six deep, an extension list a few more.
    static let depthLimit = 256
    /// The longest element or attribute name, in bytes.
    static let nameLimit = 256
    /// The longest attribute value, in bytes (a number format, a sheet's name or a reference are far shorter).
    static let attributeLimit = 64 << 10
    /// The most attributes on one element (namespace declarations counted).
    static let attributeCountLimit = 256

    /// Reads `bytes`, the XML of part `part` (named in errors), into `handler`; a failure is a `Workbook.Problem`
    /// naming the part and the line and column (in characters) where it was found.
    static func read<Handler: WorkbookXMLHandler>(_ bytes: Data, part: String, into handler: inout Handler) throws(Workbook.Problem) {
        let outcome = bytes.withUnsafeBytes { raw -> (failure: Failure, offset: Int)? in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            do throws(Failure) {
                try scanner.run(&handler)
                return nil
            } catch {
                return (error, scanner.position)
            }
        }
        guard let (failure, offset) = outcome else { return }
        switch failure {
        case .cancelled:
            throw Workbook.Problem(message: .renderCancelled)
        case .invalid(let reason):
            let (line, column) = place(ofByte: offset, in: bytes)
            throw Workbook.Problem(message: .workbookPartNotXML(part: Message.pathExcerpt(part),
                                                                detail: Message.pathExcerpt("line \(line), column \(column): \(reason)")))
        }
    }
}

extension WorkbookXML {
    /// The reading itself, over the part's bytes; `position` is where a failure was found.
    fileprivate struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        /// The open elements' qualified names, as ranges of `bytes`.
        private var open: [Range<Int>] = []
        /// Bytes of text or of an attribute value being decoded.
        private var scratch: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func run<Handler: WorkbookXMLHandler>(_ handler: inout Handler) throws(Failure) {
            try checkEncoding()
            position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var rootRead = false
            while position < bytes.count {
                guard bytes[position] == UInt8(ascii: "<") else {
                    try readText(&handler, inElement: !open.isEmpty)
                    continue
                }
                if matches("<?") {
                    try skip(past: "?>", what: "processing instruction")
                } else if matches("<!--") {
                    try skip(past: "-->", what: "comment")
                } else if matches("<![CDATA[") {
                    guard !open.isEmpty else { throw .invalid("CDATA outside the root element") }
                    try readCDATA(&handler)
                } else if matches("<!DOCTYPE") {
                    throw .invalid("a DOCTYPE is not read (no entity of a document's own is expanded)")
                } else if matches("<!") {
                    throw .invalid("markup \"<!\" that is neither a comment nor CDATA")
                } else if matches("</") {
                    try readEndTag(&handler)
                } else {
                    if open.isEmpty && rootRead { throw .invalid("a second root element") }
                    rootRead = true
                    try readStartTag(&handler)
                }
            }
            if let last = open.last {
                position = last.lowerBound - 1
                throw .invalid("element <\(name(last))> is not closed")
            }
            guard rootRead else { throw .invalid("no element") }
        }

        // MARK: Characters

        /// Refuses bytes that are not UTF-8, and control characters XML does not allow; `position` at the first one.
        private mutating func checkEncoding() throws(Failure) {
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte >= 0x20 && byte < 0x80 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                    index += 1
                    continue
                }
                position = index
                guard byte >= 0x80 else { throw .invalid("control character \(byte) is not allowed in XML") }
                let length: Int, lowest: UInt32
                switch byte {
                case 0xC2...0xDF: length = 2; lowest = 0x80
                case 0xE0...0xEF: length = 3; lowest = 0x800
                case 0xF0...0xF4: length = 4; lowest = 0x10000
                default: throw .invalid("bytes that are not UTF-8")
                }
                guard index + length <= count else { throw .invalid("bytes that are not UTF-8") }
                var scalar = UInt32(byte) & (0xFF >> (length + 1))
                for next in bytes[(index + 1)..<(index + length)] {
                    guard next & 0xC0 == 0x80 else { throw .invalid("bytes that are not UTF-8") }
                    scalar = scalar << 6 | UInt32(next & 0x3F)
                }
                guard scalar >= lowest, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                    throw .invalid("bytes that are not UTF-8")
                }
                guard scalar != 0xFFFE && scalar != 0xFFFF else { throw .invalid("character U+\(String(scalar, radix: 16, uppercase: true)) is not allowed in XML") }
                index += length
            }
        }

        private func matches(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            let start = literal.utf8Start
            for offset in 0..<count where bytes[position + offset] != start[offset] { return false }
            return true
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
        }

        private mutating func skipSpace() {
            while position < bytes.count && Self.isSpace(bytes[position]) { position += 1 }
        }

        /// Moves past the next `end`, or fails at the start of the unclosed `what`.
        private mutating func skip(past end: StaticString, what: String) throws(Failure) {
            let start = position
            while position < bytes.count {
                if matches(end) {
                    position += end.utf8CodeUnitCount
                    return
                }
                position += 1
            }
            position = start
            throw .invalid("\(what) is not closed")
        }

        private func name(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// A name's local part (after its `prefix:`).
        private func localName(_ range: Range<Int>) -> String {
            let colon = bytes[range].lastIndex(of: UInt8(ascii: ":")).map { $0 + 1 } ?? range.lowerBound
            return name(colon..<range.upperBound)
        }

        /// Reads a name at `position`: letters, digits, `_`, `-`, `.`, `:` and any non-ASCII character, not starting
        /// with a digit, `-` or `.`.
        private mutating func readName(_ what: String) throws(Failure) -> Range<Int> {
            let start = position
            while position < bytes.count {
                let byte = bytes[position]
                let allowed = byte >= 0x80 || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: ":") || (position > start && (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                                                                          || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")))
                guard allowed else { break }
                position += 1
                guard position - start <= WorkbookXML.nameLimit else {
                    position = start
                    throw .invalid("\(what) name longer than \(WorkbookXML.nameLimit) bytes")
                }
            }
            guard position > start else { throw .invalid("\(what) name expected") }
            return start..<position
        }

        // MARK: Markup

        private mutating func readStartTag<Handler: WorkbookXMLHandler>(_ handler: inout Handler) throws(Failure) {
            let tagStart = position
            position += 1
            let qualified = try readName("element")
            var attributes = Attributes()
            var declared: [Range<Int>] = []
            var empty = false
            while true {
                let spaced = position < bytes.count && Self.isSpace(bytes[position])
                skipSpace()
                guard position < bytes.count else {
                    position = tagStart
                    throw .invalid("tag <\(name(qualified))> is not closed")
                }
                if bytes[position] == UInt8(ascii: ">") {
                    position += 1
                    break
                }
                if matches("/>") {
                    position += 2
                    empty = true
                    break
                }
                guard spaced else { throw .invalid("space expected before an attribute in <\(name(qualified))>") }
                let attributeStart = position
                let attribute = try readName("attribute")
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                    throw .invalid("\"=\" expected after attribute \(name(attribute))")
                }
                position += 1
                skipSpace()
                let value = try readAttributeValue()
                for earlier in declared where bytes[earlier].elementsEqual(bytes[attribute]) {
                    position = attributeStart
                    throw .invalid("attribute \(name(attribute)) given twice")
                }
                declared.append(attribute)
                guard declared.count <= WorkbookXML.attributeCountLimit else {
                    position = attributeStart
                    throw .invalid("more than \(WorkbookXML.attributeCountLimit) attributes in <\(name(qualified))>")
                }
                let local = localName(attribute)
                let isDeclaration = bytes[attribute].starts(with: "xmlns".utf8) && (attribute.count == 5 || bytes[attribute.lowerBound + 5] == UInt8(ascii: ":"))
                if !isDeclaration { attributes.pairs.append((local, value)) }
            }
            guard open.count < WorkbookXML.depthLimit else {
                position = tagStart
                throw .invalid("elements nested deeper than \(WorkbookXML.depthLimit)")
            }
            let local = localName(qualified)
            try handler.start(local, attributes: attributes)
            if empty {
                try handler.end(local)
            } else {
                open.append(qualified)
            }
        }

        private mutating func readEndTag<Handler: WorkbookXMLHandler>(_ handler: inout Handler) throws(Failure) {
            let tagStart = position
            position += 2
            let qualified = try readName("element")
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else { throw .invalid("\">\" expected to end </\(name(qualified))>") }
            guard let last = open.last else {
                position = tagStart
                throw .invalid("end tag </\(name(qualified))> without a start")
            }
            guard bytes[last].elementsEqual(bytes[qualified]) else {
                position = tagStart
                throw .invalid("end tag </\(name(qualified))> where </\(name(last))> was expected")
            }
            position += 1
            open.removeLast()
            try handler.end(localName(qualified))
        }

        private mutating func readAttributeValue() throws(Failure) -> String {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
                throw .invalid("a quoted attribute value expected")
            }
            let quote = bytes[position]
            let start = position
            position += 1
            scratch.removeAll(keepingCapacity: true)
            while true {
                guard position < bytes.count else {
                    position = start
                    throw .invalid("attribute value is not closed")
                }
                let byte = bytes[position]
                if byte == quote { break }
                switch byte {
                case UInt8(ascii: "<"): throw .invalid("\"<\" in an attribute value")
                case UInt8(ascii: "&"): try readReference()
                case 0x0D:
                    // Line ends and tabs in a value are spaces (attribute-value normalisation); CR LF is one.
                    scratch.append(0x20)
                    position += position + 1 < bytes.count && bytes[position + 1] == 0x0A ? 2 : 1
                case 0x0A, 0x09:
                    scratch.append(0x20)
                    position += 1
                default:
                    scratch.append(byte)
                    position += 1
                }
                guard scratch.count <= WorkbookXML.attributeLimit else {
                    position = start
                    throw .invalid("attribute value longer than \(WorkbookXML.attributeLimit) bytes")
                }
            }
            position += 1
            return String(decoding: scratch, as: UTF8.self)
        }

        /// Decodes the entity or character reference at `position` (at its `&`) into `scratch`.
        private mutating func readReference() throws(Failure) {
            let start = position
            var end = position + 1
            while end < bytes.count && end - start <= 12 && bytes[end] != UInt8(ascii: ";") { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else { throw .invalid("\"&\" that starts no reference (write &amp;)") }
            let body = bytes[(start + 1)..<end]
            let scalar: UInt32?
            if body.first == UInt8(ascii: "#") {
                let digits = body.dropFirst()
                let hex = digits.first == UInt8(ascii: "x")
                let number = hex ? digits.dropFirst() : digits
                scalar = number.isEmpty ? nil : UInt32(String(decoding: UnsafeBufferPointer(rebasing: number), as: UTF8.self), radix: hex ? 16 : 10)
            } else {
                switch String(decoding: UnsafeBufferPointer(rebasing: body), as: UTF8.self) {
                case "lt": scalar = 0x3C
                case "gt": scalar = 0x3E
                case "amp": scalar = 0x26
                case "apos": scalar = 0x27
                case "quot": scalar = 0x22
                default: throw .invalid("entity &\(String(decoding: UnsafeBufferPointer(rebasing: body), as: UTF8.self)); is not one of XML's five")
                }
            }
            guard let scalar, Self.isCharacter(scalar), let character = Unicode.Scalar(scalar) else {
                throw .invalid("reference &\(String(decoding: UnsafeBufferPointer(rebasing: body), as: UTF8.self)); names no character XML allows")
            }
            UTF8.encode(character) { scratch.append($0) }
            position = end + 1
        }

        /// Whether XML 1.0 allows `scalar` in a document.
        private static func isCharacter(_ scalar: UInt32) -> Bool {
            switch scalar {
            case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
            default: return false
            }
        }

        // MARK: Text

        /// Reads character data up to the next `<`: outside the root only space may stand.
        private mutating func readText<Handler: WorkbookXMLHandler>(_ handler: inout Handler, inElement: Bool) throws(Failure) {
            let start = position
            guard inElement else {
                skipSpace()
                if position < bytes.count && bytes[position] != UInt8(ascii: "<") { throw .invalid("text outside the root element") }
                return
            }
            var plain = true
            while position < bytes.count && bytes[position] != UInt8(ascii: "<") {
                let byte = bytes[position]
                if byte == UInt8(ascii: "&") || byte == 0x0D { plain = false }
                position += 1
            }
            guard handler.wantsText || !plain else { return }
            if plain {
                try handler.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
                return
            }
            let end = position
            position = start
            scratch.removeAll(keepingCapacity: true)
            while position < end {
                switch bytes[position] {
                case UInt8(ascii: "&"):
                    try readReference()
                case 0x0D:
                    // Line ends are LF (end-of-line handling): CR LF and a lone CR alike.
                    scratch.append(0x0A)
                    position += position + 1 < end && bytes[position + 1] == 0x0A ? 2 : 1
                default:
                    scratch.append(bytes[position])
                    position += 1
                }
            }
            if handler.wantsText { try handler.text(String(decoding: scratch, as: UTF8.self)) }
        }

        private mutating func readCDATA<Handler: WorkbookXMLHandler>(_ handler: inout Handler) throws(Failure) {
            position += 9
            let start = position
            try skip(past: "]]>", what: "CDATA section")
            guard handler.wantsText else { return }
            // Line ends are LF here too: CR LF and a lone CR alike.
            var text: [UInt8] = []
            let end = position - 3
            for index in start..<end where bytes[index] != 0x0D || !(index + 1 < end && bytes[index + 1] == 0x0A) {
                text.append(bytes[index] == 0x0D ? 0x0A : bytes[index])
            }
            try handler.text(String(decoding: text, as: UTF8.self))
        }
    }
}
