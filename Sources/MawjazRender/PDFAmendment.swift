// What cairo 1.16 cannot write, put into its PDF, which is written again whole: the document's language, viewer
// preferences, the figures' alternative texts, XMP metadata and an sRGB output intent for PDF/A-2b, print flags
// on links, explicit CID-to-glyph maps, dates with their prefix, a file identifier, renamed /ToUnicode entries, and
// /ActualText spans around numbers drawn beside their signs, in new versions of the pages' content streams.
internal import CPangoCairo
import Foundation
import MawjazFrame

/// Amends a PDF written by cairo 1.16 into a tagged PDF/A-2b file.
enum PDFAmendment {
    /// Writes `pdf` (a PDF cairo wrote into it) again, amended, where its bytes were: each object once, in its one
    /// version (`PDFFile.write`); cairo's file and the amended one are held together only while the one is written from
    /// the other. `elements` are the structure elements cairo was given, in the order they opened, which is the order of
    /// the structure tree; `characterRenames` the characters to rename in the fonts' /ToUnicode maps
    /// (`TextLayerPlan.characterRenames`); `numberSpans` each page's number spans (`NumberSpanLog.pages`). `stop` is
    /// asked before each structure element and each object is amended: once raised, the amendment ends with
    /// `RenderError.stopped`.
    static func amend(_ pdf: ByteSink, info: DocumentInfo, elements: [StructurePlan.Element],
                      characterRenames: [String: String] = [:], numberSpans: [NumberSpanLog.Page] = [],
                      stop: StopSignal = .never) throws(RenderError) {
        let output = ByteSink()
        // cairo's file is read in place.
        try pdf.withBytes { (bytes) throws(RenderError) in
            let file = try PDFFile(bytes)
            try FlateCoder.borrowing { (coder) throws(RenderError) in
                let (changes, trailer) = try self.changes(to: file, info: info, elements: elements, characterRenames: characterRenames,
                                                          numberSpans: numberSpans, coder: coder, stop: stop)
                if stop.isRaised { throw .stopped }
                try file.write(changes, trailer: trailer, coder: coder, to: output)
            }
        }
        pdf.take(output)
    }

    /// The changes to `file` and the trailer's entries (besides /Size and /ID); `coder` inflates and deflates the
    /// streams read and rewritten.
    private static func changes(to file: PDFFile, info: DocumentInfo, elements: [StructurePlan.Element],
                                characterRenames: [String: String], numberSpans: [NumberSpanLog.Page], coder: FlateCoder,
                                stop: StopSignal) throws(RenderError) -> (PDFChanges, PDFDictionary) {
        var update = PDFChanges(size: try integer(file.trailer["Size"], "the trailer's /Size"))
        guard let rootNumber = file.trailer["Root"]?.referenced, var catalog = try file.object(rootNumber).dictionary,
              catalog["Type"]?.name == "Catalog" else {
            throw .amendment("the trailer's /Root is not a catalog")
        }
        for key in ["Lang", "Metadata", "OutputIntents", "ViewerPreferences"] where catalog[key] != nil {
            throw .amendment("the catalog already has /\(key)")
        }

        try addTexts(elements, root: catalog["StructTreeRoot"], in: file, to: &update, stop: stop)
        let mentions = file.objects(mentioningEach: ["/Annot", "/CIDFontType2", "/ToUnicode"])
        try amendObjects(Set(mentions[0] + mentions[1]).sorted(), of: file, in: &update, stop: stop)
        try rewriteCharacterMaps(characterRenames, fonts: mentions[2], in: file, coder: coder, to: &update)
        try writeNumberSpans(numberSpans, catalog: catalog, in: file, to: &update, characterRenames: characterRenames, coder: coder,
                             stop: stop)

        let date = pdfDate(info.creationDate)
        guard let infoNumber = file.trailer["Info"]?.referenced, var infoDictionary = try file.object(infoNumber).dictionary else {
            throw .amendment("the trailer has no /Info dictionary")
        }
        infoDictionary["CreationDate"] = .string(Array(date.utf8))
        infoDictionary["ModDate"] = .string(Array(date.utf8))
        update.replace(infoNumber, with: .dictionary(infoDictionary))

        let producer = infoDictionary["Producer"]?.textString ?? ""
        let metadata = XMPPacket(info: info, producer: producer).bytes
        let metadataNumber = update.addStream(PDFDictionary([("Type", .name("Metadata")), ("Subtype", .name("XML"))]), data: metadata)
        let profileNumber = update.addStream(PDFDictionary([("N", .integer(3))]), data: SRGBProfile.bytes)
        let intentNumber = update.add(.dictionary(PDFDictionary([
            ("Type", .name("OutputIntent")), ("S", .name("GTS_PDFA1")),
            ("OutputConditionIdentifier", .text(SRGBProfile.name)), ("Info", .text(SRGBProfile.name)),
            ("RegistryName", .text("http://www.color.org")), ("DestOutputProfile", .reference(profileNumber)),
        ])))

        catalog["Lang"] = .text(info.language)
        // No /Direction /R2L even for a right-to-left language: PDFium (Chrome's and Edge's viewer) takes it as an
        // order to read every line right to left, so English paragraphs, addresses and codes copy back reversed
        // (measured on Tests/MawjazTests/Fixtures/fidelity: 6 more tokens of 85 exact without it). Viewers that
        // honour it only use it to place facing pages; /Lang already says the language and its direction.
        catalog["ViewerPreferences"] = .dictionary(PDFDictionary([("DisplayDocTitle", .boolean(true))]))
        catalog["MarkInfo"] = .dictionary(PDFDictionary([("Marked", .boolean(true))]))
        catalog["Metadata"] = .reference(metadataNumber)
        catalog["OutputIntents"] = .array([.reference(intentNumber)])
        update.replace(rootNumber, with: .dictionary(catalog))

        return (update, PDFDictionary([("Root", .reference(rootNumber)), ("Info", .reference(infoNumber))]))
    }

