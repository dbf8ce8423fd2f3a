// A written PDF read back through its cross-reference table, and an incremental update appended to it:
// new versions of some objects, new objects, a cross-reference section and a trailer pointing to the old one.
import Foundation

/// A complete PDF with a classic cross-reference table (as cairo writes it), its objects read on demand.
struct PDFFile {
    let bytes: [UInt8]
    /// The trailer dictionary.
    let trailer: PDFDictionary
    /// Where the cross-reference table starts.
    let crossReferenceOffset: Int
    /// The byte offset of each object in use, by object number.
    let offsets: [Int: Int]

    init(_ bytes: [UInt8]) throws(RenderError) {
        self.bytes = bytes
        guard let marker = Self.lastIndex(of: Array("startxref".utf8), in: bytes) else {
            throw .amendment("no startxref")
        }
        var parser = PDFParser(bytes, at: marker + 9)
        guard let start = Int(parser.keyword()), start >= 0, start < bytes.count else { throw .amendment("startxref names no offset") }
        crossReferenceOffset = start
        parser.position = start
        guard parser.keyword() == "xref" else { throw .amendment("no classic cross-reference table at byte \(start)") }
        var offsets: [Int: Int] = [:]
        while true {
            let saved = parser.position
            let word = parser.keyword()
            if word == "trailer" { break }
            guard let first = Int(word), let count = Int(parser.keyword()) else {
                throw .amendment("a cross-reference subsection is malformed at byte \(saved)")
            }
            for number in first..<(first + count) {
                guard let offset = Int(parser.keyword()), Int(parser.keyword()) != nil else {
                    throw .amendment("a cross-reference entry is malformed near byte \(parser.position)")
                }
                if parser.keyword() == "n" { offsets[number] = offset }
            }
        }
        guard case .dictionary(let trailer) = try parser.object() else { throw .amendment("the trailer is not a dictionary") }
        guard trailer["Prev"] == nil, trailer["XRefStm"] == nil else { throw .amendment("the file was already updated") }
        self.trailer = trailer
        self.offsets = offsets
    }

    /// The value of object `number` (for a stream, its dictionary).
    func object(_ number: Int) throws(RenderError) -> PDFObject {
        try indirectObject(number).value
    }

    /// The value of object `number` and whether it is a stream.
    func indirectObject(_ number: Int) throws(RenderError) -> (value: PDFObject, isStream: Bool) {
        guard let offset = offsets[number] else { throw .amendment("object \(number) is not in the file") }
        var parser = PDFParser(bytes, at: offset)
        let object = try parser.indirectObject()
        guard object.number == number else { throw .amendment("object \(number) is not where the table says") }
        return (object.value, object.hasStream)
    }

    /// The dictionary `value` is or refers to.
    /// Whether object `number`'s dictionary may hold one of `words`: a byte search of the object up to its stream's
    /// data or its end, so that only the objects that can matter are parsed.
    func mayHold(_ number: Int, _ words: [String]) -> Bool {
        guard let offset = offsets[number] else { return false }
        let needles = words.map { Array($0.utf8) }, stops = [Array("stream".utf8), Array("endobj".utf8)]
        var index = offset
        while index < bytes.count {
            let byte = bytes[index]
            for stop in stops where byte == stop[0] && bytes[index...].starts(with: stop) { return false }
            for needle in needles where byte == needle[0] && bytes[index...].starts(with: needle) { return true }
            index += 1
        }
        return false
    }

    func resolveDictionary(_ value: PDFObject?) throws(RenderError) -> PDFDictionary? {
        guard let value else { return nil }
        if let number = value.referenced { return try object(number).dictionary }
        return value.dictionary
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0], Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index -= 1
        }
        return nil
    }
}

/// Objects to add to a PDF after its end, in an incremental update that leaves the original bytes untouched.
struct PDFUpdate {
    private(set) var objects: [(number: Int, bytes: [UInt8])] = []
    private var nextNumber: Int

    /// An update to a file whose trailer says its objects are numbered below `size`.
    init(size: Int) { nextNumber = size }

    /// Writes a new version of object `number`.
    mutating func replace(_ number: Int, with value: PDFObject) {
        objects.append((number, Array("\(number) 0 obj\n\(value.serialized)\nendobj\n".utf8)))
    }

    /// Adds a new object and returns its number.
    mutating func add(_ value: PDFObject) -> Int {
        let number = nextNumber
        nextNumber += 1
        replace(number, with: value)
        return number
    }

    /// Adds a stream (its data unfiltered) and returns its number.
    mutating func addStream(_ dictionary: PDFDictionary, data: [UInt8]) -> Int {
        let number = nextNumber
        nextNumber += 1
        var dictionary = dictionary
        dictionary["Length"] = .integer(data.count)
        objects.append((number, Array("\(number) 0 obj\n\(dictionary.serialized)\nstream\n".utf8) + data
                        + Array("\nendstream\nendobj\n".utf8)))
        return number
    }

    /// The file with this update appended: the objects, a cross-reference section for them, and a trailer
    /// holding `trailer`'s entries, the new size and a pointer to the previous table.
    func appended(to file: PDFFile, trailer: PDFDictionary) -> [UInt8] {
        var output = file.bytes
        if output.last != 0x0A { output.append(0x0A) }
        var offsets: [Int: Int] = [:]
        for object in objects {
            offsets[object.number] = output.count
            output += object.bytes
        }
        let crossReference = output.count
        var table = "xref\n"
        // Object 0, the head of the free list, opens the section as it opens every table: readers that expect
        // a section to start at 0 then read the numbers right.
        let numbers = [0] + offsets.keys.sorted()
        var index = 0
        while index < numbers.count {
            var end = index
            while end + 1 < numbers.count, numbers[end + 1] == numbers[end] + 1 { end += 1 }
            table += "\(numbers[index]) \(end - index + 1)\n"
            for number in numbers[index...end] {
                table += number == 0 ? "0000000000 65535 f \n" : String(format: "%010d 00000 n \n", offsets[number] ?? 0)
            }
            index = end + 1
        }
        var trailer = trailer
        trailer["Size"] = .integer(nextNumber)
        trailer["Prev"] = .integer(file.crossReferenceOffset)
        table += "trailer\n\(trailer.serialized)\nstartxref\n\(crossReference)\n%%EOF\n"
        return output + Array(table.utf8)
    }
}
