// The Swift-only trimming helpers remove exactly what Foundation's trimming removes.
import Foundation
import MawjazFrame
import Testing

@Suite struct TrimmingTests {
    static let samples = [
        "", " ", "\n\t ", "نص", "  نص عربي  ", "\u{00A0}text\u{3000}", "\r\nline\n", "\u{2028}a\u{2029}", "\u{0085}x\u{000B}",
        " \u{0301}x ", "a b", "\u{200B}zero width\u{200B}", "\u{FEFF}bom", "\t٢٠١٢\t", "\u{202F}٤٥٪\u{2009}", "x\u{1680}",
    ]

    @Test func whitespaceAsFoundationTrimsIt() {
        for text in Self.samples {
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.unicodeScalars.map(\.value))")
            #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func everyScalarIsTrimmedOrKeptAsFoundationDoes() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar) + "x" + String(scalar)
            let spaces = CharacterSet.whitespaces.contains(scalar), any = CharacterSet.whitespacesAndNewlines.contains(scalar)
            #expect((text.trimmingSpaces() == "x") == spaces, "U+\(String(value, radix: 16))")
            #expect((text.trimmingWhitespace() == "x") == any, "U+\(String(value, radix: 16))")
        }
    }
}
