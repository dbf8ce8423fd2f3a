// Every failure of the pipeline as one error type with diagnostics to print and an exit status.
import MawjazData
import MawjazLayout
import MawjazRender
import MawjazText

/// A failure anywhere in the pipeline, with what to tell the user.
public enum MawjazError: Error, Sendable, CustomStringConvertible {
    /// The input is wrong: the report, its data, its template, or content that does not fit.
    case input([Diagnostic])
    /// The output could not be written, or a library failed.
    case output(String)
    /// Mawjaz's own fonts or templates are missing.
    case installation(String)

    /// The lines to print, one per problem.
    public var description: String {
        switch self {
        case .input(let diagnostics): return diagnostics.map(\.description).joined(separator: "\n")
        case .output(let message): return "error: \(message)"
        case .installation(let message): return "error: \(message)"
        }
    }

    /// The exit status: 2 for bad input, 1 for anything else.
    public var exitStatus: Int32 {
        if case .input = self { return 2 }
        return 1
    }

    init(_ error: DataError) { self = .input(error.diagnostics) }
    init(_ error: LayoutError) { self = .input([error.diagnostic]) }
    init(_ error: RenderError) {
        switch error {
        case .unsupportedFormat, .jpegInRaster:
            self = .input([Diagnostic(.error, at: SourceLocation(file: "-o"), field: "output", error.description)])
        default:
            self = .output(error.description)
        }
    }
}
