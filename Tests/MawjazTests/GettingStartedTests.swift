// The getting-started article's code, compiled and run: each block of the article must appear here, between the
// `article:` markers, exactly as it is written there.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct GettingStartedTests {
    static let article = TestSupport.root.appendingPathComponent("Sources/Mawjaz/Mawjaz.docc/GettingStarted.md")

    @Test func theArticlesCodeIsTheCodeRunHere() throws {
        let blocks = Self.blocks(in: try String(contentsOf: Self.article, encoding: .utf8), opening: "```swift", closing: "```")
        let here = Self.blocks(in: try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8),
                               opening: "// article: begin", closing: "// article: end")
        #expect(blocks.count == 4)
        #expect(blocks == here)
    }

    @Test func theArticlesCodeRuns() async throws {
        // article: begin
        let report = """
            title: "موجز الأنشطة"
            date: 2024-09-15
            data:
              activities: activities.csv
            body:
              - paragraph: "سجل القسم {{activities.count}} نشاطا، وأعده {{facts.author}}."
            """
        let activities = Data("date,category,title\n2024-03-10,تدريب,دورة السلامة\n2024-05-02,اجتماعات,اجتماع المراجعة\n".utf8)

        let renderer = try BriefingRenderer(resources: Resources.bundled())
        let request = RenderRequest(.yaml(report, files: ["activities.csv": activities]), facts: ["author": "قسم التخطيط"])
        let rendered = try renderer.render(request)
        let pdf = rendered.pdf          // the PDF's bytes, as `mawjaz render` writes them
        let pages = rendered.pageCount
        // article: end
        #expect(pages == 1)
        let file = try TestSupport.temporaryFolder().appendingPathComponent("memory.pdf")
        try #require(pdf).write(to: file)
        let text = TestSupport.visibleText(try TestSupport.pdfText(file))
        #expect(text.contains("قسم التخطيط"))
        #expect(text.contains("٢"))

        // article: begin
        let pictures = try renderer.render(RenderRequest(.yaml(report, files: ["activities.csv": activities]),
                                                         format: .png(dpi: 96), pages: PageSelection(parsing: "1") ?? .all,
                                                         facts: ["author": "قسم التخطيط"]))
        let firstPage = pictures.files[0].data   // PNG bytes of page 1
        // article: end
        #expect(firstPage.starts(with: [0x89, 0x50, 0x4E, 0x47]))

        // article: begin
        let built = Report(title: "مذكرة", date: CalendarDate(year: 2024, month: 9, day: 15),
                           body: [.heading(HeadingSpec("خلاصة")), .paragraph(ParagraphSpec("نص المذكرة."))])
        let memo = try renderer.render(RenderRequest(.report(built)))
        // article: end
        #expect(memo.pageCount == 1)

        // article: begin
        let pool = try RendererPool(resources: Resources.bundled(), workers: 2, queueLimit: 16)
        let districts = ["الرياض", "جدة", "الدمام"]
        let briefs = try await withThrowingTaskGroup(of: (String, Data?).self) { group in
            for district in districts {
                group.addTask {
                    let request = RenderRequest(.report(built), facts: ["district": district],
                                                deadline: .now + .seconds(30))
                    return (district, try await pool.render(request).pdf)
                }
            }
            var result: [String: Data] = [:]
            for try await (district, pdf) in group { result[district] = pdf }
            return result
        }
        // article: end
        #expect(briefs.count == 3)
        #expect(Set(briefs.values).count == 1, "the facts set are not printed, so the three PDFs are the same")
        #expect(briefs["جدة"] == memo.pdf)
    }

    /// The text between each `opening` line and the next `closing` line, each block's common indentation removed.
    static func blocks(in text: String, opening: String, closing: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil, trimmed == opening { current = []; continue }
            if current != nil, trimmed == closing {
                let lines = current ?? []
                let indent = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                    .map { $0.prefix { $0 == " " }.count }.min() ?? 0
                blocks.append(lines.map { String($0.dropFirst(min(indent, $0.count))) }.joined(separator: "\n"))
                current = nil
                continue
            }
            current?.append(line)
        }
        return blocks
    }
}
