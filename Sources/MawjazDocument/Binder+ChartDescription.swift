// A chart told in words for readers who cannot see it: what it shows, its extent, highs, lows and totals,
// in the document's language and numerals.
import MawjazData

extension Binder {
    /// A few sentences describing the chart's data, used as its alternative text.
    func describe(_ spec: ChartSpec, title: String?, data: ChartData) -> String {
        let arabic = report.settings.language == .ar
        let name = Self.kindName(spec.kind, arabic: arabic)
        var sentences = [title.map { "\(name): \($0)" } ?? name]
        switch spec.kind {
        case .timeline:
            sentences += describeEvents(data.events, arabic: arabic)
        case .donut:
            sentences += describeShares(data, counts: spec.dataset != nil, percent: spec.percent, arabic: arabic)
        default:
            sentences += describeValues(spec, data: data, arabic: arabic)
        }
        return sentences.joined(separator: arabic ? "؛ " : "; ") + "."
    }

    /// What a reader hears first: the kind of chart.
    static func kindName(_ kind: ChartKind, arabic: Bool) -> String {
        switch kind {
        case .bar: return arabic ? "مخطط أعمدة" : "Bar chart"
        case .groupedBar: return arabic ? "مخطط أعمدة مجمعة" : "Grouped bar chart"
        case .stackedBar: return arabic ? "مخطط أعمدة مكدسة" : "Stacked bar chart"
        case .horizontalBar: return arabic ? "مخطط أشرطة أفقية" : "Horizontal bar chart"
        case .line: return arabic ? "مخطط خطي" : "Line chart"
        case .area: return arabic ? "مخطط مساحي" : "Area chart"
        case .donut: return arabic ? "مخطط دائري" : "Donut chart"
        case .timeline: return arabic ? "خط زمني" : "Timeline"
        case .sparkline: return arabic ? "مخطط مصغر" : "Sparkline"
        }
    }

    /// Extent, series, highest and lowest category, trend and total of a chart of values.
    private func describeValues(_ spec: ChartSpec, data: ChartData, arabic: Bool) -> [String] {
        let categories = data.categories
        let counts = spec.dataset != nil
        var sentences: [String] = []
        let noun: ArabicNoun = !counts ? .value : spec.by == .year ? .year : spec.by == .month ? .month : .category
        if let first = categories.first, let last = categories.last, categories.count > 1 {
            sentences.append(arabic ? "\(counted(categories.count, noun))، من \(first) إلى \(last)"
                                    : "\(categories.count) \(noun.english(categories.count)), from \(first) to \(last)")
        }
        if data.series.count > 1 {
            let seriesNoun: ArabicNoun = !counts ? .series : spec.series == .year ? .year : .category
            let names = data.series.map(\.name)
            sentences.append(arabic ? "\(counted(names.count, seriesNoun)): \(names.joined(separator: "، "))"
                                    : "\(names.count) \(seriesNoun.english(names.count)): \(names.joined(separator: ", "))")
        }
        let totals = categories.indices.map { index in data.series.reduce(0.0) { $0 + $1.values[index] } }
        let what = data.series.count > 1 ? (arabic ? "مجموع" : "total") : (counts ? (arabic ? "عدد من الأنشطة" : "count") : (arabic ? "قيمة" : "value"))
        if let high = totals.indices.max(by: { totals[$0] < totals[$1] }), let low = totals.indices.min(by: { totals[$0] < totals[$1] }) {
            let highText = value(totals[high], percent: spec.percent), lowText = value(totals[low], percent: spec.percent)
            if arabic {
                let unit = counts ? " " + Self.activityNoun(Int(totals[high])) : ""
                let place = spec.by == .year && counts ? "في عام \(categories[high])" : "في \(categories[high])"
                sentences.append("أعلى \(what) \(place): \(highText)\(unit)")
                if categories.count > 1 { sentences.append("وأدناه في \(categories[low]): \(lowText)") }
            } else {
                sentences.append("the highest \(what) is \(highText) in \(categories[high])")
                if categories.count > 1 { sentences.append("the lowest is \(lowText) in \(categories[low])") }
            }
        }
        if data.ordinal, data.series.count == 1, let first = totals.first, let last = totals.last, categories.count > 2 {
            let from = value(first, percent: spec.percent), to = value(last, percent: spec.percent)
            sentences.append(arabic ? "من \(from) في \(categories[0]) إلى \(to) في \(categories[categories.count - 1])"
                                    : "from \(from) in \(categories[0]) to \(to) in \(categories[categories.count - 1])")
        }
        if data.series.count > 1 {
            let sums = data.series.map { $0.values.reduce(0, +) }
            if let largest = sums.indices.max(by: { sums[$0] < sums[$1] }) {
                let amount = value(sums[largest], percent: false)
                if !spec.percent {
                    sentences.append(arabic ? "أكبرها \(data.series[largest].name): \(amount)"
                                            : "the largest is \(data.series[largest].name) with \(amount)")
                }
            }
        }
        if counts {
            let total = value(totals.reduce(0, +), percent: false)
            sentences.append(arabic ? "المجموع \(total)" : "total \(total)")
        }
        return sentences
    }

