// Shaped text as plain values: glyph runs and lines, ready to draw, with the text they stand for.

/// A font face by identity: the file that holds it and its index in that file.
///
/// Any renderer can load the face from these, whichever text engine shaped the text, so a page laid out by one
/// worker can be drawn by another. The path names a file of this installation (Mawjaz's `Fonts/`): frames move
/// between the workers of a process, or of machines sharing the installation.
package struct FontFace: Hashable, Sendable {
    /// The font file's path.
    package var file: String
    /// The face's index in the file (0 except in font collections).
    package var index: Int
    /// The face's family name, as fontconfig reports it.
    package var family: String
    package init(file: String, index: Int = 0, family: String) { self.file = file; self.index = index; self.family = family }

    /// Hashes the path's length in bytes and the index, not the strings: faces are looked up for every glyph run
    /// drawn, among the few a document uses, and hashing the path and family took some 1,000 instructions a time.
    /// Faces equal by `==` hash the same; two paths of one length only share a bucket.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(file.utf8.count)
        hasher.combine(index)
    }
}

/// A face at a size: what a glyph run is drawn with.
package struct FontReference: Hashable, Sendable {
    package var face: FontFace
    /// The size in points the glyphs were shaped at (to Pango's precision, 1/1024 pt).
    package var size: Double
    package init(face: FontFace, size: Double) { self.face = face; self.size = size }

    /// The face's family name.
    package var family: String { face.family }
}

/// One glyph of a run: its index in the font and its origin relative to the run's origin.
package struct Glyph: Hashable, Sendable {
    package var id: UInt32
    package var x: Double
    package var y: Double
    package init(id: UInt32, x: Double, y: Double) { self.id = id; self.x = x; self.y = y }
}

/// A cluster: a number of UTF-8 bytes of a run's text that a number of its glyphs stand for.
///
/// Kept as two 32-bit counts (8 bytes, not 16): a long document's frames hold hundreds of thousands of clusters until it
/// is drawn, and a run's text is far below 2 GB.
///
/// Its accessors are inlined into the other modules: called, they cost some 30,000 calls and 0.37 M instructions a
/// 3-page document. (`@inlinable` on a `package` member is inlined elsewhere only when its type is `@usableFromInline`
/// too; without library evolution, SwiftPM's modules get no package cross-module optimisation.)
@usableFromInline package struct GlyphCluster: Hashable, Sendable {
    @usableFromInline var bytes: Int32
    @usableFromInline var glyphs: Int32
    @inlinable package var byteCount: Int {
        get { Int(bytes) }
        set { bytes = Int32(clamping: newValue) }
    }
    @inlinable package var glyphCount: Int {
        get { Int(glyphs) }
        set { glyphs = Int32(clamping: newValue) }
    }
    @inlinable package init(byteCount: Int, glyphCount: Int) {
        bytes = Int32(clamping: byteCount)
        glyphs = Int32(clamping: glyphCount)
    }
}

/// A run of glyphs in one font, direction and style.
///
/// Glyphs and clusters are in visual order, left to right, also for right-to-left runs; `clusterText`
/// holds each cluster's characters in that same order, so a PDF reader that assembles text in visual
/// order and applies bidi gives the logical text back.
package struct GlyphRun: Sendable {
    package var font: FontReference
    package var glyphs: [Glyph]
    package var clusters: [GlyphCluster]
    /// The run's characters, cluster by cluster in visual order (for the PDF's text layer).
    package var clusterText: String
    /// The run's characters in logical order.
    package var text: String
    /// The run's offset from the line's left end.
    package var x: Double
    /// The advance width of the run.
    package var width: Double
    package var isRightToLeft: Bool
    package var color: Color
    /// Whether the run is underlined (its underline is drawn with the run).
    package var underline: Bool

    package init(font: FontReference, glyphs: [Glyph], clusters: [GlyphCluster], clusterText: String, text: String,
                x: Double, width: Double, isRightToLeft: Bool, color: Color, underline: Bool = false) {
        self.font = font; self.glyphs = glyphs; self.clusters = clusters; self.clusterText = clusterText
        self.text = text; self.x = x; self.width = width; self.isRightToLeft = isRightToLeft
        self.color = color; self.underline = underline
    }
}

/// A line of shaped text. Its position in a frame is the left end of its baseline.
package struct TextLine: Sendable {
    /// The runs in visual order, left to right.
    package var runs: [GlyphRun]
    /// The advance width of the whole line.
    package var width: Double
    /// Distance from the baseline up to the top of the line box.
    package var ascent: Double
    /// Distance from the baseline down to the bottom of the line box.
    package var descent: Double
    /// The line's text in logical (reading) order.
    package var text: String
    /// Whether the line's paragraph reads right to left.
    package var isRightToLeft: Bool
    /// Whether the block the line stands in reads right to left, when the line's paragraph was set in the other direction
    /// for its text (a right-to-left table's cell `Main Branch`, see `Direction.ownDirection(of:)`); nil when the block
    /// reads as the paragraph does. Readers are handed such a table's rows in the table's order.
    package var blockIsRightToLeft: Bool?
    /// The column the line stands in, counted from the start side, when it is set in a `columns:` block; nil elsewhere.
    /// Readers that order a page's text by position (poppler) are handed a column's lines together (`ReaderLine.Placement`).
    package var column: Int?

    package init(runs: [GlyphRun], width: Double, ascent: Double, descent: Double, text: String, isRightToLeft: Bool) {
        self.runs = runs; self.width = width; self.ascent = ascent; self.descent = descent
        self.text = text; self.isRightToLeft = isRightToLeft
    }

    /// The line's box relative to its baseline origin.
    package var bounds: Rect { Rect(x: 0, y: -ascent, width: width, height: ascent + descent) }
}
