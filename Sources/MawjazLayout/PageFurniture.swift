// Page furniture: the classification banner at the top and bottom, running heads and feet, page numbers.
import Foundation
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazLanguage
import MawjazText

/// Where the page furniture stands: baselines measured outwards from the text area, so that it follows the
/// template's margins — the running head 20 pt above the text and the banner 16 pt above that, the running foot
/// 24 pt below the text and the banner 16 pt below that.
enum FurnitureOffset {
    static let head = 20.0
    static let foot = 24.0
    static let banner = 16.0
}

extension LayoutContext {
    /// Adds the banner, header and footer to a page frame, in the margins around the text area. A margin too small
    /// to hold them (a line off the page, or two lines on each other) is an error naming it.
    func furnish(_ frame: inout Frame, pageIndex: Int, pageCount: Int, left: Double, width: Double) throws(LayoutError) {
        let setup = template.page
        let origin = BlockOrigin(kind: "page furniture", location: SourceLocation(file: template.name))
        let headBaseline = setup.top - FurnitureOffset.head
        let footBaseline = setup.size.height - setup.bottom + FurnitureOffset.foot
        var top = FurnitureBand(top: setup), bottom = FurnitureBand(bottom: setup)
        frame.place(.tag(.begin(.artifact)), at: .zero)
        defer { frame.place(.tag(.end(.artifact)), at: .zero) }
        if template.banner, let banner = document.classification {
            let style = style(.banner).with(color: palette.bannerText)
            let shaped = try shape([.init(banner, style: style)], role: .banner, width: width, alignment: .center, origin: origin)
            let bannerTop = headBaseline - FurnitureOffset.banner, bannerBottom = footBaseline + FurnitureOffset.banner
            for baseline in [bannerTop, bannerBottom] {
                var line = shaped.lines[0]
                var box = FurnitureBand.emBox(line.line, size: style.size, at: Point(x: left + line.origin.x, y: baseline))
                if let background = palette.bannerBackground {
                    box = Rect(x: left + line.origin.x - 6, y: baseline - style.size - 2, width: line.line.width + 12,
                               height: style.size * 1.5 + 2)
                    frame.fill(box, with: background)
                }
                if baseline < setup.top { try top.add(.banner, box, origin: origin) } else { try bottom.add(.banner, box, origin: origin) }
                line.origin.y = 0
                frame.place(.text(line.line), at: Point(x: left + line.origin.x, y: baseline))
            }
        }
        // A cover page carries the banner and its number, not the running head.
        let header = template.titlePage == .cover && pageIndex == 0 ? RunningText() : template.header
        for (running, role, baseline) in [(header, TextRole.header, headBaseline), (template.footer, TextRole.footer, footBaseline)]
            where !running.isEmpty {
            for slot in try setSlots(running, role: role, pageIndex: pageIndex, pageCount: pageCount, width: width, origin: origin) {
                let box = FurnitureBand.emBox(slot.line, size: slot.size, at: Point(x: left + slot.x, y: baseline))
                if role == .header { try top.add(.runningHead, box, origin: origin) } else { try bottom.add(.runningFoot, box, origin: origin) }
                frame.place(.text(slot.line), at: Point(x: left + slot.x, y: baseline))
            }
        }
    }

    /// Sets the slots of a running head or foot on one line each, `x` measured from the text area's left. A side slot
    /// too wide for the room its neighbours leave it (a centred slot, or the other side) is set smaller to fit, down to
    /// `RunningSlots.smallest` of its size; past that it is set at that size, whole, and a warning names its field.
    func setSlots(_ running: RunningText, role: TextRole, pageIndex: Int, pageCount: Int, width: Double,
                  origin: BlockOrigin) throws(LayoutError) -> [(line: TextLine, x: Double, size: Double)] {
        let slots = [("start", running.start, Alignment.start), ("center", running.center, .center), ("end", running.end, .end)]
            .filter { !$0.1.isEmpty }
            .map { (key: $0.0, text: fill($0.1, pageIndex: pageIndex, pageCount: pageCount), alignment: $0.2) }
        // Each slot set first as it is, across the line; text that wraps is measured on one line.
        var widths: [String: Double] = [:], asIs: [String: ShapedParagraph.Line] = [:]
        for slot in slots {
            let shaped = try shape(spans(slot.text, role: role), role: role, width: width, alignment: slot.alignment, origin: origin)
            if shaped.lines.count == 1 {
                asIs[slot.key] = shaped.lines[0]; widths[slot.key] = shaped.lines[0].line.width
            } else {
                widths[slot.key] = try naturalWidth(spans(slot.text, role: role), role: role, origin: origin)
            }
        }
        let gap = RunningSlots.gap
        func room(_ key: String) -> Double {
            if key == "center" { return width }
            if let center = widths["center"] { return (width - center) / 2 - gap }
            guard let other = widths[key == "start" ? "end" : "start"] else { return width }
            return max((width - gap) / 2, width - gap - other)
        }
        let size = style(role).size
        var set: [(line: TextLine, x: Double, size: Double)] = []
        for slot in slots {
            let room = room(slot.key)
            var slotSize = size, natural = widths[slot.key] ?? 0
            // Set smaller in proportion to what sticks out; a second try takes up what the sizes' rounding left.
            for _ in 0..<3 where natural > room + 0.01 && slotSize > size * RunningSlots.smallest {
                slotSize = max(size * RunningSlots.smallest, slotSize * room / natural)
                natural = try naturalWidth([TextSpan(slot.text, style: style(role).with(size: slotSize))], role: role, origin: origin)
            }
            // Once a pass for each slot, though the room its neighbours leave it (a page number) changes from page to page.
            let written = running.sources[slot.key]
            if natural > room + 0.01, !warnings.contains(where: { written != nil && $0.location == written?.location && $0.field == written?.field }) {
                warn(written.map { BlockOrigin(kind: $0.field, location: $0.location) } ?? origin,
                     .textTooWide(slot.text, width: natural, available: max(0, room)))
            }
            let spans = [TextSpan(slot.text, style: style(role).with(size: slotSize))]
            if slotSize == size, let line = asIs[slot.key] {
                set.append((line.line, line.origin.x, size))
            } else if natural <= width + 0.01 {
                let shaped = try shape(spans, role: role, width: width, alignment: slot.alignment, origin: origin)
                if let line = shaped.lines.first { set.append((line.line, line.origin.x, slotSize)) }
            } else {
                // Wider than the whole line even at its smallest: one line, never wrapped, so that no word is lost.
                let shaped = try shape(spans, role: role, width: nil, alignment: slot.alignment, origin: origin)
                guard let line = shaped.lines.first else { continue }
                let x: Double = switch slot.alignment.resolved(in: direction) {
                case .left: 0
                case .right: width - line.line.width
                case .center: (width - line.line.width) / 2
                }
                set.append((line.line, x, slotSize))
            }
        }
        return set
    }

