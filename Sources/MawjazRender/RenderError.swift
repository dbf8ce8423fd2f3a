// What can go wrong while writing output.

/// An error raised while drawing or writing an output file.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// cairo reported a failure.
    case cairo(String)
    /// The output could not be written.
    case write(path: String, reason: String)
    /// A glyph run refers to a font this renderer's text engine never loaded.
    case unknownFont(String)
    /// The output's extension names no format Mawjaz writes.
    case unsupportedFormat(String)
    /// A JPEG image in a PNG output: cairo cannot decode JPEG.
    case jpegInRaster
    /// The document's structure tags, links or destinations do not fit together.
    case structure(String)
    /// The PDF cairo wrote could not be amended (its catalog, structure or cross-reference table was not as expected).
    case amendment(String)

    public var description: String {
        switch self {
        case .cairo(let message): return "cairo: \(message)"
        case .write(let path, let reason): return "\(path): cannot write: \(reason)"
        case .unknownFont(let family): return "a glyph run uses the font \(family), which this renderer did not load"
        case .unsupportedFormat(let ext): return "unsupported output format \".\(ext)\" (use .pdf, .png or .svg)"
        case .jpegInRaster: return "a JPEG image can be written to PDF and SVG, not to PNG (convert the image to PNG)"
        case .structure(let message): return "document structure: \(message)"
        case .amendment(let message): return "amending the PDF: \(message)"
        }
    }
}