    /// A donut's slices with their shares, largest first.
    private func describeShares(_ data: ChartData, counts: Bool, percent: Bool, arabic: Bool) -> [String] {
        let chart = Chart(kind: .donut, categories: data.categories, series: data.series, valueLabels: false, alternativeText: "",
                          direction: .rightToLeft, source: SourceLocation(file: ""))
        let shares = chart.shares
        let values = data.series.first?.values ?? []
        let order = shares.indices.sorted { (values[$0], $1) > (values[$1], $0) }
        let parts = order.map { "\(data.categories[$0]) \(numerals.percent(Double(shares[$0])))" }
        var sentences = [arabic ? "\(counted(parts.count, .share)): \(parts.joined(separator: "، "))"
                                : "\(parts.count) \(ArabicNoun.share.english(parts.count)): \(parts.joined(separator: ", "))"]
        if counts, !percent {
            let total = value(values.reduce(0, +), percent: false)
            sentences.append(arabic ? "المجموع \(total)" : "total \(total)")
        }
        return sentences
    }

    /// A timeline's events, the first dozen in full.
    private func describeEvents(_ events: [Chart.Event], arabic: Bool) -> [String] {
        guard let first = events.first, let last = events.last else { return [] }
        let limit = 12
        var sentences = [arabic ? "\(counted(events.count, .event)) من \(first.dateText) إلى \(last.dateText)"
                                : "\(events.count) \(ArabicNoun.event.english(events.count)) from \(first.dateText) to \(last.dateText)"]
        sentences += events.prefix(limit).map { "\($0.dateText): \($0.text)" }
        if events.count > limit {
            sentences.append(arabic ? "و\(counted(events.count - limit, .event)) أخرى" : "and \(events.count - limit) more")
        }
        return sentences
    }

    /// A value in the document's numerals; one decimal when it has a fraction, a percent sign for percentages.
    private func value(_ amount: Double, percent: Bool) -> String {
        let whole = amount.rounded() == amount && abs(amount) < 1e15
        if percent { return numerals.percent(amount, fractionDigits: whole ? 0 : 1) }
        return whole ? numerals.format(Int(amount)) : numerals.format(amount, fractionDigits: 1)
    }

    /// A count with its noun in the form Arabic gives it after that number: سنة واحدة، سنتان، ٣ سنوات، ١٣ سنة.
    private func counted(_ count: Int, _ noun: ArabicNoun) -> String {
        let forms = noun.forms
        let lastTwo = count % 100
        switch count {
        case 1: return forms.one
        case 2: return forms.two
        case _ where (3...10).contains(lastTwo): return "\(numerals.format(count)) \(forms.few)"
        case _ where (11...99).contains(lastTwo): return "\(numerals.format(count)) \(forms.many)"
        default: return "\(numerals.format(count)) \(forms.hundred)"
        }
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
}

/// The nouns a chart's description counts, with the forms Arabic gives them after numbers.
enum ArabicNoun {
    case year, month, category, value, series, share, event

    /// One, two, three to ten, eleven to ninety-nine, and a hundred.
    var forms: (one: String, two: String, few: String, many: String, hundred: String) {
        switch self {
        case .year: return ("سنة واحدة", "سنتان", "سنوات", "سنة", "سنة")
        case .month: return ("شهر واحد", "شهران", "أشهر", "شهرا", "شهر")
        case .category: return ("فئة واحدة", "فئتان", "فئات", "فئة", "فئة")
        case .value: return ("قيمة واحدة", "قيمتان", "قيم", "قيمة", "قيمة")
        case .series: return ("سلسلة واحدة", "سلسلتان", "سلاسل", "سلسلة", "سلسلة")
        case .share: return ("حصة واحدة", "حصتان", "حصص", "حصة", "حصة")
        case .event: return ("حدث واحد", "حدثان", "أحداث", "حدثا", "حدث")
        }
    }

    /// The English noun, singular or plural.
    func english(_ count: Int) -> String {
        let singular: String
        switch self {
        case .year: singular = "year"
        case .month: singular = "month"
        case .category: singular = "category"
        case .value: singular = "value"
        case .series: return "series"
        case .share: singular = "share"
        case .event: singular = "event"
        }
        if count == 1 { return singular }
        return singular == "category" ? "categories" : singular + "s"
    }
}
