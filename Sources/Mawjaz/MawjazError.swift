// Every failure of the pipeline as one error type with diagnostics to print and an exit status.
import MawjazData
import MawjazLanguage
import MawjazLayout
import MawjazRender
import MawjazText

/// A failure anywhere in the pipeline, with what to tell the user.
public enum MawjazError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input is wrong: the report, its data, its template, or content that does not fit.
    case input([Diagnostic])
    /// The output could not be written, or a library failed.
    case output(Message)
    /// Mawjaz's own fonts or templates are missing.
    case installation(Message)
    /// A renderer pool's queue is full: try again later (a service answers 503).
    case busy
    /// The render's deadline passed before it finished.
    case timedOut
    /// The task that asked for the render was cancelled, or the pool was shut down.
    case cancelled

    /// The lines to print, one per problem, in English.
    public var description: String { description(in: .en) }

    /// The lines to print, one per problem, in `language`.
    public func description(in language: Language) -> String {
        switch self {
        case .input(let diagnostics): return diagnostics.map { $0.description(in: language) }.joined(separator: "\n")
        case .output, .installation, .busy, .timedOut, .cancelled: return "\(Message.errorWord.text(in: language)): \(message.text(in: language))"
        }
    }

    @available(*, deprecated, message: "give the message a case in Message and a translation in every table")
    public static func output(_ text: String) -> MawjazError { .output(.verbatim(text)) }

    @available(*, deprecated, message: "give the message a case in Message and a translation in every table")
    public static func installation(_ text: String) -> MawjazError { .installation(.verbatim(text)) }

    /// What went wrong when it is not bad input (which `input`'s diagnostics tell, each with its place).
    public var message: Message {
        switch self {
        case .input(let diagnostics): return diagnostics.first?.message ?? .reportUnreadable
        case .output(let message), .installation(let message): return message
        case .busy: return .poolBusy
        case .timedOut: return .renderTimedOut
        case .cancelled: return .renderCancelled
        }
    }

    /// The exit status: 2 for bad input, 1 for anything else.
    public var exitStatus: Int32 {
        if case .input = self { return 2 }
        return 1
    }

    /// This error with every limit it reports naming `remedy(limit)` as the way to raise it (see `LimitRemedy`): the
    /// library's errors name `RenderRequest.limits`, which the command line and a service readdress to their readers.
    public func withLimitRemedy(_ remedy: (_ limit: String) -> LimitRemedy) -> MawjazError {
        guard case .input(let diagnostics) = self else { return self }
        return .input(diagnostics.map { $0.withLimitRemedy(remedy) })
    }

    /// The diagnostics of a data error, as bad input.
    public init(_ error: DataError) { self = .input(error.diagnostics) }
    /// A layout error's diagnostics (every block that could not be laid out), as bad input; a layout stopped by its
    /// stop signal is `cancelled` (its caller, who raised the signal, knows better why).
    package init(_ error: LayoutError) { self = error.isStop ? .cancelled : .input(error.diagnostics) }
    /// A render error: bad input when the output asked for cannot be made (format, page), else an output failure.
    package init(_ error: RenderError) {
        switch error {
        case .unsupportedFormat, .jpegInRaster, .noSuchPage:
            self = .input([Diagnostic(.error, at: SourceLocation(file: "-o"), field: "output", error.message)])
        case .stopped:
            self = .cancelled
        default:
            self = .output(error.message)
        }
    }
}
