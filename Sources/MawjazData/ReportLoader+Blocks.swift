// Reads a report's body: each item a block kind as its key, with the block's options beside or under it.
import Foundation
import MawjazFrame
import MawjazLanguage

extension ReportLoader {
    mutating func readBlocks(_ node: LocatedNode) -> [ReportBlock]? {
        guard let items = reader.sequence(node) else { return nil }
        return items.compactMap { readBlock($0) }
    }

    private mutating func readBlock(_ node: LocatedNode) -> ReportBlock? {
        if node.isScalar, let word = reader.string(node) {
            if let kind = BlockKind(rawValue: word), kind.standsAlone { return readBlock(kind: kind, main: nil, options: [:], at: node) }
            let alone = BlockKind.allCases.filter(\.standsAlone).map(\.rawValue)
            reader.log.error(node.location, field: node.path, .notABlock(Message.excerpt(word), suggestion: Suggestion.closest(to: word, among: alone)))
            return nil
        }
        guard let pairs = reader.mapping(node) else { return nil }
        let kinds = pairs.compactMap { pair in BlockKind(rawValue: pair.key).map { (kind: $0, value: pair.value) } }
        guard kinds.count == 1, let (kind, value) = kinds.first else {
            let keys = pairs.map(\.key)
            if kinds.isEmpty {
                let guess = keys.lazy.compactMap { Suggestion.closest(to: $0, among: Self.blockKinds) }.first
                reader.log.error(node.location, field: node.path, .noBlockKind(keys: Message.listExcerpt(keys), kinds: Self.blockKinds, suggestion: guess))
            } else {
                reader.log.error(node.location, field: node.path, .severalBlocks(kinds.map(\.kind.rawValue)))
            }
            return nil
        }
        let allowed = kind.options
        var options: [String: LocatedNode] = [:]
        for (key, option) in pairs where key != kind.rawValue {
            if allowed.contains(key) { options[key] = option } else {
                reader.log.error(option.location, field: option.path,
                                 .noSuchOption(kind: kind.rawValue, option: Message.excerpt(key), suggestion: Suggestion.closest(to: key, among: allowed)))
            }
        }
        // The kind's value may be the main content, or a mapping holding the options.
        if value.isMapping {
            guard let nested = reader.mapping(value, allowedKeys: allowed) else { return nil }
            for (key, option) in nested { options[key] = option }
            return readBlock(kind: kind, main: nil, options: options, at: node)
        }
        return readBlock(kind: kind, main: value, options: options, at: node)
    }

