// Hands a planned structure to cairo while the painter draws: structure tags, spans, links and destinations.
internal import CPangoCairo
import Foundation
import MawjazFrame

/// Emits the structure, links and destinations of a tagged PDF as the painter meets them, page after page.
final class PDFTagger {
    private let plan: StructurePlan
    private var walker = StructureWalker()

    init(plan: StructurePlan) { self.plan = plan }

    /// Opens the element that holds the whole document.
    func beginDocument(_ cr: OpaquePointer) {
        Self.begin(StructurePlan.documentType, cr)
    }

    /// Closes the element that holds the whole document.
    func endDocument(_ cr: OpaquePointer) {
        Self.end(StructurePlan.documentType, cr)
    }

    /// Opens or closes an element; inside page furniture, tags are dropped and nothing is marked.
    func handle(_ tag: StructureTag, _ cr: OpaquePointer) throws(RenderError) {
        switch try StructurePlan.step(&walker, .tag(tag)) {
        case .opened(_, let role, _): Self.begin(role.pdfStructureType, cr)
        case .closed(_, let role): Self.end(role.pdfStructureType, cr)
        case .content, .furniture: break
        }
    }

    /// Opens a structure element of `type` (no attributes). Through `withCString`, which hands a short string's bytes
    /// from the stack: a `String` passed to a C function as it stands is copied into an allocation of its own at every
    /// call (`String.utf8CString`), two for each element and span, some 1,000 a 21-page document.
    static func begin(_ type: String, _ cr: OpaquePointer) {
        type.withCString { cairo_tag_begin(cr, $0, "") }
    }

    /// Closes the structure element of `type` opened last.
    static func end(_ type: String, _ cr: OpaquePointer) {
        type.withCString { cairo_tag_end(cr, $0) }
    }

    /// Whether the next text line is to be drawn inside a span of its own (see `StructurePlan`).
    func lineNeedsSpan() -> Bool {
        !walker.isInFurniture && plan.spansLines[StructurePlan.index(of: walker.current?.number)]
    }

    /// A link area with its top-left corner at `origin`.
    func link(_ link: Link, at origin: Point, _ cr: OpaquePointer) {
        let rect = String(format: "rect=[%.2f %.2f %.2f %.2f]", origin.x, origin.y, link.size.width, link.size.height)
        let target: String
        switch link.target {
        case .destination(let name): target = "dest='\(name)'"
        case .uri(let address): target = "uri='\(Self.escapedURI(address))'"
        }
        cairo_tag_begin(cr, CAIRO_TAG_LINK, "\(rect) \(target)")
        cairo_tag_end(cr, CAIRO_TAG_LINK)
    }

    /// A named destination at `origin`.
    func destination(_ destination: Destination, at origin: Point, _ cr: OpaquePointer) {
        let attributes = String(format: "name='%@' x=%.2f y=%.2f", destination.name, origin.x, origin.y)
        cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes)
        cairo_tag_end(cr, CAIRO_TAG_DEST)
    }

    /// An address with every byte that is not plainly part of a URI (quotes, parentheses, backslashes, spaces,
    /// anything beyond ASCII) percent-encoded, so it passes cairo's attribute syntax and the PDF string unchanged.
    static func escapedURI(_ address: String) -> String {
        let plain = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&*+,;=%".utf8)
        var escaped = ""
        for byte in address.utf8 {
            if plain.contains(byte) { escaped.unicodeScalars.append(Unicode.Scalar(byte)) }
            else { escaped += String(format: "%%%02X", byte) }
        }
        return escaped
    }
}
