// Stopping long work from outside: a layout asks its stop signal before each piece of text and as each block and table
// row is counted, drawing asks before each page, and a raised signal ends either at the next question.
import Foundation
import Mawjaz
import MawjazDocument
import MawjazFrame
import MawjazLayout
import MawjazRender
import Synchronization
import Testing
import TestSupport

/// A stop signal that counts the questions it is asked, and is raised from the `raisedAt`-th on.
final class CountingSignal: Sendable {
    private let asked = Atomic<Int>(0)
    let raisedAt: Int

    init(raisedAt: Int = .max) { self.raisedAt = raisedAt }

    var questions: Int { asked.load(ordering: .relaxed) }

    var signal: StopSignal {
        StopSignal { [self] in asked.wrappingAdd(1, ordering: .relaxed).newValue >= raisedAt }
    }
}

@Suite struct StopSignalTests {
    /// A document of `count` paragraphs of two sentences each (some 25 to a page), or of one table of `count` rows.
    static func document(paragraphs count: Int = 0, tableRows rows: Int = 0) throws -> Document {
        var body: [ReportBlock] = (1...max(1, count)).map { .paragraph(ParagraphSpec("\($0). \(TestSupport.sentence) \(TestSupport.sentence)")) }
        if rows > 0 {
            body.append(.table(TableSpec(columns: [.init("رقم"), .init("نص")],
                                         rows: (1...rows).map { [.init("\($0)"), .init(TestSupport.sentence)] })))
        }
        let report = Report(title: "طويل", date: CalendarDate(year: 2024, month: 1, day: 1), body: body)
        return try TestSupport.renderer().bind(report)
    }

    static func layout(_ document: Document, stop: StopSignal) throws -> LayoutResult {
        try Typesetter(engine: TestSupport.renderer().engine, stop: stop).layout(document, creationDate: 0)
    }

    @Test func aLayoutAsksAtLeastOncePerParagraphAndTableRow() throws {
        let counter = CountingSignal()
        let result = try Self.layout(try Self.document(paragraphs: 150, tableRows: 100), stop: counter.signal)
        #expect(result.document.pages.count > 5)
        // Each paragraph is set (a question) and counted (another); each row's cells are measured and set, and the
        // row counted; each page is furnished.
        #expect(counter.questions >= 2 * 150 + 2 * 100 + result.document.pages.count, "\(counter.questions)")
    }

    @Test(arguments: [1, 50, 300])
    func aRaisedSignalEndsTheLayoutAtTheQuestionThatFoundItRaised(_ raisedAt: Int) throws {
        let counter = CountingSignal(raisedAt: raisedAt)
        do {
            let result = try Self.layout(try Self.document(paragraphs: 150, tableRows: 100), stop: counter.signal)
            Issue.record("laid out \(result.document.pages.count) pages past a raised signal")
        } catch let error as LayoutError {
            #expect(error.isStop, "\(error)")
        }
        #expect(counter.questions == raisedAt, "asked again after it was raised: \(counter.questions)")
    }

    /// A report of `count` paragraphs and a table with a row for each of `rows` activities drawn from a dataset.
    static func report(paragraphs count: Int, rowsFromData rows: Int) -> Report {
        let activities = (0..<rows).map { Activity(date: CalendarDate(year: 2000 + $0 % 20), category: "فئة", title: "نشاط \($0)", line: $0 + 2) }
        let place = SourceLocation(file: "report.yaml", line: 9, column: 5)
        let table = TableSpec(columns: [.init("السنة"), .init("النشاط")], rows: [],
                              rowsFrom: TableSpec.RowSource(dataset: "log", cells: ["{{year}}", "{{title}}"], location: place))
        return Report(title: "طويل", date: CalendarDate(year: 2024, month: 1, day: 1),
                      datasets: ["log": ActivityLog(name: "log", file: "log.csv", activities: activities)],
                      body: (1...count).map { .paragraph(ParagraphSpec("\($0). \(TestSupport.sentence)")) } + [.table(table)])
    }

