// The library in memory: reports from text with their files supplied by name, output as bytes, identical to
// what the same report gives from the disk; names that were not supplied refused.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct InMemoryRenderTests {
    static let report = """
        title: "موجز {{facts.unit}}"
        date: 2024-09-15
        facts:
          unit: "قسم التدريب"
        data:
          activities: data/activities.csv
        body:
          - paragraph: "سجل {{facts.unit}} {{activities.count}} نشاطا."
          - chart: {type: bar, data: activities, by: category, title: "الأنشطة حسب الفئة"}
          - image: {path: images/dot.png, alt: "نقطة", width: 20}
        """
    static let activities = "date,category,title\n2024-01-10,تدريب,دورة\n2024-02-11,تدريب,دورة ثانية\n2024-03-12,اجتماعات,اجتماع\n"

    static var files: [String: Data] {
        get throws { ["data/activities.csv": Data(activities.utf8), "images/dot.png": try TestSupport.tinyPNG()] }
    }

    @Test func textWithItsFilesInMemoryGivesTheBytesTheDiskGives() throws {
        let renderer = try TestSupport.renderer()
        let fromMemory = try renderer.render(RenderRequest(.yaml(Self.report, files: try Self.files)))
        let folder = try TestSupport.folder(with: ["report.yaml": Self.report, "data/activities.csv": Self.activities, "images/.keep": ""])
        try TestSupport.tinyPNG().write(to: folder.appendingPathComponent("images/dot.png"))
        let fromDisk = try renderer.render(RenderRequest(.file(folder.appendingPathComponent("report.yaml"))))
        #expect(fromMemory.pageCount == 1)
        #expect(fromMemory.pdf != nil)
        #expect(fromMemory.pdf == fromDisk.pdf)
        let written = folder.appendingPathComponent("memory.pdf")
        try #require(fromMemory.pdf).write(to: written)
        let facts = try TestSupport.inspectPDF(written)
        #expect(facts.pages == 1)
    }

    @Test(arguments: [
        ("/etc/passwd", "/etc/passwd is an absolute path"),
        ("../secret.csv", "../secret.csv goes up with \"..\""),
        ("data/../../x.csv", "goes up with \"..\""),
        ("missing.csv", "missing.csv was not supplied with the report"),
    ])
    func aNameThatWasNotSuppliedIsRefusedWhereTheReportWritesIt(path: String, message: String) throws {
        let text = "title: x\ndate: 2024-01-01\ndata:\n  activities: \(path)\nbody:\n  - paragraph: \"{{activities.count}}\"\n"
        let renderer = try TestSupport.renderer()
        #expect {
            try renderer.render(RenderRequest(.yaml(text, name: "sent.yaml", files: ["data/activities.csv": Data(Self.activities.utf8)])))
        } throws: { error in
            guard case MawjazError.input(let found) = error else { return false }
            return found.contains { $0.message.description.contains(message) && $0.location.file == "sent.yaml" && $0.location.line == 4 }
        }
    }

    @Test func imagesTemplatesAndLogosComeOnlyFromTheSuppliedFiles() throws {
        let renderer = try TestSupport.renderer()
        let text = "template: custom.yaml\ntitle: x\ndate: 2024-01-01\nbody:\n  - paragraph: \"نص\"\n"
        let a5 = try renderer.render(RenderRequest(.yaml(text, files: ["custom.yaml": Data("page: {size: A5}\n".utf8)])))
        let file = try TestSupport.temporaryFolder().appendingPathComponent("a5.pdf")
        try #require(a5.pdf).write(to: file)
        #expect(try TestSupport.run("pdfinfo", [file.path]).output.contains("419.53 x 595.28 pts"))
        let template = "page: {size: A5}\nletterhead: {arabic: \"الجهة\", logo: logo.png}\n"
        #expect {
            try renderer.render(RenderRequest(.yaml(text, files: ["custom.yaml": Data(template.utf8)])))
        } throws: { error in
            guard case MawjazError.input(let found) = error else { return false }
            return found.contains { $0.message.description.contains("logo.png was not supplied") }
        }
        let image = "title: x\ndate: 2024-01-01\nbody:\n  - image: {path: /etc/hostname, alt: x}\n"
        #expect {
            try renderer.render(RenderRequest(.yaml(image, files: [:])))
        } throws: { error in
            guard case MawjazError.input(let found) = error else { return false }
            return found.contains { $0.message.description.contains("/etc/hostname is an absolute path") && $0.field == "image.path" }
        }
    }

    @Test func pagesComeBackOnePerFileAsAsked() throws {
        let renderer = try TestSupport.renderer()
        let all = try renderer.render(RenderRequest(.file(TestSupport.defaultReport), format: .svg))
        #expect(all.files.map(\.page) == Array(1...all.pageCount))
        let some = try renderer.render(RenderRequest(.file(TestSupport.defaultReport), format: .png(dpi: 30),
                                                     pages: try #require(PageSelection(parsing: "3,1-2,2"))))
        #expect(some.files.map(\.page) == [3, 1, 2])
        #expect(some.files.allSatisfy { $0.data.starts(with: [0x89, 0x50, 0x4E, 0x47]) })
        #expect(throws: MawjazError.self) {
            try renderer.render(RenderRequest(.file(TestSupport.defaultReport), format: .svg, pages: try #require(PageSelection(parsing: "9"))))
        }
    }

    @Test func pageSelectionsParse() throws {
        #expect(PageSelection(parsing: "1-3,5")?.description == "1-3,5")
        #expect(PageSelection(parsing: "4-")?.description == "4-")
        #expect(try PageSelection(parsing: "2-")?.pages(of: 4) == [2, 3, 4])
        for bad in ["", "0", "3-1", "a", "1,,2", "-2"] { #expect(PageSelection(parsing: bad) == nil, "\(bad)") }
    }

    @Test func pageFilesAreZeroPaddedToThePageCount() {
        let url = URL(fileURLWithPath: "/tmp/brief.png")
        #expect(Renderer.pageFile(url, number: 1, of: 21, extension: "png").lastPathComponent == "brief-01.png")
        #expect(Renderer.pageFile(url, number: 21, of: 21, extension: "png").lastPathComponent == "brief-21.png")
        #expect(Renderer.pageFile(url, number: 3, of: 9, extension: "svg").lastPathComponent == "brief-3.svg")
        #expect(Renderer.pageFile(url, number: 7, of: 120, extension: "png").lastPathComponent == "brief-007.png")
    }

    @Test func setFactsAndVariablesReachEveryText() throws {
        let renderer = try TestSupport.renderer()
        let text = "title: \"{{group}}\"\ndate: 2024-01-01\nfacts: {unit: \"أ\"}\nbody:\n  - paragraph: \"{{facts.unit}} {{facts.extra}} {{group}}\"\n"
        let rendered = try renderer.render(RenderRequest(.yaml(text), facts: ["unit": "الوحدة", "extra": "إضافة"], variables: ["group": "تبوك"]))
        let file = try TestSupport.temporaryFolder().appendingPathComponent("set.pdf")
        try #require(rendered.pdf).write(to: file)
        let visible = TestSupport.visibleText(try TestSupport.pdfText(file))
        #expect(visible.contains("الوحدة إضافة تبوك"))
        #expect(!visible.contains("أ "))
    }
}

@Suite struct CreationDateTests {
    @Test(arguments: [(1970, 1, 1), (2024, 2, 29), (2024, 12, 31), (1969, 12, 31), (2000, 3, 1), (1900, 3, 1), (1600, 1, 1), (2100, 2, 28)])
    func midnightOfTheReportsDateAsTheCalendarCountsIt(year: Int, month: Int, day: Int) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let expected = try #require(calendar.date(from: DateComponents(year: year, month: month, day: day))).timeIntervalSince1970
        guard ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] == nil else { return }
        #expect(BriefingRenderer.creationDate(for: CalendarDate(year: year, month: month, day: day)) == Int(expected))
    }
}
