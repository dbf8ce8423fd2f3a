// Reads table and chart blocks: columns, rows, rows drawn from a dataset, and a chart's binding to its data.
import MawjazFrame
import MawjazLanguage

extension ReportLoader {
    mutating func readTable(_ options: [String: LocatedNode], at node: LocatedNode) -> TableSpec? {
        guard let columnsNode = options["columns"] else { reader.missing("columns", in: node); return nil }
        guard let columnItems = reader.sequence(columnsNode) else { return nil }
        let columns = columnItems.compactMap { item -> TableSpec.Column? in
            if item.isScalar { return reader.string(item).map { TableSpec.Column($0) } }
            guard let pairs = reader.mapping(item, allowedKeys: ["title", "width", "align"]) else { return nil }
            let map = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            guard let titleNode = map["title"] else { reader.missing("title", in: item); return nil }
            guard let title = reader.string(titleNode) else { return nil }
            return TableSpec.Column(title, width: map["width"].flatMap { readWidth($0) } ?? .auto,
                                    align: map["align"].flatMap { reader.choice($0, as: Alignment.self) })
        }
        guard columns.count == columnItems.count, !columns.isEmpty else {
            if columnItems.isEmpty { reader.log.error(columnsNode.location, field: columnsNode.path, .tableNeedsColumn) }
            return nil
        }
        var rows: [[TableSpec.Cell]] = []
        if let rowsNode = options["rows"], let rowItems = reader.sequence(rowsNode) {
            for rowNode in rowItems {
                guard let cellNodes = reader.sequence(rowNode) else { continue }
                var cells: [TableSpec.Cell] = []
                for cellNode in cellNodes {
                    if cellNode.isMapping, let pairs = reader.mapping(cellNode, allowedKeys: ["text", "span"]) {
                        let map = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
                        let text = map["text"].flatMap { reader.string($0, allowEmpty: true) } ?? ""
                        let span = map["span"].flatMap { reader.integer($0, in: 1...columns.count) } ?? 1
                        cells.append(TableSpec.Cell(text, span: span))
                    } else if let text = reader.string(cellNode, allowEmpty: true) {
                        cells.append(TableSpec.Cell(text))
                    }
                }
                let width = cells.reduce(0) { $0 + $1.span }
                if width != columns.count {
                    reader.log.error(rowNode.location, field: rowNode.path, .rowCellCount(width, columns: columns.count))
                    continue
                }
                rows.append(cells)
            }
        }
        var rowsFrom: TableSpec.RowSource?
        if let sourceNode = options["rows-from"], let pairs = reader.mapping(sourceNode, allowedKeys: ["data", "cells", "from", "to", "categories"]) {
            let map = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            let dataset = required("data", in: sourceNode, map).flatMap { reader.string($0) }
            let cells = required("cells", in: sourceNode, map).flatMap { reader.strings($0) }
            if let dataset, let cells {
                if cells.count != columns.count, let cellsNode = map["cells"] {
                    reader.log.error(cellsNode.location, field: cellsNode.path, .cellsForColumns(cells.count, columns: columns.count))
                } else {
                    rowsFrom = TableSpec.RowSource(dataset: dataset, cells: cells, filter: readFilter(map), location: sourceNode.location)
                }
            }
        }
        if options["rows"] == nil && options["rows-from"] == nil { reader.missing("rows", in: node) }
        return TableSpec(title: options["title"].flatMap { reader.string($0) }, caption: options["caption"].flatMap { reader.string($0) },
                         columns: columns, rows: rows, rowsFrom: rowsFrom,
                         zebra: options["zebra"].flatMap { reader.boolean($0) } ?? true,
                         borders: options["borders"].flatMap { reader.boolean($0) } ?? true,
                         direction: options["direction"].flatMap { reader.choice($0, as: Direction.self) }, location: node.location)
    }

    mutating func readFilter(_ map: [String: LocatedNode]) -> ActivityFilter {
        ActivityFilter(from: map["from"].flatMap { reader.date($0) }, to: map["to"].flatMap { reader.date($0) },
                       categories: map["categories"].flatMap { reader.strings($0) })
    }

    mutating func readChart(_ options: [String: LocatedNode], at node: LocatedNode) -> ChartSpec? {
        guard let kindNode = options["type"] else { reader.missing("type", in: node); return nil }
        guard let kind = reader.choice(kindNode, as: ChartKind.self) else { return nil }
        return readChart(kind, options, at: node)
    }

