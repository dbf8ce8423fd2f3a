// Installing Mawjaz: where it finds its fonts and templates, `make install` into a temporary prefix used from
// another folder, `make uninstall`, and the release archive that needs no Swift library.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct ResourceLookupTests {
    @Test func mawjazHomeMustExistAndHoldFontsAndTemplates() throws {
        let empty = try TestSupport.temporaryFolder()
        for (home, problem) in [("/nonexistent", "which does not exist"), (empty.path, "which holds no Fonts/ and no Templates/ folder")] {
            #expect {
                try Resources.bundled(environment: ["MAWJAZ_HOME": home], program: nil)
            } throws: { error in
                (error as? MawjazError)?.description == "error: MAWJAZ_HOME is \(home), \(problem) (unset it, or point it at a "
                    + "folder holding Fonts/ and Templates/, such as PREFIX/share/mawjaz)"
            }
        }
        let found = try Resources.bundled(environment: ["MAWJAZ_HOME": TestSupport.root.path], program: nil)
        #expect(found.fonts.path == TestSupport.root.appendingPathComponent("Fonts").path)
    }

    @Test func anInstallationBesideTheBinaryComesBeforeTheCheckout() throws {
        let prefix = try TestSupport.temporaryFolder()
        let share = prefix.appendingPathComponent("share/mawjaz")
        for folder in ["bin", "share/mawjaz/Fonts", "share/mawjaz/Templates"] {
            try FileManager.default.createDirectory(at: prefix.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let installed = try Resources.bundled(environment: [:], program: prefix.appendingPathComponent("bin/mawjaz"))
        #expect(installed.templates.path == share.appendingPathComponent("Templates").path)
        // A development build: the checkout above its .build folder.
        let built = TestSupport.root.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug/mawjaz")
        #expect(try Resources.bundled(environment: [:], program: built).fonts.path == TestSupport.root.appendingPathComponent("Fonts").path)
        // A binary copied alone: an error saying where it looked.
        let alone = try TestSupport.temporaryFolder().appendingPathComponent("mawjaz")
        #expect {
            try Resources.bundled(environment: [:], program: alone)
        } throws: { error in
            (error as? MawjazError)?.description.contains("cannot find Mawjaz's Fonts/ and Templates/ (looked in "
                + alone.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/mawjaz").path) == true
        }
    }
}

/// `make test` makes the man page and the release archive before the suite runs, and says so with MAWJAZ_PACKAGING_TESTS.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MAWJAZ_PACKAGING_TESTS"] != nil, "run by make test, which makes the man page and archive first"))
struct PackagingTests {
    /// Runs `program` in `folder` with nothing of the caller's environment but a plain PATH.
    static func runClean(_ program: String, _ arguments: [String], in folder: URL, environment: [String] = [])
        throws -> (status: Int32, output: String, error: String) {
        try TestSupport.run("env", ["-i", "PATH=/usr/bin:/bin", "HOME=\(folder.path)"] + environment + [program] + arguments, directory: folder)
    }

    /// Starts a report with the installed command and renders it, in a folder of its own; returns the PDF.
    static func startAndRender(with binary: String) throws -> URL {
        let elsewhere = try TestSupport.temporaryFolder()
        let started = try runClean(binary, ["init", "memo", "--template", "correspondence", "--language", "en"], in: elsewhere)
        #expect(started.status == 0, "\(started.error)")
        let rendered = try runClean(binary, ["render", "memo/report.yaml"], in: elsewhere)
        #expect(rendered.status == 0, "\(rendered.error)")
        #expect(rendered.output == "out/memo.pdf\n")
        let pdf = elsewhere.appendingPathComponent("out/memo.pdf")
        #expect(try TestSupport.pdfText(pdf).contains("Organisation name"))
        try TestSupport.inspectPDF(pdf)
        return pdf
    }

    @Test func installIntoATemporaryPrefixRenderFromAnotherFolderAndUninstall() throws {
        let prefix = try TestSupport.temporaryFolder().appendingPathComponent("usr local")
        let installed = try TestSupport.run("make", ["-C", TestSupport.root.path, "--no-print-directory", "install-files",
                                                     "CONFIGURATION=debug", "PREFIX=\(prefix.path)"])
        try #require(installed.status == 0, "\(installed.error)")
        let files = ["bin/mawjaz", "share/mawjaz/Fonts/NotoNaskhArabic-Regular.ttf", "share/mawjaz/Fonts/OFL-Noto.txt",
                     "share/mawjaz/Fonts/NotoSansMath-Regular.ttf", "share/mawjaz/Fonts/NotoSansSymbols2-Regular.ttf",
                     "share/mawjaz/Templates/correspondence.yaml", "share/mawjaz/Templates/starters/briefing.ar.yaml",
                     "share/man/man1/mawjaz.1", "share/bash-completion/completions/mawjaz", "share/zsh/site-functions/_mawjaz",
                     "share/fish/vendor_completions.d/mawjaz.fish"]
        for file in files { #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file)") }
        let binary = prefix.appendingPathComponent("bin/mawjaz").path
        try Self.startAndRender(with: binary)

        let manual = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/mawjaz.1"), encoding: .utf8)
        #expect(manual.contains(".Dt MAWJAZ 1") && manual.contains("Render a report to PDF"))
        #expect(manual.contains(".Sh EXAMPLES\n.Ss First steps\n.Pp\nStart a new report that renders at once:\n.Bd -literal -offset indent\nmawjaz init my-report\n.Ed"))
        #expect(manual.contains(".Ss mawjaz batch") && manual.components(separatedBy: ".Sh EXAMPLES").count == 2)
        let bash = try String(contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/mawjaz"), encoding: .utf8)
        #expect(bash.contains("complete -o filenames -F _mawjaz mawjaz") && bash.contains("templates"))
        let fish = try String(contentsOf: prefix.appendingPathComponent("share/fish/vendor_completions.d/mawjaz.fish"), encoding: .utf8)
        #expect(fish.contains("complete -c 'mawjaz'") || fish.contains("complete -c mawjaz"))

        // A wrong MAWJAZ_HOME is an error, not a silent fallback to the installation.
        let wrong = try Self.runClean(binary, ["templates"], in: prefix, environment: ["MAWJAZ_HOME=/nonexistent"])
        #expect(wrong.status == 1 && wrong.error.hasPrefix("error: MAWJAZ_HOME is /nonexistent, which does not exist"))
        // A copy of the binary alone says where it looked; pointed at the installation, it works.
        let copy = try TestSupport.temporaryFolder().appendingPathComponent("mawjaz")
        try FileManager.default.copyItem(atPath: binary, toPath: copy.path)
        let lost = try Self.runClean(copy.path, ["templates"], in: prefix)
        #expect(lost.status == 1 && lost.error.contains("cannot find Mawjaz's Fonts/ and Templates/"))
        let pointed = try Self.runClean(copy.path, ["templates"], in: prefix, environment: ["MAWJAZ_HOME=\(prefix.path)/share/mawjaz"])
        #expect(pointed.status == 0 && pointed.output.contains("correspondence"))

        let removed = try TestSupport.run("make", ["-C", TestSupport.root.path, "--no-print-directory", "uninstall", "PREFIX=\(prefix.path)"])
        #expect(removed.status == 0, "\(removed.error)")
        for file in files { #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file)") }
    }

    @Test func theReleaseArchiveNeedsNoSwiftLibraryAndRendersFromAnywhere() throws {
        let dist = TestSupport.root.appendingPathComponent("out/dist")
        let archives = try FileManager.default.contentsOfDirectory(atPath: dist.path).filter { $0.hasSuffix(".tar.gz") }
        let name = try #require(archives.first { $0.hasPrefix("mawjaz-\(MawjazVersion.current)-linux-") })
        let unpacked = try TestSupport.temporaryFolder()
        let untar = try TestSupport.run("tar", ["-xzf", dist.appendingPathComponent(name).path, "-C", unpacked.path])
        #expect(untar.status == 0, "\(untar.error)")
        let root = unpacked.appendingPathComponent(String(name.dropLast(".tar.gz".count)))
        for file in ["bin/mawjaz", "share/mawjaz/Templates/briefing.yaml", "share/man/man1/mawjaz.1", "README.md"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path), "\(file)")
        }
        let binary = root.appendingPathComponent("bin/mawjaz").path
        let libraries = try TestSupport.run("ldd", [binary])
        #expect(libraries.status == 0)
        let swift = libraries.output.split(separator: "\n").filter {
            $0.contains("swift") || $0.contains("Foundation") || $0.contains("dispatch") || $0.contains("BlocksRuntime")
        }
        #expect(swift.isEmpty, "Swift libraries needed: \(swift)")
        #expect(libraries.output.contains("libpangocairo"), "cairo and Pango stay the system's")
        try Self.startAndRender(with: binary)
    }
}
