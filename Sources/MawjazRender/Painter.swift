// Draws a frame's items onto a cairo context: glyph runs, shapes, images, and for a tagged PDF the structure
// tags, links and destinations.
internal import CPangoCairo
import MawjazFrame

/// Paints frames with cairo, loading the fonts glyph runs name.
struct Painter {
    let context: CairoContext
    let fonts: CairoFonts
    /// Whether the output is vector (PDF, SVG) rather than pixels.
    let vector: Bool
    /// Structure, links and destinations for a tagged PDF; images and SVG have none.
    var tagger: PDFTagger?
    /// Which text-layer spans may be written (PDF only; see `TextLayerPlan`). Without one, every span is.
    var textLayerPlan: TextLayerPlan?
    /// Where the numbers a right-to-left line draws out of order stand among each page's glyphs, for the amendment to
    /// span them (PDF only; see `NumberSpan`). Without one, none are looked for.
    var numberSpans: NumberSpanLog?
    /// Whether scaled images are smoothed. PDF/A forbids a PDF to ask for it (cairo writes /Interpolate true),
    /// so the PDF leaves it to the viewer.
    var smoothsImages = true

    private var cr: OpaquePointer { context.handle }

    /// Paints every item of `frame` with the frame's top-left corner at `origin`.
    func paint(_ frame: Frame, at origin: Point = .zero) throws(RenderError) {
        for index in frame.items.indices {
            let position = frame.items[index].position.offsetBy(dx: origin.x, dy: origin.y)
            switch frame.items[index].item {
            case .text(let line):
                let span = tagger?.lineNeedsSpan() ?? false
                if span { PDFTagger.begin(StructurePlan.spanType, cr) }
                try paint(line, at: position)
                if span { PDFTagger.end(StructurePlan.spanType, cr) }
            case .shape(let shape): paint(shape, at: position)
            case .image(let image): try paint(image, at: position)
            case .link(let link): tagger?.link(link, at: position, cr)
            case .destination(let destination): tagger?.destination(destination, at: position, cr)
            case .tag(let tag): try tagger?.handle(tag, cr)
            }
        }
    }

