// Frames name their fonts by file and size: pages laid out by one worker (its own text engine, on its own thread)
// are drawn by another, after the first is gone, to the same bytes.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct FramesBetweenWorkersTests {
    /// Lays a report out with a renderer of its own on a thread of its own; the renderer (and its text engine) is
    /// released before the pages are handed back.
    static func layOutOnAnotherThread(_ report: URL) async throws -> PagedDocument {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    let worker = try TestSupport.renderer()
                    let document = try worker.bind(try worker.load(reportAt: report).report)
                    continuation.resume(returning: try worker.layout(document).document)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }

    /// Draws pages on a new thread with a renderer that never saw a text engine.
    static func drawOnAnotherThread(_ document: PagedDocument, to url: URL, format: OutputFormat) async throws -> [URL] {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do { continuation.resume(returning: try Renderer().write(document, to: url, format: format)) } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }

    @Test(arguments: ["mississippi-uzbekistan", "correspondence"])
    func pagesLaidOutByOneWorkerAreDrawnByAnotherToTheSameBytes(report name: String) async throws {
        let report = TestSupport.root.appendingPathComponent("Reports/\(name)/report.yaml")
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = try await Self.layOutOnAnotherThread(report)
        let renderer = try TestSupport.renderer()
        for (format, ext) in [(OutputFormat.pdf, "pdf"), (.png(dpi: 60), "png"), (.svg, "svg")] {
            let moved = try await Self.drawOnAnotherThread(pages, to: folder.appendingPathComponent("moved.\(ext)"), format: format)
            let direct = try renderer.render(reportAt: report, to: folder.appendingPathComponent("direct.\(ext)"), dpi: 60).files
            #expect(moved.count == direct.count && !moved.isEmpty)
            for (one, other) in zip(moved, direct) {
                #expect(try Data(contentsOf: one) == Data(contentsOf: other), "\(name) \(one.lastPathComponent)")
            }
        }
    }

    @Test func pagesDrawnAtOnceEqualPagesDrawnOneAfterTheOther() throws {
        let report = TestSupport.root.appendingPathComponent("Reports/annual-summary/report.yaml")
        let renderer = try TestSupport.renderer()
        let document = try renderer.layout(try renderer.bind(try renderer.load(reportAt: report).report)).document
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (format, ext) in [(OutputFormat.png(dpi: 40), "png"), (.svg, "svg")] {
            let one = try Renderer(pageWorkers: 1).write(document, to: folder.appendingPathComponent("one.\(ext)"), format: format)
            let three = try Renderer(pageWorkers: 3).write(document, to: folder.appendingPathComponent("three.\(ext)"), format: format)
            #expect(one.count == document.pages.count && three.count == one.count)
            #expect(three.map(\.lastPathComponent) == (1...one.count).map { Renderer.pageFile(folder.appendingPathComponent("three.\(ext)"), number: $0, of: one.count, extension: ext).lastPathComponent })
            for (a, b) in zip(one, three) { #expect(try Data(contentsOf: a) == Data(contentsOf: b), "\(b.lastPathComponent)") }
        }
    }

    @Test func theFirstPageThatCannotBeDrawnIsTheError() throws {
        // Page 2 holds a JPEG (which a PNG cannot carry), page 3 a PNG that does not decode: page 2's error is the one
        // reported, whichever thread met its error first.
        let jpeg = try Data(contentsOf: TestSupport.root.appendingPathComponent("Tests/MawjazTests/Fixtures/images/chart.jpg"))
        var document = try TestSupport.layout(yaml: "title: x\ndate: 2024-01-01\nlanguage: en\nbody:\n  - paragraph: a\n  - page-break\n  - paragraph: b\n  - page-break\n  - paragraph: c\n").document
        #expect(document.pages.count == 3)
        let output = try TestSupport.temporaryFolder().appendingPathComponent("pages.png")
        let image = ImageBox(data: Array(jpeg), format: .jpeg, size: Size(width: 10, height: 10), alternativeText: "")
        document.pages[1].frame.place(.image(image), at: Point(x: 100, y: 100))
        let broken = ImageBox(data: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], format: .png, size: Size(width: 10, height: 10),
                              alternativeText: "")
        document.pages[2].frame.place(.image(broken), at: Point(x: 100, y: 100))
        #expect(throws: RenderError.self) { try Renderer(pageWorkers: 1).write(document, to: output, format: .svg) }
        #expect(throws: RenderError.jpegInRaster) { try Renderer(pageWorkers: 3).write(document, to: output, format: .png(dpi: 30)) }
    }

    @Test func aRunNamesItsFontFileAndSize() throws {
        let result = try TestSupport.layout(yaml: """
            title: "عنوان"
            date: 2024-01-01
            body:
              - paragraph: "نص عربي مع كلمة English."
            """)
        let runs = result.document.pages.flatMap { $0.frame.textLines.flatMap(\.line.runs) }
        let fonts = try TestSupport.resources.fonts.path
        for run in runs {
            #expect(run.font.face.file.hasPrefix(fonts + "/"), "\(run.font.face.file)")
            #expect(FileManager.default.fileExists(atPath: run.font.face.file))
            #expect(run.font.size > 0)
        }
        #expect(Set(runs.map(\.font.face.family)).isSuperset(of: ["Noto Naskh Arabic", "Noto Sans"]))
    }

    @Test func aFontFileThatIsGoneIsAnErrorNamingIt() throws {
        var document = try TestSupport.layout(yaml: "title: x\ndate: 2024-01-01\nlanguage: en\nbody: [{paragraph: Hello}]\n").document
        var frame = Frame(size: document.pages[0].size)
        for placed in document.pages[0].frame.items {
            guard case .text(var line) = placed.item else { frame.place(placed.item, at: placed.position); continue }
            for index in line.runs.indices { line.runs[index].font.face.file = "/nonexistent/Font.ttf" }
            frame.place(.text(line), at: placed.position)
        }
        document.pages[0].frame = frame
        let output = try TestSupport.temporaryFolder().appendingPathComponent("gone.pdf")
        #expect(throws: RenderError.missingFont(family: "Noto Sans", file: "/nonexistent/Font.ttf")) {
            try Renderer().write(document, to: output, format: .pdf)
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
