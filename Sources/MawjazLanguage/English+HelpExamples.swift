// The help examples' captions in English.

extension English {
    func text(_ example: HelpExample) -> String {
        switch example {
        case .startReport: return "start a new report that renders at once"
        case .renderIt: return "render it to out/my-report.pdf"
        case .validateIt: return "report every problem of the report, writing nothing"
        case .renderDefault: return "the PDF to out/my-report.pdf"
        case .renderToFile: return "the PDF to brief.pdf"
        case .renderPages: return "one PNG per page: pages-1.png, pages-2.png, …"
        case .renderWithOfficeFonts: return "with your office's fonts, named in the report's fonts:"
        case .batchPerCategory: return "one brief per category of the log, on every core"
        case .batchOnOneCore: return "the same on one core"
        case .watchDefault: return "render to out/my-report.pdf now and again on every save"
        case .watchToFile: return "keep brief.pdf, open in a PDF viewer, up to date while you edit"
        case .validateEverything: return "every problem of the report and its data, or a summary"
        case .validateThenRender: return "render only a report that checks"
        case .chartFirst: return "the first chart alone to out/my-report-chart-1.pdf"
        case .chartSecondAsPNG: return "the second chart as a PNG"
        case .chartOnAPage: return "the first chart on an A4 page"
        case .initArabicBrief: return "an Arabic brief with a small activity log"
        case .initEnglishLetter: return "an English letter attachment with your organisation's name in the letterhead"
        case .initSummaryWithEmblem: return "an annual summary with your emblem on its cover"
        case .fontsEveryFamily: return "every family with its styles, scripts and the template roles that use it"
        case .fontsWithAFolder: return "the same with the fonts in the folder office-fonts added"
        case .fontsOfAReport: return "the fonts of one report's template, its fonts: path included"
        case .templatesEach: return "each template with what it is for"
        case .serveHere:
            return "serve on 127.0.0.1:8080 with a renderer per core; Ctrl-C stops once the requests taken are answered"
        case .serveEverywhere:
            return "on every interface, every request but /healthz needing the token in the file token, callable from that origin's pages"
        case .serveFromAnotherShell: return "from another shell: the PDF of a report and its log"
        }
    }
}
