// mawjaz batch as its users run it: one document per district, a broken group failing alone, results and reruns,
// shards that add up to the whole, manifests, JSON diagnostics, and the Kubernetes example in docs/.
import Foundation
import MawjazData
import Testing
import TestSupport
import Yams

@Suite struct BatchCommandTests {
    static let report = """
        title: "موجز {{group}}"
        date: 2024-12-31
        data:
          activities: activities.csv
        body:
          - paragraph: "سجل {{group}} {{activities.count}} نشاطا منذ {{activities.first_year}}، أعده {{facts.author}}."
          - chart: {type: bar, data: activities, by: year, title: "الأنشطة حسب السنة"}

        """
    static let districts = ["تبوك", "الرياض", "شمال/جنوب", "جدة", "Abha", "abha", "حائل"]

    static func activities(broken: String? = nil) -> String {
        var lines = ["date,category,title,district"]
        for (index, district) in districts.enumerated() {
            for year in 2020...(2021 + index % 3) {
                let day = district == broken ? 30 : 10 + index
                lines.append("\(year)-02-\(day),تدريب,دورة \(index),\(district)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func folder(broken: String? = nil) throws -> URL {
        try TestSupport.folder(with: ["report.yaml": report, "activities.csv": activities(broken: broken)])
    }

    static func batch(_ folder: URL, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try TestSupport.run(CommandLineTests.command, ["batch"] + arguments, environment: ["SOURCE_DATE_EPOCH": "1700000000"],
                            directory: folder)
    }

    static func pdfs(in folder: URL) throws -> [String: Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pdf") }
        return try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) })
    }

