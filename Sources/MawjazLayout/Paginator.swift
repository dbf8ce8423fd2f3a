// Distributes the flow over pages: one mechanism decides every page break, for every kind of block.
import MawjazLanguage

/// A box placed on a page: its content, its top measured from the top of the page's text area, and its left edge
/// measured from the text area's left (non-zero in a text column other than the leftmost).
struct PlacedBox {
    var box: FlowBox
    var y: Double
    var x: Double = 0
}

/// Breaks a flow into pages of a given text height.
///
/// Boxes fill a page until the next one does not fit; the page then ends at the last breakpoint on it,
/// and what follows the breakpoint (with its carry-over, such as a repeated table header) starts the
/// next page. With no breakpoint on the page, it ends before the box that does not fit; a box taller
/// than a whole page is an error.
struct Paginator {
    /// The height of the text area of each page, by page index.
    var height: (Int) -> Double

    func distribute(_ items: [FlowItem]) throws(LayoutError) -> [[PlacedBox]] {
        var pages: [[PlacedBox]] = []
        var current: [PlacedBox] = []
        var y = 0.0, pendingSpace = 0.0
        var lastBreak: (resume: Int, kept: Int, carryOver: [FlowBox])?
        var carry: [FlowBox] = []
        var index = 0

        func finishPage() {
            pages.append(current)
            current = []
            y = 0; pendingSpace = 0; lastBreak = nil
        }

        while index < items.count || !carry.isEmpty {
            let available = height(pages.count)
            if !carry.isEmpty {
                for box in carry {
                    current.append(PlacedBox(box: box, y: y))
                    y += box.height
                }
                carry = []
                continue
            }
            switch items[index] {
            case .space(let amount):
                if !current.isEmpty { pendingSpace += amount }
                index += 1
            case .breakpoint(let carryOver):
                if !current.isEmpty { lastBreak = (index + 1, current.count, carryOver) }
                index += 1
            case .pageBreak:
                if !current.isEmpty { finishPage() }
                index += 1
            case .box(let box):
                let top = current.isEmpty ? 0 : y + pendingSpace
                if top + box.height <= available + 0.01 {
                    current.append(PlacedBox(box: box, y: top))
                    y = top + box.height
                    pendingSpace = 0
                    index += 1
                } else if let breakAt = lastBreak {
                    current.removeLast(current.count - breakAt.kept)
                    carry = breakAt.carryOver
                    index = breakAt.resume
                    finishPage()
                } else if current.isEmpty {
                    throw LayoutError(location: box.origin.location, block: box.origin.kind,
                                      message: .partTooTall(height: box.height, room: available))
                } else {
                    finishPage()
                }
            }
        }
        if !current.isEmpty || pages.isEmpty { pages.append(current) }
        return pages
    }
}
