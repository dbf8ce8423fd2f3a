// Aliases measured before they are expanded: how many nodes and how deep a document is, aliases counted as the nodes
// they stand for, from a copy of its text in which each alias is a plain placeholder.
import MawjazLanguage
import Yams

extension YAMLReader {
    /// Where and why a document with aliases would expand past the node limit or the depth limit, or nil.
    ///
    /// Yams composes an alias as the node it names, shared, so composing is cheap; but it hashes every mapping key, an
    /// alias expanded (`{? *bomb : 1}` of ten levels of ten aliases: seconds per level), and frees a chain of aliases
    /// each inside the next by recursion (30,000 lines of `- &aN {items: [*aN-1]}` ran out of stack). So the text Yams
    /// composes first is a copy in which every alias is a plain scalar starting with a character the text does not
    /// hold, at the alias's own line and column; the anchors it names are then measured, in document order as Yams
    /// resolves them, and only a document within the limits is composed as it is written. Text without an alias (most
    /// reports) skips all this.
    static func aliasProblem(in text: String) -> (line: Int, column: Int, message: Message)? {
        let aliases = aliasCandidates(in: text)
        guard !aliases.isEmpty, let placeholder = placeholder(for: text) else { return nil }
        var copy = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { copy.append(scalar == "*" ? placeholder : scalar) }
        let root: Node?
        let parser: Parser
        do {
            parser = try Parser(yaml: String(copy), resolver: .basic, constructor: .default, encoding: .utf8)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            // The copy differs from the text only where aliases were, so what breaks the copy breaks the text: its error
            // is the text's (the text itself is not composed: up to the break, it could expand aliases without limit).
            let diagnostic = diagnostic(for: error, file: "", text: String(copy))
            return (diagnostic.location.line, diagnostic.location.column, diagnostic.message)
        } catch {
            return (1, 1, .cannotParse(detail: Message.excerpt(String(describing: error))))
        }
        guard let root else { return nil }
        // The parser holds the anchors (nodes refer to theirs weakly) until the measure is done.
        return withExtendedLifetime(parser) {
            var measure = AliasMeasure(aliases: aliases, placeholder: placeholder)
            _ = measure.measure(root, depth: 1)
            return measure.problem
        }
    }

    /// The lines and columns (in characters, as Yams counts them) of each `*` that may start an alias: after a space,
    /// a line break, `[`, `{`, `,` or `:`, or at the start, and before an anchor's name. Some may be inside quotes or
    /// comments; all are replaced in the copy, where they change nothing that counts.
    private static func aliasCandidates(in text: String) -> Set<AliasPosition> {
        text.withUTF8Bytes { bytes in
            var positions = Set<AliasPosition>()
            guard bytes.contains(0x2A) else { return positions }
            var line = 1, column = 0
            var previous: UInt8 = 0x0A
            for index in bytes.indices {
                let byte = bytes[index]
                if byte & 0xC0 != 0x80 { column += 1 }
                if byte == 0x2A, [0x20, 0x09, 0x0D, 0x0A, 0x5B, 0x7B, 0x2C, 0x3A].contains(previous), index + 1 < bytes.count,
                   isAnchorCharacter(bytes[index + 1]) {
                    positions.insert(AliasPosition(line: line, column: column))
                }
                if byte == 0x0A { line += 1; column = 0 }
                previous = byte
            }
            return positions
        }
    }

    /// A character from the Private Use Area that `text` does not hold.
    private static func placeholder(for text: String) -> Unicode.Scalar? {
        let used = Set(text.unicodeScalars.lazy.filter { (0xE000...0xF8FF).contains($0.value) }.map(\.value))
        return (UInt32(0xE000)...0xF8FF).first { !used.contains($0) }.flatMap(Unicode.Scalar.init)
    }

    /// The characters an anchor's name is made of (libyaml's: ASCII letters and digits, `-` and `_`).
    static func isAnchorCharacter(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x5F
    }
}

/// Where an alias starts, as Yams marks a node.
struct AliasPosition: Hashable {
    let line: Int
    let column: Int
}

/// Measures a document composed with its aliases as placeholders: each node counts one, an alias the nodes of what it
/// names (as Yams resolves it: the last node given that anchor before the alias), until the count passes the node
/// limit or an alias puts a node deeper than the depth limit.
private struct AliasMeasure {
    let aliases: Set<AliasPosition>
    let placeholder: Unicode.Scalar
    /// Nodes met so far, aliases expanded.
    var total = 0
    /// The size and depth of the node last given each anchor.
    var anchors: [String: (size: Int, depth: Int)] = [:]
    var problem: (line: Int, column: Int, message: Message)?

    /// The nodes `node` stands for and how deep they go (1 for a scalar), counting them into `total`; `depth` is
    /// `node`'s own (1 for the root). Once there is a problem, the rest is not measured.
    mutating func measure(_ node: Node, depth: Int) -> (size: Int, depth: Int) {
        guard problem == nil else { return (0, 0) }
        var result = (size: 1, depth: 1)
        switch node {
        case .scalar(let scalar):
            if let mark = scalar.mark, aliases.contains(AliasPosition(line: mark.line, column: mark.column)), scalar.style == .plain,
               scalar.string.unicodeScalars.first == placeholder {
                let name = String(decoding: scalar.string.utf8.dropFirst(placeholder.utf8.count).prefix(while: YAMLReader.isAnchorCharacter),
                                  as: UTF8.self)
                // An alias of no anchor yet is Yams' error, at composing: count it as one node.
                result = anchors[name] ?? result
                total += result.size
                if depth - 1 + result.depth > YAMLReader.depthLimit {
                    problem = (mark.line, mark.column, .nestingTooDeep(limit: YAMLReader.depthLimit))
                } else if total > YAMLReader.nodeLimit {
                    problem = (mark.line, mark.column, .tooManyNodes(limit: YAMLReader.nodeLimit))
                }
            } else {
                total += 1
            }
        case .sequence(let sequence):
            total += 1
            for item in sequence { add(measure(item, depth: depth + 1), to: &result) }
        case .mapping(let mapping):
            total += 1
            for (key, value) in mapping {
                add(measure(key, depth: depth + 1), to: &result)
                add(measure(value, depth: depth + 1), to: &result)
            }
        case .alias:
            // Yams composes an alias as the node it names: never met.
            total += 1
        }
        if let anchor = node.anchor { anchors[anchor.rawValue] = result }
        return result
    }

    private func add(_ child: (size: Int, depth: Int), to result: inout (size: Int, depth: Int)) {
        result.size += child.size
        result.depth = max(result.depth, child.depth + 1)
    }
}