    /// Gives each element of the tree the alternative and actual texts it was planned with, after checking that the
    /// tree (walked depth first) holds the planned elements in the planned order.
    private static func addTexts(_ planned: [StructurePlan.Element], root: PDFObject?, in file: PDFFile,
                                 to update: inout PDFChanges, stop: StopSignal) throws(RenderError) {
        var elements = ElementsRead()
        func walk(_ kids: [Int]) throws(RenderError) {
            for child in kids {
                if stop.isRaised { throw .stopped }
                guard let kids = try elements.read(child, in: file) else { continue }
                try walk(kids)
            }
        }
        if let root {
            guard let tree = try file.resolveDictionary(root) else { throw .amendment("the structure tree root is not a dictionary") }
            try walk(ElementsRead.references(tree["K"]))
        }
        guard elements.found.count == planned.count, zip(elements.found, planned).allSatisfy({ $0.type == $1.type }) else {
            throw .amendment("the structure tree has \(elements.found.count) elements, not the \(planned.count) planned")
        }
        for (index, plan) in planned.enumerated() {
            if let written = elements.written(index, alternativeText: plan.alternativeText, actualText: plan.actualText) {
                update.replace(elements.found[index].number, written: written)
            }
        }
    }

    /// The structure elements read from a file, depth first, each one's dictionary written as `PDFDictionary.write` writes
    /// it into one buffer: copied from the file's bytes (`PDFParser.copyObject`), not read into objects and written from
    /// them, and written again with its texts by copying that, an entry given a text spliced in. Read into objects (a
    /// `PDFDictionary` of names, arrays and dictionaries an element, each written again entry by entry), the tree cost
    /// 1.23 M instructions a 3-page document and 8.52 M a 21-page one; copied, 0.88 M and 6.54 M.
    private struct ElementsRead {
        struct Element {
            let number: Int
            /// The element's /S, as `PDFDictionary`'s subscript finds it; empty when it is not a name.
            let type: String
            /// Where its dictionary lies in `bytes`, and its entries in `entries`.
            let dictionary: Range<Int>, entries: Range<Int>
        }
        private(set) var found: [Element] = []
        /// The elements' dictionaries, one after another.
        private var bytes: [UInt8] = []
        /// Where each entry's key (without its slash) and value lie in `bytes`, the elements' one after another.
        private var entries: [(key: Range<Int>, value: Range<Int>)] = []

        private static let alternativeTextKey = Array("Alt".utf8), actualTextKey = Array("ActualText".utf8)

        /// Reads object `number` and notes it when it is a structure element (a dictionary with /S); the objects its /K
        /// refers to (a reference, or the references of an array), nil when it is not noted.
        mutating func read(_ number: Int, in file: PDFFile) throws(RenderError) -> [Int]? {
            let start = bytes.count, firstEntry = entries.count
            if let kids = copy(number, in: file) { return kids }
            bytes.removeSubrange(start...)
            entries.removeSubrange(firstEntry...)
            // What the copy does not copy is read and written as objects: the same bytes, or the same error.
            guard let element = try file.object(number).dictionary, element["S"] != nil else { return nil }
            var written: [(key: Range<Int>, value: Range<Int>)] = []
            element.write(to: &bytes) { written.append(($0, $1)) }
            entries.append(contentsOf: written)
            found.append(Element(number: number, type: element["S"]?.name ?? "", dictionary: start..<bytes.count,
                                 entries: firstEntry..<entries.count))
            return Self.references(element["K"])
        }

