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
    /// The family names of the fonts in the folders, but for the last-resort ones (`lastResortFamilies`), which no
    /// template names.
    package let families: Set<String>
    /// The families that have the Latin alphabet (Noto Sans, Amiri; not Noto Naskh Arabic).
    package let latinFamilies: Set<String>

    /// Registers every font file in `directory`; fontconfig keeps what it reads of them in `cacheFolder` (nil: no cache).
    package convenience init(directory: URL, cacheFolder: String? = FontLibrary.defaultCacheFolder()) throws(TextError) {
        try self.init(directories: [directory], cacheFolder: cacheFolder)
    }

    /// Registers every font file (`.ttf`, `.otf`, `.ttc`) in each of `directories`, which must not be empty; a
    /// folder that does not exist or holds no font is an error. fontconfig keeps what it reads of a folder's fonts in
    /// `cacheFolder` (nil: no cache).
    package init(directories: [URL], cacheFolder: String? = FontLibrary.defaultCacheFolder()) throws(TextError) {
        Self.isolateProcess()
        guard let config = FcConfigCreate() else { throw .fontconfig("FcConfigCreate failed") }
        // fontconfig's cache of a folder: the next run maps what it read instead of opening every font. Without a
        // writable cache folder it reads the fonts, as it would have.
        if let cacheFolder {
            FcConfigParseAndLoadFromMemory(config, "<fontconfig><cachedir>\(Self.escapedXML(cacheFolder))</cachedir></fontconfig>", 0)
        }
        for directory in directories {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
                FcConfigDestroy(config)
                throw .fontFolderMissing(directory.path)
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            let names = entries.filter(Self.isFontFile).sorted()
            guard !names.isEmpty else {
                FcConfigDestroy(config)
                throw .fontFolderMissing(directory.path)
            }
            do { try Self.add(names, of: directory, entries: entries, to: config) } catch {
                FcConfigDestroy(config)
                throw error
            }
        }
        do { try Self.keepLastResort(config) } catch {
            FcConfigDestroy(config)
            throw error
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
                    let family = String(cString: value)
                    guard !Self.lastResortFamilies.contains(family) else { break }
                    families.insert(family)
                    if hasLatin { latin.insert(family) }
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

    /// Adds the font files `names` of `directory` (whose entries are `entries`) to `config`, in the order of their
    /// names. A folder that holds nothing but fonts and text files (Mawjaz's own `Fonts/`) is added as a folder, so
    /// that fontconfig reads it through its cache; any other, file by file, so that only its font files are taken.
    private static func add(_ names: [String], of directory: URL, entries: [String], to config: OpaquePointer) throws(TextError) {
        let onlyFonts = entries.allSatisfy { name in
            var isFolder: ObjCBool = false
            let path = directory.appendingPathComponent(name).path
            return (isFontFile(name) || (name as NSString).pathExtension.lowercased() == "txt")
                && FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
        }
        let before = files(in: config)
        if onlyFonts, FcConfigAppFontAddDir(config, directory.path) != 0 {
            // A font fontconfig could not read is left out of a folder silently: each must be there.
            let added = Set(files(in: config).subtracting(before).map { ($0 as NSString).lastPathComponent })
            if let unread = names.first(where: { !added.contains($0) }) {
                throw .fontconfig("fontconfig could not read the font \(directory.appendingPathComponent(unread).path)")
            }
            return
        }
        for name in names {
            let path = directory.appendingPathComponent(name).path
            guard FcConfigAppFontAddFile(config, path) != 0 else { throw .fontconfig("fontconfig could not read the font \(path)") }
        }
    }

    /// The families of the bundled symbol fonts, reached only for a character no other font of the library has
    /// (`≤ ≥ ≠ ≈ √ → ↑ ∞ ∑`, `✓ ● ★ ☐ ☑`…).
    package static let lastResortFamilies: Set<String> = ["Noto Sans Math", "Noto Sans Symbols2"]

    /// Cuts the character set of each last-resort font in `config` to the characters no other font of it has. Pango
    /// draws a character in the first font of fontconfig's sorted list that has it, and that list may put such a font
    /// before the one that drew the character until now; with the cut it cannot, and every other character is set in
    /// the font it was before they were bundled. (The fonts in a folder come from fontconfig's cache, which is read
    /// only: each is replaced by an edited copy.)
    private static func keepLastResort(_ config: OpaquePointer) throws(TextError) {
        guard let set = FcConfigGetFonts(config, FcSetApplication) else { return }
        func charset(_ pattern: OpaquePointer) -> OpaquePointer? {
            var charset: OpaquePointer?
            return FcPatternGetCharSet(pattern, FC_CHARSET, 0, &charset) == FcResultMatch ? charset : nil
        }
        func isLastResort(_ pattern: OpaquePointer) -> Bool {
            mawjaz_pattern_string(pattern, FC_FAMILY).map { lastResortFamilies.contains(String(cString: $0)) } ?? false
        }
        guard let others = FcCharSetCreate() else { throw .fontconfig("FcCharSetCreate failed") }
        defer { FcCharSetDestroy(others) }
        let patterns = (0..<Int(set.pointee.nfont)).compactMap { set.pointee.fonts[$0] }
        for pattern in patterns where !isLastResort(pattern) {
            if let own = charset(pattern) { FcCharSetMerge(others, own, nil) }
        }
        for index in 0..<Int(set.pointee.nfont) {
            guard let pattern = set.pointee.fonts[index], isLastResort(pattern), let full = charset(pattern) else { continue }
            guard let cut = FcCharSetSubtract(full, others), let copy = FcPatternDuplicate(pattern) else {
                throw .fontconfig("fontconfig could not cut the character set of \(mawjaz_pattern_string(pattern, FC_FILE).map { String(cString: $0) } ?? "a font")")
            }
            FcPatternDel(copy, FC_CHARSET)
            FcPatternAddCharSet(copy, FC_CHARSET, cut)
            FcCharSetDestroy(cut)
            set.pointee.fonts[index] = copy
            FcPatternDestroy(pattern)
        }
    }

    /// The files of the fonts `config` holds.
    private static func files(in config: OpaquePointer) -> Set<String> {
        var files = Set<String>()
        if let set = FcConfigGetFonts(config, FcSetApplication) {
            for index in 0..<Int(set.pointee.nfont) {
                if let pattern = set.pointee.fonts[index], let file = mawjaz_pattern_string(pattern, FC_FILE) {
                    files.insert(String(cString: file))
                }
            }
        }
        return files
    }

    /// Whether a file name is a font's, by its extension.
    package static func isFontFile(_ name: String) -> Bool {
        ["ttf", "otf", "ttc"].contains((name as NSString).pathExtension.lowercased())
    }

    deinit { FcConfigDestroy(config) }

    /// Where fontconfig may keep its cache of the bundled fonts: `$XDG_CACHE_HOME/mawjaz/fontconfig`, else
    /// `~/.cache/mawjaz/fontconfig`.
    package static func defaultCacheFolder() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return base + "/mawjaz/fontconfig" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/mawjaz/fontconfig" }
        return nil
    }

    private static func escapedXML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Makes an empty configuration the process's current one, once. Pango starts fontconfig's default
    /// configuration on a thread of its own and waits for it before its first font, although Mawjaz's font maps
    /// never look at it; loading it parses the machine's fontconfig files and maps every system font cache. With a
    /// current configuration already set, that start does nothing, and nothing in the process sees the machine's fonts.
    private static func isolateProcess() { _ = isolation }
    private static let isolation: Bool = {
        guard let empty = FcConfigCreate() else { return false }
        defer { FcConfigDestroy(empty) }
        return FcConfigSetCurrent(empty) != 0
    }()

    /// Throws unless every family in `names` is one of the library's families.
    package func check(families names: [String]) throws(TextError) {
        for name in names where !families.contains(name) {
            throw .unknownFamily(name, available: families.sorted())
        }
    }
}
