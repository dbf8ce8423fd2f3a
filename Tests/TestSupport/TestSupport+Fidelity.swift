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

    /// A character PDFium gives back of a page, and its box (`FPDFText_GetCharBox`) in the page's points from its top
    /// left corner, as the layout's frames place lines.
    package struct PDFiumCharacter: Sendable {
        package var text: String
        package var left: Double, right: Double, top: Double, bottom: Double
    }

    /// The characters PDFium gives back of each page, in its text's order, with their boxes.
    package static func pdfiumCharacters(_ url: URL) throws -> [[PDFiumCharacter]] {
        let script = #"""
            import sys, pypdfium2
            pages = []
            for page in pypdfium2.PdfDocument(sys.argv[1]):
                height, text = page.get_height(), page.get_textpage()
                rows = []
                for index in range(text.count_chars()):
                    left, bottom, right, top = text.get_charbox(index)
                    rows.append("%04x\t%r\t%r\t%r\t%r" % (ord(text.get_text_range(index, 1) or "\0"), left, right, height - top, height - bottom))
                pages.append("\n".join(rows))
            sys.stdout.write("\f".join(pages))
            """#
        let result = try run(try PythonTools.pdfium.python(), ["-c", script, url.path])
        guard result.status == 0 else { throw TestFailure("pypdfium2 failed on \(url.lastPathComponent): \(result.error)") }
        return result.output.components(separatedBy: "\u{0C}").map { page in
            page.split(separator: "\n").compactMap { row in
                let fields = row.split(separator: "\t")
                guard fields.count == 5, let code = UInt32(fields[0], radix: 16), let scalar = Unicode.Scalar(code),
                      let left = Double(fields[1]), let right = Double(fields[2]), let top = Double(fields[3]),
                      let bottom = Double(fields[4]) else { return nil }
                return PDFiumCharacter(text: String(scalar), left: left, right: right, top: top, bottom: bottom)
            }
        }
    }

    /// The text poppler-glib copies of each page when a user drags over all of it from its top right corner to its bottom
    /// left one, as a reader of a right-to-left page does (`poppler_page_get_selected_text`, glyph style: what Evince and
    /// the other GNOME viewers copy, through `TextSelectionDumper`, not pdftotext's `TextPage::dump`; dragged from the top
    /// left corner, poppler starts at the block nearest it in its reading order and leaves out those before), read through
    /// Debian's python3-gi and gir1.2-poppler-0.18 (the Makefile's packages), as bench/fidelity/selection.py reads it.
    package static func popplerSelectionPages(_ url: URL) throws -> [String] {
        let script = """
            import pathlib, sys, gi
            gi.require_version("Poppler", "0.18")
            from gi.repository import Poppler
            document = Poppler.Document.new_from_file(pathlib.Path(sys.argv[1]).resolve().as_uri(), None)
            texts = []
            for index in range(document.get_n_pages()):
                page = document.get_page(index)
                width, height = page.get_size()
                rectangle = Poppler.Rectangle()
                rectangle.x1, rectangle.y1, rectangle.x2, rectangle.y2 = width, 0, 0, height
                texts.append(page.get_selected_text(Poppler.SelectionStyle.GLYPH, rectangle) or "")
            sys.stdout.write("\\f".join(texts))
            """
        let result = try run("/usr/bin/python3", ["-c", script, url.path])
        guard result.status == 0 else { throw TestFailure("poppler-glib failed on \(url.lastPathComponent): \(result.error)") }
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

    /// What a reader copies (`copied`) more often than the pages show it (`shown`, their laid-out lines), both as
    /// `fidelityNormalised` has them: each of `tokens`, and each number (a run of decimal digits, whatever its script),
    /// with how many times each was copied and shown. A token found once counts as exact however many stray copies of it
    /// or of its parts the reader also gives back (poppler read a date's year twice, an extra `2024` line, before round
    /// copy23); this counts them.
    package static func extraCopies(of tokens: [String], in copied: String, shown: String) -> [String: (copies: Int, shown: Int)] {
        var extra: [String: (copies: Int, shown: Int)] = [:]
        for token in Set(tokens.map(fidelityNormalised)) where !token.isEmpty {
            let copies = occurrences(of: token, in: copied), wanted = occurrences(of: token, in: shown)
            if copies > wanted { extra[token] = (copies, wanted) }
        }
        let shownNumbers = numbers(in: shown)
        for (number, copies) in numbers(in: copied) where copies > shownNumbers[number, default: 0] {
            extra[number] = (copies, shownNumbers[number, default: 0])
        }
        return extra
    }

    /// How many times `token` stands in `text`, the occurrences not overlapping, compared scalar by scalar.
    static func occurrences(of token: String, in text: String) -> Int {
        let text = Array(text.unicodeScalars), token = Array(token.unicodeScalars)
        guard !token.isEmpty, token.count <= text.count else { return 0 }
        var count = 0, index = 0
        while index + token.count <= text.count {
            if text[index..<(index + token.count)].elementsEqual(token) {
                count += 1
                index += token.count
            } else {
                index += 1
            }
        }
        return count
    }

    /// The runs of decimal digits of `text` (any script's), each with how many times it stands there; compatibility
    /// forms folded first (NFKC), so that `½`, which PDFium gives back as `1⁄2`, and a superscript `²` count as digits.
    static func numbers(in text: String) -> [String: Int] {
        var counts: [String: Int] = [:], run = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.properties.numericType == .decimal {
                run.append(scalar)
            } else if !run.isEmpty {
                counts[String(run), default: 0] += 1
                run = String.UnicodeScalarView()
            }
        }
        if !run.isEmpty { counts[String(run), default: 0] += 1 }
        return counts
    }
}
