// Latin runs inside text set in an Arabic font first: found so that their punctuation comes from the Latin font.
import Foundation
import MawjazFrame

/// Finds the stretches of a paragraph that are Latin words with their punctuation, such as `(Annual Report)` or
/// `Jackson: training, medicine.`, so that their commas, full stops and colons are set in the font of their letters
/// rather than in an Arabic font listed first (whose Latin punctuation is drawn for Arabic).
enum LatinRuns {
    /// The UTF-8 byte ranges of `text`'s Latin runs: from the punctuation just before a Latin letter to the end of the
    /// last word holding a Latin letter before the next Arabic character. Numbers between Latin words belong to the
    /// run (`between 2012 and 2024, in`); digits and punctuation that touch no Latin word do not.
    static func ranges(in text: String) -> [Range<Int>] {
        guard mayHoldLatinLetter(text) else { return [] }
        var ranges: [Range<Int>] = []
        // Room for as many scalars as the text has bytes (at most that many): grown from nothing, both arrays
        // reallocated some ten times for a paragraph.
        var offsets: [Int] = [], scalars: [Unicode.Scalar] = []
        offsets.reserveCapacity(text.utf8.count + 1)
        scalars.reserveCapacity(text.utf8.count)
        var offset = 0
        for scalar in text.unicodeScalars {
            offsets.append(offset)
            scalars.append(scalar)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        var index = 0
        while index < scalars.count {
            guard isLatinLetter(scalars[index]) else { index += 1; continue }
            var start = index
            while start > 0, !isBreak(scalars[start - 1]), !isWhitespace(scalars[start - 1]) { start -= 1 }
            var end = index + 1
            while end < scalars.count, !isBreak(scalars[end]) { end += 1 }
            // Words at the end that hold no Latin letter (a dash, a number before Arabic text) are left to the
            // paragraph's fonts, as is the white space before them.
            while true {
                while end > index + 1, isWhitespace(scalars[end - 1]) { end -= 1 }
                var wordStart = end
                while wordStart > index + 1, !isWhitespace(scalars[wordStart - 1]) { wordStart -= 1 }
                guard wordStart > index + 1, !scalars[wordStart..<end].contains(where: isLatinLetter) else { break }
                end = wordStart
            }
            ranges.append(offsets[start]..<offsets[end])
            index = end
        }
        return ranges
    }

    /// Whether `text` may hold a Latin letter, from its UTF-8 bytes alone: an ASCII letter, or the first byte of a
    /// scalar in U+00C0...U+024F (0xC3...0xC9) or U+1E00...U+1EFF (0xE1). Most Arabic text holds none.
    private static func mayHoldLatinLetter(_ text: String) -> Bool {
        text.containsUTF8 { byte in (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0xC3...0xC9).contains(byte) || byte == 0xE1 }
    }

    /// Whether `scalar` is a letter of the Latin script.
    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0xC0...0x24F, 0x1E00...0x1EFF: return scalar.properties.isAlphabetic
        default: return false
        }
    }

    /// Unicode's White_Space, answered without its tables for ASCII and the Arabic block (which holds none).
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: true
        case ..<0x80, 0x0600...0x06FF: false
        default: scalar.properties.isWhitespace
        }
    }

    /// Characters that end a Latin run: Arabic script (letters, digits and punctuation) and line breaks.
    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return true
        case 0x0A, 0x0D, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
