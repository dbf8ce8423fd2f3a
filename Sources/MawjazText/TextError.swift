// What can go wrong when text is set: missing fonts and glyphs, text that does not fit.
import MawjazLanguage

/// An error raised while loading fonts or setting text.
package enum TextError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The fonts folder does not exist or holds no font.
    case fontFolderMissing(String)
    /// fontconfig refused a step.
    case fontconfig(String)
    /// A font family that the bundled fonts do not have.
    case unknownFamily(String, available: [String])
    /// A character that no bundled font has a glyph for, with the text around it.
    case missingGlyph(scalar: UInt32, context: String)
    /// A word or line wider than the width it must fit in.
    case overflow(text: String, width: Double, available: Double)
    /// A paragraph longer than Pango lays out reliably.
    case paragraphTooLong(characters: Int, limit: Int)

    /// Whether a `Tolerance` can let this pass: overflow and missing glyphs.
    package var isTolerable: Bool {
        switch self {
        case .overflow, .missingGlyph: return true
        default: return false
        }
    }

    /// What to tell the user, in any language.
    package var message: Message {
        switch self {
        case .fontFolderMissing(let path): return .noFonts(folder: Message.pathExcerpt(path))
        case .fontconfig(let detail): return .fontconfig(Message.pathExcerpt(detail))
        case .unknownFamily(let name, let available): return .unknownFontFamily(Message.excerpt(name), available: Message.listExcerpt(available))
        case .missingGlyph(let scalar, let context):
            let hex = String(scalar, radix: 16, uppercase: true)
            return .missingGlyph(codePoint: String(repeating: "0", count: max(0, 4 - hex.count)) + hex, context: context)
        case .overflow(let text, let width, let available): return .textTooWide(Message.excerpt(text), width: width, available: available)
        case .paragraphTooLong(let characters, let limit): return .paragraphTooLong(characters: characters, limit: limit)
        }
    }

    package var description: String { message.description }
}
