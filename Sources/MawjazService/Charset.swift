// A report's bytes read in the charset its sender named (`Content-Type: text/yaml; charset=windows-1256`): UTF-8 as
// it is, any other charset the C library knows converted to UTF-8 with iconv, an unknown one refused.
import Foundation

/// A charset named in a `Content-Type`, as a decoder of the report's text.
struct Charset: Sendable {
    /// The name as the sender wrote it, for messages.
    let name: String
    private let isUTF8: Bool

    /// The charset of `parameters` (a media type's), UTF-8 when none is named; 415 for a charset that is not known.
    init(parameters: [String: String]) throws(RequestProblem) {
        guard let name = parameters["charset"]?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            self.name = "utf-8"
            isUTF8 = true
            return
        }
        self.name = name
        // US-ASCII is a part of UTF-8: ASCII text reads the same, and a byte past 127 is an error either way.
        isUTF8 = ["utf-8", "utf8", "us-ascii", "ascii"].contains(name.lowercased())
        guard isUTF8 || Self.isKnown(name) else {
            throw RequestProblem(status: .unsupportedMediaType, .requestCharsetUnknown(excerpt(name)))
        }
    }

    /// `bytes` as text; 422 when they are not text in this charset.
    func text(of bytes: some Collection<UInt8>) throws(RequestProblem) -> String {
        if isUTF8 {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                let named = ["utf-8", "utf8"].contains(name.lowercased())
                throw RequestProblem(status: .unprocessableContent, named ? .requestReportNotUTF8 : .requestReportNotInCharset(excerpt(name)))
            }
            return text
        }
        guard let converted = Self.convert(Array(bytes), from: name), let text = String(validating: converted, as: UTF8.self) else {
            throw RequestProblem(status: .unprocessableContent, .requestReportNotInCharset(excerpt(name)))
        }
        return text
    }

    /// Whether iconv converts from `name` (only a plain charset name is asked: no `//` option can slip in).
    private static func isKnown(_ name: String) -> Bool {
        guard name.utf8.count <= 40, name.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.:+".unicodeScalars.contains($0)) }) else {
            return false
        }
        let converter = iconv_open("UTF-8", name)
        guard Int(bitPattern: converter) != -1 else { return false }
        iconv_close(converter)
        return true
    }

    /// `bytes` in `name` converted to UTF-8, or nil when they hold a sequence that is not of that charset.
    private static func convert(_ bytes: [UInt8], from name: String) -> [UInt8]? {
        let converter = iconv_open("UTF-8", name)
        guard Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [UInt8](repeating: 0, count: max(64, bytes.count * 2))
        var written = 0
        let complete: Bool = input.withUnsafeMutableBufferPointer { source in
            var inPointer = source.baseAddress
            var inLeft = source.count
            while true {
                let (status, produced) = output.withUnsafeMutableBytes { target -> (Int, Int) in
                    var outPointer = target.baseAddress.map { $0.assumingMemoryBound(to: CChar.self) + written }
                    var outLeft = target.count - written
                    let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (status, target.count - written - outLeft)
                }
                written += produced
                if status != -1 { return true }
                // Only a full output is worth another round; a sequence not of the charset, or cut short, is not text.
                guard errno == E2BIG else { return false }
                output += [UInt8](repeating: 0, count: output.count)
            }
        }
        return complete ? Array(output[..<written]) : nil
    }
}
