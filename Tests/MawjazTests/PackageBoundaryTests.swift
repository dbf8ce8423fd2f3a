// The package's boundaries as the sources use them: every module a target imports is a dependency it declares.
import Foundation
import Testing
import TestSupport

@Suite struct PackageBoundaryTests {
    /// Modules of the toolchain and the system, which no target declares.
    static let system: Set<String> = ["Foundation", "FoundationNetworking", "FoundationXML", "Dispatch", "Glibc", "Synchronization", "Testing", "XCTest"]
    /// Modules a declared product builds without naming them as products of their own: Yams' libyaml (`CYaml`), whose
    /// events the YAML reader reads.
    static let broughtBy: [String: Set<String>] = ["Yams": ["CYaml"]]

    /// Each target of Package.swift with the names of its declared dependencies (targets and products).
    static func declaredDependencies() throws -> [String: Set<String>] {
        let manifest = try String(contentsOf: TestSupport.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var targets: [String: Set<String>] = [:]
        var rest = Substring(manifest)
        while let target = rest.range(of: #"\.(target|testTarget|executableTarget|systemLibrary)\(\s*name: "([A-Za-z]+)""#, options: .regularExpression) {
            let header = rest[target]
            let name = String(header[header.range(of: #""[A-Za-z]+""#, options: .regularExpression)!].dropFirst().dropLast())
            rest = rest[target.upperBound...]
            // The declaration runs to the next target's.
            let end = rest.range(of: #"\.(target|testTarget|executableTarget|systemLibrary)\("#, options: .regularExpression)?.lowerBound ?? rest.endIndex
            let body = rest[..<end]
            var dependencies = Set<String>()
            if let list = body.range(of: #"dependencies: \[[^\]]*\]"#, options: .regularExpression) {
                var names = body[list]
                while let quoted = names.range(of: #""[A-Za-z-]+""#, options: .regularExpression) {
                    dependencies.insert(String(names[quoted].dropFirst().dropLast()))
                    names = names[quoted.upperBound...]
                }
            }
            targets[name] = dependencies
        }
        return targets
    }

    /// The modules the Swift files under `folder` import.
    static func imports(under folder: URL) throws -> Set<String> {
        var modules = Set<String>()
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return modules }
        for case let file as URL in files where file.pathExtension == "swift" {
            // Lines inside multi-line string literals (a Python script's "import") are text, not Swift.
            var inString = false
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                if line.components(separatedBy: "\"\"\"").count % 2 == 0 { inString.toggle(); continue }
                guard !inString else { continue }
                let words = line.split(separator: " ")
                guard let index = words.firstIndex(of: "import"), words[..<index].allSatisfy({ $0.hasPrefix("@") || ["internal", "public", "package"].contains($0) }),
                      index + 1 < words.count else { continue }
                // `import enum Module.Name` imports one declaration of the module.
                let kinds: Set<Substring> = ["enum", "struct", "class", "protocol", "func", "typealias", "var", "let"]
                let name = kinds.contains(words[index + 1]) && index + 2 < words.count ? words[index + 2] : words[index + 1]
                modules.insert(String(name.split(separator: ".")[0]))
            }
        }
        return modules
    }

    @Test func everyImportIsADeclaredDependency() throws {
        let declared = try Self.declaredDependencies()
        #expect(declared.count >= 15, "\(declared.keys.sorted())")
        for (folder, targets) in [("Sources", declared.keys.filter { !$0.hasSuffix("Tests") && $0 != "TestSupport" }),
                                  ("Tests", declared.keys.filter { $0.hasSuffix("Tests") || $0 == "TestSupport" })] {
            for target in targets {
                let path = TestSupport.root.appendingPathComponent("\(folder)/\(target)")
                guard FileManager.default.fileExists(atPath: path.path) else { continue }
                let reachable = (declared[target] ?? []).reduce(into: declared[target] ?? []) { $0.formUnion(Self.broughtBy[$1] ?? []) }
                let undeclared = try Self.imports(under: path).subtracting(Self.system).subtracting(reachable).subtracting([target])
                #expect(undeclared.isEmpty, "\(target) imports \(undeclared.sorted()) without declaring them in Package.swift")
            }
        }
    }

    @Test func onlyTheTextAndRenderStagesSeeTheCLibrariesAndNeverPublicly() throws {
        // `internal import`: no declaration a module shows others can name a C type, and nothing depending on the
        // module sees cairo or Pango through it.
        let sources = TestSupport.root.appendingPathComponent("Sources")
        var importers = Set<String>()
        for target in try FileManager.default.contentsOfDirectory(atPath: sources.path) {
            guard let files = FileManager.default.enumerator(at: sources.appendingPathComponent(target), includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in files where file.pathExtension == "swift" {
                for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") where line.hasSuffix("import CPangoCairo") {
                    importers.insert(target)
                    #expect(line == "internal import CPangoCairo", "\(file.lastPathComponent): \(line)")
                }
            }
        }
        #expect(importers == ["MawjazText", "MawjazRender"])
    }
}
