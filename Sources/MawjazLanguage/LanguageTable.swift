// What every language table provides: its direction and digits, its calendar's names, its plural rule, and
// the text of every message and phrase.

/// One language's words: everything Mawjaz writes into documents and says to its users in that language.
///
/// `text(_:)` for `Message` and for `Phrase` are exhaustive switches, so a new message or phrase is an error in
/// every table until each has its translation.
public protocol LanguageTable: Sendable {
    /// The language this table writes.
    var language: Language { get }
    /// Whether the language is written right to left.
    var isRightToLeft: Bool { get }
    /// The script its letters are in: a template's font for that script is tried first.
    var script: Script { get }
    /// The digits the language writes its numbers in: documents' default, and always in messages.
    var numerals: NumeralSystem { get }
    /// The names of the Gregorian months, January first; `variant` chooses between regional sets where the
    /// language has several, and is ignored where it has one.
    func gregorianMonths(_ variant: MonthNames) -> [String]
    /// The names of the Hijri months, Muharram first.
    var hijriMonths: [String] { get }
    /// Which plural form `count` takes in this language.
    func pluralCategory(_ count: Int) -> PluralCategory
    /// A message to the user, with its numbers in `numerals`.
    func text(_ message: Message) -> String
    /// Words written into a document; its numbers come written already, in the document's numerals.
    func text(_ phrase: Phrase) -> String
}

extension LanguageTable {
    /// The form for `count` among those given; a category the caller leaves out falls back to `other`.
    public func plural(_ count: Int, zero: String? = nil, one: String? = nil, two: String? = nil, few: String? = nil,
                       many: String? = nil, other: String) -> String {
        switch pluralCategory(count) {
        case .zero: return zero ?? other
        case .one: return one ?? other
        case .two: return two ?? other
        case .few: return few ?? other
        case .many: return many ?? other
        case .other: return other
        }
    }

    /// A number written with Latin digits (such as "-12.5") in this language's digits.
    public func digits(_ latin: String) -> String {
        numerals.digits(latin)
    }

    /// A whole number in this language's digits, not grouped.
    public func number(_ value: Int) -> String {
        digits(String(value))
    }

    /// The name of Gregorian month 1...12 in `variant`'s set, or nil outside that range.
    public func gregorianMonthName(_ month: Int, variant: MonthNames = .egyptian) -> String? {
        let names = gregorianMonths(variant)
        return (1...names.count).contains(month) ? names[month - 1] : nil
    }

    /// The name of Hijri month 1...12, or nil outside that range.
    public func hijriMonthName(_ month: Int) -> String? {
        (1...hijriMonths.count).contains(month) ? hijriMonths[month - 1] : nil
    }
}

/// The scripts a template names fonts for.
public enum Script: String, Hashable, Sendable, CaseIterable {
    case arabic, latin
}

/// The plural forms languages distinguish (Unicode CLDR's categories); each language uses some of them.
public enum PluralCategory: String, Hashable, Sendable, CaseIterable {
    case zero, one, two, few, many, other
}

/// A count written into a document: its value, for choosing the plural form, and its text in the document's numerals.
public struct Count: Hashable, Sendable {
    public var value: Int
    public var text: String
    public init(_ value: Int, text: String) {
        self.value = value; self.text = text
    }
}

/// The short usage `mawjaz` alone prints, laid out the same in every language: a title, the first four commands
/// each with its meaning in a column, and a line on help made from the last three commands.
func usage(_ commands: [String], title: String, steps: String, meanings: [String], help: (String, String, String) -> String) -> String {
    let c = commands + Array(repeating: "", count: max(0, 7 - commands.count))
    let lines = zip(c.prefix(4), meanings).map { "  " + $0.padding(toLength: 40, withPad: " ", startingAt: 0) + " " + $1 }
    return ([title, "", steps] + lines + ["", help(c[4], c[5], c[6])]).joined(separator: "\n")
}
