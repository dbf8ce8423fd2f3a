// Charts asked for what they cannot draw: each problem an error at the chart, in the report's own words.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct ChartErrorTests {
    static let log = "date,category,title\n2021-03-01,أ,نشاط\n2022-04-01,ب,نشاط\n2022-05-01,أ,نشاط\n"

    /// The messages of the errors a report with this one chart (its option lines) raises.
    func messages(_ chart: String) throws -> [String] {
        let yaml = "title: \"x\"\ndate: 2024-09-15\ndata: {log: log.csv}\nbody:\n  - chart:\n" + chart + "\n"
        do {
            _ = try TestSupport.layout(yaml: yaml, files: ["log.csv": Self.log])
            return []
        } catch let error as MawjazError {
            guard case .input(let diagnostics) = error else { throw error }
            #expect(diagnostics.allSatisfy { $0.location.line == 5 || $0.location.line > 5 })
            return diagnostics.map(\.message.description)
        }
    }

    @Test func aBarChartDrawsOneSeries() throws {
        let found = try messages("      type: bar\n      data: log\n      by: year\n      series: category")
        #expect(found == ["a bar chart draws one series, but this one has 2 (use grouped-bar, stacked-bar, line or area for several)"])
    }

    @Test func theDomainMustHoldTheDataAndZeroForBars() throws {
        #expect(try messages("      type: bar\n      data: log\n      domain: [0, 1]") == ["the value 2 is outside the domain [0, 1]"])
        #expect(try messages("      type: bar\n      data: log\n      domain: [1, 5]")
                == ["bars and areas stand on 0, so the domain [1, 5] must include it"])
        #expect(try messages("      type: line\n      data: log\n      domain: [1, 5]") == [])
    }

    @Test func stackedValuesCannotBeNegative() throws {
        let found = try messages("      type: stacked-bar\n      series-names: [a, b]\n      values: [{label: x, values: [3, -1]}]")
        #expect(found == ["a stacked-bar chart adds its values up, so they cannot be negative (-1)"])
    }

    @Test func timelinesTakeEventsAndOtherChartsValues() throws {
        #expect(try messages("      type: bar\n      events: [{date: 2020, text: x}]")
                .contains("only a timeline has events (use values for a bar chart)"))
        #expect(try messages("      type: timeline\n      values: [{label: x, value: 1}]")
                .contains { $0.hasPrefix("a timeline has events, not values") })
        #expect(try messages("      type: timeline") == ["a timeline needs \"data\" (a dataset) or \"events\""])
        #expect(try messages("      type: timeline\n      events: [{date: 2020-13, text: x}]").contains { $0.contains("month 13") })
    }

    @Test func aValueNeedsANumber() throws {
        #expect(try messages("      type: line\n      values: [{label: a, values: []}]") == ["a value needs at least one number: {label: \"…\", value: 12}"])
    }

    @Test func topNeedsCategories() throws {
        #expect(try messages("      type: line\n      data: log\n      by: year\n      top: 2")
                == ["top: 2 keeps the largest categories, so it needs by: category or series: category"])
    }

    @Test func aDonutOfNothingHasNoSlices() throws {
        #expect(try messages("      type: donut\n      values: [{label: a, value: 0}, {label: b, value: 0}]")
                == ["a donut's values add up to 0, so it has no slices"])
    }

    @Test func aSparklineInAFactsBoxNamesAnExistingDataset() throws {
        let yaml = "title: \"x\"\ndate: 2024-09-15\ndata: {log: log.csv}\nbody:\n  - facts:\n      - {label: a, value: \"1\", sparkline: {data: lgo, by: year}}\n"
        do {
            _ = try TestSupport.layout(yaml: yaml, files: ["log.csv": Self.log])
            Issue.record("no error")
        } catch let error as MawjazError {
            #expect(error.description.contains("no dataset named \"lgo\" (did you mean \"log\"?)"))
        }
    }
}
