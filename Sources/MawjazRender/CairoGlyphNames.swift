// The character cairo's PDF surface names a glyph by when the glyph is drawn without text of its own (inside a
// span): cairo reads it back from the font's character map, and so does this file, so that the text layer knows
// beforehand what cairo will write into the font's /ToUnicode map.
internal import CPangoCairo
import MawjazFrame

/// What cairo 1.16 names each glyph of a face by when it first meets the glyph in a cluster of several glyphs (a span):
/// the character the font's Windows Unicode (3, 1) format-4 `cmap` subtable maps to it, searched as cairo searches
/// (`_cairo_truetype_reverse_cmap`: the segments without a glyph array first, then those with one, each in order).
/// That name becomes the glyph's /ToUnicode entry for the whole document, so a later plain use of the glyph with any
/// other text is written with an /ActualText of its own (see `TextLayerPlan`).
struct CairoGlyphNames: Sendable {
    /// How cairo names a glyph met without text.
    enum Name: Hashable, Sendable {
        /// The face has no subtable cairo reads (cairo then asks FreeType, which this does not model).
        case unknown
        /// The map names the glyph by nothing: cairo leaves its entry to the first plain use.
        case unnamed
        case character(String)
    }

    private let characters: [UInt16: UInt16]?

    /// The names of the faces whose `cmap` table is `table` (empty or unreadable: every name unknown).
    init(cmap table: [UInt8]) {
        characters = Self.parse(table)
    }

    func name(of glyph: UInt32) -> Name {
        guard let characters else { return .unknown }
        guard glyph <= UInt32(UInt16.max), let code = characters[UInt16(glyph)] else { return .unnamed }
        // A code of a surrogate half cannot be a character; cairo's conversion to UTF-8 then fails and names nothing.
        return Unicode.Scalar(UInt32(code)).map { .character(String($0)) } ?? .unnamed
    }

    /// The glyph-to-character map cairo's search gives, or nil when cairo would not read the table.
    private static func parse(_ table: [UInt8]) -> [UInt16: UInt16]? {
        func u16(_ offset: Int) -> UInt16? {
            guard offset >= 0, offset + 2 <= table.count else { return nil }
            return UInt16(table[offset]) << 8 | UInt16(table[offset + 1])
        }
        func u32(_ offset: Int) -> Int? {
            guard let high = u16(offset), let low = u16(offset + 2) else { return nil }
            return Int(high) << 16 | Int(low)
        }
        guard let count = u16(2) else { return nil }
        for record in 0..<Int(count) {
            let entry = 4 + record * 8
            guard u16(entry) == 3, u16(entry + 2) == 1, let offset = u32(entry + 4) else { continue }
            if let map = formatFour(at: offset, u16) { return map }
        }
        return nil
    }

    /// The map of a format-4 subtable at `start`, or nil when it is not one cairo reads.
    private static func formatFour(at start: Int, _ u16: (Int) -> UInt16?) -> [UInt16: UInt16]? {
        guard u16(start) == 4, let length = u16(start + 2).map(Int.init), let doubled = u16(start + 6) else { return nil }
        let segments = Int(doubled) / 2
        guard length >= (8 + 4 * segments) * 2 else { return nil }
        let ends = start + 14, starts = ends + (segments + 1) * 2
        let deltas = starts + segments * 2, rangeOffsets = deltas + segments * 2
        var map: [UInt16: UInt16] = [:]
        // Segments that compute their glyphs (no glyph array): cairo looks here first.
        for segment in 0..<segments {
            guard let end = u16(ends + segment * 2), let first = u16(starts + segment * 2),
                  let delta = u16(deltas + segment * 2), let rangeOffset = u16(rangeOffsets + segment * 2) else { return nil }
            guard rangeOffset == 0, first <= end else { continue }
            for code in first...end {
                let glyph = code &+ delta
                if map[glyph] == nil { map[glyph] = code }
            }
        }
        // Segments with a glyph array, compared as stored (cairo adds no delta to them).
        var arrayed: [UInt16: UInt16] = [:]
        for segment in 0..<segments {
            let at = rangeOffsets + segment * 2
            guard let end = u16(ends + segment * 2), let first = u16(starts + segment * 2), let rangeOffset = u16(at) else { return nil }
            guard rangeOffset != 0, first <= end else { continue }
            let glyphs = at + Int(rangeOffset), size = Int(end) - Int(first) + 1
            // cairo gives up on the whole table when an array runs past it.
            guard glyphs + 2 * size <= start + length else { return nil }
            for index in 0..<size {
                guard let glyph = u16(glyphs + index * 2) else { return nil }
                if arrayed[glyph] == nil { arrayed[glyph] = first + UInt16(index) }
            }
        }
        return map.merging(arrayed) { computed, _ in computed }
    }
}

extension CairoFonts {
    /// The names cairo gives the glyphs of `reference`'s face (see `CairoGlyphNames`), read on first use; every name
    /// unknown when the face cannot be loaded or has no `cmap` table.
    func glyphNames(for reference: FontReference) -> CairoGlyphNames {
        if let known = glyphNameCache.withLock({ $0[reference.face] }) { return known }
        let names = readGlyphNames(for: reference)
        glyphNameCache.withLock { cache in
            if cache.count >= 256 { cache.removeAll() }
            cache[reference.face] = names
        }
        return names
    }

    private func readGlyphNames(for reference: FontReference) -> CairoGlyphNames {
        guard let font = try? scaledFont(for: reference), let face = cairo_ft_scaled_font_lock_face(font.handle) else {
            return CairoGlyphNames(cmap: [])
        }
        defer { cairo_ft_scaled_font_unlock_face(font.handle) }
        let tag: FT_ULong = 0x636D_6170 // 'cmap'
        var length: FT_ULong = 0
        guard FT_Load_Sfnt_Table(face, tag, 0, nil, &length) == 0, length > 0 else { return CairoGlyphNames(cmap: []) }
        var table = [UInt8](repeating: 0, count: Int(length))
        guard FT_Load_Sfnt_Table(face, tag, 0, &table, &length) == 0 else { return CairoGlyphNames(cmap: []) }
        return CairoGlyphNames(cmap: table)
    }
}
