// The exporters: a paged document to PDF, to PNG pages or to SVG pages, through cairo.
import CPangoCairo
import Foundation
import MawjazFrame
import MawjazText

/// The formats Mawjaz writes, chosen by the output file's extension.
public enum OutputFormat: Hashable, Sendable {
    case pdf
    /// One PNG per page, `<stem>-<n>.png`, at `dpi` pixels per inch.
    case png(dpi: Double)
    /// One SVG per page, `<stem>-<n>.svg`.
    case svg

    /// The format an output path's extension names.
    public static func forPath(_ url: URL, dpi: Double = 144) throws(RenderError) -> OutputFormat {
        switch url.pathExtension.lowercased() {
        case "pdf": return .pdf
        case "png": return .png(dpi: dpi)
        case "svg": return .svg
        default: throw .unsupportedFormat(url.pathExtension)
        }
    }
}

/// Draws paged documents with cairo.
public struct Renderer {
    /// The engine that shaped the documents' text; its fonts draw the glyphs.
    public let engine: TextEngine

    public init(engine: TextEngine) { self.engine = engine }

    /// Checks what drawing `document` needs beyond its images (checked with `ImageCheck`): that its structure tags,
    /// links and destinations fit together.
    public func check(_ document: PagedDocument) throws(RenderError) {
        _ = try StructurePlan(document)
    }

    /// Writes `document` to `url` in `format` and returns the files written (one for PDF, one per page otherwise,
    /// named by `pages`). All or nothing: the files are prepared aside and replace the earlier output, and the pages
    /// of a longer earlier set, only once every one is complete.
    @discardableResult
    public func write(_ document: PagedDocument, to url: URL, format: OutputFormat, pages: PageFiles = .numbered) throws(RenderError) -> [URL] {
        let set: OutputSet
        switch format {
        case .pdf:
            set = try OutputSet(destination: url, pageExtension: nil)
            try writePDF(document, to: set.stagedFile(), named: url.lastPathComponent)
        case .png(let dpi):
            set = try OutputSet(destination: url, pageExtension: "png", naming: pages)
            for (index, page) in document.pages.enumerated() { try writePNG(page, to: set.stagedFile(page: index), dpi: dpi) }
        case .svg:
            set = try OutputSet(destination: url, pageExtension: "svg", naming: pages)
            for (index, page) in document.pages.enumerated() { try writeSVG(page, to: set.stagedFile(page: index)) }
        }
        return try set.commit()
    }

    /// Writes a tagged PDF: cairo draws the pages with their structure, links, destinations, outline and page
    /// labels, then `PDFAmendment` appends what cairo 1.16 cannot write (see there).
    private func writePDF(_ document: PagedDocument, to file: URL, named name: String) throws(RenderError) {
        let plan = try StructurePlan(document)
        let first = document.pages.first?.size ?? Size(width: 595.28, height: 841.89)
        let surface = try CairoSurface(taking: cairo_pdf_surface_create(file.path, first.width, first.height),
                                       what: "creating \(name)")
        setMetadata(document.info, on: surface)
        let context = try CairoContext(surface: surface)
        let tagger = PDFTagger(plan: plan)
        let textLayer = TextLayerPlan(document.pages) { [engine] font in engine.scaledFont(for: font).map { cairo_scaled_font_get_font_face($0) } }
        let painter = Painter(context: context, engine: engine, vector: true, tagger: tagger, textLayerPlan: textLayer, smoothsImages: false)
        for (index, page) in document.pages.enumerated() {
            cairo_pdf_surface_set_size(surface.handle, page.size.width, page.size.height)
            if index < document.info.pageLabels.count {
                cairo_pdf_surface_set_page_label(surface.handle, document.info.pageLabels[index])
            }
            if index == 0 { tagger.beginDocument(context.handle) }
            try painter.paint(page.frame)
            if index == document.pages.count - 1 { tagger.endDocument(context.handle) }
            cairo_show_page(context.handle)
        }
        addOutline(plan.outline, to: surface)
        try context.check("drawing \(name)")
        try surface.finish()
        let written: [UInt8]
        do { written = Array(try Data(contentsOf: file)) } catch { throw .write(path: file.path, reason: error.localizedDescription) }
        let amended = try PDFAmendment.amend(written, info: document.info, elements: plan.elements)
        do { try Data(amended).write(to: file) } catch { throw .write(path: file.path, reason: error.localizedDescription) }
    }

    /// Adds the outline (bookmarks): each entry under the nearest entry before it of a higher level.
    private func addOutline(_ outline: [StructurePlan.OutlineEntry], to surface: CairoSurface) {
        var parents: [(level: Int, id: Int32)] = []
        for entry in outline {
            while let last = parents.last, last.level >= entry.level { parents.removeLast() }
            let id = cairo_pdf_surface_add_outline(surface.handle, parents.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT), entry.title,
                                                   "dest='\(entry.destination)'", CAIRO_PDF_OUTLINE_FLAG_OPEN)
            parents.append((entry.level, id))
        }
    }

    private func setMetadata(_ info: DocumentInfo, on surface: CairoSurface) {
        let date = Self.isoDate(info.creationDate)
        let entries: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, info.title),
            (CAIRO_PDF_METADATA_AUTHOR, info.author),
            (CAIRO_PDF_METADATA_SUBJECT, info.subject),
            (CAIRO_PDF_METADATA_KEYWORDS, info.keywords.joined(separator: ", ")),
            (CAIRO_PDF_METADATA_CREATOR, "Mawjaz \(MawjazVersion.current)"),
            (CAIRO_PDF_METADATA_CREATE_DATE, date),
            (CAIRO_PDF_METADATA_MOD_DATE, date),
        ]
        for (key, value) in entries where !value.isEmpty {
            cairo_pdf_surface_set_metadata(surface.handle, key, value)
        }
    }

    /// `seconds` since 1970 as the ISO 8601 date cairo's PDF metadata takes.
    static func isoDate(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    private func writePNG(_ page: Page, to file: URL, dpi: Double) throws(RenderError) {
        let scale = dpi / 72
        let width = Int32((page.size.width * scale).rounded(.up)), height = Int32((page.size.height * scale).rounded(.up))
        let surface = try CairoSurface(taking: cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height),
                                       what: "creating a \(width)×\(height) image")
        let context = try CairoContext(surface: surface)
        cairo_set_source_rgb(context.handle, 1, 1, 1)
        cairo_paint(context.handle)
        cairo_scale(context.handle, scale, scale)
        try Painter(context: context, engine: engine, vector: false).paint(page.frame)
        cairo_surface_flush(surface.handle)
        guard cairo_surface_write_to_png(surface.handle, file.path) == CAIRO_STATUS_SUCCESS else {
            throw .pngNotWritten(path: file.path)
        }
    }

    private func writeSVG(_ page: Page, to file: URL) throws(RenderError) {
        let surface = try CairoSurface(taking: cairo_svg_surface_create(file.path, page.size.width, page.size.height),
                                       what: "creating \(file.lastPathComponent)")
        cairo_svg_surface_set_document_unit(surface.handle, CAIRO_SVG_UNIT_PT)
        let context = try CairoContext(surface: surface)
        // White paper, as the PDF's pages and the PNG's have: without it the page is transparent.
        cairo_set_source_rgb(context.handle, 1, 1, 1)
        cairo_paint(context.handle)
        try Painter(context: context, engine: engine, vector: true).paint(page.frame)
        cairo_show_page(context.handle)
        try context.check("drawing \(file.lastPathComponent)")
        try surface.finish()
    }
}
