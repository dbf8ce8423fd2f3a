// Page furniture: the classification banner at the top and bottom, running heads and feet, page numbers.
import Foundation
import MawjazData
import MawjazDocument
import MawjazFrame
import MawjazLanguage

extension LayoutContext {
    /// Adds the banner, header and footer to a page frame.
    func furnish(_ frame: inout Frame, pageIndex: Int, pageCount: Int, left: Double, width: Double) throws(LayoutError) {
        let setup = template.page
        let origin = BlockOrigin(kind: "page furniture", location: SourceLocation(file: template.name))
        frame.place(.tag(.begin(.artifact)), at: .zero)
        defer { frame.place(.tag(.end(.artifact)), at: .zero) }
        if template.banner, let banner = document.classification {
            let style = style(.banner).with(color: palette.bannerText)
            let shaped = try shape([.init(banner, style: style)], role: .banner, width: width, alignment: .center, origin: origin)
            for baseline in [28.0, setup.size.height - 22] {
                var line = shaped.lines[0]
                if let background = palette.bannerBackground {
                    frame.fill(Rect(x: left + line.origin.x - 6, y: baseline - style.size - 2, width: line.line.width + 12,
                                    height: style.size * 1.5 + 2), with: background)
                }
                line.origin.y = 0
                frame.place(.text(line.line), at: Point(x: left + line.origin.x, y: baseline))
            }
        }
        // A cover page carries the banner and its number, not the running head.
        let header = template.titlePage == .cover && pageIndex == 0 ? RunningText() : template.header
        for (running, role, baseline) in [(header, TextRole.header, 44.0), (template.footer, TextRole.footer, setup.size.height - 38)]
            where !running.isEmpty {
            for (slot, alignment) in [(running.start, Alignment.start), (running.center, .center), (running.end, .end)] where !slot.isEmpty {
                let text = fill(slot, pageIndex: pageIndex, pageCount: pageCount)
                let shaped = try shape(spans(text, role: role), role: role, width: width, alignment: alignment, origin: origin)
                guard let line = shaped.lines.first else { continue }
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
        return text.replacingOccurrences(of: "{page-of-pages}", with: pageOfPages)
            .replacingOccurrences(of: "{attachment}", with: attachment)
            .replacingOccurrences(of: "{page}", with: page)
            .replacingOccurrences(of: "{pages}", with: pages)
            .replacingOccurrences(of: "{title}", with: document.title)
            .replacingOccurrences(of: "{date}", with: document.dateText)
            .replacingOccurrences(of: "{classification}", with: document.classification ?? "")
    }
}
