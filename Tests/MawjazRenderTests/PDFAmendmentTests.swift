// The PDF post-processor: objects read and written back, a file written again whole with each object once, cairo's
// streams compressed once whether cairo compressed them or not, a small PDF amended into one that qpdf, pypdf and
// pdfminer accept with its language, XMP metadata and output intent.
import Foundation
@testable import MawjazRender
import MawjazFrame
import Testing
import TestSupport

@Suite struct PDFAmendmentTests {
    /// A minimal PDF with a correct cross-reference table, as cairo would lay it out.
    static func minimalPDF(catalogExtras: String = "", extraObjects: [String] = []) -> [UInt8] {
        file(minimalObjects(catalogExtras: catalogExtras) + extraObjects.map { Array($0.utf8) })
    }

    /// The minimal PDF's objects, 1 to 9.
    static func minimalObjects(catalogExtras: String = "") -> [[UInt8]] {
        [
            "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 6 0 R /MarkInfo << /Marked true >>\(catalogExtras) >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Annots [5 0 R] >>",
            "<< /Producer (cairo 1.16.0 \\(https://cairographics.org\\)) /Title (A \\(small\\) test) /CreationDate (20240915000000Z) >>",
            "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (https://example.org) >> >>",
            "<< /Type /StructTreeRoot /K [7 0 R] >>",
            "<< /Type /StructElem /S /Document /P 6 0 R /K [8 0 R 9 0 R] >>",
            "<< /Type /StructElem /S /Figure /P 7 0 R >>",
            "<< /Type /StructElem /S /P /P 7 0 R >>",
        ].map { Array($0.utf8) }
    }

    /// A PDF of `objects` (numbered from 1), its cross-reference table and trailer as cairo writes them.
    static func file(_ objects: [[UInt8]]) -> [UInt8] {
        var bytes = Array("%PDF-1.5\n%\u{B5}\u{ED}\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(bytes.count)
            bytes += Array("\(index + 1) 0 obj\n".utf8) + object + Array("\nendobj\n".utf8)
        }
        let xref = bytes.count
        var text = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        text += offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        text += "trailer\n<< /Size \(objects.count + 1)\n   /Root 1 0 R\n   /Info 4 0 R\n>>\nstartxref\n\(xref)\n%%EOF\n"
        return bytes + Array(text.utf8)
    }

    /// The minimal PDF with a font (object 10) whose /ToUnicode map (11, its length in 12) and a form (13, its length
    /// in 14) are streams as cairo writes them: compressed as cairo compresses them, or (as cairo writes them with
    /// `CAIRO_DEBUG_PDF` set) not.
    static func cairoStreamsPDF(compressed: Bool) throws -> [UInt8] {
        let coder = FlateCoder()
        var objects = minimalObjects(catalogExtras: " /TestFont 10 0 R /TestForm 13 0 R")
        objects.append(Array("<< /Type /Font /Subtype /Type0 /BaseFont /Test /ToUnicode 11 0 R >>".utf8))
        for (data, length) in [(Self.toUnicode, 12), (Self.form, 14)] {
            var bytes = Array(data.utf8)
            if compressed { bytes = try bytes.withUnsafeBufferPointer { (plain) throws(RenderError) in try coder.deflatedAsCairo(plain) } }
            objects.append(Array("<< /Length \(length) 0 R\n\(compressed ? "   /Filter /FlateDecode\n" : "")>>\nstream\n".utf8)
                           + bytes + Array("\nendstream".utf8))
            objects.append(Array("   \(bytes.count)".utf8))
        }
        return file(objects)
    }

    /// The numbers of the objects `bytes` holds, as often as each is opened (`N 0 obj` at the start of a line).
    static func openedObjects(_ bytes: [UInt8]) -> [Int] {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.split(separator: "\n").compactMap { line in
            line.hasSuffix(" 0 obj") ? Int(line.dropLast(6)) : nil
        }
    }

    /// The elements of the minimal PDF's structure tree, with the texts to add.
    static let elements = [StructurePlan.Element(type: "Document"), StructurePlan.Element(type: "Figure", alternativeText: "مخطط"),
                           StructurePlan.Element(type: "P", actualText: "نص")]

    static let info = DocumentInfo(title: "A (small) test", author: "Office", subject: "", keywords: ["one", "two"],
                                   language: "ar", creationDate: 1_726_358_400)

    /// The first object of `source`.
    static func object(_ source: String) throws(RenderError) -> PDFObject {
        try Array(source.utf8).withUnsafeBufferPointer { (bytes) throws(RenderError) in
            var parser = PDFParser(bytes)
            return try parser.object()
        }
    }

