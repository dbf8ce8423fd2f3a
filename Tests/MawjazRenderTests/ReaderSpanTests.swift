// Vowelled words handed to poppler in a form of their own: which words get one, how the amendment nests cairo's spans
// in a page's content stream, and what poppler and PDFium copy back from a page of words the corpus does not hold.
import Foundation
import MawjazFrame
@testable import MawjazRender
import MawjazText
import Testing
import TestSupport

@Suite struct ReaderSpanTests {
    @Test func aWordOfArabicLettersAndMarksIsHandedToPopplerReversed() throws {
        let word = "نُورٌ،"
        let span = try #require(ReaderSpan(word: word, pdfiumText: TextLayerRun.runsReversed(word)))
        #expect(Array(span.popplerText.unicodeScalars) == Array(word.unicodeScalars.reversed()))
        #expect(ReaderSpan(word: "وَCOVID", pdfiumText: "x") == nil)
        #expect(ReaderSpan(word: "وَ٢٠٢٤", pdfiumText: "x") == nil)
    }

    func stream(_ text: String) -> [UInt8] { Array(text.utf8) }

    func actualText(_ text: String) -> String {
        var bytes: [UInt8] = []
        PDFObject.text(text).write(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func cairosSpansAreNestedInPopplersInTheOrderDrawnAndOthersLeftAlone() throws {
        let second = try #require(ReaderSpan(word: "نُورٌ", pdfiumText: TextLayerRun.runsReversed("نُورٌ")))
        let cairo = { (text: String) in "/Span << /ActualText " + self.actualText(text) + " >> BDC" }
        let source = """
            BT
            \(cairo("ع")) 
            <0001>Tj
            EMC
            \(cairo(second.pdfiumText))
            /f-0-1 1 Tf
            <0002> Tj ( EMC \\) ) Tj
            /P << /MCID 3 >> BDC EMC
            EMC
            ET
            """
        let nested = try #require(PDFAmendment.nestingReaderSpans([second], in: stream(source)))
        let expected = """
            BT
            \(cairo("ع")) 
            <0001>Tj
            EMC
            /Span << /ActualText \(actualText(second.popplerText)) >> BDC
            /Word << /ActualText \(actualText(second.pdfiumText)) >> BDC
            /f-0-1 1 Tf
            <0002> Tj ( EMC \\) ) Tj
            /P << /MCID 3 >> BDC EMC
            EMC
            EMC
            ET
            """
        #expect(String(decoding: nested, as: UTF8.self) == expected)
        // A span whose text is not the next one drawn is left as it is.
        let other = try #require(ReaderSpan(word: "عِلْمٌ", pdfiumText: TextLayerRun.runsReversed("عِلْمٌ")))
        #expect(PDFAmendment.nestingReaderSpans([other], in: stream(source)) == nil)
    }

    /// Vowelled words the corpus does not hold, after a paragraph drawing their letters plainly (so that each word is
    /// one span).
    static let vowelled = "كَتَبَ الطَّالِبُ دَرْسَهُ ثُمَّ قَالَ: سَلَامٌ عَلَيْكُمْ يَا أَصْدِقَائِي، وَقَالَ الشَّاعِرُ قَصِيدَةً عَنِ الْوَطَنِ"
    static let phrases = ["كَتَبَ الطَّالِبُ دَرْسَهُ ثُمَّ قَالَ", "سَلَامٌ عَلَيْكُمْ يَا أَصْدِقَائِي", "وَقَالَ الشَّاعِرُ قَصِيدَةً عَنِ الْوَطَنِ"]

    @Test(arguments: ["Noto Naskh Arabic", "Amiri"])
    func vowelledWordsCopyBackWholeFromBothReadersWithThePageUnchanged(_ family: String) throws {
        let opening = "كتب المدرس على اللوح ثم قرأ الطلاب الدرس كله بصوت عال وقال الشاعر قصيدة عن الوطن."
        let (amended, plain) = try AmendedPDFs.make([opening, Self.vowelled], family: family, title: "كلمات")
        try TestSupport.inspectPDF(amended)
        for (reader, text) in [("poppler", try TestSupport.pdfText(amended)), ("PDFium", try TestSupport.pdfiumText(amended))] {
            let copied = TestSupport.fidelityNormalised(text)
            for phrase in Self.phrases {
                #expect(copied.contains(TestSupport.fidelityNormalised(phrase)), "\(family), \(reader): \(phrase) in \(copied)")
            }
        }
        // Without the nesting, poppler reads PDFium's text and gives the words back broken.
        let before = TestSupport.fidelityNormalised(try TestSupport.pdfText(plain))
        #expect(Self.phrases.filter { before.contains(TestSupport.fidelityNormalised($0)) }.isEmpty, "\(before)")
        #expect(try AmendedPDFs.samePixels(amended, plain))
    }
}
