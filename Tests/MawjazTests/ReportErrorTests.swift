// Bad input: each problem named with its file, line, column and field, exit status 2, nothing written.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct ReportErrorTests {
    static let minimal = """
        title: "موجز"
        date: 2024-09-15
        body:
          - paragraph: "نص قصير."

        """

    func problems(_ yaml: String, files: [String: String] = [:]) throws -> [Diagnostic] {
        do {
            _ = try TestSupport.layout(yaml: yaml, files: files)
            return []
        } catch let error as MawjazError {
            guard case .input(let diagnostics) = error else { throw error }
            return diagnostics
        }
    }

    @Test func aReportThatDoesNotParseIsPointedAt() throws {
        let found = try problems("title: \"موجز\"\ndate: 2024-09-15\nbody:\n  - paragraph: [unclosed\n")
        let first = try #require(found.first)
        #expect(first.location.line >= 4)
        #expect(first.location.column > 0)
        #expect(first.description.contains("report.yaml:"))
        #expect(first.message.description.hasPrefix("cannot parse"))
    }

    @Test func requiredFieldsAreNamed() throws {
        let found = try problems("subtitle: \"x\"\n")
        #expect(found.map(\.field) == ["title", "date", "body"])
        #expect(found.allSatisfy { $0.message.description.contains("is required") })
    }

    @Test func unknownKeysGetADidYouMean() throws {
        let found = try problems(Self.minimal + "langauge: ar\n")
        let problem = try #require(found.first)
        #expect(problem.location.line == 5 && problem.location.column == 1)
        #expect(problem.message.description == "unknown key \"langauge\" (did you mean \"language\"?)")
    }

    @Test func badValuesAreNamedWithTheirField() throws {
        let yaml = """
            title: "موجز"
            date: 2023-02-30
            numerals: hindi
            body:
              - heading: "عنوان"
                level: 7
              - chart: {type: pie, data: activities}
              - paragrph: "x"

            """
        let found = try problems(yaml)
        #expect(found.count == 5)
        #expect(found[0].location.line == 2 && found[0].field == "date" && found[0].message.description.contains("month 2 of 2023 has 28 days"))
        #expect(found[1].location.line == 3 && found[1].message.description.contains("not one of arabic-indic, latin"))
        #expect(found[2].location.line == 6 && found[2].field == "body[0].level")
        #expect(found[3].location.line == 7 && found[3].message.description.contains("\"pie\" is not one of"))
        #expect(found[4].location.line == 8 && found[4].message.description.contains("did you mean \"paragraph\"?"))
    }

    @Test func aChartNamingAMissingDatasetIsAnError() throws {
        let yaml = Self.minimal + """
            data:
              activities: log.csv
            """
        let chart = yaml.replacingOccurrences(of: "  - paragraph: \"نص قصير.\"", with: "  - chart: {type: bar, data: activites}")
        let found = try problems(chart, files: ["log.csv": "date,category,title\n2020,أ,نشاط\n"])
        #expect(found.count == 1)
        #expect(found[0].message.description == "no dataset named \"activites\" (did you mean \"activities\"?)")
        #expect(found[0].location.line == 4)
    }

    @Test func theReportsErrorsComeFirstThenItsLogsTogether() throws {
        let yaml = """
            title: "موجز"
            date: 2024-02-30
            data:
              activities: log.csv
            body:
              - chart: {type: bar, data: activites}

            """
        let found = try problems(yaml, files: ["log.csv": "date,category,title\n2023-13-01,أ,نشاط\n2023-01-01,أ\n"])
        #expect(found.map { URL(fileURLWithPath: $0.location.file).lastPathComponent } == ["report.yaml", "report.yaml", "log.csv", "log.csv"])
        #expect(found.map(\.location.line) == [2, 6, 2, 3])
        #expect(found[1].message.description == "no dataset named \"activites\" (did you mean \"activities\"?)")
    }

    @Test func aMissingDataFileIsNamed() throws {
        let found = try problems(Self.minimal + "data:\n  activities: nowhere.csv\n")
        #expect(found.count == 1)
        #expect(found[0].message.description.contains("nowhere.csv does not exist"))
    }

    @Test func anUnknownPlaceholderIsAnErrorAtItsBlock() throws {
        let yaml = """
            title: "موجز"
            date: 2024-09-15
            data:
              activities: log.csv
            body:
              - paragraph: "عدد الأنشطة {{activities.cout}} في {{activities.by_year.2021}}."

            """
        let found = try problems(yaml, files: ["log.csv": "date,category,title\n2021-03-01,أ,نشاط\n"])
        #expect(found.count == 1)
        #expect(found[0].location.line == 6)
        #expect(found[0].message.description.contains("{{activities.cout}}") && found[0].message.description.contains("did you mean \"count\"?"))
    }

    @Test func aWordWiderThanItsColumnNamesTheBlock() throws {
        let yaml = """
            title: "موجز"
            date: 2024-09-15
            body:
              - table:
                  columns: [{title: "أ", width: 20}, "ب"]
                  rows: [["الاستراتيجيات", "نص"]]

            """
        let found = try problems(yaml)
        #expect(found.count == 1)
        #expect(found[0].location.line == 4 && found[0].field == "table")
        #expect(found[0].message.description.contains("longest word needs"))
    }

    @Test func aMissingGlyphNamesTheCharacterAndTheBlock() throws {
        let found = try problems(Self.minimal.replacingOccurrences(of: "نص قصير.", with: "نص 漢字 قصير."))
        #expect(found.count == 1)
        #expect(found[0].field == "paragraph" && found[0].location.line == 4)
        #expect(found[0].message.description.contains("U+6F22"))
    }

    @Test func underOverflowWarnTheSameProblemsAreWarnings() throws {
        let yaml = """
            title: "موجز"
            date: 2024-09-15
            overflow: warn
            body:
              - paragraph: "نص 漢字 قصير."
              - table:
                  columns: [{title: "أ", width: 20}, "ب"]
                  rows: [["الاستراتيجيات", "نص"]]

            """
        let result = try TestSupport.layout(yaml: yaml)
        // The missing glyph; the column too narrow, and its word sticking out of the cell.
        #expect(result.warnings.count == 3)
        #expect(result.warnings.allSatisfy { $0.severity == .warning })
        #expect(result.warnings[0].message.description.contains("U+6F22") && result.warnings[0].location.line == 5)
        #expect(result.warnings[1].location.line == 6 && result.warnings[1].message.description.contains("longest word needs"))
        #expect(result.warnings[2].location.line == 6 && result.warnings[2].message.description.contains("الاستراتيجيات"))
        #expect(result.document.pages.count == 1)
    }

    @Test func underOverflowWarnEachProblemIsReportedOnceThoughTheContentsLaysOutAgain() throws {
        // A table of contents lays the document out until its page numbers stay put (here twice); the title is too long
        // for the running foot of every page. Each problem is one warning all the same.
        let title = String(repeating: "عنوانطويلجدابلامسافات", count: 12)
        let yaml = """
            title: "\(title)"
            date: 2024-09-15
            overflow: warn
            body:
              - contents: {title: "المحتويات"}
              - heading: "الأول"
              - paragraph: "نص 漢字 قصير."
              - table:
                  columns: [{title: "أ", width: 20}, "ب"]
                  rows: [["الاستراتيجيات", "نص"]]
              - page-break
              - heading: "الثاني"
              - paragraph: "نص."

            """
        let result = try TestSupport.layout(yaml: yaml)
        #expect(result.document.pages.count == 2)
        #expect(Set(result.warnings).count == result.warnings.count, "\(result.warnings.map(\.description))")
        let messages = result.warnings.map(\.message.description)
        #expect(messages.filter { $0.contains("U+6F22") }.count == 1)
        #expect(messages.filter { $0.contains("longest word needs") }.count == 1)
        #expect(messages.filter { $0.contains("الاستراتيجيات") }.count == 1)
        #expect(result.warnings.filter { $0.field == "page furniture" }.count >= 1)
    }

    @Test func anExistingOutputIsKeptWhenRenderingFails() throws {
        let folder = try TestSupport.folder(with: ["report.yaml": "title: \"x\"\ndate: 2024-13-01\nbody: []\n"])
        let output = folder.appendingPathComponent("out.pdf")
        try Data("previous".utf8).write(to: output)
        #expect(throws: MawjazError.self) {
            try TestSupport.renderer().render(reportAt: folder.appendingPathComponent("report.yaml"), to: output)
        }
        #expect(try Data(contentsOf: output) == Data("previous".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}
