// Which CSV column holds each activity field, for logs whose headers are not the field names.

/// Which CSV header holds each activity field; fields not named use their own name (case-insensitive, trimmed).
public struct ColumnMapping: Hashable, Sendable, Codable, ExpressibleByDictionaryLiteral {
    /// Header name by field name, e.g. `["date": "Datum"]` (headers may be Arabic).
    public var columns: [String: String]

    /// A mapping from field names to header names.
    public init(_ columns: [String: String] = [:]) {
        self.columns = columns
    }

    /// A mapping written as a literal; a field written twice keeps its last header.
    public init(dictionaryLiteral elements: (String, String)...) {
        columns = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }
}
