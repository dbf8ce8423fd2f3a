// An activity log split by the values of one column: one group per distinct value, for one document each.
import Foundation
import MawjazFrame
import MawjazLanguage

/// Which dataset a batch splits, and by which column (`activities.district`).
public struct DatasetGrouping: Hashable, Sendable {
    /// The dataset's name in the report's `data:`.
    public var dataset: String
    /// A column of the dataset's file (`district`, found by its header, ignoring case), or an activity field
    /// (`category`, `location`, `partner`, `title`) or `year` when the file has no column of that name.
    public var column: String

    /// The grouping of `dataset` by `column`.
    public init(dataset: String, column: String) {
        self.dataset = dataset; self.column = column
    }

    /// `DATASET.COLUMN`, as the command line writes it; nil when either part is missing.
    public init?(parsing text: String) {
        guard let dot = text.firstIndex(of: "."), dot != text.startIndex, text.index(after: dot) != text.endIndex else { return nil }
        self.init(dataset: String(text[..<dot]), column: String(text[text.index(after: dot)...]))
    }
}

/// The activities of one value of the grouping column.
public struct ActivityGroup: Sendable {
    /// The column's value, as written (trimmed).
    public var value: String
    /// The group's activities, in file order.
    public var activities: [Activity]
    /// Problems of the group's rows: an error stops this group's document, not the others.
    public var problems: [Diagnostic]
    /// The line of the group's first row.
    public var firstLine: Int
}

/// A dataset split by a column's values, groups in the order their values first appear.
public struct ActivityPartition: Sendable {
    /// The dataset and column split by.
    public var grouping: DatasetGrouping
    /// One group per distinct value, in the order the values first appear.
    public var groups: [ActivityGroup]
    /// Rows that belong to no group (their cell in the column is empty), as warnings.
    public var ungrouped: [Diagnostic]

    /// Groups rows as they are read: a row with a value joins its group; one without is noted as ungrouped.
    init(grouping: DatasetGrouping) {
        self.grouping = grouping
        groups = []
        ungrouped = []
    }

    /// The group of each value, by the value's bytes as written and, for a value written otherwise (another Unicode
    /// normalisation of the same text), by the value as text: hashing a `String` normalises it, which costs more than
    /// reading its row.
    private var index: [String: Int] = [:]
    private var indexByBytes: [ValueBytes: Int] = [:]

    mutating func add(_ activity: Activity?, value: GroupValue?, problems: [Diagnostic], file: String) {
        guard let value else {
            let line = problems.first?.location.line ?? activity?.line ?? 0
            ungrouped.append(Diagnostic(.warning, at: SourceLocation(file: file, line: line), field: grouping.column,
                                        .rowInNoGroup(column: Message.excerpt(grouping.column))))
            // The row's own problems are reported too, as warnings: the row is in no document they could stop.
            ungrouped += problems.map { var problem = $0; problem.severity = .warning; return problem }
            return
        }
        let position: Int
        let bytes = ValueBytes(value.text)
        if let known = indexByBytes[bytes] {
            position = known
        } else if let known = index[value.text] {
            position = known
            indexByBytes[bytes] = known
        } else {
            position = groups.count
            index[value.text] = position
            indexByBytes[bytes] = position
            groups.append(ActivityGroup(value: value.text, activities: [], problems: [], firstLine: value.line))
        }
        if let activity { groups[position].activities.append(activity) }
        groups[position].problems += problems
    }

    /// Every activity of every group, in file order.
    var allActivities: [Activity] {
        groups.flatMap(\.activities).sorted { $0.line < $1.line }
    }
}

/// A value's UTF-8 bytes, compared and hashed as bytes.
private struct ValueBytes: Hashable {
    let bytes: [UInt8]

    init(_ text: String) { bytes = Array(text.utf8) }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// One row's value in the grouping column, and the line of the row.
struct GroupValue {
    var text: String
    var line: Int
}

/// Where a row's group value comes from: a column of the file, or an activity field when the file has no such column.
enum GroupSource {
    case column(Int)
    case field(GroupField)

    /// The column named `column` in the header `names` (ignoring case), else a field of that name; nil after
    /// reporting a column that is neither.
    init?(column: String, names: [String], line: Int, file: String, log: inout DiagnosticLog) {
        let key = column.trimmingBlanks().lowercased()
        if let index = names.firstIndex(where: { $0.lowercased() == key }) {
            self = .column(index)
        } else if let field = GroupField(rawValue: key) {
            self = .field(field)
        } else {
            let header = names.filter { !$0.isEmpty }
            log.error(SourceLocation(file: file, line: line), field: column,
                      .noColumnToGroupBy(Message.excerpt(column), suggestion: Suggestion.closest(to: column, among: header + GroupField.allCases.map(\.rawValue)),
                                         header: Message.listExcerpt(header)))
            return nil
        }
    }
}

/// The activity fields a log can be grouped by when its file has no column of that name.
enum GroupField: String, CaseIterable {
    case category, location, partner, title, year

    func text(of activity: Activity) -> String? {
        switch self {
        case .category: activity.category
        case .location: activity.location
        case .partner: activity.partner
        case .title: activity.title
        case .year: String(activity.date.year)
        }
    }
}

extension ActivityCSV {
    /// Parses CSV bytes split by `grouping.column`. Problems of the header or the file stop everything (thrown);
    /// problems of a row go to that row's group only.
    public static func partition(_ bytes: [UInt8], file: String, name: String, columns: ColumnMapping = .init(),
                                 by grouping: DatasetGrouping, limits: Limits = Limits(), rowsBefore: Int = 0) throws(DataError)
        -> ActivityPartition {
        try partition(bytes, file: file, name: name, columns: columns, by: grouping, limits: limits, rowsBefore: rowsBefore, stop: .never)
    }

    /// `partition(_:file:name:columns:by:limits:rowsBefore:)`, asking `stop` as `parse` does.
    package static func partition(_ bytes: [UInt8], file: String, name: String, columns: ColumnMapping = .init(),
                                  by grouping: DatasetGrouping, limits: Limits = Limits(), rowsBefore: Int = 0,
                                  stop: StopSignal) throws(DataError) -> ActivityPartition {
        var log = DiagnosticLog()
        let mapped = mappedHeaders(columns, file: file, log: &log)
        var partition = ActivityPartition(grouping: grouping)
        bytes.withUnsafeBufferPointer { buffer in
            readRows(in: buffer, file: file, mapped: mapped, rows: (rowsBefore, limits.dataRows), log: &log,
                     grouping: grouping.column, stop: stop) { activity, value, problems in
                partition.add(activity, value: value, problems: problems, file: file)
            }
        }
        try log.throwIfErrors()
        return partition
    }
}

extension ActivityLog {
    /// The log's activities split by an activity field (for logs written inline in the report).
    public func partition(by grouping: DatasetGrouping) throws(DataError) -> ActivityPartition {
        guard let field = GroupField(rawValue: grouping.column.trimmingBlanks().lowercased()) else {
            let fields = GroupField.allCases.map(\.rawValue)
            throw DataError(Diagnostic(at: SourceLocation(file: file), field: grouping.column,
                                       .noFieldToGroupBy(Message.excerpt(grouping.column), suggestion: Suggestion.closest(to: grouping.column, among: fields),
                                                         fields: fields)))
        }
        var partition = ActivityPartition(grouping: grouping)
        for activity in activities {
            partition.add(activity, value: field.text(of: activity).map { GroupValue(text: $0, line: activity.line) },
                          problems: [], file: file)
        }
        return partition
    }
}
