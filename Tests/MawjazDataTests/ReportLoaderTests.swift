// Report files: YAML and JSON with one schema, limits against hostile input, warnings for late activities.
import Foundation
@testable import MawjazData
import Testing
import Yams

@Suite struct ReportLoaderTests {
    func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mawjaz-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    func load(_ files: [String: String], report: String = "report.yaml") throws -> (report: Report, warnings: [Diagnostic]) {
        try ReportLoader.load(contentsOf: folder(files).appendingPathComponent(report))
    }

    func errors(_ files: [String: String], report: String = "report.yaml") throws -> [Diagnostic] {
        do { _ = try load(files, report: report); return [] } catch let error as DataError { return error.diagnostics }
    }

    @Test func jsonWithTabsReadsLikeYAML() throws {
        let json = "{\n\t\"title\": \"موجز\",\n\t\"date\": \"2024-09-15\",\n\t\"numerals\": \"latin\",\n\t\"data\": {\"log\": \"log.csv\"},\n"
            + "\t\"body\": [\n\t\t{\"paragraph\": \"نص {{log.count}}\"},\n\t\t{\"heading\": {\"text\": \"عنوان\", \"level\": 2}},\n"
            + "\t\t\"page-break\",\n\t\t{\"chart\": {\"type\": \"bar\", \"data\": \"log\", \"by\": \"category\"}}\n\t]\n}\n"
        let (report, warnings) = try load(["report.json": json, "log.csv": "date,category,title\n2024-01-02,أ,ب\n"], report: "report.json")
        #expect(warnings.isEmpty)
        #expect(report.title == "موجز" && report.settings.numerals == .latin)
        #expect(report.body.count == 4)
        if case .heading(let heading) = report.body[1] { #expect(heading.level == 2) } else { Issue.record("expected a heading") }
        if case .chart(let chart) = report.body[3] { #expect(chart.by == .category && chart.dataset == "log") } else { Issue.record("expected a chart") }
    }

    @Test func jsonErrorsHaveLinesToo() throws {
        let found = try errors(["report.json": "{\n  \"title\": \"x\",\n  \"date\": \"2024-09-15\",\n  \"bodyy\": []\n}\n"], report: "report.json")
        #expect(found.map(\.location.line) == [1, 4])
        #expect(found[0].message.description == "\"body\" is required")
        #expect(found[1].message.description.contains("did you mean \"body\"?"))
    }

    @Test func aliasBombsStopAtTheNodeLimit() throws {
        var yaml = "title: x\ndate: 2024-01-01\nbody:\n  - list: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f"], ["a", "b", "c", "d", "e"]) {
            let items = Array(repeating: "{text: y, items: *\(previous)}", count: 10).joined(separator: ", ")
            yaml += "  - list: &\(name) [\(items)]\n"
        }
        let found = try errors(["report.yaml": yaml])
        #expect(found.count == 1)
        #expect(found[0].message.description.contains("more than \(YAMLReader.nodeLimit) nodes"))
    }

    @Test func aByteOrderMarkIsSkippedAndBytesThatAreNotUTF8AreLocated() throws {
        let plain = Array("title: x\nflag: yes\nwhen: 2024-01-01\nnumber: 012\n".utf8)
        var reader = YAMLReader(file: "report.yaml")
        let markedRoot = reader.parse(Data([0xEF, 0xBB, 0xBF] + plain)), unmarkedRoot = reader.parse(Data(plain))
        let marked = try #require(markedRoot), unmarked = try #require(unmarkedRoot)
        #expect(marked.node == unmarked.node)
        #expect(marked.location.line == 1 && marked.location.column == 1)
        let mapping = reader.mapping(marked)
        let pairs = try #require(mapping)
        #expect(pairs.map(\.key) == ["title", "flag", "when", "number"])
        let flag = reader.boolean(pairs[1].value), number = reader.string(pairs[3].value)
        #expect(flag == true && number == "012")
        #expect(reader.log.diagnostics.isEmpty)
        // A mark and nothing else is an empty document.
        let empty = reader.parse(Data([0xEF, 0xBB, 0xBF]))
        #expect(empty == nil)
        #expect(reader.log.diagnostics.last?.message == .documentEmpty)
        // A byte that is not UTF-8, after a mark or not, is found at its line and column (in characters).
        for prefix in [[], [0xEF, 0xBB, 0xBF]] as [[UInt8]] {
            var strict = YAMLReader(file: "report.yaml")
            let parsed = strict.parse(Data(prefix + Array("title: نص\nb: ".utf8) + [0xFF]))
            #expect(parsed == nil)
            let found = try #require(strict.log.diagnostics.first)
            #expect(found.message == .fileNotUTF8 && found.location.line == 2 && found.location.column == 4)
        }
    }

