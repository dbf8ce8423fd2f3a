// The README's example of a report built in Swift, without files: it must compile and render.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct InCodeReportTests {
    @Test func theReadmeExampleRenders() throws {
        let output = try TestSupport.temporaryFolder().appendingPathComponent("brief.pdf")
        // README example begins
        let log = ActivityLog(name: "activities", activities: [
            Activity(date: CalendarDate(year: 2021, month: 3, day: 14), category: "تدريبات مشتركة", title: "أول عملية جوية مشتركة"),
            Activity(date: CalendarDate(year: 2022, month: 5), category: "تبادلات عسكرية", title: "تبادل خبرات في الطب العسكري"),
            Activity(date: CalendarDate(year: 2022), category: "تدريبات مشتركة", title: "مناورة ثاذرن سترايك"),
        ])
        let report = Report(
            title: "موجز الشراكة", date: CalendarDate(year: 2024, month: 9, day: 15), classification: "غير سري",
            datasets: ["activities": log],
            body: [
                .heading(HeadingSpec("الأنشطة")),
                .paragraph(ParagraphSpec("بلغ عدد الأنشطة {{activities.count}} منذ عام {{activities.first_year}}.")),
                .chart(ChartSpec(kind: .bar, dataset: "activities", by: .year, title: "الأنشطة حسب السنة")),
            ])
        let renderer = try BriefingRenderer(resources: Resources.bundled())
        try renderer.render(report, to: output)
        // README example ends
        // poppler moves the space before a number into the number's run, so compare without spaces.
        let text = TestSupport.visibleText(try TestSupport.pdfText(output)).filter { !$0.isWhitespace }
        #expect(text.contains("بلغعددالأنشطة٣منذعام"))
        #expect(text.contains("٢٠٢١"))
        try TestSupport.inspectPDF(output)
    }
}

@Suite struct ReportCodingTests {
    @Test func aLoadedReportRoundTripsThroughJSON() throws {
        let renderer = try TestSupport.renderer()
        let (report, _) = try renderer.load(reportAt: TestSupport.defaultReport)
        let data = try JSONEncoder().encode(report)
        let decoded = try JSONDecoder().decode(Report.self, from: data)
        #expect(decoded.title == report.title && decoded.date == report.date && decoded.body.count == report.body.count)
        #expect(decoded.datasets["activities"] == report.datasets["activities"])
        let original = try renderer.layout(try renderer.bind(report)).document.pages
        let again = try renderer.layout(try renderer.bind(decoded)).document.pages
        #expect(original.map { $0.frame.textLines.map(\.line.text) } == again.map { $0.frame.textLines.map(\.line.text) })
    }
}