    /// Draws a line run by run, handing cairo each run's glyphs and text layer (`TextLayerRun`), so the PDF's text
    /// layer carries the text as readers expect it.
    private func paint(_ line: TextLine, at origin: Point) throws(RenderError) {
        numberSpans?.beginLine(NumberSpan.find(in: line), of: line, at: origin)
        defer { numberSpans?.endLine() }
        // By index, each run read where it lies: the loop over `enumerated()` copied every run (its font, arrays and
        // strings retained and released), and so did the text handed to `drew` as an autoclosure over the run.
        let runs = line.runs
        for runIndex in runs.indices {
            let run = runs[runIndex]
            let font = try fonts.scaledFont(for: run.font)
            let runX = origin.x + run.x
            if run.underline {
                let thickness = max(0.5, run.font.size * 0.06)
                setColor(run.color)
                cairo_rectangle(cr, runX, origin.y + run.font.size * 0.18, run.width, thickness)
                cairo_fill(cr)
            }
            guard !run.glyphs.isEmpty else { continue }
            let order: [Int]?, clusterSizes: [(bytes: Int, glyphs: Int)]?, text: String
            // The plan, when some run may hold spans, notes every glyph drawn plainly: each run goes through it then.
            if textLayerPlan?.hasSpans == true || TextLayerRun.mayHoldSpans(run, inLeftToRightLine: !line.isRightToLeft, advance: { _ in nil }) {
                let layer = textLayerPlan?.layer(for: run, in: line) ?? TextLayerRun(run, inLeftToRightLine: !line.isRightToLeft)
                order = layer.glyphOrder
                clusterSizes = layer.clusters
                text = layer.text
                numberSpans?.drew(run: runIndex, order: layer.glyphOrder, popplerText: layer.popplerText)
                numberSpans?.drew(layer.readerSpans)
            } else {
                // A run that cannot become spans: its glyphs, clusters and text as they are (`TextLayerRun`'s default).
                order = nil
                clusterSizes = nil
                text = run.clusterText
                numberSpans?.drew(run: runIndex, order: run.glyphs.indices, popplerText: text)
            }
            setColor(run.color)
            let glyphCount = order?.count ?? run.glyphs.count, clusterCount = clusterSizes?.count ?? run.clusters.count
            // cairo's glyphs and clusters in room of the moment (on the stack where it fits), not two arrays a run.
            withUnsafeTemporaryAllocation(of: cairo_glyph_t.self, capacity: glyphCount) { glyphs in
                withUnsafeTemporaryAllocation(of: cairo_text_cluster_t.self, capacity: clusterCount) { clusters in
                    run.glyphs.withUnsafeBufferPointer { runGlyphs in
                        for slot in 0..<glyphCount {
                            let glyph = runGlyphs[order?[slot] ?? slot]
                            glyphs[slot] = cairo_glyph_t(index: UInt(glyph.id), x: runX + glyph.x, y: origin.y + glyph.y)
                        }
                    }
                    if let clusterSizes {
                        for (slot, size) in clusterSizes.enumerated() {
                            clusters[slot] = cairo_text_cluster_t(num_bytes: Int32(size.bytes), num_glyphs: Int32(size.glyphs))
                        }
                    } else {
                        for (slot, cluster) in run.clusters.enumerated() {
                            clusters[slot] = cairo_text_cluster_t(num_bytes: Int32(cluster.byteCount), num_glyphs: Int32(cluster.glyphCount))
                        }
                    }
                    withExtendedLifetime(font) {
                        cairo_set_scaled_font(cr, font.handle)
                        var text = text
                        text.withUTF8 { utf8 in
                            utf8.withMemoryRebound(to: CChar.self) { chars in
                                cairo_show_text_glyphs(cr, chars.baseAddress, Int32(chars.count), glyphs.baseAddress, Int32(glyphCount),
                                                       clusters.baseAddress, Int32(clusterCount), cairo_text_cluster_flags_t(rawValue: 0))
                            }
                        }
                    }
                }
            }
        }
        try context.check("drawing text")
    }

    private func paint(_ shape: Shape, at origin: Point) {
        cairo_new_path(cr)
        switch shape.geometry {
        case .rect(let rect):
            cairo_rectangle(cr, origin.x + rect.minX, origin.y + rect.minY, rect.width, rect.height)
        case .line(let from, let to):
            cairo_move_to(cr, origin.x + from.x, origin.y + from.y)
            cairo_line_to(cr, origin.x + to.x, origin.y + to.y)
        case .polyline(let points), .polygon(let points):
            for (index, point) in points.enumerated() {
                if index == 0 { cairo_move_to(cr, origin.x + point.x, origin.y + point.y) }
                else { cairo_line_to(cr, origin.x + point.x, origin.y + point.y) }
            }
            if case .polygon = shape.geometry { cairo_close_path(cr) }
        case .circle(let center, let radius):
            cairo_arc(cr, origin.x + center.x, origin.y + center.y, radius, 0, 2 * Double.pi)
        }
        if let fill = shape.fill {
            setColor(fill)
            if shape.stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let stroke = shape.stroke {
            setColor(stroke.color)
            cairo_set_line_width(cr, stroke.width)
            cairo_set_dash(cr, stroke.dash, Int32(stroke.dash.count), 0)
            cairo_stroke(cr)
        }
    }

    private func paint(_ image: ImageBox, at origin: Point) throws(RenderError) {
        let surface = try ImageDecoder.surface(for: image, vector: vector)
        let width = Double(cairo_image_surface_get_width(surface.handle))
        let height = Double(cairo_image_surface_get_height(surface.handle))
        guard width > 0, height > 0 else { return }
        cairo_save(cr)
        cairo_translate(cr, origin.x, origin.y)
        cairo_scale(cr, image.size.width / width, image.size.height / height)
        cairo_set_source_surface(cr, surface.handle, 0, 0)
        if !smoothsImages { cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_FAST) }
        cairo_paint(cr)
        cairo_restore(cr)
        try context.check("drawing an image")
    }

    private func setColor(_ color: Color) {
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    }
}
