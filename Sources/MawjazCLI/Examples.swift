// The examples every command's --help ends with, written for a report started with `mawjaz init my-report`.

enum Examples {
    /// Examples by command name: the command line, then what it does.
    static let of: [String: [(String, String)]] = [
        "mawjaz": [
            ("mawjaz init my-report", "start a new report that renders at once"),
            ("mawjaz render my-report/report.yaml", "render it to out/my-report.pdf"),
            ("mawjaz validate my-report/report.yaml", "report every problem of the report, writing nothing"),
        ],
        "render": [
            ("mawjaz render my-report/report.yaml", "the PDF to out/my-report.pdf"),
            ("mawjaz render my-report/report.yaml -o brief.pdf", "the PDF to brief.pdf"),
            ("mawjaz render my-report/report.yaml -o pages.png --dpi 150", "one PNG per page: pages-1.png, pages-2.png, …"),
            ("mawjaz render my-report/report.yaml --font-path office-fonts", "with your office's fonts, named in the report's fonts:"),
        ],
        "batch": [
            ("mawjaz batch my-report/report.yaml --each activities.category -o \"out/{group}.pdf\"",
             "one brief per category of the log, on every core"),
            ("mawjaz batch my-report/report.yaml --each activities.category -o \"out/{group}.pdf\" -j 1", "the same on one core"),
        ],
        "validate": [
            ("mawjaz validate my-report/report.yaml", "every problem of the report and its data, or a summary"),
            ("mawjaz validate my-report/report.yaml && mawjaz render my-report/report.yaml", "render only a report that checks"),
        ],
        "chart": [
            ("mawjaz chart my-report/report.yaml", "the first chart alone to out/my-report-chart-1.pdf"),
            ("mawjaz chart my-report/report.yaml --index 2 -o chart.png", "the second chart as a PNG"),
            ("mawjaz chart my-report/report.yaml --page template -o chart.pdf", "the first chart on an A4 page"),
        ],
        "init": [
            ("mawjaz init my-report", "an Arabic brief with a small activity log"),
            ("mawjaz init letter --template correspondence --organisation \"Ministry of Example\" --language en",
             "an English letter attachment with your organisation's name in the letterhead"),
            ("mawjaz init summary --template annual-summary --emblem emblem.png", "an annual summary with your emblem on its cover"),
        ],
        "fonts": [
            ("mawjaz fonts", "every family with its styles, scripts and the template roles that use it"),
            ("mawjaz fonts --font-path office-fonts", "the same with the fonts in the folder office-fonts added"),
            ("mawjaz fonts my-report/report.yaml", "the fonts of one report's template, its fonts: path included"),
        ],
        "templates": [
            ("mawjaz templates", "each template with what it is for"),
        ],
        "serve": [
            ("mawjaz serve", "serve on 127.0.0.1:8080 with a renderer per core; Ctrl-C stops once the requests taken are answered"),
            ("mawjaz serve --host 0.0.0.0 --token-file token --cors-origin https://editor.example.org",
             "on every interface, every request but /healthz needing the token in the file token, callable from that origin's pages"),
            ("curl -F report=@my-report/report.yaml -F activities.csv=@my-report/activities.csv http://127.0.0.1:8080/render -o brief.pdf",
             "from another shell: the PDF of a report and its log"),
        ],
    ]
}
