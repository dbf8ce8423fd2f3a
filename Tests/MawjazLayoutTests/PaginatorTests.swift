// The one page-breaking mechanism, on flows built by hand: breakpoints, carry-over, spaces, forced breaks.
import MawjazFrame
@testable import MawjazLayout
import Testing

@Suite struct PaginatorTests {
    func box(_ height: Double, _ name: String) -> FlowBox {
        var frame = Frame(size: Size(width: 100, height: height))
        frame.place(.destination(Destination(name: name)), at: .zero)
        return FlowBox(frame: frame, origin: BlockOrigin(kind: name, location: nil))
    }

    func names(_ pages: [[PlacedBox]]) -> [[String]] {
        pages.map { $0.map(\.box.origin.kind) }
    }

    @Test func boxesFillAPageThenBreakAtTheLastBreakpoint() throws {
        let flow: [FlowItem] = [.box(box(40, "a")), .breakpoint(carryOver: []), .box(box(40, "b")), .box(box(40, "c"))]
        let pages = try Paginator(height: { _ in 100 }).distribute(flow)
        #expect(names(pages) == [["a"], ["b", "c"]])
    }

    @Test func spacesVanishAtAPageTop() throws {
        let flow: [FlowItem] = [.box(box(60, "a")), .breakpoint(carryOver: []), .space(30), .box(box(30, "b"))]
        let pages = try Paginator(height: { _ in 100 }).distribute(flow)
        #expect(names(pages) == [["a"], ["b"]])
        #expect(pages[1][0].y == 0)
    }

    @Test func spacesSeparateBoxesOnAPage() throws {
        let flow: [FlowItem] = [.box(box(20, "a")), .space(10), .box(box(20, "b"))]
        let pages = try Paginator(height: { _ in 100 }).distribute(flow)
        #expect(pages[0].map(\.y) == [0, 30])
    }

    @Test func carryOverStartsTheNextPage() throws {
        let header = box(10, "header")
        var flow: [FlowItem] = [.box(header), .box(box(30, "row1"))]
        for index in 2...6 { flow += [.breakpoint(carryOver: [header]), .box(box(30, "row\(index)"))] }
        let pages = try Paginator(height: { _ in 100 }).distribute(flow)
        #expect(names(pages) == [["header", "row1", "row2", "row3"], ["header", "row4", "row5", "row6"]])
    }

    @Test func withoutABreakpointThePageEndsBeforeTheBoxThatDoesNotFit() throws {
        let flow: [FlowItem] = [.box(box(60, "a")), .box(box(60, "b"))]
        let pages = try Paginator(height: { _ in 100 }).distribute(flow)
        #expect(names(pages) == [["a"], ["b"]])
    }

    @Test func aForcedBreakStartsANewPage() throws {
        let flow: [FlowItem] = [.box(box(10, "a")), .pageBreak, .box(box(10, "b")), .pageBreak, .pageBreak, .box(box(10, "c"))]
        let pages = try Paginator(height: { _ in 100 }).distribute(flow)
        #expect(names(pages) == [["a"], ["b"], ["c"]])
    }

    @Test func aBoxTallerThanAPageIsAnError() throws {
        let flow: [FlowItem] = [.box(box(10, "a")), .breakpoint(carryOver: []), .box(box(150, "tall"))]
        #expect(throws: LayoutError.self) { try Paginator(height: { _ in 100 }).distribute(flow) }
    }

    @Test func linesKeepTwoOnEachSideOfABreak() throws {
        var flow: [FlowItem] = [.box(box(70, "before"))]
        flow.appendLines((1...5).map { box(10, "line\($0)") })
        // 30 pt of room after "before": three lines would fit, but then two remain, which is allowed.
        var pages = try Paginator(height: { _ in 100 }).distribute(flow)
        #expect(names(pages) == [["before", "line1", "line2", "line3"], ["line4", "line5"]])
        // With room for four lines, only one would remain: three go on, two follow.
        flow = [.box(box(60, "before"))]
        flow.appendLines((1...5).map { box(10, "line\($0)") })
        pages = try Paginator(height: { _ in 100 }).distribute(flow)
        #expect(names(pages) == [["before", "line1", "line2", "line3"], ["line4", "line5"]])
        // With room for one line only, the paragraph starts on the next page.
        flow = [.box(box(85, "before")), .breakpoint(carryOver: [])]
        flow.appendLines((1...5).map { box(10, "line\($0)") })
        pages = try Paginator(height: { _ in 100 }).distribute(flow)
        #expect(names(pages) == [["before"], ["line1", "line2", "line3", "line4", "line5"]])
    }
}
