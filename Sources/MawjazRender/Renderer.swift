// The exporters: a paged document to PDF, to PNG pages or to SVG pages, through cairo.
internal import CPangoCairo
import Foundation
import MawjazFrame
import Synchronization

/// The formats Mawjaz writes, chosen by the output file's extension.
public enum OutputFormat: Hashable, Sendable {
    case pdf
    /// One PNG per page, `<stem>-<n>.png`, at `dpi` pixels per inch.
    case png(dpi: Double)
    /// One SVG per page, `<stem>-<n>.svg`.
    case svg

    /// The file extension of the format: `pdf`, `png` or `svg`.
    public var fileExtension: String {
        switch self {
        case .pdf: "pdf"
        case .png: "png"
        case .svg: "svg"
        }
    }

    /// The format called `name` (`pdf`, `png` or `svg`, any case), PNG at `dpi`.
    package init(named name: String, dpi: Double = 144) throws(RenderError) {
        switch name.lowercased() {
        case "pdf": self = .pdf
        case "png": self = .png(dpi: dpi)
        case "svg": self = .svg
        default: throw .unsupportedFormat(name)
        }
    }

    /// The format an output path's extension names.
    package static func forPath(_ url: URL, dpi: Double = 144) throws(RenderError) -> OutputFormat {
        try OutputFormat(named: url.pathExtension, dpi: dpi)
    }
}

