// Pages and the paged document: what layout hands to the exporters.

/// One page: its size and everything on it.
package struct Page: Sendable {
    package var size: Size
    package var frame: Frame
    package init(size: Size, frame: Frame) { self.size = size; self.frame = frame }
}

/// Descriptive metadata written into the output.
package struct DocumentInfo: Hashable, Sendable {
    package var title: String
    package var author: String
    package var subject: String
    package var keywords: [String]
    /// The language tag of the document's main language (BCP 47: "ar", "en").
    package var language: String
    /// The creation date as seconds since 1970, UTC.
    package var creationDate: Int
    /// Labels for the pages, one per page, in the document's numerals (empty: none).
    package var pageLabels: [String]

    package init(title: String, author: String = "", subject: String = "", keywords: [String] = [],
                language: String, creationDate: Int, pageLabels: [String] = []) {
        self.title = title; self.author = author; self.subject = subject; self.keywords = keywords
        self.language = language; self.creationDate = creationDate; self.pageLabels = pageLabels
    }
}

/// A laid-out document: pages of frames and the metadata that goes with them.
package struct PagedDocument: Sendable {
    package var pages: [Page]
    package var info: DocumentInfo
    package init(pages: [Page], info: DocumentInfo) { self.pages = pages; self.info = info }
}
