import Foundation
import Mawjaz

let library = try FontLibrary(directory: URL(fileURLWithPath: "Fonts"))
print(library.families.sorted())
let engine = try TextEngine(library: library)
let style = TextStyle(families: ["Noto Naskh Arabic", "Noto Sans"], size: 11.5)
let text = try String(contentsOfFile: "../shared/source/partnership-article.ar.txt", encoding: .utf8)
var frame = Frame(size: Size(width: 595.28, height: 841.89))
var y = 60.0
for paragraph in text.split(separator: "\n").prefix(8) {
    let shaped = try engine.shape(StyledParagraph(spans: [TextSpan(String(paragraph), style: style)], direction: .rightToLeft, alignment: .justify, width: 480))
    for line in shaped.lines {
        frame.place(.text(line.line), at: Point(x: 57 + line.origin.x, y: y + line.origin.y))
    }
    y += shaped.height + 6
}
let doc = PagedDocument(pages: [Page(size: frame.size, frame: frame)], info: DocumentInfo(title: "t", language: "ar", creationDate: 0))
try Renderer(engine: engine).write(doc, to: URL(fileURLWithPath: "/tmp/smoke.pdf"), format: .pdf)
print("ok")
