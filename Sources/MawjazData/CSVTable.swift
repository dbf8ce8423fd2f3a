// A CSV file read as a plain table of text: a header and rows, each cell with its place, for files that are not
// activity logs (a batch's manifest, a results file to rerun).
import Foundation
import MawjazLanguage

/// A CSV table: the header's names and the rows' cells, trimmed, with the line each row starts on.
public struct CSVTable: Sendable {
    /// One row: its cells by column, and where it starts.
    public struct Row: Sendable {
        /// The line the row starts on.
        public var line: Int
        /// The row's cells, trimmed, by column.
        public var cells: [String]
    }

    /// The file the table was read from, as messages name it.
    public var file: String
    /// The header's names, trimmed.
    public var header: [String]
    /// The rows after the header; blank rows are left out.
    public var rows: [Row]

    /// Reads and parses the CSV file at `url`; `what` names it in the error when it cannot be read.
    public static func read(contentsOf url: URL, what: FileKind) throws(DataError) -> CSVTable {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DataError(Diagnostic(at: SourceLocation(file: url.path), .fileMissing(what, path: Message.pathExcerpt(url.path))))
        }
        return try parse([UInt8](data), file: url.path)
    }

    /// Parses CSV bytes (comma, semicolon or tab between fields, as the header shows; `#` comments and blank lines
    /// before the header skipped, blank rows skipped). Malformed quoting is an error naming the line and column.
    public static func parse(_ bytes: [UInt8], file: String) throws(DataError) -> CSVTable {
        var log = DiagnosticLog()
        var table = CSVTable(file: file, header: [], rows: [])
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer, file: file)
            scanner.skipCommentsAndBlankLines()
            scanner.detectSeparator()
            var fields: [CSVField] = []
            guard scanner.nextRecord(into: &fields, log: &log) != nil else { return }
            table.header = fields.map { scanner.text(of: $0, trimmed: true) }
            while let line = scanner.nextRecord(into: &fields, log: &log) {
                if fields.allSatisfy(\.isBlank) { continue }
                table.rows.append(Row(line: line, cells: fields.map { scanner.text(of: $0, trimmed: true) }))
            }
        }
        try log.throwIfErrors()
        return table
    }

    /// The index of the column named `name` (ignoring case), if the header has it.
    public func column(_ name: String) -> Int? {
        header.firstIndex { $0.lowercased() == name.lowercased() }
    }

    /// One CSV line of `cells`, each quoted when it holds a separator, a quote or a line break. A cell that a
    /// spreadsheet would take for a formula (one starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is
    /// written with a leading apostrophe, and so is one that already starts with an apostrophe, so text that came from
    /// a report's data cannot run as a formula when the file is opened; `literal(_:)` takes the apostrophe off again.
    public static func line(_ cells: [String]) -> String {
        cells.map { cell in
            let cell = startsLikeAFormula(cell) || cell.hasPrefix("'") ? "'" + cell : cell
            guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" || $0 == "\t" }) else { return cell }
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\n"
    }

    /// A cell's text as `line(_:)` was given it: the apostrophe it put before a formula-like text or an apostrophe
    /// taken off.
    public static func literal(_ cell: String) -> String {
        guard cell.hasPrefix("'") else { return cell }
        let rest = String(cell.dropFirst())
        return startsLikeAFormula(rest) || rest.hasPrefix("'") ? rest : cell
    }

    private static func startsLikeAFormula(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first else { return false }
        return "=+-@\t\r".unicodeScalars.contains(first)
    }
}
