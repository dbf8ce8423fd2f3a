// Checks a report's parts against each other: datasets that charts and tables name, dates after the report's.

/// Cross-checks a loaded or code-built report.
public enum ReportValidator {
    /// Errors for references to datasets that do not exist or are empty; warnings for activities dated after the report.
    /// References to the datasets in `ignoring` (declared, but their files had errors of their own) are not checked.
    public static func check(_ report: Report, ignoring unreadable: Set<String> = []) -> [Diagnostic] {
        var log = DiagnosticLog()
        check(report.body, in: report, unreadable: unreadable, log: &log)
        for (name, dataset) in report.datasets.sorted(by: { $0.key < $1.key }) {
            let late = dataset.activities.filter { $0.date > report.date && !report.date.contains($0.date) }
            if let first = late.first {
                let more = late.count > 1 ? " (and \(late.count - 1) more)" : ""
                log.warning(SourceLocation(file: dataset.file.isEmpty ? report.file : dataset.file, line: first.line), field: "\(name).date",
                            "activity dated \(first.date) is after the report's date \(report.date)\(more)")
            }
        }
        return log.diagnostics
    }

    private static func check(_ blocks: [ReportBlock], in report: Report, unreadable: Set<String>, log: inout DiagnosticLog) {
        for block in blocks {
            switch block {
            case .chart(let chart):
                check(chart, in: report, unreadable: unreadable, log: &log)
            case .facts(let facts):
                for item in facts.items { if let chart = item.sparkline { check(chart, in: report, unreadable: unreadable, log: &log) } }
            case .table(let table):
                if let source = table.rowsFrom, report.datasets[source.dataset] == nil, !unreadable.contains(source.dataset) {
                    log.error(source.location, field: "table.rows-from.data", "no dataset named \"\(source.dataset)\"" + datasetHint(source.dataset, report, unreadable))
                }
            case .columns(let columns):
                check(columns.blocks, in: report, unreadable: unreadable, log: &log)
            case .forEach(let repeated):
                if report.datasets[repeated.dataset] == nil, !unreadable.contains(repeated.dataset) {
                    log.error(repeated.location, field: "for-each.data",
                              "no dataset named \"\(repeated.dataset)\"" + datasetHint(repeated.dataset, report, unreadable))
                }
                check(repeated.blocks, in: report, unreadable: unreadable, log: &log)
            default:
                continue
            }
        }
    }

    /// A chart's dataset must exist and hold activities.
    private static func check(_ chart: ChartSpec, in report: Report, unreadable: Set<String>, log: inout DiagnosticLog) {
        guard let name = chart.dataset, !unreadable.contains(name) else { return }
        guard let dataset = report.datasets[name] else {
            log.error(chart.location, field: "chart.data", "no dataset named \"\(name)\"" + datasetHint(name, report, unreadable))
            return
        }
        if dataset.activities.isEmpty {
            log.error(chart.location, field: "chart.data", "the dataset \"\(name)\" is empty, so the chart would have no data")
        }
    }

    private static func datasetHint(_ name: String, _ report: Report, _ unreadable: Set<String>) -> String {
        let names = Set(report.datasets.keys).union(unreadable).sorted()
        if names.isEmpty { return " (the report's data: section names none)" }
        let suggestion = Suggestion.didYouMean(name, among: names)
        return suggestion.isEmpty ? " (datasets: \(names.joined(separator: ", ")))" : suggestion
    }
}

extension CalendarDate {
    /// Whether `other` falls within the period this date stands for (a year holds its months and days).
    public func contains(_ other: CalendarDate) -> Bool {
        guard other.year == year else { return false }
        guard let month else { return true }
        guard other.month == month else { return false }
        guard let day else { return true }
        return other.day == day
    }
}
