// One pass of errors: the problems of every stage of a report (load, data, placeholders, images, layout) come
// back from one run, in file order, so a broken report is fixed in one round of messages.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct OnePassErrorTests {
    let renderer: BriefingRenderer
    init() throws { renderer = try TestSupport.renderer() }

    static let brokenReport = """
        title: "تقرير فيه أخطاء كثيرة"
        date: 2024-02-30
        langauge: ar
        data:
          activities: log.csv
        body:
          - paragraph: "عدد الأنشطة {{activities.cuont}}."
          - chart: {type: bar, data: activites, by: year}
          - image: {path: missing.png, alt: "شعار"}
          - paragraph: "نص 漢字 قصير."
          - table:
              columns: [{title: "أ", width: 20}, "ب"]
              rows: [["كلمةطويلةجداجداجدا", "نص"]]
          - facts: [{label: "إجمالي", value: "{{facts.total}}"}]
          - contents: {title: "المحتويات"}
          - paragraph: "نص آخر 漢."

        """

    @Test func everyStageReportsInOneRunInFileOrder() throws {
        let folder = try TestSupport.folder(with: ["report.yaml": Self.brokenReport,
                                                   "log.csv": "date,category,title\n2023-13-01,تدريب,دورة\n2023-05-01,تدريب,دورة أخرى\n"])
        let report = folder.appendingPathComponent("report.yaml").path, log = folder.appendingPathComponent("log.csv").path
        let output = folder.appendingPathComponent("out.pdf")
        #expect {
            try renderer.render(reportAt: URL(fileURLWithPath: report), to: output)
        } throws: { error in
            let lines = (error as? MawjazError)?.description.components(separatedBy: "\n") ?? []
            let expected = [
                "\(report):2:7: error: date: \"2024-02-30\" is not a date: month 2 of 2024 has 29 days",
                "\(report):3:1: error: langauge: unknown key \"langauge\" (did you mean \"language\"?)",
                "\(report):7:5: error: paragraph: {{activities.cuont}}: a dataset has no field \"cuont\" (did you mean \"count\"?)",
                "\(report):8:5: error: chart.data: no dataset named \"activites\" (did you mean \"activities\"?)",
                "\(report):9:5: error: image.path: image \(folder.path)/missing.png does not exist",
                "\(report):10:5: error: paragraph: no bundled font has a glyph for U+6F22 in \"نص 漢字 قصير.\"",
                "\(report):11:5: error: table: column \"أ\" is 20 pt wide but its longest word needs 90 pt",
                "\(report):14:5: error: facts.value: {{facts.total}}: no fact \"total\" (the report states no facts)",
                "\(report):16:5: error: paragraph: no bundled font has a glyph for U+6F22 in \"نص آخر 漢.\"",
                "\(log):2:1: error: date: \"2023-13-01\" has no month 13 (months run 01 to 12)",
            ]
            #expect(lines == expected)
            return lines == expected
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func validateGivesTheSameProblemsAsRender() throws {
        let folder = try TestSupport.folder(with: ["report.yaml": Self.brokenReport, "log.csv": "date,category,title\n2023-05-01,أ,ب\n"])
        let command = CommandLineTests.command
        let validated = try TestSupport.run(command, ["validate", "report.yaml"], directory: folder)
        let rendered = try TestSupport.run(command, ["render", "report.yaml", "-o", "x.pdf"], directory: folder)
        #expect(validated.status == 2 && rendered.status == 2)
        #expect(validated.error == rendered.error)
        #expect(validated.error.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 9)
    }

    @Test func blocksTallerThanAPageAndTextThatDoesNotFitAreReportedTogether() throws {
        let items = (1...120).map { "        - {label: \"بند \($0)\", value: \"1\"}" }.joined(separator: "\n")
        let folder = try TestSupport.folder(with: ["report.yaml": """
            title: "تقرير"
            date: 2024-01-01
            body:
              - note:
                  text: "ملاحظة"
              - paragraph: "كلمة 漢 هنا."
              - facts:
                  items:
            \(items)
              - paragraph: "漢 أيضا."

            """])
        #expect {
            try renderer.render(reportAt: folder.appendingPathComponent("report.yaml"), to: folder.appendingPathComponent("x.pdf"))
        } throws: { error in
            let lines = (error as? MawjazError)?.description.components(separatedBy: "\n") ?? []
            #expect(lines.count == 3, "\(lines)")
            return lines.count == 3 && lines[0].contains(":6:5: error: paragraph: no bundled font") && lines[1].contains(":7:5: error: facts:")
                && lines[2].contains("error: paragraph: no bundled font has a glyph for U+6F22 in \"漢 أيضا.\"")
        }
    }

    @Test func aReportBuiltInCodeNamesItsBlocksByPath() throws {
        let report = Report(title: "موجز", date: CalendarDate(year: 2024), body: [
            .heading(HeadingSpec("عنوان")),
            .paragraph(ParagraphSpec("نص 漢 قصير.")),
            .columns(ColumnsSpec(count: 2, blocks: [.paragraph(ParagraphSpec("{{facts.nothing}}"))])),
            .chart(ChartSpec(kind: .bar, dataset: "activities", by: .year)),
        ])
        #expect {
            try renderer.render(report, to: try TestSupport.temporaryFolder().appendingPathComponent("x.pdf"))
        } throws: { error in
            let lines = (error as? MawjazError)?.description.components(separatedBy: "\n") ?? []
            let expected = [
                "body[1].paragraph: error: paragraph: no bundled font has a glyph for U+6F22 in \"نص 漢 قصير.\"",
                "body[2].columns.blocks[0].paragraph: error: paragraph: {{facts.nothing}}: no fact \"nothing\" (the report states no facts)",
                "body[3].chart: error: chart.data: no dataset named \"activities\" (the report's data: section names none)",
            ]
            #expect(lines == expected)
            return lines == expected
        }
    }
}
