// What can go wrong while writing output.
import MawjazLanguage

/// An error raised while drawing or writing an output file.
package enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// cairo reported a failure.
    case cairo(String)
    /// The output could not be written; `reason` is the system's.
    case write(path: String, reason: String)
    /// A glyph run names a font file that cannot be loaded.
    case missingFont(family: String, file: String)
    /// The output's extension names no format Mawjaz writes.
    case unsupportedFormat(String)
    /// A JPEG image in a PNG output: cairo cannot decode JPEG.
    case jpegInRaster
    /// The document's structure tags, links or destinations do not fit together.
    case structure(String)
    /// A page was asked for that the document does not have.
    case noSuchPage(Int, pageCount: Int)
    /// The PDF cairo wrote could not be amended (its catalog, structure or cross-reference table was not as expected).
    case amendment(String)
    /// The drawing was stopped by its stop signal (a deadline passed, a request cancelled).
    case stopped

    /// What to tell the user, in any language. The details of cairo's failures and of faults in the structure or the
    /// amendment (which bad input cannot cause) stay in English, for Mawjaz's developers.
    package var message: Message {
        switch self {
        case .cairo(let detail): return .cairo(detail)
        case .write(let path, let reason): return .cannotWrite(path: Message.pathExcerpt(path), reason: Message.pathExcerpt(reason))
        case .missingFont(let family, let file): return .missingFont(family: Message.excerpt(family), file: Message.pathExcerpt(file))
        case .unsupportedFormat(let ext): return .unsupportedFormat(ext)
        case .jpegInRaster: return .jpegInRaster
        case .structure(let detail): return .documentStructure(Message.pathExcerpt(detail))
        case .noSuchPage(let number, let count): return .noSuchPage(number, pageCount: count)
        case .amendment(let detail): return .amendment(detail)
        case .stopped: return .renderCancelled
        }
    }

    package var description: String { message.description }
}
