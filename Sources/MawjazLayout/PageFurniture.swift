// Page furniture: the classification banner at the top and bottom, running heads and feet, page numbers.
import Foundation
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazLanguage

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
            for (slot, alignment) in [(running.start, Alignment.start), (running.center, .center), (running.end, .end)] where !slot.isEmpty {
                let text = fill(slot, pageIndex: pageIndex, pageCount: pageCount)
                let shaped = try shape(spans(text, role: role), role: role, width: width, alignment: alignment, origin: origin)
                guard let line = shaped.lines.first else { continue }
                let box = FurnitureBand.emBox(line.line, size: style(role).size, at: Point(x: left + line.origin.x, y: baseline))
                if role == .header { try top.add(.runningHead, box, origin: origin) } else { try bottom.add(.runningFoot, box, origin: origin) }
                frame.place(.text(line.line), at: Point(x: left + line.origin.x, y: baseline))
            }
        }
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
