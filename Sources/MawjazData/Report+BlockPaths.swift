// Places for a report built in code: each block without a file location is named by its path in the body.

extension Report {
    /// The report with every block that has no place in a file located by its path, `body[3].paragraph` or
    /// `body[2].columns.blocks[0].chart` (counting from 0), so its errors say which block they are about.
    public func locatingBlocks() -> Report {
        var located = self
        located.body = Self.locating(body, path: "body")
        return located
    }

    /// `diagnostics` in the order of the blocks they name by path (as `locatingBlocks()` names them), nested
    /// blocks after their parent; those about other places keep their order, after them.
    public func inBlockOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var paths: [String] = []
        func collect(_ blocks: [ReportBlock]) {
            for block in blocks {
                paths.append(block.location.file)
                if case .columns(let spec) = block { collect(spec.blocks) }
                if case .forEach(let spec) = block { collect(spec.blocks) }
            }
        }
        collect(body)
        func rank(_ file: String) -> Int {
            paths.lastIndex { file == $0 || file.hasPrefix($0 + ".") } ?? paths.count
        }
        return diagnostics.enumerated().sorted { (rank($0.element.location.file), $0.offset) < (rank($1.element.location.file), $1.offset) }
            .map(\.element)
    }

    private static func locating(_ blocks: [ReportBlock], path: String) -> [ReportBlock] {
        blocks.enumerated().map { index, block in locating(block, path: "\(path)[\(index)]") }
    }

    private static func locating(_ block: ReportBlock, path: String) -> ReportBlock {
        guard block.location.file.isEmpty else { return block }
        func place(_ kind: String) -> SourceLocation { SourceLocation(file: "\(path).\(kind)") }
        switch block {
        case .heading(var spec): spec.location = place("heading"); return .heading(spec)
        case .paragraph(var spec): spec.location = place("paragraph"); return .paragraph(spec)
        case .facts(var spec):
            spec.location = place("facts")
            for index in spec.items.indices where spec.items[index].sparkline?.location.file.isEmpty == true {
                spec.items[index].sparkline?.location = SourceLocation(file: "\(path).facts.items[\(index)].sparkline")
            }
            return .facts(spec)
        case .table(var spec):
            spec.location = place("table")
            if spec.rowsFrom?.location.file.isEmpty == true { spec.rowsFrom?.location = place("table.rows-from") }
            return .table(spec)
        case .chart(var spec): spec.location = place("chart"); return .chart(spec)
        case .timeline(var spec): spec.location = place("timeline"); return .timeline(spec)
        case .list(var spec): spec.location = place("list"); return .list(spec)
        case .note(var spec): spec.location = place("note"); return .note(spec)
        case .image(var spec): spec.location = place("image"); return .image(spec)
        case .signature(var spec): spec.location = place("signature"); return .signature(spec)
        case .columns(var spec):
            spec.location = place("columns")
            spec.blocks = locating(spec.blocks, path: "\(path).columns.blocks")
            return .columns(spec)
        case .forEach(var spec):
            spec.location = place("for-each")
            spec.blocks = locating(spec.blocks, path: "\(path).for-each.blocks")
            return .forEach(spec)
        case .contents(var spec): spec.location = place("contents"); return .contents(spec)
        case .reference(var spec): spec.location = place("reference"); return .reference(spec)
        case .spacer(let height, _): return .spacer(height, place("spacer"))
        case .rule: return .rule(place("rule"))
        case .pageBreak: return .pageBreak(place("page-break"))
        }
    }
}
