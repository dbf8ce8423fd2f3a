// The hostile corpus: inputs written to break Mawjaz, each with the error, the place and the exit status it must give.
import Foundation
import Testing

/// One hostile input: the files of a report folder, how the command is called, and what it must answer.
struct HostileCase: CustomTestStringConvertible, Sendable {
    /// What the case tries, as the test is named.
    var name: String
    /// The report, relative to the case's folder.
    var report = "report.yaml"
    /// Files of the case's folder, by path.
    var files: [String: HostileFile]
    /// The arguments after `render REPORT -o OUTPUT` (for render only).
    var options: [String] = []
    /// The output, relative to the case's folder (its extension chooses the format).
    var output = "out/brief.pdf"
    /// The exit status expected.
    var status: Int32 = 2
    /// Where the first error must be: `report.yaml:3:1` (relative to the case's folder), or an option (`--dpi`).
    var location: String
    /// Words the first error must hold.
    var message: String
    /// Whether `validate` takes the case too (false when it is about render's options or output).
    var validates = true

    var testDescription: String { name }
}

/// A file of a hostile case.
enum HostileFile: Sendable {
    case text(String)
    case bytes([UInt8])
    /// A FIFO: opening it for reading would wait for a writer.
    case fifo
    /// A symbolic link to the given path (absolute, or relative to the link's folder).
    case link(String)
    case folder
}

extension HostileCase {
    static let head = "title: \"موجز\"\ndate: 2024-09-15\n"
    static func report(_ body: String, data: String? = nil, extra: String = "") -> HostileFile {
        .text(head + extra + (data.map { "data:\n  activities: \($0)\n" } ?? "") + "body:\n" + body)
    }
    static func paragraph(_ text: String) -> String { "  - paragraph: \"\(text)\"\n" }

    /// A log of `rows` activities.
    static func log(_ rows: Int) -> HostileFile {
        .text("date,category,title\n" + (0..<rows).map { "20\(10 + $0 % 14)-0\(1 + $0 % 9)-1\($0 % 9),فئة \($0 % 5),نشاط رقم \($0)\n" }.joined())
    }

    /// A PNG header claiming `width`×`height` pixels, with no image data.
    static func pngHeader(width: UInt32, height: UInt32) -> [UInt8] {
        func bigEndian(_ value: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
            + bigEndian(width) + bigEndian(height) + [8, 2, 0, 0, 0, 0, 0, 0, 0]
    }

    /// A JPEG whose frame header claims `width`×`height` pixels.
    static func jpegHeader(width: UInt16, height: UInt16) -> [UInt8] {
        [0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF),
         1, 1, 0x11, 0, 0xFF, 0xD9]
    }

    static func image(_ path: String, extra: String = "") -> HostileFile {
        report("  - image: {path: \(path), alt: \"صورة\"}\n", extra: extra)
    }

