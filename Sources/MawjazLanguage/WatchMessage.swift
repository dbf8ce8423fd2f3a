// What `mawjaz watch` says: its help, each render as it happens, and why a folder cannot be watched.

/// A message of `mawjaz watch`, written out by each language's table (`Message.watch`).
public enum WatchMessage: Hashable, Sendable {
    case help
    case helpDiscussion
    case helpReport
    case helpOutput
    /// Watching has begun: the report, and how many folders are watched for its files.
    case started(report: String, folders: Int)
    /// A render at `time` (HH:MM:SS) replaced `output`.
    case wrote(time: String, output: String, pages: Int, milliseconds: Int)
    /// A render at `time` gave the bytes `output` already holds, so it was left alone.
    case unchanged(time: String, output: String, pages: Int, milliseconds: Int)
    /// A render at `time` failed; `output` still holds the last good render.
    case kept(time: String, output: String)
    /// A render at `time` failed and nothing has been written yet.
    case nothingWritten(time: String)
    /// A folder whose files the report uses cannot be watched; what the system said.
    case cannotWatch(path: String, reason: String)
    /// `-o -`: a watch writes again and again, so it needs a file.
    case notToStandardOutput
}
