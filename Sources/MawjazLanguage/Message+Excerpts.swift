// What a message quotes from the input, cut short: every name, value, path and list a message carries from a report,
// a log, a template or a request goes through one of these, so that a message is at most `messageLimit` characters
// in any language however long the input's names, values, paths and lists are.

extension Message {
    /// The longest a message may be (its text, without the file, line, column and field a diagnostic puts before it).
    public static let messageLimit = 600

    /// A value from the input cut short for a message: at most 60 characters, so that a message never carries more
    /// than a glimpse of the offending field.
    public static func excerpt(_ text: some StringProtocol) -> String {
        // Fewer bytes than the limit are fewer characters too: most values are told apart without counting characters.
        text.utf8.count <= 60 || text.count <= 60 ? String(text) : text.prefix(60) + "…"
    }

    /// A file's path (or a field's path) cut short for a message: at most 200 characters, its start and its end (the
    /// file's own name) kept, so that a path made of a hostile report's text never makes a message long.
    public static func pathExcerpt(_ path: some StringProtocol) -> String {
        path.utf8.count <= 200 || path.count <= 200 ? String(path) : path.prefix(60) + "…" + path.suffix(139)
    }

    /// A message around another's text (`.inFile`, `.placeholder`, `.cannotReadLog`): the inner text cut short, its end
    /// replaced by "…", so that the whole is at most `messageLimit` characters. Each part is bounded on its own (a
    /// path of 200 characters, an inner message of 600), but together they would not be; cut here, at the outermost
    /// level, nesting of any depth stays within the limit.
    public static func nested(_ before: String, _ inner: String, _ after: String = "") -> String {
        let room = max(0, messageLimit - before.count - after.count)
        guard inner.count > room else { return before + inner + after }
        return before + inner.prefix(max(0, room - 1)) + "…" + after
    }

    /// Names from the input a message lists (known datasets, headers, sheets, headings, keys): each cut short by
    /// `excerpt`, eight at most and no more than 240 characters together, with "…" last when some were left out.
    public static func listExcerpt(_ names: some Sequence<some StringProtocol>) -> [String] {
        var listed: [String] = [], length = 0
        for name in names {
            let quoted = excerpt(name)
            guard listed.count < 8, listed.isEmpty || length + quoted.count <= 240 else { return listed + ["…"] }
            listed.append(quoted)
            length += quoted.count
        }
        return listed
    }
}
