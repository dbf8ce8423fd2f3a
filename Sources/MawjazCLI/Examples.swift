// The examples every command's --help ends with, written for a report started with `mawjaz init my-report`; their
// captions come from the language tables. The man page gets the same examples as its EXAMPLES section.
import MawjazLanguage

enum Examples {
    /// Examples by command name, in the order the man page lists them: the command line, then what it does.
    static let byCommand: [(command: String, examples: [(line: String, caption: HelpExample)])] = [
        ("mawjaz", [
            ("mawjaz init my-report", .startReport),
            ("mawjaz render my-report/report.yaml", .renderIt),
            ("mawjaz validate my-report/report.yaml", .validateIt),
        ]),
        ("render", [
            ("mawjaz render my-report/report.yaml", .renderDefault),
            ("mawjaz render my-report/report.yaml -o brief.pdf", .renderToFile),
            ("mawjaz render my-report/report.yaml -o pages.png --dpi 150", .renderPages),
            ("mawjaz render my-report/report.yaml --font-path office-fonts", .renderWithOfficeFonts),
        ]),
        ("batch", [
            ("mawjaz batch my-report/report.yaml --each activities.category -o \"out/{group}.pdf\"", .batchPerCategory),
            ("mawjaz batch my-report/report.yaml --each activities.category -o \"out/{group}.pdf\" -j 1", .batchOnOneCore),
        ]),
        ("watch", [
            ("mawjaz watch my-report/report.yaml", .watchDefault),
            ("mawjaz watch my-report/report.yaml -o brief.pdf", .watchToFile),
        ]),
        ("validate", [
            ("mawjaz validate my-report/report.yaml", .validateEverything),
            ("mawjaz validate my-report/report.yaml && mawjaz render my-report/report.yaml", .validateThenRender),
        ]),
        ("chart", [
            ("mawjaz chart my-report/report.yaml", .chartFirst),
            ("mawjaz chart my-report/report.yaml --index 2 -o chart.png", .chartSecondAsPNG),
            ("mawjaz chart my-report/report.yaml --page template -o chart.pdf", .chartOnAPage),
        ]),
        ("init", [
            ("mawjaz init my-report", .initArabicBrief),
            ("mawjaz init letter --template correspondence --organisation \"Ministry of Example\" --language en", .initEnglishLetter),
            ("mawjaz init summary --template annual-summary --emblem emblem.png", .initSummaryWithEmblem),
        ]),
        ("fonts", [
            ("mawjaz fonts", .fontsEveryFamily),
            ("mawjaz fonts --font-path office-fonts", .fontsWithAFolder),
            ("mawjaz fonts my-report/report.yaml", .fontsOfAReport),
        ]),
        ("templates", [
            ("mawjaz templates", .templatesEach),
        ]),
        ("serve", [
            ("mawjaz serve", .serveHere),
            ("mawjaz serve --host 0.0.0.0 --token-file token --cors-origin https://editor.example.org", .serveEverywhere),
            ("curl -F report=@my-report/report.yaml -F activities.csv=@my-report/activities.csv http://127.0.0.1:8080/render -o brief.pdf",
             .serveFromAnotherShell),
        ]),
    ]

    /// The examples at the end of `command`'s help, in `language`, or nil when it has none.
    static func help(for command: String, in language: Language) -> String? {
        guard let examples = byCommand.first(where: { $0.command == command })?.examples, !examples.isEmpty else { return nil }
        let table = language.table
        return ([table.text(.helpExamplesHeading)] + examples.map { "  \($0.line)\n      \(table.text(.helpExample($0.caption)))" })
            .joined(separator: "\n")
    }

    /// The one argument that makes `mawjaz` print `manualSection` (for `make manual`, not for users).
    static let manualOption = "--manual-examples"

    /// The man page's EXAMPLES section (mdoc), in English: each command's examples under its name, each line literal.
    static var manualSection: String {
        var lines = [".Sh EXAMPLES"]
        for (command, examples) in byCommand {
            lines.append(".Ss \(command == "mawjaz" ? "First steps" : "mawjaz \(command)")")
            for example in examples {
                lines += [".Pp", escaped(Language.en.table.text(.helpExample(example.caption)).capitalizedFirst + ":"),
                          ".Bd -literal -offset indent", escaped(example.line), ".Ed"]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text as mdoc shows it literally: backslashes escaped, and a line that would start a request guarded.
    private static func escaped(_ text: String) -> String {
        let text = text.replacingOccurrences(of: "\\", with: "\\e")
        return text.hasPrefix(".") || text.hasPrefix("'") ? "\\&" + text : text
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
