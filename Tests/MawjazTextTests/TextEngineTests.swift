// The text engine on its own: fonts, shaping, lines, clusters for the text layer, and its errors.
import Foundation
import MawjazFrame
@testable import MawjazText
import Testing
import TestSupport

@Suite struct TextEngineTests {
    let engine: TextEngine
    let arabic = TextStyle(families: ["Noto Naskh Arabic", "Noto Sans"], size: 12)
    let latin = TextStyle(families: ["Noto Sans", "Noto Naskh Arabic"], size: 12)
    static let sentence = "تربط مكتب الحرس الوطني في ميسيسيبي وأوزبكستان شراكة حيوية منذ عام 2012 وذلك ضمن برنامج الشراكة بين الدول التابع لمكتب الحرس الوطني الأميركي."

    init() throws {
        engine = try TextEngine(library: FontLibrary(directory: try TestSupport.resources.fonts))
    }

    @Test func theLibraryHoldsOnlyTheBundledFamilies() throws {
        #expect(engine.library.families == ["Noto Naskh Arabic", "Noto Sans", "Amiri"])
    }

    @Test func theFontsCacheChangesNothingButTheReading() throws {
        let fonts = try TestSupport.resources.fonts
        let cache = try TestSupport.temporaryFolder().appendingPathComponent("fontconfig")
        let written = try TextEngine(library: FontLibrary(directory: fonts, cacheFolder: cache.path))
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(files.contains { $0.contains(".cache-") }, "fontconfig wrote its cache of the fonts: \(files)")
        let read = try TextEngine(library: FontLibrary(directory: fonts, cacheFolder: cache.path))
        let scanned = try TextEngine(library: FontLibrary(directory: fonts, cacheFolder: nil))
        let unwritable = try TextEngine(library: FontLibrary(directory: fonts, cacheFolder: "/proc/mawjaz-no-cache-here"))
        let paragraph = StyledParagraph(spans: [TextSpan(Self.sentence, style: arabic), TextSpan(" (State Partnership)", style: latin)],
                                        direction: .rightToLeft, alignment: .justify, width: 240)
        let expected = try scanned.shape(paragraph).lines.map(\.line.runs)
        for engine in [written, read, unwritable] {
            #expect(engine.library.families == scanned.library.families)
            let runs = try engine.shape(paragraph).lines.map(\.line.runs)
            #expect(runs.map { $0.map(\.glyphs) } == expected.map { $0.map(\.glyphs) })
            #expect(runs.map { $0.map(\.font.family) } == expected.map { $0.map(\.font.family) })
        }
    }