    @Test func oneDocumentPerDistrictEachAsARenderOfItsOwnRowsWouldBe() throws {
        let folder = try Self.folder()
        let result = try Self.batch(folder, ["report.yaml", "--each", "activities.district", "-o", "out/{group}.pdf", "-j", "2",
                                             "--set", "author=قسم التخطيط"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.contains("7 documents: 7 ok, 0 failed"))
        let made = try Self.pdfs(in: folder.appendingPathComponent("out"))
        #expect(Set(made.keys) == ["تبوك.pdf", "الرياض.pdf", "شمال_جنوب.pdf", "جدة.pdf", "Abha.pdf", "abha-2.pdf", "حائل.pdf"])
        // Each district rendered alone, from a log of its own rows and the report with its name written in.
        let lines = Self.activities().split(separator: "\n").map(String.init)
        for (district, file) in [("تبوك", "تبوك.pdf"), ("شمال/جنوب", "شمال_جنوب.pdf"), ("abha", "abha-2.pdf")] {
            let alone = try TestSupport.folder(with: [
                "report.yaml": Self.report.replacingOccurrences(of: "{{group}}", with: district),
                "activities.csv": ([lines[0]] + lines.dropFirst().filter { $0.hasSuffix(",\(district)") }).joined(separator: "\n") + "\n",
            ])
            let single = try TestSupport.run(CommandLineTests.command, ["render", "report.yaml", "-o", "alone.pdf", "--set", "author=قسم التخطيط"],
                                             environment: ["SOURCE_DATE_EPOCH": "1700000000"], directory: alone)
            #expect(single.status == 0, "\(single.error)")
            #expect(try Data(contentsOf: alone.appendingPathComponent("alone.pdf")) == made[file], "\(district)")
        }
        let text = TestSupport.visibleText(try TestSupport.pdfText(folder.appendingPathComponent("out/شمال_جنوب.pdf")))
        #expect(text.contains("شمال/جنوب"))
    }

    @Test func aBrokenGroupFailsAloneWithItsRowAndCanBeRerunAlone() throws {
        let folder = try Self.folder(broken: "جدة")
        let result = try Self.batch(folder, ["report.yaml", "--each", "activities.district", "--set", "author=x", "--results", "results.csv"])
        #expect(result.status == 2)
        #expect(result.error.contains("6 documents: 6 ok, 1 failed") || result.error.contains("7 documents: 6 ok, 1 failed"))
        #expect(result.error.contains("activities.csv:"))
        #expect(result.error.contains("is not a date"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/جدة.pdf").path))
        let results = try CSVTable.read(contentsOf: folder.appendingPathComponent("results.csv"), what: .resultsFile)
        #expect(results.header == ["group", "output", "status", "pages", "milliseconds", "error"])
        #expect(results.rows.count == 7)
        let failed = results.rows.filter { $0.cells[2] == "failed" }
        #expect(failed.map { $0.cells[0] } == ["جدة"])
        #expect(failed.first?.cells[5].contains("is not a date") == true)
        // Fixed, the failures alone render again.
        try Data(Self.activities().utf8).write(to: folder.appendingPathComponent("activities.csv"))
        let rerun = try Self.batch(folder, ["report.yaml", "--each", "activities.district", "--set", "author=x", "--only", "results.csv"])
        #expect(rerun.status == 0, "\(rerun.error)")
        #expect(rerun.error.contains("1 document: 1 ok, 0 failed"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/جدة.pdf").path))
    }

    @Test func groupsThatLookLikeFormulasAreWrittenAsTextAndStillRerun() throws {
        let groups = ["=HYPERLINK(\"http://example.org\";\"x\")", "+1", "-3", "@SUM(A1)", "'quoted", "plain"]
        func log(brokenIndex: Int?) -> String {
            "date,category,title,district\n" + groups.enumerated().map { index, group in
                "2024-02-\(index == brokenIndex ? 30 : 10 + index),تدريب,دورة,\"\(group.replacingOccurrences(of: "\"", with: "\"\""))\"\n"
            }.joined()
        }
        let folder = try TestSupport.folder(with: ["report.yaml": Self.report, "activities.csv": log(brokenIndex: 2)])
        let result = try Self.batch(folder, ["report.yaml", "--each", "activities.district", "--set", "author=x", "--results", "results.csv", "-q"])
        #expect(result.status == 2, "\(result.error)")
        let written = try String(contentsOf: folder.appendingPathComponent("results.csv"), encoding: .utf8)
        let cells = try CSVTable.read(contentsOf: folder.appendingPathComponent("results.csv"), what: .resultsFile).rows.map { $0.cells }
        #expect(cells.count == groups.count)
        for row in cells {
            #expect(!row.contains { ["=", "+", "-", "@"].contains($0.first.map(String.init) ?? "") }, "\(row)")
            #expect(groups.contains(CSVTable.literal(row[0])), "\(row[0])")
        }
        #expect(written.contains("'-3,"))
        #expect(written.contains("''quoted,"))
        // The group that failed, fixed, renders again alone under its own name.
        try Data(log(brokenIndex: nil).utf8).write(to: folder.appendingPathComponent("activities.csv"))
        let rerun = try Self.batch(folder, ["report.yaml", "--each", "activities.district", "--set", "author=x", "--only", "results.csv"])
        #expect(rerun.status == 0, "\(rerun.error)")
        #expect(rerun.error.contains("1 document: 1 ok, 0 failed"), "\(rerun.error)")
    }

    @Test func textFromTheGroupThatCannotBeSetNamesTheRowItCameFrom() throws {
        let folder = try TestSupport.folder(with: ["report.yaml": Self.report, "activities.csv": Self.activities() + "2022-01-01,تدريب,دورة,北京\n"])
        let result = try Self.batch(folder, ["report.yaml", "--each", "activities.district", "--set", "author=x", "-q"])
        #expect(result.status == 2)
        #expect(result.error.contains("no bundled font has a glyph"))
        #expect(result.error.contains("activities.csv:\(Self.activities().split(separator: "\n").count + 1): warning: district: {{group}} is \"北京\""))
        #expect(!result.error.contains("documents:"), "--quiet leaves out the closing line")
    }

    @Test func shardsAreDisjointAndMakeTheWhole() throws {
        let folder = try Self.folder()
        var seen: [String] = []
        for index in 1...3 {
            let output = "shard\(index)/{group}.pdf"
            let result = try Self.batch(folder, ["report.yaml", "--each", "activities.district", "-o", output, "--set", "author=x",
                                                 "--shard", "\(index)/3", "-q"])
            #expect(result.status == 0, "\(result.error)")
            seen += try Self.pdfs(in: folder.appendingPathComponent("shard\(index)")).keys
        }
        #expect(seen.count == Self.districts.count)
        #expect(Set(seen).count == Self.districts.count)
        for bad in ["0/3", "4/3", "1/0", "x"] {
            #expect(try Self.batch(folder, ["report.yaml", "--each", "activities.district", "--shard", bad]).status != 0)
        }
    }

    @Test func diagnosticsAsJSONLinesNameTheirDocument() throws {
        let folder = try Self.folder(broken: "حائل")
        let result = try Self.batch(folder, ["report.yaml", "--each", "activities.district", "--set", "author=x", "--diagnostics", "json"])
        #expect(result.status == 2)
        let objects = try result.error.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
        let problem = try #require(objects.first { $0["severity"] as? String == "error" })
        #expect(problem["document"] as? String == "حائل")
        #expect((problem["file"] as? String)?.hasSuffix("activities.csv") == true)
        #expect(problem["line"] as? Int != nil && problem["column"] as? Int == 1)
        #expect(problem["field"] as? String == "date")
        #expect(objects.last?["failed"] as? Int == 1 && objects.last?["ok"] as? Int == 6)
    }

    @Test func aManifestRendersOneDocumentPerRowWithItsFacts() throws {
        let memo = "title: \"{{facts.unit}}\"\ndate: 2024-01-01\nbody:\n  - paragraph: \"مذكرة {{facts.unit}}\"\n"
        let folder = try TestSupport.folder(with: [
            "units/a/report.yaml": memo, "units/b/report.yaml": memo,
            "jobs.csv": "report,output,unit\nunits/a/report.yaml,out/a.pdf,الوحدة الأولى\nunits/b/report.yaml,out/b.svg,الوحدة الثانية\n,out/c.pdf,\n",
        ])
        let result = try Self.batch(folder, ["--manifest", "jobs.csv"])
        #expect(result.status == 2)
        #expect(result.error.contains("jobs.csv:4: error: report: no report named"))
        #expect(TestSupport.visibleText(try TestSupport.pdfText(folder.appendingPathComponent("out/a.pdf"))).contains("مذكرة الوحدة الأولى"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/b-1.svg").path))
    }

    @Test func badArgumentsAreRefusedBeforeAnythingRenders() throws {
        let folder = try Self.folder()
        for arguments in [["report.yaml", "--each", "activities"], ["report.yaml", "--each", "activities.nowhere"],
                          ["report.yaml", "--each", "activities.district", "-o", "out/all.pdf"], ["report.yaml"],
                          ["report.yaml", "--each", "activities.district", "-j", "0"]] {
            let result = try Self.batch(folder, arguments)
            #expect(result.status == 2, "\(arguments): \(result.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    /// docs/kubernetes/batch-job.yaml: an Indexed Job whose pods, run as the manifest says, render every district once.
    @Test func theKubernetesIndexedJobRendersEveryDistrictOnce() throws {
        let manifest = try String(contentsOf: TestSupport.root.appendingPathComponent("docs/kubernetes/batch-job.yaml"), encoding: .utf8)
        let job = try #require(try Yams.load(yaml: manifest) as? [String: Any])
        #expect(job["kind"] as? String == "Job")
        let spec = try #require(job["spec"] as? [String: Any])
        #expect(spec["completionMode"] as? String == "Indexed")
        let completions = try #require(spec["completions"] as? Int)
        let podSpec = try #require((spec["template"] as? [String: Any])?["spec"] as? [String: Any])
        let container = try #require((podSpec["containers"] as? [[String: Any]])?.first)
        #expect(container["command"] as? [String] == ["sh", "-c"])
        let script = try #require((container["args"] as? [String])?.first)
        #expect(script.contains("--shard $((JOB_COMPLETION_INDEX + 1))/\(completions)"))
        // Run each pod's command here, mawjaz standing for the built command and the report for a small one.
        let folder = try Self.folder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("reports/districts"), withIntermediateDirectories: true)
        for file in ["report.yaml", "activities.csv"] {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(file), to: folder.appendingPathComponent("reports/districts/\(file)"))
        }
        for index in 0..<completions {
            let result = try TestSupport.run("sh", ["-c", "mawjaz() { \"$MAWJAZ\" \"$@\"; }; " + script + " --set author=x -q"],
                                             environment: ["JOB_COMPLETION_INDEX": String(index), "MAWJAZ": CommandLineTests.command],
                                             directory: folder)
            #expect(result.status == 0, "\(result.error)")
        }
        #expect(try Self.pdfs(in: folder.appendingPathComponent("out")).count == Self.districts.count)
        let rows = try (1...completions).flatMap { index in
            try CSVTable.read(contentsOf: folder.appendingPathComponent("out/results-\(index).csv"), what: .resultsFile).rows
        }
        #expect(rows.count == Self.districts.count)
        #expect(Set(rows.map { $0.cells[0] }).count == Self.districts.count)
    }

    @Test func hostileReportsInABatchGetTheRefusalsOfRender() throws {
        let nested = String(repeating: "{{#activities.activities}}", count: 1000) + "x" + String(repeating: "{{/activities.activities}}", count: 1000)
        let folder = try TestSupport.folder(with: [
            "report.yaml": Self.report,
            "activities.csv": Self.activities(),
            "plain.yaml": "title: موجز\ndate: 2024-12-31\ndata:\n  activities: activities.csv\nbody:\n  - paragraph: \"نص.\"\n",
            "bomb.yaml": "title: موجز\ndate: 2024-12-31\ndata:\n  activities: activities.csv\nbody:\n  - paragraph: \"\(nested)\"\n",
            "brief.pdf": "title: موجز\ndate: 2024-12-31\nbody:\n  - paragraph: \"نص.\"\n",
            "manifest.csv": "report,output\nplain.yaml,out/good.pdf\nbomb.yaml,out/bomb.pdf\nbrief.pdf,brief.pdf\n",
        ])
        let result = try Self.batch(folder, ["--manifest", "manifest.csv", "-j", "1", "--limit", "data-rows=1000"])
        #expect(result.status == 2, "\(result.error)")
        #expect(result.error.contains("bomb.yaml:6:5: error: paragraph: sections nest deeper than the section-depth limit of 8"), "\(result.error)")
        #expect(result.error.contains("brief.pdf: error: output: the output would overwrite"), "an output over its report: \(result.error)")
        #expect(try String(contentsOf: folder.appendingPathComponent("brief.pdf"), encoding: .utf8).hasPrefix("title:"))
        #expect(try Self.pdfs(in: folder.appendingPathComponent("out")).keys.sorted() == ["good.pdf"])
        // The limits of the command line reach every document: a log over data-rows is refused for each.
        let limited = try Self.batch(folder, ["report.yaml", "--each", "activities.district", "-o", "small/{group}.pdf",
                                              "--limit", "data-rows=5"])
        #expect(limited.status == 2 && limited.error.contains("data-rows limit of 5 (raise it under limits: in the report, or with --limit data-rows=N)"),
                "\(limited.error)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("small").path))
        // Wrong arguments are argument errors, exit 2.
        for arguments in [["report.yaml", "--each", "activities.district", "-j", "0"], ["report.yaml", "--each", "activities.district", "--pages", "0"],
                          ["report.yaml", "--each", "activities.district", "--dpi", "nan", "--format", "png"]] {
            #expect(try Self.batch(folder, arguments).status == 2, "\(arguments)")
        }
    }
}
