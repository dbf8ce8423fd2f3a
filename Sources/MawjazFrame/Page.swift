// Pages and the paged document: what layout hands to the exporters.

/// One page: its size and everything on it.
public struct Page: Sendable {
    public var size: Size
    public var frame: Frame
    public init(size: Size, frame: Frame) { self.size = size; self.frame = frame }
}

/// Descriptive metadata written into the output.
public struct DocumentInfo: Hashable, Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: [String]
    /// The language tag of the document's main language (BCP 47: "ar", "en").
    public var language: String
    /// The creation date as seconds since 1970, UTC.
    public var creationDate: Int
    /// Labels for the pages, one per page, in the document's numerals (empty: none).
    public var pageLabels: [String]

    public init(title: String, author: String = "", subject: String = "", keywords: [String] = [],
                language: String, creationDate: Int, pageLabels: [String] = []) {
        self.title = title; self.author = author; self.subject = subject; self.keywords = keywords
        self.language = language; self.creationDate = creationDate; self.pageLabels = pageLabels
    }
}

/// A laid-out document: pages of frames and the metadata that goes with them.
public struct PagedDocument: Sendable {
    public var pages: [Page]
    public var info: DocumentInfo
    public init(pages: [Page], info: DocumentInfo) { self.pages = pages; self.info = info }
}
