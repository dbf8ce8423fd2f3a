// The switches a report sets once for the whole document: language, numerals, dates, justification, overflow.
import MawjazFrame
import MawjazLanguage

extension Language {
    /// The direction the language is written in.
    public var direction: Direction { table.isRightToLeft ? .rightToLeft : .leftToRight }
}

/// Which calendar dates are written in.
public enum DateStyle: String, Hashable, Sendable, Codable, CaseIterable {
    case gregorian, hijri, dual
}

/// How justified lines are filled.
public enum JustifyMode: String, Hashable, Sendable, Codable, CaseIterable {
    /// Stretch Arabic words with tatweel where calligraphy allows, then spaces.
    case kashida
    /// Widen the spaces between words.
    case spaces
    /// Do not justify: lines keep their natural width.
    case none
}

/// What happens when content does not fit.
public enum OverflowPolicy: String, Hashable, Sendable, Codable, CaseIterable {
    /// Stop with an error naming the block and the text.
    case error
    /// Print a warning and go on.
    case warn
}

/// The document-wide settings of a report.
public struct ReportSettings: Hashable, Sendable, Codable {
    public var language: Language
    public var numerals: NumeralSystem
    public var dateStyle: DateStyle
    public var monthNames: MonthNames
    public var justify: JustifyMode
    /// Whether digits in the author's own text follow `numerals` too (technical tokens keep theirs); true unless the
    /// report says `convert-digits: false`.
    public var convertDigits: Bool
    public var overflow: OverflowPolicy

    public init(language: Language = .ar, numerals: NumeralSystem? = nil, dateStyle: DateStyle = .gregorian,
                monthNames: MonthNames = .egyptian, justify: JustifyMode = .spaces, convertDigits: Bool = true,
                overflow: OverflowPolicy = .error) {
        self.language = language
        self.numerals = numerals ?? language.table.numerals
        self.dateStyle = dateStyle; self.monthNames = monthNames; self.justify = justify
        self.convertDigits = convertDigits; self.overflow = overflow
    }
}
