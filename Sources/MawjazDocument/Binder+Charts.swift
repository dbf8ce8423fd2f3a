// Binds charts to their numbers: counts from a dataset, values or events written inline, checked against
// what each kind of chart can draw.
import Foundation
import MawjazData
import MawjazFrame
import MawjazLanguage

extension Binder {
    /// The most slices a donut shows; beyond them the smallest are summed into one "other" slice.
    static let donutSliceLimit = 6

    mutating func bindChart(_ spec: ChartSpec) -> Block? {
        chart(spec).map(Block.chart)
    }

    /// A chart spec bound into a chart, or nil once its problems are logged.
    mutating func chart(_ spec: ChartSpec) -> Chart? {
        var spec = spec
        spec.filter.categories = spec.filter.categories?.map { plain($0, at: spec.location, field: "chart.categories") }
        let title = spec.title.map { plain($0, at: spec.location, field: "chart.title") }
        var data: ChartData
        if spec.kind == .timeline {
            guard let events = timelineEvents(spec) else { return nil }
            data = ChartData(categories: [], ordinal: true, series: [], events: events)
        } else if let name = spec.dataset {
            guard let counted = counts(spec, dataset: name) else { return nil }
            data = counted
        } else {
            guard let inline = inlineValues(spec) else { return nil }
            data = inline
        }
        guard check(&data, spec) else { return nil }
        let alternativeText = spec.alternativeText.map { plain($0, at: spec.location, field: "chart.alt") }
            ?? describe(spec, title: title, data: data)
        return Chart(kind: spec.kind, categories: data.categories, ordinal: data.ordinal, series: data.series, events: data.events,
                     percent: spec.percent, title: title,
                     caption: spec.caption.map { plain($0, at: spec.location, field: "chart.caption") },
                     sourceNote: spec.source.map { plain($0, at: spec.location, field: "chart.source") },
                     domain: spec.domain, height: spec.height, valueLabels: spec.valueLabels, alternativeText: alternativeText,
                     direction: report.settings.language.direction, source: spec.location)
    }

    /// The label of the slice or series that sums what `top` leaves out.
    var otherLabel: String { report.settings.language.table.text(.other) }

    // MARK: - Where the numbers come from

    /// Counts of a dataset's activities, grouped as the spec asks.
    private mutating func counts(_ spec: ChartSpec, dataset name: String) -> ChartData? {
        // A missing or empty dataset is reported by the validator.
        guard let log = report.datasets[name], !log.activities.isEmpty else { return nil }
        var data = ChartData(categories: [], ordinal: spec.by != .category, series: [], events: [])
        if let top = spec.top, spec.by != .category && spec.series != .category {
            chartError(spec, .topNeedsCategories(top: top))
            return nil
        }
        switch (spec.by, spec.series) {
        case (_, .some(let grouping)) where grouping != spec.by:
            guard spec.by == .year && grouping == .category || spec.by == .category && grouping == .year else {
                chartError(spec, .seriesCannotGoWith(series: grouping.rawValue, by: spec.by.rawValue))
                return nil
            }
            let table = log.countsByYearAndCategory(spec.filter)
            var categories = table.categories
            var columns = categories.indices.map { index in table.counts.map { Double($0[index]) } }
            if let top = spec.top, categories.count > top {
                let rest = columns[top...].reduce([Double](repeating: 0, count: table.years.count)) { zip($0, $1).map(+) }
                categories = Array(categories.prefix(top)) + [otherLabel]
                columns = Array(columns.prefix(top)) + [rest]
            }
            let years = table.years.map { numerals.year($0) }
            if spec.by == .year {
                data.categories = years
                data.series = zip(categories, columns).map { Chart.Series(name: $0, values: $1) }
            } else {
                data.categories = categories
                data.series = years.indices.map { row in Chart.Series(name: years[row], values: columns.map { $0[row] }) }
            }
        case (.year, _):
            // Charts of a few categories keep the dataset's years, so that charts side by side compare.
            var filter = spec.filter
            if filter.from == nil, filter.to == nil, let first = log.firstYear, let last = log.lastYear {
                filter.from = CalendarDate(year: first)
                filter.to = CalendarDate(year: last)
            }
            let tallies = log.countsByYear(filter)
            data.categories = tallies.map { numerals.year($0.key) }
            data.series = [Chart.Series(name: name, values: tallies.map { Double($0.count) })]
        case (.month, _):
            let result = log.countsByMonth(spec.filter)
            let writer = chartDates
            data.categories = result.tallies.map { writer.format(CalendarDate(year: $0.key.year, month: $0.key.month)) }
            data.series = [Chart.Series(name: name, values: result.tallies.map { Double($0.count) })]
            if result.unplaced > 0 {
                log.warningAbout(result.unplaced, spec: spec, into: &self.log)
            }
        case (.category, _):
            let tallies = spec.top.map { log.topCategories($0, filter: spec.filter, otherLabel: otherLabel) }
                ?? log.countsByCategory(spec.filter)
            data.categories = tallies.map(\.key)
            data.series = [Chart.Series(name: name, values: tallies.map { Double($0.count) })]
        }
        if data.series.allSatisfy({ $0.values.allSatisfy { $0 == 0 } }) {
            chartError(spec, .chartFilterEmpty(dataset: Message.excerpt(name)))
            return nil
        }
        return data
    }

