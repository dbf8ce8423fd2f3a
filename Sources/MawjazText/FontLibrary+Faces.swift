// What each font of the library is: its family, style, file, and the scripts it covers.
internal import CPangoCairo
import Foundation

/// One font face of the library, as `mawjaz fonts` lists it. (A glyph run names its face by MawjazFrame's
/// `FontFace`: file, index and family.)
package struct LibraryFace: Hashable, Sendable {
    package var family: String
    /// The style as the font names it: Regular, Bold, Italic…
    package var style: String
    package var file: URL
    /// Whether the face has the Arabic letters, the Latin letters, the ASCII digits and the Arabic-Indic digits.
    package var coversArabic: Bool
    package var coversLatin: Bool
    package var coversDigits: Bool
    package var coversArabicIndicDigits: Bool
}

extension FontLibrary {
    /// The faces of the library, by family and then style.
    package var faces: [LibraryFace] {
        guard let set = FcConfigGetFonts(config, FcSetApplication) else { return [] }
        var faces: [LibraryFace] = []
        for index in 0..<Int(set.pointee.nfont) {
            guard let pattern = set.pointee.fonts[index] else { continue }
            func string(_ object: String) -> String? {
                var value: UnsafeMutablePointer<FcChar8>?
                guard FcPatternGetString(pattern, object, 0, &value) == FcResultMatch, let value else { return nil }
                return String(cString: value)
            }
            var charset: OpaquePointer?
            let hasCharset = FcPatternGetCharSet(pattern, FC_CHARSET, 0, &charset) == FcResultMatch
            func covers(_ scalars: ClosedRange<UInt32>) -> Bool {
                guard hasCharset, let charset else { return false }
                return scalars.allSatisfy { FcCharSetHasChar(charset, $0) != 0 }
            }
            guard let family = string(FC_FAMILY), let file = string(FC_FILE) else { continue }
            faces.append(LibraryFace(family: family, style: string(FC_STYLE) ?? "Regular", file: URL(fileURLWithPath: file),
                                  coversArabic: covers(0x0621...0x063A) && covers(0x0641...0x064A), coversLatin: covers(0x41...0x5A) && covers(0x61...0x7A),
                                  coversDigits: covers(0x30...0x39), coversArabicIndicDigits: covers(0x0660...0x0669)))
        }
        return faces.sorted { ($0.family, $0.style, $0.file.path) < ($1.family, $1.style, $1.file.path) }
    }
}
