// What can go wrong when text is set: missing fonts and glyphs, text that does not fit.
import Foundation

/// An error raised while loading fonts or setting text.
public enum TextError: Error, Equatable, Sendable, CustomStringConvertible {
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
    public var isTolerable: Bool {
        switch self {
        case .overflow, .missingGlyph: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .fontFolderMissing(let path):
            return "no fonts found in \(path)"
        case .fontconfig(let message):
            return message
        case .unknownFamily(let name, let available):
            return "font family \"\(name)\" is not in Fonts/ (available: \(available.joined(separator: ", ")))"
        case .missingGlyph(let scalar, let context):
            let hex = String(scalar, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return "no bundled font has a glyph for U+\(padded) in \"\(context)\""
        case .overflow(let text, let width, let available):
            return "\"\(text)\" is \(Self.points(width)) pt wide but only \(Self.points(available)) pt are available"
        case .paragraphTooLong(let characters, let limit):
            return "a paragraph of \(characters) characters is longer than the limit of \(limit)"
        }
    }

    private static func points(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
