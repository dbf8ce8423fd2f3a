// Splitting a log by a column's values for a batch: any column, groups in order, a bad row failing its group only.
import Foundation
import MawjazData
import Testing
import TestSupport

@Suite struct ActivityPartitionTests {
    static let csv = """
        date,category,title,District
        2024-01-10,تدريب,دورة,تبوك
        2024-02-11,اجتماعات,اجتماع,الرياض
        2024-02-30,تدريب,دورة معطوبة,جدة
        2024-03-12,تدريب,دورة أخرى, تبوك
        2024-04-01,اجتماعات,بلا حي,
        2024-05-05,تدريب,دورة جدة,جدة

        """

    static func partition(by column: String, _ text: String = csv) throws(DataError) -> ActivityPartition {
        try ActivityCSV.partition(Array(text.utf8), file: "log.csv", name: "activities", by: DatasetGrouping(dataset: "activities", column: column))
    }

    @Test func groupsFollowTheColumnInOrderOfFirstAppearance() throws {
        let parts = try Self.partition(by: "district")
        #expect(parts.groups.map(\.value) == ["تبوك", "الرياض", "جدة"])
        #expect(parts.groups[0].activities.map(\.title) == ["دورة", "دورة أخرى"])
        #expect(parts.groups[0].firstLine == 2)
        #expect(parts.groups[1].problems.isEmpty)
    }

    @Test func aBadRowFailsItsGroupAlone() throws {
        let parts = try Self.partition(by: "district")
        let jeddah = try #require(parts.groups.first { $0.value == "جدة" })
        #expect(jeddah.activities.map(\.title) == ["دورة جدة"])
        #expect(jeddah.problems.map(\.location.line) == [4])
        #expect(jeddah.problems.first?.message.description.contains("is not a date") == true)
    }

    @Test func aRowWithoutAValueIsInNoGroupAndSaysSo() throws {
        let parts = try Self.partition(by: "district")
        #expect(parts.ungrouped.count == 1)
        #expect(parts.ungrouped.first?.location.line == 6)
        #expect(parts.ungrouped.first?.severity == .warning)
    }

    @Test func aFieldOrTheYearGroupsWhenTheFileHasNoSuchColumn() throws {
        #expect(try Self.partition(by: "category").groups.map(\.value) == ["تدريب", "اجتماعات"])
        #expect(try Self.partition(by: "year").groups.map(\.value) == ["2024"])
    }

    @Test func anUnknownColumnIsNamedWithTheHeader() {
        #expect {
            try Self.partition(by: "distrct")
        } throws: { error in
            guard let error = error as? DataError else { return false }
            return error.diagnostics.contains { $0.message.description.contains("no column \"distrct\"") && $0.message.description.contains("District") && $0.location.line == 1 }
        }
    }

    @Test func theLoaderSplitsTheNamedDatasetAndKeepsEveryGoodRow() throws {
        let folder = try TestSupport.folder(with: [
            "report.yaml": "title: \"{{group}}\"\ndate: 2024-12-31\ndata:\n  activities: log.csv\nbody:\n  - paragraph: \"x\"\n",
            "log.csv": Self.csv,
        ])
        let loaded = try ReportLoader.load(ReportText(contentsOf: folder.appendingPathComponent("report.yaml")),
                                           grouping: DatasetGrouping(dataset: "activities", column: "district"))
        #expect(loaded.partition?.groups.count == 3)
        #expect(loaded.report.datasets["activities"]?.activities.count == 4)
        #expect(loaded.warnings.contains { $0.message.description.contains("no district") })
        #expect(throws: DataError.self) {
            try ReportLoader.load(ReportText(contentsOf: folder.appendingPathComponent("report.yaml")),
                                  grouping: DatasetGrouping(dataset: "other", column: "district"))
        }
    }

    @Test func inlineRowsSplitByTheirFields() throws {
        let text = """
            title: x
            date: 2024-12-31
            data:
              activities:
                rows:
                  - {date: 2024-01-01, category: أ, title: واحد, location: تبوك}
                  - {date: 2024-01-02, category: ب, title: اثنان, location: جدة}
            body:
              - paragraph: "{{activities.count}}"
            """
        let loaded = try ReportLoader.load(ReportText(text, files: [:]), grouping: DatasetGrouping(dataset: "activities", column: "location"))
        #expect(loaded.partition?.groups.map(\.value) == ["تبوك", "جدة"])
    }

    @Test func theCommandLineFormParses() {
        #expect(DatasetGrouping(parsing: "activities.district") == DatasetGrouping(dataset: "activities", column: "district"))
        for bad in ["activities", ".district", "activities.", ""] { #expect(DatasetGrouping(parsing: bad) == nil) }
    }
}
