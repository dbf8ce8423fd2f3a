// Tests for DateWriter: Arabic and English dates, Gregorian, Hijri and dual, long and numeric, full and partial.
import MawjazData
import MawjazDocument
import MawjazLanguage
import Testing

@Suite struct DateWriterTests {
    let day = CalendarDate(year: 2024, month: 9, day: 15)
    let month = CalendarDate(year: 2024, month: 9)
    let year = CalendarDate(year: 2024)

    /// An Arabic writer with Arabic-Indic digits.
    func arabic(_ style: DateStyle = .gregorian, _ form: DateWriter.Form = .long,
                names: MonthNames = .egyptian, eraMark: Bool = false) -> DateWriter {
        DateWriter(language: .ar, numerals: .arabicIndic, style: style, monthNames: names, form: form,
                   gregorianEraMark: eraMark)
    }

    /// An English writer with Latin digits.
    func english(_ style: DateStyle = .gregorian, _ form: DateWriter.Form = .long) -> DateWriter {
        DateWriter(language: .en, numerals: .latin, style: style, form: form)
    }

    @Test func arabicGregorian() {
        #expect(arabic().format(day) == "١٥ سبتمبر ٢٠٢٤")
        #expect(arabic(names: .levantine).format(day) == "١٥ أيلول ٢٠٢٤")
        #expect(arabic(eraMark: true).format(day) == "١٥ سبتمبر ٢٠٢٤م")
        #expect(arabic().format(CalendarDate(year: 2025, month: 1, day: 3)) == "٣ يناير ٢٠٢٥")
        #expect(arabic(names: .levantine).format(CalendarDate(year: 2025, month: 1, day: 3)) == "٣ كانون الثاني ٢٠٢٥")
    }

    @Test func arabicHijri() {
        #expect(arabic(.hijri).format(day) == "١٢ ربيع الأول ١٤٤٦هـ")
        #expect(arabic(.hijri).format(CalendarDate(year: 2023, month: 3, day: 23)) == "١ رمضان ١٤٤٤هـ")
        #expect(arabic(.hijri).format(CalendarDate(year: 2000, month: 1, day: 1)) == "٢٤ رمضان ١٤٢٠هـ")
    }

    @Test func arabicDualIsExact() {
        #expect(arabic(.dual).format(day) == "١٥ سبتمبر ٢٠٢٤م الموافق ١٢ ربيع الأول ١٤٤٦هـ")
        #expect(arabic(.dual, names: .levantine).format(day) == "١٥ أيلول ٢٠٢٤م الموافق ١٢ ربيع الأول ١٤٤٦هـ")
        // The era mark is part of the dual form whatever the option says.
        #expect(arabic(.dual, eraMark: false).format(day) == arabic(.dual, eraMark: true).format(day))
    }

    @Test func arabicWithLatinDigits() {
        let writer = DateWriter(language: .ar, numerals: .latin, style: .dual)
        #expect(writer.format(day) == "15 سبتمبر 2024م الموافق 12 ربيع الأول 1446هـ")
    }

    @Test func english() {
        #expect(english().format(day) == "15 September 2024")
        #expect(english(.hijri).format(day) == "12 Rabi' al-Awwal 1446 AH")
        #expect(english(.dual).format(day) == "15 September 2024 (12 Rabi' al-Awwal 1446 AH)")
        #expect(english(.hijri).format(CalendarDate(year: 2023, month: 3, day: 23)) == "1 Ramadan 1444 AH")
    }

    @Test func englishIgnoresArabicOnlyOptions() {
        let writer = DateWriter(language: .en, numerals: .latin, monthNames: .levantine, gregorianEraMark: true)
        #expect(writer.format(day) == "15 September 2024")
    }

    @Test func englishWithArabicIndicDigits() {
        let writer = DateWriter(language: .en, numerals: .arabicIndic, style: .dual)
        #expect(writer.format(day) == "١٥ September ٢٠٢٤ (١٢ Rabi' al-Awwal ١٤٤٦ AH)")
    }

    @Test func partialGregorianDates() {
        #expect(arabic().format(year) == "٢٠٢٤")
        #expect(arabic().format(month) == "سبتمبر ٢٠٢٤")
        #expect(arabic(names: .levantine).format(month) == "أيلول ٢٠٢٤")
        #expect(arabic(eraMark: true).format(month) == "سبتمبر ٢٠٢٤م")
        #expect(english().format(year) == "2024")
        #expect(english().format(month) == "September 2024")
    }

    @Test func partialDatesFallBackToGregorianUnderHijriAndDual() {
        for style in [DateStyle.hijri, .dual] {
            #expect(arabic(style).format(year) == "٢٠٢٤م")
            #expect(arabic(style).format(month) == "سبتمبر ٢٠٢٤م")
            #expect(english(style).format(year) == "2024")
            #expect(english(style).format(month) == "September 2024")
            #expect(arabic(style, .numeric).format(month) == "٢٠٢٤/٠٩م")
        }
    }

    @Test func datesBeforeTheHijraFallBackToGregorian() {
        let early = CalendarDate(year: 600, month: 3, day: 1)
        #expect(arabic(.dual).format(early) == "١ مارس ٦٠٠م")
        #expect(english(.hijri).format(early) == "1 March 600")
    }

    @Test func numericForm() {
        #expect(arabic(.gregorian, .numeric).format(day) == "٢٠٢٤/٠٩/١٥")
        #expect(english(.gregorian, .numeric).format(day) == "2024/09/15")
        #expect(arabic(.gregorian, .numeric).format(month) == "٢٠٢٤/٠٩")
        #expect(arabic(.gregorian, .numeric).format(year) == "٢٠٢٤")
        #expect(arabic(.gregorian, .numeric, eraMark: true).format(day) == "٢٠٢٤/٠٩/١٥م")
        #expect(arabic(.hijri, .numeric).format(day) == "١٤٤٦/٠٣/١٢هـ")
        #expect(english(.hijri, .numeric).format(day) == "1446/03/12 AH")
        #expect(arabic(.dual, .numeric).format(day) == "٢٠٢٤/٠٩/١٥م الموافق ١٤٤٦/٠٣/١٢هـ")
        #expect(english(.dual, .numeric).format(day) == "2024/09/15 (1446/03/12 AH)")
        #expect(english(.gregorian, .numeric).format(CalendarDate(year: 987, month: 1, day: 2)) == "0987/01/02")
    }

    @Test func leapDays() {
        let leap = CalendarDate(year: 2024, month: 2, day: 29)
        #expect(arabic(.dual).format(leap) == "٢٩ فبراير ٢٠٢٤م الموافق ١٩ شعبان ١٤٤٥هـ")
        #expect(english(.dual).format(leap) == "29 February 2024 (19 Sha'ban 1445 AH)")
    }

    @Test func unrealDatesAreWrittenInIsoForm() {
        #expect(arabic(.dual).format(CalendarDate(year: 2023, month: 2, day: 29)) == "٢٠٢٣-٠٢-٢٩")
        #expect(arabic().format(CalendarDate(year: 2024, month: 13)) == "٢٠٢٤-١٣")
        #expect(english().format(CalendarDate(year: 2024, month: 4, day: 31)) == "2024-04-31")
        #expect(english().format(CalendarDate(year: 2024, month: nil, day: 5)) == "2024-05")
    }

    @Test func yearsAreNeverGrouped() {
        #expect(arabic().format(CalendarDate(year: 12_345)) == "١٢٣٤٥")
        #expect(english(.gregorian, .numeric).format(CalendarDate(year: 12_345, month: 1)) == "12345/01")
    }
}
