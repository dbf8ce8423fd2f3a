// The words Mawjaz writes into documents — page furniture, labels, dates, charts' descriptions — as values
// each language's table writes out.

/// Words written into a document. Numbers come already written in the document's numerals (a `Count` when
/// the words depend on how many there are), so the table only arranges and inflects.
///
/// To add one: add a case here, then follow the compiler to every table's `text(_:)`.
public enum Phrase: Hashable, Sendable {
    // MARK: - Page furniture and labels
    /// "Page 1 of 3", for `{page-of-pages}`.
    case pageOfPages(page: String, pages: String)
    /// "Attachment 1", for `{attachment}`.
    case attachment(String)
    /// The lead word of a chart's source note, with its colon: "Source:".
    case sourceLead
    /// The slice or series that sums the rest.
    case other
    /// The word over the total in a donut's hole.
    case donutTotal
    /// The labels of a reference block.
    case referenceNumber
    case referenceDate
    case referenceAttachments
    /// Between the items of a list written out in a sentence (an activity's tags).
    case listSeparator

    // MARK: - Dates
    /// A Gregorian date (or year) with its era mark, where the language marks one.
    case gregorianEra(String)
    /// A Hijri date with its era mark.
    case hijriEra(String)
    /// A Gregorian date with the Hijri date it falls on.
    case dualDate(gregorian: String, hijri: String)

    // MARK: - Charts told in words
    /// What a reader hears first: the kind of chart.
    case chartName(ChartName)
    /// The kind followed by the chart's title.
    case titledChart(name: String, title: String)
    /// The sentences of a chart's description made one text.
    case chartDescription([String])
    /// How many categories, the first and the last.
    case categoryExtent(Count, CountedNoun, first: String, last: String)
    /// How many series, and their names.
    case seriesNames(Count, CountedNoun, names: [String])
    /// The highest category: what is measured, where, the value; `activities` when it counts activities, `inYear`
    /// when the categories are years.
    case highest(ChartMeasure, category: String, inYear: Bool, value: String, activities: Count?)
    case lowest(category: String, value: String)
    /// From the first value to the last, along ordered categories.
    case trend(from: String, firstCategory: String, to: String, lastCategory: String)
    case largestSeries(String, amount: String)
    case total(String)
    /// A donut's slices: how many, and each as `share`.
    case shares(Count, [String])
    case share(category: String, percent: String)
    /// A timeline's events: how many, the first date and the last.
    case eventExtent(Count, first: String, last: String)
    case event(date: String, text: String)
    /// The events left out of a long description.
    case moreEvents(Count)
}

/// The kinds of chart, as their descriptions name them.
public enum ChartName: Hashable, Sendable, CaseIterable {
    case bar, groupedBar, stackedBar, horizontalBar, line, area, donut, timeline, sparkline
}

/// The things a chart's description counts.
public enum CountedNoun: Hashable, Sendable, CaseIterable {
    case year, month, category, value, series, share, event
}

/// What a chart's highest category is highest in.
public enum ChartMeasure: Hashable, Sendable, CaseIterable {
    /// The sum of several series.
    case total
    /// The count of a dataset's activities.
    case count
    /// A value written in the report.
    case value
}