    /// Values written in the report: one number per series for each label.
    private mutating func inlineValues(_ spec: ChartSpec) -> ChartData? {
        if spec.series != nil {
            chartError(spec, .inlineSeries)
            return nil
        }
        guard !spec.values.isEmpty else { return nil }   // reported by the loader
        let categories = spec.values.map { plain($0.label, at: spec.location, field: "chart.values.label") }
        let width = spec.values.map(\.values.count).max() ?? 0
        guard width > 0 else {
            chartError(spec, .valueNeedsNumber)
            return nil
        }
        guard spec.values.allSatisfy({ $0.values.count == width }) else {
            chartError(spec, .unevenValues(width))
            return nil
        }
        let names = spec.seriesNames.map { plain($0, at: spec.location, field: "chart.series-names") }
        if width > 1 && names.count != width {
            chartError(spec, .seriesNamesCount(width, given: names.count))
            return nil
        }
        let series = (0..<width).map { index in
            Chart.Series(name: names.indices.contains(index) ? names[index] : "", values: spec.values.map { $0.values[index] })
        }
        return ChartData(categories: categories, ordinal: false, series: series, events: [])
    }

    /// A timeline's events, from the report or from a dataset's activities, in date order.
    private mutating func timelineEvents(_ spec: ChartSpec) -> [Chart.Event]? {
        let writer = chartDates
        var events: [Chart.Event]
        if let name = spec.dataset {
            // A missing or empty dataset is reported by the validator.
            guard let log = report.datasets[name], !log.activities.isEmpty else { return nil }
            events = log.activities(matching: spec.filter).map { activity in
                Chart.Event(date: activity.date, dateText: writer.format(activity.date), text: activity.title)
            }
            if events.isEmpty {
                chartError(spec, .timelineFilterEmpty(dataset: Message.excerpt(name)))
                return nil
            }
        } else {
            guard !spec.events.isEmpty else { return nil }   // reported by the loader
            events = spec.events.map { event in
                Chart.Event(date: event.date, dateText: writer.format(event.date),
                            text: plain(event.text, at: spec.location, field: "chart.events.text"))
            }
        }
        // Stable: events of one date keep the order they were written in.
        return events.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    /// Dates on charts: Gregorian, long, in the document's language, numerals and month names.
    private var chartDates: DateWriter {
        DateWriter(language: report.settings.language, numerals: report.settings.numerals, monthNames: report.settings.monthNames)
    }

    // MARK: - What each kind can draw

    /// Checks the numbers against the kind and the domain; a donut's smallest slices are summed when there are too many.
    private mutating func check(_ data: inout ChartData, _ spec: ChartSpec) -> Bool {
        let kind = spec.kind
        let singleSeries: Set<ChartKind> = [.bar, .horizontalBar, .donut, .sparkline]
        if singleSeries.contains(kind), data.series.count > 1 {
            chartError(spec, .oneSeriesOnly(kind: kind.rawValue, series: data.series.count))
            return false
        }
        let values = data.series.flatMap(\.values)
        if let bad = values.first(where: { !$0.isFinite }) {
            chartError(spec, .notDrawable("\(bad)"))
            return false
        }
        let stacked = kind == .stackedBar || kind == .donut || (kind == .area && data.series.count > 1)
        if stacked, let negative = values.first(where: { $0 < 0 }) {
            chartError(spec, .negativeStacked(kind: kind.rawValue, value: number(negative)))
            return false
        }
        if kind == .donut {
            guard values.reduce(0, +) > 0 else {
                chartError(spec, .donutZero)
                return false
            }
            mergeSmallestSlices(&data)
        }
        if let domain = spec.domain {
            let barKinds: Set<ChartKind> = [.bar, .horizontalBar, .groupedBar, .stackedBar, .area]
            if barKinds.contains(kind), !domain.contains(0) {
                chartError(spec, .domainWithoutZero(low: number(domain.lowerBound), high: number(domain.upperBound)))
                return false
            }
            let drawn = stacked ? data.categories.indices.map { index in data.series.reduce(0) { $0 + $1.values[index] } } : values
            if let outside = drawn.first(where: { !domain.contains($0) }) {
                chartError(spec, .outsideDomain(number(outside), low: number(domain.lowerBound), high: number(domain.upperBound)))
                return false
            }
        }
        return true
    }

    /// Keeps the largest slices of a donut, in their order, and sums the rest into one "other" slice.
    private func mergeSmallestSlices(_ data: inout ChartData) {
        guard let values = data.series.first?.values, values.count > Self.donutSliceLimit else { return }
        let keep = Set(values.indices.sorted { (values[$0], $1) > (values[$1], $0) }.prefix(Self.donutSliceLimit - 1))
        let kept = values.indices.filter { keep.contains($0) }
        let rest = values.indices.filter { !keep.contains($0) }.reduce(0) { $0 + values[$1] }
        data.categories = kept.map { data.categories[$0] } + [otherLabel]
        data.series[0].values = kept.map { values[$0] } + [rest]
        data.ordinal = false
    }

    private mutating func chartError(_ spec: ChartSpec, _ message: Message) {
        log.error(spec.location, field: "chart", message)
    }

    /// A number as error messages quote it, in Latin digits (each language's table writes them in its own).
    private func number(_ value: Double) -> String {
        let latin = Numerals(.latin)
        return value.rounded() == value && abs(value) < 1e15 ? latin.format(Int(value), grouping: false) : latin.format(value, fractionDigits: 2, grouping: false)
    }

    /// A figure of the image file the block names (from the disk or the report's files in memory), its size read
    /// from its header and held to the report's limits.
    mutating func bindImage(_ spec: ImageSpec) -> Block? {
        var reader = YAMLReader(file: report.file, files: report.files)
        guard let data = reader.readNamedFile(spec.path, what: .image, limit: report.limits.dataBytes, limitName: .dataBytes,
                                              at: spec.location) else {
            log.append(contentsOf: reader.log.diagnostics.map { var problem = $0; problem.field = "image.path"; return problem })
            return nil
        }
        let bytes = [UInt8](data)
        guard let (format, size) = ImageBox.inspect(bytes) else {
            log.error(spec.location, field: "image.path", .notAnImage(path: Message.pathExcerpt(spec.path)))
            return nil
        }
        if let problem = Self.pixelProblem(size, limits: report.limits) {
            log.error(spec.location, field: "image.path", .inFile(Message.pathExcerpt(spec.path), problem))
            return nil
        }
        return .figure(Figure(data: bytes, format: format, pixelSize: size,
                              alternativeText: plain(spec.alternativeText, at: spec.location, field: "image.alt"),
                              caption: spec.caption.map { plain($0, at: spec.location, field: "image.caption") },
                              width: spec.width, maxHeight: spec.maxHeight, source: spec.location))
    }
}

extension Binder {
    /// Why an image of `size` pixels is refused before it is decoded, or nil when it is within the limits.
    static func pixelProblem(_ size: Size, limits: Limits) -> Message? {
        let pixels = size.width * size.height
        guard pixels > Double(limits.imagePixels) else { return nil }
        return .imageTooManyPixels(width: Int(size.width), height: Int(size.height), limit: limits.imagePixels)
    }
}

/// A chart's numbers while they are bound: categories, series, events.
struct ChartData {
    var categories: [String]
    var ordinal: Bool
    var series: [Chart.Series]
    var events: [Chart.Event]
}

extension ActivityLog {
    func warningAbout(_ unplaced: Int, spec: ChartSpec, into log: inout DiagnosticLog) {
        log.warning(spec.location, field: "chart.by", .activitiesWithoutMonth(unplaced, dataset: Message.excerpt(name)))
    }
}
