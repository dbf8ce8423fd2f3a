// Tests for Numerals: integers, grouping, decimals, negatives, percentages, years, page and section numbers.
import Foundation
import MawjazData
import MawjazDocument
import MawjazLanguage
import Testing

@Suite struct NumeralsTests {
    let arabic = Numerals(.arabicIndic)
    let latin = Numerals(.latin)

    @Test func numeralSystemRawValuesAndCodable() throws {
        #expect(NumeralSystem.arabicIndic.rawValue == "arabic-indic")
        #expect(NumeralSystem.latin.rawValue == "latin")
        #expect(NumeralSystem.allCases == [.arabicIndic, .latin])
        #expect(NumeralSystem(rawValue: "arabic-indic") == .arabicIndic)
        #expect(NumeralSystem(rawValue: "arabic") == nil)
        let json = try JSONEncoder().encode([NumeralSystem.arabicIndic, .latin])
        #expect(String(decoding: json, as: UTF8.self) == #"["arabic-indic","latin"]"#)
        #expect(try JSONDecoder().decode([NumeralSystem].self, from: json) == [.arabicIndic, .latin])
    }

    @Test func symbols() {
        #expect(NumeralSystem.arabicIndic.decimalSeparator == "\u{066B}")
        #expect(NumeralSystem.arabicIndic.groupingSeparator == "\u{066C}")
        #expect(NumeralSystem.arabicIndic.percentSign == "\u{066A}")
        #expect(NumeralSystem.latin.decimalSeparator == ".")
        #expect(NumeralSystem.latin.groupingSeparator == ",")
        #expect(NumeralSystem.latin.percentSign == "%")
        #expect(NumeralSystem.arabicIndic.minusSign == "-")
        #expect(NumeralSystem.latin.minusSign == "-")
    }

    @Test func everyDigit() {
        #expect(arabic.format(1_234_567_890, grouping: false) == "\u{0661}\u{0662}\u{0663}\u{0664}\u{0665}\u{0666}\u{0667}\u{0668}\u{0669}\u{0660}")
        #expect(arabic.format(1_234_567_890, grouping: false) == "١٢٣٤٥٦٧٨٩٠")
        #expect(latin.format(1_234_567_890, grouping: false) == "1234567890")
        #expect(arabic.format(0) == "٠")
        #expect(latin.format(0) == "0")
    }

    @Test func grouping() {
        #expect(arabic.format(1250) == "١٬٢٥٠")
        #expect(latin.format(1250) == "1,250")
        #expect(arabic.format(999) == "٩٩٩")
        #expect(arabic.format(1000) == "١٬٠٠٠")
        #expect(latin.format(12_345_678) == "12,345,678")
        #expect(latin.format(123_456) == "123,456")
        #expect(arabic.format(1_000_000) == "١٬٠٠٠٬٠٠٠")
        #expect(latin.format(1250, grouping: false) == "1250")
    }

    @Test func negativeIntegers() {
        #expect(arabic.format(-1250) == "-١٬٢٥٠")
        #expect(latin.format(-7) == "-7")
        #expect(latin.format(Int.min) == "-9,223,372,036,854,775,808")
        #expect(latin.format(Int.max, grouping: false) == "9223372036854775807")
    }

    @Test func padding() {
        #expect(arabic.format(9, minimumDigits: 2) == "٠٩")
        #expect(latin.format(9, minimumDigits: 2) == "09")
        #expect(latin.format(123, minimumDigits: 2) == "123")
        #expect(latin.format(-5, grouping: false, minimumDigits: 3) == "-005")
        #expect(latin.format(5, minimumDigits: 0) == "5")
    }

    @Test func yearsAndPagesAreNotGrouped() {
        #expect(arabic.year(2024) == "٢٠٢٤")
        #expect(latin.year(2024) == "2024")
        #expect(arabic.pageNumber(1024) == "١٠٢٤")
        #expect(latin.pageNumber(12) == "12")
    }

