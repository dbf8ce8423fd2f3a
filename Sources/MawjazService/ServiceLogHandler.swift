// Log lines as JSON objects, one per line on standard error: what log collectors read without a parser of their own.
import Foundation
import Logging
import Synchronization

/// A swift-log handler writing each entry as one JSON object per line: `time`, `level`, `message`, `label`, and the
/// metadata's fields (numbers as numbers). The service's line per request reads
///
/// ```json
/// {"id":"…","level":"info","message":"request","method":"POST","ms":14.2,"pages":1,"route":"/render","status":200,"time":"…"}
/// ```
public struct ServiceLogHandler: LogHandler {
    /// The handler's metadata, added to every line.
    public var metadata: Logger.Metadata = [:]
    /// The least important level written.
    public var logLevel: Logger.Level = .info
    private let label: String
    private let output: @Sendable (String) -> Void

    /// A handler for the logger `label`, writing lines to standard error.
    public init(label: String) {
        self.init(label: label) { line in FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// A handler for the logger `label`, handing each line (ending in a newline) to `output`.
    public init(label: String, output: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.output = output
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: String] = [
            "time": Self.timestamp(),
            "level": Self.quoted(event.level.rawValue),
            "message": Self.quoted(event.message.description),
            "label": Self.quoted(label),
        ]
        if let error = event.error { fields["error"] = Self.quoted(String(describing: error)) }
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, new in new }) {
            fields[key == "hb.request.id" ? "id" : key] = Self.json(value)
        }
        output("{" + fields.sorted { $0.key < $1.key }.map { "\(Self.quoted($0.key)):\($0.value)" }.joined(separator: ",") + "}\n")
    }

    /// A metadata value as JSON: numbers stay numbers, the rest is text.
    private static func json(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): return quoted(text)
        case .stringConvertible(let value):
            if value is any BinaryInteger || value is Double { return value.description }
            return quoted(value.description)
        case .array(let values): return "[" + values.map(json).joined(separator: ",") + "]"
        case .dictionary(let values):
            return "{" + values.sorted { $0.key < $1.key }.map { "\(quoted($0.key)):\(json($0.value))" }.joined(separator: ",") + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private static func timestamp() -> String {
        "\"" + Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)) + "\""
    }
}
