// Finding each activity field's column in a CSV header, through the column mapping, with did-you-mean hints.
import MawjazLanguage

extension ActivityCSV {
    /// Checks the mapping's field names, reporting unknown ones; returns the header named for each field.
    static func mappedHeaders(_ mapping: ColumnMapping, file: String, log: inout DiagnosticLog) -> [ActivityField: String] {
        var headers: [ActivityField: String] = [:]
        for (name, header) in mapping.columns.sorted(by: { $0.key < $1.key }) {
            guard let field = ActivityField(named: name) else {
                let fields = ActivityField.allCases.map(\.rawValue)
                log.error(SourceLocation(file: file), field: "columns",
                          .notAnActivityField(Message.excerpt(name), suggestion: Suggestion.closest(to: name, among: fields), fields: fields))
                continue
            }
            guard headers[field] == nil else {
                log.error(SourceLocation(file: file), field: "columns", .fieldMappedTwice(field.rawValue))
                continue
            }
            headers[field] = header
        }
        return headers
    }

    /// Where each activity field is in one file's header (a CSV file's or a worksheet's).
    struct Columns {
        /// The index of each field's column; fields the header lacks are absent.
        private(set) var indices: [ActivityField: Int] = [:]
        /// The number of header cells.
        let width: Int
        /// The number of header cells without the unnamed ones at the end (left by trailing commas).
        let namedWidth: Int

        /// Reads the header's names (trimmed; `locations[i]` is where `names[i]` is written), reporting duplicate
        /// names, mapped headers that are not there and required fields without a column at `headerLocation`.
        init(names: [String], locations: [SourceLocation], headerLocation: SourceLocation, mapped: [ActivityField: String],
             log: inout DiagnosticLog) {
            width = names.count
            namedWidth = (names.lastIndex { !$0.isEmpty } ?? -1) + 1
            var byName: [String: Int] = [:]
            for (index, name) in names.enumerated() where !name.isEmpty {
                let key = name.lowercased()
                if let first = byName[key] {
                    log.error(locations[index], .headerTwice(Message.excerpt(name), firstColumn: first + 1, secondColumn: index + 1))
                } else {
                    byName[key] = index
                }
            }
            for field in ActivityField.allCases {
                if let header = mapped[field] {
                    if let index = byName[header.trimmingBlanks().lowercased()] {
                        indices[field] = index
                    } else {
                        log.error(headerLocation, field: field.rawValue,
                                  .mappedHeaderMissing(Message.excerpt(header),
                                                       suggestion: Suggestion.closest(to: header, among: names.filter { !$0.isEmpty }).map(Message.excerpt)))
                    }
                } else if let index = byName[field.rawValue] {
                    indices[field] = index
                }
            }
            let used = Set(indices.values)
            let unused = names.indices.filter { !used.contains($0) && !names[$0].isEmpty }.map { names[$0] }
            for field in ActivityField.allCases where field.isRequired && indices[field] == nil && mapped[field] == nil {
                log.error(headerLocation, field: field.rawValue,
                          .noColumnForField(field.rawValue, suggestion: Suggestion.closest(to: field.rawValue, among: unused).map(Message.excerpt),
                                            unusedHeaders: Message.listExcerpt(unused)))
            }
        }

        /// The column of `field`, or nil when the file has none.
        subscript(field: ActivityField) -> Int? { indices[field] }
    }
}
