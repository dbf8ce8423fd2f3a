// Bind: a report and its template become a document — placeholders filled, markup parsed, numbers and
// dates written in the document's numerals, charts given their counts.
import Foundation
import MawjazData
import MawjazFrame

/// Binds reports into documents, collecting every problem before it stops.
public struct Binder {
    let report: Report
    let template: Template
    let resolver: PlaceholderResolver
    let numerals: Numerals
    let dates: DateWriter
    var log = DiagnosticLog()
    private var headingCounters: [Int] = []
    private var anchors = Set<String>()

    /// Binds `report` with `template`; throws every error found, in order.
    public static func bind(_ report: Report, template: Template) throws(DataError) -> Document {
        var binder = Binder(report: report, template: template)
        let blocks = binder.bind(report.body)
        let title = binder.plain(report.title, at: SourceLocation(file: report.file), field: "title")
        let subtitle = report.subtitle.map { binder.plain($0, at: SourceLocation(file: report.file), field: "subtitle") }
        try binder.log.throwIfErrors()
        return Document(title: title, subtitle: subtitle, dateText: binder.dates.format(report.date), date: report.date,
                        classification: report.classification, author: report.author, subject: report.subject,
                        keywords: report.keywords, settings: report.settings, template: template, blocks: blocks,
                        sourceFile: report.file)
    }

    private init(report: Report, template: Template) {
        self.report = report
        self.template = template
        resolver = PlaceholderResolver(report: report)
        numerals = Numerals(report.settings.numerals)
        dates = DateWriter(language: report.settings.language, numerals: report.settings.numerals,
                           style: report.settings.dateStyle, monthNames: report.settings.monthNames)
    }

    // MARK: - Text

    /// Text with markup parsed and placeholders filled; a placeholder's value is inserted as plain text.
    mutating func rich(_ text: String, at location: SourceLocation, field: String) -> RichText {
        InlineMarkup.parse(text).map { piece in
            var piece = piece
            piece.text = fill(piece.text, at: location, field: field)
            if piece.link == nil, report.settings.convertDigits { piece.text = numerals.convertDigits(in: piece.text) }
            return piece
        }
    }

    /// Text with placeholders filled, no markup.
    mutating func plain(_ text: String, at location: SourceLocation, field: String) -> String {
        let filled = fill(text, at: location, field: field)
        return report.settings.convertDigits ? numerals.convertDigits(in: filled) : filled
    }

    /// Replaces every `{{name}}` in `text` by its value; unknown names are reported.
    mutating func fill(_ text: String, at location: SourceLocation, field: String) -> String {
        guard Self.mayHoldPlaceholder(text) else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                log.error(location, field: field, "a placeholder opened with {{ is not closed with }}")
                return result + rest[open.lowerBound...]
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            switch resolver.value(of: name) {
            case .success(let value): result += resolver.text(of: value)
            case .failure(let problem): log.error(location, field: field, "{{\(name)}}: \(problem.message)")
            }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// Whether `text` holds "{{" (a byte scan: most text has no placeholder, and Arabic makes String search slow).
    static func mayHoldPlaceholder(_ text: String) -> Bool {
        var previousBrace = false
        for byte in text.utf8 {
            if byte == 0x7B { if previousBrace { return true }; previousBrace = true } else { previousBrace = false }
        }
        return false
    }

    /// A figure written alone ("2012", "+200", "45%", "1,250") in the document's numerals; nil for other text.
    static func figure(_ text: String, numerals: Numerals) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var scalars = Digits.toASCII(trimmed).unicodeScalars[...]
        if let sign = scalars.first, "+-−".unicodeScalars.contains(sign) { scalars = scalars.dropFirst() }
        if let suffix = scalars.last, "%٪+".unicodeScalars.contains(suffix) { scalars = scalars.dropLast() }
        guard let first = scalars.first, ("0"..."9").contains(first),
              scalars.allSatisfy({ ("0"..."9").contains($0) || ",.٬".unicodeScalars.contains($0) }) else { return nil }
        return numerals.convertDigits(in: trimmed)
    }

