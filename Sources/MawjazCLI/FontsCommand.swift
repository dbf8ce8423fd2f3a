// The fonts subcommand: every font family Mawjaz can set text in, its styles, the scripts it covers, where it
// comes from and which template roles use it.
import ArgumentParser
import Foundation
import Mawjaz
import MawjazDocument
import MawjazText

struct FontsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fonts",
        abstract: Console.text(.helpFonts))

    @Argument(help: ArgumentHelp(Console.text(.helpFontsReport)))
    var report: String?

    @OptionGroup var fonts: FontPathOption

    @OptionGroup var diagnostics: DiagnosticOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let console = diagnostics.console
        let renderer = console.renderer(fonts)
        let loader = TemplateLoader(folder: renderer.resources.templates)
        var templates: [(name: String, template: Template)] = []
        var library = renderer.engine.library
        do {
            if let report {
                let (loaded, _) = try renderer.load(reportAt: URL(fileURLWithPath: report))
                let template = try loader.template(for: loaded)
                templates = [(URL(fileURLWithPath: report).lastPathComponent, template)]
                if !template.fontFolders.isEmpty {
                    library = try FontLibrary(directories: library.directories + template.fontFolders)
                }
            } else {
                templates = try loader.names.map { ($0, try loader.template(named: $0)) }
            }
        } catch let error as MawjazError {
            console.fail(error)
        } catch let error as DataError {
            console.fail(MawjazError(error))
        } catch {
            console.fail(.input([Diagnostic(at: SourceLocation(file: report ?? ""), field: "fonts.path", .fontconfig("\(error)"))]))
        }
        let faces = Dictionary(grouping: library.faces, by: \.family)
        for family in faces.keys.sorted() {
            let members = faces[family] ?? []
            let styles = Set(members.map(\.style)).sorted()
            var scripts: [String] = []
            if members.contains(where: \.coversArabic) { scripts.append("Arabic") }
            if members.contains(where: \.coversLatin) { scripts.append("Latin") }
            if members.contains(where: \.coversDigits) { scripts.append("digits 0–9") }
            if members.contains(where: \.coversArabicIndicDigits) { scripts.append("digits ٠–٩") }
            let folders = Set(members.map { $0.file.deletingLastPathComponent().path }).sorted()
            print(family)
            print("  styles:  \(styles.joined(separator: ", "))")
            if FontLibrary.lastResortFamilies.contains(family) {
                print("  covers:  only the symbols no other font has (last resort)")
            } else {
                print("  covers:  \(scripts.isEmpty ? "none of Arabic, Latin or digits" : scripts.joined(separator: ", "))")
            }
            print("  from:    \(folders.joined(separator: ", "))")
            let uses = templates.compactMap { name, template in Self.use(of: family, in: template).map { "\(name): \($0)" } }
            print("  used by: " + (uses.isEmpty ? "no template role" : uses.joined(separator: "\n           ")))
        }
    }

    /// Which roles of `template` set their text in `family` first, in Arabic and in English documents.
    static func use(of family: String, in template: Template) -> String? {
        var parts: [String] = []
        for (language, name) in [(Language.ar, "Arabic"), (.en, "English")] {
            let roles = TextRole.allCases.filter { template.families($0, language: language).first == family }
            guard !roles.isEmpty else { continue }
            let listed = roles.count == TextRole.allCases.count ? "every role" : roles.map(Self.name(of:)).joined(separator: ", ")
            parts.append("\(listed) in \(name) documents")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// A role as templates name it (`tableHeader` is `table-header`).
    static func name(of role: TextRole) -> String {
        role.rawValue.unicodeScalars.map { CharacterSet.uppercaseLetters.contains($0) ? "-" + String($0).lowercased() : String($0) }.joined()
    }
}
