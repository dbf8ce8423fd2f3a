// Text with placeholders and mustache sections: parsed and checked by Mawjaz (names may be Arabic), rendered by
// swift-mustache, every value escaped so that data can never become markup.
import Foundation
import MawjazData
import MawjazLanguage
import Mustache

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

    /// Parses `{{name}}`, `{{{name}}}`, `{{! comment}}` and sections; sections must close in order.
    init(parsing text: String) throws(Problem) {
        var stack: [(name: String, inverted: Bool, nodes: [Node])] = [("", false, [])]
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if !rest[..<open.lowerBound].isEmpty { stack[stack.count - 1].nodes.append(.text(String(rest[..<open.lowerBound]))) }
            let triple = rest[open.upperBound...].hasPrefix("{")
            let closing = triple ? "}}}" : "}}"
            let bodyStart = triple ? rest.index(after: open.upperBound) : open.upperBound
            guard let close = rest[bodyStart...].range(of: closing) else {
                throw Problem(message: .placeholderNotClosed(closing: closing))
            }
            let tag = rest[bodyStart..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if triple { throw Problem(message: .unescapedValue(written: "{{{\(tag)}}}")) }
            guard let sigil = tag.first else { throw Problem(message: .emptyPlaceholder) }
            let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "!":
                stack[stack.count - 1].nodes.append(.comment)
            case "#", "^":
                guard !name.isEmpty else { throw Problem(message: .sectionNeedsName) }
                stack.append((name, sigil == "^", []))
            case "/":
                guard stack.count > 1, let open = stack.last, open.name == name else {
                    throw Problem(message: stack.count > 1 ? .sectionClosesOther(name, open: stack[stack.count - 1].name) : .sectionNeverOpened(name))
                }
                stack.removeLast()
                stack[stack.count - 1].nodes.append(.section(open.name, inverted: open.inverted, open.nodes))
            case "&", "{", ">", "=", "%", "$", "<":
                if sigil == "&" || sigil == "{" {
                    throw Problem(message: .unescapedValue(written: "{{\(tag)}}"))
                }
                throw Problem(message: .unsupportedTag(tag))
            default:
                stack[stack.count - 1].nodes.append(.value(tag))
            }
        }
        if !rest.isEmpty { stack[stack.count - 1].nodes.append(.text(String(rest))) }
        guard stack.count == 1 else { throw Problem(message: .sectionNeverClosed(stack[stack.count - 1].name)) }
        nodes = stack[0].nodes
    }

    /// Whether `text` may hold a placeholder (a byte scan: most text has none).
    static func mayHoldPlaceholder(_ text: String) -> Bool {
        var previousBrace = false
        for byte in text.utf8 {
            if byte == 0x7B { if previousBrace { return true }; previousBrace = true } else { previousBrace = false }
        }
        return false
    }
}

/// What a name in a template stands for.
enum TemplateValue {
    /// Text, already written in the document's numerals.
    case text(String)
    /// A list a section repeats over, each item a set of named texts.
    case list([[String: String]])
}

extension TextTemplate {
    /// Renders the template: every name resolved by `resolve` (which reports unknown names) in the scopes of the
    /// sections around it, values escaped with `escape`. Names are mapped to plain keys, since swift-mustache only
    /// reads ASCII names and report names may be Arabic.
    func render(resolve: (String, _ itemFields: Set<String>) -> TemplateValue?, escapingMarkup: Bool) -> String {
        var context: [String: Any] = [:]
        var counter = 0
        func key() -> String { counter += 1; return "k\(counter)" }
        func compile(_ nodes: [Node], fields: Set<String>) -> String {
            var output = ""
            for node in nodes {
                switch node {
                case .text(let text):
                    output += text
                case .comment:
                    continue
                case .value(let name):
                    if fields.contains(name) { output += "{{\(name)}}"; continue }
                    guard case .text(let value)? = resolve(name, fields) else { continue }
                    let slot = key()
                    context[slot] = value
                    output += "{{\(slot)}}"
                case .section(let name, let inverted, let body):
                    let slot = key()
                    var itemFields = fields
                    switch resolve(name, fields) {
                    case .list(let items)?:
                        context[slot] = items
                        itemFields.formUnion(items.first.map { Set($0.keys) } ?? [])
                    case .text(let value)?:
                        context[slot] = !value.isEmpty
                    case nil:
                        continue
                    }
                    output += "{{\(inverted ? "^" : "#")\(slot)}}" + compile(body, fields: itemFields) + "{{/\(slot)}}"
                }
            }
            return output
        }
        let source = compile(nodes, fields: [])
        Self.registerMarkupEscaping
        let pragma = escapingMarkup ? "{{% CONTENT_TYPE: MAWJAZ_MARKUP}}" : "{{% CONTENT_TYPE: TEXT}}"
        guard let template = try? MustacheTemplate(string: pragma + source) else { return source }
        return template.render(context)
    }

    /// Registers, once, the content type that escapes inline markup in values.
    private static let registerMarkupEscaping: Void = {
        MustacheContentTypes.register(MarkupEscaping(), named: "MAWJAZ_MARKUP")
    }()
}

/// Escapes the characters of Mawjaz's inline markup with a backslash, so a value is always read as plain text.
struct MarkupEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { [0x2A, 0x5F, 0x5B, 0x5D, 0x5C, 0x28, 0x29].contains($0) }) else { return text }
        var escaped = ""
        for character in text {
            if "*_[]\\()".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
