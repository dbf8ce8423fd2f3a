// Values given on the command line (or to a service), parsed and checked in one place each: a bad one is an argument
// error naming the option, never a crash.
import MawjazData
import MawjazLanguage

/// Why a value given for an option is not valid.
public struct ArgumentProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The option, as written (`--dpi`).
    public var option: String
    public var message: Message
    public init(option: String, _ message: Message) { self.option = option; self.message = message }
    public var description: String { message.description }
    /// As a diagnostic, the form every Mawjaz error is printed in.
    public var diagnostic: Diagnostic { Diagnostic(.error, at: SourceLocation(file: option), message) }
}

/// Pixels per inch for PNG output: a finite number from 10 to 2400.
public struct DPI: Hashable, Sendable {
    public static let range: ClosedRange<Double> = 10...2400
    /// 144 pixels per inch: twice the PDF's points.
    public static let standard = DPI(value: 144)
    public let value: Double

    /// The resolution `text` gives, or why it gives none.
    public static func parse(_ text: String) -> Result<DPI, ArgumentProblem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Decimal only: Double would also read "0x10", "nan" and "inf".
        guard trimmed.allSatisfy({ "0123456789.eE+-".contains($0) }), let number = Double(trimmed), number.isFinite else {
            return .failure(ArgumentProblem(option: "--dpi", .notANumber(Diagnostic.excerpt(text))))
        }
        guard range.contains(number) else {
            return .failure(ArgumentProblem(option: "--dpi", .numberOutsideRange(Diagnostic.excerpt(text), low: Int(range.lowerBound),
                                                                                 high: Int(range.upperBound))))
        }
        return .success(DPI(value: number))
    }
}

/// Pages to render, as written `1-3,5,8-` (from 1; an open end runs to the last page).
public struct PageRange: Hashable, Sendable {
    /// Pages from `first` to `last` (nil: to the end).
    public struct Part: Hashable, Sendable {
        public var first: Int
        public var last: Int?
        public init(first: Int, last: Int?) { self.first = first; self.last = last }
    }
    /// The ranges, in the order written.
    public let parts: [Part]

    /// The pages `text` names, or why it names none.
    public static func parse(_ text: String) -> Result<PageRange, ArgumentProblem> {
        func problem(_ piece: Substring) -> Result<PageRange, ArgumentProblem> {
            .failure(ArgumentProblem(option: "--pages", .notAPageRange(Diagnostic.excerpt(piece))))
        }
        var parts: [Part] = []
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = piece.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = Int(ends[0]), first >= 1 else { return problem(piece) }
            if ends.count == 1 { parts.append(Part(first: first, last: first)); continue }
            if ends[1].isEmpty { parts.append(Part(first: first, last: nil)); continue }
            guard let last = Int(ends[1]), last >= first else {
                return problem(piece)
            }
            parts.append(Part(first: first, last: last))
        }
        return .success(PageRange(parts: parts))
    }

    /// The page indexes (from 0) of a document of `count` pages this range selects, in order, without repeats; or
    /// why it selects none.
    public func indexes(ofPages count: Int) -> Result<[Int], ArgumentProblem> {
        var chosen: [Int] = []
        for part in parts {
            guard part.first <= count else {
                return .failure(ArgumentProblem(option: "--pages", .pagePastEnd(part.first, pages: count)))
            }
            for page in part.first...min(part.last ?? count, count) where !chosen.contains(page - 1) { chosen.append(page - 1) }
        }
        return .success(chosen)
    }
}

/// How many reports to render at once: 1 to 64.
public struct JobCount: Hashable, Sendable {
    public static let range = 1...64
    public let value: Int

    /// The count `text` gives, or why it gives none.
    public static func parse(_ text: String) -> Result<JobCount, ArgumentProblem> {
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
            return .failure(ArgumentProblem(option: "-j", .numberOutsideRange(Diagnostic.excerpt(text), low: range.lowerBound,
                                                                              high: range.upperBound)))
        }
        return .success(JobCount(value: number))
    }
}

/// One limit set with `--limit NAME=VALUE`.
public struct LimitSetting: Hashable, Sendable {
    public var name: Limits.Name
    public var value: Int
    public init(name: Limits.Name, value: Int) { self.name = name; self.value = value }
}

extension LimitOverrides {
    /// The limits `settings` give, the last one given for a name winning.
    public init(_ settings: [LimitSetting]) {
        self.init(Dictionary(settings.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last }))
    }

    /// Reads one `NAME=VALUE` given with `--limit`, or says what is wrong with it.
    public static func parse(_ setting: String) -> Result<LimitSetting, ArgumentProblem> {
        let parts = setting.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let names = Limits.Name.allCases.map(\.rawValue)
        guard parts.count == 2, let name = Limits.Name(rawValue: parts[0]) else {
            return .failure(ArgumentProblem(option: "--limit", .limitSettingUnknown(Diagnostic.excerpt(setting), names: names,
                                                                                     suggestion: Suggestion.closest(to: parts.first ?? "", among: names))))
        }
        guard let value = Int(parts[1]), value > 0 else {
            return .failure(ArgumentProblem(option: "--limit", .limitSettingNotPositive(name: name.rawValue, found: Diagnostic.excerpt(parts[1]))))
        }
        return .success(LimitSetting(name: name, value: value))
    }
}
