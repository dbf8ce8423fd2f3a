// An office's own fonts: --font-path, fonts: {path: …} in a report or a template, an unknown family as an error
// naming the families there are, and `mawjaz fonts`.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct FontFolderTests {
    /// Noto Kufi Arabic (OFL), standing for an office's font: not among Mawjaz's own.
    static let officeFonts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/office-fonts")

    static let report = "title: \"موجز بخط المكتب\"\ndate: 2024-01-01\nFONTS\nbody:\n  - heading: \"عنوان\"\n  - paragraph: \"نص بخط المكتب ١٢٣.\"\n"

    static func folder(fonts: String, extra: [String: String] = [:]) throws -> URL {
        let folder = try TestSupport.folder(with: ["report.yaml": report.replacingOccurrences(of: "FONTS", with: fonts)].merging(extra) { $1 })
        try FileManager.default.copyItem(at: officeFonts, to: folder.appendingPathComponent("office-fonts"))
        return folder
    }

    static func embeddedFonts(_ pdf: URL) throws -> [String] {
        try TestSupport.fonts(pdf).map { String($0.name.drop { $0 != "+" }.dropFirst()) }
    }

    @Test func aReportsFontsPathAddsAnOfficeFont() throws {
        let folder = try Self.folder(fonts: "fonts: {path: office-fonts, arabic: Noto Kufi Arabic}")
        let output = folder.appendingPathComponent("out.pdf")
        try TestSupport.renderer().render(reportAt: folder.appendingPathComponent("report.yaml"), to: output)
        #expect(try Self.embeddedFonts(output).contains("NotoKufiArabic-Regular"))
        #expect(!(try Self.embeddedFonts(output).contains("NotoNaskhArabic-Regular")))
        #expect(try TestSupport.pdfText(output).contains("نص بخط المكتب"))
        try TestSupport.inspectPDF(output)
    }

    @Test func aTemplatesFontsPathAndTheCommandLinesFontPathDoTheSame() throws {
        let folder = try Self.folder(fonts: "template: office.yaml", extra: [
            "office.yaml": "name: office\nfonts: {path: office-fonts, roles: {heading1: {family: [Noto Kufi Arabic]}}}\n",
            "plain.yaml": "title: x\ndate: 2024-01-01\nfonts: {arabic: Noto Kufi Arabic}\nbody: [{paragraph: نص}]\n",
        ])
        let output = folder.appendingPathComponent("out.pdf")
        try TestSupport.renderer().render(reportAt: folder.appendingPathComponent("report.yaml"), to: output)
        let fonts = try Self.embeddedFonts(output)
        #expect(fonts.contains("NotoKufiArabic-Regular") && fonts.contains("NotoNaskhArabic-Regular"), "\(fonts)")

        let command = CommandLineTests.command
        let without = try TestSupport.run(command, ["render", "plain.yaml", "-o", "plain.pdf"], directory: folder)
        #expect(without.status == 2)
        #expect(without.error == "\(folder.path)/plain.yaml:3:8: error: fonts: no font folder has the family \"Noto Kufi Arabic\" "
                + "(families: Amiri, Noto Naskh Arabic, Noto Sans); an office's own fonts are added with --font-path DIR or fonts: {path: DIR}\n")
        let with = try TestSupport.run(command, ["render", "plain.yaml", "-o", "plain.pdf", "--font-path", "office-fonts"], directory: folder)
        #expect(with.status == 0, "\(with.error)")
        #expect(try Self.embeddedFonts(folder.appendingPathComponent("plain.pdf")).contains("NotoKufiArabic-Regular"))
        let wrong = try TestSupport.run(command, ["validate", "plain.yaml", "--font-path", "nowhere", "--font-path", "."], directory: folder)
        #expect(wrong.status == 2)
        #expect(wrong.error == "--font-path: error: the font folder \(folder.path)/nowhere does not exist\n"
                + "--font-path: error: the font folder \(folder.path) holds no .ttf, .otf or .ttc file\n")
    }

    @Test func fontFoldersThatAreNotThereArePointedAt() throws {
        let folder = try Self.folder(fonts: "fonts: {path: [office-fonts, missing-fonts]}")
        #expect {
            try TestSupport.renderer().render(reportAt: folder.appendingPathComponent("report.yaml"), to: folder.appendingPathComponent("x.pdf"))
        } throws: { error in
            (error as? MawjazError)?.description == "\(folder.path)/report.yaml:3:15: error: fonts.path: the font folder "
                + "\(folder.path)/missing-fonts does not exist"
        }
    }

    @Test func theFontsCommandListsFamiliesStylesScriptsAndRoles() throws {
        let result = try TestSupport.run(CommandLineTests.command, ["fonts", "--font-path", Self.officeFonts.path])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("""
            Noto Kufi Arabic
              styles:  Regular
              covers:  Arabic, digits 0–9, digits ٠–٩
              from:    \(Self.officeFonts.path)
              used by: no template role
            """))
        #expect(result.output.contains("""
            Noto Sans
              styles:  Bold, Bold Italic, Italic, Regular
              covers:  Latin, digits 0–9
            """))
        #expect(result.output.contains("""
            Noto Sans Math
              styles:  Regular
              covers:  only the symbols no other font has (last resort)
            """))
        #expect(result.output.contains("  used by: annual-summary: every role in Arabic documents\n           briefing: every role in Arabic documents"))
        let folder = try Self.folder(fonts: "fonts: {path: office-fonts, roles: {heading1: {family: Noto Kufi Arabic}, title: {family: Noto Kufi Arabic}}}")
        let one = try TestSupport.run(CommandLineTests.command, ["fonts", "report.yaml"], directory: folder)
        #expect(one.output.contains("  used by: report.yaml: title, heading1 in Arabic documents; title, heading1 in English documents"), "\(one.output)")
    }
}
