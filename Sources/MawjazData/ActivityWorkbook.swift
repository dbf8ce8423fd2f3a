// Activity logs kept in Excel: a sheet of an .xlsx workbook read as a CSV log is, errors located by cell.
import Foundation
import MawjazFrame
import MawjazLanguage

/// Reads activity logs from `.xlsx` workbooks: the first sheet (or the one named), its first non-empty row naming
/// the columns as a CSV header does (through the same `ColumnMapping`), then one activity per row. Dates may be
/// cells formatted as dates (Excel serial day numbers, either date system) or text (`YYYY-MM-DD`, `YYYY-MM`,
/// `YYYY`); a whole number from 1000 to 9999 in a date cell not formatted as a date is a year. Errors name the
/// cell: `log.xlsx:Sheet1!C12: date: …`.
public enum ActivityWorkbook {
    /// Whether `url` names a workbook this reader takes (by its extension).
    public static func isWorkbook(_ url: URL) -> Bool { url.pathExtension.lowercased() == "xlsx" }

    /// Why a spreadsheet file of another kind cannot be read, or nil for any other file.
    public static func unreadableKind(_ url: URL) -> Message? {
        switch url.pathExtension.lowercased() {
        case "xls": return .oldExcelWorkbook(file: Message.pathExcerpt(url.lastPathComponent))
        case "ods": return .openDocumentSpreadsheet(file: Message.pathExcerpt(url.lastPathComponent))
        case "numbers": return .numbersDocument(file: Message.pathExcerpt(url.lastPathComponent))
        default: return nil
        }
    }

    /// Parses workbook bytes already in memory (`file` is the name used in diagnostics); `sheet` names the sheet
    /// to read, the first when nil. A sheet that is not there is an error with the field `sheet`. `rows` counts the
    /// rows of other logs read before this one against the most all logs may have.
    public static func parse(_ bytes: Data, file: String, name: String, columns: ColumnMapping = .init(),
                             sheet: String? = nil, rows: (before: Int, limit: Int) = (0, Limits().dataRows)) throws(DataError) -> ActivityLog {
        try parse(bytes, file: file, name: name, columns: columns, sheet: sheet, rows: rows, stop: .never)
    }

    /// Parses workbook bytes as `parse(_:file:name:columns:sheet:rows:)` does, asking `stop` as the parts are unpacked,
    /// every `Workbook.itemsBetweenStopChecks` cells and shared strings read, and every
    /// `ActivityCSV.rowsBetweenStopChecks` rows turned into activities: once raised, the reading ends with an error.
    package static func parse(_ bytes: Data, file: String, name: String, columns: ColumnMapping = .init(), sheet: String? = nil,
                              rows: (before: Int, limit: Int) = (0, Limits().dataRows), stop: StopSignal) throws(DataError) -> ActivityLog {
        let workbook: Workbook
        do { workbook = try Workbook(bytes: bytes, stop: stop) } catch {
            throw DataError(Diagnostic(at: SourceLocation(file: file), error.message))
        }
        guard !workbook.sheetNames.isEmpty else {
            throw DataError(Diagnostic(at: SourceLocation(file: file), .workbookHasNoSheet))
        }
        let index: Int
        if let sheet {
            guard let found = workbook.sheetNames.firstIndex(of: sheet) else {
                let names = workbook.sheetNames
                throw DataError(Diagnostic(at: SourceLocation(file: file), field: "sheet",
                                           .noSuchSheet(Message.excerpt(sheet), suggestion: Suggestion.closest(to: sheet, among: names), sheets: Message.listExcerpt(names))))
            }
            index = found
        } else {
            index = 0
        }
        let cells: [Workbook.Cell]
        do { cells = try workbook.cells(ofSheet: index) } catch {
            throw DataError(Diagnostic(at: SourceLocation(file: file), error.message))
        }
        var log = DiagnosticLog()
        let mapped = ActivityCSV.mappedHeaders(columns, file: file, log: &log)
        var reader = SheetReader(workbook: workbook, file: file, sheet: Workbook.referenceName(ofSheet: workbook.sheetNames[index]), stop: stop)
        let activities = reader.activities(in: cells, mapped: mapped, log: &log)
        if rows.before + activities.count > rows.limit {
            log.error(SourceLocation(file: file), .tooManyRows(limit: rows.limit))
        }
        try log.throwIfErrors()
        return ActivityLog(name: name, file: file, activities: activities)
    }

    /// Turns a sheet's rows into activities, reporting every problem at its cell.
    private struct SheetReader {
        let workbook: Workbook
        let file: String
        /// The sheet's name as references write it.
        let sheet: String
        let stop: StopSignal

        func location(row: Int, column: Int) -> SourceLocation {
            SourceLocation(file: file, line: row, column: column, cell: "\(sheet)!\(Workbook.columnLetters(column))\(row)")
        }

