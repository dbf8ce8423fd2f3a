// Who reads that a limit was reached decides how it can be raised: the command line, code, or a service's settings.

/// How the reader of an error about a limit can raise the limit, besides the report's own `limits:`: each budget message
/// names the remedy its reader has. The stages write `.library`; the command line and the service readdress the
/// messages they print or send (`Message.withLimitRemedy(_:)`).
public enum LimitRemedy: Hashable, Sendable {
    /// `mawjaz render … --limit NAME=N` (and every other command that reads a report).
    case commandLine
    /// `RenderRequest.limits` (a `LimitOverrides`), for code that calls the library.
    case library
    /// A request to `mawjaz serve`: the report's `limits:`, up to ten times the default, then whoever runs the service
    /// (its `--limit`).
    case service
    /// A request to `mawjaz serve` that sets this limit itself (`mawjaz serve --limit`): a report cannot raise it, only
    /// whoever runs the service can.
    case serviceSetting
}

extension Message {
    /// The name of the limit this message says was reached (as reports and `--limit` write it), if it is about one.
    public var limitName: String? {
        switch self {
        case .fileOverLimit(_, _, _, _, let name, _), .expansionPastLimit(let name, _, _): return name
        case .sectionsTooDeep: return "section-depth"
        case .tooManyPages: return "pages"
        case .tooManyBoxes: return "boxes"
        case .tooManyRows: return "data-rows"
        case .tooManyTableRows: return "table-rows"
        case .imageTooManyPixels, .pageTooManyPixels: return "image-pixels"
        default: return nil
        }
    }

    /// This message naming `remedy(limit)` as the way to raise the limit it is about; a message about no limit as it is.
    public func withLimitRemedy(_ remedy: (_ limit: String) -> LimitRemedy) -> Message {
        guard let name = limitName else { return self }
        let chosen = remedy(name)
        switch self {
        case .fileOverLimit(let kind, let path, let size, let limit, let name, _):
            return .fileOverLimit(kind, path: path, size: size, limit: limit, name: name, remedy: chosen)
        case .expansionPastLimit(let name, let limit, _): return .expansionPastLimit(name: name, limit: limit, remedy: chosen)
        case .sectionsTooDeep(let limit, _): return .sectionsTooDeep(limit: limit, remedy: chosen)
        case .tooManyPages(let limit, _): return .tooManyPages(limit: limit, remedy: chosen)
        case .tooManyBoxes(let limit, _): return .tooManyBoxes(limit: limit, remedy: chosen)
        case .tooManyRows(let limit, _): return .tooManyRows(limit: limit, remedy: chosen)
        case .tooManyTableRows(let rows, let limit, _): return .tooManyTableRows(rows: rows, limit: limit, remedy: chosen)
        case .imageTooManyPixels(let width, let height, let limit, _):
            return .imageTooManyPixels(width: width, height: height, limit: limit, remedy: chosen)
        case .pageTooManyPixels(let width, let height, let dpi, let limit, _):
            return .pageTooManyPixels(width: width, height: height, dpi: dpi, limit: limit, remedy: chosen)
        default: return self
        }
    }
}