    /// What reading `bytes` as a file finds: its objects' count and where its cross-reference table starts.
    static func read(_ bytes: [UInt8]) throws(RenderError) -> (objects: Int, crossReference: Int) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(RenderError) in
            let file = try PDFFile(buffer)
            return (file.offsets.count, file.crossReferenceOffset)
        }
    }

    @Test func objectsRoundTrip() throws {
        let source = "<< /Type /Catalog /K [1 0 R 2 -3.5 (a\\(b\\)\\\\c\\n\\101) <FEFF0627> true null /N#20x] /D << /X 12 0 R >> >>"
        let object = try Self.object(source)
        let dictionary = try #require(object.dictionary)
        #expect(dictionary["Type"] == .name("Catalog"))
        #expect(dictionary["K"] == .array([.reference(1), .integer(2), .real("-3.5"), .string(Array("a(b)\\c\nA".utf8)),
                                           .hexString([0xFE, 0xFF, 0x06, 0x27]), .boolean(true), .null, .name("N#20x")]))
        #expect(dictionary["D"]?.dictionary?["X"] == .reference(12))
        #expect(try Self.object(object.serialized) == object)
    }

    @Test func numbersReferencesAndTheirWriting() throws {
        let source = "[+5 -7 0 12 0 R 3 4 5 0.5 -.25 99999999999999999999 1 2]"
        #expect(try Self.object(source) == .array([.integer(5), .integer(-7), .integer(0), .reference(12), .integer(3), .integer(4),
                                               .integer(5), .real("0.5"), .real("-.25"), .real("99999999999999999999"),
                                               .integer(1), .integer(2)]))
        #expect(PDFObject.array([.integer(-7), .reference(12), .string([0x07, 0xFF, 0x28])]).serialized == "[-7 12 0 R (\\007\\377\\()]")
        #expect(PDFObject.dictionary(PDFDictionary()).serialized == "<<  >>")
        // Numbers are written digit by digit, as Swift writes them.
        for value in [0, 9, 10, 99, 100, 12_345, -1, -10, -9_999, Int.max, Int.min] {
            #expect(PDFObject.integer(value).serialized == String(value))
            #expect(PDFObject.reference(number: value, generation: 0).serialized == "\(value) 0 R")
        }
    }

    @Test func textStringsAreUTF16WhenNotASCII() {
        #expect(PDFObject.text("ar") == .string(Array("ar".utf8)))
        #expect(PDFObject.text("با") == .hexString([0xFE, 0xFF, 0x06, 0x28, 0x06, 0x27]))
        #expect(PDFObject.text("با").textString == "با")
        // Beyond the Basic Multilingual Plane, a surrogate pair.
        #expect(PDFObject.text("ب😀") == .hexString([0xFE, 0xFF, 0x06, 0x28, 0xD8, 0x3D, 0xDE, 0x00]))
        #expect(PDFObject.text("ب😀").textString == "ب😀")
        #expect(PDFObject.text("ب😀").serialized == "<FEFF0628D83DDE00>")
        // Read from a string's UTF-8 as from its scalars: characters of one, two, three and four bytes.
        for text in ["é", "a\tb", "ﻻ", "ب😀é\n", "٣٫٥ % (x)", "ab"] {
            #expect(PDFObject.text(text) == PDFObject.text(Array(text.unicodeScalars)))
        }
        #expect(PDFObject.string(Array("cairo (x)".utf8)).textString == "cairo (x)")
    }

    @Test func theFileIsWrittenAgainWithEachObjectOnce() throws {
        let original = Self.minimalPDF()
        #expect(try Self.read(original).objects == 9)
        var changes = PDFChanges(size: 10)
        changes.replace(1, with: .dictionary(PDFDictionary([("Type", .name("Catalog")), ("Pages", .reference(2)), ("Lang", .text("ar"))])))
        #expect(changes.add(.integer(7)) == 10)
        let sink = ByteSink()
        try original.withUnsafeBufferPointer { (buffer) throws(RenderError) in
            try PDFFile(buffer).write(changes, trailer: PDFDictionary([("Root", .reference(1)), ("Info", .reference(4))]),
                                      coder: FlateCoder(), to: sink)
        }
        let written = sink.withBytes { Array($0) }
        #expect(Self.openedObjects(written) == Array(1...10))
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.contains("1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Lang (ar) >>\nendobj\n"))
        #expect(!text.contains("/Type /Catalog /Pages 2 0 R /StructTreeRoot"))
        #expect(text.contains("xref\n0 11\n0000000000 65535 f \n"))
        #expect(text.contains("trailer\n<< /Size 11 /Root 1 0 R /Info 4 0 R /ID [<"))
        #expect(!text.contains("/Prev") && text.components(separatedBy: "xref\n").count == 3)  // "xref" and "startxref"
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where line.hasSuffix(" n ") || line.hasSuffix(" f ") {
            #expect(line.utf8.count + 1 == 20, "\(line)")
        }
        // The table says where each object is, and the file reads again.
        try written.withUnsafeBufferPointer { (buffer) throws(RenderError) in
            let file = try PDFFile(buffer)
            #expect(file.offsets.count == 10)
            for number in 1...10 { _ = try file.object(number) }
            #expect(try file.object(10) == .integer(7))
        }
        let url = try TestSupport.temporaryFolder().appendingPathComponent("written.pdf")
        try Data(written).write(to: url)
        try TestSupport.inspectPDF(url)
    }

    /// cairo's streams are compressed once: a file whose streams cairo compressed and one whose streams it left
    /// uncompressed (`CAIRO_DEBUG_PDF`) are amended into the same bytes, and written again unamended the second is the
    /// first byte for byte. The map is rewritten (a glyph renamed), the form copied or compressed as cairo would.
    @Test func cairosStreamsAreCompressedOnceEitherWay() throws {
        let compressed = try Self.cairoStreamsPDF(compressed: true), plain = try Self.cairoStreamsPDF(compressed: false)
        let sink = ByteSink()
        try plain.withUnsafeBufferPointer { (buffer) throws(RenderError) in
            try PDFFile(buffer).write(PDFChanges(size: 15), trailer: nil, coder: FlateCoder(), to: sink)
        }
        #expect(sink.withBytes { Array($0) } == compressed)

        let renames = ["\u{FE91}": "ب"]
        let amended = try Self.amended(compressed, info: Self.info, elements: Self.elements, characterRenames: renames)
        #expect(try Self.amended(plain, info: Self.info, elements: Self.elements, characterRenames: renames) == amended)
        #expect(Self.openedObjects(amended) == Array(1...17))
        let url = try TestSupport.temporaryFolder().appendingPathComponent("amended.pdf")
        try Data(amended).write(to: url)
        try TestSupport.inspectPDF(url)
        let expanded = try TestSupport.run("qpdf", ["--qdf", "--object-streams=disable", url.path, "-"]).output
        #expect(expanded.contains("<0001> <0628>") && !expanded.contains("<0001> <fe91>"))
        #expect(expanded.contains("0 0 10 10 re f"))
        // The map's new version keeps cairo's dictionary and length object; the font is left as it was.
        let text = String(decoding: amended, as: UTF8.self)
        #expect(text.contains("11 0 obj\n<< /Length 12 0 R\n   /Filter /FlateDecode\n>>\nstream\n"))
        #expect(text.contains("10 0 obj\n<< /Type /Font /Subtype /Type0 /BaseFont /Test /ToUnicode 11 0 R >>\nendobj\n"))
    }

    /// Every font's /ToUnicode map is written again, compressed once as the rewritten content streams are (libdeflate,
    /// `FlateCoder.deflated`), whether cairo compressed it or left it uncompressed and with no glyph renamed; the form,
    /// not rewritten, stays as cairo compresses it.
    @Test func everyCharacterMapIsCompressedOnceByLibdeflate() throws {
        let coder = FlateCoder()
        let map = try Array(Self.toUnicode.utf8).withUnsafeBufferPointer { (data) throws(RenderError) in try coder.deflated(data) }
        #expect(try Array(Self.toUnicode.utf8).withUnsafeBufferPointer { (data) throws(RenderError) in try coder.deflatedAsCairo(data) } != map)
        let form = try Array(Self.form.utf8).withUnsafeBufferPointer { (data) throws(RenderError) in try coder.deflatedAsCairo(data) }
        for compressed in [true, false] {
            let amended = try Self.amended(try Self.cairoStreamsPDF(compressed: compressed), info: Self.info, elements: Self.elements)
            try amended.withUnsafeBufferPointer { (bytes) throws(RenderError) in
                let file = try PDFFile(bytes)
                let written = try file.streamBytes(11), kept = try file.streamBytes(13)
                #expect(Array(written.data) == map && written.filter == "FlateDecode")
                #expect(Array(kept.data) == form)
            }
        }
    }

    /// An amended file has its font programs, which cairo stored (`FlateCoder.storingCairoStreams`), compressed once,
    /// by libdeflate (`FlateCoder.deflated`); a file not amended, cairo's own, has them as cairo compresses them, at
    /// zlib's default level. None is left stored.
    @Test func fontProgramsAreCompressedOnceByLibdeflate() throws {
        let pdfs = try AmendedPDFs.make(["موجز الأسبوع 2024"], family: "Noto Naskh Arabic", title: "خطوط")
        let coder = FlateCoder()
        for (url, byLibdeflate) in [(pdfs.amended, true), (pdfs.plain, false)] {
            let bytes = Array(try Data(contentsOf: url))
            try bytes.withUnsafeBufferPointer { (buffer) throws(RenderError) in
                let file = try PDFFile(buffer)
                var programs = 0
                for number in file.offsets.keys.sorted() {
                    guard case .integer(let length)? = try file.indirectObject(number).value.dictionary?["Length1"] else { continue }
                    let stream = try file.streamBytes(number)
                    let plain = try coder.inflated(stream.data, what: "font \(number)")
                    let once = try plain.withUnsafeBufferPointer { (data) throws(RenderError) in try coder.deflated(data) }
                    #expect(plain.count == length && stream.filter == "FlateDecode")
                    #expect((Array(stream.data) == once) == byLibdeflate, "font program \(number) of \(url.lastPathComponent)")
                    #expect(stream.data.count > 2 && stream.data[2] & 0x06 != 0, "font program \(number) stored")
                    programs += 1
                }
                #expect(programs >= 2)  // Noto Naskh Arabic and Noto Sans for the digits
            }
        }
    }

    /// A zlib stream of stored blocks (as zlib's level 0 writes them, cairo's deflater while it stores) is read without
    /// inflating: its blocks' bytes, those zlib's inflater gives; a compressed stream, or one whose block is not as
    /// written, is left to the inflater.
    @Test func storedBlocksAreReadWithoutInflating() throws {
        let text = Array(repeating: Array("موجز ".utf8), count: 20_000).flatMap { $0 }  // three blocks of at most 65,535
        var stream: [UInt8] = [0x78, 0x01], rest = text[...]
        while !rest.isEmpty {
            let block = rest.prefix(65_535)
            rest = rest.dropFirst(block.count)
            let length = UInt16(block.count)
            stream += [rest.isEmpty ? 1 : 0, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            stream += block
        }
        var a: UInt32 = 1, b: UInt32 = 0  // Adler-32
        for byte in text {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        stream += [UInt8(b >> 8), UInt8(b & 0xFF), UInt8(a >> 8), UInt8(a & 0xFF)]
        let coder = FlateCoder()
        try stream.withUnsafeBufferPointer { (data) throws(RenderError) in
            #expect(PDFFile.storedBytes(data) == text)
            #expect(try coder.inflated(data, what: "the test's stream") == text)
        }
        let compressed = try text.withUnsafeBufferPointer { (data) throws(RenderError) in try coder.deflated(data) }
        compressed.withUnsafeBufferPointer { #expect(PDFFile.storedBytes($0) == nil) }
        var broken = stream
        broken[5] ^= 1  // the first block's length's complement
        broken.withUnsafeBufferPointer { #expect(PDFFile.storedBytes($0) == nil) }
    }

    /// The file identifier (`/ID`) is the MD5 digest of the count of the bytes before the cross-reference table and of
    /// the CRC-32 of each 4,096 of them, not of the bytes themselves: checked with a CRC-32 and an MD5 of the test's own.
    @Test func theIdentifierDigestsEachBlocksChecksum() throws {
        let padding = "(" + String(repeating: "padding ", count: 1_500) + ")"
        let amended = try Self.amended(Self.minimalPDF(extraObjects: [padding]), info: Self.info, elements: Self.elements)
        // The table opens the last line `xref` (the file holds binary data: its bytes are searched, not its text).
        let opening = Array("\nxref\n0 ".utf8)
        let table = try #require(amended.indices.last { amended[$0...].starts(with: opening) })
        let before = amended[...table]
        #expect(before.count > 3 * 4_096)
        var summary: [UInt8] = (0..<8).reversed().map { UInt8(truncatingIfNeeded: before.count >> (8 * $0)) }
        for start in stride(from: before.startIndex, to: before.endIndex, by: 4_096) {
            var sum: UInt32 = 0xFFFF_FFFF
            for byte in before[start..<min(start + 4_096, before.endIndex)] {
                sum ^= UInt32(byte)
                for _ in 0..<8 { sum = sum & 1 == 1 ? (sum >> 1) ^ 0xEDB8_8320 : sum >> 1 }
            }
            summary += (0..<4).reversed().map { UInt8(truncatingIfNeeded: ~sum >> (8 * $0)) }
        }
        let digest = try TestSupport.run("md5sum", ["-"], input: Data(summary)).output.prefix(32).uppercased()
        #expect(digest.count == 32 && String(decoding: amended[table...], as: UTF8.self).contains("/ID [<\(digest)> <\(digest)>]"))
    }

    /// `bytes` amended (in a sink, as cairo's bytes are).
    static func amended(_ bytes: [UInt8], info: DocumentInfo, elements: [StructurePlan.Element],
                        characterRenames: [String: String] = [:]) throws(RenderError) -> [UInt8] {
        let sink = ByteSink()
        sink.append(bytes)
        try PDFAmendment.amend(sink, info: info, elements: elements, characterRenames: characterRenames)
        return sink.withBytes { Array($0) }
    }

    @Test func aSmallPDFIsAmendedIntoAValidArchivalOne() throws {
        let amended = try Self.amended(Self.minimalPDF(), info: Self.info, elements: Self.elements)
        let url = try TestSupport.temporaryFolder().appendingPathComponent("amended.pdf")
        try Data(amended).write(to: url)
        let facts = try TestSupport.inspectPDF(url)
        #expect(facts.lang == "ar")
        #expect(facts.viewerPreferences == ["DisplayDocTitle": "True"])
        #expect(facts.hasID)
        #expect(facts.info["CreationDate"] == "D:20240915000000Z" && facts.info["ModDate"] == "D:20240915000000Z")
        #expect(facts.xmp["CreateDate"] == "2024-09-15T00:00:00Z")
        #expect(facts.xmp["Producer"] == "cairo 1.16.0 (https://cairographics.org)")
        #expect(facts.xmp["title"] == "A (small) test" && facts.xmp["creator"] == "Office" && facts.xmp["Keywords"] == "one, two")
        #expect(facts.xmp["description"] == nil)
        #expect(facts.links.map(\.flags) == [4])
        #expect(facts.structure.map(\.role) == ["Document", "Figure", "P"])
        #expect(facts.structure.map(\.alt) == [nil, "مخطط", nil])
        #expect(facts.structure.map(\.actualText) == [nil, nil, "نص"])
        #expect(try #require(facts.profileDeviation) <= 1)
        // The same bytes in give the same bytes out, identifier included.
        #expect(try Self.amended(Self.minimalPDF(), info: Self.info, elements: Self.elements) == amended)
    }

    @Test func theAmendedFileIsHandedOverWhereItWasWritten() throws {
        // A long document's PDF is not copied again: the amended file is written once, and becomes the data.
        let sink = ByteSink()
        sink.append(Self.minimalPDF())
        try PDFAmendment.amend(sink, info: Self.info, elements: Self.elements)
        let written = sink.withBytes { UnsafeRawPointer($0.baseAddress) }
        let amended = sink.withBytes { Array($0) }
        let data = sink.takeData()
        #expect(data.withUnsafeBytes { $0.baseAddress } == written)
        #expect(Array(data) == amended)
        #expect(amended == (try Self.amended(Self.minimalPDF(), info: Self.info, elements: Self.elements)))
        #expect(sink.count == 0 && sink.takeData().isEmpty)
    }

    /// A /ToUnicode CMap as cairo writes it, with a glyph named by a presentation form (ﺑ).
    /// The form's content in `cairoStreamsPDF`.
    static let form = "q 1 0 0 1 5 5 cm 0 0 10 10 re f Q\n"

    static let toUnicode = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<0000> <ffff>\n"
        + "endcodespacerange\n3 beginbfchar\n<0001> <fe91>\n<0002> <0628>\n<0003> <06440627>\nendbfchar\nendcmap\nend\nend\n"

    @Test func toUnicodeEntriesAreRenamed() throws {
        let renamed = try #require(ToUnicodeMap.renaming(["\u{FE91}": "ب"], in: Array(Self.toUnicode.utf8)))
        #expect(String(decoding: renamed, as: UTF8.self) == Self.toUnicode.replacingOccurrences(of: "<0001> <fe91>", with: "<0001> <0628>"))
        #expect(ToUnicodeMap.renaming(["\u{FE92}": "ب"], in: Array(Self.toUnicode.utf8)) == nil)
    }

    /// One search of the file finds each word's objects: a word in three objects (two of them as the start of a longer
    /// name, the page's /Annots among them: the search is of bytes), two words in one object, a word in none.
    @Test func objectsAreFoundByEachWordTheyMention() throws {
        let bytes = Self.minimalPDF(extraObjects: ["<< /Type /Annot /Subtype /Link >>", "<< /ToUnicode 3 0 R /Annotations 1 >>"])
        try bytes.withUnsafeBufferPointer { (buffer) throws(RenderError) in
            let file = try PDFFile(buffer)
            #expect(file.objects(mentioningEach: ["/Annot", "/CIDFontType2", "/ToUnicode"]) == [[3, 5, 10, 11], [], [11]])
            #expect(file.objects(mentioning: ["/ToUnicode", "/Annot"]) == [3, 5, 10, 11])
        }
    }

    /// A font whose map qpdf compressed with /FlateDecode, as cairo writes it: the amendment reads the map, and writes a
    /// new version of it and of the font with the presentation form renamed.
    @Test func aCompressedToUnicodeMapIsReadAndRenamed() throws {
        let fontObjects = ["<< /Type /Font /Subtype /Type0 /BaseFont /Test /ToUnicode 11 0 R >>",
                           "<< /Length \(Self.toUnicode.utf8.count) >>\nstream\n\(Self.toUnicode)\nendstream"]
        let folder = try TestSupport.temporaryFolder()
        let plain = folder.appendingPathComponent("plain.pdf"), compressed = folder.appendingPathComponent("compressed.pdf")
        try Data(Self.minimalPDF(catalogExtras: " /TestFont 10 0 R", extraObjects: fontObjects)).write(to: plain)
        #expect(try TestSupport.run("qpdf", ["--object-streams=disable", "--compress-streams=y", "--stream-data=compress", plain.path, compressed.path]).status == 0)
        let bytes = Array(try Data(contentsOf: compressed))
        let data = try bytes.withUnsafeBufferPointer { (buffer) throws -> [UInt8] in
            let file = try PDFFile(buffer)
            let font = try #require(file.objects(mentioning: ["/ToUnicode"]).first)
            let map = try #require(try file.object(font).dictionary?["ToUnicode"]?.referenced)
            return try file.streamData(map)
        }
        #expect(data == Array(Self.toUnicode.utf8))

        let amended = folder.appendingPathComponent("amended.pdf")
        try Data(try Self.amended(bytes, info: Self.info, elements: Self.elements, characterRenames: ["\u{FE91}": "ب"])).write(to: amended)
        #expect(try TestSupport.run("qpdf", ["--check", amended.path]).status == 0)
        let expanded = try TestSupport.run("qpdf", ["--qdf", "--object-streams=disable", amended.path, "-"]).output
        #expect(expanded.contains("<0001> <0628>") && !expanded.contains("<0001> <fe91>"))
    }

    @Test func whatDoesNotFitIsAnError() throws {
        #expect(throws: RenderError.amendment("the structure tree has 3 elements, not the 2 planned")) {
            try Self.amended(Self.minimalPDF(), info: Self.info, elements: Array(Self.elements.prefix(2)))
        }
        #expect(throws: RenderError.amendment("the catalog already has /Lang")) {
            try Self.amended(Self.minimalPDF(catalogExtras: " /Lang (en)"), info: Self.info, elements: Self.elements)
        }
        #expect(throws: RenderError.amendment("no startxref")) {
            try Self.amended(Array("%PDF-1.5\n".utf8), info: Self.info, elements: Self.elements)
        }
        // A damaged file is not written again as if it were whole: a table that misplaces an object the amendment
        // copies unread, a stream's length object that is not cairo's.
        var misplaced = Self.minimalPDF(extraObjects: ["<< /Type /Unread >>", "(also unread)"])
        let table = String(decoding: misplaced, as: UTF8.self).components(separatedBy: "xref\n")[1]
        let entries = table.split(separator: "\n").filter { $0.hasSuffix(" n ") }
        let xref = try #require(try? Self.read(misplaced).crossReference)
        var swapped = String(decoding: misplaced[xref...], as: UTF8.self)
        swapped = swapped.replacingOccurrences(of: entries[9], with: "SWAP").replacingOccurrences(of: entries[10], with: entries[9])
            .replacingOccurrences(of: "SWAP", with: entries[10])
        misplaced = Array(misplaced[..<xref]) + Array(swapped.utf8)
        #expect(throws: RenderError.amendment("object 11 is not where the table says")) {
            try Self.amended(misplaced, info: Self.info, elements: Self.elements)
        }
        var lengths = try Self.cairoStreamsPDF(compressed: false)
        lengths = Array(String(decoding: lengths, as: UTF8.self).replacingOccurrences(of: "12 0 obj\n   ", with: "12 0 obj\n  +").utf8)
        #expect(throws: RenderError.amendment("object 12, a stream's length, is not as cairo writes it")) {
            try Self.amended(lengths, info: Self.info, elements: Self.elements, characterRenames: ["\u{FE91}": "ب"])
        }
    }

    @Test func objectsAreCopiedAsTheyAreReadAndWritten() throws {
        // `copyObject` writes what it copies as `object()` reads it and `PDFObject.write` writes it, without making it.
        let copied = [
            "<< /Type /StructElem\n   /S /P\n   /P 3 0 R\n   /Pg 2 0 R /K 0\n>>",
            "<< /K [ 4 0 R 5 0 R << /Type /MCR /Pg 7 0 R /MCID 3 >> 12 ] /N#20x -7 /R +5 /F 0.5 /G -.25 /B true /Z null /E << >> /A [] >>",
            "[99999999999999999999 1 2 0 R 3 4 false]", "%a comment\n/Name", "12 0 R",
        ]
        for source in copied {
            var output: [UInt8] = []
            let isCopied = Array(source.utf8).withUnsafeBufferPointer { bytes in
                var parser = PDFParser(bytes)
                return parser.copyObject(to: &output)
            }
            #expect(isCopied, "\(source)")
            #expect(String(decoding: output, as: UTF8.self) == (try Self.object(source)).serialized)
        }
        // A string, a name or keyword beyond ASCII, and what `object()` does not read are left to it.
        for source in ["(a string)", "<FEFF0627>", "<< /T (x) >>", "[1 /é]", "1e5", "<< 1 2 >>", "[1 2"] {
            var output: [UInt8] = []
            let isCopied = Array(source.utf8).withUnsafeBufferPointer { bytes in
                var parser = PDFParser(bytes)
                return parser.copyObject(to: &output)
            }
            #expect(!isCopied, "\(source)")
        }
    }

    @Test func structureElementsAreCopiedAndGivenTheirTexts() throws {
        // The document's /K holds a marked-content reference among its kids; the figure has an /Alt already, replaced
        // where it stands; the paragraph holds a string, so it is read as objects, not copied: each written as before.
        var objects = Self.minimalObjects()
        objects[6] = Array("<< /Type /StructElem\n   /S /Document\n   /P 6 0 R\n   /K [ 8 0 R << /Type /MCR /Pg 3 0 R /MCID 0 >> 9 0 R ]\n>>".utf8)
        objects[7] = Array("<< /Type /StructElem /Alt (old) /S /Figure /P 7 0 R >>".utf8)
        objects[8] = Array("<< /Type /StructElem /S /P /T (a \\(title\\)) /P 7 0 R /Pg 3 0 R /K 0 >>".utf8)
        let amended = String(decoding: try Self.amended(Self.file(objects), info: Self.info, elements: Self.elements), as: UTF8.self)
        #expect(amended.contains("\n7 0 obj\n<< /Type /StructElem\n   /S /Document\n   /P 6 0 R\n   /K [ 8 0 R << /Type /MCR /Pg 3 0 R /MCID 0 >> 9 0 R ]\n>>\nendobj\n"))
        #expect(amended.contains("\n8 0 obj\n<< /Type /StructElem /Alt <FEFF0645062E06370637> /S /Figure /P 7 0 R >>\nendobj\n"))
        #expect(amended.contains("\n9 0 obj\n<< /Type /StructElem /S /P /T (a \\(title\\)) /P 7 0 R /Pg 3 0 R /K 0 /ActualText <FEFF06460635> >>\nendobj\n"))
        // The tree's types are checked in its order, the copied elements' as the others'.
        #expect(throws: RenderError.amendment("the structure tree has 3 elements, not the 3 planned")) {
            try Self.amended(Self.file(objects), info: Self.info,
                             elements: [Self.elements[0], StructurePlan.Element(type: "P"), Self.elements[1]])
        }
    }

    @Test func entriesAreReadWithoutReadingTheRest() throws {
        // `PDFParser.entries` gives the first of each entry asked as `indirectObject()` reads the object, the other
        // values read past without objects made of them (a font's /Widths, a page's arrays), and whether a stream follows.
        let keys = [Array("ToUnicode".utf8), Array("Subtype".utf8), Array("Length".utf8)]
        let read = [
            "9 0 obj\n<< /Type /Font /Subtype /TrueType /FirstChar 32 /Widths [ 250 -3 0.5 +2 ] /Z null /B true\n   /D << /E [ 1 0 R ] >> /ToUnicode 11 0 R /ToUnicode 12 0 R >>\nendobj\n",
            "9 0 obj\n<< /Length 10 0 R /Filter /FlateDecode %a comment\n /K [1 2 0 R 3] >>\nstream\nxyz\nendstream\nendobj\n",
            "9 0 obj\n<< /Subtype (a string asked) /N#20x 1 >>\nendobj\n", "9 0 obj\n<< >>\nendobj\n",
            // A value that is a name beyond ASCII is read past, though `copyObject` would not copy it.
            "9 0 obj\n<< /BaseFont /Na\u{C9}ve /Subtype /Type0 >>\nendobj\n",
        ]
        for source in read {
            let (entries, object) = try Array(source.utf8).withUnsafeBufferPointer { (bytes) throws(RenderError) in
                var parser = PDFParser(bytes), reader = PDFParser(bytes)
                let object = try reader.indirectObject()
                return (parser.entries(keys, of: 9), object)
            }
            let found = try #require(entries, "\(source)")
            let dictionary = try #require(object.value.dictionary)
            #expect(found.values == keys.map { dictionary[String(decoding: $0, as: UTF8.self)] }, "\(source)")
            #expect(found.hasStream == object.hasStream, "\(source)")
        }
        // A string or a key beyond ASCII among the rest, what `object()` does not read, another object or another
        // number: left to `indirectObject()`.
        for source in ["9 0 obj\n<< /T (x) /ToUnicode 11 0 R >>", "9 0 obj\n<< /\u{C9} 1 >>", "9 0 obj\n<< /A [ R ] >>",
                       "9 0 obj\n<< /A 1e5 >>", "9 0 obj\n[ 1 2 ]", "8 0 obj\n<< >>", "9 0 obj\n<< /A 1"] {
            let entries = Array(source.utf8).withUnsafeBufferPointer { bytes in
                var parser = PDFParser(bytes)
                return parser.entries(keys, of: 9)
            }
            #expect(entries == nil, "\(source)")
        }
        // `PDFFile.entries` reads what the parser leaves as objects: the same values; nil for what is no dictionary.
        var objects = Self.minimalObjects()
        objects.append(Array("<< /T (x) /Subtype /Type0 /ToUnicode 11 0 R >>".utf8))
        objects.append(Array("[ 1 2 ]".utf8))
        let (font, array) = try Self.file(objects).withUnsafeBufferPointer { (buffer) throws(RenderError) in
            let file = try PDFFile(buffer)
            let font = try file.entries(keys, of: objects.count - 1), array = try file.entries(keys, of: objects.count)
            return (font, array)
        }
        #expect(font?.values == [.reference(11), .name("Type0"), nil])
        #expect(font?.isStream == false)
        #expect(array == nil)
    }

    @Test func theProfileIsAWellFormedICCVersion2DisplayProfile() throws {
        let profile = SRGBProfile.bytes
        func uint32(_ offset: Int) -> Int { profile[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
        func ascii(_ offset: Int) -> String { String(decoding: profile[offset..<(offset + 4)], as: UTF8.self) }
        #expect(uint32(0) == profile.count)
        #expect(profile[8] == 2 && ascii(12) == "mntr" && ascii(16) == "RGB " && ascii(20) == "XYZ " && ascii(36) == "acsp")
        let count = uint32(128)
        #expect(count == 9)
        var tags: [String: (offset: Int, size: Int)] = [:]
        for index in 0..<count {
            let entry = 132 + 12 * index
            tags[ascii(entry)] = (uint32(entry + 4), uint32(entry + 8))
        }
        #expect(Set(tags.keys) == ["desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"])
        for (_, tag) in tags { #expect(tag.offset % 4 == 0 && tag.offset + tag.size <= profile.count) }
        let curve = try #require(tags["rTRC"])
        #expect(tags["gTRC"]?.offset == curve.offset && tags["bTRC"]?.offset == curve.offset)
        #expect(ascii(curve.offset) == "curv" && uint32(curve.offset + 8) == 1024)
        func sample(_ index: Int) -> Int { Int(profile[curve.offset + 12 + 2 * index]) << 8 | Int(profile[curve.offset + 13 + 2 * index]) }
        #expect(sample(0) == 0 && sample(1023) == 65535)
        #expect(abs(Double(sample(512)) / 65535 - SRGBProfile.linear(512.0 / 1023)) < 1e-4)
        #expect(abs(SRGBProfile.linear(0.5) - 0.21404) < 1e-4)
    }

    @Test func datesAreWrittenAsTheirFormatsSayInUTC() {
        for seconds in [0, 1_700_000_000, 951_782_400, -1, -62_135_596_800, 253_402_300_799, 253_402_300_800] {
            var time = time_t(seconds), parts = tm()
            gmtime_r(&time, &parts)
            let fields = [Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min),
                          Int(parts.tm_sec)]
            #expect(PDFAmendment.pdfDate(seconds) == String(format: "D:%04d%02d%02d%02d%02d%02dZ", fields[0], fields[1], fields[2],
                                                            fields[3], fields[4], fields[5]))
            #expect(PDFAmendment.xmpDate(seconds) == String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", fields[0], fields[1], fields[2],
                                                            fields[3], fields[4], fields[5]))
        }
    }
}
