// A written PDF read back through its cross-reference table, and the changes the amendment makes to it: new versions
// of some objects and new objects, written once each when the file is written again whole (`PDFFile.write`).
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
    /// Where the keyword `trailer` starts, and where `startxref` does: the trailer's bytes lie between.
    let trailerRange: Range<Int>
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
        var trailerStart = 0
        while true {
            let saved = parser.position
            guard let first = parser.integer() else {
                guard parser.keyword() == "trailer" else {
                    throw .amendment("a cross-reference subsection is malformed at byte \(saved)")
                }
                trailerStart = parser.position - 7
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
        guard parser.position <= marker else { throw .amendment("the trailer runs past startxref") }
        self.trailer = trailer
        self.offsets = offsets
        trailerRange = trailerStart..<marker
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

    /// The values of the entries `keys` of object `number` (the first of each, as `PDFDictionary`'s subscript finds it)
    /// and whether it is a stream; nil when it is not a dictionary. Its other values are read past, not read into objects
    /// (`PDFParser.entries`), where they can be.
    func entries(_ keys: [[UInt8]], of number: Int) throws(RenderError) -> (values: [PDFObject?], isStream: Bool)? {
        guard let offset = offsets[number] else { throw .amendment("object \(number) is not in the file") }
        var parser = PDFParser(bytes, at: offset)
        if let read = parser.entries(keys, of: number) { return (read.values, read.hasStream) }
        let object = try indirectObject(number)
        guard let dictionary = object.value.dictionary else { return nil }
        return (keys.map { dictionary[String(decoding: $0, as: UTF8.self)] }, object.isStream)
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
        var length: PDFObject?, filter: PDFObject?
        // Its header read for /Length and /Filter alone, where it can be.
        if let read = parser.entries(Self.streamKeys, of: number) {
            guard read.hasStream else { throw .amendment("object \(number) is not a stream") }
            (length, filter) = (read.values[0], read.values[1])
        } else {
            parser = PDFParser(bytes, at: offset)
            let object = try parser.indirectObject()
            guard object.number == number, object.hasStream, let dictionary = object.value.dictionary else {
                throw .amendment("object \(number) is not a stream")
            }
            (length, filter) = (dictionary["Length"], dictionary["Filter"])
        }
        if let lengthNumber = length?.referenced { length = try integerObject(lengthNumber) }
        // The data starts after the end of the line of the keyword "stream".
        var start = parser.position
        if start < bytes.count, bytes[start] == UInt8(ascii: "\r") { start += 1 }
        if start < bytes.count, bytes[start] == UInt8(ascii: "\n") { start += 1 }
        guard case .integer(let count) = length, count >= 0, start + count <= bytes.count else {
            throw .amendment("stream \(number) has no usable /Length")
        }
        return (UnsafeBufferPointer(rebasing: bytes[start..<(start + count)]), filter?.name)
    }

    /// The value of object `number` (a stream's length cairo writes as an object of its own): an integer read without
    /// making an object of the whole, anything else as `object` reads it.
    private func integerObject(_ number: Int) throws(RenderError) -> PDFObject {
        if let offset = offsets[number] {
            var parser = PDFParser(bytes, at: offset)
            if parser.integer() == number, parser.integer() != nil, parser.isWord("obj"), parser.reference() == nil,
               let value = parser.integer() {
                return .integer(value)
            }
        }
        return try object(number)
    }

    private static let streamKeys = [Array("Length".utf8), Array("Filter".utf8)]

    /// The objects whose bytes hold one of `words`, by number (`objects(mentioningEach:)`): a byte search, so that only
    /// the objects that can matter are parsed.
    func objects(mentioning words: [String]) -> [Int] {
        Set(objects(mentioningEach: words).joined()).sorted()
    }

    /// For each of `words`, in the order given, the objects whose bytes hold it, by number: one search of each object
    /// for all the words that start with the same byte, stopping at each of its occurrences. The streams cairo opens
    /// (`N 0 obj\n<< /Length M 0 R`) are passed over: the words sought are dictionaries' names, and with the pages'
    /// content uncompressed those streams hold most of the file's bytes and most of its slashes (a font or a state
    /// named). Searched once a word, the whole file, that cost 0.42 M instructions a 3-page document.
    func objects(mentioningEach words: [String]) -> [[Int]] {
        let needles = words.map { Array($0.utf8) }
        var found = [Set<Int>](repeating: [], count: needles.count)
        guard let base = bytes.baseAddress, !needles.contains(where: \.isEmpty) else { return found.map { $0.sorted() } }
        var firsts: [UInt8] = []
        for needle in needles where !firsts.contains(needle[0]) { firsts.append(needle[0]) }
        // Each word's second byte (every byte for a word of one).
        var isSecond = [Bool](repeating: needles.contains { $0.count == 1 }, count: 256)
        for needle in needles where needle.count > 1 { isSecond[Int(needle[1])] = true }
        let starts = offsets.map { (offset: $0.value, number: $0.key) }.sorted { $0.offset < $1.offset }
        for (index, object) in starts.enumerated() where cairoStreamLineEnd(at: object.offset) == nil {
            let end = index + 1 < starts.count ? starts[index + 1].offset : max(object.offset, crossReferenceOffset)
            for first in firsts {
                var from = object.offset
                while from < end, let hit = memchr(base + from, Int32(first), end - from) {
                    let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    from = offset + 1
                    // Most slashes name something else: a word's second byte is compared before the rest of it.
                    if offset + 1 < end, !isSecond[Int(base[offset + 1])] { continue }
                    for (word, needle) in needles.enumerated() where needle[0] == first && offset + needle.count <= end
                        && memcmp(base + offset, needle, needle.count) == 0 {
                        found[word].insert(object.number)
                    }
                }
            }
        }
        return found.map { $0.sorted() }
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

/// What the amendment changes in a file: new versions of some of its objects, and new objects, numbered from the
/// file's /Size on. `PDFFile.write` writes the file again with each object once, in its one version.
struct PDFChanges {
    /// A new version of an object: its value as PDF syntax, or (for a stream) its data compressed with /FlateDecode,
    /// the rest of the stream's dictionary kept.
    enum Version {
        case value([UInt8])
        case streamData([UInt8])
    }

    private(set) var versions: [Int: Version] = [:]
    /// The new objects, whole (`N 0 obj` to `endobj`), in the order added.
    private(set) var added: [(number: Int, bytes: [UInt8])] = []
    /// One more than the highest object number, new objects included.
    private(set) var size: Int

    /// Changes to a file whose trailer says its objects are numbered below `size`.
    init(size: Int) { self.size = size }

    /// Gives object `number` the value `value`.
    mutating func replace(_ number: Int, with value: PDFObject) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)  // a structure element with its text: grown from none, reallocated some six times
        value.write(to: &bytes)
        versions[number] = .value(bytes)
    }

    /// Gives object `number` the value `written`, as `PDFObject.write` writes it.
    mutating func replace(_ number: Int, written: [UInt8]) {
        versions[number] = .value(written)
    }

    /// Gives stream object `number` the data `compressed`, compressed with /FlateDecode.
    mutating func replaceStream(_ number: Int, compressed: [UInt8]) {
        versions[number] = .streamData(compressed)
    }

    /// Adds a new object and returns its number.
    mutating func add(_ value: PDFObject) -> Int {
        var bytes = Self.header(size)
        value.write(to: &bytes)
        bytes.append(contentsOf: "\nendobj\n".utf8)
        return added(bytes)
    }

    /// Adds a stream (its data unfiltered, its /Length set here) and returns its number.
    mutating func addStream(_ dictionary: PDFDictionary, data: [UInt8]) -> Int {
        var dictionary = dictionary
        dictionary["Length"] = .integer(data.count)
        var bytes = Self.header(size)
        dictionary.write(to: &bytes)
        bytes.append(contentsOf: "\nstream\n".utf8)
        bytes.append(contentsOf: data)
        bytes.append(contentsOf: "\nendstream\nendobj\n".utf8)
        return added(bytes)
    }

    private mutating func added(_ bytes: [UInt8]) -> Int {
        added.append((size, bytes))
        size += 1
        return size - 1
    }

    private static func header(_ number: Int) -> [UInt8] {
        Array("\(number) 0 obj\n".utf8)
    }
}