    /// Running text with its placeholders filled in.
    func fill(_ text: String, pageIndex: Int, pageCount: Int) -> String {
        let numerals = Numerals(self.numerals), words = document.language.table
        let page = numerals.pageNumber(pageIndex + 1), pages = numerals.pageNumber(pageCount)
        let pageOfPages = words.text(.pageOfPages(page: page, pages: pages))
        let attachment = document.attachment.map { words.text(.attachment(numerals.format($0))) } ?? ""
        var text = text
        for (placeholder, value) in [("{page-of-pages}", pageOfPages), ("{attachment}", attachment), ("{page}", page), ("{pages}", pages),
                                     ("{title}", document.title), ("{date}", document.dateText),
                                     ("{classification}", document.classification ?? "")] {
            text = Self.replacing(placeholder, with: value, in: text)
        }
        return text
    }

    /// `text` with every `placeholder` (ASCII) replaced by `value`, as Foundation's `replacingOccurrences(of:with:)`
    /// does. Foundation is asked only when the placeholder's bytes are in the text and it is not the placeholder alone:
    /// no character is canonically equivalent to an ASCII brace, hyphen or lowercase letter, so a text without those
    /// bytes holds no occurrence. (Each Foundation call cost some 17,000 instructions; a page's slots made seven.)
    private static func replacing(_ placeholder: String, with value: String, in text: String) -> String {
        if text.utf8.elementsEqual(placeholder.utf8) { return value }
        guard holds(text, placeholder) else { return text }
        return text.replacingOccurrences(of: placeholder, with: value)
    }

    /// Whether `text`'s UTF-8 bytes hold `part`'s (the standard library's `firstRange(of:)` set up a searcher and
    /// cost more than the few bytes compared).
    private static func holds(_ text: String, _ part: String) -> Bool {
        var text = text, part = part
        return text.withUTF8 { text in
            part.withUTF8 { part in
                guard let first = part.first else { return true }
                var start = 0
                while start + part.count <= text.count {
                    if text[start] == first {
                        var index = 1
                        while index < part.count, text[start + index] == part[index] { index += 1 }
                        if index == part.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}

/// How the slots of a running head or foot share its line.
enum RunningSlots {
    /// The least room between two slots, in points.
    static let gap = 12.0
    /// The smallest a side slot is set to make room for its neighbours, as a share of its role's size.
    static let smallest = 0.7
}

/// The furniture of one margin, checked as it is placed: every line on the page and out of the text area, none on
/// another. A line counts by its em box (0.8 of its size above the baseline, 0.25 below), where letters stand: an
/// Arabic font's line box, twice as tall, would find overlaps that no reader sees.
private struct FurnitureBand {
    let margin: Margin
    /// The margin's height.
    let height: Double
    /// The margin's extent on the page, from its top to its bottom.
    let area: ClosedRange<Double>
    private var placed: [(part: FurniturePart, box: Rect)] = []

    init(top setup: PageSetup) {
        margin = .top; height = setup.top; area = 0...setup.top
    }

    init(bottom setup: PageSetup) {
        margin = .bottom; height = setup.bottom; area = (setup.size.height - setup.bottom)...setup.size.height
    }

    mutating func add(_ part: FurniturePart, _ box: Rect, origin: BlockOrigin) throws(LayoutError) {
        // Off the page: a larger margin moves the furniture in by as much.
        let offPage = margin == .top ? area.lowerBound - box.minY : box.maxY - area.upperBound
        if offPage > 0.01 {
            throw failure(origin, .marginTooSmall(margin, height: height, part: part, needs: (height + offPage).rounded(.up)))
        }
        let intoText = margin == .top ? box.maxY - area.upperBound : area.lowerBound - box.minY
        if intoText > 0.01 { throw failure(origin, .furnitureReachesText(part, margin: margin)) }
        if let other = placed.first(where: { $0.part != part && $0.box.overlaps(box, tolerance: 0.01) }) {
            throw failure(origin, .furnitureOverlaps(other.part, part, margin: margin))
        }
        placed.append((part, box))
    }

    /// The em box of a line set in `size` whose baseline starts at `origin`.
    static func emBox(_ line: TextLine, size: Double, at origin: Point) -> Rect {
        Rect(x: origin.x, y: origin.y - 0.8 * size, width: line.width, height: 1.05 * size)
    }

    private func failure(_ origin: BlockOrigin, _ message: Message) -> LayoutError {
        LayoutError(location: origin.location, block: origin.kind, message: message)
    }
}
