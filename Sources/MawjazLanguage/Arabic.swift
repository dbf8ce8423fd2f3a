// Arabic: its calendars' names, its plural rule and the words it writes into documents.

/// The Arabic table.
public struct Arabic: LanguageTable {
    public init() {}
    public var language: Language { .ar }
    public var isRightToLeft: Bool { true }
    public var script: Script { .arabic }
    public var numerals: NumeralSystem { .arabicIndic }

    public func gregorianMonths(_ variant: MonthNames) -> [String] {
        switch variant {
        case .egyptian:
            return ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
                    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
        case .levantine:
            return ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
                    "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
        }
    }

    public var hijriMonths: [String] {
        ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
         "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]
    }

    /// Zero, one, two, three to ten, eleven to ninety-nine (by the last two digits), and the rest (100, 101, 102…).
    public func pluralCategory(_ count: Int) -> PluralCategory {
        let lastTwo = abs(count) % 100
        switch count {
        case 0: return .zero
        case 1: return .one
        case 2: return .two
        default: return (3...10).contains(lastTwo) ? .few : (11...99).contains(lastTwo) ? .many : .other
        }
    }

    public func text(_ phrase: Phrase) -> String {
        switch phrase {
        case .pageOfPages(let page, let pages): return "صفحة \(page) من \(pages)"
        case .attachment(let number): return "مرفق (\(number))"
        case .sourceLead: return "المصدر:"
        case .other: return "أخرى"
        case .donutTotal: return "المجموع"
        case .referenceNumber: return "الرقم"
        case .referenceDate: return "التاريخ"
        case .referenceAttachments: return "المرفقات"
        case .listSeparator: return "، "
        case .gregorianEra(let date): return date + "م"
        case .hijriEra(let date): return date + "هـ"
        case .dualDate(let gregorian, let hijri): return "\(gregorian) الموافق \(hijri)"
        case .chartName(let name): return chartName(name)
        case .titledChart(let name, let title): return "\(name): \(title)"
        case .chartDescription(let sentences): return sentences.joined(separator: "؛ ") + "."
        case .categoryExtent(let count, let noun, let first, let last): return "\(counted(count, noun))، من \(first) إلى \(last)"
        case .seriesNames(let count, let noun, let names): return "\(counted(count, noun)): \(names.joined(separator: "، "))"
        case .highest(let measure, let category, let inYear, let value, let activities):
            let what: String
            switch measure {
            case .total: what = "مجموع"
            case .count: what = "عدد من الأنشطة"
            case .value: what = "قيمة"
            }
            let place = inYear ? "في عام \(category)" : "في \(category)"
            let unit = activities.map { " " + plural($0.value, one: "نشاط", two: "نشاطان", few: "أنشطة", many: "نشاطا", other: "نشاط") } ?? ""
            return "أعلى \(what) \(place): \(value)\(unit)"
        case .lowest(let category, let value): return "وأدناه في \(category): \(value)"
        case .trend(let from, let first, let to, let last): return "من \(from) في \(first) إلى \(to) في \(last)"
        case .largestSeries(let name, let amount): return "أكبرها \(name): \(amount)"
        case .total(let amount): return "المجموع \(amount)"
        case .shares(let count, let parts): return "\(counted(count, .share)): \(parts.joined(separator: "، "))"
        case .share(let category, let percent): return "\(category) \(percent)"
        case .eventExtent(let count, let first, let last): return "\(counted(count, .event)) من \(first) إلى \(last)"
        case .event(let date, let text): return "\(date): \(text)"
        case .moreEvents(let count):
            return (count.value > 2 ? "و" : "")
                + counted(count.value, count.text, one: "وحدث آخر", two: "وحدثان آخران", few: "أحداث أخرى", many: "حدثا آخر", other: "حدث آخر")
        }
    }

    private func chartName(_ name: ChartName) -> String {
        switch name {
        case .bar: return "مخطط أعمدة"
        case .groupedBar: return "مخطط أعمدة مجمعة"
        case .stackedBar: return "مخطط أعمدة مكدسة"
        case .horizontalBar: return "مخطط أشرطة أفقية"
        case .line: return "مخطط خطي"
        case .area: return "مخطط مساحي"
        case .donut: return "مخطط دائري"
        case .timeline: return "خط زمني"
        case .sparkline: return "مخطط مصغر"
        }
    }

    /// A count with its noun in the form Arabic gives it after that number: سنة واحدة، سنتان، ٣ سنوات، ١٣ سنة، ١٠٠ سنة.
    private func counted(_ count: Count, _ noun: CountedNoun) -> String {
        let n = count.text
        switch noun {
        case .year: return counted(count.value, n, one: "سنة واحدة", two: "سنتان", few: "سنوات", many: "سنة", other: "سنة")
        case .month: return counted(count.value, n, one: "شهر واحد", two: "شهران", few: "أشهر", many: "شهرا", other: "شهر")
        case .category: return counted(count.value, n, one: "فئة واحدة", two: "فئتان", few: "فئات", many: "فئة", other: "فئة")
        case .value: return counted(count.value, n, one: "قيمة واحدة", two: "قيمتان", few: "قيم", many: "قيمة", other: "قيمة")
        case .series: return counted(count.value, n, one: "سلسلة واحدة", two: "سلسلتان", few: "سلاسل", many: "سلسلة", other: "سلسلة")
        case .share: return counted(count.value, n, one: "حصة واحدة", two: "حصتان", few: "حصص", many: "حصة", other: "حصة")
        case .event: return counted(count.value, n, one: "حدث واحد", two: "حدثان", few: "أحداث", many: "حدثا", other: "حدث")
        }
    }

    /// The forms of a counted noun: one and two stand alone (the noun says the number), the others follow the
    /// number written `number`; zero, unless given its own words, takes the form of a hundred.
    func counted(_ count: Int, _ number: String, zero: String? = nil, one: String, two: String, few: String, many: String,
                 other: String) -> String {
        plural(count, zero: zero ?? "\(number) \(other)", one: one, two: two, few: "\(number) \(few)", many: "\(number) \(many)",
               other: "\(number) \(other)")
    }
}

extension Arabic {
    /// Words that, written just before a number, name it an identifier rather than an amount: a phone number, a post
    /// office box or postcode, an identity or register number (`الهاتف 2345678`, `ص.ب 12345`, `الرمز البريدي 11564`).
    /// Such a number keeps its digits ungrouped.
    package static let identifierLabels: [String] = [
        "هاتف", "الهاتف", "هاتفي", "جوال", "الجوال", "فاكس", "الفاكس", "ص.ب", "ص.ب.", "ب.", "بريد", "البريدي", "بريدي",
        "رمز", "الرمز", "رقم", "الهوية", "السجل", "صندوق", "ردمك",
    ]

    /// Words that head a label of two words, the number after its second (`رقم الهوية 1234567890`, `الرمز البريدي`,
    /// `صندوق بريد`, `السجل التجاري 1010123456`).
    package static let identifierLabelHeads: [String] = ["رقم", "رمز", "الرمز", "صندوق", "السجل"]

    /// The letters that may open such a label as a conjunction or preposition (`وص.ب`, `برقم`).
    package static let identifierLabelPrefixes: Set<Unicode.Scalar> = ["و", "ب", "ل", "ف"]
}
