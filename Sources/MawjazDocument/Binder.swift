// Bind: a report and its template become a document — placeholders filled, markup parsed, numbers and
// dates written in the document's numerals, charts given their counts.
import Foundation
import MawjazData
import MawjazFrame
import MawjazLanguage

/// Binds reports into documents, collecting every problem before it stops.
package struct Binder {
    let report: Report
    let template: Template
    let resolver: PlaceholderResolver
    let numerals: Numerals
    let dates: DateWriter
    var log = DiagnosticLog()
    /// What expanding placeholders and sections may still spend, over the whole report.
    var expansion: ExpansionBudget
    /// Names bound by the `for-each` blocks around the one being bound, innermost last.
    var scopes: [[String: String]] = []
    private var headingCounters: [Int] = []
    private var anchors = Set<String>()

    /// Datasets the report declared but whose files had errors of their own: placeholders naming them are not
    /// reported again.
    var unavailable: Set<String> = []
    /// Asked before each block and each row drawn from a dataset is bound: once raised, binding ends where it is
    /// (the document is then incomplete, and the one who raised it discards it).
    var stop = StopSignal.never
    /// Whether `stop` was found raised: nothing more is bound.
    private(set) var stopped = false

    /// Binds `report` with `template`; throws every error found, in order.
    package static func bind(_ report: Report, template: Template) throws(DataError) -> Document {
        let (document, diagnostics) = bindAll(report, template: template)
        var log = DiagnosticLog()
        log.append(contentsOf: diagnostics)
        try log.throwIfErrors()
        return document
    }

    /// Binds `report` with `template` without stopping at errors: the document (a placeholder that names
    /// nothing left as written, a missing image left out) and every problem found. Placeholders naming a dataset
    /// in `unavailable` (declared, but its file had errors) are not reported.
    package static func bindAll(_ report: Report, template: Template, unavailable: Set<String> = [], stop: StopSignal = .never)
        -> (document: Document, diagnostics: [Diagnostic]) {
        var binder = Binder(report: report, template: template)
        binder.unavailable = unavailable
        binder.stop = stop
        let blocks = Self.fillingContents(binder.bind(report.body))
        let title = binder.plain(report.title, at: SourceLocation(file: report.file), field: "title")
        let subtitle = report.subtitle.map { binder.plain($0, at: SourceLocation(file: report.file), field: "subtitle") }
        for (picture, source, field) in [(template.letterhead?.logo, template.letterhead?.logoSource, "letterhead.logo"),
                                         (template.letterhead?.image, template.letterhead?.imageSource, "letterhead.image")] {
            if let picture, let (_, size) = ImageBox.inspect(picture), let problem = pixelProblem(size, limits: report.limits) {
                binder.log.error(source ?? SourceLocation(file: report.file), field: field, problem)
            }
        }
        // The running head's and foot's own text is the author's too: its digits follow the numerals, as the body's do
        // (its placeholders, `{page}` and the like, are filled page by page in the numerals already).
        var template = template
        if report.settings.convertDigits {
            for running in [\Template.header, \Template.footer] {
                for slot in [\RunningText.start, \RunningText.center, \RunningText.end] {
                    template[keyPath: running][keyPath: slot] = binder.numerals.convertDigits(in: template[keyPath: running][keyPath: slot])
                }
            }
            // So does a letterhead's Arabic name (`ص.ب 4521` stood above `ص.ب ٤٥٢١` in the signature); its English name is
            // the letterhead's Latin side, and keeps the digits typed.
            if let arabic = template.letterhead?.arabic { template.letterhead?.arabic = binder.numerals.convertDigits(in: arabic) }
        }
        var document = Document(title: title, subtitle: subtitle, dateText: binder.dates.format(report.date), date: report.date,
                                classification: report.classification, author: report.author, subject: report.subject,
                                keywords: report.keywords, settings: report.settings, template: template, blocks: blocks,
                                sourceFile: report.file, attachment: report.attachment)
        document.limits = report.limits
        return (document, binder.log.diagnostics)
    }

    /// The blocks with every table of contents listing the document's headings, in order, to its depth.
    static func fillingContents(_ blocks: [Block]) -> [Block] {
        func headings(_ blocks: [Block]) -> [Heading] {
            blocks.flatMap { block -> [Heading] in
                switch block {
                case .heading(let heading): return [heading]
                case .columns(let set): return headings(set.blocks)
                case .paragraph, .facts, .table, .chart, .timeline, .list, .note, .figure, .signature, .spacer, .rule, .contents,
                     .reference, .pageBreak:
                    return []
                }
            }
        }
        let all = headings(blocks)
        return blocks.map { block in
            guard case .contents(var contents) = block else { return block }
            contents.entries = all.filter { $0.level <= contents.levels }.map { heading in
                Contents.Entry(anchor: heading.anchor, title: (heading.number.map { $0 + " " } ?? "") + heading.text.plainText,
                               level: heading.level)
            }
            return .contents(contents)
        }
    }

    private init(report: Report, template: Template) {
        self.report = report
        self.template = template
        resolver = PlaceholderResolver(report: report)
        expansion = ExpansionBudget(limits: report.limits)
        scopes = report.variables.isEmpty ? [] : [report.variables]
        numerals = Numerals(report.settings.numerals)
        dates = DateWriter(language: report.settings.language, numerals: report.settings.numerals,
                           style: report.settings.dateStyle, monthNames: report.settings.monthNames)
    }

    // MARK: - Text

    /// Text with placeholders filled and then markup parsed; values are escaped, so they stay plain text.
    mutating func rich(_ text: String, at location: SourceLocation, field: String) -> RichText {
        InlineMarkup.parse(fill(text, at: location, field: field, escapingMarkup: true)).map { piece in
            var piece = piece
            if piece.link == nil, report.settings.convertDigits { piece.text = numerals.convertDigits(in: piece.text) }
            return piece
        }
    }

    /// Text with placeholders filled, no markup.
    mutating func plain(_ text: String, at location: SourceLocation, field: String) -> String {
        let filled = fill(text, at: location, field: field, escapingMarkup: false)
        return report.settings.convertDigits ? numerals.convertDigits(in: filled) : filled
    }

    /// Expands the placeholders and sections of `text`; names that stand for nothing are reported, and so is the
    /// first text that passes the report's expansion limits (the texts after it are left as they are).
    mutating func fill(_ text: String, at location: SourceLocation, field: String, escapingMarkup: Bool) -> String {
        guard TextTemplate.mayHoldPlaceholder(text), expansion.exceeded == nil else { return text }
        let template: TextTemplate
        do { template = try TextTemplate(parsing: text, depthLimit: report.limits.sectionDepth) } catch {
            log.error(location, field: field, error.message)
            return text
        }
        var problems: [Message] = []
        let scopes = self.scopes
        let resolver = self.resolver
        let unavailable = self.unavailable
        let rendered = template.render(resolve: { name, fields in
            for scope in scopes.reversed() { if let value = scope[name] { return .text(value) } }
            if let items = resolver.list(named: name) { return .list(items) }
            switch resolver.value(of: name) {
            case .success(let value): return .text(resolver.text(of: value))
            case .failure(let problem):
                let parts = name.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
                if unavailable.contains(parts[0]) {
                    // The dataset's file had errors: only a field no dataset has is worth saying now.
                    if parts.count > 1, !PlaceholderResolver.datasetFields.contains(parts[1]) {
                        let unknown = Message.noDatasetField(Message.excerpt(parts[1]), suggestion: Suggestion.closest(to: parts[1], among: PlaceholderResolver.datasetFields))
                        problems.append(.placeholder(Message.excerpt(name), unknown, suggestion: nil))
                    }
                    return nil
                }
                let known = fields.union(scopes.flatMap(\.keys)).sorted()
                problems.append(.placeholder(Message.excerpt(name), problem.message, suggestion: Suggestion.closest(to: name, among: known)))
                return nil
            }
        }, escape: escapingMarkup ? MarkupEscaping.escape : { $0 }, budget: &expansion)
        for problem in problems { log.error(location, field: field, problem) }
        guard let rendered else {
            log.error(location, field: field, expansion.exceeded ?? .expansionPastLimit(name: Limits.Name.expansionSteps.rawValue,
                                                                                         limit: report.limits.expansionSteps))
            return text
        }
        return rendered
    }

    /// A figure written alone ("2012", "+200", "45%", "1,250"): in the document's numerals when `converting`, else as
    /// typed (spaces around it trimmed); nil for other text.
    static func figure(_ text: String, numerals: Numerals, converting: Bool) -> String? {
        let trimmed = text.trimmingSpaces()
        var scalars = Digits.toASCII(trimmed).unicodeScalars[...]
        if let sign = scalars.first, "+-−".unicodeScalars.contains(sign) { scalars = scalars.dropFirst() }
        if let suffix = scalars.last, "%٪+".unicodeScalars.contains(suffix) { scalars = scalars.dropLast() }
        guard let first = scalars.first, ("0"..."9").contains(first),
              scalars.allSatisfy({ ("0"..."9").contains($0) || ",.٬".unicodeScalars.contains($0) }) else { return nil }
        return converting ? numerals.convertDigits(in: trimmed) : trimmed
    }

    /// A figure in brackets, as official tables write a negative amount or a share beside a count ("(78%)", "(-12)",
    /// "(1,250)", "(٧٨٪)"): the figure as `figure` writes it, in its brackets; nil for other text, and for a figure with
    /// spaces inside its brackets.
    static func bracketedFigure(_ text: String, numerals: Numerals, converting: Bool) -> String? {
        let trimmed = text.trimmingSpaces()
        guard trimmed.count > 2, trimmed.first == "(", trimmed.last == ")" else { return nil }
        let inner = String(trimmed.dropFirst().dropLast())
        guard inner.trimmingSpaces() == inner, let figure = figure(inner, numerals: numerals, converting: converting) else { return nil }
        return "(" + figure + ")"
    }

    // MARK: - Blocks

    mutating func bind(_ blocks: [ReportBlock]) -> [Block] {
        var bound: [Block] = []
        for block in blocks where !isStopped() { bound += bind(block) }
        return bound
    }

    /// Whether to bind nothing more: `stop` raised now or before.
    private mutating func isStopped() -> Bool {
        if !stopped, stop.isRaised { stopped = true }
        return stopped
    }

    /// The blocks of a `for-each`, once per category or year, with its names in scope.
    private mutating func repeatBlocks(_ spec: ForEachSpec) -> [Block] {
        guard let log = report.datasets[spec.dataset] else { return [] }
        let total = max(1, log.activities(matching: spec.filter).count)
        let groups: [[String: String]]
        switch spec.by {
        case .year:
            groups = log.countsByYear(spec.filter).map { ["year": numerals.year($0.key), "count": numerals.format($0.count),
                                                          "share": numerals.percent(Double($0.count) * 100 / Double(total))] }
        default:
            groups = log.countsByCategory(spec.filter).map { ["category": $0.key, "count": numerals.format($0.count),
                                                              "share": numerals.percent(Double($0.count) * 100 / Double(total))] }
        }
        var blocks: [Block] = []
        for group in groups where !isStopped() {
            scopes.append(group)
            blocks += bind(spec.blocks)
            scopes.removeLast()
        }
        return blocks
    }

    private mutating func bind(_ block: ReportBlock) -> [Block] {
        let direction = report.settings.language.direction
        switch block {
        case .heading(let spec):
            let level = spec.level
            headingCounters = Array(headingCounters.prefix(level))
            while headingCounters.count < level { headingCounters.append(0) }
            headingCounters[level - 1] += 1
            let numbered = spec.numbered ?? template.numberedHeadings
            let text = rich(spec.text, at: spec.location, field: "heading")
            return [.heading(Heading(text: text, level: level, number: numbered ? numerals.sectionNumber(headingCounters) : nil,
                                    anchor: anchor(for: headingCounters), direction: spec.direction ?? direction, source: spec.location))]
        case .paragraph(let spec):
            let justify = spec.justify ?? report.settings.justify
            let alignment = spec.align ?? (justify == .none ? .start : .justify)
            let text = rich(spec.text, at: spec.location, field: "paragraph")
            // A paragraph given no direction in a right-to-left report takes its own when it holds left-to-right letters
            // only (an English sentence), as a `direction: ltr` would give it.
            return [.paragraph(Paragraph(text: text, direction: spec.direction ?? direction.ownDirection(of: text.plainText),
                                        alignment: alignment, justify: justify, role: .body, source: spec.location))]
        case .facts(let spec):
            let items = spec.items.map { item in
                let value = plain(item.value, at: spec.location, field: "facts.value")
                let figure = Self.figure(value, numerals: numerals, converting: report.settings.convertDigits) ?? value
                // The unit after the value, a space apart, as `{{facts.KEY}}` puts it (it was read and never drawn).
                let unit = item.unit.map { " " + plain($0, at: spec.location, field: "facts.unit") } ?? ""
                return FactsBox.Item(value: figure + unit,
                                     label: plain(item.label, at: spec.location, field: "facts.label"),
                                     sparkline: item.sparkline.flatMap { chart($0) },
                                     source: item.source.map { plain($0, at: spec.location, field: "facts.source") })
            }
            return [.facts(FactsBox(title: spec.title.map { plain($0, at: spec.location, field: "facts.title") }, items: items,
                                   columns: spec.columns, source: spec.location))]
        case .table(let spec):
            return [bindTable(spec)]
        case .chart(let spec):
            return bindChart(spec).map { [$0] } ?? []
        case .timeline(let spec):
            let events = spec.events.map { event in
                Timeline.Event(date: dateLabel(event.date, at: spec.location),
                               text: rich(event.text, at: spec.location, field: "timeline.text"))
            }
            return [.timeline(Timeline(title: spec.title.map { plain($0, at: spec.location, field: "timeline.title") }, events: events,
                                      direction: direction, source: spec.location))]
        case .list(let spec):
            return [.list(bindList(spec, depth: 0, direction: spec.direction ?? direction))]
        case .note(let spec):
            return [.note(Note(title: spec.title.map { plain($0, at: spec.location, field: "note.title") },
                              text: rich(spec.text, at: spec.location, field: "note.text"),
                              direction: spec.direction ?? direction, source: spec.location))]
        case .image(let spec):
            return bindImage(spec).map { [$0] } ?? []
        case .signature(let spec):
            return [.signature(Signature(name: plain(spec.name, at: spec.location, field: "signature.name"),
                                        title: spec.title.map { plain($0, at: spec.location, field: "signature.title") },
                                        organisation: spec.organisation.map { plain($0, at: spec.location, field: "signature.organisation") },
                                        stamp: spec.stamp, source: spec.location))]
        case .spacer(let height, _): return [.spacer(height)]
        case .rule: return [.rule]
        case .columns(let spec): return [.columns(ColumnSet(count: spec.count, blocks: bind(spec.blocks), source: spec.location))]
        case .forEach(let spec): return repeatBlocks(spec)
        case .contents(let spec):
            return [.contents(Contents(title: spec.title.map { plain($0, at: spec.location, field: "contents.title") },
                                       levels: spec.levels, entries: [], source: spec.location))]
        case .reference(let spec):
            let words = report.settings.language.table
            let writer = DateWriter(language: report.settings.language, numerals: report.settings.numerals, style: .dual,
                                    monthNames: report.settings.monthNames)
            var lines = [(words.text(.referenceNumber), plain(spec.number, at: spec.location, field: "reference.number")),
                         (words.text(.referenceDate), writer.format(spec.date ?? report.date))]
            if let attachments = spec.attachments {
                lines.append((words.text(.referenceAttachments), plain(attachments, at: spec.location, field: "reference.attachments")))
            }
            return [.reference(Reference(lines: lines, source: spec.location))]
        case .pageBreak: return [.pageBreak]
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
        let filled = fill(text, at: location, field: "date", escapingMarkup: false)
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
        // The rows are counted before any is bound: past the table-rows limit, none is.
        var drawn: [Activity] = []
        if let source = spec.rowsFrom, let log = report.datasets[source.dataset] {
            var filter = source.filter
            filter.categories = filter.categories?.map { plain($0, at: source.location, field: "table.rows-from.categories") }
            drawn = log.activities(matching: filter)
        }
        var rows: [[Table.Cell]] = []
        let count = spec.rows.count + drawn.count
        if count > report.limits.tableRows {
            let (place, field) = drawn.isEmpty ? (spec.location, "table.rows") : (spec.rowsFrom?.location ?? spec.location, "table.rows-from")
            log.error(place, field: field, .tooManyTableRows(rows: count, limit: report.limits.tableRows))
        } else {
            rows = spec.rows.map { row in row.map { cell in bindCell(cell.text, span: cell.span, at: spec.location) } }
            if let source = spec.rowsFrom {
                for activity in drawn where !isStopped() {
                    rows.append(source.cells.map { template in activityCell(template, activity, at: source.location) })
                }
            }
        }
        return .table(Table(title: spec.title.map { plain($0, at: spec.location, field: "table.title") },
                            caption: spec.caption.map { plain($0, at: spec.location, field: "table.caption") },
                            columns: columns, rows: rows, zebra: spec.zebra, borders: spec.borders,
                            direction: spec.direction ?? report.settings.language.direction, source: spec.location))
    }

    private mutating func bindCell(_ text: String, span: Int, at location: SourceLocation) -> Table.Cell {
        let cell = rich(text, at: location, field: "table.rows")
        let converting = report.settings.convertDigits
        if cell.count <= 1, let figure = Self.figure(cell.plainText, numerals: numerals, converting: converting)
            ?? Self.bracketedFigure(cell.plainText, numerals: numerals, converting: converting) {
            return Table.Cell(text: [Inline(figure, bold: cell.first?.bold ?? false)], span: span, isFigure: true)
        }
        return Table.Cell(text: cell, span: span, isFigure: false)
    }

    /// A cell of a row drawn from a dataset: the cell's template with the activity's fields (`{{date}}`, `{{year}}`,
    /// `{{category}}`, `{{title}}`, `{{location}}`, `{{partner}}`, `{{participants}}`, `{{tags}}`) as names.
    private mutating func activityCell(_ template: String, _ activity: Activity, at location: SourceLocation) -> Table.Cell {
        scopes.append(resolver.fields(of: activity))
        defer { scopes.removeLast() }
        return bindCell(template, span: 1, at: location)
    }
}
