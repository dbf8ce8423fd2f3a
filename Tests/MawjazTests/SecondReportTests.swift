// Another report in the same format — other Arabic text, a spreadsheet export with Arabic headers — renders
// as well as the default one.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct SecondReportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/water-partnership")
    let renderer: BriefingRenderer
    let pdf: URL
    let result: LayoutResult

    init() throws {
        renderer = try TestSupport.renderer()
        let report = Self.folder.appendingPathComponent("report.yaml")
        pdf = try TestSupport.temporaryFolder().appendingPathComponent("water.pdf")
        try renderer.render(reportAt: report, to: pdf)
        result = try renderer.layout(try renderer.bind(try renderer.load(reportAt: report).report))
    }

    @Test func theLogLoadsWithItsArabicHeaders() throws {
        let (report, warnings) = try renderer.load(reportAt: Self.folder.appendingPathComponent("report.yaml"))
        let visits = try #require(report.datasets["visits"])
        #expect(visits.total == 31)
        #expect(visits.countsByYear().map(\.count) == [4, 0, 7, 9, 11])
        #expect(visits.activities.contains { $0.title == "تدريب المزارعين على قراءة \"الحساسات\"" })
        #expect(visits.activities.contains { $0.location == "مزرعة الوادي, القطاع ٣" })
        #expect(warnings.isEmpty)
    }

    @Test func theTextComesBackFromThePDF() throws {
        let yaml = try String(contentsOf: Self.folder.appendingPathComponent("report.yaml"), encoding: .utf8)
        let paragraphs = yaml.split(separator: "\n").filter { $0.contains("- paragraph:") && !$0.contains("{{") }
        #expect(paragraphs.count == 2)
        let extracted = TestSupport.arabicWords(try TestSupport.pdfText(pdf))
        for paragraph in paragraphs {
            #expect(TestSupport.recall(of: TestSupport.arabicWords(String(paragraph)), in: extracted) == 1)
        }
        try TestSupport.inspectPDF(pdf)
    }

    @Test func placeholdersAreFilledInArabicIndicDigits() throws {
        let text = result.document.pages.flatMap { TestSupport.lines($0).map(\.line.text) }.joined(separator: "\n")
        #expect(text.contains("سجل المشروع حتى نهاية العام ٣١ زيارة ميدانية، منها ١١ زيارة في عام ٢٠٢٣ وحده"))
        // The dual date of 2023-12-31: 18 Jumada al-Akhirah 1445.
        #expect(text.contains("٣١ ديسمبر ٢٠٢٣م الموافق ١٨ جمادى الآخرة ١٤٤٥هـ"))
        #expect(text.contains("٣٥٪"))
    }

    @Test func aYearWithNoVisitsStillHasItsPlace() throws {
        let page = try #require(result.document.pages.first { $0.frame.textLines.contains { $0.line.text == "الزيارات الميدانية حسب السنة" } })
        let years = page.frame.textLines.filter { ["٢٠١٩", "٢٠٢٠", "٢٠٢١", "٢٠٢٢", "٢٠٢٣"].contains($0.line.text) }
            .sorted { $0.origin.x > $1.origin.x }.map(\.line.text)
        #expect(years == ["٢٠١٩", "٢٠٢٠", "٢٠٢١", "٢٠٢٢", "٢٠٢٣"])
    }
}
