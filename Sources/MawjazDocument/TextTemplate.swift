// Text with placeholders and mustache sections: parsed, checked and expanded by Mawjaz (names may be Arabic), every
// value escaped so that data can never become markup, and every expansion counted against the report's limits.
import Foundation
import MawjazData
import MawjazFrame
import MawjazLanguage

/// A piece of report text that may hold `{{name}}` placeholders and `{{#list}}…{{/list}}` / `{{^list}}…{{/list}}`
/// sections.
struct TextTemplate {
    indirect enum Node: Equatable {
        case text(String)
        case value(String)
        case section(String, inverted: Bool, [Node])
        case comment
    }

    /// Why a text is not a valid template.
    struct Problem: Error { var message: Message }

    let nodes: [Node]

    /// Parses `{{name}}`, `{{! comment}}` and sections, nested at most `depthLimit` deep; sections must close in
    /// order. A section or comment tag alone on its line takes the line with it, as in mustache.
    init(parsing text: String, depthLimit: Int = Limits().sectionDepth) throws(Problem) {
        var stack: [(name: String, inverted: Bool, nodes: [Node])] = [("", false, [])]
        var rest = Substring(text)
        var afterTag = false
        while let open = rest.range(of: "{{") {
            var before = rest[..<open.lowerBound]
            let triple = rest[open.upperBound...].hasPrefix("{")
            let closing = triple ? "}}}" : "}}"
            let bodyStart = triple ? rest.index(after: open.upperBound) : open.upperBound
            guard let close = rest[bodyStart...].range(of: closing) else {
                throw Problem(message: .placeholderNotClosed(closing: closing))
            }
            let tag = rest[bodyStart..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if triple { throw Problem(message: .unescapedValue(written: "{{{\(Message.excerpt(tag))}}}")) }
            guard let sigil = tag.first else { throw Problem(message: .emptyPlaceholder) }
            if "#^/!".contains(sigil) { Self.dropStandaloneLine(before: &before, after: &rest, afterTag: afterTag) }
            if !before.isEmpty { stack[stack.count - 1].nodes.append(.text(String(before))) }
            afterTag = true
            let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "!":
                stack[stack.count - 1].nodes.append(.comment)
            case "#", "^":
                guard !name.isEmpty else { throw Problem(message: .sectionNeedsName) }
                guard stack.count <= depthLimit else {
                    throw Problem(message: .sectionsTooDeep(limit: depthLimit))
                }
                stack.append((name, sigil == "^", []))
            case "/":
                guard stack.count > 1, let open = stack.last, open.name == name else {
                    throw Problem(message: stack.count > 1 ? .sectionClosesOther(Message.excerpt(name), open: Message.excerpt(stack[stack.count - 1].name))
                                                           : .sectionNeverOpened(Message.excerpt(name)))
                }
                stack.removeLast()
                stack[stack.count - 1].nodes.append(.section(open.name, inverted: open.inverted, open.nodes))
            case "&", "{", ">", "=", "%", "$", "<":
                if sigil == "&" || sigil == "{" {
                    throw Problem(message: .unescapedValue(written: "{{\(Message.excerpt(tag))}}"))
                }
                throw Problem(message: .unsupportedTag(Message.excerpt(tag)))
            default:
                stack[stack.count - 1].nodes.append(.value(tag))
            }
        }
        if !rest.isEmpty { stack[stack.count - 1].nodes.append(.text(String(rest))) }
        guard stack.count == 1 else {
            throw Problem(message: .sectionNeverClosed(Message.excerpt(stack[stack.count - 1].name)))
        }
        nodes = stack[0].nodes
    }

    /// When only blanks surround a tag on its line, removes them and the line break after it.
    private static func dropStandaloneLine(before: inout Substring, after: inout Substring, afterTag: Bool) {
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) }
        guard lineStart != nil || !afterTag else { return }
        let lead = before[(lineStart ?? before.startIndex)...]
        guard lead.allSatisfy({ $0 == " " || $0 == "\t" }) else { return }
        let lineEnd = after.firstIndex(of: "\n")
        let trail = after[..<(lineEnd ?? after.endIndex)]
        guard trail.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }), lineStart != nil || lineEnd != nil else { return }
        before = before[..<(lineStart ?? before.startIndex)]
        after = after[(lineEnd.map { after.index(after: $0) } ?? after.endIndex)...]
    }

    /// Whether `text` may hold a placeholder (a byte scan: most text has none).
    static func mayHoldPlaceholder(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            var previousBrace = false
            for byte in bytes {
                if byte == 0x7B { if previousBrace { return true }; previousBrace = true } else { previousBrace = false }
            }
            return false
        }
    }
}

