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