    /// The reader composes a document from libyaml's events itself and asks Yams only for what those cannot say as
    /// Yams does; what it composes is what Yams composes, for every report, template and fuzzing seed of the project
    /// and for the corners of YAML's syntax.
    @Test func theNodesComposedFromEventsAreYamsNodes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var texts: [String] = [
            "a: 1\nb: '2'\nc: \"3\"\nd: |\n  four\n  lines\ne: >\n  folded\n  text\n",
            "- x\n- [1, 2, {k: v}]\n- {}\n- []\n- ~\n- null\n- ''\n",
            "\"\\uFEFFmark\": \"\\0nul\\x80\\u00e9\"\nعنوان: نص عربي\n",
            "\"\\uFEFF\\uFEFFtwo\": \"a\\uFEFF\"\n'\u{FEFF}': x\n",
            "plain: &anchor text\ntagged: !!str 12\nother: !note x\nempty:\n",
            "---\n", "---\nkey: value\n...\n", "# only a comment\n", "",
            (0..<20).map { "k\($0): \($0)" }.joined(separator: "\n"),
        ]
        for folder in ["Reports", "Templates", "Fuzz/Corpus", "Tests/MawjazTests/Fixtures"] {
            let files = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = files?.nextObject() as? URL {
                if ["yaml", "yml", "json"].contains(url.pathExtension), let text = try? String(contentsOf: url, encoding: .utf8) {
                    texts.append(text)
                }
            }
        }
        #expect(texts.count > 30)
        for text in texts {
            let yams = try? Yams.compose(yaml: text, Resolver.basic, .default, .utf8)
            switch YAMLNode.compose(text) {
            case .root(let node): #expect(yams.map(YAMLNode.init) == node, "\(text.prefix(60))")
            case .empty: #expect(yams == nil, "\(text.prefix(60))")
            case .needsYams: break
            }
        }
        // What libyaml's events cannot say as Yams does is left to Yams.
        for text in ["a: 1\na: 2\n", "a: &x 1\nb: *x\n", "? [k]\n: v\n", "a: 1\n---\nb: 2\n", "a: [1, 2\n", "a: b: c\n"] {
            guard case .needsYams = YAMLNode.compose(text) else { Issue.record("\(text) composed without Yams"); continue }
        }
    }

    @Test func aKeyWrittenAgainUnderAnotherTagIsReportedInSmallAndLargeMappings() throws {
        // Yams tells such keys apart (their tags differ); the reader does not. Found among the keys read so far in a
        // mapping of a few keys, and through a set of them in a larger one.
        for count in [3, 8, 9, 20] {
            let yaml = (0..<count).map { "k\($0): \($0)" }.joined(separator: "\n") + "\n!note k1: again\nlast: \(count)\n"
            var reader = YAMLReader(file: "report.yaml")
            let parsed = reader.parse(yaml)
            let root = try #require(parsed)
            let mapping = reader.mapping(root)
            let pairs = try #require(mapping)
            #expect(pairs.map(\.key) == (0..<count).map { "k\($0)" } + ["last"])
            #expect(reader.log.diagnostics.count == 1)
            let found = try #require(reader.log.diagnostics.first)
            #expect(found.message == .duplicateKey("k1") && found.location.line == count + 1 && found.location.column == 1)
        }
    }

    /// Yams hashes each mapping key with its aliases expanded: ten levels of ten aliases under one key took seconds a
    /// level. The aliases are measured before Yams composes the text.
    @Test(.timeLimit(.minutes(1))) func anAliasBombAsAKeyIsRefusedBeforeYamsHashesIt() throws {
        let names = (0..<12).map { "l\($0)" }
        var yaml = "title: x\ndate: 2024-01-01\nbody: []\nbombs:\n  - &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip(names.dropFirst(), names) {
            yaml += "  - &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        yaml += "keys: {? *l11 : 1}\n"
        let found = try errors(["report.yaml": yaml])
        #expect(found.count == 1)
        // l4 stands for 111,111 nodes and 123,464 are counted by its end: the first alias in l5's list (line 10) passes 200,000.
        #expect(found.first.map { "\($0.location.line):\($0.location.column)" } == "10:10", "\(found)")
        #expect(found.first?.message == .tooManyNodes(limit: YAMLReader.nodeLimit))
    }

    /// Each alias inside the node the next anchor names: 30,000 of them once ran Yams out of stack as it freed them.
    @Test func aChainOfAliasesIsRefusedPastTheDepthLimit() throws {
        var yaml = "title: x\ndate: 2024-01-01\nbody:\n  - list:\n      - &a0 {text: x}\n"
        for index in 1..<30_000 { yaml += "      - &a\(index) {text: x, items: [*a\(index - 1)]}\n" }
        let found = try errors(["report.yaml": yaml])
        #expect(found.count == 1)
        // Item 30 (line 35) is the first whose alias puts a node 65 deep: root, body, block, list, item, items, then a29.
        let line = "      - &a30 {text: x, items: [*a29]}"
        let column = line.distance(from: line.startIndex, to: line.firstIndex(of: "*") ?? line.startIndex) + 1
        #expect(found.first.map { "\($0.location.line):\($0.location.column)" } == "35:\(column)", "\(found)")
        #expect(found.first?.message == .nestingTooDeep(limit: YAMLReader.depthLimit))
    }

    @Test func aliasesWithinTheLimitsReadAsTheNodesTheyName() throws {
        // Stars that are no alias (in quotes, bold, before a name of Arabic letters) and a real one, as a whole list.
        let yaml = "title: \"R&D *x* **y**\"\ndate: 2024-01-01\nkeywords: &words [أ, \"*ب\", 'c *d']\nsubject: *ج\nbody:\n"
            + "  - paragraph: \"*نص* *x\"\n  - list: *words\n  - {list: *words}\n"
        let found = try errors(["report.yaml": yaml])
        // `*ج` is no alias libyaml can read (a name is ASCII): Yams' own error, on its line.
        #expect(found.map(\.location.line) == [4], "\(found)")
        let (report, _) = try load(["report.yaml": yaml.replacingOccurrences(of: "subject: *ج\n", with: "")])
        #expect(report.keywords == ["أ", "*ب", "c *d"])
        #expect(report.body.count == 3)
        for block in report.body.dropFirst() {
            if case .list(let list) = block { #expect(list.items.map(\.text) == ["أ", "*ب", "c *d"]) } else { Issue.record("\(block)") }
        }
    }

    /// A duplicate key's second place is looked for along the first key's line: on one line of JSON with many keys,
    /// each comma once copied the rest of the line, and a 270 KB file took minutes.
    @Test(.timeLimit(.minutes(1))) func aDuplicateKeyOnALongLineIsFoundInOnePass() throws {
        let keys = (0..<40_000).map { "\"k\($0)\": \"v\"" }.joined(separator: ", ")
        let json = "{\"title\": \"t\", \"date\": \"2024-01-01\", \"facts\": {\(keys), \"k0\": \"w\"}, \"body\": []}"
        let found = try errors(["report.json": json], report: "report.json")
        #expect(found.count == 1)
        let column = json.unicodeScalars.count - "\"k0\": \"w\"}, \"body\": []}".unicodeScalars.count + 1
        #expect(found.first.map { ($0.location.line, $0.location.column) } ?? (0, 0) == (1, column))
        #expect(found.first?.message.description.contains("the key \"k0\" appears twice (first at line 1)") == true)
    }

    @Test func deepNestingIsRefusedBeforeParsing() throws {
        let deep = "title: x\ndate: 2024-01-01\nbody: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        let found = try errors(["report.yaml": deep])
        #expect(found.count == 1)
        #expect(found[0].location.line == 3 && found[0].message.description.contains("deeper than 64 levels"))
    }

    @Test func forbiddenCharactersAreFoundWithTheirLineAndColumn() throws {
        // Each forbidden kind after Arabic (two bytes a character) and an emoji (four): the column counts characters.
        for (character, code) in [("\u{1}", "0001"), ("\u{7F}", "007F"), ("\u{80}", "0080"), ("\u{9F}", "009F"),
                                  ("\u{FFFE}", "FFFE"), ("\u{FFFF}", "FFFF")] {
            let text = "title: x\nنص 😀 \(character)\n"
            let found = YAMLReader.firstForbiddenCharacter(in: text)
            #expect(found?.0 == 2 && found?.1 == 6, "U+\(code)")
            #expect(found.map { String(format: "%04X", $0.2.value) } == code)
        }
        // Tab, carriage return, NEL, the rest of the Latin-1 block and the characters just below U+FFFE are allowed.
        #expect(YAMLReader.firstForbiddenCharacter(in: "a\tb\r\n\u{85}\u{A0}\u{FFFD}\u{FFEF}\u{10000}نص") == nil)
    }

    @Test func theQuickPassRulesOutWhatTheChecksWouldNotFind() {
        func scan(_ text: String) -> YAMLReader.QuickScan { text.withUTF8Bytes(YAMLReader.quickScan) }
        // Every byte: only the control bytes but tab, line feed and carriage return, 0x7F, 0xC2 and 0xEF may begin a
        // forbidden character.
        for byte in 0...255 {
            let mayBegin = (byte < 0x20 && ![0x09, 0x0A, 0x0D].contains(byte)) || [0x7F, 0xC2, 0xEF].contains(byte)
            let found = [UInt8(byte)].withUnsafeBufferPointer(YAMLReader.quickScan).mayHoldForbidden
            #expect(found == mayBegin, "byte \(byte)")
        }
        #expect(!scan("title: نص\n\ta: [1, {b: 2}]\n").mayHoldForbidden)
        #expect(!scan("title: نص\n").mayNestTooDeep)
        // More opening brackets than the limit, or a run of spaces and dashes longer than four times it, may nest too
        // deep; exactly the limit, or four times it, cannot.
        let limit = YAMLReader.depthLimit
        #expect(scan(String(repeating: "[", count: limit + 1)).mayNestTooDeep)
        #expect(scan(String(repeating: "{", count: limit + 1)).mayNestTooDeep)
        #expect(!scan(String(repeating: "[", count: limit)).mayNestTooDeep)
        #expect(scan("a:\n" + String(repeating: " -", count: 2 * limit) + " x").mayNestTooDeep)
        #expect(!scan("a:\n" + String(repeating: " -", count: 2 * limit) + "x").mayNestTooDeep)
        #expect(YAMLReader.excessiveNesting(in: String(repeating: "[", count: limit + 1)) != nil)
    }

    @Test func aFileOverTheSizeLimitIsRefused() throws {
        let big = "title: x\ndate: 2024-01-01\nbody: []\n# " + String(repeating: "x", count: YAMLReader.sizeLimit) + "\n"
        let found = try errors(["report.yaml": big])
        #expect(found.count == 1 && found[0].message.description.contains("over the limit"))
    }

    @Test func aLongDataFileNameIsCutShortInItsMessage() throws {
        // Found by FuzzReport: a report naming a data file of 600 characters gave a message of 693.
        let name = String(repeating: "ب", count: 2_000) + "-end.csv"
        let found = try errors(["report.yaml": "title: x\ndate: 2024-01-01\ndata: {log: \"\(name)\"}\nbody: []\n"])
        #expect(found.count == 1)
        let message = found[0].message.description
        #expect(message.count < 300)
        #expect(message.contains("ببب…ببب") && message.contains("-end.csv"))
    }

    @Test func aLongWordThatIsNotABlockIsCutShortInItsMessage() throws {
        // Found by FuzzReport: a paragraph's text of 600 characters written as a block alone gave a message of 653.
        let text = String(repeating: "نص طويل ", count: 100)
        let found = try errors(["report.yaml": "title: x\ndate: 2024-01-01\nbody:\n  - \"\(text)\"\n"])
        #expect(found.count == 1)
        #expect(found[0].message.description.count < 200)
        #expect(found[0].message.description.contains("is not a block"))
    }

    @Test func activitiesAfterTheReportsDateAreWarnings() throws {
        let (_, warnings) = try load([
            "report.yaml": "title: x\ndate: 2024-06\ndata: {log: log.csv}\nbody: []\n",
            "log.csv": "date,category,title\n2024-06-30,أ,ب\n2024-07-01,أ,ب\n2025,أ,ب\n",
        ])
        #expect(warnings.count == 1)
        #expect(warnings[0].severity == .warning)
        #expect(warnings[0].location.line == 3)
        #expect(warnings[0].message.description == "activity dated 2024-07-01 is after the report's date 2024-06 (and 1 more)")
    }

    @Test func inlineActivitiesAndFactFilesWork() throws {
        let (report, _) = try load([
            "report.yaml": """
                title: x
                date: 2024-01-01
                facts: facts.json
                data:
                  log:
                    rows:
                      - {date: 2023-05-01, category: أ, title: ب, participants: "١٢"}
                      - {date: 2023, category: ج, title: د, tags: [x, y]}
                body: []
                """,
            "facts.json": "{\"countries\": {\"label\": \"دولة\", \"value\": \"106\"}, \"since\": \"2012\"}",
        ])
        #expect(report.facts.map(\.key) == ["countries", "since"])
        #expect(report.fact("countries")?.label == "دولة")
        let log = try #require(report.datasets["log"])
        #expect(log.activities.map(\.participants) == [12, nil])
        #expect(log.activities[1].tags == ["x", "y"])
    }

    @Test func blockOptionsBesideOrInsideTheirKind() throws {
        let (report, _) = try load(["report.yaml": """
            title: x
            date: 2024-01-01
            body:
              - paragraph: "English inside."
                direction: ltr
                align: center
              - paragraph: {text: "نص", justify: kashida}
            """])
        guard case .paragraph(let first) = report.body[0], case .paragraph(let second) = report.body[1] else {
            Issue.record("expected two paragraphs"); return
        }
        #expect(first.direction == .leftToRight && first.align == .center)
        #expect(second.justify == .kashida)
    }

    @Test func anUnknownBlockKindIsAnErrorAtItsPlaceNeverAPageBreak() throws {
        let found = try errors(["report.yaml": """
            title: x
            date: 2024-01-01
            body:
              - paragraph: "a"
              - sidebar: "b"
              - rul
              - {heading: "c", note: "d"}
            """])
        #expect(found.map(\.location.line) == [5, 6, 7])
        #expect(found.map(\.location.column) == [5, 5, 5])
        #expect(found[0].message.description.hasPrefix("no block kind among sidebar; expected one of heading, paragraph"))
        #expect(found[1].message.description == "\"rul\" is not a block (a block is a mapping such as `- paragraph: \"…\"`, or page-break, or rule) (did you mean \"rule\"?)")
        #expect(found[2].message.description == "one item holds several blocks (heading, note): give each its own item")
    }

    @Test func everyKindIsReadAsItself() throws {
        // A bare word for the kinds without options; each kind's key gives that kind's block, none a page break by default.
        let (report, _) = try load(["report.yaml": """
            title: x
            date: 2024-01-01
            body:
              - rule
              - page-break
              - rule: {}
              - spacer: 12
            """])
        let kinds = report.body.map { block -> String in
            switch block {
            case .rule: "rule"
            case .pageBreak: "page-break"
            case .spacer: "spacer"
            default: "other"
            }
        }
        #expect(kinds == ["rule", "page-break", "rule", "spacer"])
        #expect(ReportLoader.blockKinds.count == BlockKind.allCases.count)
        #expect(BlockKind.allCases.filter(\.standsAlone) == [.rule, .pageBreak])
    }
}