    static func bind(_ report: Report, stop: StopSignal) throws -> Document {
        let template = try TemplateLoader(folder: TestSupport.resources.templates).template(for: report)
        return Binder.bindAll(report, template: template, stop: stop).document
    }

    @Test func bindingAsksBeforeEachBlockAndEachRowDrawnFromADataset() throws {
        let counter = CountingSignal()
        let document = try Self.bind(Self.report(paragraphs: 40, rowsFromData: 500), stop: counter.signal)
        guard case .table(let table) = document.blocks.last else { Issue.record("no table last"); return }
        #expect(table.rows.count == 500)
        #expect(counter.questions >= 41 + 500, "\(counter.questions)")
    }

    @Test(arguments: [1, 20, 300])
    func aRaisedSignalEndsTheBindingAtTheQuestionThatFoundItRaised(_ raisedAt: Int) throws {
        let counter = CountingSignal(raisedAt: raisedAt)
        let document = try Self.bind(Self.report(paragraphs: 40, rowsFromData: 500), stop: counter.signal)
        let rows = document.blocks.reduce(0) { count, block in
            guard case .table(let table) = block else { return count }
            return count + table.rows.count
        }
        #expect(document.blocks.count + rows < 40 + 500, "bound \(document.blocks.count) blocks and \(rows) rows")
        #expect(counter.questions == raisedAt, "asked again after it was raised: \(counter.questions)")
    }

    @Test func aTableOverItsRowsLimitIsRefusedBeforeARowIsBound() throws {
        var report = Self.report(paragraphs: 3, rowsFromData: 5_000)
        report.limits.tableRows = 4_999
        let counter = CountingSignal()
        let template = try TemplateLoader(folder: TestSupport.resources.templates).template(for: report)
        let (refused, diagnostics) = Binder.bindAll(report, template: template, stop: counter.signal)
        #expect(diagnostics.map(\.message) == [.tooManyTableRows(rows: 5_000, limit: 4_999)])
        #expect(diagnostics.first.map { "\($0.location.line):\($0.location.column) \($0.field ?? "")" } == "9:5 table.rows-from")
        guard case .table(let table) = refused.blocks.last else { Issue.record("no table last"); return }
        #expect(table.rows.isEmpty)
        // Asked before each of the four blocks, never for a row: none was bound.
        #expect(counter.questions == 4, "\(counter.questions)")
        // At the limit, every row is bound.
        report.limits.tableRows = 5_000
        let (document, none) = Binder.bindAll(report, template: template)
        #expect(none.isEmpty)
        guard case .table(let bound) = document.blocks.last else { Issue.record("no table last"); return }
        #expect(bound.rows.count == 5_000)
    }

