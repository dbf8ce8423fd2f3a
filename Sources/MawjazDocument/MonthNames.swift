// Month names: the two Arabic sets for Gregorian months, and the tables for English and for Hijri months.
import MawjazData

extension MonthNames {
    /// The Arabic name of Gregorian month 1...12 in this set, or nil outside that range.
    public func name(ofMonth month: Int) -> String? {
        Self.entry(month, in: self == .egyptian ? Self.egyptianNames : Self.levantineNames)
    }

    /// The English name of Gregorian month 1...12, or nil outside that range.
    public static func englishName(ofMonth month: Int) -> String? {
        entry(month, in: englishNames)
    }

    /// The name of Hijri month 1...12 in `language`, or nil outside that range.
    public static func hijriName(ofMonth month: Int, in language: Language) -> String? {
        entry(month, in: language == .ar ? arabicHijriNames : englishHijriNames)
    }

    /// The name for 1-based `month` in a table of twelve.
    private static func entry(_ month: Int, in names: [String]) -> String? {
        (1...names.count).contains(month) ? names[month - 1] : nil
    }

    private static let egyptianNames = [
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ]

    private static let levantineNames = [
        "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
        "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
    ]

    private static let englishNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    private static let arabicHijriNames = [
        "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
        "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
    ]

    private static let englishHijriNames = [
        "Muharram", "Safar", "Rabi' al-Awwal", "Rabi' al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
        "Rajab", "Sha'ban", "Ramadan", "Shawwal", "Dhu al-Qa'dah", "Dhu al-Hijjah",
    ]
}
