// What `import Mawjaz` gives a program outside the package: the report model, the renderer, the pool, what a render
// gives back and the errors — and nothing of the stages behind them. Checked by type-checking two programs against
// the built modules, from outside the package, as a user's code is.
import Foundation
import Testing
import TestSupport

@Suite struct PublicInterfaceTests {
    static let programs = TestSupport.root.appendingPathComponent("Tests/MawjazTests/Fixtures/public-interface")

    /// `swiftc -typecheck` of `program` against the modules built beside this test bundle; its diagnostics.
    static func typecheck(_ program: String) throws -> (status: Int32, output: String) {
        // The test bundle sits in the build folder, beside the modules it was built with.
        let build = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let modules = build.appendingPathComponent("Modules")
        guard FileManager.default.fileExists(atPath: modules.path) else { throw TestFailure("no modules at \(modules.path)") }
        let pango = try TestSupport.run("pkg-config", ["--cflags-only-I", "pangocairo"]).output
        let includes = pango.split(whereSeparator: \.isWhitespace).flatMap { ["-Xcc", String($0)] }
        // The C modules the library's modules load: its own, and its dependencies' (Yams's, ZIPFoundation's…).
        let checkouts = build.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("checkouts")
        var maps = [TestSupport.root.appendingPathComponent("Sources/CPangoCairo/module.modulemap")]
        if let files = FileManager.default.enumerator(at: checkouts, includingPropertiesForKeys: nil) {
            for case let file as URL in files where file.lastPathComponent == "module.modulemap" { maps.append(file) }
        }
        let arguments = ["-typecheck", "-I", modules.path] + includes + maps.flatMap { ["-Xcc", "-fmodule-map-file=\($0.path)"] }
            + [programs.appendingPathComponent(program).path]
        let result = try TestSupport.run("swiftc", arguments)
        return (result.status, result.output + result.error)
    }

    @Test func aProgramUsingTheLibraryNeedsOnlyImportMawjaz() throws {
        let (status, output) = try Self.typecheck("uses-the-library.swift")
        #expect(status == 0, "\(output)")
    }

    @Test func theStagesAreTheirOwn() throws {
        let (status, output) = try Self.typecheck("reaches-into-the-stages.swift")
        #expect(status != 0)
        for name in ["TextEngine", "Typesetter", "Renderer", "Document", "PagedDocument", "Frame", "LocatedNode", "DiagnosticLog",
                     "StructureRole", "BlockKind", "FontFace", "Template"] {
            #expect(output.contains("cannot find type '\(name)' in scope"), "\(name) is visible outside the package")
        }
        #expect(output.contains("'engine' is inaccessible due to 'package' protection level"))
    }
}
