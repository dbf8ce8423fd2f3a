// Where Mawjaz finds its bundled fonts and templates.
import Foundation
import MawjazLanguage

/// The folders Mawjaz reads its own files from: `Fonts/` and `Templates/`.
public struct Resources: Sendable {
    /// The folder of bundled fonts (`Fonts/`).
    public var fonts: URL
    /// The folder of named templates (`Templates/`).
    public var templates: URL

    /// Resources in the folders given.
    public init(fonts: URL, templates: URL) {
        self.fonts = fonts
        self.templates = templates
    }

    /// The resources next to a Mawjaz checkout or installation: `$MAWJAZ_HOME`, else the first folder
    /// holding `Fonts/` and `Templates/` above the running program, else above this source file.
    public static func locate() -> Resources? {
        var candidates: [URL] = []
        if let home = ProcessInfo.processInfo.environment["MAWJAZ_HOME"] { candidates.append(URL(fileURLWithPath: home)) }
        let program = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates += ancestors(of: program.deletingLastPathComponent())
        candidates += ancestors(of: URL(fileURLWithPath: #filePath).deletingLastPathComponent())
        for folder in candidates {
            let fonts = folder.appendingPathComponent("Fonts"), templates = folder.appendingPathComponent("Templates")
            if FileManager.default.fileExists(atPath: fonts.path) && FileManager.default.fileExists(atPath: templates.path) {
                return Resources(fonts: fonts, templates: templates)
            }
        }
        return nil
    }

    /// The located resources, or an installation error saying how to point at them.
    public static func bundled() throws(MawjazError) -> Resources {
        guard let found = locate() else {
            throw .installation(.resourcesMissing)
        }
        return found
    }

    private static func ancestors(of folder: URL) -> [URL] {
        var result: [URL] = []
        var current = folder.standardizedFileURL
        for _ in 0..<8 {
            result.append(current)
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return result
    }
}
