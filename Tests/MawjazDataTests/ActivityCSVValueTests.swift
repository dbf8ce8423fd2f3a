// Tests of reading cell values: dates against the calendar, whole numbers, tag lists, with Arabic-Indic digits.
import Testing
@testable import MawjazData

/// `read` applied to the UTF-8 of `text`.
private func reading<Value>(_ text: String, _ read: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
    var text = text
    return text.withUTF8(read)
}
private func date(_ text: String) -> CalendarDate? { try? reading(text, ActivityCSV.date(from:)).get() }
private func dateProblem(_ text: String) -> String? {
    if case .failure(let problem) = reading(text, ActivityCSV.date(from:)) { problem.message.description } else { nil }
}
private func count(_ text: String) -> Int? { try? reading(text, ActivityCSV.count(from:)).get() }
private func countProblem(_ text: String) -> String? {
    if case .failure(let problem) = reading(text, ActivityCSV.count(from:)) { problem.message.description } else { nil }
}
private func tags(_ text: String) -> [String] { reading(text, ActivityCSV.tags(from:)) }

@Suite struct DateValueTests {
    @Test func readsDaysMonthsAndYears() {
        #expect(date("2024-09-15") == CalendarDate(year: 2024, month: 9, day: 15))
        #expect(date("2024-09") == CalendarDate(year: 2024, month: 9))
        #expect(date("2024") == CalendarDate(year: 2024))
        #expect(date("0999-12-31") == CalendarDate(year: 999, month: 12, day: 31))
    }

    @Test func readsArabicIndicAndExtendedArabicIndicDigits() {
        #expect(date("٢٠٢٤-٠٢-٢٩") == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(date("۱۴۰۲-۰۷") == CalendarDate(year: 1402, month: 7))
        #expect(date("٢٠24-0٣") == CalendarDate(year: 2024, month: 3))
    }

    @Test func skipsBidirectionalMarks() {
        #expect(date("\u{200F}2024-03-01\u{200E}") == CalendarDate(year: 2024, month: 3, day: 1))
        #expect(date("\u{061C}٢٠٢٤") == CalendarDate(year: 2024))
    }

    @Test(arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2000-02-29", true), ("1900-02-29", false),
        ("2100-02-29", false), ("2400-02-29", true), ("2023-02-28", true),
    ])
    func knowsLeapYears(text: String, valid: Bool) {
        #expect((date(text) != nil) == valid)
    }

    @Test func explainsImpossibleDates() {
        #expect(dateProblem("2023-02-30") == "\"2023-02-30\" is not a date: month 2 of 2023 has 28 days")
        #expect(dateProblem("2024-02-30") == "\"2024-02-30\" is not a date: month 2 of 2024 has 29 days")
        #expect(dateProblem("2023-04-31") == "\"2023-04-31\" is not a date: month 4 of 2023 has 30 days")
        #expect(dateProblem("2023-01-00") == "\"2023-01-00\" is not a date: month 1 of 2023 has 31 days")
        #expect(dateProblem("2023-13") == "\"2023-13\" has no month 13 (months run 01 to 12)")
        #expect(dateProblem("2023-00-10") == "\"2023-00-10\" has no month 0 (months run 01 to 12)")
    }

    @Test(arguments: ["2023/01/05", "05-01-2023", "23-01-05", "2023-1-5", "2023-01-05-01", "20230105", "2023-",
                      "-2023", "2023--01", "2023-01-05T10:00", "2023 01 05", "٢٠٢٣/٠١", "سنة 2023", "12345", "2023-011",
                      "2023-01-1", "\u{2212}2023", "2023.01.05"])
    func rejectsOtherForms(text: String) {
        #expect(dateProblem(text) == "\"\(text)\" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)")
    }
}

@Suite struct CountValueTests {
    @Test func readsWholeNumbers() {
        #expect(count("0") == 0)
        #expect(count("12") == 12)
        #expect(count("٤٥") == 45)
        #expect(count("۱۲۰") == 120)
        #expect(count("007") == 7)
        #expect(count("\u{200F}٣٠") == 30)
    }

    @Test func explainsWhatIsNotACount() {
        #expect(countProblem("-3") == "\"-3\" is negative (write a whole number, 0 or more)")
        #expect(countProblem("\u{2212}٥") == "\"\u{2212}٥\" is negative (write a whole number, 0 or more)")
        #expect(countProblem("12.5") == "\"12.5\" is not a whole number (write a whole number, 0 or more)")
        #expect(countProblem("١٢٫٥") == "\"١٢٫٥\" is not a whole number (write a whole number, 0 or more)")
        #expect(countProblem("many") == "\"many\" is not a number (write a whole number, 0 or more)")
        #expect(countProblem("12a") == "\"12a\" is not a number (write a whole number, 0 or more)")
        #expect(countProblem("1-2") == "\"1-2\" is not a number (write a whole number, 0 or more)")
        #expect(countProblem(".5") == "\".5\" is not a number (write a whole number, 0 or more)")
        #expect(countProblem("-") == "\"-\" is not a number (write a whole number, 0 or more)")
        #expect(countProblem("99999999999999999999") == "\"99999999999999999999\" is too large")
    }
}

@Suite struct TagValueTests {
    @Test func splitsAtSemicolonsBarsAndArabicCommas() {
        #expect(tags("a; b |c،  د ;;| ") == ["a", "b", "c", "د"])
        #expect(tags("شباب") == ["شباب"])
        #expect(tags(" ; ").isEmpty)
        #expect(tags("one, two") == ["one, two"])
    }

    @Test func trimsOnlyBlanksAtTheEnds() {
        #expect("  a b \t\n".trimmingBlanks() == "a b")
        #expect("\r\nنص\n".trimmingBlanks() == "نص")
        #expect(" ".trimmingBlanks() == "")
        #expect("x".trimmingBlanks() == "x")
    }
}
