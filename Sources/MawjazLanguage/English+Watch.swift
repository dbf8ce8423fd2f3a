// The messages of `mawjaz watch` in English.

extension English {
    func text(_ message: WatchMessage) -> String {
        switch message {
        case .help: return "Render a report, then again each time it or a file it uses changes."
        case .helpDiscussion:
            return "The folders of the report and of the files it uses (data, images, its template) are watched, so a save that writes a "
                + "new file and renames it over the old one is seen. A render that fails prints its errors and leaves the output as it "
                + "was: a PDF viewer showing it never sees a broken file. A render that gives the same bytes does not touch the output. "
                + "Ctrl-C stops."
        case .helpReport: return "The report file (YAML or JSON)."
        case .helpOutput: return "The output file (.pdf, .png or .svg) or a folder. Default: out/<report folder>.pdf"
        case .started(let report, let folders):
            return "watching \(report) and the files it uses (\(folders) \(plural(folders, one: "folder", other: "folders"))); Ctrl-C stops"
        case .wrote(let time, let output, let pages, let milliseconds):
            return "\(time) \(output): \(pages) \(plural(pages, one: "page", other: "pages")) in \(milliseconds) ms"
        case .unchanged(let time, let output, let pages, let milliseconds):
            return "\(time) \(output): unchanged, \(pages) \(plural(pages, one: "page", other: "pages")) in \(milliseconds) ms"
        case .kept(let time, let output):
            return "\(time) \(output) was left as it was (the last good render); fix the report and save again"
        case .nothingWritten(let time): return "\(time) nothing written yet; fix the report and save again"
        case .cannotWatch(let path, let reason): return "cannot watch \(path): \(reason); changes there will not be seen"
        case .notToStandardOutput: return "watch writes its output again and again: -o names a file or a folder, not standard output"
        }
    }
}
