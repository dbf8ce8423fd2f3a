// Binding: placeholders, mustache sections and loops, for-each blocks, escaping, figures, numerals.
@testable import MawjazDocument
import Foundation
import MawjazData
import MawjazFrame
import MawjazLanguage
import Testing

@Suite struct BinderTests {
    static let log = ActivityLog(name: "activities", activities: [
        Activity(date: CalendarDate(year: 2021, month: 3, day: 14), category: "تدريبات مشتركة", title: "عملية **جوية** [مشتركة](x)"),
        Activity(date: CalendarDate(year: 2022, month: 5), category: "تبادلات عسكرية", title: "تبادل خبرات", participants: 12),
        Activity(date: CalendarDate(year: 2022), category: "تدريبات مشتركة", title: "مناورة ثاذرن سترايك"),
    ])

    func bind(_ body: [ReportBlock], numerals: NumeralSystem = .arabicIndic, convertDigits: Bool = true,
              facts: [Fact] = []) throws -> Document {
        let report = Report(title: "موجز", date: CalendarDate(year: 2024, month: 9, day: 15),
                            settings: ReportSettings(language: .ar, numerals: numerals, convertDigits: convertDigits), facts: facts,
                            datasets: ["activities": Self.log], body: body)
        return try Binder.bind(report, template: .fallback(named: "briefing"))
    }

    func errors(_ body: [ReportBlock]) -> [Diagnostic] {
        do { _ = try bind(body); return [] } catch let error as DataError { return error.diagnostics } catch { return [] }
    }

    func paragraph(_ document: Document, _ index: Int = 0) -> RichText {
        if case .paragraph(let paragraph) = document.blocks[index] { return paragraph.text }
        return []
    }

