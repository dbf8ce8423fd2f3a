// Tests of the tables' month names: both Arabic sets for Gregorian months, English names and Hijri names.
import Foundation
import MawjazData
import MawjazLanguage
import Testing

@Suite struct MonthNamesTests {
    @Test func egyptian() {
        let names = (1...12).compactMap { Arabic().gregorianMonthName($0, variant: .egyptian) }
        #expect(names == ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
                          "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"])
    }

    @Test func levantine() {
        let names = (1...12).compactMap { Arabic().gregorianMonthName($0, variant: .levantine) }
        #expect(names == ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
                          "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"])
    }

    @Test func english() {
        #expect(English().gregorianMonthName(1) == "January")
        #expect(English().gregorianMonthName(9) == "September")
        #expect(English().gregorianMonthName(12) == "December")
    }

    @Test func hijri() {
        let arabic = (1...12).compactMap { Arabic().hijriMonthName($0) }
        #expect(arabic == ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
                           "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"])
        let english = (1...12).compactMap { English().hijriMonthName($0) }
        #expect(english == ["Muharram", "Safar", "Rabi' al-Awwal", "Rabi' al-Thani", "Jumada al-Ula",
                            "Jumada al-Akhirah", "Rajab", "Sha'ban", "Ramadan", "Shawwal",
                            "Dhu al-Qa'dah", "Dhu al-Hijjah"])
    }

    @Test func monthsOutOfRangeHaveNoName() {
        for month in [0, 13, -1, Int.min, Int.max] {
            #expect(Arabic().gregorianMonthName(month, variant: .egyptian) == nil)
            #expect(Arabic().gregorianMonthName(month, variant: .levantine) == nil)
            #expect(English().gregorianMonthName(month) == nil)
            #expect(Arabic().hijriMonthName(month) == nil)
        }
    }

    @Test func rawValuesAndCodable() throws {
        #expect(MonthNames.egyptian.rawValue == "egyptian")
        #expect(MonthNames.levantine.rawValue == "levantine")
        #expect(Language.ar.rawValue == "ar")
        #expect(Language.en.rawValue == "en")
        #expect(DateStyle.allCases.map(\.rawValue) == ["gregorian", "hijri", "dual"])
        let json = try JSONEncoder().encode([Language.ar, .en])
        #expect(String(decoding: json, as: UTF8.self) == #"["ar","en"]"#)
        #expect(try JSONDecoder().decode(DateStyle.self, from: Data(#""dual""#.utf8)) == .dual)
        #expect(try JSONDecoder().decode(MonthNames.self, from: Data(#""levantine""#.utf8)) == .levantine)
    }

    @Test func languageDefaults() {
        #expect(ReportSettings(language: .ar).numerals == .arabicIndic)
        #expect(ReportSettings(language: .en).numerals == .latin)
    }
}
