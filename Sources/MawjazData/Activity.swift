// Activities and dates: the rows of an activity log.

/// A calendar date given to the day, the month or the year (`2024-09-15`, `2024-09`, `2024`).
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    /// 1...12, or nil when only the year is known.
    public var month: Int?
    /// 1...31, or nil when only the year or month is known.
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year; self.month = month; self.day = day
    }

    /// Dates compare by year, then month, then day; a missing part sorts first.
    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    /// The ISO 8601 form, as precise as the date is.
    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var text = padded(year, 4)
        if let month { text += "-" + padded(month, 2) }
        if let day { text += "-" + padded(day, 2) }
        return text
    }
}

/// One activity of a log: when, what kind, what, and optionally where, with whom and how many.
public struct Activity: Hashable, Sendable, Codable {
    public var date: CalendarDate
    public var category: String
    public var title: String
    public var location: String?
    public var partner: String?
    public var participants: Int?
    public var tags: [String]
    /// The line of the source file the activity starts on (0 when built in code).
    public var line: Int

    public init(date: CalendarDate, category: String, title: String, location: String? = nil, partner: String? = nil,
                participants: Int? = nil, tags: [String] = [], line: Int = 0) {
        self.date = date; self.category = category; self.title = title; self.location = location
        self.partner = partner; self.participants = participants; self.tags = tags; self.line = line
    }
}

/// A named list of activities, and the file it came from.
public struct ActivityLog: Hashable, Sendable, Codable {
    public var name: String
    /// The file the log was read from ("" when built in code).
    public var file: String
    public var activities: [Activity]
    public init(name: String, file: String = "", activities: [Activity]) {
        self.name = name; self.file = file; self.activities = activities
    }
}
