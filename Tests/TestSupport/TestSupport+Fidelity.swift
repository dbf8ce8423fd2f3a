// The copy-paste fidelity corpus: its tokens, and the text poppler and PDFium copy out of a PDF, compared as
// /work/shared/tools/pdf-audit compares them.
import Foundation

/// A token of the fidelity corpus: the kind of text it is and the text itself.
package struct FidelityToken: Sendable, Hashable {
    package var kind: String
    package var text: String
}

extension TestSupport {
    /// The fidelity corpus's folder (its reports and token lists).
    package static var fidelityFolder: URL { root.appendingPathComponent("Tests/MawjazTests/Fixtures/fidelity") }

    /// The tokens of a `kind<TAB>token` list, `#` lines left out.
    package static func fidelityTokens(_ url: URL) throws -> [FidelityToken] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
            return FidelityToken(kind: String(line[..<tab]), text: String(line[line.index(after: tab)...]))
        }
    }

    /// The text PDFium (Chrome's and Edge's viewer) extracts from every page, through pypdfium2.
    package static func pdfiumText(_ url: URL) throws -> String {
        try pdfiumPages(url).joined(separator: "\n")
    }

    /// The text PDFium extracts from each page.
    package static func pdfiumPages(_ url: URL) throws -> [String] {
        let script = "import sys, pypdfium2\nd = pypdfium2.PdfDocument(sys.argv[1])\n"
            + "sys.stdout.write('\\f'.join(p.get_textpage().get_text_range() for p in d))"
        let result = try run(try PythonTools.pdfium.python(), ["-c", script, url.path])
        guard result.status == 0 else { throw TestFailure("pypdfium2 failed on \(url.lastPathComponent): \(result.error)") }
        return result.output.components(separatedBy: "\u{0C}")
    }

    /// Text as the fidelity check compares it: canonical composition (NFC), the invisible bidi controls readers
    /// add left out, white space collapsed to single spaces, scalar by scalar (as `measure.py` and `pdf-audit` do it):
    /// split at Swift's characters, a combining mark after a space (the Quranic pause mark of `وَٱلْأَرْضِ ۚ مَثَلُ`) made
    /// one character with it, which counted as white space, and the mark was dropped.
    package static func fidelityNormalised(_ text: String) -> String {
        let controls: Set<Unicode.Scalar> = ["\u{061C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}",
                                             "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"]
        var kept = String.UnicodeScalarView(), pendingSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars where !controls.contains(scalar) {
            if scalar.properties.isWhitespace {
                pendingSpace = !kept.isEmpty
            } else {
                if pendingSpace { kept.append(" ") }
                pendingSpace = false
                kept.append(scalar)
            }
        }
        return String(kept)
    }
}