        mutating func activities(in cells: [Workbook.Cell], mapped: [ActivityField: String], log: inout DiagnosticLog) -> [Activity] {
            var rows: [(number: Int, cells: [Int: Workbook.Value])] = []
            for cell in cells where !Self.isBlank(cell.value) {
                if rows.last?.number != cell.row { rows.append((cell.row, [:])) }
                rows[rows.count - 1].cells[cell.column] = cell.value
            }
            guard let header = rows.first else { return [] }
            let width = header.cells.keys.max() ?? 0
            let names = (1...max(1, width)).map { header.cells[$0].map(Self.text(of:))?.trimmingBlanks() ?? "" }
            let columns = ActivityCSV.Columns(
                names: names, locations: (1...max(1, width)).map { location(row: header.number, column: $0) },
                headerLocation: SourceLocation(file: file, line: header.number, cell: "\(sheet)!\(header.number):\(header.number)"),
                mapped: mapped, log: &log)
            var activities: [Activity] = []
            for (index, row) in rows.dropFirst().enumerated() {
                if (index + 1) % ActivityCSV.rowsBetweenStopChecks == 0, stop.isRaised {
                    log.error(location(row: row.number, column: 1), .renderCancelled)
                    break
                }
                if let activity = activity(in: row, columns: columns, log: &log) { activities.append(activity) }
            }
            return activities
        }

        private func activity(in row: (number: Int, cells: [Int: Workbook.Value]), columns: ActivityCSV.Columns,
                              log: inout DiagnosticLog) -> Activity? {
            var valid = true
            func field(_ field: ActivityField) -> (value: Workbook.Value, place: SourceLocation)? {
                guard let column = columns[field] else {
                    if field.isRequired { valid = false }
                    return nil
                }
                let place = location(row: row.number, column: column + 1)
                guard let value = row.cells[column + 1] else {
                    if field.isRequired { log.error(place, field: field.rawValue, .requiredButEmpty); valid = false }
                    return nil
                }
                if case .error(let code) = value {
                    log.error(place, field: field.rawValue, .cellHoldsError(Message.excerpt(code)))
                    valid = false
                    return nil
                }
                return (value, place)
            }
            func text(_ name: ActivityField) -> String? {
                field(name).map { Self.text(of: $0.value).trimmingBlanks() }.flatMap { $0.isEmpty ? nil : $0 }
            }
            func read<Value>(_ name: ActivityField, number: (Double, Bool) -> Result<Value, ActivityCSV.ValueProblem>,
                             text: (UnsafeBufferPointer<UInt8>) -> Result<Value, ActivityCSV.ValueProblem>) -> Value? {
                guard let (value, place) = field(name) else { return nil }
                let result: Result<Value, ActivityCSV.ValueProblem>
                if case .number(let figure, let isDate) = value {
                    result = number(figure, isDate)
                } else {
                    result = Array(Self.text(of: value).trimmingBlanks().utf8).withUnsafeBufferPointer(text)
                }
                switch result {
                case .success(let read): return read
                case .failure(let problem):
                    log.error(place, field: name.rawValue, problem.message)
                    valid = false
                    return nil
                }
            }
            let date = read(.date, number: date(fromNumber:isDate:), text: ActivityCSV.date(from:))
            let category = text(.category), title = text(.title)
            let venue = text(.location), partner = text(.partner)
            let participants = read(.participants, number: { figure, _ in Self.count(fromNumber: figure) }, text: ActivityCSV.count(from:))
            let tags = text(.tags).map { Array($0.utf8).withUnsafeBufferPointer(ActivityCSV.tags(from:)) } ?? []
            guard valid, let date, let category, let title else { return nil }
            return Activity(date: date, category: category, title: title, location: venue, partner: partner,
                            participants: participants, tags: tags, line: row.number)
        }

        /// A date cell's number: a serial day number when the cell is formatted as a date (or holds no year),
        /// else a year.
        private func date(fromNumber figure: Double, isDate: Bool) -> Result<CalendarDate, ActivityCSV.ValueProblem> {
            if !isDate, figure == figure.rounded(), (1000...9999).contains(figure) { return .success(CalendarDate(year: Int(figure))) }
            guard let date = workbook.date(fromSerial: figure) else {
                return .failure(.init(message: .numberNotADate(Self.text(of: .number(figure, isDate: false)))))
            }
            return .success(date)
        }

        private static func count(fromNumber figure: Double) -> Result<Int, ActivityCSV.ValueProblem> {
            let written = text(of: .number(figure, isDate: false))
            guard figure >= 0 else { return .failure(.init(message: .negativeCount(written))) }
            guard figure == figure.rounded() else { return .failure(.init(message: .notWholeCount(written))) }
            guard figure < 1e15 else { return .failure(.init(message: .countTooLarge(written))) }
            return .success(Int(figure))
        }

        /// A value as text: numbers as written without a needless fraction, booleans as TRUE and FALSE.
        static func text(of value: Workbook.Value) -> String {
            switch value {
            case .text(let text): return text
            case .number(let figure, _):
                if figure == figure.rounded(), abs(figure) < 1e15 { return String(Int(figure)) }
                return String(figure)
            case .boolean(let flag): return flag ? "TRUE" : "FALSE"
            case .error(let code): return code
            }
        }

        static func isBlank(_ value: Workbook.Value) -> Bool {
            if case .text(let text) = value { return text.trimmingBlanks().isEmpty }
            return false
        }
    }
}
