// Where Mawjaz finds its bundled fonts and templates: MAWJAZ_HOME, an installation, or a development checkout.
import Foundation

/// The folders Mawjaz reads its own files from: `Fonts/` and `Templates/`.
public struct Resources: Sendable {
    /// The folder of bundled fonts (`Fonts/`).
    public var fonts: URL
    /// The folder of named templates (`Templates/`).
    public var templates: URL
    /// Folders of fonts to use besides `fonts` (an office's own, from `--font-path`).
    public var extraFontFolders: [URL]

    /// Resources in the folders given.
    public init(fonts: URL, templates: URL, extraFontFolders: [URL] = []) {
        self.fonts = fonts
        self.templates = templates
        self.extraFontFolders = extraFontFolders
    }

    /// The resources in `folder`, which must hold `Fonts/` and `Templates/`.
    public init(home folder: URL) {
        self.init(fonts: folder.appendingPathComponent("Fonts"), templates: folder.appendingPathComponent("Templates"))
    }

    /// The folder under an installation's prefix that holds the resources, relative to the binary's folder.
    public static let installedFolder = "../share/mawjaz"

    /// Finds the resources, first of:
    /// 1. `$MAWJAZ_HOME` when it is set: it must be a folder holding `Fonts/` and `Templates/`, or that is an error;
    /// 2. `share/mawjaz/` beside the program's `bin/` folder (an installation or a release archive);
    /// 3. the checkout whose `.build/` folder holds the program (a development build, its tests included).
    public static func bundled(environment: [String: String] = ProcessInfo.processInfo.environment,
                               program: URL? = Resources.runningProgram) throws(MawjazError) -> Resources {
        if let home = environment["MAWJAZ_HOME"], !home.isEmpty {
            let folder = URL(fileURLWithPath: home)
            if let problem = missingParts(of: folder, named: home) { throw .installation(problem) }
            return Resources(home: folder)
        }
        var looked: [String] = []
        if let program {
            let installed = program.deletingLastPathComponent().appendingPathComponent(installedFolder).standardizedFileURL
            looked.append(installed.path)
            if missingParts(of: installed, named: installed.path) == nil { return Resources(home: installed) }
            if let checkout = checkout(holding: program) {
                looked.append(checkout.path)
                if missingParts(of: checkout, named: checkout.path) == nil { return Resources(home: checkout) }
            }
        }
        throw .installation(.resourcesNotFound(looked: looked.map(Message.pathExcerpt)))
    }

    /// The path of the running program, symbolic links resolved.
    public static var runningProgram: URL? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        guard let first = CommandLine.arguments.first, first.contains("/") else { return nil }
        return URL(fileURLWithPath: first).resolvingSymlinksInPath()
    }

    /// Why `folder` (named `name` as MAWJAZ_HOME) cannot serve as the resources, or nil when it can.
    private static func missingParts(of folder: URL, named name: String) -> Message? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return .mawjazHomeMissing(Message.pathExcerpt(name)) }
        guard isFolder.boolValue else { return .mawjazHomeNotAFolder(Message.pathExcerpt(name)) }
        let missing = ["Fonts", "Templates"].filter {
            var isFolder: ObjCBool = false
            return !FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path, isDirectory: &isFolder)
                || !isFolder.boolValue
        }
        return missing.isEmpty ? nil : .mawjazHomeIncomplete(Message.pathExcerpt(name), missing: missing)
    }

    /// The source checkout a development build runs from: the folder above the `.build` folder holding `program`.
    private static func checkout(holding program: URL) -> URL? {
        var folder = program.deletingLastPathComponent().standardizedFileURL
        while folder.path != "/" {
            if folder.lastPathComponent.hasPrefix(".build") { return folder.deletingLastPathComponent() }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
