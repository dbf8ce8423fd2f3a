// Holding a layout to its document's limits while it is made: pages and positioned items.
import MawjazData
import MawjazLanguage

/// What one pagination pass has laid out so far.
struct LayoutSpending {
    /// Positioned items in the boxes collected.
    var boxes = 0
    /// The height of the boxes collected, in points: at least this much page is needed.
    var height = 0.0
}

extension LayoutContext {
    /// Counts `boxes` against the limits, stopping as soon as the items they hold, or the pages they need at the
    /// least, pass them.
    func spend(_ boxes: [FlowBox]) throws(LayoutError) {
        try checkStop()
        guard let last = boxes.last else { return }
        for box in boxes {
            spent.boxes += box.frame.items.count
            spent.height += box.height
        }
        let limits = document.limits
        if spent.boxes > limits.boxes {
            throw LayoutError(location: last.origin.location, block: last.origin.kind,
                              message: .tooManyBoxes(limit: limits.boxes))
        }
        let leastPages = spent.height / (pageTextHeight * Double(max(1, template.page.columns)))
        if leastPages > Double(limits.pages) {
            throw Self.tooManyPages(limits.pages, at: last.origin)
        }
    }

    /// Ends the layout with `LayoutError.stopped` once its stop signal is raised (a deadline passed, a request
    /// cancelled): asked before each piece of text is set and as each block and table row is counted.
    func checkStop() throws(LayoutError) {
        if stop.isRaised { throw .stopped }
    }

    /// The error for a document that runs past its pages limit, at the block that crosses it.
    static func tooManyPages(_ limit: Int, at origin: BlockOrigin?) -> LayoutError {
        LayoutError(location: origin?.location, block: origin?.kind ?? "document",
                    message: .tooManyPages(limit: limit))
    }
}
