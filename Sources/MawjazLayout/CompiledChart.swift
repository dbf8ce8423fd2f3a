// A chart compiled for the page: the frame that draws it, and its marks and labels as values to check.
import MawjazFrame

/// A chart laid out: its frame, the plot area, and every mark and label with its place in the frame.
package struct CompiledChart: Sendable {
    /// The chart as the page draws it: tagged as a figure with its alternative text.
    package var frame: Frame
    /// The area the data are drawn in (for a donut, the square around the ring; for a timeline, the axis's extent).
    package var plot: Rect
    /// Every datum drawn, in drawing order.
    package var marks: [ChartMark]
    /// Every piece of text placed, in placing order.
    package var labels: [ChartLabel]
}

/// One drawn datum: a bar, a stacked segment, a line's point, an area's band, a donut's slice or a timeline's event.
package struct ChartMark: Hashable, Sendable {
    /// What kind of mark it is.
    package enum Kind: String, Hashable, Sendable {
        case bar, segment, point, area, wedge, event
    }
    package var kind: Kind
    /// The series the datum belongs to (0 for charts of one series).
    package var series: Int
    /// The category (or event) the datum belongs to.
    package var category: Int
    /// The value drawn (a timeline event's date as a fractional year).
    package var value: Double
    /// The area the mark covers, in the chart's frame.
    package var bounds: Rect
    /// The mark's extent along the value axis: a bar's or segment's length and an area band's height in points,
    /// a point's distance from the zero line, a slice's sweep in radians; 0 for an event.
    package var length: Double
}

/// A piece of text placed in a chart.
package struct ChartLabel: Sendable {
    /// What the text is for.
    package enum Role: String, Hashable, Sendable {
        case title, legend, tick, category, value, total, center, event, caption, source
    }
    package var role: Role
    package var text: String
    /// The line boxes the text covers, in the chart's frame.
    package var bounds: Rect
}
