// Reads YAML (and JSON, its subset) into located nodes and typed values, collecting every problem.
import Foundation
import MawjazFrame
import MawjazLanguage
import Yams

/// A YAML node with the place it was written, for messages that point at the line and column.
package struct LocatedNode {
    package let node: YAMLNode
    package let location: SourceLocation
    /// Where the node sits in the document, spelled out as a path only when a message names it.
    fileprivate let place: DocumentPlace

    /// The dotted path of the node from the document root (`body[2].chart.by`), for messages.
    package var path: String { place.path }
}

/// A node's place in its document: the root, or a key or an item of the node above it. Every node read gets one, and
/// few are ever named in a message: building each node's path as a string (two appends, the index's digits) cost more
/// than reading most of the values.
private indirect enum DocumentPlace {
    case root
    case key(String, of: DocumentPlace)
    case item(Int, of: DocumentPlace)

    /// `body[2].chart.by`; empty for the root.
    var path: String {
        switch self {
        case .root: return ""
        case .key(let key, let parent):
            let above = parent.path
            return above.isEmpty ? key : "\(above).\(key)"
        case .item(let index, let parent): return "\(parent.path)[\(index)]"
        }
    }
}

/// Decodes a YAML document into typed values, recording a diagnostic for each problem instead of stopping.
///
/// Limits protect against hostile input: the file's size, how deep it nests, and how many nodes it holds — aliases
/// expanded, measured before Yams composes the text (`aliasProblem(in:)`), and counted again as nodes are visited.
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
    /// Asked before the text is composed (and before its aliases are measured) and every `nodesBetweenStopChecks` nodes
    /// visited: once raised, nothing more is read (the caller, who raised it, says why).
    package var stop = StopSignal.never
    /// How many nodes are visited between two questions to the stop signal.
    package static let nodesBetweenStopChecks = 1_024
    private var visited = 0
    /// UTF-8's byte order mark, which a file may open with.
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// The constructor the nodes are composed with. Mawjaz reads nodes, never Yams' values, so it needs none of the
    /// value constructors `Constructor.default` builds tables of on every call. Shared by every thread: its tables are
    /// constants (empty), set when it is made.
    private nonisolated(unsafe) static let constructor = Constructor([:], [:], [:])

    package init(file: String, files: FileSource = .disk) {
        self.file = file
        self.files = files
    }

    /// Reads and parses a file; nil (with a diagnostic) when it cannot be read or parsed. A file that cannot be read
    /// is reported at `location` (where it was named), if given.
    package mutating func load(contentsOf url: URL, namedAt location: SourceLocation? = nil) -> LocatedNode? {
        guard let data = readFile(url, what: .file, at: location) else { return nil }
        return parse(data)
    }

    /// Reads and parses a file the document names (resolved by `files.resolve(_:against:)`), from the disk or memory.
    package mutating func load(named path: String, what: FileKind, at location: SourceLocation? = nil) -> LocatedNode? {
        guard let data = readNamedFile(path, what: what, at: location) else { return nil }
        return parse(data)
    }

    /// Parses UTF-8 bytes, after a byte order mark if they open with one; nil (with a diagnostic) when they are not
    /// UTF-8 or do not parse.
    package mutating func parse(_ data: Data) -> LocatedNode? {
        // The standard library's validation, not Foundation's `String(data:encoding:)`, which reads the same (a byte
        // order mark dropped) at several times the cost.
        let body = data.starts(with: Self.byteOrderMark) ? data.dropFirst(Self.byteOrderMark.count) : data[...]
        guard let text = String(validating: body, as: UTF8.self) else {
            let (line, column) = Self.firstInvalidUTF8(data)
            log.error(SourceLocation(file: file, line: line, column: column), .fileNotUTF8)
            return nil
        }
        return parse(text)
    }

    /// Reads a file the document names, already resolved by `files.resolve(_:against:)`: from the disk, or from the
    /// files supplied in memory; nil with a diagnostic (at `location`, in `field`) when it cannot be had.
    /// The same limits apply to both; `limitName` names the limit `limit` is, when a report may raise it.
    package mutating func readNamedFile(_ path: String, what: FileKind, limit: Int = YAMLReader.sizeLimit,
                                       limitName: Limits.Name? = nil, at location: SourceLocation? = nil,
                                       field: String? = nil) -> Data? {
        guard !files.isDisk else {
            return readFile(URL(fileURLWithPath: path), what: what, limit: limit, limitName: limitName, at: location, field: field)
        }
        switch files.supplied(path, limit: limit) {
        case .success(let bytes): return bytes
        case .failure(let problem):
            log.error(location ?? SourceLocation(file: file), field: field, problem.message(about: what, limitName: limitName))
            return nil
        }
    }

    /// Reads a file's bytes, with a diagnostic naming the path when it is missing, unreadable or too large, placed at
    /// `location` (where the file was named) or else at the top of this reader's file. `limitName` names the limit
    /// that `limit` is, when a report may raise it; in `field`, the field that names the file.
    package mutating func readFile(_ url: URL, what: FileKind, limit: Int = YAMLReader.sizeLimit, limitName: Limits.Name? = nil,
                                   at location: SourceLocation? = nil, field: String? = nil) -> Data? {
        let place = location ?? SourceLocation(file: file)
        do {
            return Data(try InputFile.read(url, limit: limit))
        } catch {
            log.error(place, field: field, error.message(what, path: url.path, limitName: limitName))
            return nil
        }
    }

    /// Parses YAML text; nil (with a diagnostic) when it does not parse or is empty.
    package mutating func parse(_ text: String) -> LocatedNode? {
        // One pass rules out both checks for most text; each then reads the text again only where it may find something.
        let scan = text.withUTF8Bytes(Self.quickScan)
        if scan.mayHoldForbidden, let (line, column, scalar) = text.withUTF8Bytes(Self.firstForbiddenCharacter(in:)) {
            log.error(SourceLocation(file: file, line: line, column: column),
                      .forbiddenCharacter(codePoint: String(format: "%04X", scalar.value)))
            return nil
        }
        if scan.mayNestTooDeep, let (line, column) = text.withUTF8Bytes(Self.excessiveNesting(in:)) {
            log.error(SourceLocation(file: file, line: line, column: column),
                      .nestingTooDeep(limit: Self.depthLimit))
            return nil
        }
        guard !stop.isRaised else { return nil }
        if let (line, column, message) = Self.aliasProblem(in: text) {
            log.error(SourceLocation(file: file, line: line, column: column), message)
            return nil
        }
        guard !stop.isRaised else { return nil }
        let root: YAMLNode
        switch YAMLNode.compose(text) {
        case .root(let node): root = node
        case .empty:
            log.error(SourceLocation(file: file, line: 1, column: 1), .documentEmpty)
            return nil
        case .needsYams:
            guard let node = composeWithYams(text) else { return nil }
            root = node
        }
        return LocatedNode(node: root, location: location(of: root), place: .root)
    }

    /// The document as Yams composes it, for what libyaml's events alone cannot say as Yams does (its errors, aliases,
    /// keys written again); nil with a diagnostic when it does not compose or is empty.
    private mutating func composeWithYams(_ text: String) -> YAMLNode? {
        do {
            // UTF-8 named, not `.default`, which reads the whole environment (YAMS_DEFAULT_ENCODING) on every call.
            guard let root = try Yams.compose(yaml: text, Resolver.basic, Self.constructor, .utf8) else {
                log.error(SourceLocation(file: file, line: 1, column: 1), .documentEmpty)
                return nil
            }
            return YAMLNode(root)
        } catch let error as YamlError {
            log.append(contentsOf: [Self.diagnostic(for: error, file: file, text: text)])
        } catch {
            log.error(SourceLocation(file: file), .cannotParse(detail: Message.excerpt(String(describing: error))))
        }
        return nil
    }

    static func diagnostic(for error: YamlError, file: String, text: String) -> Diagnostic {
        func located(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> Diagnostic {
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return Diagnostic(.error, at: SourceLocation(file: file, line: mark.line, column: mark.column), .cannotParse(detail: detail))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _): return located(mark, problem, context)
        case .parser(let context, let problem, let mark, _): return located(mark, problem, context)
        case .composer(let context, let problem, let mark, _): return located(mark, problem, context)
        case .reader(let problem, let offset, _, let yaml):
            let (line, column) = offset.map { position(ofByte: $0, in: yaml) } ?? (1, 1)
            return Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), .cannotRead(detail: problem))
        case .duplicatedKeysInMapping(let keys, let context):
            let key = Message.excerpt(keys.first ?? "")
            let first = context.mark
            guard let second = secondKey(keys.first ?? "", after: first, in: text) else {
                return Diagnostic(.error, at: SourceLocation(file: file, line: first.line, column: first.column), .duplicateKey(key))
            }
            return Diagnostic(.error, at: SourceLocation(file: file, line: second.line, column: second.column),
                              .duplicateKeyAt(key, firstLine: first.line))
        default:
            return Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1),
                              .cannotParse(detail: Message.excerpt(String(describing: error))))
        }
    }

    /// What one pass over a text's bytes rules out, for most text both: a character YAML does not allow
    /// (`firstForbiddenCharacter`), where no byte can begin one; nesting too deep (`excessiveNesting`), which needs more
    /// opening brackets than the limit or a run of spaces and dashes longer than four times it.
    struct QuickScan {
        var mayHoldForbidden: Bool
        var mayNestTooDeep: Bool
    }

    /// The quick pass of `QuickScan`, each byte's part in it read from a table (`quickRoles`): the two checks' own passes,
    /// each comparing every byte with several values, cost some 30 instructions a byte of the report (0.2 M for the
    /// 3-page brief, 1.9 M for the 21-page one).
    static func quickScan(_ bytes: UnsafeBufferPointer<UInt8>) -> QuickScan {
        quickRoles.withUnsafeBufferPointer { roles in
            var seen: UInt8 = 0, brackets = 0, run = 0, longestRun = 0
            for byte in bytes {
                let role = roles[Int(byte)]
                seen |= role
                // Counts no larger than the text's bytes: added without overflow checks.
                if role & indents != 0 {
                    run &+= 1
                } else {
                    longestRun = max(longestRun, run)
                    run = 0
                    brackets &+= Int(role & opens)
                }
            }
            longestRun = max(longestRun, run)
            return QuickScan(mayHoldForbidden: seen & beginsForbidden != 0,
                             mayNestTooDeep: brackets > depthLimit || longestRun > depthLimit * 4)
        }
    }

    /// `quickRoles`' bits: an opening bracket or brace (1, so that a role adds it to a count), a space or dash of a
    /// block's indentation, a byte that may begin a forbidden character (the control bytes but tab, line feed and
    /// carriage return, 0x7F, and 0xC2 and 0xEF, which begin U+0080...U+009F and U+FFFE, U+FFFF).
    private static let opens: UInt8 = 1, indents: UInt8 = 2, beginsForbidden: UInt8 = 4
    private static let quickRoles: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x5B, 0x7B: opens
        case 0x20, 0x2D: indents
        case 0x09, 0x0A, 0x0D: 0
        case 0x00..<0x20, 0x7F, 0xC2, 0xEF: beginsForbidden
        default: 0
        }
    }

    /// The line and column where flow brackets or block indentation first go deeper than the limit
    /// (block nesting needs at least one column of indentation per level).
    static func excessiveNesting(in text: String) -> (Int, Int)? {
        text.withUTF8Bytes { bytes in quickScan(bytes).mayNestTooDeep ? excessiveNesting(in: bytes) : nil }
    }

    /// `excessiveNesting(in:)` of a text's bytes, read whole (no quick pass first).
    private static func excessiveNesting(in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        // The full pass tracks no line or column (they are counted once, for the byte that is too deep), and passes
        // over a comment, a quoted stretch and plain bytes that change nothing in tight loops of their own.
        var depth = 0, indentation = 0, index = 0
        var quote: UInt8 = 0, comment = false, atLineStart = true
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                comment = false; atLineStart = true; indentation = 0
                index += 1
                continue
            }
            if atLineStart {
                if byte == 0x20 || byte == 0x2D { indentation += 1; index += 1; continue }
                atLineStart = false
                if indentation > depthLimit * 4 { return place(ofByte: index, in: bytes) }
            }
            if comment {
                while index < count, bytes[index] != 0x0A { index += 1 }
                continue
            }
            if quote != 0 {
                while index < count, bytes[index] != quote, bytes[index] != 0x0A { index += 1 }
                if index < count, bytes[index] == quote { quote = 0; index += 1 }
                continue
            }
            switch byte {
            case 0x22, 0x27: quote = byte
            case 0x23: comment = true
            case 0x5B, 0x7B:
                depth += 1
                if depth > depthLimit { return place(ofByte: index, in: bytes) }
            case 0x5D, 0x7D: depth = max(0, depth - 1)
            default:
                // Up to the next byte that can matter.
                index += 1
                while index < count, !Self.mattersToNesting(bytes[index]) { index += 1 }
                continue
            }
            index += 1
        }
        return nil
    }

    /// Whether `byte` may change the nesting check's state outside a comment or quote and the start of a line: a line
    /// feed, a quote, a comment's `#`, a bracket or brace.
    private static func mattersToNesting(_ byte: UInt8) -> Bool {
        // Below 0x80: \n " # ' [ ] { }.
        byte < 0x80 && (byte < 0x40 ? (0x0000_008C_0000_0400 as UInt64) >> byte & 1 != 0
            : (0x2800_0000_2800_0000 as UInt64) >> (byte - 0x40) & 1 != 0)
    }

    /// The line and column (in characters) of the first byte of `data` that is not UTF-8.
    static func firstInvalidUTF8(_ data: Data) -> (Int, Int) {
        var line = 1, column = 1
        var bytes = data.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&bytes) {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    /// The first character YAML does not allow (NUL and other control characters, U+FFFE, U+FFFF), with its line
    /// and column. Read as UTF-8 (valid, as every Swift string): the forbidden characters are the single bytes below
    /// 0x20 but tab, line feed and carriage return, and 0x7F; C2 80...C2 9F but C2 85 (U+0080...U+009F but NEL); and
    /// EF BF BE, EF BF BF.
    static func firstForbiddenCharacter(in text: String) -> (Int, Int, Unicode.Scalar)? {
        text.withUTF8Bytes { bytes in quickScan(bytes).mayHoldForbidden ? firstForbiddenCharacter(in: bytes) : nil }
    }

    /// `firstForbiddenCharacter(in:)` of a text's bytes, read whole (no quick pass first).
    private static func firstForbiddenCharacter(in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Unicode.Scalar)? {
        var line = 1, column = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1; column = 0; index += 1; continue }
            if byte & 0xC0 != 0x80 { column += 1 }
            var forbidden: UInt32? = nil
            switch byte {
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F:
                forbidden = UInt32(byte)
            case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]) && bytes[index + 1] != 0x85:
                forbidden = UInt32(bytes[index + 1])
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] & 0xFE == 0xBE:
                forbidden = 0xFFFE + UInt32(bytes[index + 2] - 0xBE)
            default: break
            }
            if let value = forbidden, let scalar = Unicode.Scalar(value) { return (line, column, scalar) }
            index += 1
        }
        return nil
    }

    /// The line and column (in characters) of the byte at `offset` of `text`.
    static func position(ofByte offset: Int, in text: String) -> (Int, Int) {
        let before = String(decoding: text.utf8.prefix(offset), as: UTF8.self)
        let line = before.utf8.filter { $0 == 0x0A }.count + 1
        let column = before.unicodeScalars.reversed().prefix { $0 != "\n" }.count + 1
        return (line, column)
    }

    /// Where `key` is written a second time in the block or flow mapping whose first key `first` is, if it can be
    /// found: a later line indented like the first key, or later on the first key's line in a flow mapping.
    static func secondKey(_ key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let spellings = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.unicodeScalars) }
        // Whether `scalars` hold a spelling of the key, then a colon after spaces or tabs, from `start`: compared in
        // place, so that a long line with many keys is read once per key, not copied once per comma.
        func isKey<Scalars: Collection<Unicode.Scalar>>(_ scalars: Scalars, from start: Scalars.Index) -> Bool {
            spellings.contains { spelling in
                var index = start
                for scalar in spelling {
                    guard index < scalars.endIndex, scalars[index] == scalar else { return false }
                    index = scalars.index(after: index)
                }
                while index < scalars.endIndex, scalars[index] == " " || scalars[index] == "\t" { index = scalars.index(after: index) }
                return index < scalars.endIndex && scalars[index] == ":"
            }
        }
        // Later on the same line: a flow mapping.
        let firstLine = Array(lines[first.line - 1].unicodeScalars)
        var index = first.column
        while index < firstLine.count {
            if firstLine[index] == "," || firstLine[index] == "{" {
                var start = index + 1
                while start < firstLine.count, firstLine[start] == " " { start += 1 }
                if isKey(firstLine, from: start) { return (first.line, start + 1) }
            }
            index += 1
        }
        // Later lines at the first key's indentation, until the mapping ends.
        for number in first.line..<lines.count {
            let line = lines[number]
            let indentation = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indentation)
            if content.isEmpty || content.hasPrefix("#") { continue }
            let column = indentation + 1
            if column < first.column { return nil }
            if column == first.column, isKey(content.unicodeScalars, from: content.unicodeScalars.startIndex) { return (number + 1, column) }
        }
        return nil
    }

    // MARK: - Locations and paths

    /// Where `node` was written.
    package func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }

    /// The child node at `key` of a mapping, located.
    package func child(_ node: YAMLNode, key: String, of parent: LocatedNode) -> LocatedNode {
        LocatedNode(node: node, location: location(of: node), place: .key(key, of: parent.place))
    }

    // MARK: - Typed reading

    /// Whether more nodes were asked for than the node limit allows, or the stop signal was raised: what was read is
    /// then only part of the document.
    package var isOverNodeLimit: Bool { visited > Self.nodeLimit }

    /// Counts a visited node; false (with one diagnostic) once the node budget is spent, or (with none) once the stop
    /// signal is found raised.
    private mutating func visit(_ node: LocatedNode) -> Bool {
        guard visited <= Self.nodeLimit else { return false }
        visited += 1
        if visited % Self.nodesBetweenStopChecks == 0, stop.isRaised {
            visited = Self.nodeLimit + 2
            return false
        }
        if visited == Self.nodeLimit + 1 {
            log.error(node.location, field: node.path, .tooManyNodes(limit: Self.nodeLimit))
        }
        return visited <= Self.nodeLimit
    }

    /// The pairs of a mapping, with unknown keys reported (and a did-you-mean); nil when it is not a mapping.
    package mutating func mapping(_ node: LocatedNode, allowedKeys: [String]? = nil) -> [(key: String, value: LocatedNode)]? {
        guard visit(node) else { return nil }
        guard case .mapping(let mapping) = node.node.content else {
            log.error(node.location, field: node.path, .expectedMapping(found: Self.kind(of: node.node)))
            return nil
        }
        var pairs: [(key: String, value: LocatedNode)] = []
        pairs.reserveCapacity(mapping.count)
        var keys = KeySet()
        for pair in mapping {
            let keyNode = pair.key
            guard case .scalar(let name, _) = keyNode.content else {
                log.error(location(of: keyNode), field: node.path, .keyNotText)
                continue
            }
            if let allowed = allowedKeys, !allowed.contains(name) {
                log.error(location(of: keyNode), field: node.path.isEmpty ? name : "\(node.path).\(name)",
                          .unknownKey(Message.excerpt(name), suggestion: Suggestion.closest(to: name, among: allowed)))
                continue
            }
            guard keys.insert(name, among: pairs.lazy.map(\.key)) else {
                log.error(location(of: keyNode), field: node.path, .duplicateKey(Message.excerpt(name)))
                continue
            }
            pairs.append((name, child(pair.value, key: name, of: node)))
        }
        return pairs
    }

    /// The items of a sequence; nil when it is not a sequence.
    package mutating func sequence(_ node: LocatedNode) -> [LocatedNode]? {
        guard visit(node) else { return nil }
        guard case .sequence(let sequence) = node.node.content else {
            log.error(node.location, field: node.path, .expectedList(found: Self.kind(of: node.node)))
            return nil
        }
        return sequence.enumerated().map { index, item in
            LocatedNode(node: item, location: location(of: item), place: .item(index, of: node.place))
        }
    }

    /// A scalar as text; nil when it is a mapping or list, or null.
    package mutating func string(_ node: LocatedNode, allowEmpty: Bool = false) -> String? {
        guard visit(node) else { return nil }
        guard case .scalar(let text, let plain) = node.node.content else {
            log.error(node.location, field: node.path, .expectedText(found: Self.kind(of: node.node)))
            return nil
        }
        if plain && ["~", "null", "Null", "NULL"].contains(text) || (!allowEmpty && text.isEmpty) {
            log.error(node.location, field: node.path, .expectedText(found: .nothing))
            return nil
        }
        // An escaped NUL ("\0") would cut the text short where it reaches C.
        if text.containsUTF8(where: { $0 == 0 }) {
            log.error(node.location, field: node.path, .nulInText)
            return nil
        }
        return text
    }

    /// A whole number within `range`, Arabic-Indic digits accepted.
    package mutating func integer(_ node: LocatedNode, in range: ClosedRange<Int>) -> Int? {
        guard let text = string(node) else { return nil }
        guard let value = Int(Digits.toASCII(text.trimmingSpaces())) else {
            log.error(node.location, field: node.path, .expectedWholeNumber(found: Message.excerpt(text)))
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
            log.error(node.location, field: node.path, .expectedNumber(found: Message.excerpt(text)))
            return nil
        }
        guard range.contains(value) else {
            log.error(node.location, field: node.path, .numberOutOfRange(Message.excerpt(text), low: range.lowerBound, high: range.upperBound))
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
            log.error(node.location, field: node.path, .expectedBoolean(found: Message.excerpt(text)))
            return nil
        }
    }

    /// One of an enumeration's raw values, with a did-you-mean when it is not.
    package mutating func choice<T: RawRepresentable & CaseIterable>(_ node: LocatedNode, as type: T.Type) -> T? where T.RawValue == String {
        guard let text = string(node) else { return nil }
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        log.error(node.location, field: node.path, .notOneOf(Message.excerpt(text), choices: names, suggestion: Suggestion.closest(to: text, among: names)))
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
        if case .scalar = node.node.content { return string(node).map { [$0] } }
        guard let items = sequence(node) else { return nil }
        let values = items.compactMap { string($0, allowEmpty: true) }
        return values.count == items.count ? values : nil
    }

    /// Reports that a required key is missing from a mapping.
    package mutating func missing(_ key: String, in node: LocatedNode) {
        log.error(node.location, field: node.path.isEmpty ? key : "\(node.path).\(key)", .requiredKey(key))
    }

    static func kind(of node: YAMLNode) -> NodeKind {
        switch node.content {
        case .scalar(let text, _): return text.isEmpty ? .nothing : .text(String(text.prefix(40)))
        case .mapping: return .mapping
        case .sequence: return .list
        case .alias: return .alias
        }
    }
}

extension LocatedNode {
    /// Whether the node is plain text (a scalar).
    package var isScalar: Bool { if case .scalar = node.content { return true } else { return false } }
    /// Whether the node is a mapping.
    package var isMapping: Bool { if case .mapping = node.content { return true } else { return false } }
    /// Whether the node is a list.
    package var isSequence: Bool { if case .sequence = node.content { return true } else { return false } }
}
