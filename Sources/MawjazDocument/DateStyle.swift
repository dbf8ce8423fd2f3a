// Which calendar a document's dates are written in.

/// The calendar of printed dates: Gregorian, Hijri (Umm al-Qura), or the Gregorian date followed by its Hijri day.
public enum DateStyle: String, Hashable, Sendable, Codable, CaseIterable {
    /// The Gregorian date alone: "١٥ سبتمبر ٢٠٢٤".
    case gregorian
    /// The Hijri date alone: "١٢ ربيع الأول ١٤٤٦هـ".
    case hijri
    /// Both: "١٥ سبتمبر ٢٠٢٤م الموافق ١٢ ربيع الأول ١٤٤٦هـ".
    case dual
}
