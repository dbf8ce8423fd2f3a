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
        try writeNumberSpans(numberSpans, catalog: catalog, in: file, to: &update, coder: coder, stop: stop)

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
        var found: [(number: Int, element: PDFDictionary)] = []
        func walk(_ kids: PDFObject?) throws(RenderError) {
            let children = kids?.array ?? (kids.map { [$0] } ?? [])
            for child in children {
                if stop.isRaised { throw .stopped }
                guard let number = child.referenced, let element = try file.object(number).dictionary,
                      element["S"] != nil else { continue }
                found.append((number, element))
                try walk(element["K"])
            }
        }
        if let root {
            guard let tree = try file.resolveDictionary(root) else { throw .amendment("the structure tree root is not a dictionary") }
            try walk(tree["K"])
        }
        guard found.map({ $0.element["S"]?.name ?? "" }) == planned.map(\.type) else {
            throw .amendment("the structure tree has \(found.count) elements, not the \(planned.count) planned")
        }
        for (object, plan) in zip(found, planned) {
            var element = object.element
            if let text = plan.alternativeText, !text.isEmpty { element["Alt"] = .text(text) }
            if let text = plan.actualText, !text.isEmpty { element["ActualText"] = .text(text) }
            if element != object.element { update.replace(object.number, with: .dictionary(element)) }
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
