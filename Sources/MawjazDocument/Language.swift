// The languages a Mawjaz document's own wording can be written in.

/// The language of the words Mawjaz itself writes into a document: dates, labels, captions.
public enum Language: String, Hashable, Sendable, Codable, CaseIterable {
    /// Arabic.
    case ar
    /// English.
    case en

    /// The numeral system a document in this language uses unless told otherwise: Arabic-Indic for Arabic, Latin for English.
    public var defaultNumeralSystem: NumeralSystem {
        switch self {
        case .ar: return .arabicIndic
        case .en: return .latin
        }
    }
}