/// What a name in a template stands for.
enum TemplateValue {
    /// Text, already written in the document's numerals.
    case text(String)
    /// A list a section repeats over, each item a set of named texts.
    case list([[String: String]])
}

/// What expanding a report's text may still spend: one budget for all its texts.
struct ExpansionBudget {
    let limits: Limits
    private(set) var characters = 0
    private(set) var steps = 0
    /// Why the expansion stopped, once a limit is passed.
    private(set) var exceeded: Message?

    init(limits: Limits) { self.limits = limits }

    /// Counts `count` characters produced; false once past the limit.
    mutating func produce(_ count: Int) -> Bool {
        characters += count
        if characters > limits.expansionCharacters, exceeded == nil {
            exceeded = .expansionPastLimit(name: Limits.Name.expansionCharacters.rawValue, limit: limits.expansionCharacters)
        }
        return exceeded == nil
    }

    /// Counts one placeholder filled or one section item entered; false once past the limit.
    mutating func step() -> Bool {
        steps += 1
        if steps > limits.expansionSteps, exceeded == nil {
            exceeded = .expansionPastLimit(name: Limits.Name.expansionSteps.rawValue, limit: limits.expansionSteps)
        }
        return exceeded == nil
    }
}

extension TextTemplate {
    /// A template with every name outside the items of the sections around it already resolved.
    private indirect enum Bound {
        case text(String)
        /// A field of the items of an enclosing list, looked up while expanding.
        case field(String)
        case list([[String: String]], inverted: Bool, [Bound])
        case condition(Bool, [Bound])
        case fieldCondition(String, inverted: Bool, [Bound])
    }

    /// Expands the template: every name resolved once by `resolve` (which reports unknown names) in the scopes of the
    /// sections around it, values escaped with `escape`, and every character and step counted against `budget`.
    /// Nil once the budget is spent.
    func render(resolve: (String, _ itemFields: Set<String>) -> TemplateValue?, escape: (String) -> String,
                budget: inout ExpansionBudget) -> String? {
        func bind(_ nodes: [Node], fields: Set<String>) -> [Bound] {
            nodes.compactMap { node -> Bound? in
                switch node {
                case .text(let text): return .text(text)
                case .comment: return nil
                case .value(let name):
                    if fields.contains(name) { return .field(name) }
                    guard case .text(let value)? = resolve(name, fields) else { return nil }
                    return .text(escape(value))
                case .section(let name, let inverted, let body):
                    if fields.contains(name) { return .fieldCondition(name, inverted: inverted, bind(body, fields: fields)) }
                    switch resolve(name, fields) {
                    case .list(let items)?:
                        return .list(items, inverted: inverted, bind(body, fields: fields.union(items.first.map { Set($0.keys) } ?? [])))
                    case .text(let value)?:
                        return .condition(value.isEmpty == inverted, bind(body, fields: fields))
                    case nil:
                        return nil
                    }
                }
            }
        }
        var output = ""
        var scopes: [[String: String]] = []
        func expand(_ nodes: [Bound]) -> Bool {
            for node in nodes {
                switch node {
                case .text(let text):
                    guard budget.produce(text.unicodeScalars.count) else { return false }
                    output += text
                case .field(let name):
                    guard budget.step() else { return false }
                    let value = escape(scopes.last { $0[name] != nil }?[name] ?? "")
                    guard budget.produce(value.unicodeScalars.count) else { return false }
                    output += value
                case .list(let items, let inverted, let body):
                    if inverted {
                        if items.isEmpty, !expand(body) { return false }
                        continue
                    }
                    for item in items {
                        guard budget.step() else { return false }
                        scopes.append(item)
                        defer { scopes.removeLast() }
                        guard expand(body) else { return false }
                    }
                case .condition(let holds, let body):
                    if holds, !expand(body) { return false }
                case .fieldCondition(let name, let inverted, let body):
                    let value = scopes.last { $0[name] != nil }?[name] ?? ""
                    if value.isEmpty == inverted, !expand(body) { return false }
                }
            }
            return true
        }
        return expand(bind(nodes, fields: [])) ? output : nil
    }
}

/// Escapes the characters of Mawjaz's inline markup with a backslash, so a value is always read as plain text.
enum MarkupEscaping {
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { [0x2A, 0x5F, 0x5B, 0x5D, 0x5C, 0x28, 0x29].contains($0) }) else { return text }
        var escaped = ""
        for character in text {
            if "*_[]\\()".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
