// The budgets one report may spend: past any of them the render stops with a located error naming the limit.

/// What one report may cost to load, bind, lay out and draw. The defaults fit every real report many times over;
/// a report raises them under `limits:` (up to `ceiling`, so a report from someone else cannot unbound itself) and
/// the command line with `--limit NAME=VALUE` (to any value).
public struct Limits: Hashable, Sendable, Codable {
    /// Characters that placeholders and sections may produce, over the whole report.
    public var expansionCharacters = 4_000_000
    /// Placeholders filled plus section items entered, over the whole report.
    public var expansionSteps = 1_000_000
    /// Sections inside sections, in one piece of text.
    public var sectionDepth = 8
    /// Pages of the laid-out document.
    public var pages = 2_000
    /// Positioned items (text runs, shapes, images…) on all pages.
    public var boxes = 2_000_000
    /// Pixels of one image, read from its header before it is decoded.
    public var imagePixels = 40_000_000
    /// Rows of all activity logs together.
    public var dataRows = 1_000_000
    /// Rows of one table (written and drawn from a dataset), counted before any is bound: a table over a log of a
    /// million rows is refused at once, not after it has filled the pages limit.
    public var tableRows = 50_000
    /// Bytes of one data file (an activity log, an image, a facts file).
    public var dataBytes = 64 << 20

    public init() {}

    /// A limit by the name reports and the command line use for it.
    public enum Name: String, CaseIterable, Sendable {
        case expansionCharacters = "expansion-characters"
        case expansionSteps = "expansion-steps"
        case sectionDepth = "section-depth"
        case pages
        case boxes
        case imagePixels = "image-pixels"
        case dataRows = "data-rows"
        case tableRows = "table-rows"
        case dataBytes = "data-bytes"
    }

    /// The value of the limit called `name`.
    public subscript(name: Name) -> Int {
        get {
            switch name {
            case .expansionCharacters: return expansionCharacters
            case .expansionSteps: return expansionSteps
            case .sectionDepth: return sectionDepth
            case .pages: return pages
            case .boxes: return boxes
            case .imagePixels: return imagePixels
            case .dataRows: return dataRows
            case .tableRows: return tableRows
            case .dataBytes: return dataBytes
            }
        }
        set {
            switch name {
            case .expansionCharacters: expansionCharacters = newValue
            case .expansionSteps: expansionSteps = newValue
            case .sectionDepth: sectionDepth = newValue
            case .pages: pages = newValue
            case .boxes: boxes = newValue
            case .imagePixels: imagePixels = newValue
            case .dataRows: dataRows = newValue
            case .tableRows: tableRows = newValue
            case .dataBytes: dataBytes = newValue
            }
        }
    }

    /// The most a report may ask for itself: ten times the default.
    public static func ceiling(_ name: Name) -> Int { Limits()[name] * 10 }

}

/// Limits set on the command line, over whatever a report asks for.
public struct LimitOverrides: Hashable, Sendable {
    public var values: [Limits.Name: Int] = [:]
    public init(_ values: [Limits.Name: Int] = [:]) { self.values = values }

    /// `limits` with these values put over it.
    public func applied(to limits: Limits) -> Limits {
        var result = limits
        for (name, value) in values { result[name] = value }
        return result
    }
}