    static var emblem: [UInt8] {
        (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/images/emblem.png")))) ?? []
    }

    static let nested3 = String(repeating: "{{#activities.activities}}", count: 3) + "{{title}}"
        + String(repeating: "{{/activities.activities}}", count: 3)
    static let empty3 = String(repeating: "{{#activities.activities}}", count: 3) + String(repeating: "{{/activities.activities}}", count: 3)
    static let nested1000 = String(repeating: "{{#activities.activities}}", count: 1000) + "x"
        + String(repeating: "{{/activities.activities}}", count: 1000)

    /// A list of ten levels of aliases, each item holding ten of the one before: 10^10 items once expanded.
    static var billionLaughs: String {
        let names = "abcdefghij".map(String.init)
        return "body:\n  - list:\n      - &a {text: x, items: [x, x, x, x, x, x, x, x, x, x]}\n" + (1..<names.count).map { index in
            "      - &\(names[index]) {text: x, items: [" + Array(repeating: "*\(names[index - 1])", count: 10).joined(separator: ", ") + "]}\n"
        }.joined()
    }

    /// Twelve levels of ten aliases, the last one a mapping's key (Yams hashes a key with its aliases expanded).
    static var aliasBombAsKey: String {
        "body: []\nbombs:\n  - &l0 [x, x, x, x, x, x, x, x, x, x]\n" + (1..<12).map { index in
            "  - &l\(index) [" + Array(repeating: "*l\(index - 1)", count: 10).joined(separator: ", ") + "]\n"
        }.joined() + "keys: {? *l11 : 1}\n"
    }

    /// 30,000 list items, each anchored and holding an alias of the one before.
    static var aliasChain: String {
        "body:\n  - list:\n      - &a0 {text: x}\n" + (1..<30_000).map { "      - &a\($0) {text: x, items: [*a\($0 - 1)]}\n" }.joined()
    }

    /// The corpus.
    static let all: [HostileCase] = templates + arguments + images + reports + data + limits + templateFiles + outputs

    static let templates: [HostileCase] = [
        HostileCase(name: "three nested sections over a 300-row log", files: ["report.yaml": report(paragraph(nested3), data: "log.csv"),
                                                                             "log.csv": log(300)],
                    location: "report.yaml:6:5", message: "expands past the expansion-characters limit"),
        HostileCase(name: "three nested empty sections over a 300-row log", files: ["report.yaml": report(paragraph(empty3), data: "log.csv"),
                                                                                   "log.csv": log(300)],
                    location: "report.yaml:6:5", message: "expands past the expansion-steps limit"),
        // Found by FuzzPlaceholders: a placeholder of dots alone once crashed the binder (an index out of range).
        HostileCase(name: "a placeholder that is a dot", files: ["report.yaml": report(paragraph("{{.}} {{acti.}}"))],
                    location: "report.yaml:4:5", message: "{{.}}: an empty placeholder"),
        HostileCase(name: "a thousand nested sections", files: ["report.yaml": report(paragraph(nested1000), data: "log.csv"), "log.csv": log(3)],
                    location: "report.yaml:6:5", message: "sections nest deeper than the section-depth limit of 8"),
        HostileCase(name: "nine nested sections", files: ["report.yaml": report(paragraph(String(repeating: "{{#report.title}}", count: 9) + "x"
                                                                                          + String(repeating: "{{/report.title}}", count: 9)))],
                    location: "report.yaml:4:5", message: "section-depth limit"),
        HostileCase(name: "a section never closed", files: ["report.yaml": report(paragraph("{{#activities.activities}} x"), data: "log.csv"),
                                                           "log.csv": log(3)],
                    location: "report.yaml:6:5", message: "is never closed"),
        HostileCase(name: "unescaped triple braces", files: ["report.yaml": report(paragraph("{{{report.title}}}"))],
                    location: "report.yaml:4:5", message: "unescaped values are not allowed"),
        HostileCase(name: "a partial", files: ["report.yaml": report(paragraph("{{> /etc/passwd}}"))],
                    location: "report.yaml:4:5", message: "partials, blocks and delimiter changes are not supported"),
        HostileCase(name: "a delimiter change", files: ["report.yaml": report(paragraph("{{=<% %>=}}"))],
                    location: "report.yaml:4:5", message: "not supported"),
        HostileCase(name: "an unknown placeholder", files: ["report.yaml": report(paragraph("{{report.titel}}"))],
                    location: "report.yaml:4:5", message: "did you mean \"title\"?"),
        HostileCase(name: "a section closed by another name", files: ["report.yaml": report(paragraph("{{#report.title}}x{{/report.date}}"))],
                    location: "report.yaml:4:5", message: "{{/report.date}} closes {{#report.title}}"),
        HostileCase(name: "a placeholder never closed", files: ["report.yaml": report(paragraph("{{report.title"))],
                    location: "report.yaml:4:5", message: "is not closed"),
        HostileCase(name: "a placeholder name of 100,000 characters",
                    files: ["report.yaml": report(paragraph("{{" + String(repeating: "x", count: 100_000) + "}}"))],
                    location: "report.yaml:4:5", message: "is neither report, facts nor a dataset"),
    ]

    static let arguments: [HostileCase] = ["nan", "inf", "-inf", "1e12", "0", "-5", "abc", ""].map { value in
        HostileCase(name: "--dpi=\(value)", files: ["report.yaml": report(paragraph("نص."))], options: ["--dpi=\(value)"],
                    output: "out/brief.png", location: "--dpi", message: "--dpi", validates: false)
    } + [
        HostileCase(name: "a page too large to rasterise", files: ["report.yaml": report(paragraph("نص."))], options: ["--dpi", "2400"],
                    output: "out/brief.png", location: "--dpi", message: "more than the image-pixels limit", validates: false),
        HostileCase(name: "--limit with an unknown name", files: ["report.yaml": report(paragraph("نص."))], options: ["--limit", "pagez=3"],
                    location: "--limit", message: "did you mean \"pages\"?", validates: false),
        HostileCase(name: "--limit with no value", files: ["report.yaml": report(paragraph("نص."))], options: ["--limit", "pages=0"],
                    location: "--limit", message: "takes a whole number above 0", validates: false),
        HostileCase(name: "--limit with a word", files: ["report.yaml": report(paragraph("نص."))], options: ["--limit", "pages=many"],
                    location: "--limit", message: "takes a whole number above 0", validates: false),
        HostileCase(name: "an unknown option", files: ["report.yaml": report(paragraph("نص."))], options: ["--dpii", "72"],
                    location: "--dpii", message: "Unknown option", validates: false),
    ]

    static let images: [HostileCase] = [
        HostileCase(name: "a PNG header claiming 20000×20000 pixels", files: ["report.yaml": image("big.png"),
                                                                              "big.png": .bytes(pngHeader(width: 20000, height: 20000))],
                    location: "report.yaml:4:5", message: "20000×20000 pixels, more than the image-pixels limit"),
        HostileCase(name: "a truncated PNG", files: ["report.yaml": image("cut.png"), "cut.png": .bytes(Array(emblem.prefix(emblem.count / 2)))],
                    location: "report.yaml:4:5", message: "the PNG image cannot be decoded"),
        HostileCase(name: "a PNG header alone", files: ["report.yaml": image("head.png"), "head.png": .bytes(pngHeader(width: 10, height: 10))],
                    location: "report.yaml:4:5", message: "the PNG image cannot be decoded"),
        HostileCase(name: "a JPEG of 65520×65520 pixels", files: ["report.yaml": image("huge.jpg"),
                                                                  "huge.jpg": .bytes(jpegHeader(width: 65520, height: 65520))],
                    location: "report.yaml:4:5", message: "65520×65520 pixels"),
        HostileCase(name: "a JPEG without a frame header", files: ["report.yaml": image("bare.jpg"), "bare.jpg": .bytes([0xFF, 0xD8, 0xFF, 0xD9, 0, 0])],
                    location: "report.yaml:4:5", message: "neither a PNG nor a JPEG"),
        HostileCase(name: "a PNG of zero width", files: ["report.yaml": image("zero.png"), "zero.png": .bytes(pngHeader(width: 0, height: 10))],
                    location: "report.yaml:4:5", message: "neither a PNG nor a JPEG"),
        HostileCase(name: "a text file named .png", files: ["report.yaml": image("text.png"), "text.png": .text("not an image")],
                    location: "report.yaml:4:5", message: "neither a PNG nor a JPEG"),
        HostileCase(name: "an image that is a folder", files: ["report.yaml": image("pictures"), "pictures": .folder],
                    location: "report.yaml:4:5", message: "is a folder, not a file"),
        HostileCase(name: "an image that does not exist", files: ["report.yaml": image("nowhere.png")],
                    location: "report.yaml:4:5", message: "does not exist"),
        HostileCase(name: "an image that is a FIFO", files: ["report.yaml": image("pipe.png"), "pipe.png": .fifo],
                    location: "report.yaml:4:5", message: "is a FIFO, not a regular file"),
        HostileCase(name: "an image that is /dev/zero", files: ["report.yaml": image("/dev/zero")],
                    location: "report.yaml:4:5", message: "is a device, not a regular file"),
        HostileCase(name: "an image past the data-bytes limit", files: ["report.yaml": image("emblem.png", extra: "limits: {data-bytes: 100}\n"),
                                                                        "emblem.png": .bytes(emblem)],
                    location: "report.yaml:5:5", message: "more than the data-bytes limit of 100"),
        HostileCase(name: "an image linked to a device", files: ["report.yaml": image("zero.png"), "zero.png": .link("/dev/zero")],
                    location: "report.yaml:4:5", message: "is a device"),
    ]

    static let reports: [HostileCase] = [
        HostileCase(name: "a chart naming no dataset among thirty of 100 characters",
                    files: ["report.yaml": report("  - chart: {type: bar, data: nothing, by: year}\n",
                                                  extra: "data:\n" + (10..<40).map { "  d\($0)" + String(repeating: "x", count: 97) + ": log.csv\n" }.joined()),
                            "log.csv": log(3)],
                    location: "report.yaml:35:5", message: "no dataset named \"nothing\" (datasets: d10xxx"),
        HostileCase(name: "a block of twelve unknown keys of 100 characters",
                    files: ["report.yaml": report("  - {" + (10..<22).map { "k\($0)" + String(repeating: "z", count: 97) + ": 1" }.joined(separator: ", ") + "}\n")],
                    location: "report.yaml:4:5", message: "no block kind among k10zzz"),
        HostileCase(name: "a duplicate top-level key", files: ["report.yaml": .text(head + "title: \"ثان\"\nbody: []\n")],
                    location: "report.yaml:3:1", message: "the key \"title\" appears twice (first at line 1)"),
        HostileCase(name: "a duplicate key in a block", files: ["report.yaml": report("  - heading: \"ع\"\n    level: 2\n    level: 3\n")],
                    location: "report.yaml:6:5", message: "the key \"level\" appears twice"),
        HostileCase(name: "a duplicate key in a flow mapping", files: ["report.yaml": report("  - {heading: \"ع\", level: 2, level: 3}\n")],
                    location: "report.yaml:4:30", message: "the key \"level\" appears twice"),
        HostileCase(name: "a duplicate key in JSON", report: "report.json",
                    files: ["report.json": .text("{\"title\": \"a\", \"date\": \"2024-01-01\", \"body\": [], \"title\": \"b\"}")],
                    location: "report.json:1:50", message: "the key \"title\" appears twice"),
        HostileCase(name: "invalid UTF-8 in the report", files: ["report.yaml": .bytes(Array("title: \"ab".utf8) + [0xFF] + Array("\"\n".utf8))],
                    location: "report.yaml:1:11", message: "not valid UTF-8"),
        HostileCase(name: "a NUL byte in the report", files: ["report.yaml": .bytes(Array("title: \"a".utf8) + [0] + Array("b\"\n".utf8))],
                    location: "report.yaml:1:10", message: "U+0000 is not allowed"),
        HostileCase(name: "an escaped NUL in a title", files: ["report.yaml": .text("title: \"a\\0b\"\ndate: 2024-01-01\nbody: []\n")],
                    location: "report.yaml:1:8", message: "a NUL character (\\0) is not allowed"),
        HostileCase(name: "a bell character in the report", files: ["report.yaml": .text(head + "body:\n  - paragraph: \"a\u{7}b\"\n")],
                    location: "report.yaml:4:18", message: "U+0007 is not allowed"),
        HostileCase(name: "a 5 MiB report behind a symlink", report: "link.yaml",
                    files: ["big.yaml": .text(head + "body: []\n" + String(repeating: "#", count: 5 << 20)), "link.yaml": .link("big.yaml")],
                    location: "link.yaml", message: "over the limit of 4194304"),
        HostileCase(name: "a report that is a FIFO", files: ["report.yaml": .fifo], location: "report.yaml", message: "is a FIFO"),
        HostileCase(name: "a report that is a folder", files: ["report.yaml": .folder], location: "report.yaml", message: "is a folder"),
        HostileCase(name: "a report that does not exist", files: [:], location: "report.yaml", message: "does not exist"),
        HostileCase(name: "flow lists nested 100 deep", files: ["report.yaml": .text(head + "body: " + String(repeating: "[", count: 100))],
                    location: "report.yaml:3:71", message: "nests deeper than 64 levels"),
        HostileCase(name: "a billion laughs", files: ["report.yaml": .text(head + billionLaughs)],
                    location: "report.yaml:", message: "more than 200000 nodes"),
        HostileCase(name: "an alias bomb as a mapping key", files: ["report.yaml": .text(head + aliasBombAsKey)],
                    location: "report.yaml:10:10", message: "more than 200000 nodes"),
        HostileCase(name: "aliases each inside the next, 30,000 deep", files: ["report.yaml": .text(head + aliasChain)],
                    location: "report.yaml:35:32", message: "nests deeper than 64 levels"),
        HostileCase(name: "an empty report", files: ["report.yaml": .text("")], location: "report.yaml:1:1", message: "the document is empty"),
        HostileCase(name: "a report that is a list", files: ["report.yaml": .text("- a\n- b\n")],
                    location: "report.yaml:1:1", message: "a report is a mapping of its fields"),
        HostileCase(name: "an unknown key of 100,000 characters",
                    files: ["report.yaml": .text(head + String(repeating: "k", count: 100_000) + ": 1\nbody: []\n")],
                    location: "report.yaml:3:100001", message: "cannot parse"),
        HostileCase(name: "a number of 100,000 digits", files: ["report.yaml": report("  - heading: \"ع\"\n    level: " + String(repeating: "9", count: 100_000) + "\n")],
                    location: "report.yaml:5:12", message: "expected a whole number"),
        HostileCase(name: "an unclosed quote", files: ["report.yaml": .text(head + "body:\n  - paragraph: \"never closed\n")],
                    location: "report.yaml:5:1", message: "cannot parse"),
    ]

    static let data: [HostileCase] = [
        HostileCase(name: "a NUL inside a CSV field", files: ["report.yaml": report(paragraph("{{activities.count}}"), data: "log.csv"),
                                                             "log.csv": .bytes(Array("date,category,title\n2020,a,ti".utf8) + [0] + Array("tle\n".utf8))],
                    location: "log.csv:2:10", message: "a NUL character (byte 0x00) is not allowed in a field"),
        HostileCase(name: "invalid UTF-8 in a CSV field", files: ["report.yaml": report(paragraph("x"), data: "log.csv"),
                                                                 "log.csv": .bytes(Array("date,category,title\n2020,a,b".utf8) + [0xC3, 0x28] + [0x0A])],
                    location: "log.csv:2:9", message: "is not UTF-8"),
        HostileCase(name: "a quote never closed in a CSV", files: ["report.yaml": report(paragraph("x"), data: "log.csv"),
                                                                  "log.csv": .text("date,category,title\n2020,a,\"open\n")],
                    location: "log.csv:2:8", message: "never closed"),
        HostileCase(name: "a data file that is /dev/zero", files: ["report.yaml": report(paragraph("x"), data: "/dev/zero")],
                    location: "report.yaml:4:15", message: "is a device, not a regular file"),
        HostileCase(name: "a data file that is a FIFO", files: ["report.yaml": report(paragraph("x"), data: "log.csv"), "log.csv": .fifo],
                    location: "report.yaml:4:15", message: "is a FIFO, not a regular file"),
        HostileCase(name: "a data file that is a folder", files: ["report.yaml": report(paragraph("x"), data: "logs"), "logs": .folder],
                    location: "report.yaml:4:15", message: "is a folder"),
        HostileCase(name: "a data file linked to a FIFO", files: ["report.yaml": report(paragraph("x"), data: "log.csv"), "pipe": .fifo,
                                                                 "log.csv": .link("pipe")],
                    location: "report.yaml:4:15", message: "is a FIFO"),
        HostileCase(name: "a data file past the data-bytes limit", files: ["report.yaml": report(paragraph("x"), data: "log.csv",
                                                                                                extra: "limits: {data-bytes: 50}\n"),
                                                                          "log.csv": log(10)],
                    location: "report.yaml:5:15", message: "more than the data-bytes limit of 50"),
        HostileCase(name: "a log past the data-rows limit", files: ["report.yaml": report(paragraph("x"), data: "log.csv", extra: "limits: {data-rows: 3}\n"),
                                                                   "log.csv": log(10)],
                    location: "log.csv:5", message: "more rows than the data-rows limit of 3"),
        HostileCase(name: "inline rows past the data-rows limit",
                    files: ["report.yaml": .text(head + "limits: {data-rows: 1}\ndata:\n  activities:\n    rows:\n"
                                                  + "      - {date: 2020, category: a, title: b}\n      - {date: 2021, category: a, title: c}\nbody: []\n")],
                    location: "report.yaml:6:5", message: "more rows than the data-rows limit of 1"),
        HostileCase(name: "a CSV with no header", files: ["report.yaml": report(paragraph("x"), data: "log.csv"), "log.csv": .text("# nothing\n\n")],
                    location: "log.csv:1:1", message: "no header row"),
        HostileCase(name: "a CSV header naming a column twice", files: ["report.yaml": report(paragraph("x"), data: "log.csv"),
                                                                       "log.csv": .text("date,category,title,date\n2020,a,b,2021\n")],
                    location: "log.csv:1:21", message: "appears twice in the header"),
        HostileCase(name: "a CSV date that is no date", files: ["report.yaml": report(paragraph("x"), data: "log.csv"),
                                                               "log.csv": .text("date,category,title\n2020-02-30,a,b\n")],
                    location: "log.csv:2:1", message: "month 2 of 2020 has 29 days"),
        // Found by fuzzing: the whole cell was quoted.
        HostileCase(name: "a CSV date of 10,000 characters", files: ["report.yaml": report(paragraph("x"), data: "log.csv"),
                                                                     "log.csv": .text("date,category,title\n2024-" + String(repeating: "x", count: 10_000)
                                                                                      + ",a,b\n")],
                    location: "log.csv:2:1", message: "is not a date"),
        HostileCase(name: "a report date of 10,000 characters",
                    files: ["report.yaml": .text("title: \"x\"\ndate: 2024-" + String(repeating: "x", count: 10_000) + "\nbody: []\n")],
                    location: "report.yaml:2:7", message: "is not a date"),
        HostileCase(name: "a CSV header of ten names of 100 characters", files: ["report.yaml": report(paragraph("x"), data: "log.csv"),
                                                                              "log.csv": .text((0..<10).map { String(repeating: "h\($0)", count: 50) }
                                                                                                   .joined(separator: ",") + "\n")],
                    location: "log.csv:1:1", message: "no column for the required field \"date\"; the header has"),
        HostileCase(name: "a CSV count of 10,000 digits", files: ["report.yaml": report(paragraph("x"), data: "log.csv"),
                                                                  "log.csv": .text("date,category,title,participants\n2024,a,b,"
                                                                                   + String(repeating: "9", count: 10_000) + "\n")],
                    location: "log.csv:2:10", message: "is too large"),
        HostileCase(name: "a CSV row too wide", files: ["report.yaml": report(paragraph("x"), data: "log.csv"),
                                                       "log.csv": .text("date,category,title\n2020,a,b,c,d\n")],
                    location: "log.csv:2:10", message: "the row has 5 fields but the header has 3"),
    ]

    static let limits: [HostileCase] = [
        HostileCase(name: "a limit of zero", files: ["report.yaml": report(paragraph("x"), extra: "limits: {pages: 0}\n")],
                    location: "report.yaml:3:17", message: "is outside 1…20000"),
        HostileCase(name: "a limit past its ceiling", files: ["report.yaml": report(paragraph("x"), extra: "limits: {pages: 999999}\n")],
                    location: "report.yaml:3:17", message: "is outside 1…20000"),
        HostileCase(name: "an unknown limit", files: ["report.yaml": report(paragraph("x"), extra: "limits: {time: 5}\n")],
                    location: "report.yaml:3:10", message: "unknown key \"time\""),
        HostileCase(name: "a document past its pages limit", files: ["report.yaml": report(String(repeating: "  - paragraph: \"" + String(repeating: "نص طويل ", count: 300) + "\"\n", count: 12),
                                                                                         extra: "limits: {pages: 2}\n")],
                    location: "report.yaml:", message: "more pages than the pages limit of 2"),
        HostileCase(name: "a document past its boxes limit", files: ["report.yaml": report(String(repeating: paragraph("نص قصير."), count: 30),
                                                                                         extra: "limits: {boxes: 10}\n")],
                    location: "report.yaml:", message: "more positioned items than the boxes limit of 10"),
        HostileCase(name: "a table past the pages limit", files: ["report.yaml": report("  - table:\n      columns: [\"أ\"]\n      rows-from: {data: activities, cells: [\"{{title}}\"]}\n",
                                                                                      data: "log.csv", extra: "limits: {pages: 3}\n"),
                                                                 "log.csv": log(2_000)],
                    location: "report.yaml:7:5", message: "more pages than the pages limit of 3"),
        HostileCase(name: "a table past its table-rows limit", files: ["report.yaml": report("  - table:\n      columns: [\"أ\"]\n      rows-from: {data: activities, cells: [\"{{title}}\"]}\n",
                                                                                            data: "log.csv", extra: "limits: {table-rows: 100}\n"),
                                                                       "log.csv": log(2_000)],
                    location: "report.yaml:9:18", message: "the table has 2000 rows, more than the table-rows limit of 100"),
        HostileCase(name: "written rows past the table-rows limit",
                    files: ["report.yaml": report("  - table:\n      columns: [\"أ\"]\n      rows: [[\"1\"], [\"2\"], [\"3\"]]\n", extra: "limits: {table-rows: 2}\n")],
                    location: "report.yaml:5:5", message: "the table has 3 rows, more than the table-rows limit of 2"),
    ]

    static let templateFiles: [HostileCase] = [
        HostileCase(name: "a template that is a folder", files: ["report.yaml": report(paragraph("x"), extra: "template: t.yaml\n"), "t.yaml": .folder],
                    location: "report.yaml:3:11", message: "is a folder, not a file"),
        HostileCase(name: "a template that does not exist", files: ["report.yaml": report(paragraph("x"), extra: "template: t.yaml\n")],
                    location: "report.yaml:3:11", message: "does not exist"),
        HostileCase(name: "a template that is a FIFO", files: ["report.yaml": report(paragraph("x"), extra: "template: t.yaml\n"), "t.yaml": .fifo],
                    location: "report.yaml:3:11", message: "is a FIFO"),
        HostileCase(name: "a template with a duplicate key", files: ["report.yaml": report(paragraph("x"), extra: "template: t.yaml\n"),
                                                                    "t.yaml": .text("page:\n  size: A4\n  size: A5\n")],
                    location: "t.yaml:3:3", message: "the key \"size\" appears twice"),
        HostileCase(name: "a letterhead logo that is a device", files: ["report.yaml": report(paragraph("x"), extra: "template: t.yaml\n"),
                                                                       "t.yaml": .text("letterhead: {logo: /dev/urandom}\n")],
                    location: "t.yaml:1:20", message: "is a device"),
        HostileCase(name: "a letterhead logo of 20000×20000 pixels", files: ["report.yaml": report(paragraph("x"), extra: "template: t.yaml\n"),
                                                                            "t.yaml": .text("letterhead: {logo: big.png}\n"),
                                                                            "big.png": .bytes(pngHeader(width: 20000, height: 20000))],
                    location: "t.yaml:1:20", message: "more than the image-pixels limit"),
    ]

    static let outputs: [HostileCase] = [
        HostileCase(name: "an output that is the report", report: "report.pdf", files: ["report.pdf": report(paragraph("x"))], output: "report.pdf",
                    location: "report.pdf", message: "would overwrite", validates: false),
        HostileCase(name: "a page set over an input image", files: ["report.yaml": image("pages-1.png"), "pages-1.png": .bytes(emblem)],
                    output: "pages.png", location: "pages.png", message: "would overwrite", validates: false),
        HostileCase(name: "an output through .. onto the data", files: ["report.yaml": report(paragraph("x"), data: "log.pdf"), "log.pdf": log(2)],
                    output: "out/../log.pdf", location: "out/../log.pdf", message: "would overwrite", validates: false),
        HostileCase(name: "an output through a linked folder onto the report", report: "real/report.pdf",
                    files: ["real/report.pdf": report(paragraph("x")), "alias": .link("real")],
                    output: "alias/report.pdf", location: "alias/report.pdf", message: "would overwrite", validates: false),
        HostileCase(name: "a JPEG image in PNG output", files: ["report.yaml": image("photo.jpg"), "photo.jpg": .bytes(jpegHeader(width: 10, height: 10))],
                    output: "out/brief.png", location: "report.yaml:4:5", message: "image.path: a JPEG image can be written to PDF and SVG, not to PNG",
                    validates: false),
        HostileCase(name: "an output in an unknown format", files: ["report.yaml": report(paragraph("x"))], output: "brief.docx",
                    location: "-o", message: "unsupported output format", validates: false),
        HostileCase(name: "an output under a file", files: ["report.yaml": report(paragraph("x")), "plain": .text("x")], output: "plain/brief.pdf",
                    status: 1, location: "plain/brief.pdf", message: "Not a directory", validates: false),
    ]
}
