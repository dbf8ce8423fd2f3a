// English: its calendar's names, plural rule and the words it writes into documents.

/// The English table.
public struct English: LanguageTable {
    public init() {}
    public var language: Language { .en }
    public var isRightToLeft: Bool { false }
    public var script: Script { .latin }
    public var numerals: NumeralSystem { .latin }

    public func gregorianMonths(_ variant: MonthNames) -> [String] {
        ["January", "February", "March", "April", "May", "June",
         "July", "August", "September", "October", "November", "December"]
    }

    public var hijriMonths: [String] {
        ["Muharram", "Safar", "Rabi' al-Awwal", "Rabi' al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
         "Rajab", "Sha'ban", "Ramadan", "Shawwal", "Dhu al-Qa'dah", "Dhu al-Hijjah"]
    }

    public func pluralCategory(_ count: Int) -> PluralCategory {
        count == 1 ? .one : .other
    }

    public func text(_ phrase: Phrase) -> String {
        switch phrase {
        case .pageOfPages(let page, let pages): return "Page \(page) of \(pages)"
        case .attachment(let number): return "Attachment \(number)"
        case .sourceLead: return "Source:"
        case .other: return "Other"
        case .donutTotal: return "Total"
        case .referenceNumber: return "Ref."
        case .referenceDate: return "Date"
        case .referenceAttachments: return "Attachments"
        case .listSeparator: return ", "
        case .gregorianEra(let date): return date
        case .hijriEra(let date): return date + " AH"
        case .dualDate(let gregorian, let hijri): return "\(gregorian) (\(hijri))"
        case .chartName(let name): return chartName(name)
        case .titledChart(let name, let title): return "\(name): \(title)"
        case .chartDescription(let sentences): return sentences.joined(separator: "; ") + "."
        case .categoryExtent(let count, let noun, let first, let last):
            return "\(counted(count, noun)), from \(first) to \(last)"
        case .seriesNames(let count, let noun, let names): return "\(counted(count, noun)): \(names.joined(separator: ", "))"
        case .highest(let measure, let category, _, let value, _):
            let what: String
            switch measure {
            case .total: what = "total"
            case .count: what = "count"
            case .value: what = "value"
            }
            return "the highest \(what) is \(value) in \(category)"
        case .lowest(let category, let value): return "the lowest is \(value) in \(category)"
        case .trend(let from, let first, let to, let last): return "from \(from) in \(first) to \(to) in \(last)"
        case .largestSeries(let name, let amount): return "the largest is \(name) with \(amount)"
        case .total(let amount): return "total \(amount)"
        case .shares(let count, let parts): return "\(counted(count, .share)): \(parts.joined(separator: ", "))"
        case .share(let category, let percent): return "\(category) \(percent)"
        case .eventExtent(let count, let first, let last): return "\(counted(count, .event)) from \(first) to \(last)"
        case .event(let date, let text): return "\(date): \(text)"
        case .moreEvents(let count): return "and \(count.text) more"
        }
    }

    private func chartName(_ name: ChartName) -> String {
        switch name {
        case .bar: return "Bar chart"
        case .groupedBar: return "Grouped bar chart"
        case .stackedBar: return "Stacked bar chart"
        case .horizontalBar: return "Horizontal bar chart"
        case .line: return "Line chart"
        case .area: return "Area chart"
        case .donut: return "Donut chart"
        case .timeline: return "Timeline"
        case .sparkline: return "Sparkline"
        }
    }

    /// A count and its noun: "1 year", "3 years".
    private func counted(_ count: Count, _ noun: CountedNoun) -> String {
        let n = count.text
        switch noun {
        case .year: return plural(count.value, one: "\(n) year", other: "\(n) years")
        case .month: return plural(count.value, one: "\(n) month", other: "\(n) months")
        case .category: return plural(count.value, one: "\(n) category", other: "\(n) categories")
        case .value: return plural(count.value, one: "\(n) value", other: "\(n) values")
        case .series: return "\(n) series"
        case .share: return plural(count.value, one: "\(n) share", other: "\(n) shares")
        case .event: return plural(count.value, one: "\(n) event", other: "\(n) events")
        }
    }
}

extension English {
    /// Words that, written just before a number, name it an identifier rather than an amount: a phone number, a post
    /// office box or postcode, an identity, order or reference number (`Tel. 2345678`, `P.O. Box 12345`, `postcode 11564`,
    /// `Order No. 123456`). Such a number keeps its digits ungrouped; so does one after `number` or `no.` that follows
    /// such a word (`ID number 1234567890`, `account no. 123456789`).
    package static let identifierLabels: [String] = [
        "no.", "nos.", "tel", "tel.", "phone", "telephone", "fax", "mobile", "box", "zip", "postcode", "postal", "id",
        "ref", "ref.", "reference", "isbn", "issn", "iban", "code", "ext", "ext.", "pin", "account", "passport", "order",
        "invoice", "serial",
    ]

    /// The words that, between such a label and the number, leave it a label (`phone number`, `account no.`).
    package static let identifierNumberWords: [String] = ["number", "no", "no.", "nos."]
}
