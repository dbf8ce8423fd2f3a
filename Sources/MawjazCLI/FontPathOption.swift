// --font-path DIR, repeatable: an office's own fonts beside Mawjaz's, for every command that sets text.
import ArgumentParser
import Foundation
import Mawjaz
import MawjazText

struct FontPathOption: ParsableArguments {
    @Option(name: .customLong("font-path"), help: ArgumentHelp(Console.text(.helpFontPath), valueName: "folder"))
    var paths: [String] = []

    /// The folders, each checked to exist and hold a font; a bad one ends the command with an error naming it.
    func folders(console: Console) -> [URL] {
        var problems: [Diagnostic] = []
        let folders = paths.map { URL(fileURLWithPath: $0).standardizedFileURL }
        for folder in folders {
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) || !isFolder.boolValue {
                problems.append(Diagnostic(at: SourceLocation(file: "--font-path"), .fontFolderMissing(Message.pathExcerpt(folder.path))))
            } else if !((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).contains(where: FontLibrary.isFontFile) {
                problems.append(Diagnostic(at: SourceLocation(file: "--font-path"), .fontFolderEmpty(Message.pathExcerpt(folder.path))))
            }
        }
        if !problems.isEmpty { console.fail(.input(problems)) }
        return folders
    }
}
