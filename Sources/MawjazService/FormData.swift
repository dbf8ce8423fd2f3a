// The parts of a multipart/form-data body (RFC 7578), found by searching for the boundary with memchr and memcmp rather
// than byte by byte, so that a form of several megabytes is split in milliseconds and holds no thread for long.
import Foundation
import NIOCore

/// One part of a form: its name and file name from `Content-Disposition`, its `Content-Type`, and its bytes.
struct FormPart {
    var name: String?
    var fileName: String?
    var contentType: String?
    var body = Data()
}

/// Splits `multipart/form-data` bodies into their parts.
enum FormData {
    /// The most parts a form may have.
    static let partLimit = 1000
    /// The longest head a part may have (its header lines).
    static let headLimit = 16 << 10

    private static let lineBreak: [UInt8] = [0x0D, 0x0A]
    private static let emptyLine: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
    private static let twoDashes: [UInt8] = [0x2D, 0x2D]

    /// The parts of `body`, separated by `boundary`; a body that is not such a form is a 400 saying why.
    static func parts(of body: ByteBuffer, boundary: String) throws(RequestProblem) -> [FormPart] {
        let split: Result<[FormPart], RequestProblem> = body.withUnsafeReadableBytes { bytes in
            do throws(RequestProblem) { return .success(try parts(of: bytes, boundary: Array(boundary.utf8))) } catch { return .failure(error) }
        }
        return try split.get()
    }

    /// The parts between the first boundary and the closing one (`--boundary--`); a preamble before the first and an
    /// epilogue after the last are ignored, as RFC 2046 says.
    static func parts(of bytes: UnsafeRawBufferPointer, boundary: [UInt8]) throws(RequestProblem) -> [FormPart] {
        let dashBoundary = twoDashes + boundary, delimiter = lineBreak + dashBoundary
        var position: Int
        if starts(bytes, at: 0, with: dashBoundary) {
            position = dashBoundary.count
        } else if let found = find(delimiter, in: bytes, from: 0, to: bytes.count) {
            position = found + delimiter.count
        } else {
            throw malformed("no part ends with the boundary")
        }
        var parts: [FormPart] = []
        while !starts(bytes, at: position, with: twoDashes) {
            // After a boundary, before a part: white space the sender may have left, then a line break.
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
            guard starts(bytes, at: position, with: lineBreak) else {
                throw malformed(position >= bytes.count ? "the form ends without its closing boundary" : "a boundary is not followed by a line break")
            }
            position += lineBreak.count
            guard let end = find(delimiter, in: bytes, from: position, to: bytes.count) else { throw malformed("no part ends with the boundary") }
            guard parts.count < partLimit else { throw malformed("more than \(partLimit) parts") }
            parts.append(try part(of: bytes, from: position, to: end))
            position = end + delimiter.count
        }
        return parts
    }

    /// The part whose head and body lie between `start` and `end`.
    private static func part(of bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) throws(RequestProblem) -> FormPart {
        let headEnd: Int, bodyStart: Int
        if starts(bytes, at: start, with: lineBreak) {
            (headEnd, bodyStart) = (start, start + lineBreak.count)
        } else if let blank = find(emptyLine, in: bytes, from: start, to: min(end, start + headLimit + emptyLine.count)) {
            (headEnd, bodyStart) = (blank, blank + emptyLine.count)
        } else {
            throw malformed(end - start > headLimit ? "a part's head is longer than \(headLimit) bytes" : "a part's head does not end with an empty line")
        }
        var part = FormPart(body: bodyStart < end ? Data(UnsafeRawBufferPointer(rebasing: bytes[bodyStart..<end])) : Data())
        let head = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<headEnd]), as: UTF8.self)
        for line in head.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() {
            case "content-disposition":
                let parameters = ReportUpload.parse(contentType: value).parameters
                part.name = parameters["name"]
                part.fileName = parameters["filename"]
            case "content-type":
                part.contentType = value
            default:
                break
            }
        }
        return part
    }

    private static func malformed(_ reason: String) -> RequestProblem {
        RequestProblem(status: .badRequest, .requestNotMultipart(reason: reason))
    }

    private static func starts(_ bytes: UnsafeRawBufferPointer, at offset: Int, with prefix: [UInt8]) -> Bool {
        offset + prefix.count <= bytes.count && prefix.indices.allSatisfy { bytes[offset + $0] == prefix[$0] }
    }

    /// Where `needle` (not empty) first occurs in `bytes[start..<end]`: each occurrence of its first byte found by
    /// memchr, the rest compared by memcmp.
    private static func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
        guard let base = bytes.baseAddress, let first = needle.first, start >= 0, end <= bytes.count else { return nil }
        return needle.withUnsafeBytes { pattern -> Int? in
            var position = start
            while end - position >= needle.count {
                guard let found = memchr(base + position, Int32(first), end - position - needle.count + 1) else { return nil }
                let offset = UnsafeRawPointer(found) - base
                if let start = pattern.baseAddress, memcmp(found, start, needle.count) == 0 { return offset }
                position = offset + 1
            }
            return nil
        }
    }
}
