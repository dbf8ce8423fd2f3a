// What can stop a layout: text that does not fit, a missing glyph, a block taller than a page.
import MawjazData
import MawjazLanguage

/// An error raised while laying out, naming the block it happened in.
public struct LayoutError: Error, Sendable, CustomStringConvertible {
    /// Where the block was written, if known.
    public var location: SourceLocation?
    /// What kind of block it was ("paragraph", "table", "chart"…).
    public var block: String
    public var message: Message

    public init(location: SourceLocation?, block: String, message: Message) {
        self.location = location; self.block = block; self.message = message
    }

    @available(*, deprecated, message: "give the message a case in Message and a translation in every table")
    public init(location: SourceLocation?, block: String, message: String) {
        self.init(location: location, block: block, message: .verbatim(message))
    }

    /// As a diagnostic, the form every Mawjaz error is printed in.
    public var diagnostic: Diagnostic {
        Diagnostic(.error, at: location ?? SourceLocation(file: ""), field: block, message)
    }

    public var description: String { diagnostic.description }
}
