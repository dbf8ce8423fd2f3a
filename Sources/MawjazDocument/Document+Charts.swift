// Finding a document's charts: every chart block in reading order, with the column sets it stands in.

extension Document {
    /// Every chart block of the document in reading order, those inside column sets included, each with the
    /// column counts of the sets around it (outermost first; empty for a chart in the main column).
    package var charts: [(chart: Chart, columnCounts: [Int])] {
        Self.charts(in: blocks, columnCounts: [])
    }

    private static func charts(in blocks: [Block], columnCounts: [Int]) -> [(chart: Chart, columnCounts: [Int])] {
        blocks.flatMap { block -> [(chart: Chart, columnCounts: [Int])] in
            switch block {
            case .chart(let chart): return [(chart, columnCounts)]
            case .columns(let set): return charts(in: set.blocks, columnCounts: columnCounts + [set.count])
            case .heading, .paragraph, .facts, .table, .timeline, .list, .note, .figure, .signature, .spacer, .rule, .contents,
                 .reference, .pageBreak:
                return []
            }
        }
    }
}