/// Draws paged documents with cairo.
///
/// A renderer needs nothing but the frames: glyph runs name their fonts by file and size, and the fonts are loaded
/// once for the whole process. So a document laid out on one thread (by one text engine) may be drawn on another,
/// and one renderer may draw on several threads at once.
package struct Renderer: Sendable {
    private let fonts = CairoFonts.shared
    /// How many pages of a PNG or SVG output are drawn at once, each on a thread of its own.
    package var pageWorkers: Int
    /// Whether a PDF is tagged (structure, links, destinations, outline). Off only to measure what tagging costs:
    /// every PDF Mawjaz writes is tagged.
    package var tagsPDF = true
    /// Whether a PDF gets its incremental update (`PDFAmendment`). Off only to measure what the update costs.
    package var amendsPDF = true
    /// Asked before each page is drawn: once raised, the drawing ends with `RenderError.stopped`.
    package var stop = StopSignal.never

    /// Whether `pdf` gives malloc's free memory back to the system once the pages are drawn
    /// (`keepFreeMemoryForMoreDocuments`).
    private static let givesFreeMemoryBack = Atomic<Bool>(true)

    /// For a process that renders many documents (`batch`, `watch`, the benchmarks), before its first:
    /// malloc keeps what a document frees for the next (`mawjaz_keep_free_memory`), and a PDF no longer gives malloc's
    /// free pages back after drawing. Given back, and mapped afresh for every document, they cost the next document
    /// some 120 page faults on 3 pages and 220 on 21 (about 13 without), and their system calls. A process that
    /// renders one document (`mawjaz render`) keeps giving them back, for its peak.
    package static func keepFreeMemoryForMoreDocuments() {
        mawjaz_keep_free_memory()
        givesFreeMemoryBack.store(false, ordering: .relaxed)
    }

    /// The processors this process may use, read once: `ProcessInfo.activeProcessorCount` reads the control group's
    /// processor files on every call, and a renderer is made for every document.
    package static let processors = ProcessInfo.processInfo.activeProcessorCount

    /// A renderer that draws the pages of PNG and SVG outputs on `pageWorkers` threads (one per core by default).
    package init(pageWorkers: Int = Renderer.processors) {
        self.pageWorkers = max(1, pageWorkers)
    }

    /// Checks what drawing `document` needs beyond its images (checked with `ImageCheck`): that its structure tags,
    /// links and destinations fit together.
    package func check(_ document: PagedDocument) throws(RenderError) {
        _ = try StructurePlan(document)
    }

    /// Writes `document` to `url` in `format` and returns the files written (one for PDF, one per page otherwise,
    /// named `<stem>-<n>` with `n` zero-padded to the page count's width so the files sort). All or nothing: the files
    /// are prepared aside (`OutputSet`) and replace the earlier output, and the pages of a longer earlier set, only
    /// once every one is complete.
    @discardableResult
    package func write(_ document: PagedDocument, to url: URL, format: OutputFormat) throws(RenderError) -> [URL] {
        let pages = Array(Array(1...max(1, document.pages.count)).prefix(document.pages.count))
        let files = try output(document, format: format, pages: pages)
        let set = try OutputSet(destination: url, pageExtension: format == .pdf ? nil : format.fileExtension,
                                pageCount: document.pages.count)
        for (number, bytes) in files { try set.add(bytes, page: format == .pdf ? nil : number) }
        return try set.commit()
    }

    /// The document in `format`, in memory: for PDF one file (numbered 0) holding every page; for PNG and SVG one
    /// file per page of `pages` (numbered from 1), in the order given.
    /// A PDF's drawing releases each page's frame once the page is drawn: when the caller hands over its last copy of
    /// `document` (`consume`), the frames are gone before cairo finishes the file and the update is written.
    package func output(_ document: consuming PagedDocument, format: OutputFormat, pages: [Int]) throws(RenderError) -> [(page: Int, bytes: Data)] {
        switch format {
        case .pdf:
            return [(0, try pdf(document))]
        case .png(let dpi):
            return try drawPages(pages, of: document) { page throws(RenderError) in try png(page, dpi: dpi) }
        case .svg:
            return try drawPages(pages, of: document) { page throws(RenderError) in try svg(page) }
        }
    }

    /// Draws each page of `numbers` on its own, `pageWorkers` pages at a time: a page's drawing needs nothing from
    /// another's. Returns them in the order given; the first page that failed (in that order) is the error.
    private func drawPages(_ numbers: [Int], of document: PagedDocument,
                           _ draw: @Sendable (Page) throws(RenderError) -> Data) throws(RenderError) -> [(page: Int, bytes: Data)] {
        let pages = try numbers.map { (number) throws(RenderError) in try page(number, of: document) }
        let drawn = Mutex<[Int: Result<Data, RenderError>]>([:])
        let workers = min(pageWorkers, pages.count)
        let stop = self.stop
        @Sendable func drawShare(of worker: Int) {
            for index in stride(from: worker, to: pages.count, by: max(1, workers)) {
                // A stopped share draws no more pages: its first page not drawn is the error.
                guard !stop.isRaised else {
                    drawn.withLock { $0[index] = .failure(.stopped) }
                    return
                }
                let result: Result<Data, RenderError>
                do throws(RenderError) { result = .success(try draw(pages[index])) } catch { result = .failure(error) }
                drawn.withLock { $0[index] = result }
            }
        }
        if workers > 1 { DispatchQueue.concurrentPerform(iterations: workers, execute: drawShare) } else { drawShare(of: 0) }
        return try drawn.withLock { $0 }.sorted { $0.key < $1.key }.map { (index, result) throws(RenderError) in
            (numbers[index], try result.get())
        }
    }

    private func page(_ number: Int, of document: PagedDocument) throws(RenderError) -> Page {
        guard document.pages.indices.contains(number - 1) else { throw .noSuchPage(number, pageCount: document.pages.count) }
        return document.pages[number - 1]
    }

    /// `<stem>-<number>.<ext>` beside `url`, the number zero-padded to the width of `count` (`brief-01.png` of 21).
    package static func pageFile(_ url: URL, number: Int, of count: Int, extension ext: String) -> URL {
        let digits = String(number), width = String(max(count, number)).count
        let padded = String(repeating: "0", count: width - digits.count) + digits
        let stem = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(stem)-\(padded).\(ext)")
    }

    /// A tagged PDF of the whole document: cairo draws the pages with their structure, links, destinations,
    /// outline and page labels, then `PDFAmendment` writes the file again with what cairo 1.16 cannot write (see there). Each page's frame
    /// is released once the page is drawn (when `document` was the caller's last copy).
    package func pdf(_ document: consuming PagedDocument) throws(RenderError) -> Data {
        var document = document
        let plan = try StructurePlan(document)
        let info = document.info
        let textLayer = TextLayerPlan(document.pages, names: fonts.glyphNames, advances: fonts.advances,
                                      advanceTables: fonts.advanceTables, renames: amendsPDF)
        var pages: [Page] = []
        swap(&pages, &document.pages)
        let sink = ByteSink()
        let numberSpans = amendsPDF ? NumberSpanLog() : nil
        numberSpans?.inkHeights = { [fonts] run in fonts.inkHeights(of: run) }
        return try withExtendedLifetime(sink) { () throws(RenderError) -> Data in
            // cairo's deflaters store while it writes a file the amendment writes again, where its font programs and
            // images are compressed once, by libdeflate (`FlateCoder.storingCairoStreams`); unamended, it is cairo's own.
            try FlateCoder.storingCairoStreams(when: amendsPDF) { () throws(RenderError) in
                let first = pages.first?.size ?? Size(width: 595.28, height: 841.89)
                let surface = try CairoSurface(taking: cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, first.width, first.height),
                                               what: "creating the PDF")
                setMetadata(info, on: surface)
                let context = try CairoContext(surface: surface)
                let tagger = tagsPDF ? PDFTagger(plan: plan) : nil
                let painter = Painter(context: context, fonts: fonts, vector: true, tagger: tagger, textLayerPlan: textLayer,
                                      numberSpans: numberSpans, smoothsImages: false)
                for index in pages.indices {
                    if stop.isRaised { throw .stopped }
                    let size = pages[index].size
                    cairo_pdf_surface_set_size(surface.handle, size.width, size.height)
                    if index < info.pageLabels.count {
                        cairo_pdf_surface_set_page_label(surface.handle, info.pageLabels[index])
                    }
                    if index == 0 { tagger?.beginDocument(context.handle) }
                    numberSpans?.beginPage(pages[index].frame)
                    try painter.paint(pages[index].frame)
                    if index == pages.count - 1 { tagger?.endDocument(context.handle) }
                    cairo_show_page(context.handle)
                    // Drawn: cairo holds what it needs of the page, and the frame's glyph runs are the largest part of
                    // the heap by then.
                    pages[index].frame = Frame(size: pages[index].frame.size)
                }
                if tagsPDF { addOutline(plan.outline, to: surface) }
                try context.check("drawing the PDF")
                // The frames' memory, freed page by page, goes back to the system before cairo writes the fonts and the
                // amendment runs: left in malloc's heap it stayed resident to the end, the process's peak.
                if Self.givesFreeMemoryBack.load(ordering: .relaxed) { mawjaz_release_free_memory() }
                try surface.finish()
            }
            if amendsPDF {
                try PDFAmendment.amend(sink, info: info, elements: plan.elements, characterRenames: textLayer.characterRenames,
                                       numberSpans: numberSpans?.finished() ?? [], stop: stop)
            } else {
                try PDFAmendment.compressCairoStreams(in: sink)
            }
            return sink.takeData()
        }
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
        let date = PDFAmendment.xmpDate(info.creationDate)
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

    /// One page as a PNG image at `dpi` pixels per inch, on white.
    package func png(_ page: Page, dpi: Double) throws(RenderError) -> Data {
        let scale = dpi / 72
        let width = Int32((page.size.width * scale).rounded(.up)), height = Int32((page.size.height * scale).rounded(.up))
        let surface = try CairoSurface(taking: cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height),
                                       what: "creating a \(width)×\(height) image")
        let context = try CairoContext(surface: surface)
        cairo_set_source_rgb(context.handle, 1, 1, 1)
        cairo_paint(context.handle)
        cairo_scale(context.handle, scale, scale)
        try Painter(context: context, fonts: fonts, vector: false).paint(page.frame)
        cairo_surface_flush(surface.handle)
        let sink = ByteSink()
        let status = withExtendedLifetime(sink) { cairo_surface_write_to_png_stream(surface.handle, ByteSink.write, sink.closure) }
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo("writing the PNG: \(String(cString: cairo_status_to_string(status)))") }
        return sink.takeData()
    }

    /// One page as an SVG drawing, on white, in points.
    package func svg(_ page: Page) throws(RenderError) -> Data {
        let sink = ByteSink()
        return try withExtendedLifetime(sink) { () throws(RenderError) -> Data in
            let surface = try CairoSurface(taking: cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, page.size.width,
                                                                                        page.size.height),
                                           what: "creating the SVG")
            cairo_svg_surface_set_document_unit(surface.handle, CAIRO_SVG_UNIT_PT)
            let context = try CairoContext(surface: surface)
            // White paper, as the PDF's pages and the PNG's have: without it the page is transparent.
            cairo_set_source_rgb(context.handle, 1, 1, 1)
            cairo_paint(context.handle)
            try Painter(context: context, fonts: fonts, vector: true).paint(page.frame)
            cairo_show_page(context.handle)
            try context.check("drawing the SVG")
            try surface.finish()
            return Data(sink.withBytes(SVGIdentifiers.renumber))
        }
    }
}
