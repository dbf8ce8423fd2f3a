// The copy-paste fidelity corpus, token by token, in poppler (Evince, Okular, pdftotext) and PDFium (Chrome, Edge),
// set in Noto Naskh Arabic and in Amiri: what comes back exactly must not get worse, and the kinds that come back
// whole must stay whole. `make fidelity` prints the same figures beside Typst's and WeasyPrint's.
import Foundation
import Mawjaz
import Testing
import TestSupport

@Suite struct FidelityTests {
    /// One corpus set in one Arabic font, and what each reader copies out of it.
    struct Reading: Sendable {
        var name: String
        var tokens: [FidelityToken]
        /// The tokens each reader gives back exactly, by reader.
        var exact: [String: Set<FidelityToken>]

        func count(_ reader: String, kind: String? = nil) -> Int {
            exact[reader, default: []].filter { kind == nil || $0.kind == kind }.count
        }

        func missing(_ reader: String, kind: String) -> [String] {
            tokens.filter { $0.kind == kind && !exact[reader, default: []].contains($0) }.map(\.text)
        }
    }

    static let readings: [String: Reading] = {
        var result: [String: Reading] = [:]
        do {
            let renderer = try TestSupport.renderer()
            let folder = try TestSupport.temporaryFolder()
            for language in ["ar", "en"] {
                let source = try String(contentsOf: TestSupport.fidelityFolder.appendingPathComponent("corpus-\(language).json"), encoding: .utf8)
                let tokens = try TestSupport.fidelityTokens(TestSupport.fidelityFolder.appendingPathComponent("tokens-\(language).tsv"))
                for font in ["Noto Naskh Arabic", "Amiri"] {
                    let name = "\(language)-\(font == "Amiri" ? "amiri" : "naskh")"
                    let report = folder.appendingPathComponent("\(name).json")
                    try Data(source.replacingOccurrences(of: "\"arabic\": \"Noto Naskh Arabic\"", with: "\"arabic\": \"\(font)\"").utf8).write(to: report)
                    let pdf = folder.appendingPathComponent("\(name).pdf")
                    try renderer.render(reportAt: report, to: pdf)
                    try TestSupport.inspectPDF(pdf)
                    var exact: [String: Set<FidelityToken>] = [:]
                    for (reader, text) in [("poppler", try TestSupport.pdfText(pdf)), ("pdfium", try TestSupport.pdfiumText(pdf))] {
                        let copied = TestSupport.fidelityNormalised(text)
                        exact[reader] = Set(tokens.filter { copied.contains(TestSupport.fidelityNormalised($0.text)) })
                    }
                    result[name] = Reading(name: name, tokens: tokens, exact: exact)
                }
            }
        } catch {
            Issue.record("the fidelity corpus could not be set and read: \(error)")
        }
        return result
    }()

    /// The exact tokens measured when the corpus was made, by reading and reader: a change that loses one fails.
    static let floors: [String: [String: Int]] = [
        "ar-naskh": ["poppler": 49, "pdfium": 44], "ar-amiri": ["poppler": 49, "pdfium": 51],
        "en-naskh": ["poppler": 15, "pdfium": 13], "en-amiri": ["poppler": 15, "pdfium": 15],
    ]

    @Test(arguments: ["ar-naskh", "ar-amiri", "en-naskh", "en-amiri"])
    func noReaderCopiesFewerTokensExactly(_ name: String) throws {
        let reading = try #require(Self.readings[name])
        for reader in ["poppler", "pdfium"] {
            let floor = try #require(Self.floors[name]?[reader])
            let kinds = Array(Set(reading.tokens.map(\.kind))).sorted()
            let lost = kinds.flatMap { reading.missing(reader, kind: $0).map { "[\($0)]" } }
            #expect(reading.count(reader) >= floor, "\(name) in \(reader): \(reading.count(reader)) of \(reading.tokens.count) exact, fewer than \(floor); missing \(lost)")
        }
    }

    /// Ligatures and lam-alef come back whole in both fonts and both readers. In Noto Naskh Arabic لله is one glyph for
    /// three characters, whose text is carried reversed with it (LigatureClusterTests).
    @Test(arguments: ["ar-naskh", "ar-amiri"])
    func ligaturesCopyBackWhole(_ name: String) throws {
        let reading = try #require(Self.readings[name])
        for reader in ["poppler", "pdfium"] {
            #expect(reading.missing(reader, kind: "ligature").isEmpty, "\(name) in \(reader): \(reading.missing(reader, kind: "ligature"))")
        }
    }

    /// The corpus opens with its vowelled paragraph: in Amiri, whose cmap names its contextual forms by nothing, every
    /// vowelled word is one span and copies back whole from PDFium (`TextLayerPlan`); in Noto Naskh Arabic the first
    /// uses would spoil the presentation-form-named glyphs, so they stay a cluster per glyph.
    @Test func vowelledWordsAtTheStartCopyBackWholeFromPDFiumInAmiri() throws {
        let reading = try #require(Self.readings["ar-amiri"])
        #expect(reading.missing("pdfium", kind: "tashkeel").isEmpty, "\(reading.missing("pdfium", kind: "tashkeel"))")
    }

