// Timelines: dated events down the page, dates on the start side of a line that joins them.
import MawjazData
import MawjazDocument
import MawjazFrame

extension LayoutContext {
    func timelineItems(_ timeline: Timeline) throws(LayoutError) -> [FlowItem] {
        let origin = BlockOrigin(kind: "timeline", location: timeline.source)
        let rtl = timeline.direction.isRightToLeft
        var items: [FlowItem] = []
        if let title = timeline.title {
            items.append(.box(try textBox(title, role: .chartTitle, direction: timeline.direction, tag: .paragraph, below: 4, origin: origin)))
        }
        // The title stays with the first event; the page may break between events.
        let dates = try timeline.events.map { event throws(LayoutError) in
            try shape(spans(event.date, role: .timelineDate), role: .timelineDate, width: nil, direction: timeline.direction,
                      alignment: .start, origin: origin)
        }
        let dateWidth = (dates.map(\.naturalWidth).max() ?? 0) + 4
        let track = 18.0
        let textWidth = columnWidth - dateWidth - track
        // Physical columns: date, track, text from the start side.
        let dateX = rtl ? columnWidth - dateWidth : 0
        let trackX = rtl ? columnWidth - dateWidth - track : dateWidth
        let textX = rtl ? 0 : dateWidth + track
        let gapBelow = 6.0
        var events: [FlowItem] = []
        for (index, event) in timeline.events.enumerated() {
            let text = try shape(spans(event.text, role: .body), role: .body, width: textWidth, direction: timeline.direction,
                                 alignment: .start, origin: origin)
            let date = dates[index]
            let firstBaseline = text.lines.first.map { $0.origin.y } ?? 0
            let height = max(text.height, date.height) + gapBelow
            var frame = Frame(size: Size(width: columnWidth, height: height))
            let center = trackX + track / 2
            let lineTop = index == 0 ? firstBaseline - 4 : 0
            let lineBottom = index == timeline.events.count - 1 ? firstBaseline - 4 : height
            if lineBottom > lineTop {
                frame.line(from: Point(x: center, y: lineTop), to: Point(x: center, y: lineBottom), stroke: Stroke(color: palette.rule, width: 1.2))
            }
            frame.place(.shape(Shape(.circle(center: .zero, radius: 3.5), fill: palette.accent)), at: Point(x: center, y: firstBaseline - 4))
            var dateLine = date.lines[0]
            dateLine.origin.y = firstBaseline
            let dateOffset = rtl ? dateX + dateWidth - date.naturalWidth - 2 : dateX
            frame.place(.tag(.begin(.listLabel)), at: .zero)
            frame.place(.text(dateLine.line), at: Point(x: dateOffset, y: firstBaseline))
            frame.place(.tag(.end(.listLabel)), at: .zero)
            frame.place(text, at: Point(x: textX, y: 0), as: .listBody)
            if index > 0 { events.append(.breakpoint(carryOver: [])) }
            events.append(.box(FlowBox(frame: frame.tagged(.listItem), origin: origin)))
        }
        return items + events.tagged(.list)
    }
}
