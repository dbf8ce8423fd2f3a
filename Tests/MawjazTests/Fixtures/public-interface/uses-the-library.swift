// A program that uses Mawjaz as a library does, with `import Mawjaz` alone: PublicInterfaceTests type-checks it
// against the built modules from outside the package, where only public declarations are seen.
import Foundation
import Mawjaz

let log = ActivityLog(name: "activities", activities: [
    Activity(date: CalendarDate(year: 2021, month: 3, day: 14), category: "تدريبات مشتركة", title: "أول عملية جوية مشتركة"),
    Activity(date: CalendarDate(year: 2022, month: 5), category: "تبادلات عسكرية", title: "تبادل خبرات في الطب العسكري"),
])
let report = Report(
    title: "موجز الشراكة", date: CalendarDate(year: 2024, month: 9, day: 15), classification: "غير سري",
    datasets: ["activities": log],
    body: [
        .heading(HeadingSpec("الأنشطة", direction: .rightToLeft)),
        .paragraph(ParagraphSpec("بلغ عدد الأنشطة {{activities.count}} منذ عام {{activities.first_year}}.", align: Alignment.justify)),
        .chart(ChartSpec(kind: .bar, dataset: "activities", by: .year, title: "الأنشطة حسب السنة")),
    ])
let renderer = try BriefingRenderer(resources: Resources.bundled())
try renderer.render(report, to: URL(fileURLWithPath: "brief.pdf"))
let format: OutputFormat = .png(dpi: 96)
let page: ChartPage = .fit
let direction: Direction = .leftToRight
let request = RenderRequest(.report(report), format: format)
let done = try renderer.render(request)
print(done.pageCount, done.warnings.map(\.message.description), page, direction, log.countsByYear().map(\.count))
do { _ = try renderer.load(reportAt: URL(fileURLWithPath: "x.yaml")) } catch { print(error.message.text(in: .ar)) }
