// The fonts' /ToUnicode maps renamed after cairo: glyphs the text layer wrote under the presentation forms cairo names
// them by (see `TextLayerPlan`) get back the letters they stand for.
import Foundation

extension PDFAmendment {
    /// Gives every /ToUnicode entry whose text is a key of `renames` the value's text instead, in new versions of the
    /// maps (read and compressed again by `coder`); the fonts that use them are left as they are. `fonts` are the
    /// objects that mention /ToUnicode.
    static func renameCharacters(_ renames: [String: String], fonts: [Int], in file: PDFFile, coder: FlateCoder,
                                 to update: inout PDFChanges) throws(RenderError) {
        guard !renames.isEmpty else { return }
        var read = Set<Int>()  // the maps read
        for number in fonts {
            let object = try file.indirectObject(number)
            guard !object.isStream, let map = object.value.dictionary?["ToUnicode"]?.referenced, read.insert(map).inserted,
                  let renamed = ToUnicodeMap.renaming(renames, in: try file.streamData(map, coder: coder)) else { continue }
            let compressed = try renamed.withUnsafeBufferPointer { (data) throws(RenderError) in try coder.deflated(data) }
            update.replaceStream(map, compressed: compressed)
        }
    }
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
