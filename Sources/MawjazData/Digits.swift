// Digits as people type them: Arabic-Indic and Extended Arabic-Indic digits read as ASCII.

/// Normalises the digits of input text.
package enum Digits {
    /// `text` with Arabic-Indic (U+0660–0669) and Extended Arabic-Indic (U+06F0–06F9) digits made ASCII,
    /// and the Arabic decimal separator (U+066B) made a full stop.
    package static func toASCII(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x0660 }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0660...0x0669: scalars.append(Unicode.Scalar(scalar.value - 0x0660 + 0x30)!)
            case 0x06F0...0x06F9: scalars.append(Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!)
            case 0x066B: scalars.append(".")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
