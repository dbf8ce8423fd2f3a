// Helpers for the data tests: parsing CSV text and collecting the diagnostics it raises.
import Foundation
import Testing
import MawjazData

/// The diagnostics name used for in-memory CSV in these tests.
let testFile = "log.csv"

/// Parses CSV text as `log.csv`; records an issue and returns nil when it fails.
func parseLog(_ text: String, columns: ColumnMapping = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ActivityLog? {
    parseLog(bytes: Array(text.utf8), columns: columns, sourceLocation: sourceLocation)
}

/// Parses CSV bytes as `log.csv`; records an issue and returns nil when it fails.
func parseLog(bytes: [UInt8], columns: ColumnMapping = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ActivityLog? {
    do {
        return try ActivityCSV.parse(bytes, file: testFile, name: "activities", columns: columns)
    } catch {
        Issue.record("unexpected errors:\n\(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The diagnostics parsing CSV text raises, one `file:line:column: error: field: message` string each;
/// records an issue when the text parses.
func diagnostics(_ text: String, columns: ColumnMapping = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
    diagnostics(bytes: Array(text.utf8), columns: columns, sourceLocation: sourceLocation)
}

/// The diagnostics parsing CSV bytes raises; records an issue when the bytes parse.
func diagnostics(bytes: [UInt8], columns: ColumnMapping = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
    do {
        let log = try ActivityCSV.parse(bytes, file: testFile, name: "activities", columns: columns)
        Issue.record("expected errors, got \(log.activities.count) activities", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// A fresh temporary folder, removed when `body` returns.
func withTemporaryFolder<Result>(_ body: (URL) throws -> Result) throws -> Result {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mawjaz-data-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}
