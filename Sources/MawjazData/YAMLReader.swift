// Reads YAML (and JSON, its subset) into located nodes and typed values, collecting every problem.
import Foundation
import MawjazFrame
import MawjazLanguage
import Yams

/// A YAML node with the place it was written, for messages that point at the line and column.
package struct LocatedNode {
    package let node: Node
    package let location: SourceLocation
    /// The dotted path of the node from the document root (`body[2].chart.by`), for messages.
    package let path: String
}

/// Decodes a YAML document into typed values, recording a diagnostic for each problem instead of stopping.
///
/// Limits protect against hostile input: the file's size, how deep it nests, and how many nodes are
/// visited (aliases can make a small file expand without bound).
package struct YAMLReader {
    /// The file the document came from, as messages name it.
    package let file: String
    /// Problems found so far.
    package var log = DiagnosticLog()
    /// The largest file read, in bytes.
    package static let sizeLimit = 4 << 20
    /// The deepest nesting of mappings and sequences accepted.
    package static let depthLimit = 64
    /// The most nodes visited in one document, aliases expanded.
    package static let nodeLimit = 200_000
    /// Where the files the document names are read from.
    package var files: FileSource
    private var visited = 0

    package init(file: String, files: FileSource = .disk) {
        self.file = file
        self.files = files
    }

    /// Reads and parses a file; nil (with a diagnostic) when it cannot be read or parsed.
    package mutating func load(contentsOf url: URL) -> LocatedNode? {
        guard let data = readFile(url, what: .file) else { return nil }
        return parse(data)
    }

    /// Reads and parses a file the document names (resolved by `files.resolve(_:against:)`), from the disk or memory.
    package mutating func load(named path: String, what: FileKind, at location: SourceLocation? = nil) -> LocatedNode? {
        guard let data = readNamedFile(path, what: what, at: location) else { return nil }
        return parse(data)
    }

    /// Parses UTF-8 bytes; nil (with a diagnostic) when they are not UTF-8 or do not parse.
    package mutating func parse(_ data: Data) -> LocatedNode? {
        guard let text = String(data: data, encoding: .utf8) else {
            log.error(SourceLocation(file: file, line: Self.firstInvalidUTF8Line(data)), .fileNotUTF8)
            return nil
        }
        return parse(text)
    }

    /// Reads a file the document names, already resolved by `files.resolve(_:against:)`: from the disk, or from the
    /// files supplied in memory; nil with a diagnostic (at `location`) when it cannot be had.
    package mutating func readNamedFile(_ path: String, what: FileKind, limit: Int = YAMLReader.sizeLimit,
                                       at location: SourceLocation? = nil) -> Data? {
        guard !files.isDisk else { return readFile(URL(fileURLWithPath: path), what: what, limit: limit, at: location) }
        switch files.supplied(path, limit: limit) {
        case .success(let bytes): return bytes
        case .failure(let problem):
            log.error(location ?? SourceLocation(file: file), problem.message(about: what))
            return nil
        }
    }

    /// Reads a file's bytes, with a diagnostic naming the path when it is missing, unreadable or too large, placed at
    /// `location` (where the file was named) or else at the top of this reader's file.
    package mutating func readFile(_ url: URL, what: FileKind, limit: Int = YAMLReader.sizeLimit, at location: SourceLocation? = nil) -> Data? {
        let path = url.path
        let place = location ?? SourceLocation(file: file)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            log.error(place, .fileMissing(what, path: path))
            return nil
        }
        guard !isFolder.boolValue else {
            log.error(place, .fileIsFolder(what, path: path))
            return nil
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            log.error(place, .fileNotReadable(what, path: path))
            return nil
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= limit else {
            log.error(place, .fileTooLarge(what, path: path, size: size, limit: limit))
            return nil
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            log.error(place, .fileReadFailed(what, path: path, reason: error.localizedDescription))
            return nil
        }
    }

    /// Parses YAML text; nil (with a diagnostic) when it does not parse or is empty.
    package mutating func parse(_ text: String) -> LocatedNode? {
        if let (line, column) = Self.excessiveNesting(in: text) {
            log.error(SourceLocation(file: file, line: line, column: column),
                      .nestingTooDeep(limit: Self.depthLimit))
            return nil
        }
        do {
            // UTF-8 named, not `.default`, which reads the whole environment (YAMS_DEFAULT_ENCODING) on every call.
            guard let root = try Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8) else {
                log.error(SourceLocation(file: file, line: 1, column: 1), .documentEmpty)
                return nil
            }
            return LocatedNode(node: root, location: location(of: root), path: "")
        } catch let error as YamlError {
            log.append(contentsOf: [Self.diagnostic(for: error, file: file)])
        } catch {
            log.error(SourceLocation(file: file), .cannotParse(detail: "\(error)"))
        }
        return nil
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func located(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> Diagnostic {
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return Diagnostic(.error, at: SourceLocation(file: file, line: mark.line, column: mark.column), .cannotParse(detail: detail))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _): return located(mark, problem, context)
        case .parser(let context, let problem, let mark, _): return located(mark, problem, context)
        case .composer(let context, let problem, let mark, _): return located(mark, problem, context)
        case .reader(let problem, let offset, _, let yaml):
            let line = offset.map { yaml.utf8.prefix($0).filter { $0 == 0x0A }.count + 1 } ?? 0
            return Diagnostic(.error, at: SourceLocation(file: file, line: line), .cannotRead(detail: problem))
        default:
            return Diagnostic(.error, at: SourceLocation(file: file), .cannotParse(detail: "\(error)"))
        }
    }

    /// The line and column where flow brackets or block indentation first go deeper than the limit
    /// (block nesting needs at least one column of indentation per level).
    static func excessiveNesting(in text: String) -> (Int, Int)? {
        var depth = 0, line = 1, column = 0, indentation = 0
        var quote: UInt8? = nil, comment = false, atLineStart = true
        for byte in text.utf8 {
            if byte == 0x0A {
                line += 1; column = 0; comment = false; atLineStart = true; indentation = 0
                continue
            }
            if byte & 0xC0 != 0x80 { column += 1 }
            if atLineStart {
                if byte == 0x20 || byte == 0x2D { indentation += 1; continue }
                atLineStart = false
                if indentation > depthLimit * 4 { return (line, column) }
            }
            if comment { continue }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case 0x22, 0x27: quote = byte
            case 0x23: comment = true
            case 0x5B, 0x7B:
                depth += 1
                if depth > depthLimit { return (line, column) }
            case 0x5D, 0x7D: depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        for index in data.indices where data[index] == 0x0A {
            if String(data: data[start..<index], encoding: .utf8) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }

    // MARK: - Locations and paths

    /// Where `node` was written.
    package func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// The child node at `key` of a mapping, located.
    package func child(_ node: Node, key: String, of parent: LocatedNode) -> LocatedNode {
        LocatedNode(node: node, location: location(of: node), path: parent.path.isEmpty ? key : "\(parent.path).\(key)")
    }

    // MARK: - Typed reading

    /// Counts a visited node; false (with one diagnostic) once the node budget is spent.
    private mutating func visit(_ node: LocatedNode) -> Bool {
        visited += 1
        if visited == Self.nodeLimit + 1 {
            log.error(node.location, field: node.path, .tooManyNodes(limit: Self.nodeLimit))
        }
        return visited <= Self.nodeLimit
    }

    /// The pairs of a mapping, with unknown keys reported (and a did-you-mean); nil when it is not a mapping.
    package mutating func mapping(_ node: LocatedNode, allowedKeys: [String]? = nil) -> [(key: String, value: LocatedNode)]? {
        guard visit(node) else { return nil }
        guard case .mapping(let mapping) = node.node else {
            log.error(node.location, field: node.path, .expectedMapping(found: Self.kind(of: node.node)))
            return nil
        }
        var pairs: [(key: String, value: LocatedNode)] = []
        var seen = Set<String>()
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let key) = keyNode else {
                log.error(location(of: keyNode), field: node.path, .keyNotText)
                continue
            }
            let name = key.string
            if let allowed = allowedKeys, !allowed.contains(name) {
                log.error(location(of: keyNode), field: node.path.isEmpty ? name : "\(node.path).\(name)",
                          .unknownKey(name, suggestion: Suggestion.closest(to: name, among: allowed)))
                continue
            }
            guard seen.insert(name).inserted else {
                log.error(location(of: keyNode), field: node.path, .duplicateKey(name))
                continue
            }
            pairs.append((name, child(valueNode, key: name, of: node)))
        }
        return pairs
    }

    /// The items of a sequence; nil when it is not a sequence.
    package mutating func sequence(_ node: LocatedNode) -> [LocatedNode]? {
        guard visit(node) else { return nil }
        guard case .sequence(let sequence) = node.node else {
            log.error(node.location, field: node.path, .expectedList(found: Self.kind(of: node.node)))
            return nil
        }
        return sequence.enumerated().map { index, item in
            LocatedNode(node: item, location: location(of: item), path: "\(node.path)[\(index)]")
        }
    }

    /// A scalar as text; nil when it is a mapping or list, or null.
    package mutating func string(_ node: LocatedNode, allowEmpty: Bool = false) -> String? {
        guard visit(node) else { return nil }
        guard case .scalar(let scalar) = node.node else {
            log.error(node.location, field: node.path, .expectedText(found: Self.kind(of: node.node)))
            return nil
        }
        if scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(scalar.string) || (!allowEmpty && scalar.string.isEmpty) {
            log.error(node.location, field: node.path, .expectedText(found: .nothing))
            return nil
        }
        return scalar.string
    }

    /// A whole number within `range`, Arabic-Indic digits accepted.
    package mutating func integer(_ node: LocatedNode, in range: ClosedRange<Int>) -> Int? {
        guard let text = string(node) else { return nil }
        guard let value = Int(Digits.toASCII(text.trimmingSpaces())) else {
            log.error(node.location, field: node.path, .expectedWholeNumber(found: text))
            return nil
        }
        guard range.contains(value) else {
            log.error(node.location, field: node.path, .integerOutOfRange(value, low: range.lowerBound, high: range.upperBound))
            return nil
        }
        return value
    }

    /// A number within `range`, Arabic-Indic digits and separators accepted.
    package mutating func number(_ node: LocatedNode, in range: ClosedRange<Double>) -> Double? {
        guard let text = string(node) else { return nil }
        guard let value = Double(Digits.toASCII(text.trimmingSpaces())), value.isFinite else {
            log.error(node.location, field: node.path, .expectedNumber(found: text))
            return nil
        }
        guard range.contains(value) else {
            log.error(node.location, field: node.path, .numberOutOfRange(text, low: range.lowerBound, high: range.upperBound))
            return nil
        }
        return value
    }

    /// `true`/`false` (also yes/no).
    package mutating func boolean(_ node: LocatedNode) -> Bool? {
        guard let text = string(node) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            log.error(node.location, field: node.path, .expectedBoolean(found: text))
            return nil
        }
    }

    /// One of an enumeration's raw values, with a did-you-mean when it is not.
    package mutating func choice<T: RawRepresentable & CaseIterable>(_ node: LocatedNode, as type: T.Type) -> T? where T.RawValue == String {
        guard let text = string(node) else { return nil }
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        log.error(node.location, field: node.path, .notOneOf(text, choices: names, suggestion: Suggestion.closest(to: text, among: names)))
        return nil
    }

    /// A date written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, checked against the calendar.
    package mutating func date(_ node: LocatedNode) -> CalendarDate? {
        guard let text = string(node) else { return nil }
        switch CalendarDate.parse(text) {
        case .success(let date): return date
        case .failure(let problem):
            log.error(node.location, field: node.path, problem.message)
            return nil
        }
    }

    /// A list of text items (a single text is taken as a list of one).
    package mutating func strings(_ node: LocatedNode) -> [String]? {
        if case .scalar = node.node { return string(node).map { [$0] } }
        guard let items = sequence(node) else { return nil }
        let values = items.compactMap { string($0, allowEmpty: true) }
        return values.count == items.count ? values : nil
    }

    /// Reports that a required key is missing from a mapping.
    package mutating func missing(_ key: String, in node: LocatedNode) {
        log.error(node.location, field: node.path.isEmpty ? key : "\(node.path).\(key)", .requiredKey(key))
    }

    static func kind(of node: Node) -> NodeKind {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? .nothing : .text(String(scalar.string.prefix(40)))
        case .mapping: return .mapping
        case .sequence: return .list
        case .alias: return .alias
        }
    }
}

extension LocatedNode {
    /// Whether the node is plain text (a scalar).
    package var isScalar: Bool { if case .scalar = node { return true } else { return false } }
    /// Whether the node is a mapping.
    package var isMapping: Bool { if case .mapping = node { return true } else { return false } }
    /// Whether the node is a list.
    package var isSequence: Bool { if case .sequence = node { return true } else { return false } }
}
