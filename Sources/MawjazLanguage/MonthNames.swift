// The regional sets of Gregorian month names a language may have.

/// Which names the Gregorian months go by, where a language has more than one set (Arabic has two).
public enum MonthNames: String, Hashable, Sendable, Codable, CaseIterable {
    /// يناير، فبراير… (Egypt, the Gulf, the Maghreb).
    case egyptian
    /// كانون الثاني، شباط… (the Levant and Iraq).
    case levantine
}
