// Turning CSV records into activities: the header, then one activity per row, every problem reported.
import MawjazFrame
import MawjazLanguage

extension ActivityCSV {
    /// Reads the activities of `buffer`, reporting every problem to `log`.
    /// `rows` counts the rows read before this log against the most all logs may have.
    static func activities(in buffer: UnsafeBufferPointer<UInt8>, file: String, mapped: [ActivityField: String],
                           rows: (before: Int, limit: Int), log: inout DiagnosticLog, stop: StopSignal = .never) -> [Activity] {
        var activities: [Activity] = []
        readRows(in: buffer, file: file, mapped: mapped, rows: rows, log: &log, grouping: nil, stop: stop) { activity, _, _ in
            if let activity { activities.append(activity) }
        }
        return activities
    }

    /// Reads the header, then calls `row` for each row: its activity (nil for a blank row or one with problems), and,
    /// when `grouping` names a column, the row's value in it and the row's problems (which then stay out of `log`).
    /// `rows` counts the rows read before this log against the most all logs may have: past it, an error and no more;
    /// so does `stop`, asked every `rowsBetweenStopChecks` rows.
    static func readRows(in buffer: UnsafeBufferPointer<UInt8>, file: String, mapped: [ActivityField: String],
                         rows budget: (before: Int, limit: Int), log: inout DiagnosticLog, grouping: String?,
                         stop: StopSignal = .never, _ row: (Activity?, _ group: GroupValue?, _ problems: [Diagnostic]) -> Void) {
        var scanner = CSVScanner(bytes: buffer, file: file)
        guard !scanner.isAtEnd else { return }
        scanner.skipCommentsAndBlankLines()
        scanner.detectSeparator()
        var cells: [CSVField] = []
        guard let headerLine = scanner.nextRecord(into: &cells, log: &log) else {
            log.error(SourceLocation(file: file, line: 1, column: 1), .noHeaderRow)
            return
        }
        let names = cells.map { scanner.text(of: $0, trimmed: true) }
        let columns = Columns(names: names, locations: cells.map { SourceLocation(file: file, line: $0.line, column: $0.column) },
                              headerLocation: SourceLocation(file: file, line: headerLine, column: 1), mapped: mapped, log: &log)
        var rows = RowReader(scanner: scanner, columns: columns, file: file)
        var count = budget.before
        /// Counts one more row; false (with the error, once) when that is past the limit.
        func counted() -> Bool {
            count += 1
            if count % rowsBetweenStopChecks == 0, stop.isRaised {
                log.error(SourceLocation(file: file, line: rows.line, column: 1), .renderCancelled)
                return false
            }
            guard count > budget.limit else { return true }
            log.error(SourceLocation(file: file, line: rows.line, column: 1), .tooManyRows(limit: budget.limit))
            return false
        }
        guard let grouping else {
            while let activity = rows.next(log: &log) {
                guard counted() else { return }
                row(activity, nil, [])
            }
            return
        }
        guard let source = GroupSource(column: grouping, names: names, line: headerLine, file: file, log: &log) else { return }
        while true {
            var rowLog = DiagnosticLog()
            guard let activity = rows.next(log: &rowLog) else { break }
            guard counted() else { return }
            let value: GroupValue?
            switch source {
            case .column(let index):
                value = rows.cellText(index).map { GroupValue(text: $0, line: rows.line) }
            case .field(let field):
                value = activity.flatMap { field.text(of: $0).map { GroupValue(text: $0, line: rows.line) } }
            }
            if activity == nil, value == nil, rowLog.diagnostics.isEmpty { continue }
            row(activity, value, rowLog.diagnostics)
        }
    }

    /// Reads the rows after the header, one activity each.
    private struct RowReader {
        var scanner: CSVScanner
        let file: String
        let width: Int, namedWidth: Int
        let date: Int?, category: Int?, title: Int?, location: Int?, partner: Int?, participants: Int?, tags: Int?
        var cells: [CSVField] = []
        var valid = true

