// Loading activity logs from CSV files: columns found by name, every cell checked, all problems reported at once.
import Foundation
import MawjazFrame
import MawjazLanguage

/// Reads activity logs written as CSV (RFC 4180, UTF-8): a header naming the columns, then one activity per row.
///
/// Fields are `date`, `category` and `title` (required), `location`, `partner`, `participants` and `tags`, each
/// found under its own name or the header a `ColumnMapping` gives; other columns are ignored. Dates are
/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; participants a whole number; tags are split at `;`, `|` or the Arabic comma;
/// digits may be Arabic-Indic. Values are trimmed (inside quotes too) and an empty optional value is nil.
/// `#` comment lines and blank lines before the header are skipped, and blank rows (or rows of empty fields)
/// anywhere. An empty file, or a header alone, is an empty log.
public enum ActivityCSV {
    /// The largest file `read(contentsOf:)` accepts unless told otherwise: 64 MiB.
    public static let defaultSizeLimit = 64 << 20
    /// Reads an activity log from a file. Errors name the file, line, column and field.
    public static func read(contentsOf url: URL, name: String, displayPath: String? = nil, columns: ColumnMapping = .init(),
                            sizeLimit: Int = defaultSizeLimit) throws(DataError) -> ActivityLog {
        let path = displayPath ?? url.path
        let bytes = try readBytes(url, shownAs: path, name: name, sizeLimit: sizeLimit)
        return try parse(bytes, file: path, name: name, columns: columns)
    }

    /// Parses CSV bytes already in memory (file is the name used in diagnostics). `rowsBefore` rows of other logs
    /// count against the `data-rows` limit too. `stop` is asked every `rowsBetweenStopChecks` rows: once raised, the
    /// reading ends with an error.
    public static func parse(_ bytes: [UInt8], file: String, name: String, columns: ColumnMapping = .init(),
                             limits: Limits = Limits(), rowsBefore: Int = 0) throws(DataError) -> ActivityLog {
        try parse(bytes, file: file, name: name, columns: columns, limits: limits, rowsBefore: rowsBefore, stop: .never)
    }

    /// How many rows are read between two questions to a stop signal: a question costs about as much as a row.
    package static let rowsBetweenStopChecks = 1_024

    package static func parse(_ bytes: [UInt8], file: String, name: String, columns: ColumnMapping = .init(),
                              limits: Limits = Limits(), rowsBefore: Int = 0, stop: StopSignal) throws(DataError) -> ActivityLog {
        var log = DiagnosticLog()
        let mapped = mappedHeaders(columns, file: file, log: &log)
        let activities = bytes.withUnsafeBufferPointer { buffer in
            Self.activities(in: buffer, file: file, mapped: mapped, rows: (rowsBefore, limits.dataRows), log: &log, stop: stop)
        }
        try log.throwIfErrors()
        return ActivityLog(name: name, file: file, activities: activities)
    }

    /// The bytes of a file, or an error naming it when it is missing, not a regular file, unreadable or larger than
    /// `sizeLimit`.
    private static func readBytes(_ url: URL, shownAs path: String, name: String, sizeLimit: Int) throws(DataError) -> [UInt8] {
        func failure(_ reason: Message) -> DataError {
            DataError(Diagnostic(at: SourceLocation(file: path), .cannotReadLog(name: Message.excerpt(name), reason: reason)))
        }
        guard url.isFileURL else { throw failure(.logNotAFilePath(Message.pathExcerpt(url.absoluteString))) }
        do {
            return try InputFile.read(url, limit: max(0, sizeLimit))
        } catch {
            switch error {
            case .missing: throw failure(.logNoSuchFile)
            case .folder: throw failure(.logIsFolder)
            case .notRegular(let special): throw failure(.fileNotRegular(.dataFile, path: Message.pathExcerpt(url.path), special: special))
            case .unreadable(let why): throw failure(.logReadFailed(why))
            case .tooLarge(_, let limit): throw failure(.logTooLarge(limit: limit))
            }
        }
    }
}
