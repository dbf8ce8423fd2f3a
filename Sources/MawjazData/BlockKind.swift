// The kinds of block a report's body holds, by the key that names each, with the options each accepts.

/// A kind of block, as a report names it (`- paragraph: …`).
///
/// Adding a kind: add a case here, then follow the compiler: its options below, how the loader reads it
/// (`ReportLoader.readBlock(kind:…)`), the `ReportBlock` it becomes, and every stage's switch over blocks.
package enum BlockKind: String, CaseIterable, Sendable {
    case heading, paragraph, facts, table, chart, timeline, list, note, image, signature, spacer, rule, columns
    case forEach = "for-each"
    case contents, reference
    case pageBreak = "page-break"

    /// The options the kind accepts beside its key or inside it (`- paragraph: "…"` then `direction: ltr`).
    package var options: [String] {
        switch self {
        case .heading: ["text", "level", "numbered", "direction"]
        case .paragraph: ["text", "direction", "align", "justify"]
        case .facts: ["title", "items", "columns"]
        case .table: ["title", "caption", "columns", "rows", "rows-from", "zebra", "borders", "direction"]
        case .chart: ["type", "data", "by", "series", "from", "to", "categories", "top", "values", "events", "percent", "series-names",
                      "title", "caption", "source", "domain", "height", "labels", "alt"]
        case .timeline: ["title", "events"]
        case .list: ["items", "ordered", "direction"]
        case .note: ["title", "text", "direction"]
        case .image: ["path", "alt", "caption", "width", "max-height"]
        case .signature: ["name", "title", "organisation", "stamp"]
        case .spacer: ["height"]
        case .rule: []
        case .columns: ["count", "blocks"]
        case .forEach: ["data", "by", "from", "to", "categories", "blocks"]
        case .contents: ["title", "levels"]
        case .reference: ["number", "date", "attachments"]
        case .pageBreak: []
        }
    }

    /// Whether the kind may stand as a bare word in the body (`- rule`): it has no content and no options.
    package var standsAlone: Bool { options.isEmpty }
}
