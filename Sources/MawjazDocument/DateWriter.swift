// Calendar dates as Mawjaz prints them: long or numeric, Gregorian, Hijri or both, in Arabic or English.
import MawjazData
import MawjazLanguage

/// How a document writes its dates; `format(_:)` writes one `CalendarDate` that way.
///
/// Long Arabic forms for 2024-09-15: "١٥ سبتمبر ٢٠٢٤" (Gregorian), "١٢ ربيع الأول ١٤٤٦هـ" (Hijri),
/// "١٥ سبتمبر ٢٠٢٤م الموافق ١٢ ربيع الأول ١٤٤٦هـ" (dual). English: "15 September 2024",
/// "12 Rabi' al-Awwal 1446 AH", "15 September 2024 (12 Rabi' al-Awwal 1446 AH)". The numeric form
/// writes the same dates year first: "٢٠٢٤/٠٩/١٥", "١٤٤٦/٠٣/١٢هـ", "٢٠٢٤/٠٩/١٥م الموافق ١٤٤٦/٠٣/١٢هـ".
///
/// Partial dates ("2024", "2024-09") have no Hijri day: under the Hijri and dual styles they are
/// written in the Gregorian form, with the era mark "م" in Arabic so they are not read as Hijri
/// years. So are full dates before the Hijra. A date that is not a real day (month 13, 31 April,
/// a day without a month) is written in its ISO form with converted digits, so the error shows.
package struct DateWriter: Hashable, Sendable {
    /// Whether dates are written with month names or as digits only.
    package enum Form: String, Hashable, Sendable, Codable, CaseIterable {
        /// Day, month name, year: "١٥ سبتمبر ٢٠٢٤".
        case long
        /// Year, month, day in digits, for reference blocks: "٢٠٢٤/٠٩/١٥".
        case numeric
    }

    /// The language of month names and era marks.
    package var language: Language
    /// The digits dates are written in, whatever the language.
    package var numerals: NumeralSystem
    /// Gregorian, Hijri or both.
    package var style: DateStyle
    /// The Arabic names of Gregorian months; English documents use English names.
    package var monthNames: MonthNames
    /// Long or numeric.
    package var form: Form
    /// Whether an Arabic Gregorian date under the Gregorian style ends its year with "م"; the dual form always does, and English never.
    package var gregorianEraMark: Bool

    /// A date writer; `language` and `numerals` are the document's, the rest default to long Gregorian dates with Egyptian month names.
    package init(language: Language, numerals: NumeralSystem, style: DateStyle = .gregorian,
                monthNames: MonthNames = .egyptian, form: Form = .long, gregorianEraMark: Bool = false) {
        self.language = language; self.numerals = numerals; self.style = style
        self.monthNames = monthNames; self.form = form; self.gregorianEraMark = gregorianEraMark
    }

    /// `date` written in this writer's language, numerals, style and form.
    package func format(_ date: CalendarDate) -> String {
        let digits = Numerals(numerals)
        guard date.isReal else { return digits.convertDigits(in: date.description) }
        if style == .gregorian { return gregorian(date, eraMark: gregorianEraMark) }
        guard let hijriDate = HijriDate(date) else { return gregorian(date, eraMark: true) }
        let hijriText = hijri(hijriDate)
        guard style == .dual else { return hijriText }
        return language.table.text(.dualDate(gregorian: gregorian(date, eraMark: true), hijri: hijriText))
    }

    /// A real Gregorian date, full or partial; `eraMark` adds the era where the language marks it ("م" in Arabic).
    private func gregorian(_ date: CalendarDate, eraMark: Bool) -> String {
        let digits = Numerals(numerals)
        func marked(_ text: String) -> String { eraMark ? language.table.text(.gregorianEra(text)) : text }
        switch form {
        case .numeric:
            var parts = [digits.format(date.year, grouping: false, minimumDigits: 4)]
            if let month = date.month { parts.append(digits.format(month, minimumDigits: 2)) }
            if let day = date.day { parts.append(digits.format(day, minimumDigits: 2)) }
            return marked(parts.joined(separator: "/"))
        case .long:
            var parts: [String] = []
            if let day = date.day { parts.append(digits.format(day)) }
            if let month = date.month, let name = gregorianMonthName(month) { parts.append(name) }
            parts.append(marked(digits.year(date.year)))
            return parts.joined(separator: " ")
        }
    }

    /// A Hijri date with its era: "هـ" in Arabic, "AH" in English.
    private func hijri(_ date: HijriDate) -> String {
        let digits = Numerals(numerals)
        switch form {
        case .numeric:
            let parts = [digits.format(date.year, grouping: false, minimumDigits: 4),
                         digits.format(date.month, minimumDigits: 2),
                         digits.format(date.day, minimumDigits: 2)]
            return language.table.text(.hijriEra(parts.joined(separator: "/")))
        case .long:
            var parts = [digits.format(date.day)]
            if let name = language.table.hijriMonthName(date.month) { parts.append(name) }
            parts.append(digits.year(date.year))
            return language.table.text(.hijriEra(parts.joined(separator: " ")))
        }
    }

    /// The name of Gregorian month 1...12 in this writer's language and month-name set.
    private func gregorianMonthName(_ month: Int) -> String? {
        language.table.gregorianMonthName(month, variant: monthNames)
    }
}
