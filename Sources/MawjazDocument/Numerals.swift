// Numbers as Mawjaz prints them: counts, decimals, percentages, years, page and section numbers.
import MawjazData
import Foundation
import MawjazLanguage

/// Writes numbers in one numeral system, so every number on a page follows the document's policy.
package struct Numerals: Hashable, Sendable {
    /// The digits and symbols numbers are written in.
    package var system: NumeralSystem

    /// Numerals written in `system`.
    package init(_ system: NumeralSystem) {
        self.system = system
    }

    /// An integer, with a group separator every three digits when `grouping` is on, zero-padded to `minimumDigits`.
    ///
    /// `format(1250)` is "١٬٢٥٠" or "1,250"; `format(9, minimumDigits: 2)` is "٠٩". Negative numbers
    /// lead with `NumeralSystem.minusSign`.
    package func format(_ value: Int, grouping: Bool = true, minimumDigits: Int = 1) -> String {
        var digits = Self.decimalDigits(UInt64(value.magnitude))
        if digits.count < minimumDigits {
            digits.insert(contentsOf: repeatElement(0, count: minimumDigits - digits.count), at: 0)
        }
        return write(negative: value < 0, whole: digits, fraction: [], grouping: grouping)
    }

    /// A number rounded half away from zero to `fractionDigits` places, trailing zeros kept.
    ///
    /// `fractionDigits` is clamped to 0...15, the places a `Double` carries. A value that rounds to
    /// zero is written without a sign. Infinities are "∞" and "-∞"; not-a-number is "NaN".
    package func format(_ value: Double, fractionDigits: Int, grouping: Bool = true) -> String {
        guard value.isFinite else {
            if value.isNaN { return "NaN" }
            return value < 0 ? String(system.minusSign) + "∞" : "∞"
        }
        let places = min(max(fractionDigits, 0), 15)
        let scale = (0..<places).reduce(1.0) { product, _ in product * 10 }
        let magnitude = value.magnitude
        var whole = magnitude.rounded(.towardZero)
        // `magnitude - whole` is exact; only the scaling rounds, once.
        var fraction = ((magnitude - whole) * scale).rounded(.toNearestOrAwayFromZero)
        if fraction >= scale {
            whole += 1
            fraction -= scale
        }
        let wholeDigits = Self.decimalDigits(whole: whole)
        var fractionDigits = places > 0 ? Self.decimalDigits(UInt64(fraction)) : []
        fractionDigits.insert(contentsOf: repeatElement(0, count: places - fractionDigits.count), at: 0)
        let isZero = whole == 0 && fraction == 0
        return write(negative: value < 0 && !isZero, whole: wholeDigits, fraction: fractionDigits, grouping: grouping)
    }

    /// A percentage of `points` (45 is "٤٥٪" or "45%"), the sign after the number in logical order.
    package func percent(_ points: Double, fractionDigits: Int = 0) -> String {
        format(points, fractionDigits: fractionDigits) + String(system.percentSign)
    }

    /// A year, never grouped: 2024 is "٢٠٢٤".
    package func year(_ value: Int) -> String {
        format(value, grouping: false)
    }

    /// A page number, never grouped.
    package func pageNumber(_ value: Int) -> String {
        format(value, grouping: false)
    }

    /// A section number: the parts joined by the decimal separator, so [1, 2] is "١٫٢" or "1.2".
    package func sectionNumber(_ parts: [Int]) -> String {
        parts.map { format($0, grouping: false) }.joined(separator: String(system.decimalSeparator))
    }

    /// Sign, grouped whole digits, then the fraction after the decimal separator when there is one.
    private func write(negative: Bool, whole: [UInt8], fraction: [UInt8], grouping: Bool) -> String {
        var text = String.UnicodeScalarView()
        if negative { text.append(system.minusSign) }
        for (index, digit) in whole.enumerated() {
            let remaining = whole.count - index
            if grouping && index > 0 && remaining % 3 == 0 { text.append(system.groupingSeparator) }
            text.append(system.digit(UInt64(digit)))
        }
        if !fraction.isEmpty {
            text.append(system.decimalSeparator)
            text.append(contentsOf: fraction.map { system.digit(UInt64($0)) })
        }
        return String(text)
    }

    /// The decimal digits of `value`, most significant first.
    private static func decimalDigits(_ value: UInt64) -> [UInt8] {
        var digits: [UInt8] = []
        var rest = value
        repeat {
            digits.append(UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        return digits.reversed()
    }

    /// The decimal digits of a finite, non-negative whole number, however large.
    private static func decimalDigits(whole value: Double) -> [UInt8] {
        if let exact = UInt64(exactly: value) { return decimalDigits(exact) }
        // Past 2^64 the C library writes the exact digits; "%.0f" uses neither grouping nor a decimal mark.
        return String(format: "%.0f", value).utf8.compactMap { $0 >= 0x30 && $0 <= 0x39 ? $0 - 0x30 : nil }
    }
}
