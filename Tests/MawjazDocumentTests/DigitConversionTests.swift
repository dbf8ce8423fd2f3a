// Tests for Numerals.convertDigits: digits, separators and percent signs inside running Arabic and Latin text.
import MawjazData
import MawjazDocument
import Testing

@Suite struct DigitConversionTests {
    let arabic = Numerals(.arabicIndic)
    let latin = Numerals(.latin)

    @Test func asciiDigitsToArabicIndic() {
        #expect(arabic.convertDigits(in: "0123456789") == "٠١٢٣٤٥٦٧٨٩")
        #expect(arabic.convertDigits(in: "") == "")
    }

    @Test func arabicIndicAndExtendedDigitsToLatin() {
        #expect(latin.convertDigits(in: "٠١٢٣٤٥٦٧٨٩") == "0123456789")
        #expect(latin.convertDigits(in: "۰۱۲۳۴۵۶۷۸۹") == "0123456789")
    }

    @Test func extendedArabicIndicDigitsBecomeArabicIndic() {
        #expect(arabic.convertDigits(in: "۱۲۳۴") == "١٢٣٤")
    }

    @Test func digitsAlreadyInTheSystemStay() {
        #expect(arabic.convertDigits(in: "٢٠٢٤") == "٢٠٢٤")
        #expect(latin.convertDigits(in: "2024") == "2024")
    }

    @Test func digitsAlreadyInTheSystemStillTakeItsSeparatorsAndGroups() {
        #expect(latin.convertDigits(in: "3٫5 و 1٬250 و 45٪") == "3.5 و 1,250 و 45%")
        #expect(arabic.convertDigits(in: "٣.٥ و ١,٢٥٠ و ٤٥%") == "٣٫٥ و ١٬٢٥٠ و ٤٥٪")
        #expect(latin.convertDigits(in: "عدد 12345 فقط") == "عدد 12,345 فقط")
        #expect(arabic.convertDigits(in: "عدد ١٢٣٤٥ فقط") == "عدد ١٢٬٣٤٥ فقط")
        #expect(latin.convertDigits(in: "1234 و 5678. و ٪ وحده") == "1234 و 5678. و ٪ وحده")
    }

    @Test func separatorsBetweenDigits() {
        #expect(arabic.convertDigits(in: "3.5") == "٣٫٥")
        #expect(arabic.convertDigits(in: "1,250") == "١٬٢٥٠")
        #expect(arabic.convertDigits(in: "1,234,567.89") == "١٬٢٣٤٬٥٦٧٫٨٩")
        #expect(latin.convertDigits(in: "٣٫٥") == "3.5")
        #expect(latin.convertDigits(in: "١٬٢٥٠") == "1,250")
    }

