// cairo's PDF written again whole, with the amendment's changes in it: each object once, in its one version, then one
// cross-reference table. Streams cairo left uncompressed (when asked to, through CAIRO_DEBUG_PDF) are compressed here
// as cairo would have compressed them, so the bytes do not depend on whether it was asked; its font programs and
// images, which it stored (`FlateCoder.storingCairoStreams`), are compressed here once, by libdeflate.
internal import CPangoCairo
import Foundation

extension Renderer {
    /// Asks cairo, for the whole process, to write the streams it compresses itself (the pages' content, the /ToUnicode
    /// maps, groups) uncompressed: cairo 1.16 reads `CAIRO_DEBUG_PDF` when it creates a PDF surface, and has no other
    /// setting for it. The PDF amendment then reads the content it rewrites without inflating it, and compresses each
    /// stream once (`PDFFile.write`); the file is the same byte for byte either way. Call it first thing in `main`,
    /// before any thread starts: setting the environment is not safe while other threads read it. A value already set
    /// is kept.
    package static func askCairoForUncompressedStreamsOnce() {
        setenv("CAIRO_DEBUG_PDF", "1", 0)
    }

    /// Whether cairo leaves its streams uncompressed in this process (`askCairoForUncompressedStreamsOnce`).
    static var cairoLeavesStreamsUncompressed: Bool { getenv("CAIRO_DEBUG_PDF") != nil }
}

extension PDFAmendment {
    /// The streams cairo left uncompressed in `pdf` (`Renderer.askCairoForUncompressedStreamsOnce`) compressed as cairo
    /// would have, the file otherwise as cairo wrote it: a PDF that is not amended, byte for byte cairo's own.
    static func compressCairoStreams(in pdf: ByteSink) throws(RenderError) {
        guard Renderer.cairoLeavesStreamsUncompressed else { return }
        let output = ByteSink()
        try pdf.withBytes { (bytes) throws(RenderError) in
            let file = try PDFFile(bytes)
            try FlateCoder.borrowing { (coder) throws(RenderError) in
                try file.write(PDFChanges(size: file.offsets.count + 1), trailer: nil, coder: coder, to: output)
            }
        }
        pdf.take(output)
    }
}