    private mutating func readBlock(kind: BlockKind, main: LocatedNode?, options: [String: LocatedNode], at node: LocatedNode) -> ReportBlock? {
        let location = node.location
        func text(_ key: String) -> LocatedNode? { main ?? options[key] }
        switch kind {
        case .heading:
            guard let textNode = text("text") else { reader.missing("text", in: node); return nil }
            guard let value = reader.string(textNode) else { return nil }
            return .heading(HeadingSpec(value, level: options["level"].flatMap { reader.integer($0, in: 1...3) } ?? 1,
                                        numbered: options["numbered"].flatMap { reader.boolean($0) },
                                        direction: options["direction"].flatMap { reader.choice($0, as: Direction.self) },
                                        location: location))
        case .paragraph:
            guard let textNode = text("text") else { reader.missing("text", in: node); return nil }
            guard let value = reader.string(textNode) else { return nil }
            return .paragraph(ParagraphSpec(value, direction: options["direction"].flatMap { reader.choice($0, as: Direction.self) },
                                            align: options["align"].flatMap { reader.choice($0, as: Alignment.self) },
                                            justify: options["justify"].flatMap { reader.choice($0, as: JustifyMode.self) },
                                            location: location))
        case .facts:
            guard let itemsNode = main ?? options["items"] else { reader.missing("items", in: node); return nil }
            guard let items = reader.sequence(itemsNode) else { return nil }
            let facts = items.compactMap { readFactItem($0) }
            return .facts(FactsSpec(title: options["title"].flatMap { reader.string($0) }, items: facts,
                                    columns: options["columns"].flatMap { reader.integer($0, in: 1...6) }, location: location))
        case .table:
            return readTable(options, at: node).map(ReportBlock.table)
        case .chart:
            return readChart(options, at: node).map(ReportBlock.chart)
        case .timeline:
            guard let eventsNode = main ?? options["events"] else { reader.missing("events", in: node); return nil }
            guard let items = reader.sequence(eventsNode) else { return nil }
            let events = items.compactMap { item -> TimelineSpec.Event? in
                guard let pairs = reader.mapping(item, allowedKeys: ["date", "text"]) else { return nil }
                let map = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
                guard let date = map["date"] else { reader.missing("date", in: item); return nil }
                guard let text = map["text"] else { reader.missing("text", in: item); return nil }
                guard let dateText = reader.string(date), let body = reader.string(text) else { return nil }
                return TimelineSpec.Event(date: dateText, text: body)
            }
            return .timeline(TimelineSpec(title: options["title"].flatMap { reader.string($0) }, events: events, location: location))
        case .list:
            guard let itemsNode = main ?? options["items"] else { reader.missing("items", in: node); return nil }
            let ordered = options["ordered"].flatMap { reader.boolean($0) } ?? false
            return readList(itemsNode, ordered: ordered, direction: options["direction"].flatMap { reader.choice($0, as: Direction.self) },
                            location: location).map(ReportBlock.list)
        case .note:
            guard let textNode = text("text") else { reader.missing("text", in: node); return nil }
            guard let value = reader.string(textNode) else { return nil }
            return .note(NoteSpec(title: options["title"].flatMap { reader.string($0) }, text: value,
                                  direction: options["direction"].flatMap { reader.choice($0, as: Direction.self) }, location: location))
        case .image:
            guard let pathNode = text("path") else { reader.missing("path", in: node); return nil }
            guard let path = reader.string(pathNode) else { return nil }
            guard let altNode = options["alt"] else { reader.missing("alt", in: node); return nil }
            guard let alt = reader.string(altNode) else { return nil }
            return .image(ImageSpec(path: resolve(path), alternativeText: alt, caption: options["caption"].flatMap { reader.string($0) },
                                    width: options["width"].flatMap { readWidth($0) } ?? .auto,
                                    maxHeight: options["max-height"].flatMap { reader.number($0, in: 1...2000) }, location: location))
        case .signature:
            guard let nameNode = text("name") else { reader.missing("name", in: node); return nil }
            guard let name = reader.string(nameNode) else { return nil }
            return .signature(SignatureSpec(name: name, title: options["title"].flatMap { reader.string($0) },
                                            organisation: options["organisation"].flatMap { reader.string($0) },
                                            stamp: options["stamp"].flatMap { reader.boolean($0) } ?? false, location: location))
        case .spacer:
            guard let heightNode = main ?? options["height"] else { reader.missing("height", in: node); return nil }
            return reader.number(heightNode, in: 0...800).map { .spacer($0, location) }
        case .rule:
            return .rule(location)
        case .columns:
            guard let blocksNode = options["blocks"] ?? main else { reader.missing("blocks", in: node); return nil }
            guard let blocks = readBlocks(blocksNode) else { return nil }
            return .columns(ColumnsSpec(count: options["count"].flatMap { reader.integer($0, in: 2...4) } ?? 2, blocks: blocks, location: location))
        case .contents:
            let title = (main?.isScalar == true ? main : options["title"]).flatMap { reader.string($0) }
            return .contents(ContentsSpec(title: title, levels: options["levels"].flatMap { reader.integer($0, in: 1...3) } ?? 2,
                                          location: location))
        case .reference:
            guard let numberNode = text("number") else { reader.missing("number", in: node); return nil }
            guard let number = reader.string(numberNode) else { return nil }
            return .reference(ReferenceSpec(number: number, date: options["date"].flatMap { reader.date($0) },
                                            attachments: options["attachments"].flatMap { reader.string($0) }, location: location))
        case .forEach:
            guard let dataNode = options["data"] else { reader.missing("data", in: node); return nil }
            guard let blocksNode = options["blocks"] else { reader.missing("blocks", in: node); return nil }
            guard let dataset = reader.string(dataNode), let blocks = readBlocks(blocksNode) else { return nil }
            let by = options["by"].flatMap { reader.choice($0, as: ChartGrouping.self) } ?? .category
            if by == .month, let byNode = options["by"] {
                reader.log.error(byNode.location, field: byNode.path, .forEachGrouping)
                return nil
            }
            return .forEach(ForEachSpec(dataset: dataset, by: by, filter: readFilter(options), blocks: blocks, location: location))
        case .pageBreak:
            return .pageBreak(location)
        }
    }

    private mutating func readFactItem(_ node: LocatedNode) -> FactsSpec.Item? {
        guard let pairs = reader.mapping(node, allowedKeys: ["label", "value", "unit", "source", "sparkline"]) else { return nil }
        let map = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        guard let labelNode = map["label"] else { reader.missing("label", in: node); return nil }
        guard let valueNode = map["value"] else { reader.missing("value", in: node); return nil }
        guard let label = reader.string(labelNode), let value = reader.string(valueNode) else { return nil }
        return FactsSpec.Item(label: label, value: value, unit: map["unit"].flatMap { reader.string($0) },
                              source: map["source"].flatMap { reader.string($0) }, sparkline: map["sparkline"].flatMap { readSparkline($0) })
    }

    private mutating func readList(_ node: LocatedNode, ordered: Bool, direction: Direction?, location: SourceLocation) -> ListSpec? {
        guard let items = reader.sequence(node) else { return nil }
        let listItems = items.compactMap { item -> ListSpec.Item? in
            if item.isScalar { return reader.string(item).map { ListSpec.Item($0) } }
            guard let pairs = reader.mapping(item, allowedKeys: ["text", "items", "ordered"]) else { return nil }
            let map = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            guard let textNode = map["text"] else { reader.missing("text", in: item); return nil }
            guard let text = reader.string(textNode) else { return nil }
            let children = map["items"].flatMap {
                readList($0, ordered: map["ordered"].flatMap { reader.boolean($0) } ?? ordered, direction: direction, location: $0.location)
            }
            return ListSpec.Item(text, children: children)
        }
        return ListSpec(ordered: ordered, items: listItems, direction: direction, location: location)
    }

    mutating func readWidth(_ node: LocatedNode) -> ColumnWidth? {
        guard let text = reader.string(node)?.trimmingCharacters(in: .whitespaces) else { return nil }
        let ascii = Digits.toASCII(text)
        if ascii == "auto" { return .auto }
        if ascii.hasSuffix("%") || ascii.hasSuffix("٪"), let value = Double(ascii.dropLast()), value > 0, value <= 100 { return .percent(value) }
        let number = ascii.hasSuffix("pt") ? String(ascii.dropLast(2)) : ascii
        if let value = Double(number.trimmingCharacters(in: .whitespaces)), value > 0, value < 2000 { return .points(value) }
        reader.log.error(node.location, field: node.path, .notAWidth(Message.excerpt(text)))
        return nil
    }
}
