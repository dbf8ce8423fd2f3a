// Binds charts to their numbers: counts from a dataset or values written inline, and a description
// of the result for readers who cannot see it.
import Foundation
import MawjazData
import MawjazFrame

extension Binder {
    mutating func bindChart(_ spec: ChartSpec) -> Block? {
        var spec = spec
        spec.filter.categories = spec.filter.categories?.map { plain($0, at: spec.location, field: "chart.categories") }
        var categories: [String] = []
        var series: [Chart.Series] = []
        let arabic = report.settings.language == .ar
        if let name = spec.dataset {
            guard let log = report.datasets[name] else { return nil }   // reported by the validator
            switch (spec.by, spec.series) {
            case (_, .some(let grouping)) where grouping != spec.by:
                guard spec.by == .year && grouping == .category || spec.by == .category && grouping == .year else {
                    log_(spec, "series: \(grouping.rawValue) cannot go with by: \(spec.by.rawValue) (use by: year with series: category, or the reverse)")
                    return nil
                }
                let table = log.countsByYearAndCategory(spec.filter)
                let years = table.years.map { numerals.year($0) }
                if spec.by == .year {
                    categories = years
                    series = table.categories.enumerated().map { index, category in
                        Chart.Series(name: category, values: table.counts.map { Double($0[index]) })
                    }
                } else {
                    categories = table.categories
                    series = table.years.enumerated().map { index, year in
                        Chart.Series(name: numerals.year(year), values: table.categories.indices.map { Double(table.counts[index][$0]) })
                    }
                }
            case (.year, _):
                // Charts of a few categories keep the dataset's years, so that charts side by side compare.
                var filter = spec.filter
                if filter.from == nil, filter.to == nil, let first = log.firstYear, let last = log.lastYear {
                    filter.from = CalendarDate(year: first)
                    filter.to = CalendarDate(year: last)
                }
                let tallies = log.countsByYear(filter)
                categories = tallies.map { numerals.year($0.key) }
                series = [Chart.Series(name: name, values: tallies.map { Double($0.count) })]
            case (.month, _):
                let result = log.countsByMonth(spec.filter)
                let writer = DateWriter(language: report.settings.language, numerals: report.settings.numerals,
                                        monthNames: report.settings.monthNames)
                categories = result.tallies.map { writer.format(CalendarDate(year: $0.key.year, month: $0.key.month)) }
                series = [Chart.Series(name: name, values: result.tallies.map { Double($0.count) })]
                if result.unplaced > 0 {
                    log.warningAbout(result.unplaced, spec: spec, into: &self.log)
                }
            case (.category, _):
                let tallies = spec.top.map { log.topCategories($0, filter: spec.filter, otherLabel: arabic ? "أخرى" : "Other") }
                    ?? log.countsByCategory(spec.filter)
                categories = tallies.map(\.key)
                series = [Chart.Series(name: name, values: tallies.map { Double($0.count) })]
            }
            if series.allSatisfy({ $0.values.allSatisfy { $0 == 0 } }) {
                log_(spec, "no activity of \"\(name)\" falls inside the chart's filter, so the chart would be empty")
                return nil
            }
        } else {
            categories = spec.values.map { plain($0.label, at: spec.location, field: "chart.values.label") }
            let width = spec.values.map(\.values.count).max() ?? 0
            guard spec.values.allSatisfy({ $0.values.count == width }) else {
                log_(spec, "every value needs the same number of numbers (\(width))")
                return nil
            }
            let names = spec.seriesNames.map { plain($0, at: spec.location, field: "chart.series-names") }
            if width > 1 && names.count != width {
                log_(spec, "\(width) numbers per value need \(width) series-names, but \(names.count) are given")
                return nil
            }
            series = (0..<width).map { index in
                Chart.Series(name: names.indices.contains(index) ? names[index] : "", values: spec.values.map { $0.values[index] })
            }
        }
        let title = spec.title.map { plain($0, at: spec.location, field: "chart.title") }
        let chart = Chart(kind: spec.kind, categories: categories, series: series, title: title,
                          caption: spec.caption.map { plain($0, at: spec.location, field: "chart.caption") },
                          sourceNote: spec.source.map { plain($0, at: spec.location, field: "chart.source") },
                          domain: spec.domain, height: spec.height, valueLabels: spec.valueLabels,
                          alternativeText: spec.alternativeText.map { plain($0, at: spec.location, field: "chart.alt") }
                            ?? describe(kind: spec.kind, title: title, categories: categories, series: series,
                                        counts: spec.dataset != nil, by: spec.by),
                          direction: report.settings.language.direction, source: spec.location)
        return .chart(chart)
    }

