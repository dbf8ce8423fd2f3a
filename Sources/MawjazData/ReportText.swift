// A report to load: a file on disk, or text with the files it names supplied in memory.
import Foundation
import MawjazFrame

/// The source of a report before it is loaded: where its text is, what it is called in messages, and where the
/// files it names come from.
public struct ReportText: Sendable {
    enum Content: Sendable {
        case file(URL)
        case text(String)
    }

    let content: Content
    /// The name messages give the report (its path, or the name it was sent under).
    public let name: String
    /// The folder relative paths resolve against, for files on disk.
    public let folder: URL
    /// Where the files the report names are read from.
    public let files: FileSource
    /// Limits set from outside (the command line, a service), over those the report asks for under `limits:`.
    public var limits = LimitOverrides()
    /// Asked as the activity logs the report names are read (every `ActivityCSV.rowsBetweenStopChecks` rows): once
    /// raised, reading ends with an error, and the one who raised it reports why.
    package var stop = StopSignal.never

    /// The report file at `url`; the files it names are read from the disk, relative to its folder.
    public init(contentsOf url: URL) {
        content = .file(url)
        name = url.path
        folder = url.deletingLastPathComponent()
        files = .disk
    }

    /// Report text (YAML or JSON) called `name` in messages, the files it names read from `files`
    /// (relative paths resolve against `folder` when they are on disk).
    public init(_ text: String, name: String, folder: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                files: FileSource) {
        content = .text(text)
        self.name = name
        self.folder = folder
        self.files = files
    }

    /// Report text (YAML or JSON) called `name`, with the only files it may name supplied in memory, by the
    /// names it writes (`activities.csv`, `images/logo.png`). Nothing is read from the disk.
    public init(_ text: String, name: String = "report.yaml", files: [String: Data]) {
        self.init(text, name: name, files: .supplied(files))
    }
}

/// A loaded report, its warnings, and the groups of its split dataset when it was loaded for a batch.
public struct LoadedReport: Sendable {
    /// The report, checked.
    public var report: Report
    /// Warnings found while loading and checking it.
    public var warnings: [Diagnostic]
    /// The split dataset's groups, when the report was loaded with a grouping.
    public var partition: ActivityPartition?
}
