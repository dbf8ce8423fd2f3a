// Tests of reading activity logs from files: the path in every message, missing files, folders and size limits.
import Foundation
import Testing
import MawjazData

/// The diagnostics reading a file raises; records an issue when it reads.
private func readErrors(_ url: URL, displayPath: String? = nil, sizeLimit: Int = ActivityCSV.defaultSizeLimit) -> [String] {
    do {
        _ = try ActivityCSV.read(contentsOf: url, name: "activities", displayPath: displayPath, sizeLimit: sizeLimit)
        Issue.record("expected errors")
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

@Suite struct ActivityCSVFileTests {
    private let csv = "# نشاطات\ndate,category,title\n2024-01-02,ورشة,ورشة الخط\n"

    @Test func readsAFileAndNamesItByItsPathOrDisplayPath() throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("activities.csv")
            try Data(csv.utf8).write(to: url)
            let log = try ActivityCSV.read(contentsOf: url, name: "activities")
            #expect(log.file == url.path)
            #expect(log.name == "activities")
            #expect(log.activities.map(\.title) == ["ورشة الخط"])
            #expect(log.activities.map(\.line) == [3])
            let shown = try ActivityCSV.read(contentsOf: url, name: "x", displayPath: "data/activities.csv")
            #expect(shown.file == "data/activities.csv")
        }
    }

    @Test func namesTheFileInErrorsFromItsContent() throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("bad.csv")
            try Data("date,category,title\n2024-02-30,a,b\n".utf8).write(to: url)
            #expect(readErrors(url, displayPath: "data/bad.csv") == [
                "data/bad.csv:2:1: error: date: \"2024-02-30\" is not a date: month 2 of 2024 has 29 days",
            ])
        }
    }

    @Test func reportsAMissingFile() throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("missing.csv")
            #expect(readErrors(url) == ["\(url.path): error: cannot read activity log \"activities\": no such file"])
        }
    }

    @Test func reportsAFolder() throws {
        try withTemporaryFolder { folder in
            #expect(readErrors(folder, displayPath: "data") == [
                "data: error: cannot read activity log \"activities\": it is a folder, not a CSV file",
            ])
        }
    }

    @Test func reportsAURLThatIsNoFile() throws {
        let url = try #require(URL(string: "https://example.org/log.csv"))
        #expect(readErrors(url, displayPath: "log.csv") == [
            "log.csv: error: cannot read activity log \"activities\": https://example.org/log.csv is not a file path",
        ])
    }

    @Test func reportsAFileOverTheSizeLimit() throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("big.csv")
            let bytes = Data(csv.utf8)
            try bytes.write(to: url)
            #expect(readErrors(url, displayPath: "big.csv", sizeLimit: bytes.count - 1) == [
                "big.csv: error: cannot read activity log \"activities\": the file is larger than the limit of \(bytes.count - 1) bytes",
            ])
            #expect(try ActivityCSV.read(contentsOf: url, name: "a", sizeLimit: bytes.count).activities.count == 1)
        }
    }

    @Test(.enabled(if: geteuid() != 0, "root can read any file"))
    func reportsAnUnreadableFile() throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("locked.csv")
            try Data(csv.utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: url.path)
            #expect(readErrors(url, displayPath: "locked.csv") == [
                "locked.csv: error: cannot read activity log \"activities\": permission denied",
            ])
        }
    }
}