    /// A facts item's `sparkline: {data: activities, by: year}`: a chart of kind sparkline, without `type`.
    mutating func readSparkline(_ node: LocatedNode) -> ChartSpec? {
        let keys = BlockKind.chart.options.filter { $0 != "type" }
        guard let pairs = reader.mapping(node, allowedKeys: keys) else { return nil }
        return readChart(.sparkline, Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }), at: node)
    }

    private mutating func readChart(_ kind: ChartKind, _ options: [String: LocatedNode], at node: LocatedNode) -> ChartSpec? {
        let values = options["values"].map { readChartValues($0) } ?? []
        let events = options["events"].map { readChartEvents($0) } ?? []
        let dataset = options["data"].flatMap { reader.string($0) }
        if let eventsNode = options["events"], kind != .timeline {
            reader.log.error(eventsNode.location, field: eventsNode.path, .eventsOnlyOnTimeline(kind: kind.rawValue))
        }
        if let valuesNode = options["values"], kind == .timeline {
            reader.log.error(valuesNode.location, field: valuesNode.path, .timelineHasNoValues)
        }
        let sources = [options["data"], kind == .timeline ? options["events"] : options["values"]].compactMap { $0 }
        if sources.isEmpty {
            reader.log.error(node.location, field: node.path, kind == .timeline ? .timelineNeedsData : .chartNeedsData)
        } else if sources.count > 1, let second = sources.last {
            reader.log.error(second.location, field: second.path, .dataAndValues(other: kind == .timeline ? "events" : "values"))
        }
        var domain: ClosedRange<Double>?
        if let domainNode = options["domain"], let bounds = reader.sequence(domainNode) {
            let numbers = bounds.compactMap { reader.number($0, in: -1e12...1e12) }
            if numbers.count == 2, numbers[0] < numbers[1] { domain = numbers[0]...numbers[1] } else if numbers.count == bounds.count {
                reader.log.error(domainNode.location, field: domainNode.path, .domainShape)
            }
        }
        return ChartSpec(kind: kind, dataset: dataset, by: options["by"].flatMap { reader.choice($0, as: ChartGrouping.self) } ?? .year,
                         series: options["series"].flatMap { reader.choice($0, as: ChartGrouping.self) },
                         filter: readFilter(options), top: options["top"].flatMap { reader.integer($0, in: 1...50) },
                         values: values, events: events, percent: options["percent"].flatMap { reader.boolean($0) } ?? false,
                         seriesNames: options["series-names"].flatMap { reader.strings($0) } ?? [],
                         title: options["title"].flatMap { reader.string($0) }, caption: options["caption"].flatMap { reader.string($0) },
                         source: options["source"].flatMap { reader.string($0) }, domain: domain,
                         height: options["height"].flatMap { reader.number($0, in: kind == .sparkline ? 8...800 : 40...800) },
                         valueLabels: options["labels"].flatMap { reader.boolean($0) } ?? true,
                         alternativeText: options["alt"].flatMap { reader.string($0) }, location: node.location)
    }

    /// Inline values: `[{label, value}]`, or `[{label, values: [...]}]` for several series.
    private mutating func readChartValues(_ node: LocatedNode) -> [ChartSpec.Value] {
        guard let items = reader.sequence(node) else { return [] }
        var values: [ChartSpec.Value] = []
        for item in items {
            guard let pairs = reader.mapping(item, allowedKeys: ["label", "value", "values"]) else { continue }
            let map = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            guard let labelNode = map["label"] else { reader.missing("label", in: item); continue }
            guard let label = reader.string(labelNode) else { continue }
            if let one = map["value"] {
                if let number = reader.number(one, in: -1e12...1e12) { values.append(.init(label: label, values: [number])) }
            } else if let many = map["values"], let numbers = reader.sequence(many) {
                let parsed = numbers.compactMap { reader.number($0, in: -1e12...1e12) }
                if parsed.count == numbers.count { values.append(.init(label: label, values: parsed)) }
            } else {
                reader.missing("value", in: item)
            }
        }
        if items.isEmpty { reader.log.error(node.location, field: node.path, .chartNeedsValue) }
        return values
    }

    /// Inline timeline events: `[{date: 2021-03-14, text: "…"}]`.
    private mutating func readChartEvents(_ node: LocatedNode) -> [ChartSpec.Event] {
        guard let items = reader.sequence(node) else { return [] }
        if items.isEmpty { reader.log.error(node.location, field: node.path, .timelineNeedsEvent) }
        return items.compactMap { item -> ChartSpec.Event? in
            guard let pairs = reader.mapping(item, allowedKeys: ["date", "text"]) else { return nil }
            let map = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            guard let dateNode = map["date"] else { reader.missing("date", in: item); return nil }
            guard let textNode = map["text"] else { reader.missing("text", in: item); return nil }
            guard let date = reader.date(dateNode), let text = reader.string(textNode) else { return nil }
            return ChartSpec.Event(date: date, text: text)
        }
    }
}