    @Test func aFamilyThatIsNotBundledIsAnErrorNamingIt() throws {
        let style = TextStyle(families: ["DejaVu Sans"], size: 12)
        #expect(throws: TextError.unknownFamily("DejaVu Sans", available: ["Amiri", "Noto Naskh Arabic", "Noto Sans"])) {
            try engine.shape(StyledParagraph(spans: [TextSpan("نص", style: style)], direction: .rightToLeft))
        }
    }

    /// A zero-width non-joiner has no glyph: its character joins the cluster before it, so the PDF's text layer keeps
    /// it (a cluster of no glyph loses its text in cairo); the run draws the same glyphs.
    @Test func aZeroWidthNonJoinerStaysInTheClusterText() throws {
        let word = "نسخه\u{200C}ای"
        let run = try #require(try engine.shape(StyledParagraph(spans: [TextSpan(word, style: arabic)], direction: .rightToLeft)).lines.first?.line.runs.first)
        #expect(run.clusterText.unicodeScalars.contains("\u{200C}"))
        #expect(run.clusters.allSatisfy { $0.glyphCount > 0 })
        #expect(run.clusters.reduce(0) { $0 + $1.byteCount } == word.utf8.count)
        #expect(run.clusters.reduce(0) { $0 + $1.glyphCount } == run.glyphs.count)
    }

    @Test func sizesArePoints() throws {
        // At 72 units per inch a 12 pt line of Noto Sans is about 16 pt tall; at Pango's default 96 dpi it would be 22.
        let line = try engine.shape(StyledParagraph(spans: [TextSpan("Mawjaz", style: latin)], direction: .leftToRight)).lines[0]
        #expect(line.line.ascent + line.line.descent > 14 && line.line.ascent + line.line.descent < 20)
        #expect(line.line.runs[0].font.size == 12)
    }

    @Test func rightToLeftLinesAreFlushRightAndJustified() throws {
        let text = Array(repeating: Self.sentence, count: 3).joined(separator: " ")
        let paragraph = try engine.shape(StyledParagraph(spans: [TextSpan(text, style: arabic)], direction: .rightToLeft,
                                                         alignment: .justify, width: 300))
        #expect(paragraph.lines.count > 3)
        for line in paragraph.lines.dropLast() {
            #expect(abs(line.origin.x) < 0.01)
            #expect(abs(line.line.width - 300) < 0.05)
        }
        let last = try #require(paragraph.lines.last)
        #expect(abs(last.origin.x + last.line.width - 300) < 0.05, "the last line ends on the right")
        #expect(last.line.width < 300)
    }

    @Test func leftToRightLinesStartOnTheLeft() throws {
        let text = String(repeating: "The partnership between Mississippi and Uzbekistan began in 2012. ", count: 4)
        let paragraph = try engine.shape(StyledParagraph(spans: [TextSpan(text, style: latin)], direction: .leftToRight,
                                                         alignment: .start, width: 250))
        #expect(paragraph.lines.count > 2)
        for line in paragraph.lines { #expect(abs(line.origin.x) < 0.01) }
    }

    @Test func linesAreSpacedByTheLineHeight() throws {
        let text = Array(repeating: Self.sentence, count: 2).joined(separator: " ")
        let paragraph = try engine.shape(StyledParagraph(spans: [TextSpan(text, style: arabic)], direction: .rightToLeft,
                                                         lineHeight: 2, width: 300))
        let baselines = paragraph.lines.map(\.origin.y)
        for (upper, lower) in zip(baselines, baselines.dropFirst()) { #expect(abs(lower - upper - 24) < 0.01) }
    }

    @Test func aLatinRunInsideArabicIsLeftToRightInTheLatinFont() throws {
        let text = "برنامج الشراكة بين الدول (State Partnership Program) منذ 1993"
        let line = try engine.shape(StyledParagraph(spans: [TextSpan(text, style: arabic)], direction: .rightToLeft)).lines[0].line
        let latinRun = try #require(line.runs.first { $0.text.contains("State") })
        #expect(!latinRun.isRightToLeft)
        #expect(latinRun.font.family == "Noto Sans")
        let arabicRun = try #require(line.runs.first { $0.text.contains("برنامج") })
        #expect(arabicRun.isRightToLeft)
        #expect(arabicRun.font.family == "Noto Naskh Arabic")
        // The first words read (برنامج) are drawn at the right end, the Latin run to their left.
        #expect(arabicRun.x > latinRun.x)
        #expect(line.text == text)
    }

    @Test func clustersCarryTheTextInVisualOrder() throws {
        let word = "الإطلاق"
        let run = try engine.shape(StyledParagraph(spans: [TextSpan(word, style: arabic)], direction: .rightToLeft)).lines[0].line.runs[0]
        #expect(run.isRightToLeft)
        #expect(run.text == word)
        #expect(run.clusters.reduce(0) { $0 + $1.byteCount } == run.clusterText.utf8.count)
        #expect(run.clusters.reduce(0) { $0 + $1.glyphCount } == run.glyphs.count)
        // Read right to left, cluster by cluster, the visual text gives the word back.
        var bytes = Array(run.clusterText.utf8)[...]
        var pieces: [String] = []
        for cluster in run.clusters {
            pieces.append(String(decoding: bytes.prefix(cluster.byteCount), as: UTF8.self))
            bytes = bytes.dropFirst(cluster.byteCount)
        }
        #expect(pieces.reversed().joined() == word)
        // Glyphs run left to right.
        #expect(zip(run.glyphs, run.glyphs.dropFirst()).allSatisfy { $0.x <= $1.x + 0.001 })
    }

    /// The symbol fonts draw the symbols no other font has, and nothing else: `−` and `√` (in Noto Sans Math too, but
    /// in no family listed) still come from Amiri, `‰` and `•` from Noto Sans even when only Noto Naskh Arabic is
    /// listed, as before the symbol fonts were bundled.
    @Test func theSymbolFontsDrawOnlyWhatNoOtherFontHas() throws {
        let naskhOnly = TextStyle(families: ["Noto Naskh Arabic"], size: 12)
        func fonts(_ text: String, _ style: TextStyle) throws -> [String: String] {
            let runs = try engine.shape(StyledParagraph(spans: [TextSpan(text, style: style)], direction: .rightToLeft)).lines.flatMap(\.line.runs)
            return Dictionary(runs.flatMap { run in run.text.unicodeScalars.filter { $0 != " " }.map { (String($0), run.font.family) } }) { first, _ in first }
        }
        let mixed = try fonts("أ ≥ ✓ − √ ‰ • x 5", arabic), alone = try fonts("− √ ‰ • ≠ ●", naskhOnly)
        #expect(mixed == ["أ": "Noto Naskh Arabic", "≥": "Noto Sans Math", "✓": "Noto Sans Symbols2",
                                                       "−": "Amiri", "√": "Amiri", "‰": "Noto Sans", "•": "Noto Sans", "x": "Noto Sans", "5": "Noto Naskh Arabic"], "\(mixed)")
        #expect(alone == ["−": "Amiri", "√": "Amiri", "‰": "Noto Sans", "•": "Noto Sans", "≠": "Noto Sans Math", "●": "Noto Sans Symbols2"], "\(alone)")
        #expect(!engine.library.families.contains("Noto Sans Math"), "a template cannot name a last-resort family")
    }

    @Test func aCharacterNoBundledFontHasIsAnError() throws {
        #expect(throws: TextError.self) {
            try engine.shape(StyledParagraph(spans: [TextSpan("شراكة 漢 حيوية", style: arabic)], direction: .rightToLeft))
        }
        do {
            _ = try engine.shape(StyledParagraph(spans: [TextSpan("شراكة 漢 حيوية", style: arabic)], direction: .rightToLeft))
        } catch {
            #expect(error.description.contains("U+6F22"))
            #expect(error.description.contains("شراكة"))
        }
    }

    @Test func aWordWiderThanTheColumnIsAnError() throws {
        let paragraph = StyledParagraph(spans: [TextSpan("الاستراتيجيات الاستراتيجية", style: arabic)], direction: .rightToLeft, width: 30)
        #expect(throws: TextError.self) { try engine.shape(paragraph) }
        let allowed = try engine.shape(paragraph, tolerating: .overflow)
        #expect(allowed.lines.contains { $0.line.width > 30 })
    }

    /// A URL or e-mail address that does not fit moves whole to the next line, in both directions and justified with
    /// kashidas or spaces: a reader copies a token split across two lines as two pieces.
    @Test(arguments: [Justification.kashida, .spaces])
    func aURLOrAddressMovesWholeToTheNextLine(justification: Justification) throws {
        let url = "https://lab.example.gov.sa/reports?year=2026"
        let cases: [(String, TextStyle, Direction)] = [
            ("تنشر الهيئة تقاريرها السنوية على \(url)، ويراسلها القراء على reports@lab.example.gov.sa.", arabic, .rightToLeft),
            ("The authority publishes its yearly reports at \(url), and readers write to reports@lab.example.gov.sa.", latin, .leftToRight),
        ]
        try eachJustifiedLayout(of: cases, widths: stride(from: 270.0, through: 420, by: 15), justification: justification) { _, width, lines in
            #expect(lines.contains { $0.text.contains(url) }, "\(width): \(lines.map(\.text))")
            #expect(lines.contains { $0.text.contains("reports@lab.example.gov.sa") }, "\(width): \(lines.map(\.text))")
        }
    }

    /// A file path that does not fit moves whole to the next line, as a URL does: a Windows path, a network share and a
    /// POSIX path, in both directions, justified with kashidas or spaces.
    @Test(arguments: [Justification.kashida, .spaces])
    func aPathMovesWholeToTheNextLine(justification: Justification) throws {
        let paths = [#"C:\Users\Public\Reports\q4-final.xlsx"#, #"\\files01\shared\mawjaz\out"#, "/srv/mawjaz/out/2026/report-ar.pdf",
                     "../shared/reports/2026/q4-summary.csv", "docs/annexes/annex-2-final.pdf"]
        let cases: [(String, TextStyle, Direction)] = [
            ("حفظ المحلل الملف في \(paths[0]) ثم نسخه إلى \(paths[1])، ونشرت الخدمة النسخة في \(paths[2]) صباح اليوم، "
             + "ثم الملخص في \(paths[3]) والملحق في \(paths[4]) مساء.", arabic, .rightToLeft),
            ("The analyst saved the file as \(paths[0]), copied it to \(paths[1]) and the service wrote \(paths[2]) at noon, "
             + "then the summary to \(paths[3]) and the annex to \(paths[4]) at night.", latin, .leftToRight),
        ]
        try expectEachOnOneLine(paths, in: cases, widths: stride(from: 270.0, through: 420, by: 15), justification: justification)
    }

    /// What is a path and what is not: a date, a fraction, `و/٢٤/٥٦٧` and a lone slash are not kept whole (`and/or` is,
    /// as a word joined by a slash); a path's trailing full stop and closing bracket are left out.
    @Test func pathsAreFoundAndDatesAreNot() {
        func tokens(_ text: String) -> [String] {
            UnbrokenTokens.ranges(in: text).map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
        }
        #expect(tokens("on 15/09/2024, 1/2 of و/٢٤/٥٦٧ and/or / this") == ["and/or"])
        #expect(tokens(#"see (C:\Users\Public\q4.xlsx). Then /srv/mawjaz/out."#) == [#"C:\Users\Public\q4.xlsx"#, "/srv/mawjaz/out"])
        #expect(tokens(#"\\server\share, /usr/share/fonts"#) == [#"\\server\share"#, "/usr/share/fonts"])
        // Relative paths: to a file with an extension, from `./` or `../`, or of three names; not dates, fractions,
        // `و/٢٤/٥٦٧`, `and/or`, `km/h`, `TCP/IP` or a lone name with a dot.
        #expect(tokens("see docs/annex-2.pdf, ../shared/x.txt and (reports/2024/q3.csv). Also ./run.sh and data/raw/2024.")
                == ["docs/annex-2.pdf", "../shared/x.txt", "reports/2024/q3.csv", "./run.sh", "data/raw/2024"])
        #expect(tokens("في ٢٤/٥/١٤٤٦ و 12/05/2024 و 3/4 و و/٢٤/٥٦٧ v1.2/3 e.g. 2024/25 and/ /") == [])
        // Words joined by a slash before a letter, which UAX #14 would break after the slash: kept whole, less their
        // trailing punctuation and brackets.
        #expect(tokens("(and/or) km/h, TCP/IP و/أو الفحص USD/SAR. 7.5 kg/m² a/b 2026/27 م/2024") == ["and/or", "km/h", "TCP/IP", "و/أو",
                                                                                                   "USD/SAR", "kg/m²", "a/b"])
    }

    /// A word joined by a slash at a line's end moves whole to the next line: broken after its slash, it was copied by
    /// every reader as two words (`and/ or`, `و/ أو`; a held-out brief, round copy26).
    @Test(arguments: [Justification.spaces, .kashida])
    func aWordJoinedByASlashMovesWholeToTheNextLine(justification: Justification) throws {
        let words = ["and/or", "USD/SAR", "km/h", "و/أو", "TCP/IP"]
        let cases: [(String, TextStyle, Direction)] = [
            ("يراجع الفريق الخطة و/أو الميزانية كل أسبوع، ويحول المبالغ بسعر USD/SAR المعلن، ويقيس السرعة بوحدة km/h ويتصل "
             + "بالخوادم عبر TCP/IP، ثم يرفع التقرير و/أو الملخص إلى الإدارة and/or اللجنة.", arabic, .rightToLeft),
            ("The team reviews the plan and/or the budget each week, converts at the USD/SAR rate, measures speed in km/h, "
             + "reaches the servers over TCP/IP and sends the report and/or the summary to the board.", latin, .leftToRight),
        ]
        try eachJustifiedLayout(of: cases, widths: stride(from: 150.0, through: 420, by: 5), justification: justification) { text, width, lines in
            let joined = lines.map(\.text).joined(separator: "\n")
            for word in words where text.contains(word) {
                #expect(joined.components(separatedBy: word).count == text.components(separatedBy: word).count,
                        "\(width): \(word) in \(lines.map(\.text))")
            }
        }
    }

    /// What is a code joined by hyphens and what is not: a hyphen before a letter in a word of Latin letters and digits
    /// holding a digit; not a compound of words, nor one whose hyphens stand before digits only (no break there), nor
    /// Arabic text.
    @Test func codesJoinedByHyphensAreFoundAndCompoundsAreNot() {
        func tokens(_ text: String) -> [String] {
            UnbrokenTokens.ranges(in: text).map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
        }
        #expect(tokens("رقم 550e8400-e29b-41d4-a716-446655440000، الإصدار (v3.0-rc1) والملف data-v2.xlsx.")
                == ["550e8400-e29b-41d4-a716-446655440000", "v3.0-rc1", "data-v2.xlsx"])
        #expect(tokens("a state-of-the-art, end-to-end plan for COVID-19 and ISBN 978-3-16-148410-0 in mid-2025, B-12 and ١٢٣-أ -x y-")
                == [])
    }

    /// A code joined by hyphens at a line's end moves whole to the next line: broken after a hyphen before a letter
    /// (`550e8400-` then `e29b-41d4-…`), it was copied by both readers as two words (a held-out brief, round copy31).
    @Test(arguments: [Justification.spaces, .kashida])
    func aCodeJoinedByHyphensMovesWholeToTheNextLine(justification: Justification) throws {
        let codes = ["550e8400-e29b-41d4-a716-446655440000", "v3.0-rc1", "data-v2.xlsx", "KX7-ab9-Q"]
        let cases: [(String, TextStyle, Direction)] = [
            ("حساب الوزارة لدى المصرف والطلب رقم 550e8400-e29b-41d4-a716-446655440000 لدى المصرف، والإصدار v3.0-rc1 "
             + "مع الملف data-v2.xlsx والرمز KX7-ab9-Q في كل نسخة من نسخ التقرير.", arabic, .rightToLeft),
            ("The ministry's request 550e8400-e29b-41d4-a716-446655440000 went to the bank with release v3.0-rc1, "
             + "the file data-v2.xlsx and the code KX7-ab9-Q in every copy of the report.", latin, .leftToRight),
        ]
        try expectEachOnOneLine(codes, in: cases, widths: stride(from: 280.0, through: 420, by: 5), justification: justification)
    }

    /// What is a code with a dot or a colon between a letter and a digit: a MAC address, a file name, `No.7`; not times,
    /// decimals, abbreviations or an IPv6 address (no break in any of them).
    @Test func dottedCodesAreFound() {
        func tokens(_ text: String) -> [String] {
            UnbrokenTokens.ranges(in: text).map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
        }
        #expect(tokens("MAC 00:1A:2B:3C:4D:5E, file (plan_v2.3.1-beta+build.5.zip) and No.7 at 9:30, 3.5 e.g. U.S. 2001:db8::1 a.b")
                == ["00:1A:2B:3C:4D:5E", "plan_v2.3.1-beta+build.5.zip", "No.7"])
        #expect(tokens("العنوان 00:1A:2B:3C:4D:5E، الساعة 9:30 والقيمة 3.5 والإصدار v2.3.1") == ["00:1A:2B:3C:4D:5E"])
    }

    /// A code with a dot or a colon between a letter and a digit at a line's end moves whole to the next line: broken after
    /// `4D:` or `build.`, it was copied by both readers as two words (held-out briefs, round copy37).
    @Test(arguments: [Justification.spaces, .kashida])
    func aDottedCodeMovesWholeToTheNextLine(justification: Justification) throws {
        let codes = ["00:1A:2B:3C:4D:5E", "plan_v2.3.1-beta+build.5.zip", "No.7"]
        let cases: [(String, TextStyle, Direction)] = [
            ("سجل الفريق الجهاز ذا العنوان 00:1A:2B:3C:4D:5E في الشبكة، وأرسل الحزمة plan_v2.3.1-beta+build.5.zip إلى الخادم "
             + "بعد مراجعة القرار No.7 وبيانات الأعوام كلها.", arabic, .rightToLeft),
            ("The team registered the device 00:1A:2B:3C:4D:5E on the network and sent plan_v2.3.1-beta+build.5.zip to the "
             + "server after reading decision No.7 and the figures of every year.", latin, .leftToRight),
        ]
        try expectEachOnOneLine(codes, in: cases, widths: stride(from: 200.0, through: 420, by: 5), justification: justification)
    }

    /// Shapes each of `cases` justified at every width of `widths` (`eachJustifiedLayout`) and expects each of `tokens`
    /// that a case holds whole on one of its lines.
    private func expectEachOnOneLine(_ tokens: [String], in cases: [(String, TextStyle, Direction)], widths: StrideThrough<Double>,
                                     justification: Justification) throws {
        try eachJustifiedLayout(of: cases, widths: widths, justification: justification) { text, width, lines in
            for token in tokens where text.contains(token) {
                #expect(lines.contains { $0.text.contains(token) }, "\(width): \(token) in \(lines.map(\.text))")
            }
        }
    }

    /// Shapes each of `cases` justified at every width of `widths`, expects every line within the width, and hands the
    /// text, the width and the lines to `check`.
    private func eachJustifiedLayout(of cases: [(String, TextStyle, Direction)], widths: StrideThrough<Double>, justification: Justification,
                                     _ check: (_ text: String, _ width: Double, _ lines: [TextLine]) -> Void) throws {
        for (text, style, direction) in cases {
            for width in widths {
                let paragraph = StyledParagraph(spans: [TextSpan(text, style: style)], direction: direction, alignment: .justify,
                                                width: width, justification: justification)
                let lines = try engine.shape(paragraph).lines.map(\.line)
                check(text, width, lines)
                #expect(lines.allSatisfy { $0.width <= width + 0.01 })
            }
        }
    }

    /// A URL or a path wider than the line still breaks where UAX #14 allows, and no line leaves the margin.
    @Test func aURLWiderThanTheLineStillBreaksInsideTheMargin() throws {
        let text = "See https://lab.example.gov.sa/reports/annual/2026/water/partnership/summary?year=2026 for more."
        let paragraph = StyledParagraph(spans: [TextSpan(text, style: latin)], direction: .leftToRight, width: 150)
        let lines = try engine.shape(paragraph).lines.map(\.line)
        #expect(lines.count > 2)
        #expect(!lines.contains { $0.text.contains("https://lab.example.gov.sa/reports/annual/2026/water/partnership") })
        #expect(lines.allSatisfy { $0.width <= 150.01 }, "\(lines.map(\.width))")
        let path = "/srv/mawjaz/out/annual/2026/water/partnership/summary/report-final.pdf"
        let pathLines = try engine.shape(StyledParagraph(spans: [TextSpan("See \(path) for more.", style: latin)], direction: .leftToRight,
                                                         width: 150)).lines.map(\.line)
        #expect(pathLines.count > 2 && !pathLines.contains { $0.text.contains(path) })
        #expect(pathLines.allSatisfy { $0.width <= 150.01 }, "\(pathLines.map(\.width))")
    }

    @Test func aParagraphOverTheLimitIsRefused() throws {
        let text = String(repeating: "شراكة ", count: TextEngine.paragraphCharacterLimit / 6 + 10)
        #expect(throws: TextError.paragraphTooLong(characters: text.unicodeScalars.count, limit: TextEngine.paragraphCharacterLimit)) {
            try engine.shape(StyledParagraph(spans: [TextSpan(text, style: arabic)], direction: .rightToLeft, width: 400))
        }
    }

    @Test func spansKeepTheirStyles() throws {
        let spans = [TextSpan("شراكة ", style: arabic), TextSpan("حيوية", style: arabic.with(bold: true, color: .white)),
                     TextSpan(" منذ عام", style: arabic)]
        let line = try engine.shape(StyledParagraph(spans: spans, direction: .rightToLeft)).lines[0].line
        let bold = try #require(line.runs.first { $0.text == "حيوية" })
        #expect(bold.color == .white)
        #expect(line.runs.filter { $0.color == .white }.count == 1)
        #expect(line.text == "شراكة حيوية منذ عام")
    }

    @Test func minimumAndNaturalWidths() throws {
        let spans = [TextSpan("Regional Cooperation", style: latin)]
        let minimum = try engine.minimumWidth(spans, direction: .leftToRight)
        let natural = try engine.naturalWidth(spans, direction: .leftToRight)
        let cooperation = try engine.naturalWidth([TextSpan("Cooperation", style: latin)], direction: .leftToRight)
        #expect(abs(minimum - cooperation) < 0.5)
        #expect(natural > minimum + 30)
    }

    /// A line's text as drawn, left to right: its runs' clusters in visual order (a cluster's characters in logical order).
    private func drawnText(_ text: String, style: TextStyle, direction: Direction) throws -> (drawn: String, line: TextLine) {
        let shaped = try engine.shape(StyledParagraph(spans: [TextSpan(text, style: style)], direction: direction))
        let line = try #require(shaped.lines.first?.line)
        #expect(shaped.lines.count == 1)
        return (line.runs.map(\.clusterText).joined(), line)
    }

    /// Digits after a phrase of the other direction closed by a bracket or quote follow the paragraph (`DirectionMarks`):
    /// in a left-to-right heading the years after `(خطة التحول الرقمي)` are drawn as written, not `2027–2025` (Unicode's
    /// rule W2), and in a right-to-left paragraph the years after `(Digital Transformation)` read from the right as the
    /// paragraph's other ranges do; digits right after a word of the other direction keep Unicode's order. The mark is in
    /// no text the layout gives back (the line's, each run's, each cluster's), and draws nothing.
    @Test func aNumberAfterABracketedPhraseOfTheOtherDirectionFollowsTheParagraph() throws {
        let marks: Set<Unicode.Scalar> = ["\u{200E}", "\u{200F}"]
        let cases: [(text: String, direction: Direction, drawn: String)] = [
            ("Digital Transformation Plan (خطة التحول الرقمي) 2025–2027", .leftToRight, ") 2025–2027"),
            ("The plan «خطة التحول» 2025–2027 was read", .leftToRight, " 2025–2027 was read"),
            ("see (المادة) 3–4 too", .leftToRight, ") 3–4 too"),
            ("خطة التحول الرقمي (Digital Transformation) 2025–2027", .rightToLeft, "2027–2025 )"),
            ("في «Digital Plan» 2025–2027 قائمة", .rightToLeft, "2027–2025 "),
        ]
        for (text, direction, expected) in cases {
            let style = direction.isRightToLeft ? arabic : latin
            let (drawn, line) = try drawnText(text, style: style, direction: direction)
            #expect(drawn.contains(expected), "\(text): drawn \(drawn)")
            #expect(line.text == text)
            #expect(!line.runs.contains { $0.clusterText.unicodeScalars.contains(where: marks.contains) || $0.text.unicodeScalars.contains(where: marks.contains) })
            #expect(line.runs.allSatisfy { $0.clusters.reduce(0) { $0 + $1.byteCount } == $0.clusterText.utf8.count })
            #expect(line.runs.allSatisfy { $0.clusters.reduce(0) { $0 + $1.glyphCount } == $0.glyphs.count })
        }
        // Digits right after a word: the number belongs to the phrase, as Unicode sets it.
        #expect(try drawnText("the article المادة 5–7 applies", style: latin, direction: .leftToRight).drawn.contains("7–5"))
        #expect(try drawnText("المعيار ISO 9001–2015 قائم", style: arabic, direction: .rightToLeft).drawn.contains("9001–2015"))
        // A phrase of the paragraph's own direction in brackets, or one opened after a word of the other direction, gets
        // no mark: the same glyphs as without the rule.
        for (text, direction) in [("The plan (Phase A) 2025–2027", Direction.leftToRight), ("قال خطة (المرحلة الأولى) 2025–2027", .rightToLeft)] {
            #expect(DirectionMarks.positions(in: text, rightToLeft: direction.isRightToLeft).isEmpty, "\(text)")
        }
        #expect(DirectionMarks.positions(in: "نص عربي (Plan) 2025", rightToLeft: false).isEmpty)
    }

    /// In a left-to-right paragraph a comma, semicolon or colon right after an Arabic word and before a number follows the
    /// English sentence with the number (`DirectionMarks.clausesBeforeDigits`): Unicode's rule W2 drew `Prepared for أ.د.
    /// محمد السالم, 2026` as `Prepared for 2026 ,أ.د. محمد السالم`. Digits right after the word, and punctuation before a
    /// word, keep Unicode's rules; the mark is in no text the layout gives back.
    @Test func aNumberAfterAnArabicClauseInALeftToRightParagraphFollowsTheSentence() throws {
        let marks: Set<Unicode.Scalar> = ["\u{200E}", "\u{200F}"]
        for (text, expected) in [("Prepared for أ.د. محمد السالم, 2026", ", 2026"), ("signed in جدة; 14 delegates came", "; 14 delegates came"),
                                 ("Subject: تعميم: 77 pages", ": 77 pages")] {
            let (drawn, line) = try drawnText(text, style: latin, direction: .leftToRight)
            #expect(drawn.hasSuffix(expected), "\(text): drawn \(drawn)")
            #expect(line.text == text)
            #expect(!line.runs.contains { $0.clusterText.unicodeScalars.contains(where: marks.contains) || $0.text.unicodeScalars.contains(where: marks.contains) })
        }
        for text in ["the article المادة 5–7 applies", "visited الرياض, then 3 more", "to ٢٠٢٦/١٢/٠٣, 2026", "Plan, 2026"] {
            #expect(DirectionMarks.clausesBeforeDigits(in: text).isEmpty, "\(text)")
        }
    }

    /// A Latin token's own punctuation, symbols and digits are drawn as typed in a right-to-left paragraph
    /// (`DirectionMarks.latinTokenEdges`): Unicode's rules drew `C++` as `++C`, `.NET` as `NET.`, `25°F` as `F°25`. The
    /// sentence's punctuation after the token and the brackets around it stay the Arabic sentence's; the marks are in no
    /// text the layout gives back.
    @Test func aLatinTokensOwnPunctuationIsDrawnAsTypedInARightToLeftParagraph() throws {
        let marks: Set<Unicode.Scalar> = ["\u{200E}", "\u{200F}"]
        let cases: [(text: String, drawn: String)] = [
            ("نستخدم C++ في المشروع", " C++ "),
            ("منصة .NET الحديثة", " .NET "),
            ("درجة 25°F اليوم", " 25°F "),
            ("بلغت °F فقط", " °F "),
            ("نحو −4°C اليوم", " −4°C "),
            ("مثل e.g. هذا", " e.g. "),
            ("تابعونا @mawjaz الآن", " @mawjaz "),
            // The comma is the Arabic sentence's, drawn on the token's left; the brackets stay around it (a bracket's cluster
            // holds its character, drawn mirrored).
            ("لغة C++، ثم", "،C++ "),
            ("بلغة (C++) المعروفة", " )C++( "),
            // A one-letter proclitic written joined to the token stays on its right, outside the marks.
            ("منصة و.NET الحديثة", " .NETو "),
            ("الحرارة و25°F اليوم", " 25°Fو "),
            ("الحساب و@mof_gov الرسمي", " @mof_govو "),
            ("مكتوب ب.NET فقط", " .NETب "),
            ("لغة وC++ المعروفة", " C++و "),
            // The cluster of the letter and its vowel mark is drawn from the left, the mark first.
            ("منصة وَ.NET، ثم", "،.NET\u{064E}و "),
            ("بلغة و(C++) المعروفة", " )C++(و "),
        ]
        for (text, expected) in cases {
            let (drawn, line) = try drawnText(text, style: arabic, direction: .rightToLeft)
            #expect(drawn.contains(expected), "\(text): drawn \(drawn)")
            #expect(line.text == text)
            #expect(!line.runs.contains { $0.clusterText.unicodeScalars.contains(where: marks.contains) || $0.text.unicodeScalars.contains(where: marks.contains) })
            #expect(line.runs.allSatisfy { $0.clusters.reduce(0) { $0 + $1.byteCount } == $0.clusterText.utf8.count })
            #expect(line.runs.allSatisfy { $0.clusters.reduce(0) { $0 + $1.glyphCount } == $0.glyphs.count })
        }
        // Where the marks go: around the token, inside its brackets, before the sentence's punctuation.
        func marked(_ text: String) -> String {
            var bytes = Array(text.utf8)
            for offset in DirectionMarks.latinTokenEdges(in: text).reversed() { bytes.insert(contentsOf: Array("|".utf8), at: offset) }
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(marked("لغة (C++)، و «.NET». و U.S. و Ph.D.") == "لغة (|C++|)، و «|.NET|». و |U.S.| و |Ph.D.|")
        #expect(marked("الموقع https://example.org/ أو Node.js. و v2+") == "الموقع |https://example.org/| أو Node.js. و |v2+|")
        #expect(marked("و.NET، و«.NET» فC++ كَe.g. ل@x") == "و|.NET|، و«|.NET|» ف|C++| كَ|e.g.| ل|@x|")
        // A proclitic before a token drawn as typed without marks, or before an Arabic letter, changes nothing.
        #expect(DirectionMarks.latinTokenEdges(in: "وReport وCOVID-19 و12.5% والC++ وو.NET").isEmpty)
        // Tokens drawn as typed without marks, and tokens with an Arabic letter or without a Latin one, get none.
        for text in ["(Annual Report) و COVID-19 و info@example.org و Q3 و SA03 8000", "C++عربي و 12.5% و +998 71 و ٢٠٢٤"] {
            #expect(DirectionMarks.latinTokenEdges(in: text).isEmpty, "\(text)")
        }
    }
}