    @Test(arguments: ["ar-naskh", "ar-amiri"])
    func chartLabelsTheEnglishParagraphAndPersianCopyBackWhole(_ name: String) throws {
        let reading = try #require(Self.readings[name])
        for reader in ["poppler", "pdfium"] {
            for kind in ["chart-label", "ltr-paragraph"] {
                #expect(reading.missing(reader, kind: kind).isEmpty, "\(name) in \(reader): \(reading.missing(reader, kind: kind))")
            }
        }
        #expect(reading.missing("poppler", kind: "technical").isEmpty)
        #expect(reading.missing("poppler", kind: "table-cell").count <= 2)
    }

    /// Fully vowelled words come back whole from PDFium once their letters have been drawn plainly earlier in the
    /// document (each word is then one /ActualText span); drawn before, they stay a cluster per glyph, so that the text
    /// after them keeps its character map (see `TextLayerPlan`): an article after a vowelled basmala copies back whole.
    @Test func vowelledWordsCopyBackWholeFromPDFiumWithoutSpoilingTheTextAfterThem() throws {
        let plain = "قال الحكيم إن العلم نور والجهل ظلام، بسم الله الرحمن الرحيم، مدرسة وقرآن وشيء ومستشفى."
        let vowelled = "قال الحكيم: إِنَّ العِلْمَ نُورٌ، وَالجَهْلَ ظَلَامٌ. بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ. مُدَرِّسَةٌ، وَقُرْآنٌ، وَشَيْءٌ، وَمُسْتَشْفًى."
        let renderer = try TestSupport.renderer()
        let folder = try TestSupport.folder(with: ["report.yaml": """
            title: "العلم نور"
            date: 2024-09-15
            justify: none
            body:
              - paragraph: "\(plain)"
              - paragraph: "\(vowelled)"
              - paragraph: "\(plain)"
            """])
        let pdf = folder.appendingPathComponent("vowelled.pdf")
        try renderer.render(reportAt: folder.appendingPathComponent("report.yaml"), to: pdf)
        let copied = TestSupport.fidelityNormalised(try TestSupport.pdfiumText(pdf))
        #expect(copied.contains(TestSupport.fidelityNormalised(vowelled)))
        #expect(copied.components(separatedBy: TestSupport.fidelityNormalised(plain)).count == 3)

        // The default brief after a vowelled basmala: every word of the article still copies back in order.
        let brief = try String(contentsOf: TestSupport.defaultReport, encoding: .utf8)
            .replacingOccurrences(of: "body:\n", with: "body:\n  - paragraph: \"بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ، وَعَلَى اللَّهِ قَصْدُ السَّبِيلِ.\"\n")
        let report = TestSupport.defaultReport.deletingLastPathComponent().appendingPathComponent("basmala-\(UUID().uuidString).yaml")
        try Data(brief.utf8).write(to: report)
        defer { try? FileManager.default.removeItem(at: report) }
        let briefPDF = folder.appendingPathComponent("brief.pdf")
        try renderer.render(reportAt: report, to: briefPDF)
        let source = TestSupport.arabicWords(try String(contentsOf: TestSupport.article, encoding: .utf8))
        #expect(TestSupport.recall(of: source, in: TestSupport.arabicWords(try TestSupport.pdfiumText(briefPDF))) == 1)
        #expect(TestSupport.recall(of: source, in: TestSupport.arabicWords(try TestSupport.pdfText(briefPDF))) == 1)
    }

    /// The same brief in Amiri, opening with the vowelled basmala: its words are spans from the very start (cairo names
    /// Amiri's contextual forms by nothing, so their first plain use still gives them their letters), the basmala copies
    /// back whole from PDFium, and the article after it copies back exactly as well as from the brief without it, in both
    /// readers.
    @Test func aVowelledOpeningInAmiriCopiesBackWholeWithoutSpoilingTheTextAfterIt() throws {
        let basmala = "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ، وَعَلَى اللَّهِ قَصْدُ السَّبِيلِ."
        let amiri = try String(contentsOf: TestSupport.defaultReport, encoding: .utf8)
            .replacingOccurrences(of: "template: briefing\n", with: "template:\n  name: briefing\n  fonts: {arabic: Amiri}\n")
        let source = TestSupport.arabicWords(try String(contentsOf: TestSupport.article, encoding: .utf8))
        let folder = try TestSupport.temporaryFolder()
        var recalls: [[Double]] = []
        for (name, brief) in [("plain", amiri), ("vowelled", amiri.replacingOccurrences(of: "body:\n", with: "body:\n  - paragraph: \"\(basmala)\"\n"))] {
            let report = TestSupport.defaultReport.deletingLastPathComponent().appendingPathComponent("amiri-\(name)-\(UUID().uuidString).yaml")
            try Data(brief.utf8).write(to: report)
            defer { try? FileManager.default.removeItem(at: report) }
            let pdf = folder.appendingPathComponent("amiri-\(name).pdf")
            try TestSupport.renderer().render(reportAt: report, to: pdf)
            let pdfium = try TestSupport.pdfiumText(pdf)
            if name == "vowelled" {
                #expect(TestSupport.fidelityNormalised(pdfium).contains(TestSupport.fidelityNormalised(basmala)))
            }
            recalls.append([pdfium, try TestSupport.pdfText(pdf)].map { TestSupport.recall(of: source, in: TestSupport.arabicWords($0)) })
        }
        #expect(recalls.count == 2 && recalls[0] == recalls[1], "recall without and with the opening (PDFium, poppler): \(recalls)")
    }
}