    @Test func aSignalRaisedWhileBindingStopsTheCheckBeforeTheLayout() throws {
        let counter = CountingSignal(raisedAt: 10)
        #expect(throws: MawjazError.cancelled) {
            _ = try TestSupport.renderer().check(.report(Self.report(paragraphs: 200, rowsFromData: 500)), stop: counter.signal)
        }
        // The layout would ask at least twice per paragraph: it never started.
        #expect(counter.questions < 20, "\(counter.questions)")
    }

    static let longLog = "date,category,title\n" + (0..<10_000).map { "2020-01-0\($0 % 9 + 1),فئة,نشاط \($0)\n" }.joined()

    @Test func readingALogAsksEveryThousandRowsAndEndsOnceRaised() throws {
        let counter = CountingSignal()
        let log = try ActivityCSV.parse(Array(Self.longLog.utf8), file: "log.csv", name: "log", stop: counter.signal)
        #expect(log.activities.count == 10_000)
        #expect(counter.questions == 10_000 / ActivityCSV.rowsBetweenStopChecks)
        let raised = CountingSignal(raisedAt: 3)
        #expect(throws: DataError.self) {
            _ = try ActivityCSV.parse(Array(Self.longLog.utf8), file: "log.csv", name: "log", stop: raised.signal)
        }
        #expect(raised.questions == 3)
    }

    /// 3,000 paragraphs: some 6,000 nodes visited.
    static let longReport = "title: x\ndate: 2024-01-01\nbody:\n" + (1...3_000).map { "  - paragraph: \"\($0)\"\n" }.joined()

    @Test func readingAReportAsksBeforeComposingAndAsItsNodesAreVisited() throws {
        let counter = CountingSignal()
        var input = ReportText(Self.longReport, files: [:])
        input.stop = counter.signal
        #expect(ReportLoader.read(input).report?.body.count == 3_000)
        // Before composing, and every 1,024 nodes of the 6,000 or so.
        #expect(counter.questions >= 1 + 6_000 / 1_024, "\(counter.questions)")
        // Raised at the first question (before the aliases are measured), the second (before composing) and the last (a
        // node visited): no report, no error of its own, and no question after.
        for raisedAt in [1, 2, counter.questions] {
            let raised = CountingSignal(raisedAt: raisedAt)
            input.stop = raised.signal
            let reading = ReportLoader.read(input)
            #expect(reading.report == nil && reading.diagnostics.isEmpty, "raised at \(raisedAt): \(reading.diagnostics)")
            #expect(raised.questions == raisedAt)
        }
        let raised = CountingSignal(raisedAt: 2)
        #expect(throws: MawjazError.cancelled) {
            _ = try TestSupport.renderer().check(.text(ReportText(Self.longReport, files: [:])), stop: raised.signal)
        }
    }

    @Test func aSignalRaisedWhileReadingTheDataStopsTheCheck() throws {
        let counter = CountingSignal(raisedAt: 2)
        let text = "title: x\ndate: 2024-01-01\ndata:\n  log: log.csv\nbody:\n  - paragraph: \"{{log.count}}\"\n"
        #expect(throws: MawjazError.cancelled) {
            _ = try TestSupport.renderer().check(.text(ReportText(text, files: ["log.csv": Data(Self.longLog.utf8)])), stop: counter.signal)
        }
        #expect(counter.questions <= 3, "\(counter.questions)")
    }

    @Test func aSignalRaisedAfterThePagesAreDrawnStopsThePDFsAmendment() throws {
        let paged = try Self.layout(try Self.document(paragraphs: 150), stop: .never).document
        let pages = paged.pages.count
        // Asked once per page while drawing: raised at the first question after the last page, the amendment's.
        let counter = CountingSignal(raisedAt: pages + 1)
        var renderer = Renderer(pageWorkers: 1)
        renderer.stop = counter.signal
        #expect(throws: RenderError.stopped) { _ = try renderer.output(paged, format: .pdf, pages: Array(1...pages)) }
        #expect(counter.questions == pages + 1, "\(counter.questions)")
        // Never raised, it is asked once per structure element and amended object as well.
        let asked = CountingSignal()
        renderer.stop = asked.signal
        _ = try renderer.output(paged, format: .pdf, pages: Array(1...pages))
        #expect(asked.questions > pages + 150, "\(asked.questions)")
    }

    @Test(arguments: [OutputFormat.pdf, .svg, .png(dpi: 20)])
    func aRaisedSignalEndsTheDrawingBeforeTheNextPage(_ format: OutputFormat) throws {
        let paged = try Self.layout(try Self.document(paragraphs: 150), stop: .never).document
        #expect(paged.pages.count > 5)
        let counter = CountingSignal(raisedAt: 4)
        var renderer = Renderer(pageWorkers: 1)
        renderer.stop = counter.signal
        #expect(throws: RenderError.stopped) {
            _ = try renderer.output(paged, format: format, pages: Array(1...paged.pages.count))
        }
        // Asked before each page, and not again once raised.
        #expect(counter.questions == 4, "\(counter.questions)")
    }
}
