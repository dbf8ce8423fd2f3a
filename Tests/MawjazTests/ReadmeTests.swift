// The README stays true: every `mawjaz` command in its shell examples runs, and the sample reports have the
// page counts it gives.
import Foundation
import Testing
import TestSupport

@Suite struct ReadmeTests {
    static var readme: String { (try? String(contentsOf: TestSupport.root.appendingPathComponent("README.md"), encoding: .utf8)) ?? "" }

    /// The `mawjaz` command lines of the first ```sh block under "Using it", in order, without their comments.
    static func commands(in text: String) -> [String] {
        guard let section = text.range(of: "## Using it\n\n```sh\n"), let end = text[section.upperBound...].range(of: "```") else { return [] }
        return text[section.upperBound..<end.lowerBound].components(separatedBy: "\n")
            .filter { $0 == "mawjaz" || $0.hasPrefix("mawjaz ") }.map(withoutComment)
    }

    /// A shell line without its ` # comment` (a `#` inside quotes stays).
    static func withoutComment(_ line: String) -> String {
        var quoted = false, previous: Character = " "
        for (offset, character) in line.enumerated() {
            if character == "\"" { quoted.toggle() }
            if character == "#", !quoted, previous == " " { return String(line.prefix(offset)).trimmingCharacters(in: .whitespaces) }
            previous = character
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// A command line's words, as a shell splits them (double quotes group words).
    static func words(_ line: String) -> [String] {
        var words: [String] = [], word = "", quoted = false, started = false
        for character in line {
            switch character {
            case "\"": quoted.toggle(); started = true
            case " " where !quoted:
                if started { words.append(word) }
                word = ""; started = false
            default: word.append(character); started = true
            }
        }
        if started { words.append(word) }
        return words
    }

    @Test func everyMawjazCommandInTheReadmeRuns() throws {
        let commands = Self.commands(in: Self.readme)
        #expect(commands.count >= 14, "\(commands)")
        // The folder the commands run in: a copy of Reports/, an emblem, and a folder of an office's fonts.
        let folder = try TestSupport.temporaryFolder()
        let manager = FileManager.default
        try manager.copyItem(at: TestSupport.root.appendingPathComponent("Reports"), to: folder.appendingPathComponent("Reports"))
        try manager.copyItem(at: TestSupport.root.appendingPathComponent("Templates/emblem-placeholder.png"), to: folder.appendingPathComponent("emblem.png"))
        try manager.copyItem(at: TestSupport.root.appendingPathComponent("Tests/MawjazTests/Fixtures/office-fonts"),
                             to: folder.appendingPathComponent("office-fonts"))
        for line in commands {
            let result = try TestSupport.run(CommandLineTests.command, Array(Self.words(line).dropFirst()), directory: folder)
            #expect(result.status == 0, "\(line)\n\(result.error)")
        }
        for produced in ["out/my-report.pdf", "brief.pdf", "pages-1.png", "pages-1.svg", "chart.png", "out/letter.pdf"] {
            #expect(manager.fileExists(atPath: folder.appendingPathComponent(produced).path), "\(produced)")
        }
    }

    @Test func theSampleReportsHaveThePageCountsTheReadmeGives() throws {
        var checked = 0
        for line in Self.readme.components(separatedBy: "\n") where line.hasPrefix("| `Reports/") {
            guard let pages = line.firstMatch(of: /(\d+) pages/)?.1, let folder = line.firstMatch(of: /`(Reports\/[^`]+)\/`/)?.1 else { continue }
            let report = TestSupport.root.appendingPathComponent("\(folder)/report.yaml").path
            let result = try TestSupport.run(CommandLineTests.command, ["validate", report])
            #expect(result.output.hasPrefix("\(report): ok, \(pages) pages"), "\(line)")
            checked += 1
        }
        #expect(checked >= 2)
    }

    @Test func theValidateSummaryInTheReadmeIsWhatValidatePrints() throws {
        let result = try TestSupport.run(CommandLineTests.command, ["validate", "Reports/mississippi-uzbekistan/report.yaml"],
                                         directory: TestSupport.root)
        #expect(Self.readme.contains("```\n" + result.output + "```"))
    }
}