    // MARK: - Blocks

    mutating func bind(_ blocks: [ReportBlock]) -> [Block] {
        blocks.compactMap { bind($0) }
    }

    private mutating func bind(_ block: ReportBlock) -> Block? {
        let direction = report.settings.language.direction
        switch block {
        case .heading(let spec):
            let level = spec.level
            headingCounters = Array(headingCounters.prefix(level))
            while headingCounters.count < level { headingCounters.append(0) }
            headingCounters[level - 1] += 1
            let numbered = spec.numbered ?? template.numberedHeadings
            let text = rich(spec.text, at: spec.location, field: "heading")
            return .heading(Heading(text: text, level: level, number: numbered ? numerals.sectionNumber(headingCounters) : nil,
                                    anchor: anchor(for: headingCounters), direction: spec.direction ?? direction, source: spec.location))
        case .paragraph(let spec):
            let justify = spec.justify ?? report.settings.justify
            let alignment = spec.align ?? (justify == .none ? .start : .justify)
            return .paragraph(Paragraph(text: rich(spec.text, at: spec.location, field: "paragraph"), direction: spec.direction ?? direction,
                                        alignment: alignment, justify: justify, role: .body, source: spec.location))
        case .facts(let spec):
            let items = spec.items.map { item in
                let value = plain(item.value, at: spec.location, field: "facts.value")
                return FactsBox.Item(value: Self.figure(value, numerals: numerals) ?? value,
                                     label: plain(item.label, at: spec.location, field: "facts.label"),
                                     sparkline: item.sparkline.flatMap { chart($0) })
            }
            return .facts(FactsBox(title: spec.title.map { plain($0, at: spec.location, field: "facts.title") }, items: items,
                                   columns: spec.columns, source: spec.location))
        case .table(let spec):
            return bindTable(spec)
        case .chart(let spec):
            return bindChart(spec)
        case .timeline(let spec):
            let events = spec.events.map { event in
                Timeline.Event(date: dateLabel(event.date, at: spec.location),
                               text: rich(event.text, at: spec.location, field: "timeline.text"))
            }
            return .timeline(Timeline(title: spec.title.map { plain($0, at: spec.location, field: "timeline.title") }, events: events,
                                      direction: direction, source: spec.location))
        case .list(let spec):
            return .list(bindList(spec, depth: 0, direction: spec.direction ?? direction))
        case .note(let spec):
            return .note(Note(title: spec.title.map { plain($0, at: spec.location, field: "note.title") },
                              text: rich(spec.text, at: spec.location, field: "note.text"),
                              direction: spec.direction ?? direction, source: spec.location))
        case .image(let spec):
            return bindImage(spec)
        case .signature(let spec):
            return .signature(Signature(name: plain(spec.name, at: spec.location, field: "signature.name"),
                                        title: spec.title.map { plain($0, at: spec.location, field: "signature.title") },
                                        organisation: spec.organisation.map { plain($0, at: spec.location, field: "signature.organisation") },
                                        stamp: spec.stamp, source: spec.location))
        case .spacer(let height, _): return .spacer(height)
        case .rule: return .rule
        case .columns(let spec): return .columns(ColumnSet(count: spec.count, blocks: bind(spec.blocks), source: spec.location))
        case .pageBreak: return .pageBreak
        }
    }

    private mutating func anchor(for counters: [Int]) -> String {
        var name = "section-" + counters.map(String.init).joined(separator: "-")
        var suffix = 2
        while anchors.contains(name) { name = "section-\(counters.map(String.init).joined(separator: "-"))-\(suffix)"; suffix += 1 }
        anchors.insert(name)
        return name
    }