    @Test func placeholdersAreWrittenInTheDocumentsNumerals() throws {
        let text = "{{activities.count}} أنشطة منذ {{activities.first_year}}، {{activities.by_year.2022}} في ٢٠٢٢، التغير {{activities.change.2021.2022}}"
        #expect(paragraph(try bind([.paragraph(ParagraphSpec(text))])).plainText == "٣ أنشطة منذ ٢٠٢١، ٢ في ٢٠٢٢، التغير ١")
        #expect(paragraph(try bind([.paragraph(ParagraphSpec(text))], numerals: .latin)).plainText == "3 أنشطة منذ 2021، 2 في 2022، التغير 1")
        // convert-digits: false keeps the author's digits as typed; Mawjaz's own numbers still follow the numerals.
        #expect(paragraph(try bind([.paragraph(ParagraphSpec(text))], numerals: .latin, convertDigits: false)).plainText
                == "3 أنشطة منذ 2021، 2 في ٢٠٢٢، التغير 1")
    }

    @Test func theAuthorsDigitsFollowTheNumeralsButTechnicalTokensStayAsTyped() throws {
        let text = "منذ عام 2012 بلغ العدد 1250000 في Q3 عبر 192.168.1.1 وinfo@example.org والهاتف +998 71 123 45 67 (Python 3.12)"
        #expect(paragraph(try bind([.paragraph(ParagraphSpec(text))])).plainText
                == "منذ عام ٢٠١٢ بلغ العدد ١٬٢٥٠٬٠٠٠ في Q3 عبر 192.168.1.1 وinfo@example.org والهاتف +998 71 123 45 67 (Python 3.12)")
        #expect(paragraph(try bind([.paragraph(ParagraphSpec(text))], convertDigits: false)).plainText == text)
        let table = TableSpec(columns: [.init("التاريخ"), .init("المبلغ")], rows: [[.init("2024/09/15"), .init("1250000")]])
        guard case .table(let bound) = try bind([.table(table)]).blocks[0] else { Issue.record("expected a table"); return }
        #expect(bound.rows.map { $0.map(\.text.plainText) } == [["٢٠٢٤/٠٩/١٥", "١٬٢٥٠٬٠٠٠"]])
    }

    /// The running head's and foot's text follows the numerals as the body's does: one digit system on the page.
    @Test func theRunningHeadAndFootFollowTheNumerals() throws {
        var template = Template.fallback(named: "briefing")
        template.header = RunningText(start: "الإصدار 3.1 — Build 1043", end: "{page-of-pages}")
        template.footer = RunningText(start: "{title}", end: "المرجع: م/2024/153")
        for convertDigits in [true, false] {
            let report = Report(title: "موجز", date: CalendarDate(year: 2024, month: 9, day: 15),
                                settings: ReportSettings(language: .ar, numerals: .arabicIndic, convertDigits: convertDigits), body: [])
            let bound = try Binder.bind(report, template: template).template
            #expect(bound.header == (convertDigits ? RunningText(start: "الإصدار ٣٫١ — Build 1043", end: "{page-of-pages}") : template.header))
            #expect(bound.footer == (convertDigits ? RunningText(start: "{title}", end: "المرجع: م/٢٠٢٤/١٥٣") : template.footer))
        }
    }

    /// A letterhead's Arabic name follows the numerals as the running head does (`وزارة المالية — ص.ب 4521` was printed
    /// with Latin digits above a signature's `ص.ب ٤٥٢١`; a held-out brief, round copy34); its English name keeps its own.
    @Test func aLetterheadsArabicNameFollowsTheNumerals() throws {
        var template = Template.fallback(named: "correspondence")
        template.letterhead = Letterhead(arabic: "وزارة المالية — ص.ب 4521", english: "Ministry of Finance — P.O. Box 4521")
        for convertDigits in [true, false] {
            let report = Report(title: "خطاب", date: CalendarDate(year: 2026, month: 12, day: 4),
                                settings: ReportSettings(language: .ar, numerals: .arabicIndic, convertDigits: convertDigits), body: [])
            let bound = try Binder.bind(report, template: template).template
            #expect(bound.letterhead?.arabic == (convertDigits ? "وزارة المالية — ص.ب ٤٥٢١" : "وزارة المالية — ص.ب 4521"))
            #expect(bound.letterhead?.english == "Ministry of Finance — P.O. Box 4521")
        }
    }

    @Test func dataNeverBecomesMarkup() throws {
        // The first activity's title holds markup characters: they stay plain text.
        let document = try bind([.paragraph(ParagraphSpec("**{{#activities.activities}}{{title}}؛ {{/activities.activities}}**"))])
        let text = paragraph(document)
        #expect(text.plainText == "عملية **جوية** [مشتركة](x)؛ تبادل خبرات؛ مناورة ثاذرن سترايك؛ ")
        #expect(text.allSatisfy { $0.bold && $0.link == nil })
    }

    @Test func sectionsLoopOverListsAndTestConditions() throws {
        let text = "{{#activities.category_counts}}{{category}}: {{count}} ({{share}})، {{/activities.category_counts}}"
            + "{{#facts.since}}منذ {{facts.since}}{{/facts.since}}{{^facts.until}} بلا نهاية{{/facts.until}}"
        let document = try bind([.paragraph(ParagraphSpec(text))], facts: [Fact(key: "since", value: "2012"), Fact(key: "until", value: "")])
        #expect(paragraph(document).plainText == "تدريبات مشتركة: ٢ (٦٧٪)، تبادلات عسكرية: ١ (٣٣٪)، منذ ٢٠١٢ بلا نهاية")
    }

    @Test func forEachRepeatsBlocksPerCategory() throws {
        let repeated = ForEachSpec(dataset: "activities", by: .category, blocks: [
            .heading(HeadingSpec("{{category}}")),
            .paragraph(ParagraphSpec("{{count}} من {{activities.count}}")),
            .chart(ChartSpec(kind: .bar, dataset: "activities", by: .year, filter: ActivityFilter(categories: ["{{category}}"]))),
        ])
        let document = try bind([.forEach(repeated)])
        #expect(document.blocks.count == 6)
        guard case .heading(let first) = document.blocks[0], case .heading(let second) = document.blocks[3],
              case .chart(let chart) = document.blocks[5] else { Issue.record("unexpected blocks"); return }
        #expect(first.text.plainText == "تدريبات مشتركة" && second.text.plainText == "تبادلات عسكرية")
        #expect(paragraph(document, 1).plainText == "٢ من ٣")
        #expect(chart.series[0].values == [0, 1], "only the category at hand, by year")
    }

    @Test func unknownNamesAreErrorsWithSuggestions() {
        let found = errors([.paragraph(ParagraphSpec("{{#activities.activities}}{{titel}}{{/activities.activities}}",
                                                     location: SourceLocation(file: "r.yaml", line: 7, column: 5)))])
        #expect(found.count == 1)
        #expect(found.first?.location.line == 7)
        #expect(found.first?.message.description.contains("{{titel}}") == true && found.first?.message.description.contains("did you mean \"title\"?") == true)
    }

    @Test func malformedTemplatesAreErrors() {
        for (text, message) in [("{{#activities.activities}} x", "is never closed"), ("{{/x}}", "never opened"),
                                ("{{{activities.count}}}", "unescaped values are not allowed"), ("{{> partial}}", "not supported"),
                                ("{{activities.count", "not closed")] {
            let found = errors([.paragraph(ParagraphSpec(text))])
            #expect(found.count == 1 && found[0].message.description.contains(message), "\(text): \(found)")
        }
    }

    @Test func figuresStandingAloneFollowTheNumerals() throws {
        let table = TableSpec(columns: [.init("أ"), .init("ب")], rows: [[.init("2012"), .init("نص 2012")], [.init("45%"), .init("+200")]])
        let document = try bind([.table(table)])
        guard case .table(let bound) = document.blocks[0] else { Issue.record("expected a table"); return }
        #expect(bound.rows.map { $0.map(\.text.plainText) } == [["٢٠١٢", "نص ٢٠١٢"], ["٤٥٪", "+٢٠٠"]])
        #expect(bound.rows.map { $0.map(\.isFigure) } == [[true, false], [true, true]])
    }

    /// A figure in brackets alone in a cell (accounting style) is a figure, its digits the document's; a word or a
    /// figure with spaces in brackets, or a bracket alone, is not.
    @Test func figuresInBracketsAreFigures() throws {
        let table = TableSpec(columns: [.init("أ"), .init("ب"), .init("ج")],
                              rows: [[.init("(78%)"), .init(" (-12) "), .init("(٤١٪)")], [.init("(انظر)"), .init("( 12 )"), .init("(12")]])
        let document = try bind([.table(table)])
        guard case .table(let bound) = document.blocks[0] else { Issue.record("expected a table"); return }
        #expect(bound.rows.map { $0.map(\.text.plainText) } == [["(٧٨٪)", "(-١٢)", "(٤١٪)"], ["(انظر)", "( ١٢ )", "(١٢"]])
        #expect(bound.rows.map { $0.map(\.isFigure) } == [[true, true, true], [false, false, false]])
        let kept = try bind([.table(table)], convertDigits: false)
        guard case .table(let typed) = kept.blocks[0] else { Issue.record("expected a table"); return }
        #expect(typed.rows[0].map(\.text.plainText) == ["(78%)", "(-12)", "(٤١٪)"] && typed.rows[0].allSatisfy(\.isFigure))
    }

    /// `convert-digits: false` keeps every digit the author typed — a figure alone in a cell or a facts box, a fact's
    /// value put in by a placeholder, a list item, a heading — while the numbers Mawjaz writes (list and heading numbers,
    /// counts, dates it formats) follow the numerals.
    @Test func convertDigitsFalseKeepsEveryTypedDigit() throws {
        let table = TableSpec(columns: [.init("أ"), .init("ب"), .init("ج")],
                              rows: [[.init("2012"), .init(" 87.5% "), .init("1250000")], [.init("+200"), .init("٣٫٥٪"), .init("2024/09/15")]])
        let facts = FactsSpec(items: [.init(label: "منذ 2012", value: "1250000"), .init(label: "النسبة", value: "87.5%")])
        let list = ListSpec(ordered: true, items: [.init("البند 12345"), .init("الهاتف +998 71 123 45 67")])
        let timeline = TimelineSpec(events: [.init(date: "2021-03-14", text: "حدث 3")])
        let body: [ReportBlock] = [.table(table), .facts(facts), .list(list), .heading(HeadingSpec("الفصل 2", numbered: true)),
                                   .paragraph(ParagraphSpec("منذ {{facts.since}}، {{activities.count}} أنشطة")), .timeline(timeline)]
        let document = try bind(body, convertDigits: false, facts: [Fact(key: "since", value: "2012")])
        guard case .table(let bound) = document.blocks[0], case .facts(let box) = document.blocks[1],
              case .list(let items) = document.blocks[2], case .heading(let heading) = document.blocks[3],
              case .timeline(let events) = document.blocks[5] else { Issue.record("unexpected blocks"); return }
        #expect(bound.rows.map { $0.map(\.text.plainText) } == [["2012", "87.5%", "1250000"], ["+200", "٣٫٥٪", "2024/09/15"]])
        #expect(bound.rows.map { $0.map(\.isFigure) } == [[true, true, true], [true, true, false]], "still figures, set to the end")
        #expect(box.items.map(\.value) == ["1250000", "87.5%"] && box.items[0].label == "منذ 2012")
        #expect(items.items.map(\.marker) == ["١.", "٢."] && items.items.map(\.text.plainText) == ["البند 12345", "الهاتف +998 71 123 45 67"])
        #expect(heading.number == "١" && heading.text.plainText == "الفصل 2")
        #expect(paragraph(document, 4).plainText == "منذ 2012، ٣ أنشطة")
        #expect(events.events.map(\.date) == ["١٤ مارس ٢٠٢١"] && events.events.map(\.text.plainText) == ["حدث 3"])
    }

    /// A facts item's unit is drawn after its value, a space apart, as `{{facts.KEY}}` gives it: it was read and never
    /// drawn (`unit: "°C"` beside `value: "45"` printed `45` alone; a held-out brief, round copy31).
    @Test func aFactsItemsUnitFollowsItsValue() throws {
        let facts = FactsSpec(items: [.init(label: "الحرارة", value: "45", unit: "°C"), .init(label: "التركيز", value: "35", unit: "µg/m³"),
                                      .init(label: "النسبة", value: "87.5%")])
        for convertDigits in [false, true] {
            let document = try bind([.facts(facts)], convertDigits: convertDigits)
            guard case .facts(let box) = document.blocks[0] else { Issue.record("expected a facts box"); return }
            #expect(box.items.map(\.value) == (convertDigits ? ["٤٥ °C", "٣٥ µg/m³", "٨٧٫٥٪"] : ["45 °C", "35 µg/m³", "87.5%"]))
        }
    }

    @Test func commentsVanish() throws {
        #expect(paragraph(try bind([.paragraph(ParagraphSpec("نص{{! ملاحظة للمحرر }} آخر"))])).plainText == "نص آخر")
    }
}
