// The languages Mawjaz writes in, and the table each one's words come from.

/// A language Mawjaz writes documents and messages in.
///
/// To add one: add its case here, then follow the compiler — `table` asks for its table, a type conforming to
/// `LanguageTable` (copy `English.swift` and `English+Messages.swift`, translate every entry).
public enum Language: String, Hashable, Sendable, Codable, CaseIterable {
    case ar, en

    /// The table holding every word written in this language.
    public var table: any LanguageTable {
        switch self {
        case .ar: return Arabic()
        case .en: return English()
        }
    }

    /// The language a locale name starts with ("ar", "ar_SA.UTF-8", "en-GB"), or nil if Mawjaz does not write it.
    public init?(locale: String) {
        let code = locale.prefix { $0.isLetter }.lowercased()
        guard let language = Language(rawValue: code) else { return nil }
        self = language
    }
}