    private mutating func log_(_ spec: ChartSpec, _ message: String) {
        log.error(spec.location, field: "chart", message)
    }

    /// A sentence or two telling what the chart shows: its extent, its highest and lowest values, its total.
    func describe(kind: ChartKind, title: String?, categories: [String], series: [Chart.Series], counts: Bool,
                  by: ChartGrouping) -> String {
        let arabic = report.settings.language == .ar
        let kindName: String = {
            switch kind {
            case .bar, .groupedBar, .stackedBar: return arabic ? "مخطط أعمدة" : "Bar chart"
            case .horizontalBar: return arabic ? "مخطط أشرطة أفقية" : "Horizontal bar chart"
            case .line: return arabic ? "مخطط خطي" : "Line chart"
            case .area: return arabic ? "مخطط مساحي" : "Area chart"
            case .donut: return arabic ? "مخطط دائري" : "Donut chart"
            case .timeline: return arabic ? "خط زمني" : "Timeline"
            case .sparkline: return arabic ? "مخطط مصغر" : "Sparkline"
            }
        }()
        var sentences = [title.map { "\(kindName): \($0)" } ?? kindName]
        let totals = categories.indices.map { index in series.reduce(0.0) { $0 + ($1.values.indices.contains(index) ? $1.values[index] : 0) } }
        if let first = categories.first, let last = categories.last, categories.count > 1 {
            sentences.append(arabic ? "\(numerals.format(categories.count)) \(by == .year ? "سنة" : "فئة")، من \(first) إلى \(last)"
                                    : "\(categories.count) \(by == .year ? "years" : "categories"), from \(first) to \(last)")
        }
        if let high = totals.indices.max(by: { totals[$0] < totals[$1] }), let low = totals.indices.min(by: { totals[$0] < totals[$1] }) {
            let highText = number(totals[high]), lowText = number(totals[low])
            if arabic {
                let noun = counts ? " " + Self.activityNoun(Int(totals[high])) : ""
                let place = by == .year && counts ? "في عام \(categories[high])" : "في \(categories[high])"
                sentences.append("أعلى \(counts ? "عدد من الأنشطة" : "قيمة") \(place): \(highText)\(noun)")
                if categories.count > 1 { sentences.append("وأدناها في \(categories[low]): \(lowText)") }
            } else {
                sentences.append("the highest \(counts ? "count" : "value") is \(highText) in \(categories[high])")
                if categories.count > 1 { sentences.append("the lowest is \(lowText) in \(categories[low])") }
            }
        }
        let total = totals.reduce(0, +)
        if counts { sentences.append(arabic ? "المجموع \(number(total))" : "total \(number(total))") }
        return sentences.joined(separator: arabic ? "؛ " : "; ") + "."
    }

    private func number(_ value: Double) -> String {
        value.rounded() == value ? numerals.format(Int(value)) : numerals.format(value, fractionDigits: 1)
    }

    /// The Arabic noun "activity" in the form a count takes: نشاط، نشاطان، أنشطة، نشاطا.
    static func activityNoun(_ count: Int) -> String {
        let lastTwo = count % 100
        switch count {
        case 1: return "نشاط"
        case 2: return "نشاطان"
        case _ where (3...10).contains(lastTwo): return "أنشطة"
        case _ where (11...99).contains(lastTwo): return "نشاطا"
        default: return "نشاط"
        }
    }

    mutating func bindImage(_ spec: ImageSpec) -> Block? {
        guard let data = FileManager.default.contents(atPath: spec.path) else {
            log.error(spec.location, field: "image.path", "the image \(spec.path) does not exist or cannot be read")
            return nil
        }
        let bytes = [UInt8](data)
        guard let (format, size) = ImageBox.inspect(bytes) else {
            log.error(spec.location, field: "image.path", "\(spec.path) is neither a PNG nor a JPEG image")
            return nil
        }
        return .figure(Figure(data: bytes, format: format, pixelSize: size,
                              alternativeText: plain(spec.alternativeText, at: spec.location, field: "image.alt"),
                              caption: spec.caption.map { plain($0, at: spec.location, field: "image.caption") },
                              width: spec.width, maxHeight: spec.maxHeight, source: spec.location))
    }
}

extension ActivityLog {
    func warningAbout(_ unplaced: Int, spec: ChartSpec, into log: inout DiagnosticLog) {
        log.warning(spec.location, field: "chart.by", "\(unplaced) activities of \"\(name)\" have no month and are left out of the chart by month")
    }
}
