// The vertical list that every block becomes: boxes, spaces, and the places a page may break.
import MawjazData
import MawjazFrame

/// One entry of the flow: what pagination distributes over pages.
enum FlowItem {
    /// Content that cannot be split, as wide as the column.
    case box(FlowBox)
    /// Vertical space; dropped where a page breaks and at the top of a page.
    case space(Double)
    /// A place where the page may break. When it does, `carryOver` starts the next page
    /// (a table's header row, for one).
    case breakpoint(carryOver: [FlowBox])
    /// The next item starts a new page.
    case pageBreak
}

/// A piece of content of known height, set in a frame as wide as the column.
struct FlowBox {
    var frame: Frame
    /// The block this box belongs to, for messages.
    var origin: BlockOrigin
    var height: Double { frame.size.height }
}

/// Which block a box came from: its kind and where it was written.
struct BlockOrigin {
    var kind: String
    var location: SourceLocation?
}

extension Array where Element == FlowItem {
    /// Appends boxes with a breakpoint between each pair, but keeping the first `orphans` and last
    /// `widows` boxes together (for paragraph lines).
    mutating func appendLines(_ boxes: [FlowBox], orphans: Int = 2, widows: Int = 2) {
        for (index, box) in boxes.enumerated() {
            if index > 0 && index >= orphans && boxes.count - index >= widows {
                append(.breakpoint(carryOver: []))
            }
            append(.box(box))
        }
    }
}
