// All or nothing: a render that fails halfway leaves the earlier output as it was, and one that succeeds replaces
// it whole, with no page of a longer earlier set left behind and nothing hidden left beside it.
import Foundation
import Mawjaz
import MawjazFrame
import MawjazRender
import Testing
import TestSupport

@Suite struct OutputSetTests {
    /// A laid-out document of `count` pages; page `broken` (from 0), if any, also holds an image that cannot be decoded.
    static func document(pages count: Int, broken: Int? = nil, with renderer: BriefingRenderer) throws -> PagedDocument {
        let body = (1...count).map { "  - paragraph: \"صفحة \($0).\"\n" }.joined(separator: "  - page-break\n")
        var document = try TestSupport.layout(yaml: "title: \"موجز\"\ndate: 2024-09-15\nbody:\n" + body, renderer: renderer).document
        #expect(document.pages.count == count)
        if let broken {
            let emblem = try [UInt8](Data(contentsOf: TestSupport.root.appendingPathComponent("Reports/correspondence/emblem.png")))
            let cut = ImageBox(data: Array(emblem.prefix(emblem.count / 2)), format: .png, size: Size(width: 40, height: 40),
                               alternativeText: "")
            document.pages[broken].frame.place(.image(cut), at: Point(x: 10, y: 10))
        }
        return document
    }


    static func contents(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }

    @Test(arguments: ["p.png", "p.svg", "p.pdf"])
    func aFailureOnPageThreeLeavesTheEarlierOutputAsItWas(_ name: String) throws {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent(name)
        let briefing = try TestSupport.renderer(), renderer = Renderer()
        let earlier = try renderer.write(try Self.document(pages: 2, with: briefing), to: output, format: try OutputFormat.forPath(output, dpi: 20))
        let before = try Self.contents(folder)
        #expect(before.count == earlier.count)
        #expect(throws: RenderError.self) {
            try renderer.write(try Self.document(pages: 4, broken: 2, with: briefing), to: output, format: try OutputFormat.forPath(output, dpi: 20))
        }
        #expect(try Self.contents(folder) == before, "an earlier page was replaced, or something was left beside it")
    }

    @Test func aShorterSetReplacesALongerOneWhole() throws {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("p.png")
        try Data("not a page".utf8).write(to: folder.appendingPathComponent("p-07.png"))
        try Data("kept".utf8).write(to: folder.appendingPathComponent("p-notes.png"))
        let briefing = try TestSupport.renderer(), renderer = Renderer()
        try renderer.write(try Self.document(pages: 21, with: briefing), to: output, format: .png(dpi: 10))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 22)
        let files = try renderer.write(try Self.document(pages: 3, with: briefing), to: output, format: .png(dpi: 10))
        #expect(files.map(\.lastPathComponent) == ["p-1.png", "p-2.png", "p-3.png"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["p-1.png", "p-2.png", "p-3.png", "p-notes.png"])
    }

    @Test func anOutputOverAnInputIsFound() throws {
        let folder = try TestSupport.temporaryFolder()
        let image = folder.appendingPathComponent("shot-2.png").path
        let report = folder.appendingPathComponent("brief.pdf").path
        for path in [image, report] { try Data("x".utf8).write(to: URL(fileURLWithPath: path)) }
        let inputs = [image, report]
        #expect(Renderer.overwrittenInput(folder.appendingPathComponent("shot.png"), format: .png(dpi: 72), inputs: inputs) == image)
        #expect(Renderer.overwrittenInput(folder.appendingPathComponent("shot.png"), format: .png(dpi: 72), pages: .single, inputs: inputs) == nil)
        #expect(Renderer.overwrittenInput(folder.appendingPathComponent("sub/../brief.pdf"), format: .pdf, inputs: inputs) == report)
        #expect(Renderer.overwrittenInput(folder.appendingPathComponent("brief.svg"), format: .svg, inputs: inputs) == nil)
        #expect(Renderer.overwrittenInput(folder.appendingPathComponent("other.pdf"), format: .pdf, inputs: inputs) == nil)
    }
}
