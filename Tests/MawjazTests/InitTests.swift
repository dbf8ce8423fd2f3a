// mawjaz init: starter reports from Templates/starters/ that render at once, in Arabic and English, with the
// user's organisation, emblem and letterhead — and never another organisation's.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct InitTests {
    let renderer: BriefingRenderer
    init() throws { renderer = try TestSupport.renderer() }

    @Test func everyStarterRendersInBothLanguagesAndNothingIsOverwritten() throws {
        let templates = Scaffold.templates(in: try TestSupport.resources.templates)
        #expect(templates == ["annual-summary", "briefing", "correspondence"])
        for template in templates {
            for language in Language.allCases {
                let folder = try TestSupport.temporaryFolder().appendingPathComponent("new")
                let files = try Scaffold.write(to: folder, template: template, options: .init(language: language),
                                               resources: try TestSupport.resources)
                #expect(files.map(\.lastPathComponent) == ["report.yaml", "activities.csv"])
                let output = folder.appendingPathComponent("new.pdf")
                let summary = try renderer.render(reportAt: files[0], to: output)
                #expect(summary.pageCount >= 1 && summary.warnings.isEmpty, "\(template) \(language)")
                let text = TestSupport.visibleText(try TestSupport.pdfText(output))
                #expect(!text.contains("Mississippi") && !text.contains("ميسيسيبي"), "\(template) \(language)")
                #expect(text.contains(language == .en ? "activities" : "نشاطا"), "\(template) \(language) is in its language")
                #expect(throws: MawjazError.self) {
                    try Scaffold.write(to: folder, template: template, options: .init(language: language), resources: try TestSupport.resources)
                }
            }
        }
    }

    @Test func aNewLetterHasNeutralPlaceholdersInItsLetterhead() throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("letter")
        let files = try Scaffold.write(to: folder, template: "correspondence", resources: try TestSupport.resources)
        let output = folder.appendingPathComponent("letter.pdf")
        try renderer.render(reportAt: files[0], to: output)
        let text = TestSupport.visibleText(try TestSupport.pdfText(output))
        #expect(text.contains("Organisation name") && text.contains("اسم الجهة"))
        let placeholder = try Data(contentsOf: try TestSupport.resources.templates.appendingPathComponent("emblem-placeholder.png"))
        let (report, _) = try renderer.load(reportAt: files[0])
        #expect(try renderer.bind(report).template.letterhead?.logo == [UInt8](placeholder))
    }

    @Test func theOrganisationsNameEmblemAndLetterheadGoIntoTheReport() throws {
        let pictures = try TestSupport.temporaryFolder()
        let resources = try TestSupport.resources
        let emblem = pictures.appendingPathComponent("our-emblem.png")
        try FileManager.default.copyItem(at: resources.templates.appendingPathComponent("emblem-placeholder.png"), to: emblem)
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("letter")
        let files = try Scaffold.write(to: folder, template: "correspondence",
                                       options: .init(language: .en, organisation: "Ministry of \"Example\" Affairs", emblem: emblem),
                                       resources: resources)
        #expect(files.map(\.lastPathComponent) == ["report.yaml", "activities.csv", "our-emblem.png"])
        let (report, _) = try renderer.load(reportAt: files[0])
        #expect(report.author == "Ministry of \"Example\" Affairs")
        let letterhead = try renderer.bind(report).template.letterhead
        #expect(letterhead?.english == "Ministry of \"Example\" Affairs" && letterhead?.arabic == "")
        #expect(letterhead?.logo == [UInt8](try Data(contentsOf: emblem)))
        let output = folder.appendingPathComponent("letter.pdf")
        try renderer.render(reportAt: files[0], to: output)
        let text = TestSupport.visibleText(try TestSupport.pdfText(output))
        #expect(text.contains("Ministry of \"Example\" Affairs") && !text.contains("Organisation name"))

        // A whole letterhead as one picture, in an Arabic brief: drawn across the text width on the first page.
        let brief = try TestSupport.temporaryFolder().appendingPathComponent("brief")
        let briefFiles = try Scaffold.write(to: brief, template: "briefing", options: .init(letterhead: emblem), resources: resources)
        let laidOut = try renderer.layout(try renderer.bind(try renderer.load(reportAt: briefFiles[0]).report))
        let images = laidOut.document.pages[0].frame.items.compactMap { item -> Rect? in
            if case .image(let image) = item.item { return Rect(origin: item.position, size: image.size) } else { return nil }
        }
        #expect(images.first?.size.height == 160, "the square picture is as tall as a letterhead may be")
    }

    @Test func badPicturesAndUnknownTemplatesWriteNothing() throws {
        let resources = try TestSupport.resources
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("new")
        let notAPicture = try TestSupport.folder(with: ["emblem.png": "not a picture"]).appendingPathComponent("emblem.png")
        #expect {
            try Scaffold.write(to: folder, template: "briefing", options: .init(emblem: notAPicture), resources: resources)
        } throws: { error in
            (error as? MawjazError)?.description.contains("--emblem: is neither a PNG nor a JPEG image") == true
        }
        #expect {
            try Scaffold.write(to: folder, template: "breifing", resources: resources)
        } throws: { error in
            (error as? MawjazError)?.description.contains("no template named \"breifing\" (did you mean \"briefing\"?)") == true
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
