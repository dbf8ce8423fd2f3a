// Checks a report's parts against each other: datasets that charts and tables name, dates after the report's.
import MawjazLanguage

/// Cross-checks a loaded or code-built report.
package enum ReportValidator {
    /// Errors for references to datasets that do not exist or are empty; warnings for activities dated after the report.
    /// References to the datasets in `ignoring` (declared, but their files had errors of their own) are not checked.
    package static func check(_ report: Report, ignoring unreadable: Set<String> = []) -> [Diagnostic] {
        var log = DiagnosticLog()
        check(report.body, in: report, unreadable: unreadable, log: &log)
        for (name, dataset) in report.datasets.sorted(by: { $0.key < $1.key }) {
            let late = dataset.activities.filter { $0.date > report.date && !report.date.contains($0.date) }
            if let first = late.first {
                log.warning(SourceLocation(file: dataset.file.isEmpty ? report.file : dataset.file, line: first.line), field: "\(name).date",
                            .lateActivity(date: first.date.description, reportDate: report.date.description, more: late.count - 1))
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
                    log.error(source.location, field: "table.rows-from.data", noDataset(source.dataset, report, unreadable))
                }
            case .columns(let columns):
                check(columns.blocks, in: report, unreadable: unreadable, log: &log)
            case .forEach(let repeated):
                if report.datasets[repeated.dataset] == nil, !unreadable.contains(repeated.dataset) {
                    log.error(repeated.location, field: "for-each.data", noDataset(repeated.dataset, report, unreadable))
                }
                check(repeated.blocks, in: report, unreadable: unreadable, log: &log)
            case .heading, .paragraph, .timeline, .list, .note, .image, .signature, .spacer, .rule, .contents, .reference, .pageBreak:
                // No dataset to check. A new kind that names a dataset or holds a chart is checked above.
                continue
            }
        }
    }

    /// A chart's dataset must exist and hold activities.
    private static func check(_ chart: ChartSpec, in report: Report, unreadable: Set<String>, log: inout DiagnosticLog) {
        guard let name = chart.dataset, !unreadable.contains(name) else { return }
        guard let dataset = report.datasets[name] else {
            log.error(chart.location, field: "chart.data", noDataset(name, report, unreadable))
            return
        }
        if dataset.activities.isEmpty {
            log.error(chart.location, field: "chart.data", .emptyDatasetChart(Message.excerpt(name)))
        }
    }

    /// A dataset that does not exist, with the closest of those that do.
    private static func noDataset(_ name: String, _ report: Report, _ unreadable: Set<String>) -> Message {
        let names = Set(report.datasets.keys).union(unreadable).sorted()
        return .noDataset(Message.excerpt(name), suggestion: Suggestion.closest(to: name, among: names), known: Message.listExcerpt(names))
    }
}

extension CalendarDate {
    /// Whether `other` falls within the period this date stands for (a year holds its months and days).
    package func contains(_ other: CalendarDate) -> Bool {
        guard other.year == year else { return false }
        guard let month else { return true }
        guard other.month == month else { return false }
        guard let day else { return true }
        return other.day == day
    }
}