    /// A date as the author wrote it: a real date is written in the document's style, other text as it is.
    mutating func dateLabel(_ text: String, at location: SourceLocation) -> String {
        let filled = fill(text, at: location, field: "date")
        if case .success(let date) = CalendarDate.parse(filled) {
            return date.month == nil ? numerals.year(date.year) : dates.format(date)
        }
        return report.settings.convertDigits ? numerals.convertDigits(in: filled) : filled
    }

    private mutating func bindList(_ spec: ListSpec, depth: Int, direction: Direction) -> ListBlock {
        let bullets = ["•", "–", "·"]
        let items = spec.items.enumerated().map { index, item in
            ListBlock.Item(marker: spec.ordered ? numerals.format(index + 1) + "." : bullets[depth % bullets.count],
                           text: rich(item.text, at: spec.location, field: "list"),
                           children: item.children.map { bindList($0, depth: depth + 1, direction: direction) })
        }
        return ListBlock(items: items, direction: direction, source: spec.location)
    }

    private mutating func bindTable(_ spec: TableSpec) -> Block {
        let columns = spec.columns.map { column in
            Table.Column(title: plain(column.title, at: spec.location, field: "table.columns"), width: column.width,
                         alignment: column.align ?? .start)
        }
        var rows: [[Table.Cell]] = spec.rows.map { row in row.map { cell in bindCell(cell.text, span: cell.span, at: spec.location) } }
        if let source = spec.rowsFrom, let log = report.datasets[source.dataset] {
            for activity in log.activities(matching: source.filter) {
                rows.append(source.cells.map { template in activityCell(template, activity, at: source.location) })
            }
        }
        return .table(Table(title: spec.title.map { plain($0, at: spec.location, field: "table.title") },
                            caption: spec.caption.map { plain($0, at: spec.location, field: "table.caption") },
                            columns: columns, rows: rows, zebra: spec.zebra, borders: spec.borders,
                            direction: spec.direction ?? report.settings.language.direction, source: spec.location))
    }

    private mutating func bindCell(_ text: String, span: Int, at location: SourceLocation) -> Table.Cell {
        let filled = fill(text, at: location, field: "table.rows")
        if let figure = Self.figure(filled, numerals: numerals) {
            return Table.Cell(text: [Inline(figure)], span: span, isFigure: true)
        }
        return Table.Cell(text: rich(filled, at: location, field: "table.rows"), span: span, isFigure: false)
    }

    /// A cell of a row drawn from a dataset: the template's markup parsed first, then its fields (`{{date}}`,
    /// `{{year}}`, `{{category}}`, `{{title}}`, `{{location}}`, `{{partner}}`, `{{participants}}`, `{{tags}}`)
    /// filled from the activity as plain text, so data can never become markup.
    private mutating func activityCell(_ template: String, _ activity: Activity, at location: SourceLocation) -> Table.Cell {
        let fields: [(String, String)] = [
            ("date", activity.date.month == nil ? numerals.year(activity.date.year) : dates.format(activity.date)),
            ("year", numerals.year(activity.date.year)), ("category", activity.category), ("title", activity.title),
            ("location", activity.location ?? ""), ("partner", activity.partner ?? ""),
            ("participants", activity.participants.map { numerals.format($0) } ?? ""), ("tags", activity.tags.joined(separator: "، ")),
        ]
        let pieces = InlineMarkup.parse(template).map { piece in
            var piece = piece
            var text = ""
            var rest = Substring(piece.text)
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                text += rest[..<open.lowerBound]
                let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let value = fields.first(where: { $0.0 == name })?.1 {
                    text += value
                } else {
                    text += fill("{{\(name)}}", at: location, field: "table.rows-from.cells")
                }
                rest = rest[close.upperBound...]
            }
            piece.text = text + rest
            return piece
        }
        let isFigure = pieces.count == 1 && Self.figure(pieces[0].text, numerals: numerals) != nil
        return Table.Cell(text: pieces, span: 1, isFigure: isFigure)
    }
}
