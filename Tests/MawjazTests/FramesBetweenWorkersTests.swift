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
