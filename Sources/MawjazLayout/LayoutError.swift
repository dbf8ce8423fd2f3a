// What can stop a layout: text that does not fit, a missing glyph, a block taller than a page.
import MawjazData
import MawjazLanguage

/// An error raised while laying out, naming the block it happened in.
package struct LayoutError: Error, Sendable, CustomStringConvertible {
    /// Where the block was written, if known.
    package var location: SourceLocation?
    /// What kind of block it was ("paragraph", "table", "chart"…).
    package var block: String
    package var message: Message
    /// The problems of other blocks found in the same layout, in reading order: a layout reports every block
    /// that does not fit, not only the first.
    package var others: [LayoutError] = []

    package init(location: SourceLocation?, block: String, message: Message) {
        self.location = location; self.block = block; self.message = message
    }

    @available(*, deprecated, message: "give the message a case in Message and a translation in every table")
    package init(location: SourceLocation?, block: String, message: String) {
        self.init(location: location, block: block, message: .verbatim(message))
    }

    /// Whether the layout was stopped from outside (its stop signal raised) rather than by the document.
    package private(set) var isStop = false

    /// The layout was stopped by its stop signal: the one who asked for it has its answer already (a deadline, a
    /// cancellation), so the message is what the signal stands for at worst.
    package static let stopped: LayoutError = {
        var error = LayoutError(location: nil, block: "document", message: .renderCancelled)
        error.isStop = true
        return error
    }()

    /// Whether this is a document past one of its limits (pages, positioned items), or a layout stopped from outside:
    /// nothing more is worth laying out.
    var isBudget: Bool {
        switch message {
        case .tooManyPages, .tooManyBoxes: return true
        default: return isStop
        }
    }

    /// This problem and the others, as one error; nil when there are none.
    init?(_ problems: [LayoutError]) {
        guard var first = problems.first else { return nil }
        first.others += problems.dropFirst()
        self = first
    }

    /// Every problem as a diagnostic, this one first.
    package var diagnostics: [Diagnostic] { [diagnostic] + others.flatMap(\.diagnostics) }

    /// As a diagnostic, the form every Mawjaz error is printed in.
    package var diagnostic: Diagnostic {
        Diagnostic(.error, at: location ?? SourceLocation(file: ""), field: block, message)
    }

    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
