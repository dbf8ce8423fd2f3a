// A span of the text layer whose text poppler is handed in another form than PDFium: both readers honour /ActualText,
// but not in the same marked content, which lets one PDF hold each reader's own text for a vowelled word.

/// A vowelled word's span, as PDFium and as poppler read it back whole.
///
/// poppler (`Gfx::opBeginMarkedContent`) honours an /ActualText only in a marked-content sequence tagged `/Span`, and a
/// span opened inside it replaces it only when it is a `/Span` too; PDFium (`CPDF_TextPage::ProcessMarkedContent`)
/// honours one under any tag and takes the innermost. So `/Span << /ActualText (poppler's) >> BDC /Word << /ActualText
/// (PDFium's) >> BDC … EMC EMC` hands each reader its own text. The two need different texts because their bidi passes
/// differ: PDFium reverses each run of letters and each run of other characters of a span in place (the form cairo is
/// given, `TextLayerRun.runsReversed`), poppler reverses a run of right-to-left and neutral characters as a whole, so
/// it wants the word's characters in reverse order. Measured on the fidelity corpus: poppler's vowelled words 0/9 → 8/9
/// in both fonts, PDFium's unchanged (9/9), the pages' pixels unchanged.
///
/// Only words without Latin letters or digits are written so (poppler keeps those forward); a word's closing comma or
/// full stop followed by a space and more Arabic comes back before that space from poppler whatever the text: within
/// one line, no PDF can make poppler give `،` + space + a right-to-left letter (see the README's "What each reader can
/// give back at best").
struct ReaderSpan: Equatable {
    /// The span's text as cairo writes it, and PDFium reads it back whole.
    var pdfiumText: String
    /// The text poppler reads back whole: the word's characters in reverse order.
    var popplerText: String

    /// The span of `word` (logical order) whose text for PDFium is `pdfiumText`; nil when poppler would read the span's
    /// text as PDFium does or the word holds characters poppler keeps forward (Latin letters, digits).
    init?(word: String, pdfiumText: String) {
        guard !word.unicodeScalars.contains(where: { $0.properties.numericType != nil || ($0.properties.isAlphabetic && !TextLayerRun.isRightToLeftLetter($0) && !TextLayerRun.isMark($0)) }) else {
            return nil
        }
        let reversed = String(String.UnicodeScalarView(word.unicodeScalars.reversed()))
        guard reversed != pdfiumText else { return nil }
        self.pdfiumText = pdfiumText
        popplerText = reversed
    }

    /// The tag of the marked content holding PDFium's text, inside poppler's `/Span`: any tag but `/Span`, which
    /// poppler would take.
    static let innerTag = "Word"
}
