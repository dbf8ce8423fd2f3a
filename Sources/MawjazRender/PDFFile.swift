// A written PDF read back through its cross-reference table, and an incremental update appended to it:
// new versions of some objects, new objects, a cross-reference section and a trailer pointing to the old one.
internal import CPangoCairo
import Foundation

/// A complete PDF with a classic cross-reference table (as cairo writes it), its objects read on demand, from bytes
/// read in place: a file is valid only while its bytes are.
struct PDFFile {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The trailer dictionary.
    let trailer: PDFDictionary
    /// Where the cross-reference table starts.
    let crossReferenceOffset: Int
    /// The byte offset of each object in use, by object number.
    let offsets: [Int: Int]

    init(_ bytes: UnsafeBufferPointer<UInt8>) throws(RenderError) {
        self.bytes = bytes
        guard let marker = Self.lastIndex(of: Array("startxref".utf8), in: bytes) else {
            throw .amendment("no startxref")
        }
        var parser = PDFParser(bytes, at: marker + 9)
        guard let start = parser.integer(), start >= 0, start < bytes.count else { throw .amendment("startxref names no offset") }
        crossReferenceOffset = start
        parser.position = start
        guard parser.keyword() == "xref" else { throw .amendment("no classic cross-reference table at byte \(start)") }
        var offsets: [Int: Int] = [:]
        while true {
            let saved = parser.position
            guard let first = parser.integer() else {
                guard parser.keyword() == "trailer" else {
                    throw .amendment("a cross-reference subsection is malformed at byte \(saved)")
                }
                break
            }
            guard let count = parser.integer(), count >= 0 else {
                throw .amendment("a cross-reference subsection is malformed at byte \(saved)")
            }
            offsets.reserveCapacity(offsets.count + count)
            for number in first..<(first + count) {
                guard let offset = parser.integer(), parser.integer() != nil, (0..<bytes.count).contains(offset) else {
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

    /// The data of stream object `number`, inflated (by `coder`, or a coder of its own) when it is compressed with
    /// /FlateDecode (the one filter cairo writes); another filter is an error.
    func streamData(_ number: Int, coder: FlateCoder? = nil) throws(RenderError) -> [UInt8] {
        let stream = try streamBytes(number)
        switch stream.filter {
        case nil: return Array(stream.data)
        case "FlateDecode": return try (coder ?? FlateCoder()).inflated(stream.data, what: "stream \(number)")
        case let filter?: throw .amendment("stream \(number) is compressed with /\(filter)")
        }
    }

    /// The data of stream object `number` as it lies in the file (read in place), and the name of its filter.
    func streamBytes(_ number: Int) throws(RenderError) -> (data: UnsafeBufferPointer<UInt8>, filter: String?) {
        guard let offset = offsets[number] else { throw .amendment("object \(number) is not in the file") }
        var parser = PDFParser(bytes, at: offset)
        let object = try parser.indirectObject()
        guard object.number == number, object.hasStream, let dictionary = object.value.dictionary else {
            throw .amendment("object \(number) is not a stream")
        }
        var length = dictionary["Length"]
        if let lengthNumber = length?.referenced { length = try self.object(lengthNumber) }
        // The data starts after the end of the line of the keyword "stream".
        var start = parser.position
        if start < bytes.count, bytes[start] == UInt8(ascii: "\r") { start += 1 }
        if start < bytes.count, bytes[start] == UInt8(ascii: "\n") { start += 1 }
        guard case .integer(let count) = length, count >= 0, start + count <= bytes.count else {
            throw .amendment("stream \(number) has no usable /Length")
        }
        return (UnsafeBufferPointer(rebasing: bytes[start..<(start + count)]), dictionary["Filter"]?.name)
    }

    /// The objects whose bytes hold one of `words`, by number: a byte search of the whole file, so that only the
    /// objects that can matter are parsed. (A word found in a stream's data names that stream's object too.)
    func objects(mentioning words: [String]) -> [Int] {
        let starts = offsets.map { (offset: $0.value, number: $0.key) }.sorted { $0.offset < $1.offset }
        var found = Set<Int>()
        guard let base = bytes.baseAddress else { return [] }
        for word in words {
            let needle = Array(word.utf8)
            var from = 0
            while from + needle.count <= bytes.count,
                  let candidate = memchr(base + from, Int32(needle[0]), bytes.count - from - needle.count + 1) {
                let offset = base.distance(to: candidate.assumingMemoryBound(to: UInt8.self))
                guard memcmp(base + offset, needle, needle.count) == 0 else {
                    from = offset + 1
                    continue
                }
                // The object that starts last at or before the hit holds it.
                var low = 0, high = starts.count
                while low < high {
                    let middle = (low + high) / 2
                    if starts[middle].offset <= offset { low = middle + 1 } else { high = middle }
                }
                if low > 0 { found.insert(starts[low - 1].number) }
                from = offset + needle.count
            }
        }
        return found.sorted()
    }

    /// The dictionary `value` is or refers to.
    func resolveDictionary(_ value: PDFObject?) throws(RenderError) -> PDFDictionary? {
        guard let value else { return nil }
        if let number = value.referenced { return try object(number).dictionary }
        return value.dictionary
    }

    private static func lastIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
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
        var bytes = Self.header(number)
        value.write(to: &bytes)
        bytes.append(contentsOf: "\nendobj\n".utf8)
        objects.append((number, bytes))
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
        replaceStream(number, dictionary, data: data)
        return number
    }

    /// Writes a new version of stream object `number`: `dictionary` (its /Length set here) and `data` as they are.
    mutating func replaceStream(_ number: Int, _ dictionary: PDFDictionary, data: [UInt8]) {
        var dictionary = dictionary
        dictionary["Length"] = .integer(data.count)
        var bytes = Self.header(number)
        dictionary.write(to: &bytes)
        bytes.append(contentsOf: "\nstream\n".utf8)
        bytes.append(contentsOf: data)
        bytes.append(contentsOf: "\nendstream\nendobj\n".utf8)
        objects.append((number, bytes))
    }

    private static func header(_ number: Int) -> [UInt8] {
        Array("\(number) 0 obj\n".utf8)
    }

    /// Appends this update to `output`, a complete file whose cross-reference table starts at `previousCrossReference`:
    /// the objects, a cross-reference section for them, and a trailer holding `trailer`'s entries, the new size and a
    /// pointer to the previous table. False when there was no memory for it (the file is then incomplete).
    func append(to output: ByteSink, previousCrossReference: Int, trailer: PDFDictionary) -> Bool {
        var appended = true
        func add(_ bytes: some Sequence<UInt8>) { appended = output.append(bytes) && appended }
        if output.last != 0x0A { add(CollectionOfOne(0x0A)) }
        var offsets: [Int: Int] = [:]
        for object in objects {
            offsets[object.number] = output.count
            add(object.bytes)
        }
        let crossReference = output.count
        var tail: [UInt8] = []
        tail.reserveCapacity(44 * (objects.count + 1) + 512)
        tail.append(contentsOf: "xref\n".utf8)
        // Object 0, the head of the free list, opens the section as it opens every table: readers that expect
        // a section to start at 0 then read the numbers right.
        let numbers = [0] + offsets.keys.sorted()
        var index = 0
        while index < numbers.count {
            var end = index
            while end + 1 < numbers.count, numbers[end + 1] == numbers[end] + 1 { end += 1 }
            tail.append(contentsOf: "\(numbers[index]) \(end - index + 1)\n".utf8)
            for number in numbers[index...end] {
                if number == 0 {
                    tail.append(contentsOf: "0000000000 65535 f \n".utf8)
                } else {
                    // A 10-digit offset, then the generation and the in-use flag.
                    let digits = Array(String(offsets[number] ?? 0).utf8)
                    tail.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, 10 - digits.count)))
                    tail.append(contentsOf: digits)
                    tail.append(contentsOf: " 00000 n \n".utf8)
                }
            }
            index = end + 1
        }
        var trailer = trailer
        trailer["Size"] = .integer(nextNumber)
        trailer["Prev"] = .integer(previousCrossReference)
        tail.append(contentsOf: "trailer\n".utf8)
        trailer.write(to: &tail)
        tail.append(contentsOf: "\nstartxref\n\(crossReference)\n%%EOF\n".utf8)
        add(tail)
        return appended
    }
}
