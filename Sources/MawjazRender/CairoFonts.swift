// The cairo fonts glyph runs are drawn with: loaded from the files their references name, shared by every
// renderer and thread of the process.
internal import CPangoCairo
import MawjazFrame
import Synchronization

/// A cairo scaled font that this value owns. cairo's scaled fonts are reference-counted and lock themselves, so
/// one may draw on several surfaces on several threads at once.
final class ScaledFont: @unchecked Sendable {
    let handle: OpaquePointer

    init(taking handle: OpaquePointer) { self.handle = handle }

    deinit { cairo_scaled_font_destroy(handle) }
}

/// Scaled fonts by the faces and sizes glyph runs name, loaded on first use.
///
/// A face is loaded from its file through cairo's FreeType back end with the options the text engine shapes with:
/// no hinting, unhinted metrics. So the glyphs are drawn exactly where Pango placed them, and a PDF holds the same
/// widths whichever process or thread set the text.
final class CairoFonts: Sendable {
    /// The fonts of the whole process.
    static let shared = CairoFonts()

    /// More fonts than any document uses; past it the cache starts again (fonts being drawn stay alive).
    private static let limit = 256
    private let fonts = Mutex<[FontReference: ScaledFont]>([:])
    /// What cairo names each face's glyphs by (`CairoGlyphNames`), read once per face.
    let glyphNameCache = Mutex<[FontFace: CairoGlyphNames]>([:])
    /// The glyphs' advance widths (`advances(in:)`) the text layer asked, kept between documents.
    let advanceTables = GlyphAdvances.Pool()

    /// The scaled font for `reference`, loading its face the first time.
    func scaledFont(for reference: FontReference) throws(RenderError) -> ScaledFont {
        if let known = fonts.withLock({ $0[reference] }) { return known }
        let font = try Self.load(reference)
        return fonts.withLock { cache in
            if let known = cache[reference] { return known }
            if cache.count >= Self.limit { cache.removeAll() }
            cache[reference] = font
            return font
        }
    }

    private static func load(_ reference: FontReference) throws(RenderError) -> ScaledFont {
        guard let pattern = FcPatternCreate() else { throw .cairo("FcPatternCreate failed") }
        defer { FcPatternDestroy(pattern) }
        reference.face.file.withCString { path in
            path.withMemoryRebound(to: FcChar8.self, capacity: reference.face.file.utf8.count + 1) { file in
                _ = FcPatternAddString(pattern, FC_FILE, file)
            }
        }
        _ = FcPatternAddInteger(pattern, FC_INDEX, Int32(reference.face.index))
        // What fontconfig and Pango's options put in the pattern of every font the text engine loads.
        _ = FcPatternAddBool(pattern, FC_HINTING, 0)
        _ = FcPatternAddInteger(pattern, FC_HINT_STYLE, FC_HINT_NONE)
        _ = FcPatternAddBool(pattern, FC_AUTOHINT, 0)
        _ = FcPatternAddBool(pattern, FC_VERTICAL_LAYOUT, 0)
        _ = FcPatternAddBool(pattern, FC_EMBEDDED_BITMAP, 1)
        guard let face = cairo_ft_font_face_create_for_pattern(pattern) else { throw .cairo("no font face for \(reference.face.file)") }
        defer { cairo_font_face_destroy(face) }
        var matrix = cairo_matrix_t(), identity = cairo_matrix_t()
        cairo_matrix_init_scale(&matrix, reference.size, reference.size)
        cairo_matrix_init_identity(&identity)
        let options = cairo_font_options_create()
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        guard let scaled = cairo_scaled_font_create(face, &matrix, &identity, options) else {
            throw .missingFont(family: reference.face.family, file: reference.face.file)
        }
        guard cairo_scaled_font_status(scaled) == CAIRO_STATUS_SUCCESS else {
            cairo_scaled_font_destroy(scaled)
            throw .missingFont(family: reference.face.family, file: reference.face.file)
        }
        return ScaledFont(taking: scaled)
    }
}

extension CairoFonts {
    /// The advance widths of `reference`'s glyphs as the font itself gives them (its `hmtx` entries at the size, the
    /// widths a PDF's `/W` array holds, before shaping moves anything), in points, the font looked up once; nil for
    /// every glyph when the face cannot be loaded.
    func advances(in reference: FontReference) -> (UInt32) -> Double? {
        guard let font = try? scaledFont(for: reference) else { return { _ in nil } }
        return { glyph in
            var cairoGlyph = cairo_glyph_t(index: UInt(glyph), x: 0, y: 0), extents = cairo_text_extents_t()
            withExtendedLifetime(font) { cairo_scaled_font_glyph_extents(font.handle, &cairoGlyph, 1, &extents) }
            return extents.x_advance
        }
    }
}

extension CairoFonts {
    /// How far `run`'s glyphs, as placed, ink above and below its baseline, in points (cairo's extents: the glyph boxes
    /// a reader such as PDFium makes a text object's box of); nil when its font cannot be loaded.
    func inkHeights(of run: GlyphRun) -> (up: Double, down: Double)? {
        guard !run.glyphs.isEmpty, let font = try? scaledFont(for: run.font) else { return nil }
        var glyphs = run.glyphs.map { cairo_glyph_t(index: UInt($0.id), x: $0.x, y: $0.y) }
        var extents = cairo_text_extents_t()
        withExtendedLifetime(font) { cairo_scaled_font_glyph_extents(font.handle, &glyphs, Int32(glyphs.count), &extents) }
        return (-extents.y_bearing, extents.height + extents.y_bearing)
    }
}
