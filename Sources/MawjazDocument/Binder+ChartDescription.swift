// A chart told in words for readers who cannot see it: what it shows, its extent, highs, lows and totals,
// in the document's language (its table's phrases) and numerals.
import MawjazData
import MawjazLanguage

extension Binder {
    /// A few sentences describing the chart's data, used as its alternative text.
    func describe(_ spec: ChartSpec, title: String?, data: ChartData) -> String {
        let name = words.text(.chartName(spec.kind.chartName))
        var sentences = [title.map { words.text(.titledChart(name: name, title: $0)) } ?? name]
        switch spec.kind {
        case .timeline:
            sentences += describeEvents(data.events)
        case .donut:
            sentences += describeShares(data, counts: spec.dataset != nil, percent: spec.percent)
        default:
            sentences += describeValues(spec, data: data)
        }
        return words.text(.chartDescription(sentences))
    }

    /// The document's language table.
    private var words: any LanguageTable { report.settings.language.table }

    /// Extent, series, highest and lowest category, trend and total of a chart of values.
    private func describeValues(_ spec: ChartSpec, data: ChartData) -> [String] {
        let categories = data.categories
        let counts = spec.dataset != nil
        var sentences: [Phrase] = []
        let noun: CountedNoun = !counts ? .value : spec.by == .year ? .year : spec.by == .month ? .month : .category
        if let first = categories.first, let last = categories.last, categories.count > 1 {
            sentences.append(.categoryExtent(count(categories.count), noun, first: first, last: last))
        }
        if data.series.count > 1 {
            let seriesNoun: CountedNoun = !counts ? .series : spec.series == .year ? .year : .category
            sentences.append(.seriesNames(count(data.series.count), seriesNoun, names: data.series.map(\.name)))
        }
        let totals = categories.indices.map { index in data.series.reduce(0.0) { $0 + $1.values[index] } }
        let measure: ChartMeasure = data.series.count > 1 ? .total : counts ? .count : .value
        if let high = totals.indices.max(by: { totals[$0] < totals[$1] }), let low = totals.indices.min(by: { totals[$0] < totals[$1] }) {
            sentences.append(.highest(measure, category: categories[high], inYear: spec.by == .year && counts,
                                      value: value(totals[high], percent: spec.percent), activities: counts ? count(Int(totals[high])) : nil))
            if categories.count > 1 { sentences.append(.lowest(category: categories[low], value: value(totals[low], percent: spec.percent))) }
        }
        if data.ordinal, data.series.count == 1, let first = totals.first, let last = totals.last, categories.count > 2 {
            sentences.append(.trend(from: value(first, percent: spec.percent), firstCategory: categories[0],
                                    to: value(last, percent: spec.percent), lastCategory: categories[categories.count - 1]))
        }
        if data.series.count > 1, !spec.percent {
            let sums = data.series.map { $0.values.reduce(0, +) }
            if let largest = sums.indices.max(by: { sums[$0] < sums[$1] }) {
                sentences.append(.largestSeries(data.series[largest].name, amount: value(sums[largest], percent: false)))
            }
        }
        if counts {
            sentences.append(.total(value(totals.reduce(0, +), percent: false)))
        }
        return sentences.map { words.text($0) }
    }

    /// A donut's slices with their shares, largest first.
    private func describeShares(_ data: ChartData, counts: Bool, percent: Bool) -> [String] {
        let chart = Chart(kind: .donut, categories: data.categories, series: data.series, valueLabels: false, alternativeText: "",
                          direction: .rightToLeft, source: SourceLocation(file: ""))
        let shares = chart.shares
        let values = data.series.first?.values ?? []
        let order = shares.indices.sorted { (values[$0], $1) > (values[$1], $0) }
        let parts = order.map { words.text(.share(category: data.categories[$0], percent: numerals.percent(Double(shares[$0])))) }
        var sentences = [words.text(.shares(count(parts.count), parts))]
        if counts, !percent {
            sentences.append(words.text(.total(value(values.reduce(0, +), percent: false))))
        }
        return sentences
    }

    /// A timeline's events, the first dozen in full.
    private func describeEvents(_ events: [Chart.Event]) -> [String] {
        guard let first = events.first, let last = events.last else { return [] }
        let limit = 12
        var sentences = [words.text(.eventExtent(count(events.count), first: first.dateText, last: last.dateText))]
        sentences += events.prefix(limit).map { words.text(.event(date: $0.dateText, text: $0.text)) }
        if events.count > limit {
            sentences.append(words.text(.moreEvents(count(events.count - limit))))
        }
        return sentences
    }

    /// A value in the document's numerals; one decimal when it has a fraction, a percent sign for percentages.
    private func value(_ amount: Double, percent: Bool) -> String {
        let whole = amount.rounded() == amount && abs(amount) < 1e15
        if percent { return numerals.percent(amount, fractionDigits: whole ? 0 : 1) }
        return whole ? numerals.format(Int(amount)) : numerals.format(amount, fractionDigits: 1)
    }

    /// A count, for choosing its noun's form, with its text in the document's numerals.
    private func count(_ value: Int) -> Count {
        Count(value, text: numerals.format(value))
    }
}

extension ChartKind {
    /// The name a description gives this kind of chart.
    var chartName: ChartName {
        switch self {
        case .bar: return .bar
        case .groupedBar: return .groupedBar
        case .stackedBar: return .stackedBar
        case .horizontalBar: return .horizontalBar
        case .line: return .line
        case .area: return .area
        case .donut: return .donut
        case .timeline: return .timeline
        case .sparkline: return .sparkline
        }
    }
}
