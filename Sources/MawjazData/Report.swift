// A report: its metadata, settings, facts, datasets and body — everything the later stages need.

/// A named figure a report states: "96 partnerships", with where it comes from.
public struct Fact: Hashable, Sendable, Codable {
    /// The name placeholders use: `{{facts.partnerships}}`.
    public var key: String
    public var label: String?
    public var value: String
    public var unit: String?
    public var source: String?
    public init(key: String, label: String? = nil, value: String, unit: String? = nil, source: String? = nil) {
        self.key = key; self.label = label; self.value = value; self.unit = unit; self.source = source
    }
}

/// A report, loaded from a file or built in code. It encodes to JSON and back (all but its template overrides,
/// which stay with the file they were written in).
public struct Report: Sendable, Codable {
    /// The template's name, a file in `Templates/` (or a path to a template file).
    public var template: String
    public var title: String
    public var subtitle: String?
    public var date: CalendarDate
    /// The classification banner, printed at the top and bottom of every page.
    public var classification: String?
    public var author: String?
    public var subject: String?
    public var keywords: [String]
    public var settings: ReportSettings
    public var facts: [Fact]
    /// Activity logs by name.
    public var datasets: [String: ActivityLog]
    public var body: [ReportBlock]
    /// The report file ("" when built in code); relative paths resolve against its folder.
    public var file: String
    /// Template fields the report overrides, as written (resolved by the document stage).
    public var templateOverrides: TemplateOverrides?
    /// The report's own `fonts:` (families, roles, `path` of an office's fonts), applied over its template's.
    public var fontOverrides: TemplateOverrides?
    /// The number of the attachment this document is to a letter ("مرفق (١)"), if it is one.
    public var attachment: Int?
    /// What loading, binding and laying out this report may spend.
    public var limits = Limits()
    /// The files the report was read from: the report itself, its facts and data files, its images.
    public var inputFiles: [String] = []
    /// Where the files the report names (images, a template file, a letterhead logo) are read from when it is
    /// bound; not encoded.
    public var files: FileSource = .disk
    /// Values every text of the report can name directly, as `{{group}}` names the group of a batch; not encoded.
    public var variables: [String: String] = [:]
    /// Where the report names its template, for errors about it; not encoded.
    public var templateSource: SourceLocation?

    private enum CodingKeys: String, CodingKey {
        case template, title, subtitle, date, classification, author, subject, keywords, settings, facts, datasets, body, file, attachment
    }

    public init(template: String = "briefing", title: String, subtitle: String? = nil, date: CalendarDate,
                classification: String? = nil, author: String? = nil, subject: String? = nil, keywords: [String] = [],
                settings: ReportSettings = ReportSettings(), facts: [Fact] = [], datasets: [String: ActivityLog] = [:],
                body: [ReportBlock], file: String = "", templateOverrides: TemplateOverrides? = nil, attachment: Int? = nil) {
        self.template = template; self.title = title; self.subtitle = subtitle; self.date = date
        self.classification = classification; self.author = author; self.subject = subject; self.keywords = keywords
        self.settings = settings; self.facts = facts; self.datasets = datasets; self.body = body; self.file = file
        self.templateOverrides = templateOverrides; self.attachment = attachment
    }

    /// The fact with `key`, if the report states it.
    public func fact(_ key: String) -> Fact? { facts.first { $0.key == key } }

    /// Sets the value of the fact `key` (as `--set key=value` does), adding the fact when the report has none.
    public mutating func setFact(_ key: String, to value: String) {
        if let index = facts.firstIndex(where: { $0.key == key }) {
            facts[index].value = value
        } else {
            facts.append(Fact(key: key, value: value))
        }
    }
}

/// Template fields a report sets for itself, kept as the YAML it wrote so the document stage can check
/// them against the template's schema with their locations.
public struct TemplateOverrides: @unchecked Sendable {
    // @unchecked: the node is a parsed, immutable YAML tree, only read after loading.
    package let node: LocatedNode
    package init(node: LocatedNode) { self.node = node }
}