        /// The objects `kids` (an element's /K) refers to.
        static func references(_ kids: PDFObject?) -> [Int] {
            (kids?.array ?? (kids.map { [$0] } ?? [])).compactMap(\.referenced)
        }

        /// `read`'s copy of object `number`; nil when it is not a structure element or not copied.
        private mutating func copy(_ number: Int, in file: PDFFile) -> [Int]? {
            guard let offset = file.offsets[number] else { return nil }
            var parser = PDFParser(file.bytes, at: offset)
            guard parser.integer() == number, parser.integer() != nil, parser.isWord("obj") else { return nil }
            parser.skipSpace()
            guard parser.position + 1 < parser.bytes.count, parser.bytes[parser.position] == UInt8(ascii: "<"),
                  parser.bytes[parser.position + 1] == UInt8(ascii: "<") else { return nil }
            parser.position += 2
            let start = bytes.count, firstEntry = entries.count
            bytes.append(utf8: "<< ")
            var type: String?, kids: [Int]?
            while true {
                parser.skipSpace()
                guard parser.position < parser.bytes.count else { return nil }
                if parser.bytes[parser.position] == UInt8(ascii: ">") {
                    guard parser.position + 1 < parser.bytes.count, parser.bytes[parser.position + 1] == UInt8(ascii: ">") else { return nil }
                    break
                }
                guard parser.bytes[parser.position] == UInt8(ascii: "/") else { return nil }
                if entries.count > firstEntry { bytes.append(UInt8(ascii: " ")) }
                let keyStart = bytes.count
                guard parser.copyObject(to: &bytes) else { return nil }
                let key = (keyStart + 1)..<bytes.count
                bytes.append(UInt8(ascii: " "))
                let valueStart = bytes.count
                // /S and /K, the first of each (as the subscript finds them), are told by their one letter.
                let letter = key.count == 1 ? bytes[key.lowerBound] : 0
                if letter == UInt8(ascii: "K"), kids == nil {
                    guard let referred = parser.copyKids(to: &bytes) else { return nil }
                    kids = referred
                } else {
                    guard parser.copyObject(to: &bytes) else { return nil }
                    if letter == UInt8(ascii: "S"), type == nil {
                        // A name is written with its slash, and no other value starts with one.
                        type = bytes[valueStart] == UInt8(ascii: "/") ? String(decoding: bytes[(valueStart + 1)...], as: UTF8.self) : ""
                    }
                }
                entries.append((key, valueStart..<bytes.count))
            }
            guard let type else { return nil }
            bytes.append(utf8: " >>")
            found.append(Element(number: number, type: type, dictionary: start..<bytes.count, entries: firstEntry..<entries.count))
            return kids ?? []
        }

