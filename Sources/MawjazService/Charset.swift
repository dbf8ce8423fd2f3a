// The bytes of a report or of a file sent with it read in the charset their sender named (`Content-Type: text/csv;
// charset=windows-1256`): UTF-8 as it is, any other charset the C library knows converted to UTF-8 with iconv, an
// unknown one refused. Bytes that are not text in their charset are refused at the first one, by line and column.
import Foundation
import Mawjaz

/// A charset named in a `Content-Type`, as a decoder of the text sent under it.
struct Charset: Sendable {
    /// The name as the sender wrote it, for messages.
    let name: String
    private let isUTF8: Bool

    /// The charset of `parameters` (a media type's), UTF-8 when none is named; 415 for a charset that is not known,
    /// located at `file` (the report's or the part's name) when one is given.
    init(parameters: [String: String], file: String = "") throws(RequestProblem) {
        guard let name = parameters["charset"]?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            self.name = "utf-8"
            isUTF8 = true
            return
        }
        self.name = name
        // US-ASCII is a part of UTF-8: ASCII text reads the same, and a byte past 127 is an error either way.
        isUTF8 = ["utf-8", "utf8", "us-ascii", "ascii"].contains(name.lowercased())
        guard isUTF8 || Self.isKnown(name) else {
            throw RequestProblem(status: .unsupportedMediaType, at: SourceLocation(file: file), .requestCharsetUnknown(excerpt(name)))
        }
    }

    /// `bytes`, the report `file`, as text; 422 at the line and column of the first byte that is not text in this
    /// charset.
    func text(of bytes: some Collection<UInt8>, file: String) throws(RequestProblem) -> String {
        if isUTF8, !isASCII, let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(decoding: try utf8(of: Array(bytes), file: file), as: UTF8.self)
    }

    /// `bytes`, the uploaded file `file`, as UTF-8: converted from this charset, or as they came when it is UTF-8
    /// (named or not: the file's reader checks them then, and names the line and column of a byte that is not UTF-8,
    /// as it does for a file on disk); 422 at the
    /// line and column of the first byte that is not text in this charset.
    func utf8(of bytes: Data, file: String) throws(RequestProblem) -> Data {
        guard !isUTF8 || isASCII else { return bytes }
        return Data(try utf8(of: Array(bytes), file: file))
    }

    private var isASCII: Bool { ["us-ascii", "ascii"].contains(name.lowercased()) }

    /// `bytes` converted to UTF-8 (checked, for UTF-8 itself), or the 422 naming the first byte that is not text in
    /// this charset, at its line and column.
    private func utf8(of bytes: [UInt8], file: String) throws(RequestProblem) -> [UInt8] {
        let (converted, stop): ([UInt8], Int?)
        if isUTF8 {
            let end = isASCII ? (bytes.firstIndex { $0 >= 0x80 } ?? bytes.count) : Self.validUTF8Prefix(of: bytes)
            (converted, stop) = (Array(bytes[..<end]), end < bytes.count ? end : nil)
        } else {
            (converted, stop) = Self.convert(bytes, from: name)
        }
        guard let stop else { return converted }
        // Lines and columns are counted in the text read before the byte, whatever the charset's bytes for a line break.
        var line = 1, column = 1
        for scalar in String(decoding: converted, as: UTF8.self).unicodeScalars {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        let hex = String(bytes[stop], radix: 16, uppercase: true)
        let message: Message = ["utf-8", "utf8"].contains(name.lowercased())
            ? .notUTF8Byte(hex: hex.count < 2 ? "0" + hex : hex)
            : .requestByteNotInCharset(hex: hex.count < 2 ? "0" + hex : hex, charset: excerpt(name))
        throw RequestProblem(status: .unprocessableContent, at: SourceLocation(file: file, line: line, column: column), message)
    }

    /// The length of the longest prefix of `bytes` that is whole UTF-8.
    private static func validUTF8Prefix(of bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator(), decoder = UTF8(), valid = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { valid += UTF8.width(scalar) }
        return valid
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

    /// `bytes` in `name` converted to UTF-8, and where the conversion stopped: nil when it converted them all, else the
    /// offset of the first byte that is not of that charset (or begins a sequence cut short by the end), the
    /// conversion holding the text before it.
    private static func convert(_ bytes: [UInt8], from name: String) -> ([UInt8], stop: Int?) {
        let converter = iconv_open("UTF-8", name)
        guard Int(bitPattern: converter) != -1 else { return ([], bytes.isEmpty ? nil : 0) }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [UInt8](repeating: 0, count: max(64, bytes.count * 2))
        var written = 0
        let stop: Int? = input.withUnsafeMutableBufferPointer { source in
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
                if status != -1 { return nil }
                // Only a full output is worth another round; a sequence not of the charset, or cut short, is not text.
                guard errno == E2BIG else { return source.count - inLeft }
                output += [UInt8](repeating: 0, count: output.count)
            }
        }
        return (Array(output[..<written]), stop)
    }
}
