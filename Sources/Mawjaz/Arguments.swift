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
            return .failure(ArgumentProblem(option: "--dpi", .notANumber(Message.excerpt(text))))
        }
        if let problem = problem(number, written: text) { return .failure(problem) }
        return .success(DPI(value: number))
    }

    /// Why `value` (given in code, or written as `written`) is no resolution to draw at, or nil when it is one.
    public static func problem(_ value: Double, written: String? = nil) -> ArgumentProblem? {
        guard !range.contains(value) else { return nil }
        let text = written.map { Message.excerpt($0) } ?? (value.isFinite ? String(value) : String(describing: value))
        return ArgumentProblem(option: "--dpi", .numberOutsideRange(Message.excerpt(text), low: Int(range.lowerBound), high: Int(range.upperBound)))
    }
}

/// How many reports to render at once: 1 to 64.
public struct JobCount: Hashable, Sendable {
    public static let range = 1...64
    public let value: Int

    /// The count `text` gives, or why it gives none.
    public static func parse(_ text: String) -> Result<JobCount, ArgumentProblem> {
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
            return .failure(ArgumentProblem(option: "-j", .numberOutsideRange(Message.excerpt(text), low: range.lowerBound,
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
            return .failure(ArgumentProblem(option: "--limit", .limitSettingUnknown(Message.excerpt(setting), names: names,
                                                                                     suggestion: Suggestion.closest(to: parts.first ?? "", among: names))))
        }
        guard let value = Int(parts[1]), value > 0 else {
            return .failure(ArgumentProblem(option: "--limit", .limitSettingNotPositive(name: name.rawValue, found: Message.excerpt(parts[1]))))
        }
        return .success(LimitSetting(name: name, value: value))
    }
}