extension PDFFile {
    /// Writes the file again to `output`, with `changes`: its objects in the order they lie, each unchanged one copied
    /// as it is (font programs and images byte for byte), each changed one in its new version only, the new objects
    /// after them, then one cross-reference table for all and a trailer. `trailer` holds the trailer's entries besides
    /// /Size and /ID (written here, the identifier a digest of all that comes before the table,
    /// `PDFAmendment.identifier`); nil keeps the file's own trailer, for a file written again without changes.
    ///
    /// A stream cairo opens `N 0 obj\n<< /Length M 0 R\n` keeps its dictionary as cairo wrote it, with
    /// `   /Filter /FlateDecode\n` after that line when it had no filter (as cairo writes it when it compresses), and its
    /// length in object M, which cairo writes after the stream (`M 0 obj\n   LENGTH\nendobj\n`). Such a stream left
    /// uncompressed is compressed as cairo would have (`FlateCoder.deflatedAsCairo`); one cairo stored, by libdeflate
    /// when it is a font program or an image, else as cairo would have compressed it.
    func write(_ changes: PDFChanges, trailer: PDFDictionary?, coder: FlateCoder, to output: ByteSink) throws(RenderError) {
        let objects = offsets.map { (number: $0.key, offset: $0.value) }.sorted { $0.offset < $1.offset }
        guard let last = objects.last, last.offset < crossReferenceOffset else {
            throw .amendment("the file's objects do not lie before its cross-reference table")
        }
        var out = Output(sink: output)
        var written = [Int](repeating: -1, count: changes.size)  // each object's offset in the output
        var lengths: [Int: Int] = [:]  // a stream's length object → the length to write in it
        var copied = 0  // the bytes before this are written
        for (index, object) in objects.enumerated() {
            let end = index + 1 < objects.count ? objects[index + 1].offset : crossReferenceOffset
            guard object.number > 0, object.number < changes.size else {
                throw .amendment("object \(object.number) is outside the trailer's /Size")
            }
            // Each object is where the table says, or the file is not written: its bytes are copied unread.
            guard opens(object.number, at: object.offset) else {
                throw .amendment("object \(object.number) is not where the table says")
            }
            let version = changes.versions[object.number]
            let length = lengths[object.number]
            let cairoStream = version == nil && length == nil ? cairoStream(object.number, at: object.offset) : nil
            guard version != nil || length != nil || cairoStream != nil else {
                written[object.number] = output.count + object.offset - copied
                continue
            }
            out.put(UnsafeBufferPointer(rebasing: bytes[copied..<object.offset]))
            copied = end
            written[object.number] = output.count
            switch version {
            case .value(let value)?:
                out.put("\(object.number) 0 obj\n".utf8)
                out.put(value)
                out.put("\nendobj\n".utf8)
            case .streamData(let data)?:
                try writeStream(object.number, object.offset..<end, data: data, lengths: &lengths, to: &out)
            case nil:
                if let length {
                    try writeLength(object.number, length, object.offset..<end, to: &out)
                } else {
                    let stream = try streamBytes(object.number).data
                    let data: [UInt8]
                    switch cairoStream {
                    case .stored(let compressedOnce)?:
                        let raw: [UInt8]
                        if let stored = Self.storedBytes(stream) {
                            raw = stored
                        } else {
                            raw = try coder.inflated(stream, what: "stream \(object.number)")
                        }
                        data = try raw.withUnsafeBufferPointer { (raw) throws(RenderError) in
                            try compressedOnce ? coder.deflated(raw) : coder.deflatedAsCairo(raw)
                        }
                    default:
                        data = try coder.deflatedAsCairo(stream)
                    }
                    try writeStream(object.number, object.offset..<end, data: data, lengths: &lengths, to: &out)
                }
            }
        }
        out.put(UnsafeBufferPointer(rebasing: bytes[copied..<crossReferenceOffset]))
        for object in changes.added {
            written[object.number] = output.count
            out.put(object.bytes)
        }
        guard !out.failed else { throw .amendment("no memory to write the file") }

        let table = output.count
        var tail = crossReferenceTable(written)
        if let entries = trailer {
            var trailer = PDFDictionary([("Size", .integer(changes.size))])
            for entry in entries.entries { trailer[entry.key] = entry.value }
            let identifier = PDFObject.hexString(output.withBytes(PDFAmendment.identifier))
            trailer["ID"] = .array([identifier, identifier])
            tail.append(contentsOf: "trailer\n".utf8)
            trailer.write(to: &tail)
            tail.append(0x0A)
        } else {
            guard changes.added.isEmpty else { throw .amendment("new objects need a new trailer") }
            tail.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[trailerRange]))
        }
        tail.append(contentsOf: "startxref\n\(table)\n%%EOF\n".utf8)
        guard output.append(tail) else { throw .amendment("no memory to write the file") }
    }

    /// Where the file is written: a sink, and whether a piece found no memory.
    private struct Output {
        let sink: ByteSink
        private(set) var failed = false

        init(sink: ByteSink) { self.sink = sink }

        mutating func put(_ piece: some Sequence<UInt8>) {
            if !sink.append(piece) { failed = true }
        }
    }

    /// The cross-reference table for objects at `offsets` (by number; -1 for a number not in use), as cairo writes it:
    /// one section from object 0, twenty bytes an entry.
    private func crossReferenceTable(_ offsets: [Int]) -> [UInt8] {
        var table = Array("xref\n0 \(offsets.count)\n".utf8)
        let start = table.count
        table.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 20 * offsets.count))
        table.withUnsafeMutableBufferPointer { entries in
            for (number, offset) in offsets.enumerated() {
                let entry = start + 20 * number
                guard number > 0, offset >= 0 else {
                    // Object 0 heads the list of free objects, and a number not in use joins it.
                    for (index, byte) in " 65535 f \n".utf8.enumerated() { entries[entry + 10 + index] = byte }
                    continue
                }
                // The offset's ten digits, written from the last.
                var rest = offset, digit = entry + 9
                while rest > 0, digit >= entry {
                    entries[digit] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                    digit -= 1
                }
                for (index, byte) in " 00000 n \n".utf8.enumerated() { entries[entry + 10 + index] = byte }
            }
        }
        return table
    }

    /// What follows an object's number where it opens; where cairo opens a stream; a filter's line in its dictionary.
    private static let objectKeyword = Array(" 0 obj".utf8), streamOpening = Array(" 0 obj\n<< /Length ".utf8)
    private static let filterLine = Array("   /Filter ".utf8)

    /// Whether the bytes at `offset` open object `number`: `N 0 obj`.
    private func opens(_ number: Int, at offset: Int) -> Bool {
        var position = offset, value = 0
        while position < bytes.count, position - offset < 19, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            value = 10 * value + Int(bytes[position] - UInt8(ascii: "0"))
            position += 1
        }
        let rest = Self.objectKeyword
        return position > offset && value == number && position + rest.count <= bytes.count
            && bytes[position..<(position + rest.count)].elementsEqual(rest)
    }

    /// A stream cairo wrote that `write` compresses: left uncompressed (`Renderer.askCairoForUncompressedStreamsOnce`), or
    /// stored (`FlateCoder.storingCairoStreams`), and then whether it is one cairo compresses whatever it is asked (a font
    /// program or an image), compressed once by libdeflate, or else one compressed as cairo would have.
    private enum CairoStream {
        case uncompressed
        case stored(compressedOnce: Bool)
    }

    /// What object `number`, at `offset`, is, if it is a stream cairo opened (`N 0 obj\n<< /Length M 0 R\n`) and left
    /// without a filter or stored; nil for any other object. Most objects are told apart by their first bytes, without
    /// being parsed.
    private func cairoStream(_ number: Int, at offset: Int) -> CairoStream? {
        guard let lineEnd = cairoStreamLineEnd(at: offset) else { return nil }
        let filter = Self.filterLine
        guard lineEnd + filter.count <= bytes.count, bytes[lineEnd..<(lineEnd + filter.count)].elementsEqual(filter) else {
            return (try? streamBytes(number))?.filter == nil ? .uncompressed : nil
        }
        // Stored by zlib: after its two bytes, the first block's type (bits 1 and 2) is 0, which zlib's level 0 writes
        // and its default level only for bytes it cannot compress.
        guard let stream = try? streamBytes(number), stream.filter == "FlateDecode", stream.data.count > 2,
              stream.data[2] & 0x06 == 0, let dictionary = (try? indirectObject(number))?.value.dictionary else { return nil }
        let subtype = dictionary["Subtype"]?.name
        return .stored(compressedOnce: dictionary["Length1"] != nil || subtype == "Image" || subtype == "CIDFontType0C"
                       || subtype == "Type1C" || subtype == "OpenType")
    }

    /// The bytes of `data`, a zlib stream of stored blocks alone as zlib's level 0 writes them (each block's three bits
    /// in a byte of their own, then its length, the length's complement and its bytes), copied out without inflating it:
    /// zlib's inflater checked the stream's Adler-32 again, which cairo's deflater had just computed, 0.24 M instructions
    /// a 3-page document. Nil for any other stream, which is then inflated.
    static func storedBytes(_ data: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard data.count >= 2 + 5 + 4, data[0] & 0x0F == 8, (Int(data[0]) << 8 | Int(data[1])) % 31 == 0, data[1] & 0x20 == 0 else {
            return nil
        }
        // Two passes: the blocks checked and their bytes counted, then copied into room made for all of them.
        var blocks: [Range<Int>] = [], count = 0, position = 2, last = false
        while !last {
            guard position + 5 <= data.count, data[position] & 0xFE == 0 else { return nil }
            last = data[position] == 1
            let length = Int(data[position + 1]) | Int(data[position + 2]) << 8
            let complement = Int(data[position + 3]) | Int(data[position + 4]) << 8
            guard length ^ complement == 0xFFFF, position + 5 + length <= data.count else { return nil }
            blocks.append((position + 5)..<(position + 5 + length))
            count += length
            position += 5 + length
        }
        guard position + 4 == data.count, let base = data.baseAddress else { return nil }  // the Adler-32 ends it
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, written in
            for block in blocks where !block.isEmpty {
                (buffer.baseAddress! + written).initialize(from: base + block.lowerBound, count: block.count)
                written += block.count
            }
        }
    }

    /// Where the line `N 0 obj\n<< /Length ` … ends (the byte after its line feed) when the object at `offset` starts so.
    func cairoStreamLineEnd(at offset: Int) -> Int? {
        var position = offset
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") { position += 1 }
        let opening = Self.streamOpening
        guard position > offset, position + opening.count <= bytes.count, let base = bytes.baseAddress,
              memcmp(base + position, opening, opening.count) == 0,  // a generic comparison of slices cost 230 instructions
              let feed = memchr(base + position + opening.count, 0x0A, bytes.count - position - opening.count) else { return nil }
        return base.distance(to: feed.assumingMemoryBound(to: UInt8.self)) + 1
    }

    /// Writes stream object `number` (its bytes `range`) with `data`, compressed with /FlateDecode: cairo's dictionary
    /// kept and its length object noted in `lengths` when cairo opened it, else a dictionary of its own.
    private func writeStream(_ number: Int, _ range: Range<Int>, data: [UInt8], lengths: inout [Int: Int],
                             to out: inout Output) throws(RenderError) {
        let stream = try streamBytes(number)
        guard let base = bytes.baseAddress, let dataStart = stream.data.baseAddress else { throw .amendment("stream \(number) is empty") }
        let start = base.distance(to: dataStart), end = start + stream.data.count
        guard stream.filter == nil || stream.filter == "FlateDecode" else {
            throw .amendment("stream \(number) is compressed with /\(stream.filter ?? "")")
        }
        if let lineEnd = cairoStreamLineEnd(at: range.lowerBound), let lengthNumber = lengthObject(in: range.lowerBound..<lineEnd),
           let lengthOffset = offsets[lengthNumber], lengthOffset > range.lowerBound, end <= range.upperBound {
            out.put(UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<lineEnd]))
            if stream.filter == nil { out.put("   /Filter /FlateDecode\n".utf8) }
            out.put(UnsafeBufferPointer(rebasing: bytes[lineEnd..<start]))
            out.put(data)
            out.put(UnsafeBufferPointer(rebasing: bytes[end..<range.upperBound]))
            lengths[lengthNumber] = data.count
            return
        }
        guard var dictionary = try indirectObject(number).value.dictionary else { throw .amendment("object \(number) is not a stream") }
        dictionary["Filter"] = .name("FlateDecode")
        dictionary["DecodeParms"] = nil
        dictionary["Length"] = .integer(data.count)
        var head = Array("\(number) 0 obj\n".utf8)
        dictionary.write(to: &head)
        head.append(contentsOf: "\nstream\n".utf8)
        out.put(head)
        out.put(data)
        out.put("\nendstream\nendobj\n".utf8)
    }

    /// The object M of the line `N 0 obj\n<< /Length M 0 R\n` at `line`, if it reads so.
    private func lengthObject(in line: Range<Int>) -> Int? {
        let opening = Self.streamOpening
        var parser = PDFParser(bytes, at: line.lowerBound)
        guard parser.integer() != nil else { return nil }
        parser.position += opening.count
        guard let number = parser.integer(), parser.integer() == 0, parser.keyword() == "R", parser.position + 1 == line.upperBound else {
            return nil
        }
        return number
    }

    /// Writes length object `number` (its bytes `range`, `M 0 obj\n   OLD\nendobj\n` as cairo writes it) with `length`.
    private func writeLength(_ number: Int, _ length: Int, _ range: Range<Int>, to out: inout Output) throws(RenderError) {
        let opening = Array("\(number) 0 obj\n   ".utf8)
        guard range.count > opening.count, bytes[range.lowerBound..<(range.lowerBound + opening.count)].elementsEqual(opening),
              case .integer(let old) = try object(number),
              bytes[(range.lowerBound + opening.count)..<range.upperBound].elementsEqual("\(old)\nendobj\n".utf8) else {
            throw .amendment("object \(number), a stream's length, is not as cairo writes it")
        }
        out.put("\(number) 0 obj\n   \(length)\nendobj\n".utf8)
    }
}