        /// Element `index` as `PDFDictionary.write` writes it once its /Alt is `alternativeText` and its /ActualText
        /// `actualText`, each when not empty (an entry of the key given the value, else an entry added at the end, as
        /// the subscript sets them); nil when that changes none of its entries.
        func written(_ index: Int, alternativeText: String?, actualText: String?) -> [UInt8]? {
            let element = found[index]
            var replaced: [(range: Range<Int>, value: [UInt8])] = [], added: [UInt8] = []
            func set(_ key: [UInt8], to text: String?) {
                guard let text, !text.isEmpty else { return }
                if let entry = entries[element.entries].first(where: { $0.key.count == key.count && bytes[$0.key].elementsEqual(key) }) {
                    var value: [UInt8] = []
                    PDFObject.text(text).write(to: &value)
                    if !bytes[entry.value].elementsEqual(value) { replaced.append((entry.value, value)) }
                } else {
                    if !element.entries.isEmpty || !added.isEmpty { added.append(UInt8(ascii: " ")) }
                    added.append(UInt8(ascii: "/"))
                    added.append(contentsOf: key)
                    added.append(UInt8(ascii: " "))
                    PDFObject.text(text).write(to: &added)
                }
            }
            set(Self.alternativeTextKey, to: alternativeText)
            set(Self.actualTextKey, to: actualText)
            guard !replaced.isEmpty || !added.isEmpty else { return nil }
            // The dictionary's bytes to its closing ` >>`, the replaced values spliced in, then the added entries.
            var output: [UInt8] = []
            output.reserveCapacity(element.dictionary.count + added.count + replaced.reduce(0) { $0 + $1.value.count })
            bytes.withUnsafeBufferPointer { source in
                var from = element.dictionary.lowerBound
                for (range, value) in replaced.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: source[from..<range.lowerBound]))
                    output.append(contentsOf: value)
                    from = range.upperBound
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: source[from..<(element.dictionary.upperBound - 3)]))
            }
            output.append(contentsOf: added)
            output.append(utf8: " >>")
            return output
        }
    }

    /// PDF/A wants every annotation printable and every TrueType CID font's glyph map explicit: cairo writes
    /// link annotations without flags and leaves /CIDToGIDMap to its default, Identity. `candidates` are the objects
    /// that mention /Annot or /CIDFontType2.
    private static func amendObjects(_ candidates: [Int], of file: PDFFile, in update: inout PDFChanges,
                                     stop: StopSignal) throws(RenderError) {
        for number in candidates {
            if stop.isRaised { throw .stopped }
            let object = try file.indirectObject(number)
            guard !object.isStream, var dictionary = object.value.dictionary else { continue }
            if dictionary["Type"]?.name == "Annot", dictionary["F"] == nil {
                dictionary["F"] = .integer(4)
                update.replace(number, with: .dictionary(dictionary))
            } else if dictionary["Subtype"]?.name == "CIDFontType2", dictionary["CIDToGIDMap"] == nil {
                dictionary["CIDToGIDMap"] = .name("Identity")
                update.replace(number, with: .dictionary(dictionary))
            }
        }
    }

    private static func integer(_ value: PDFObject?, _ what: String) throws(RenderError) -> Int {
        guard case .integer(let number) = value else { throw .amendment("\(what) is not a number") }
        return number
    }

    /// `seconds` since 1970 as a PDF date in UTC: D:YYYYMMDDHHmmSSZ.
    static func pdfDate(_ seconds: Int) -> String {
        let parts = utc(seconds)
        return "D:" + padded(parts.year, 4) + padded(parts.month, 2) + padded(parts.day, 2) + padded(parts.hour, 2)
            + padded(parts.minute, 2) + padded(parts.second, 2) + "Z"
    }

    /// `seconds` since 1970 as an XMP date in UTC, the ISO 8601 form cairo's PDF metadata takes too:
    /// YYYY-MM-DDTHH:mm:SSZ.
    static func xmpDate(_ seconds: Int) -> String {
        let parts = utc(seconds)
        return padded(parts.year, 4) + "-" + padded(parts.month, 2) + "-" + padded(parts.day, 2) + "T" + padded(parts.hour, 2)
            + ":" + padded(parts.minute, 2) + ":" + padded(parts.second, 2) + "Z"
    }

    /// `value` in decimal with zeros before it to `width` digits, as `%0*d` writes it (`String(format:)` cost some 38,000
    /// instructions a date); a negative value as `String(format:)` writes it.
    private static func padded(_ value: Int, _ width: Int) -> String {
        guard value >= 0 else { return String(format: "%0\(width)d", value) }
        let digits = String(value)
        return digits.utf8.count < width ? String(repeating: "0", count: width - digits.utf8.count) + digits : digits
    }

    private static func utc(_ seconds: Int) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// The file identifier of a file whose bytes before its cross-reference table are `bytes`: the MD5 digest (through
    /// GLib) of their count and of the CRC-32 of each 4,096 of them (libdeflate's, with carry-less multiplication). The
    /// same file gives the same identifier, and files that differ anywhere differ in a block's CRC-32 but once in 2^32.
    /// MD5 over the whole file, a chain of dependent steps some 9 instructions and 5 cycles a byte, cost 0.9 M
    /// instructions a 3-page document (99 KB) and 3.4 M a 21-page one (372 KB), about 1 % of the time of either.
    static func identifier(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let block = 4_096
        var summary: [UInt8] = []
        summary.reserveCapacity(8 + 4 * (bytes.count / block + 1))
        for shift in stride(from: 56, through: 0, by: -8) { summary.append(UInt8(truncatingIfNeeded: bytes.count >> shift)) }
        for start in stride(from: 0, to: bytes.count, by: block) {
            let sum = libdeflate_crc32(0, bytes.baseAddress.map { $0 + start }, min(block, bytes.count - start))
            for shift in stride(from: 24, through: 0, by: -8) { summary.append(UInt8(truncatingIfNeeded: sum >> UInt32(shift))) }
        }
        return summary.withUnsafeBufferPointer(md5)
    }

    /// The MD5 digest of `bytes` (through GLib).
    private static func md5(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let checksum = g_checksum_new(G_CHECKSUM_MD5)
        defer { g_checksum_free(checksum) }
        g_checksum_update(checksum, bytes.baseAddress, bytes.count)
        var digest = [UInt8](repeating: 0, count: 16)
        var length = gsize(digest.count)
        g_checksum_get_digest(checksum, &digest, &length)
        return digest
    }
}
