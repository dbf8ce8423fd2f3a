// The fields of an activity, as activity-log columns and column mappings name them.

/// One field of an activity, named as the CSV column that holds it by default.
public enum ActivityField: String, CaseIterable, Hashable, Sendable, Codable {
    case date, category, title, location, partner, participants, tags

    /// Every activity must have this field.
    public var isRequired: Bool {
        switch self {
        case .date, .category, .title: true
        case .location, .partner, .participants, .tags: false
        }
    }

    /// The field called `name`, ignoring case and surrounding blanks.
    public init?(named name: String) {
        self.init(rawValue: name.trimmingBlanks().lowercased())
    }
}
