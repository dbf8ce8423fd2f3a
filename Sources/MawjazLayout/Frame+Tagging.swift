// Structure tags around frames and flows: an element opened before its first item and closed after its last,
// even when its lines are boxes that pagination may put on different pages.
import MawjazFrame
import MawjazText

extension Frame {
    /// The frame with its items inside one structure element.
    func tagged(_ role: StructureRole) -> Frame {
        var frame = Frame(size: size)
        frame.reserveCapacity(items.count + 2)
        frame.place(.tag(.begin(role)), at: .zero)
        frame.place(contentsOf: self, at: .zero)
        frame.place(.tag(.end(role)), at: .zero)
        return frame
    }

    /// The frame with the items of `other` before its own.
    func prepending(_ other: Frame) -> Frame {
        var frame = Frame(size: size)
        frame.reserveCapacity(other.items.count + items.count)
        frame.place(contentsOf: other, at: .zero)
        frame.place(contentsOf: self, at: .zero)
        return frame
    }

    /// The frame as page furniture: its own tags dropped, its items marked as an artifact (for a table header
    /// repeated on the next page, which must not enter the structure twice).
    func artifact() -> Frame {
        var frame = Frame(size: size)
        frame.reserveCapacity(items.count + 2)
        frame.place(.tag(.begin(.artifact)), at: .zero)
        for placed in items {
            if case .tag = placed.item { continue }
            frame.place(placed.item, at: placed.position)
        }
        frame.place(.tag(.end(.artifact)), at: .zero)
        return frame
    }

    /// Places the lines of a set paragraph inside one structure element.
    mutating func place(_ paragraph: ShapedParagraph, at origin: Point, as role: StructureRole) {
        place(.tag(.begin(role)), at: origin)
        place(paragraph, at: origin)
        place(.tag(.end(role)), at: origin)
    }
}

extension Array where Element == Frame {
    /// The frames with one structure element opened before the first one's items and closed after the last one's.
    func tagged(_ role: StructureRole) -> [Frame] {
        guard let first = self.first else { return self }
        var frames = self
        var opening = Frame(size: first.size)
        opening.place(.tag(.begin(role)), at: .zero)
        frames[0] = first.prepending(opening)
        frames[frames.count - 1].place(.tag(.end(role)), at: .zero)
        return frames
    }
}

extension Array where Element == FlowItem {
    /// The flow with one structure element opened in its first box and closed in its last.
    func tagged(_ role: StructureRole) -> [FlowItem] {
        guard let first = firstIndex(where: \.isBox), let last = lastIndex(where: \.isBox) else { return self }
        var opening = Frame(size: .zero)
        opening.place(.tag(.begin(role)), at: .zero)
        var items = self
        items[first] = items[first].mapBox { $0.frame = $0.frame.prepending(opening) }
        items[last] = items[last].mapBox { $0.frame.place(.tag(.end(role)), at: .zero) }
        return items
    }

    /// The flow with the items of `frame` before the first box's own.
    func prependingToFirstBox(_ frame: Frame) -> [FlowItem] {
        guard let first = firstIndex(where: \.isBox) else { return self }
        var items = self
        items[first] = items[first].mapBox { $0.frame = $0.frame.prepending(frame) }
        return items
    }
}

extension FlowItem {
    fileprivate var isBox: Bool {
        if case .box = self { return true }
        return false
    }

    fileprivate func mapBox(_ change: (inout FlowBox) -> Void) -> FlowItem {
        guard case .box(var box) = self else { return self }
        change(&box)
        return .box(box)
    }
}
