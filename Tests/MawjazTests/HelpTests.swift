// Help that teaches: `mawjaz` alone shows the first commands to try, every command's help ends with examples,
// a mistyped command is named with the one meant.
import Foundation
import Testing
import TestSupport

@Suite struct HelpTests {
    static let subcommands = ["render", "batch", "watch", "validate", "chart", "init", "templates", "fonts"]

    @Test func mawjazAlonePrintsAShortUsageWithTheFirstCommandsToTry() throws {
        let result = try TestSupport.run(CommandLineTests.command, [])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("mawjaz: right-to-left Arabic briefing PDFs from report data.\n\nFirst steps:\n  mawjaz init my-report"))
        #expect(result.output.split(separator: "\n").count < 15, "short")
    }

    @Test func everyCommandsHelpEndsWithExamplesThatName() throws {
        for command in Self.subcommands {
            for arguments in [[command, "--help"], ["help", command]] {
                let result = try TestSupport.run(CommandLineTests.command, arguments)
                #expect(result.status == 0)
                let examples = try #require(result.output.components(separatedBy: "\nEXAMPLES:\n").last, "\(arguments)")
                let lines = examples.split(separator: "\n").filter { $0.hasPrefix("  mawjaz \(command)") }
                #expect(lines.count >= 1 && !result.output.hasSuffix("\n\n"), "\(arguments): \(result.output)")
                #expect(result.output.components(separatedBy: "\nEXAMPLES:\n").count == 2, "examples come once, at the end")
            }
        }
        let top = try TestSupport.run(CommandLineTests.command, ["--help"])
        #expect(top.output.contains("\nEXAMPLES:\n  mawjaz init my-report\n"))
    }

    @Test func theExamplesSpeakTheLanguageOfTheHelp() throws {
        let arabic = try TestSupport.run(CommandLineTests.command, ["batch", "--help", "--lang", "ar"])
        #expect(arabic.status == 0)
        #expect(arabic.output.contains("\nأمثلة:\n  mawjaz batch my-report/report.yaml --each activities.category -o \"out/{group}.pdf\"\n      موجز لكل فئة من فئات السجل، على كل الأنوية"))
        #expect(!arabic.output.contains("EXAMPLES:") && !arabic.output.contains("on every core"))
    }

    @Test func theHelpExamplesRunAsWritten() throws {
        let folder = try TestSupport.temporaryFolder()
        try FileManager.default.copyItem(at: TestSupport.root.appendingPathComponent("Templates/emblem-placeholder.png"),
                                         to: folder.appendingPathComponent("emblem.png"))
        try FileManager.default.copyItem(at: TestSupport.root.appendingPathComponent("Tests/MawjazTests/Fixtures/office-fonts"),
                                         to: folder.appendingPathComponent("office-fonts"))
        var help = [try TestSupport.run(CommandLineTests.command, ["--help"]).output]
        // watch runs until it is stopped: WatchCommandTests runs it.
        for command in Self.subcommands where command != "watch" {
            help.append(try TestSupport.run(CommandLineTests.command, [command, "--help"]).output)
        }
        let lines = help.flatMap { $0.components(separatedBy: "\nEXAMPLES:\n").last?.split(separator: "\n").filter { $0.hasPrefix("  mawjaz ") } ?? [] }
        // In the order a new user would: init first.
        let ordered = lines.sorted { ($0.contains(" init ") ? 0 : 1) < ($1.contains(" init ") ? 0 : 1) }
        var ran = Set<String>()
        for line in ordered where ran.insert(String(line)).inserted {
            let command = line.trimmingCharacters(in: .whitespaces)
            let words = ReadmeTests.words(command.components(separatedBy: " && ").first ?? command)
            let result = try TestSupport.run(CommandLineTests.command, Array(words.dropFirst()), directory: folder)
            #expect(result.status == 0 || (words.contains("init") && result.error.contains("already exists")), "\(command)\n\(result.error)")
        }
    }

    @Test func aMistypedCommandIsNamedWithTheOneMeant() throws {
        for arguments in [["rendr", "report.yaml"], ["--lang", "en", "rendr", "report.yaml"]] {
            let result = try TestSupport.run(CommandLineTests.command, arguments)
            #expect(result.status == 2)
            #expect(result.error.hasPrefix("mawjaz: error: no command named \"rendr\" (did you mean \"render\"?)"), "\(arguments)")
        }
    }
}