        init(scanner: CSVScanner, columns: Columns, file: String) {
            self.scanner = scanner
            self.file = file
            width = columns.width
            namedWidth = columns.namedWidth
            date = columns[.date]; category = columns[.category]; title = columns[.title]
            location = columns[.location]; partner = columns[.partner]
            participants = columns[.participants]; tags = columns[.tags]
        }

        /// The line the last row read starts on.
        private(set) var line = 0

        /// The trimmed text of the last row's cell `index`, or nil when the row is shorter or the cell is blank.
        func cellText(_ index: Int) -> String? {
            guard cells.indices.contains(index), !cells[index].isBlank else { return nil }
            let text = scanner.text(of: cells[index], trimmed: true)
            return text.isEmpty ? nil : text
        }

        /// The activity of the next row: nil at the end, `.some(nil)` for a row that is blank or has problems.
        mutating func next(log: inout DiagnosticLog) -> Activity?? {
            guard let line = scanner.nextRecord(into: &cells, log: &log) else { return nil }
            self.line = line
            if scanner.recordIsUnterminated || cells.allSatisfy(\.isBlank) { return .some(nil) }
            var count = cells.count
            while count > namedWidth, cells[count - 1].isBlank { count -= 1 }
            guard count >= namedWidth, count <= width else {
                let place = count > width ? cells[width] : cells[0]
                log.error(location(of: place), .rowFieldCount(count, header: count > width ? width : namedWidth))
                return .some(nil)
            }
            valid = true
            let date = value(date, .date, required: true, log: &log, ActivityCSV.date(from:))
            let category = text(category, .category, required: true, log: &log)
            let title = text(title, .title, required: true, log: &log)
            let location = text(location, .location, required: false, log: &log)
            let partner = text(partner, .partner, required: false, log: &log)
            let participants = value(participants, .participants, required: false, log: &log, ActivityCSV.count(from:))
            let tags = tags.map { scanner.withBytes(of: cells[$0], trimmed: true, ActivityCSV.tags(from:)) } ?? []
            guard valid, let date, let category, let title else { return .some(nil) }
            return Activity(date: date, category: category, title: title, location: location, partner: partner,
                            participants: participants, tags: tags, line: line)
        }

        /// The trimmed text of a field, or nil when the file has no column for it or the cell is empty
        /// (an error when `required`).
        private mutating func text(_ column: Int?, _ field: ActivityField, required: Bool,
                                   log: inout DiagnosticLog) -> String? {
            guard let column else {
                valid = valid && !required
                return nil
            }
            let text = scanner.text(of: cells[column], trimmed: true)
            if text.isEmpty { reportEmpty(column, field, required: required, log: &log) }
            return text.isEmpty ? nil : text
        }

        /// The value `read` makes of a field's trimmed UTF-8, or nil when the file has no column for it, the cell
        /// is empty (an error when `required`) or `read` finds a problem (reported at the cell).
        private mutating func value<Value>(_ column: Int?, _ field: ActivityField, required: Bool, log: inout DiagnosticLog,
                                           _ read: (UnsafeBufferPointer<UInt8>) -> Result<Value, ValueProblem>) -> Value? {
            guard let column else {
                valid = valid && !required
                return nil
            }
            let result = scanner.withBytes(of: cells[column], trimmed: true) { $0.isEmpty ? nil : read($0) }
            switch result {
            case nil:
                reportEmpty(column, field, required: required, log: &log)
                return nil
            case .success(let value):
                return value
            case .failure(let problem):
                log.error(location(of: cells[column]), field: field.rawValue, problem.message)
                valid = false
                return nil
            }
        }

        private mutating func reportEmpty(_ column: Int, _ field: ActivityField, required: Bool, log: inout DiagnosticLog) {
            guard required else { return }
            log.error(location(of: cells[column]), field: field.rawValue, .requiredButEmpty)
            valid = false
        }

        private func location(of cell: CSVField) -> SourceLocation {
            SourceLocation(file: file, line: cell.line, column: cell.column)
        }
    }
}