    /// An amount typed with a decimal comma takes the Arabic separators by their meaning (round copy40: a letter under
    /// `numerals: arabic-indic` printed `€1.250,50` as `€١٫٢٥٠٬٥٠`, one point two five zero and a stray group).
    @Test func decimalCommaAmountsTakeTheSeparatorsOfTheirMeaning() {
        #expect(arabic.convertDigits(in: "سدد €1.250,50 و1.250.000,75 ريال") == "سدد €١٬٢٥٠٫٥٠ و١٬٢٥٠٬٠٠٠٫٧٥ ريال")
        #expect(arabic.convertDigits(in: "والفرنسي 1\u{202F}250,50\u{202F}€ و12\u{00A0}500,5")
                == "والفرنسي ١\u{202F}٢٥٠٫٥٠\u{202F}€ و١٢\u{00A0}٥٠٠٫٥")
        // English readings stay as they were: a comma before three digits, a lone dot group, a bare decimal comma.
        #expect(arabic.convertDigits(in: "1,250.50 و1.250 و12,5 و1.2.3") == "١٬٢٥٠٫٥٠ و١٫٢٥٠ و١٢٬٥ و1.2.3")
        // Not one number: joined to more digits after it; and Latin digits under Latin keep their separators.
        #expect(arabic.convertDigits(in: "و1.250,50.3") == "و١٫٢٥٠٬٥٠٫٣")
        #expect(latin.convertDigits(in: "€1.250,50") == "€1.250,50")
    }

    @Test func separatorsOutsideNumbersStay() {
        #expect(arabic.convertDigits(in: "قال: 5 عناصر، 3 باقية.") == "قال: ٥ عناصر، ٣ باقية.")
        #expect(arabic.convertDigits(in: "عام 2024. ثم") == "عام ٢٠٢٤. ثم")
        #expect(arabic.convertDigits(in: "1, 2, 3") == "١, ٢, ٣")
        #expect(arabic.convertDigits(in: ".5") == ".٥")
        #expect(arabic.convertDigits(in: "5.") == "٥.")
        #expect(latin.convertDigits(in: "٫٥") == "٫5")
    }

    @Test func percentAfterDigit() {
        #expect(arabic.convertDigits(in: "45%") == "٤٥٪")
        #expect(arabic.convertDigits(in: "12.5%") == "١٢٫٥٪")
        #expect(arabic.convertDigits(in: "100 %") == "١٠٠ %")
        #expect(arabic.convertDigits(in: "%5") == "%٥")
        #expect(latin.convertDigits(in: "٤٥٪") == "45%")
        #expect(latin.convertDigits(in: "٪ ٤٥") == "٪ 45")
    }

    @Test func mixedArabicText() {
        #expect(arabic.convertDigits(in: "شارك 1,250 متدربًا في 12 ورشة بنسبة 45%")
                == "شارك ١٬٢٥٠ متدربًا في ١٢ ورشة بنسبة ٤٥٪")
        #expect(latin.convertDigits(in: "شارك ١٬٢٥٠ متدربًا في ١٢ ورشة بنسبة ٤٥٪")
                == "شارك 1,250 متدربًا في 12 ورشة بنسبة 45%")
        #expect(arabic.convertDigits(in: "(عام 2024م)") == "(عام ٢٠٢٤م)")
        #expect(arabic.convertDigits(in: "في 2024-2025") == "في ٢٠٢٤-٢٠٢٥")
        #expect(arabic.convertDigits(in: "الساعة 12:30") == "الساعة ١٢:٣٠")
        #expect(arabic.convertDigits(in: "الفصل 1.2") == "الفصل ١٫٢")
        #expect(arabic.convertDigits(in: "15/09/2024") == "١٥/٠٩/٢٠٢٤")
        #expect(arabic.convertDigits(in: "-5") == "-٥")
    }

    @Test func latinWordsKeepTheirDigitsUnderArabicIndic() {
        #expect(arabic.convertDigits(in: "COVID-19") == "COVID-19")
        #expect(arabic.convertDigits(in: "جائحة COVID-19 في 2020") == "جائحة COVID-19 في ٢٠٢٠")
        #expect(arabic.convertDigits(in: "قمة G20 و(H1N1)،") == "قمة G20 و(H1N1)،")
        #expect(arabic.convertDigits(in: "انظر https://example.org/2024/report-3.pdf") == "انظر https://example.org/2024/report-3.pdf")
        #expect(arabic.convertDigits(in: "ISO 9001") == "ISO 9001")
        #expect(arabic.convertDigits(in: "Café2") == "Café2")
    }

    @Test func latinConversionKeepsEverythingButNumbers() {
        #expect(latin.convertDigits(in: "كوفيد-١٩") == "كوفيد-19")
        #expect(latin.convertDigits(in: "COVID-19 in 2020") == "COVID-19 in 2020")
        #expect(latin.convertDigits(in: "قمة العشرين، ٢٠٢٤") == "قمة العشرين، 2024")
    }

    @Test func roundTrip() {
        let text = "بلغت الميزانية 1,234,567.89 دولارًا، أي 12.5% من الإجمالي لعام 2024"
        #expect(latin.convertDigits(in: arabic.convertDigits(in: text)) == text)
    }

    @Test func combiningMarksAndEmojiSurvive() {
        #expect(arabic.convertDigits(in: "رَقْم 7 👍") == "رَقْم ٧ 👍")
    }

    @Test func technicalTokensKeepTheirDigits() {
        #expect(arabic.convertDigits(in: "الخادم 192.168.1.1 والإصدار 1.2.3") == "الخادم 192.168.1.1 والإصدار 1.2.3")
        #expect(arabic.convertDigits(in: "راسلوا info2024@example.org") == "راسلوا info2024@example.org")
        #expect(arabic.convertDigits(in: "الهاتف +998 71 123 45 67 أو 12") == "الهاتف +998 71 123 45 67 أو ١٢")
        #expect(arabic.convertDigits(in: "بلغة Python 3.12، وعام 2024") == "بلغة Python 3.12، وعام ٢٠٢٤")
        #expect(arabic.convertDigits(in: "Done. 5 items, 3 left.") == "Done. 5 items, 3 left.")
        #expect(arabic.convertDigits(in: "between 2012 and 2024, in Tashkent") == "between 2012 and 2024, in Tashkent")
        #expect(arabic.convertDigits(in: "2024 Annual Report") == "2024 Annual Report")
        #expect(arabic.convertDigits(in: "بلغ +200 نشاط") == "بلغ +٢٠٠ نشاط")
        #expect(arabic.convertDigits(in: "الوسم #رؤية_2030 والبند #12") == "الوسم #رؤية_2030 والبند #١٢")
        #expect(latin.convertDigits(in: "الهاتف +٩٩٨ ٧١ ١٢٣") == "الهاتف +٩٩٨ ٧١ ١٢٣")
        // A code of digits and Arabic letters inside Latin text keeps its digits; one opening Arabic text after Latin words,
        // or standing in Arabic text, follows the policy.
        #expect(latin.convertDigits(in: "decision ١٢/ب/١٤٤٧ of the board") == "decision ١٢/ب/١٤٤٧ of the board")
        #expect(latin.convertDigits(in: "see decision ١٢/ب/١٤٤٧") == "see decision ١٢/ب/١٤٤٧")
        #expect(arabic.convertDigits(in: "بلغة Python 3.12 و2024 عاما") == "بلغة Python 3.12 و٢٠٢٤ عاما")
        #expect(latin.convertDigits(in: "القرار ١٢/ب/١٤٤٧ of the board") == "القرار 12/ب/1447 of the board")
    }

    /// A number inside Latin text keeps Latin digits under Arabic-Indic; under Latin it follows the policy like any other,
    /// so Arabic-Indic digits typed in an English sentence match the page's (a held-out English corpus: `Delivery
    /// reached ٨٧٫٥٪` was printed so beside the facts box's `87.5%`).
    @Test func numbersInLatinTextFollowLatinDigits() {
        #expect(latin.convertDigits(in: "Delivery reached ٨٧٫٥٪ against 90%, spending ١٢٥٠٠٠٠ riyals")
                == "Delivery reached 87.5% against 90%, spending 1,250,000 riyals")
        #expect(latin.convertDigits(in: "Update to Python 3.12 by ٣١/١٢/٢٠٢٦") == "Update to Python 3.12 by 31/12/2026")
        #expect(latin.convertDigits(in: "Sites (٤٠ موقعا)") == "Sites (40 موقعا)")
        #expect(arabic.convertDigits(in: "Delivery reached 87.5% against 90%") == "Delivery reached 87.5% against 90%")
    }

    @Test func integersOfFiveOrMoreDigitsAreGrouped() {
        #expect(arabic.convertDigits(in: "بلغ 1250000 دولار") == "بلغ ١٬٢٥٠٬٠٠٠ دولار")
        #expect(arabic.convertDigits(in: "و12345 و2024 و1234") == "و١٢٬٣٤٥ و٢٠٢٤ و١٢٣٤")
        #expect(arabic.convertDigits(in: "١٢٥٠٠٠٠") == "١٬٢٥٠٬٠٠٠")
        #expect(latin.convertDigits(in: "١٢٥٠٠٠٠ ريال") == "1,250,000 ريال")
        // Already grouped, decimal, a leading zero: as they are.
        #expect(arabic.convertDigits(in: "1,250,000 و12345.5 و012345") == "١٬٢٥٠٬٠٠٠ و١٢٣٤٥٫٥ و٠١٢٣٤٥")
        #expect(arabic.convertDigits(in: "15/09/2024") == "١٥/٠٩/٢٠٢٤")
        // A number joined to another by a hyphen is part of a code: not grouped (an ISBN's `148410` became `148,410`).
        #expect(latin.convertDigits(in: "cite ISBN 978-3-16-148410-0 and 12345-67890") == "cite ISBN 978-3-16-148410-0 and 12345-67890")
        #expect(latin.convertDigits(in: "رقم ٩٧٨-٣-١٦-١٤٨٤١٠-٠") == "رقم 978-3-16-148410-0")
        #expect(latin.convertDigits(in: "a loss of -125000 and 125000-") == "a loss of -125,000 and 125,000-")
    }

    /// A run of digits that is part of an identifier is not grouped, under either system (round copy25: an English
    /// brief printed `ISBN 978-3-16-148,410-0` and `order #123,456`); an amount beside it still is.
    @Test func identifiersAreNotGrouped() {
        #expect(latin.convertDigits(in: "ISBN 978-3-16-148410-0 and order #123456") == "ISBN 978-3-16-148410-0 and order #123456")
        #expect(latin.convertDigits(in: "case № 654321, file №654321, box 148410/B") == "case № 654321, file №654321, box 148410/B")
        #expect(latin.convertDigits(in: "Tel. 2345678, P.O. Box 12345, ID number 1234567890")
                == "Tel. 2345678, P.O. Box 12345, ID number 1234567890")
        #expect(latin.convertDigits(in: "batch 2024_123456 of 1250000") == "batch 2024_123456 of 1,250,000")
        #expect(arabic.convertDigits(in: "ردمك 978-3-16-148410-0 والطلب #123456") == "ردمك ٩٧٨-٣-١٦-١٤٨٤١٠-٠ والطلب #١٢٣٤٥٦")
        #expect(arabic.convertDigits(in: "الرقم ٩٧٨-٣-١٦-١٤٨٤١٠-٠ و№ ٦٥٤٣٢١") == "الرقم ٩٧٨-٣-١٦-١٤٨٤١٠-٠ و№ ٦٥٤٣٢١")
        #expect(arabic.convertDigits(in: "الهاتف 2345678 وص.ب 12345 ورقم الهوية 1234567890")
                == "الهاتف ٢٣٤٥٦٧٨ وص.ب ١٢٣٤٥ ورقم الهوية ١٢٣٤٥٦٧٨٩٠")
        #expect(latin.convertDigits(in: "الرمز البريدي ١١٥٦٤ والقرار ١٤٨٤١٠/ب") == "الرمز البريدي 11564 والقرار 148410/ب")
        #expect(latin.convertDigits(in: "account no. 123456789, phone number 2345678") == "account no. 123456789, phone number 2345678")
        // Amounts: a sign, a range's dash, a word before that labels nothing, a label with another word between.
        #expect(latin.convertDigits(in: "an order of 1250000 riyals, with reference to 125000 units")
                == "an order of 1,250,000 riyals, with reference to 125,000 units")
        #expect(arabic.convertDigits(in: "بلغ رصيد الحساب 1250000 ريال") == "بلغ رصيد الحساب ١٬٢٥٠٬٠٠٠ ريال")
        #expect(latin.convertDigits(in: "Budget 1250000, loss -125000, range 10000–20000")
                == "Budget 1,250,000, loss -125,000, range 10,000–20,000")
        #expect(arabic.convertDigits(in: "بلغ 1250000 والعجز -125000 بين 10000–20000")
                == "بلغ ١٬٢٥٠٬٠٠٠ والعجز -١٢٥٬٠٠٠ بين ١٠٬٠٠٠–٢٠٬٠٠٠")
    }
}
