// The fonts' /ToUnicode maps written again: renamed after cairo (glyphs the text layer wrote under the presentation
// forms cairo names them by, see `TextLayerPlan`, get back the letters they stand for) and compressed once.
import Foundation

extension PDFAmendment {
    /// Writes a new version of every font's /ToUnicode map (`fonts`: the objects that mention /ToUnicode), compressed
    /// by `coder` as the rewritten content streams are (`FlateCoder.deflated`), every entry whose text is a key of
    /// `renames` given the value's text instead; the fonts that use them are left as they are. A map cairo left
    /// uncompressed (`Renderer.askCairoForUncompressedStreamsOnce`) is read as it is, one it compressed is inflated,
    /// so that the bytes are the same either way. Kept as cairo wrote them, the maps it left uncompressed were
    /// compressed as cairo would have (`FlateCoder.deflatedAsCairo`, zlib's default level): 1.34 M instructions a
    /// 3-page document for six maps of 5 KB, against some 0.1 M here.
    static func rewriteCharacterMaps(_ renames: [String: String], fonts: [Int], in file: PDFFile, coder: FlateCoder,
                                     to update: inout PDFChanges) throws(RenderError) {
        var read = Set<Int>()  // the maps read
        for number in fonts {
            // The font's /ToUnicode alone read: read whole, a simple font's /Widths was made an array of numbers.
            guard let font = try file.entries(Self.toUnicodeKey, of: number), !font.isStream, let map = font.values[0]?.referenced,
                  read.insert(map).inserted else { continue }
            let data = try file.streamData(map, coder: coder)
            let renamed = renames.isEmpty ? nil : ToUnicodeMap.renaming(renames, in: data)
            let compressed = try (renamed ?? data).withUnsafeBufferPointer { (data) throws(RenderError) in try coder.deflated(data) }
            update.replaceStream(map, compressed: compressed)
        }
    }

    private static let toUnicodeKey = [Array("ToUnicode".utf8)]
}

/// A /ToUnicode CMap as cairo writes it: `beginbfchar` sections of `<code> <UTF-16BE text>` pairs.
enum ToUnicodeMap {
    /// `map` with the text of every `bfchar` entry that is a key of `renames` replaced by its value, or nil when no
    /// entry is. (cairo writes no `bfrange` entries; any other part of the map is kept as it is.)
    static func renaming(_ renames: [String: String], in map: [UInt8]) -> [UInt8]? {
        let text = String(decoding: map, as: UTF8.self)
        var output = "", changed = false
        var rest = text[...]
        while let begin = rest.range(of: "beginbfchar"), let end = rest.range(of: "endbfchar", range: begin.upperBound..<rest.endIndex) {
            output += rest[..<begin.upperBound]
            // The section's hex strings alternate: a code, then its text.
            var section = rest[begin.upperBound..<end.lowerBound], isText = false
            while let open = section.firstIndex(of: "<"), let close = section[open...].firstIndex(of: ">") {
                output += section[..<open]
                let hex = section[section.index(after: open)..<close]
                if isText, let name = utf16(hex), let value = renames[name] {
                    output += "<" + value.utf16.map { String(format: "%04x", $0) }.joined() + ">"
                    changed = true
                } else {
                    output += section[open...close]
                }
                isText.toggle()
                section = section[section.index(after: close)...]
            }
            output += section
            rest = rest[end.lowerBound...]
        }
        output += rest
        return changed ? Array(output.utf8) : nil
    }

    /// The text a hex string of UTF-16BE code units stands for.
    private static func utf16(_ hex: Substring) -> String? {
        let digits = Array(hex.utf8).filter { $0 != UInt8(ascii: " ") }
        guard !digits.isEmpty, digits.count % 4 == 0 else { return nil }
        var units: [UInt16] = []
        for index in stride(from: 0, to: digits.count, by: 4) {
            guard let unit = UInt16(String(decoding: digits[index..<(index + 4)], as: UTF8.self), radix: 16) else { return nil }
            units.append(unit)
        }
        return String(decoding: units, as: UTF16.self)
    }
}
