// YAML nodes as the reader reads them, composed straight from libyaml's events; Yams composes what they cannot say.
internal import CYaml
import Yams

/// A node of a YAML document with the line and column it starts at (1-based; 0 when unknown).
package struct YAMLNode: Equatable {
    /// What a node holds.
    package enum Content: Equatable {
        /// A scalar's text, and whether it was written plain (not quoted, not a block scalar).
        case scalar(String, plain: Bool)
        /// A mapping's keys and values, in the order written.
        case mapping([Pair])
        /// A list's items.
        case sequence([YAMLNode])
        /// An alias left as one (Yams' composer gives every alias as the node it names, so only a node Yams made
        /// otherwise would be one).
        case alias
    }

    /// A key of a mapping and its value.
    package struct Pair: Equatable {
        package let key: YAMLNode
        package let value: YAMLNode
    }

    package let content: Content
    package let line: Int
    package let column: Int

    init(_ content: Content, line: Int, column: Int) {
        self.content = content
        self.line = line
        self.column = column
    }

    /// The node Yams composed, as the reader reads it.
    init(_ node: Node) {
        let line = node.mark?.line ?? 0, column = node.mark?.column ?? 0
        switch node {
        case .scalar(let scalar): self.init(.scalar(scalar.string, plain: scalar.style == .plain), line: line, column: column)
        case .mapping(let mapping):
            self.init(.mapping(mapping.map { Pair(key: YAMLNode($0.key), value: YAMLNode($0.value)) }), line: line, column: column)
        case .sequence(let sequence): self.init(.sequence(sequence.map(YAMLNode.init)), line: line, column: column)
        case .alias: self.init(.alias, line: line, column: column)
        }
    }

    /// What composing a document from libyaml's events gave.
    enum Composed {
        /// The text holds no document.
        case empty
        /// The document's root.
        case root(YAMLNode)
        /// What Yams must compose to say as it does: text libyaml stops at (Yams' error names the place), an alias
        /// (Yams gives the node it names), a key that is not text or two keys of the same text (Yams tells keys of
        /// different tags apart, and its error names both), or more than one document.
        case needsYams
    }

    /// The document `text` holds, composed from libyaml's events: each scalar's text decoded once, with no tags,
    /// anchors or events of Yams' own made for it (Yams' composing cost about three times libyaml's parsing).
    static func compose(_ text: String) -> Composed {
        text.withUTF8Bytes { bytes in
            guard let events = EventReader(bytes) else { return .needsYams }
            guard let first = events.next() else { return .needsYams }
            if first == YAML_STREAM_END_EVENT { return .empty }
            guard first == YAML_DOCUMENT_START_EVENT, events.next() != nil, let root = events.node(),
                  events.next() == YAML_DOCUMENT_END_EVENT, events.next() == YAML_STREAM_END_EVENT else { return .needsYams }
            return .root(root)
        }
    }
}

/// libyaml's parser over UTF-8 bytes, one event at a time.
private final class EventReader {
    // Not checked for exclusive access at run time (the reader is private to one composition, used by one thread): the
    // checks cost some 1,200 a document.
    @exclusivity(unchecked) private var parser = yaml_parser_t()
    @exclusivity(unchecked) private var event = yaml_event_t()

    /// A parser of `bytes`, past the stream's start; nil when libyaml cannot start or stops at once.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        guard next() == YAML_STREAM_START_EVENT else { return nil }
    }

    deinit {
        yaml_event_delete(&event)
        yaml_parser_delete(&parser)
    }

    /// The next event's type; nil when libyaml stops at an error.
    func next() -> yaml_event_type_t? {
        yaml_event_delete(&event)
        guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
        return event.type
    }

    /// The node the current event starts, read to its last event; nil when Yams must compose the document.
    func node() -> YAMLNode? {
        let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            var bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            // Yams decodes through Foundation's `String(bytes:encoding:)`, which drops a byte order mark the text opens with.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3)) }
            let text = String(decoding: bytes, as: UTF8.self)
            return YAMLNode(.scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE), line: line, column: column)
        case YAML_SEQUENCE_START_EVENT:
            var items: [YAMLNode] = []
            while true {
                guard let type = next() else { return nil }
                if type == YAML_SEQUENCE_END_EVENT { break }
                guard let item = node() else { return nil }
                items.append(item)
            }
            return YAMLNode(.sequence(items), line: line, column: column)
        case YAML_MAPPING_START_EVENT:
            var pairs: [YAMLNode.Pair] = []
            var keys = KeySet()
            while true {
                guard let type = next() else { return nil }
                if type == YAML_MAPPING_END_EVENT { break }
                guard let key = node(), case .scalar(let name, _) = key.content, keys.insert(name, among: pairs.lazy.map(\.key.name)),
                      next() != nil, let value = node() else { return nil }
                pairs.append(YAMLNode.Pair(key: key, value: value))
            }
            return YAMLNode(.mapping(pairs), line: line, column: column)
        default:
            return nil
        }
    }
}

extension YAMLNode {
    /// A scalar's text; empty for any other node.
    fileprivate var name: String {
        if case .scalar(let text, _) = content { return text }
        return ""
    }
}

/// The keys of a mapping read so far, to tell a key written again. Most mappings hold a few keys, and a set made for
/// each cost more than comparing them: a new key is compared with the few before it, and looked up in a set of them
/// only once there are `comparedInPlace`.
struct KeySet {
    /// How many keys are compared in place before a set of them is made.
    static let comparedInPlace = 8
    private var seen = Set<String>()

    /// Whether `key` is none of the keys read so far, `earlier`; added to them, as `earlier` will be, when it is not.
    mutating func insert<Earlier: Collection<String>>(_ key: String, among earlier: Earlier) -> Bool {
        if earlier.count < Self.comparedInPlace { return !earlier.contains(key) }
        if seen.isEmpty { seen = Set(earlier) }
        return seen.insert(key).inserted
    }
}
