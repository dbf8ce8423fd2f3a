// The bundled fonts, held in a private fontconfig configuration so output never depends on the machine.
internal import CPangoCairo
import Foundation

/// The fonts of Mawjaz's `Fonts/` folder and any folders added to it (an office's own fonts), registered with a
/// fontconfig configuration of their own.
///
/// Nothing outside the folders is visible to Pango through it: the same input gives the same fonts on
/// every machine, and a family that is not in the folders is an error rather than a silent substitute.
package final class FontLibrary: @unchecked Sendable {
    // @unchecked: the configuration is built in init and only read afterwards; fontconfig reads are thread-safe.
    let config: OpaquePointer
    /// The folder the fonts were loaded from (the first, when there are several).
    package var directory: URL { directories[0] }
    /// The folders the fonts were loaded from, in order.
    package let directories: [URL]
    /// The family names of the fonts in the folders.
    package let families: Set<String>
    /// The families that have the Latin alphabet (Noto Sans, Amiri; not Noto Naskh Arabic).
    package let latinFamilies: Set<String>

    /// Registers every font file in `directory`.
    package convenience init(directory: URL) throws(TextError) {
        try self.init(directories: [directory])
    }

    /// Registers every font file (`.ttf`, `.otf`, `.ttc`) in each of `directories`, which must not be empty; a
    /// folder that does not exist or holds no font is an error.
    package init(directories: [URL]) throws(TextError) {
        guard let config = FcConfigCreate() else { throw .fontconfig("FcConfigCreate failed") }
        for directory in directories {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
                FcConfigDestroy(config)
                throw .fontFolderMissing(directory.path)
            }
            // Files one by one, in a fixed order: a folder would make fontconfig look for a cache to write.
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter(Self.isFontFile)
            guard !names.isEmpty else {
                FcConfigDestroy(config)
                throw .fontFolderMissing(directory.path)
            }
            for name in names.sorted() {
                let path = directory.appendingPathComponent(name).path
                guard FcConfigAppFontAddFile(config, path) != 0 else {
                    FcConfigDestroy(config)
                    throw .fontconfig("fontconfig could not read the font \(path)")
                }
            }
        }
        var families = Set<String>(), latin = Set<String>()
        if let set = FcConfigGetFonts(config, FcSetApplication) {
            for index in 0..<Int(set.pointee.nfont) {
                guard let pattern = set.pointee.fonts[index] else { continue }
                var charset: OpaquePointer?
                let hasLatin = FcPatternGetCharSet(pattern, FC_CHARSET, 0, &charset) == FcResultMatch
                    && "AZaz".unicodeScalars.allSatisfy { FcCharSetHasChar(charset, $0.value) != 0 }
                var position: Int32 = 0
                var value: UnsafeMutablePointer<FcChar8>?
                while FcPatternGetString(pattern, FC_FAMILY, position, &value) == FcResultMatch, let value {
                    families.insert(String(cString: value))
                    if hasLatin { latin.insert(String(cString: value)) }
                    position += 1
                }
            }
        }
        guard !families.isEmpty, !directories.isEmpty else {
            FcConfigDestroy(config)
            throw .fontFolderMissing(directories.first?.path ?? "")
        }
        self.config = config
        self.directories = directories
        self.families = families
        self.latinFamilies = latin
    }

    /// Whether a file name is a font's, by its extension.
    package static func isFontFile(_ name: String) -> Bool {
        ["ttf", "otf", "ttc"].contains((name as NSString).pathExtension.lowercased())
    }

    deinit { FcConfigDestroy(config) }

    /// Throws unless every family in `names` is one of the library's families.
    package func check(families names: [String]) throws(TextError) {
        for name in names where !families.contains(name) {
            throw .unknownFamily(name, available: families.sorted())
        }
    }
}