    @Test func decimals() {
        #expect(arabic.format(3.14159, fractionDigits: 2) == "٣٫١٤")
        #expect(latin.format(3.14159, fractionDigits: 2) == "3.14")
        #expect(latin.format(2.5, fractionDigits: 3) == "2.500")
        #expect(latin.format(0.05, fractionDigits: 1) == "0.1")
        #expect(latin.format(1234.5, fractionDigits: 1) == "1,234.5")
        #expect(arabic.format(1234.5, fractionDigits: 1) == "١٬٢٣٤٫٥")
        #expect(latin.format(1234.5, fractionDigits: 1, grouping: false) == "1234.5")
        #expect(latin.format(0.004, fractionDigits: 2) == "0.00")
        #expect(latin.format(7, fractionDigits: 0) == "7")
    }

    @Test func decimalRoundingIsHalfAwayFromZero() {
        #expect(latin.format(2.5, fractionDigits: 0) == "3")
        #expect(latin.format(3.5, fractionDigits: 0) == "4")
        #expect(latin.format(-2.5, fractionDigits: 0) == "-3")
        #expect(latin.format(0.125, fractionDigits: 2) == "0.13")
        // 2.675 is stored as 2.67499999…, so it rounds down, as a careful reader of the value expects.
        #expect(latin.format(2.675, fractionDigits: 2) == "2.67")
    }

    @Test func decimalRoundingCarriesIntoTheWholePart() {
        #expect(latin.format(9.996, fractionDigits: 2) == "10.00")
        #expect(latin.format(999.96, fractionDigits: 1) == "1,000.0")
        #expect(arabic.format(0.999, fractionDigits: 0) == "١")
    }

    @Test func negativeDecimals() {
        #expect(arabic.format(-12.5, fractionDigits: 1) == "-١٢٫٥")
        #expect(latin.format(-0.25, fractionDigits: 2) == "-0.25")
        // A value that rounds to zero loses its sign.
        #expect(latin.format(-0.001, fractionDigits: 2) == "0.00")
        #expect(latin.format(-0.0, fractionDigits: 1) == "0.0")
    }

    @Test func fractionDigitsAreClamped() {
        #expect(latin.format(1.5, fractionDigits: -3) == "2")
        #expect(latin.format(0.1, fractionDigits: 40) == "0.100000000000000")
    }

    @Test func largeAndNonFiniteDecimals() {
        #expect(latin.format(1e20, fractionDigits: 0) == "100,000,000,000,000,000,000")
        #expect(latin.format(-1e20, fractionDigits: 1, grouping: false) == "-100000000000000000000.0")
        #expect(arabic.format(1e19, fractionDigits: 0, grouping: false) == "١٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠")
        #expect(latin.format(.infinity, fractionDigits: 2) == "∞")
        #expect(latin.format(-.infinity, fractionDigits: 2) == "-∞")
        #expect(latin.format(.nan, fractionDigits: 2) == "NaN")
    }

    @Test func percentages() {
        #expect(arabic.percent(45) == "٤٥٪")
        #expect(latin.percent(45) == "45%")
        #expect(arabic.percent(12.345, fractionDigits: 1) == "١٢٫٣٪")
        #expect(latin.percent(12.345, fractionDigits: 1) == "12.3%")
        #expect(arabic.percent(-5) == "-٥٪")
        #expect(latin.percent(1500) == "1,500%")
        #expect(arabic.percent(99.5) == "١٠٠٪")
    }

    @Test func sectionNumbers() {
        #expect(arabic.sectionNumber([1, 2]) == "١٫٢")
        #expect(latin.sectionNumber([1, 2]) == "1.2")
        #expect(arabic.sectionNumber([3]) == "٣")
        #expect(latin.sectionNumber([2, 10, 1]) == "2.10.1")
        #expect(latin.sectionNumber([1000, 1]) == "1000.1")
        #expect(latin.sectionNumber([]) == "")
    }
}
