// TEMPORARY until the aggregation branch lands.
public struct ActivityFilter: Hashable, Sendable {
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var categories: [String]?
    public init(from: CalendarDate? = nil, to: CalendarDate? = nil, categories: [String]? = nil) {
        self.from = from; self.to = to; self.categories = categories
    }
}
public struct ColumnMapping: Hashable, Sendable, Codable {
    public var columns: [String: String]
    public init(_ columns: [String: String] = [:]) { self.columns = columns }
}
public enum ActivityCSV {
    public static let defaultSizeLimit = 64 << 20
    public static func parse(_ bytes: [UInt8], file: String, name: String, columns: ColumnMapping = .init()) throws(DataError) -> ActivityLog {
        throw DataError(Diagnostic(at: SourceLocation(file: file), "temporary"))
    }
}
