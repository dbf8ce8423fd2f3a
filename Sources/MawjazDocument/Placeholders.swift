// Placeholders in report text — {{activities.count}}, {{facts.key}}, {{report.date}} — resolved against the
// report's data and written in the document's numerals.
import MawjazData
import MawjazLanguage

/// A value a placeholder stands for, before it is written out.
package enum PlaceholderValue: Hashable, Sendable {
    case integer(Int)
    case year(Int)
    case number(Double)
    case text(String)
    case date(CalendarDate)
}

/// Resolves placeholders against a report.
package struct PlaceholderResolver {
    package let report: Report
    private let numerals: Numerals
    private let dates: DateWriter

    package init(report: Report) {
        self.report = report
        numerals = Numerals(report.settings.numerals)
        dates = DateWriter(language: report.settings.language, numerals: report.settings.numerals,
                           style: report.settings.dateStyle, monthNames: report.settings.monthNames)
    }

    /// The names a placeholder may start with.
    package var roots: [String] { ["report", "facts"] + report.datasets.keys.sorted() }

    /// The fields every dataset offers.
    package static let datasetFields = ["count", "first_year", "last_year", "years", "categories", "by_year", "by_category",
                                       "by_month", "change", "busiest_year", "busiest_year_count", "top_category"]
    static let reportFields = ["title", "subtitle", "date", "year", "classification", "author"]

    /// The value of a placeholder name such as `activities.by_year.2021`, or why there is none.
    package func value(of name: String) -> Result<PlaceholderValue, PlaceholderProblem> {
        let parts = name.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard let root = parts.first, !root.isEmpty else { return .failure(.init(.emptyPlaceholderName)) }
        switch root {
        case "report":
            guard parts.count == 2 else { return .failure(.init(.writeReportField(fields: Self.reportFields))) }
            return reportValue(parts[1])
        case "facts":
            guard parts.count >= 2 else { return .failure(.init(.writeFactsKey)) }
            let key = parts.dropFirst().joined(separator: ".")
            guard let fact = report.fact(key) else {
                let keys = report.facts.map(\.key)
                return .failure(.init(.noFact(Message.excerpt(key), suggestion: Suggestion.closest(to: key, among: keys), reportHasFacts: !keys.isEmpty)))
            }
            return .success(.text(fact.value + (fact.unit.map { " \($0)" } ?? "")))
        default:
            guard let log = report.datasets[root] else {
                return .failure(.init(.noPlaceholderRoot(Message.excerpt(name), root: Message.excerpt(root),
                                                         suggestion: Suggestion.closest(to: root, among: roots))))
            }
            guard parts.count >= 2 else { return .failure(.init(.writeDatasetField(dataset: Message.excerpt(root)))) }
            return datasetValue(log, field: parts[1], argument: parts.count > 2 ? parts[2] : nil)
        }
    }

    /// The placeholder's value written out: numbers Mawjaz counts in the document's numerals, dates in its date style;
    /// text the author typed (a fact's value, the title) with a figure standing alone in the numerals, or as typed under
    /// `convert-digits: false`.
    package func text(of value: PlaceholderValue) -> String {
        switch value {
        case .integer(let number): return numerals.format(number)
        case .year(let year): return numerals.year(year)
        case .number(let number):
            return number.rounded() == number ? numerals.format(Int(number)) : numerals.format(number, fractionDigits: 1)
        case .text(let text): return Binder.figure(text, numerals: numerals, converting: report.settings.convertDigits) ?? text
        case .date(let date): return dates.format(date)
        }
    }

    /// The lists sections may repeat over: `NAME.activities` (each with the fields of `fields(of:)`),
    /// `NAME.category_counts` (`category`, `count`, `share`) and `NAME.year_counts` (`year`, `count`).
    package func list(named name: String) -> [[String: String]]? {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let log = report.datasets[parts[0]] else { return nil }
        switch parts[1] {
        case "activities":
            return log.activities.map(fields(of:))
        case "category_counts":
            let total = max(1, log.total)
            return log.countsByCategory().map { tally in
                ["category": tally.key, "count": numerals.format(tally.count),
                 "share": numerals.percent(Double(tally.count) * 100 / Double(total))]
            }
        case "year_counts":
            return log.countsByYear().map { ["year": numerals.year($0.key), "count": numerals.format($0.count)] }
        default:
            return nil
        }
    }

    /// An activity's fields as written in the document: `date`, `year`, `category`, `title`, `location`,
    /// `partner`, `participants`, `tags`.
    package func fields(of activity: Activity) -> [String: String] {
        ["date": activity.date.month == nil ? numerals.year(activity.date.year) : dates.format(activity.date),
         "year": numerals.year(activity.date.year), "category": activity.category, "title": activity.title,
         "location": activity.location ?? "", "partner": activity.partner ?? "",
         "participants": activity.participants.map { numerals.format($0) } ?? "",
         "tags": activity.tags.joined(separator: report.settings.language.table.text(.listSeparator))]
    }

    private func reportValue(_ field: String) -> Result<PlaceholderValue, PlaceholderProblem> {
        switch field {
        case "title": return .success(.text(report.title))
        case "subtitle": return .success(.text(report.subtitle ?? ""))
        case "date": return .success(.date(report.date))
        case "year": return .success(.year(report.date.year))
        case "classification": return .success(.text(report.classification ?? ""))
        case "author": return .success(.text(report.author ?? ""))
        default: return .failure(.init(.noReportField(Message.excerpt(field), suggestion: Suggestion.closest(to: field, among: Self.reportFields))))
        }
    }

    private func datasetValue(_ log: ActivityLog, field: String, argument: String?) -> Result<PlaceholderValue, PlaceholderProblem> {
        let needsArgument = ["by_year", "by_category", "by_month", "change"]
        if needsArgument.contains(field) && argument == nil {
            let example = field == "by_category" ? "NAME" : field == "change" ? "2020.2021" : "2021"
            return .failure(.init(.placeholderNeedsKey(dataset: Message.excerpt(log.name), field: field, example: example)))
        }
        if !needsArgument.contains(field), let argument {
            return .failure(.init(.placeholderTakesNoKey(dataset: Message.excerpt(log.name), field: Message.excerpt(field), key: Message.excerpt(argument))))
        }
        switch field {
        case "count": return .success(.integer(log.total))
        case "first_year": return log.firstYear.map { .success(.year($0)) } ?? .failure(.init(.datasetEmpty(Message.excerpt(log.name))))
        case "last_year": return log.lastYear.map { .success(.year($0)) } ?? .failure(.init(.datasetEmpty(Message.excerpt(log.name))))
        case "years":
            guard let first = log.firstYear, let last = log.lastYear else { return .failure(.init(.datasetEmpty(Message.excerpt(log.name)))) }
            return .success(.integer(last - first + 1))
        case "categories": return .success(.integer(log.countsByCategory().count))
        case "busiest_year", "busiest_year_count":
            guard let busiest = log.countsByYear().max(by: { $0.count < $1.count || ($0.count == $1.count && $0.key > $1.key) }) else {
                return .failure(.init(.datasetEmpty(Message.excerpt(log.name))))
            }
            return .success(field == "busiest_year" ? .year(busiest.key) : .integer(busiest.count))
        case "top_category":
            guard let top = log.countsByCategory().first else { return .failure(.init(.datasetEmpty(Message.excerpt(log.name)))) }
            return .success(.text(top.key))
        case "by_year":
            guard let year = Self.year(argument ?? "") else { return .failure(.init(.notAYear(Message.excerpt(argument ?? "")))) }
            return .success(.integer(log.activities.filter { $0.date.year == year }.count))
        case "by_month":
            guard case .success(let month) = CalendarDate.parse(argument ?? ""), month.month != nil, month.day == nil else {
                return .failure(.init(.notAMonth(Message.excerpt(argument ?? ""))))
            }
            return .success(.integer(log.activities.filter { $0.date.year == month.year && $0.date.month == month.month }.count))
        case "by_category":
            let name = argument ?? ""
            let categories = log.countsByCategory()
            guard let tally = categories.first(where: { $0.key == name }) else {
                return .failure(.init(.noCategory(Message.excerpt(name), dataset: Message.excerpt(log.name),
                                                  suggestion: Suggestion.closest(to: name, among: categories.map(\.key)))))
            }
            return .success(.integer(tally.count))
        case "change":
            let years = (argument ?? "").split(separator: ".").map { Self.year(String($0)) }
            guard years.count == 2, let from = years[0], let to = years[1] else {
                return .failure(.init(.writeChange(dataset: Message.excerpt(log.name))))
            }
            return .success(.integer(log.change(from: from, to: to).absolute))
        default:
            return .failure(.init(.noDatasetField(Message.excerpt(field), suggestion: Suggestion.closest(to: field, among: Self.datasetFields))))
        }
    }

    private static func year(_ text: String) -> Int? {
        let digits = Digits.toASCII(text)
        guard digits.count == 4, let year = Int(digits) else { return nil }
        return year
    }
}

/// Why a placeholder has no value.
package struct PlaceholderProblem: Error, Hashable, Sendable {
    package var message: Message
    init(_ message: Message) { self.message = message }
}
