// The text engine: a Pango font map and context over the bundled fonts; shapes whole paragraphs.
internal import CPangoCairo
import Foundation
import MawjazFrame

/// Sets paragraphs with Pango over the fonts of a `FontLibrary`.
///
/// An engine owns a Pango font map, which is not thread-safe: use one engine per thread or task,
/// never share one. The glyph runs it sets name their fonts by file and size (`FontReference`), so
/// any renderer, on any thread, draws them without the engine.
package final class TextEngine {
    /// The fonts this engine sets text in.
    package let library: FontLibrary
    /// Paragraphs longer than this are refused: Pango lays out very long paragraphs wrongly without a word.
    package static let paragraphCharacterLimit = 100_000

    let fontMap: UnsafeMutablePointer<PangoFontMap>
    /// A Pango context for each base direction, set once: shaping never changes a context another layout uses.
    private let rightToLeftContext: OpaquePointer
    private let leftToRightContext: OpaquePointer
    /// The Pango fonts shaping used, each held (a reference taken) for as long as the engine lives, by identity.
    private var fonts: [UnsafeMutablePointer<PangoFont>: FontReference] = [:]
    private var pangoFonts: [FontReference: UnsafeMutablePointer<PangoFont>] = [:]
    private var metricsCache: [TextStyle: (ascent: Double, descent: Double)] = [:]
    /// The style whose metrics were asked for last, and its metrics: most paragraphs ask for their neighbour's, and
    /// comparing a style costs less than hashing its families' names for the cache.
    private var lastMetrics: (style: TextStyle, metrics: (ascent: Double, descent: Double))?
    private var tatweelCache: [FontReference: (glyph: UInt32, advance: Double)?] = [:]
    /// Lists of families already found in the library (at most `checkedFamiliesKept`): a list compared with these costs
    /// less than each of its names hashed again for the library's set, some 600 instructions a paragraph.
    private var checkedFamilies: [[String]] = []
    private static let checkedFamiliesKept = 16
    /// Font descriptions made for the first styles of the paragraphs set (at most `descriptionsKept`), freed with the
    /// engine: made for every paragraph, a description joined the style's families into one string, copied it for C and
    /// was freed again, some 1,100 instructions a paragraph.
    private var descriptions: [(style: TextStyle, description: OpaquePointer)] = []
    private static let descriptionsKept = 16

    /// Creates an engine whose font map sees only `library`'s fonts, at 72 units per inch.
    package init(library: FontLibrary) throws(TextError) {
        guard let map = pango_cairo_font_map_new() else { throw .fontconfig("pango_cairo_font_map_new failed") }
        pango_fc_font_map_set_config(mawjaz_fc_font_map(map), library.config)
        pango_cairo_font_map_set_resolution(mawjaz_cairo_font_map(map), 72)
        guard let rightToLeft = Self.makeContext(map, direction: PANGO_DIRECTION_RTL) else {
            mawjaz_object_unref(map)
            throw .fontconfig("pango_font_map_create_context failed")
        }
        guard let leftToRight = Self.makeContext(map, direction: PANGO_DIRECTION_LTR) else {
            mawjaz_object_unref(UnsafeMutableRawPointer(rightToLeft))
            mawjaz_object_unref(map)
            throw .fontconfig("pango_font_map_create_context failed")
        }
        self.library = library
        self.fontMap = map
        self.rightToLeftContext = rightToLeft
        self.leftToRightContext = leftToRight
    }

    /// A context of `map` with the base direction `direction`.
    private static func makeContext(_ map: UnsafeMutablePointer<PangoFontMap>, direction: PangoDirection) -> OpaquePointer? {
        guard let context = pango_font_map_create_context(map) else { return nil }
        // Unhinted, unrounded positions: the layout is the same at every resolution and in every format. The renderer
        // draws with the same options (MawjazRender's CairoFonts).
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
        pango_context_set_base_dir(context, direction)
        return context
    }

    deinit {
        for font in fonts.keys { mawjaz_object_unref(font) }
        for kept in descriptions { pango_font_description_free(kept.description) }
        mawjaz_object_unref(UnsafeMutableRawPointer(rightToLeftContext))
        mawjaz_object_unref(UnsafeMutableRawPointer(leftToRightContext))
        mawjaz_object_unref(fontMap)
    }

    /// Sets a paragraph: shapes it as a whole, breaks it into lines, and returns the lines as glyph runs.
    /// A line wider than the paragraph's width (a word that cannot be broken) and a character no font has are
    /// errors, unless `tolerating` lets the line stick out or the character go undrawn.
    package func shape(_ paragraph: StyledParagraph, tolerating tolerance: Tolerance = []) throws(TextError) -> ShapedParagraph {
        try withLayout(paragraph) { layout, text, spans, base, marked throws(TextError) in
            try extractLines(layout: layout, text: text, spans: spans, base: base, paragraph: paragraph, tolerance: tolerance,
                             marked: marked)
        } ?? ShapedParagraph(lines: [], width: paragraph.width ?? 0, naturalWidth: 0)
    }

    /// Lays `paragraph` out with Pango and hands the layout to `body`, with the paragraph's text, its spans that hold
    /// text, its first style and whether direction marks were inserted (`DirectionMarks`); nil for a paragraph without
    /// spans.
    private func withLayout<T>(_ paragraph: StyledParagraph,
                               _ body: (OpaquePointer, String, [TextSpan], TextStyle, Bool) throws(TextError) -> T) throws(TextError) -> T? {
        let (spans, marked) = DirectionMarks.inserted(into: paragraph.spans.filter { !$0.text.isEmpty }, direction: paragraph.direction)
        guard let base = spans.first?.style ?? paragraph.spans.first?.style else { return nil }
        for span in spans where !checkedFamilies.contains(span.style.families) {
            try library.check(families: span.style.families)
            if checkedFamilies.count < Self.checkedFamiliesKept { checkedFamilies.append(span.style.families) }
        }
        let text = spans.map(\.text).joined()
        // A text of no more bytes than the limit has no more characters: only a longer one has them counted.
        if text.utf8.count > Self.paragraphCharacterLimit {
            let characterCount = text.unicodeScalars.count
            guard characterCount <= Self.paragraphCharacterLimit else {
                throw .paragraphTooLong(characters: characterCount, limit: Self.paragraphCharacterLimit)
            }
        }
        var unbroken = UnbrokenTokens.ranges(in: text)
        var layout = try makeLayout(text: text, spans: spans, base: base, paragraph: paragraph, unbroken: unbroken)
        // A URL or address wider than the line is let break again (where UAX #14 allows), so that it stays in the margin.
        while let width = paragraph.width, !unbroken.isEmpty {
            var over: [Range<Int>] = []
            try forEachLine(of: layout) { _, logical, line in
                let start = Int(line.pointee.start_index)
                if logical.width.points > width + 0.01 { over.append(start..<(start + Int(line.pointee.length))) }
            }
            let kept = unbroken.filter { token in !over.contains { $0.overlaps(token) } }
            guard kept.count < unbroken.count else { break }
            unbroken = kept
            mawjaz_object_unref(UnsafeMutableRawPointer(layout))
            layout = try makeLayout(text: text, spans: spans, base: base, paragraph: paragraph, unbroken: unbroken)
        }
        defer { mawjaz_object_unref(UnsafeMutableRawPointer(layout)) }
        return try body(layout, text, spans, base, marked)
    }

    /// The width of the widest line of the spans set without wrapping.
    package func naturalWidth(_ spans: [TextSpan], direction: Direction) throws(TextError) -> Double {
        try shape(StyledParagraph(spans: spans, direction: direction, width: nil)).naturalWidth
    }

    /// The width of the widest piece of the spans that cannot be broken (the longest word).
    package func minimumWidth(_ spans: [TextSpan], direction: Direction) throws(TextError) -> Double {
        // Broken at every opportunity, each line is a piece that cannot be broken. Only the lines' widths are read
        // (and their glyphs checked), not their runs: shaping it whole would build a line per word.
        let spec = StyledParagraph(spans: spans, direction: direction, width: 1 / pangoScale)
        return try withLayout(spec) { layout, text, _, _, _ throws(TextError) in
            var widest = 0.0
            try forEachLine(of: layout) { _, logical, line throws(TextError) in
                var node = mawjaz_line_runs(line)
                while let current = node, let run = mawjaz_run_at(current) {
                    let glyphs = run.pointee.glyphs!
                    for index in 0..<Int(glyphs.pointee.num_glyphs) {
                        try Self.checkGlyph(glyphs.pointee.glyphs[index].glyph, item: run.pointee.item!, text: text, missingGlyphs: false)
                    }
                    node = mawjaz_next_run(current)
                }
                widest = max(widest, logical.width.points)
            }
            return widest
        } ?? 0
    }

    /// The ascent and descent of a style's first font, in points.
    package func metrics(of style: TextStyle) -> (ascent: Double, descent: Double) {
        if let last = lastMetrics, last.style == style { return last.metrics }
        if let cached = metricsCache[style] {
            lastMetrics = (style, cached)
            return cached
        }
        let description = fontDescription(for: style)
        defer { pango_font_description_free(description) }
        let metrics = pango_context_get_metrics(leftToRightContext, description, nil)
        defer { pango_font_metrics_unref(metrics) }
        let result = (ascent: pango_font_metrics_get_ascent(metrics).points,
                      descent: pango_font_metrics_get_descent(metrics).points)
        metricsCache[style] = result
        lastMetrics = (style, result)
        return result
    }

    // MARK: - Building the Pango layout

    private func fontDescription(for style: TextStyle) -> OpaquePointer {
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, style.families.joined(separator: ","))
        pango_font_description_set_size(description, style.size.pangoUnits)
        pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        return description
    }

    private func makeLayout(text: String, spans: [TextSpan], base: TextStyle, paragraph: StyledParagraph,
                            unbroken: [Range<Int>]) throws(TextError) -> OpaquePointer {
        let context = paragraph.direction.isRightToLeft ? rightToLeftContext : leftToRightContext
        guard let layout = pango_layout_new(context) else { throw .fontconfig("pango_layout_new failed") }
        pango_layout_set_auto_dir(layout, 0)
        // Sought by index, each kept style compared where it lies: `first(where:)` copied every element it passed (the
        // style's families retained and released), some 380 copies a 3-page document.
        if let kept = descriptions.indices.first(where: { descriptions[$0].style == base }) {
            pango_layout_set_font_description(layout, descriptions[kept].description)
        } else {
            let description = fontDescription(for: base)
            pango_layout_set_font_description(layout, description)
            if descriptions.count < Self.descriptionsKept {
                descriptions.append((base, description))
            } else {
                pango_font_description_free(description)
            }
        }
        // The text handed over where it lies (passed as a `String`, it was copied into an array first).
        text.withCString { pango_layout_set_text(layout, $0, Int32(text.utf8.count)) }

        let attributes = pango_attr_list_new()
        var start = 0
        for span in spans {
            let end = start + span.text.utf8.count
            if span.style != base {
                for attribute in Self.attributes(for: span.style, differingFrom: base) {
                    attribute.pointee.start_index = guint(start)
                    attribute.pointee.end_index = guint(end)
                    pango_attr_list_insert(attributes, attribute)
                }
            }
            start = end
        }
        setLatinRuns(in: text, spans: spans, attributes: attributes)
        for token in unbroken {
            let attribute = pango_attr_allow_breaks_new(0)!
            attribute.pointee.start_index = guint(token.lowerBound)
            attribute.pointee.end_index = guint(token.upperBound)
            pango_attr_list_insert(attributes, attribute)
        }
        pango_layout_set_attributes(layout, attributes)
        pango_attr_list_unref(attributes)

        if let width = paragraph.width {
            pango_layout_set_width(layout, max(1, width.pangoUnits))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD)
        } else {
            pango_layout_set_width(layout, -1)
        }
        switch paragraph.alignment.resolved(in: paragraph.direction) {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        }
        // Lines are set at their natural width; justification widens them afterwards (see `stretch`).
        pango_layout_set_justify(layout, 0)
        return layout
    }

    /// Sets each Latin run (see `LatinRuns`) of a span whose first family has no Latin letters in the first family
    /// that has them, so that the run's punctuation matches its letters instead of coming from the Arabic font.
    private func setLatinRuns(in text: String, spans: [TextSpan], attributes: OpaquePointer?) {
        let runs = LatinRuns.ranges(in: text)
        guard !runs.isEmpty else { return }
        var start = 0
        for span in spans {
            let end = start + span.text.utf8.count
            defer { start = end }
            let families = span.style.families
            guard let first = families.first, !library.latinFamilies.contains(first),
                  let latin = families.firstIndex(where: { library.latinFamilies.contains($0) }) else { continue }
            let reordered = [families[latin]] + families.enumerated().filter { $0.offset != latin }.map(\.element)
            for run in runs where run.lowerBound < end && run.upperBound > start {
                let attribute = pango_attr_family_new(reordered.joined(separator: ","))!
                attribute.pointee.start_index = guint(max(run.lowerBound, start))
                attribute.pointee.end_index = guint(min(run.upperBound, end))
                pango_attr_list_change(attributes, attribute)
            }
        }
    }

    private static func attributes(for style: TextStyle, differingFrom base: TextStyle) -> [UnsafeMutablePointer<PangoAttribute>] {
        var list: [UnsafeMutablePointer<PangoAttribute>] = []
        if style.families != base.families { list.append(pango_attr_family_new(style.families.joined(separator: ","))) }
        if style.size != base.size { list.append(pango_attr_size_new(style.size.pangoUnits)) }
        if style.bold != base.bold { list.append(pango_attr_weight_new(style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)) }
        if style.italic != base.italic { list.append(pango_attr_style_new(style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)) }
        // Colour and underline are drawn by the renderer, but they still split Pango's items, so that every
        // glyph run has one look.
        if style.color != base.color || style.underline != base.underline {
            let c = style.color
            list.append(pango_attr_foreground_new(guint16(c.red * 65535), guint16(c.green * 65535), guint16(c.blue * 65535)))
        }
        if style.underline != base.underline {
            list.append(pango_attr_underline_new(style.underline ? PANGO_UNDERLINE_SINGLE : PANGO_UNDERLINE_NONE))
        }
        return list
    }

    // MARK: - Reading the lines back

    private func extractLines(layout: OpaquePointer, text: String, spans: [TextSpan], base: TextStyle,
                              paragraph: StyledParagraph, tolerance: Tolerance, marked: Bool) throws(TextError) -> ShapedParagraph {
        guard let textPointer = pango_layout_get_text(layout) else { throw .fontconfig("layout without text") }
        // The paragraph's bytes in room of their own, read in place by every run and cluster (an array's slices retained
        // and released its storage for each cluster).
        let room = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.utf8.count)
        defer { room.deallocate() }
        let bytes = UnsafeBufferPointer(start: room.baseAddress, count: room.initialize(fromContentsOf: text.utf8))
        let spanEnds = spans.reduce(into: [Int]()) { ends, span in ends.append((ends.last ?? 0) + span.text.utf8.count) }
        let baseMetrics = metrics(of: base)
        let pitch = paragraph.lineHeight * base.size
        let isRTL = paragraph.direction.isRightToLeft
        let justify = paragraph.alignment == .justify && paragraph.width != nil

        var lines: [ShapedParagraph.Line] = []
        var naturalWidth = 0.0
        var top = 0.0
        try forEachLine(of: layout) { iterator, logical, line throws(TextError) in
            let lineStart = Int(line.pointee.start_index), lineLength = Int(line.pointee.length)
            // Room for the line's runs made at once, exactly (the runs are kept in the frames until the document is drawn):
            // grown from nothing, the arrays reallocated at each run.
            var runCount = 0, counted = mawjaz_line_runs(line)
            while let current = counted {
                runCount += 1
                counted = mawjaz_next_run(current)
            }
            var glyphRuns: [GlyphRun] = [], clusterBytes: [[Range<Int>]] = [], styles: [TextStyle] = []
            glyphRuns.reserveCapacity(runCount)
            clusterBytes.reserveCapacity(runCount)
            styles.reserveCapacity(runCount)
            var links: [(span: TextSpan, run: Int)] = []
            var node = mawjaz_line_runs(line)
            var x: Int32 = 0
            while let current = node {
                let run = mawjaz_run_at(current)!
                x += run.pointee.start_x_offset
                let width = pango_glyph_string_get_width(run.pointee.glyphs)
                let spanIndex = spanEnds.firstIndex { $0 > Int(run.pointee.item.pointee.offset) } ?? spans.count - 1
                let span = spans[spanIndex]
                if try makeRun(run, bytes: bytes, text: text, textPointer: textPointer, x: x, width: width,
                               yOffset: run.pointee.y_offset, style: span.style,
                               missingGlyphs: tolerance.contains(.missingGlyphs), marked: marked,
                               keepingClusterBytes: justify, into: &glyphRuns, clusterBytes: &clusterBytes) {
                    if span.link != nil { links.append((span, glyphRuns.count - 1)) }
                    styles.append(span.style)
                }
                x += width + run.pointee.end_x_offset
                node = mawjaz_next_run(current)
            }
            var lineWidth = logical.width.points
            var lineX = logical.x.points
            naturalWidth = max(naturalWidth, lineWidth)
            let lineBytes = UnsafeBufferPointer(rebasing: bytes[lineStart..<min(bytes.count, lineStart + lineLength)])
            let lineText = marked ? String(decoding: DirectionMarks.removed(lineBytes), as: UTF8.self) : String(decoding: lineBytes, as: UTF8.self)
            if let available = paragraph.width, lineWidth > available + 0.01, !tolerance.contains(.overflow) {
                throw .overflow(text: lineText.trimmingCharacters(in: .whitespacesAndNewlines), width: lineWidth, available: available)
            }
            let endsParagraph = pango_layout_iter_at_last_line(iterator) != 0 || Self.endsWithBreak(bytes, lineStart + lineLength)
            if justify, !endsParagraph, let available = paragraph.width, available - lineWidth > 0.01,
               stretch(&glyphRuns, clusters: clusterBytes, styles: styles, paragraph: bytes, deficit: available - lineWidth,
                       kashida: paragraph.justification == .kashida) {
                lineWidth = available
                lineX = 0
            }
            let lineLinks = links.map { link -> (rect: Rect, target: Link.Target) in
                let metrics = self.metrics(of: link.span.style)
                let run = glyphRuns[link.run]
                return (Rect(x: run.x, y: -metrics.ascent, width: run.width, height: metrics.ascent + metrics.descent), link.span.link ?? .uri(""))
            }
            let ascent = max(baseMetrics.ascent, Double(pango_layout_iter_get_baseline(iterator) - logical.y) / pangoScale)
            let descent = max(baseMetrics.descent, Double(logical.y + logical.height - pango_layout_iter_get_baseline(iterator)) / pangoScale)
            let boxHeight = max(pitch, ascent + descent)
            let halfLeading = (boxHeight - ascent - descent) / 2
            let baseline = top + halfLeading + ascent
            let textLine = TextLine(runs: glyphRuns, width: lineWidth, ascent: ascent + halfLeading, descent: descent + halfLeading,
                                    text: lineText, isRightToLeft: isRTL)
            lines.append(.init(line: textLine, origin: Point(x: lineX, y: baseline), top: top,
                               bottom: top + boxHeight, links: lineLinks))
            top += boxHeight
        }

        return ShapedParagraph(lines: lines, width: paragraph.width ?? naturalWidth, naturalWidth: naturalWidth)
    }

    /// Calls `body` with each line of `layout`, top to bottom: the layout's iterator at the line, the line's logical
    /// extents and the line.
    private func forEachLine(of layout: OpaquePointer, _ body: (OpaquePointer, PangoRectangle, UnsafeMutablePointer<PangoLayoutLine>)
                             throws(TextError) -> Void) throws(TextError) {
        guard let iterator = pango_layout_get_iter(layout) else { throw .fontconfig("pango_layout_get_iter failed") }
        defer { pango_layout_iter_free(iterator) }
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            guard let line = pango_layout_iter_get_line_readonly(iterator) else { continue }
            try body(iterator, logical, line)
        } while pango_layout_iter_next_line(iterator) != 0
    }

    /// Reads one Pango glyph run into a `GlyphRun` appended to `runs`, with clusters in visual order for the PDF's text layer,
    /// and appends to `clusterBytes` the bytes of `bytes` (the paragraph's) each visual cluster stands for, when
    /// `keepingClusterBytes` (justification needs them; none otherwise); false, appending nothing, for a run without glyphs.
    /// Appended in place: returned, the run and its ranges were copied into the line's arrays through the runtime's generic
    /// tuple copy, and the returned copy destroyed, some 600 instructions and a dozen reference counts a run. In a
    /// paragraph given direction marks (`marked`), the marks are left out of the run's texts, and a cluster of a mark alone,
    /// which draws nothing, is left out.
    private func makeRun(_ run: UnsafeMutablePointer<PangoGlyphItem>, bytes: UnsafeBufferPointer<UInt8>, text: String,
                         textPointer: UnsafePointer<CChar>, x: Int32, width: Int32, yOffset: Int32, style: TextStyle,
                         missingGlyphs: Bool, marked: Bool,
                         keepingClusterBytes: Bool, into runs: inout [GlyphRun],
                         clusterBytes: inout [[Range<Int>]]) throws(TextError) -> Bool {
        let glyphString = run.pointee.glyphs!
        let item = run.pointee.item!
        let count = Int(glyphString.pointee.num_glyphs)
        guard count > 0 else { return false }
        let rtl = item.pointee.analysis.level & 1 == 1
        let unknownFlag = mawjaz_glyph_unknown_flag(), empty = mawjaz_glyph_empty()
        let itemStart = Int(item.pointee.offset), itemEnd = itemStart + Int(item.pointee.length)
        let infos = UnsafeBufferPointer(start: glyphString.pointee.glyphs, count: count)
        /// Whether glyph `index` of the run is drawn: not Pango's empty glyph, nor one no font has.
        func drawn(_ index: Int) -> Bool { infos[index].glyph & unknownFlag == 0 && infos[index].glyph != empty }

        // Glyphs, left to right, positioned by Pango's own arithmetic in Pango units.
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(count)
        var position: Int32 = 0
        for info in infos {
            if info.glyph & unknownFlag != 0 {
                try Self.checkGlyph(info.glyph, item: item, text: text, missingGlyphs: missingGlyphs)
            } else if info.glyph != empty {
                glyphs.append(Glyph(id: info.glyph, x: Double(position + info.geometry.x_offset) / pangoScale,
                                    y: Double(info.geometry.y_offset - yOffset) / pangoScale))
            }
            position += info.geometry.width
        }

        // Clusters in logical order, then emitted in visual order.
        var logicalClusters: [(firstGlyph: Int, endGlyph: Int, start: Int, end: Int)] = []
        logicalClusters.reserveCapacity(count)    // a cluster holds one glyph or more
        var iterator = PangoGlyphItemIter()
        if pango_glyph_item_iter_init_start(&iterator, run, textPointer) != 0 {
            repeat {
                let first = rtl ? Int(iterator.end_glyph) + 1 : Int(iterator.start_glyph)
                let end = rtl ? Int(iterator.start_glyph) + 1 : Int(iterator.end_glyph)
                logicalClusters.append((first, end, Int(iterator.start_index), Int(iterator.end_index)))
            } while pango_glyph_item_iter_next_cluster(&iterator) != 0
        }
        Self.foldJoiners(into: &logicalClusters, bytes: bytes, drawn: drawn)
        var clusters: [GlyphCluster] = []
        clusters.reserveCapacity(logicalClusters.count)
        var ranges: [Range<Int>] = []
        if keepingClusterBytes { ranges.reserveCapacity(logicalClusters.count) }
        // The clusters' bytes in visual order, copied into room made for all of them (appended cluster by cluster, the
        // copies cost more than the bytes), in a plain loop: the clusters' arrays appended to inside a closure were
        // checked for exclusive access at run time, some 17 checks a run.
        let byteTotal = logicalClusters.reduce(0) { $0 + ($1.end - $1.start) }
        let room = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: byteTotal)
        defer { room.deallocate() }
        var written = 0
        for index in logicalClusters.indices {
            let cluster = logicalClusters[rtl ? logicalClusters.count - 1 - index : index]
            var glyphCount = 0
            for glyph in cluster.firstGlyph..<cluster.endGlyph where drawn(glyph) { glyphCount += 1 }
            let piece = UnsafeBufferPointer(rebasing: bytes[cluster.start..<cluster.end])
            // The cluster's bytes when they are not the text's as they stand: a direction mark's bytes are left out of
            // the text (a cluster of marks alone, left out), and one glyph standing for several characters (a ligature
            // such as لله) has them in visual order.
            var changed: [UInt8]?
            if marked, DirectionMarks.holdsMark(piece) {
                let kept = DirectionMarks.removed(piece)
                if kept.isEmpty, glyphCount == 0 { continue }
                changed = kept
            }
            if keepingClusterBytes { ranges.append(cluster.start..<cluster.end) }
            if rtl && glyphCount == 1, changed.map(Self.scalarCount) ?? Self.scalarCount(piece) > 1 {
                changed = changed.map { $0.withUnsafeBufferPointer(Self.reversedScalars) } ?? Self.reversedScalars(piece)
            }
            if let changed {
                for byte in changed {
                    room[written] = byte
                    written += 1
                }
            } else {
                for byte in piece {
                    room[written] = byte
                    written += 1
                }
            }
            clusters.append(GlyphCluster(byteCount: changed?.count ?? piece.count, glyphCount: glyphCount))
        }
        let clusterText = String(decoding: UnsafeBufferPointer(rebasing: room[..<written]), as: UTF8.self)
        let itemBytes = UnsafeBufferPointer(rebasing: bytes[itemStart..<itemEnd])
        let runText = marked ? String(decoding: DirectionMarks.removed(itemBytes), as: UTF8.self) : String(decoding: itemBytes, as: UTF8.self)
        let font = reference(for: item.pointee.analysis.font)
        runs.append(GlyphRun(font: font, glyphs: glyphs, clusters: clusters, clusterText: clusterText, text: runText,
                             x: x.points, width: width.points, isRightToLeft: rtl, color: style.color, underline: style.underline))
        clusterBytes.append(ranges)
        return true
    }

    /// Joins each cluster of a zero-width non-joiner or joiner (U+200C, U+200D: Persian نسخه‌ای) that has no glyph drawn
    /// to the cluster logically before it, so that the character stays in the PDF's text layer: cairo drops the text of
    /// a cluster of no glyph. `drawn` says whether a glyph of the run is drawn (Pango's empty glyph is not).
    private static func foldJoiners(into clusters: inout [(firstGlyph: Int, endGlyph: Int, start: Int, end: Int)],
                                    bytes: UnsafeBufferPointer<UInt8>, drawn: (Int) -> Bool) {
        var index = 1
        while index < clusters.count {
            let cluster = clusters[index]
            let isJoiner = cluster.end - cluster.start == 3 && bytes[cluster.start] == 0xE2 && bytes[cluster.start + 1] == 0x80
                && (bytes[cluster.start + 2] == 0x8C || bytes[cluster.start + 2] == 0x8D)
            guard isJoiner, !(cluster.firstGlyph..<cluster.endGlyph).contains(where: drawn),
                  clusters[index - 1].end == cluster.start else { index += 1; continue }
            clusters[index - 1].end = cluster.end
            clusters[index - 1].firstGlyph = min(clusters[index - 1].firstGlyph, cluster.firstGlyph)
            clusters[index - 1].endGlyph = max(clusters[index - 1].endGlyph, cluster.endGlyph)
            clusters.remove(at: index)
        }
    }

    /// Throws for a glyph that stands for a visible character no font has, unless `missingGlyphs` lets it go undrawn.
    private static func checkGlyph(_ glyph: UInt32, item: UnsafeMutablePointer<PangoItem>, text: String,
                                   missingGlyphs: Bool) throws(TextError) {
        let unknownFlag = mawjaz_glyph_unknown_flag()
        guard glyph & unknownFlag != 0, !missingGlyphs else { return }
        let scalar = glyph & ~unknownFlag
        if let character = Unicode.Scalar(scalar), !character.properties.isWhitespace,
           character.properties.generalCategory != .control, character.properties.generalCategory != .format {
            throw .missingGlyph(scalar: scalar, context: Self.context(around: Int(item.pointee.offset), in: Array(text.utf8)))
        }
    }

    /// Fills a line's `deficit`: with kashidas at the best joins of its Arabic words (when `kashida` is on), then
    /// with wider spaces. False when the line has no place to widen (one long word), so it keeps its width.
    private func stretch(_ runs: inout [GlyphRun], clusters: [[Range<Int>]], styles: [TextStyle], paragraph bytes: UnsafeBufferPointer<UInt8>,
                         deficit: Double, kashida: Bool) -> Bool {
        let (kashidas, spaces) = Kashida.openings(in: runs, clusters: clusters, paragraph: bytes, kashidas: kashida)
        let tatweels = kashidas.map { tatweel(in: runs[$0.run].font) }
        let usable = kashidas.indices.filter { tatweels[$0] != nil }
        let size = styles.map(\.size).max() ?? 12
        let widths = Kashida.distribute(deficit, kashidas: usable.map { kashidas[$0] }, spaces: spaces,
                                        comfortable: size * 0.5, limit: size * 1.2)
        var openings: [Kashida.Widening] = []
        for (position, index) in usable.enumerated() { openings.append((kashidas[index], widths.kashida[position], tatweels[index])) }
        for (index, space) in spaces.enumerated() { openings.append((space, widths.space[index], nil)) }
        guard !openings.isEmpty, widths.kashida.reduce(0, +) + widths.space.reduce(0, +) > deficit - 0.01 else { return false }
        Kashida.widen(&runs, openings: openings)
        return true
    }

    /// The tatweel glyph of a font shaping used and its advance, if the font has one: a lone tatweel shaped by
    /// HarfBuzz in that font (some fonts, such as Amiri, substitute a glyph of their own for it), so that stretching a
    /// line never goes back into Pango while the line's layout is live.
    private func tatweel(in font: FontReference) -> (glyph: UInt32, advance: Double)? {
        if let known = tatweelCache[font] { return known }
        var result: (glyph: UInt32, advance: Double)?
        if let pangoFont = pangoFonts[font], let hbFont = pango_font_get_hb_font(pangoFont), let buffer = hb_buffer_create() {
            defer { hb_buffer_destroy(buffer) }
            var tatweel: UInt32 = 0x0640
            hb_buffer_add_utf32(buffer, &tatweel, 1, 0, 1)
            hb_buffer_set_direction(buffer, HB_DIRECTION_RTL)
            hb_buffer_set_script(buffer, HB_SCRIPT_ARABIC)
            hb_buffer_set_language(buffer, hb_language_from_string("ar", -1))
            hb_shape(hbFont, buffer, nil, 0)
            var count: UInt32 = 0
            if let infos = hb_buffer_get_glyph_infos(buffer, &count), count == 1, infos[0].codepoint != 0,
               let positions = hb_buffer_get_glyph_positions(buffer, &count) {
                // The font's HarfBuzz scale is in Pango units, as the positions Pango shapes with.
                result = (infos[0].codepoint, Int32(positions[0].x_advance).points)
            }
        }
        tatweelCache[font] = result
        return result
    }

    /// Whether the line that ends at `end` ends with a hard break (a new paragraph inside the text).
    private static func endsWithBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        end < bytes.count && (bytes[end] == 0x0A || bytes[end] == 0x0D)
    }

    /// The identity of a font shaping used: its file, face index, family and size.
    private func reference(for font: UnsafeMutablePointer<PangoFont>) -> FontReference {
        if let known = fonts[font] { return known }
        mawjaz_object_ref(font)
        let pattern = mawjaz_font_pattern(font)
        let file = mawjaz_pattern_string(pattern, FC_FILE).map { String(cString: $0) } ?? ""
        let family = mawjaz_pattern_string(pattern, FC_FAMILY).map { String(cString: $0) } ?? ""
        var index: Int32 = 0
        _ = FcPatternGetInteger(pattern, FC_INDEX, 0, &index)
        // The size the glyphs were shaped at: the scale of the font's cairo font (its pixel size, 72 to the inch).
        var matrix = cairo_matrix_t()
        cairo_scaled_font_get_font_matrix(mawjaz_scaled_font(font), &matrix)
        let reference = FontReference(face: FontFace(file: file, index: Int(index), family: family), size: matrix.yy)
        fonts[font] = reference
        pangoFonts[reference] = font
        return reference
    }

    private static func scalarCount(_ bytes: some Sequence<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    }

    private static func reversedScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var end = bytes.endIndex
        var index = bytes.endIndex
        while index > bytes.startIndex {
            index -= 1
            if bytes[index] & 0xC0 != 0x80 {
                result.append(contentsOf: bytes[index..<end])
                end = index
            }
        }
        return result
    }

    private static func context(around offset: Int, in bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let prefix = String(decoding: bytes[..<min(offset, bytes.count)], as: UTF8.self)
        let position = prefix.count
        let characters = Array(text)
        let lower = max(0, position - 20), upper = min(characters.count, position + 20)
        return String(characters[lower..<upper])
    }
}
