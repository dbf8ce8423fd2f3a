// What every harness holds the code to besides not crashing: errors located, messages short.
import Mawjaz

public enum FuzzCheck {
    /// The longest message accepted: messages quote at most the offending field, never a file.
    public static let messageLimit = Message.messageLimit

    /// Stops the run (a finding) when an error about `file` has no line, or its message is too long.
    public static func located(_ diagnostic: Diagnostic, in file: String) {
        if diagnostic.location.file == file && diagnostic.location.line == 0 {
            fatalError("an error without a line: \(diagnostic.description.prefix(300))")
        }
        // In every language: a table must not grow a message past the limit either.
        for language in Language.allCases {
            let text = diagnostic.message.text(in: language)
            if text.count > messageLimit { fatalError("a message of \(text.count) characters: \(text.prefix(300))") }
        }
    }

    /// A small report around `body`, with a dataset of a few activities, for harnesses that fuzz text in a report.
    public static func report(body: [ReportBlock], template: String = "briefing") -> Report {
        let activities = [
            Activity(date: CalendarDate(year: 2021, month: 3, day: 14), category: "تدريبات مشتركة", title: "تمرين *مشترك*",
                     location: "طشقند", line: 2),
            Activity(date: CalendarDate(year: 2022, month: 5), category: "تبادلات", title: "زيارة [وفد](x)", line: 3),
            Activity(date: CalendarDate(year: 2022), category: "تدريبات مشتركة", title: "دورة", line: 4),
        ]
        return Report(template: template, title: "موجز", date: CalendarDate(year: 2024, month: 9, day: 15),
                      facts: [Fact(key: "since", value: "2012"), Fact(key: "until", value: "")],
                      datasets: ["activities": ActivityLog(name: "activities", file: "log.csv", activities: activities)],
                      body: body, file: "report.yaml")
    }
}
