// A minimal sRGB colour profile, generated in code for the PDF's output intent instead of shipping a file.
import Foundation

/// An sRGB (IEC 61966-2.1) display profile, ICC version 2.1: the D50 white point, the sRGB primaries adapted to
/// D50 with the Bradford transform (the values every sRGB v2 profile carries), and the sRGB tone curve sampled at
/// 1024 points, one curve shared by the three channels. About 2.5 KB, the same bytes on every run.
enum SRGBProfile {
    /// The profile's description, also the output condition the PDF names.
    static let name = "sRGB IEC61966-2.1"

    /// The profile's bytes.
    static let bytes: [UInt8] = build()

    /// The sRGB transfer function from a channel value to linear light, both from 0 to 1.
    static func linear(_ value: Double) -> Double {
        value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }

    private static func build() -> [UInt8] {
        let curve = Array("curv".utf8) + [0, 0, 0, 0] + uint32(1024)
            + (0..<1024).flatMap { index in uint16(UInt16((linear(Double(index) / 1023) * 65535).rounded())) }
        let tags: [(signature: String, data: [UInt8])] = [
            ("desc", textDescription(name)),
            ("cprt", Array("text".utf8) + [0, 0, 0, 0] + Array("No copyright, use freely".utf8) + [0]),
            ("wtpt", xyz(0.9642, 1.0, 0.8249)),
            ("rXYZ", xyz(0.4360747, 0.2225045, 0.0139322)),
            ("gXYZ", xyz(0.3850649, 0.7168786, 0.0971045)),
            ("bXYZ", xyz(0.1430804, 0.0606169, 0.7141733)),
            ("rTRC", curve), ("gTRC", curve), ("bTRC", curve),
        ]
        var table: [UInt8] = uint32(UInt32(tags.count))
        var data: [UInt8] = []
        var offsets: [[UInt8]: Int] = [:]
        let dataStart = 128 + 4 + 12 * tags.count
        for tag in tags {
            let offset: Int
            if let shared = offsets[tag.data] {
                offset = shared
            } else {
                offset = dataStart + data.count
                offsets[tag.data] = offset
                data += tag.data
                while data.count % 4 != 0 { data.append(0) }
            }
            table += Array(tag.signature.utf8) + uint32(UInt32(offset)) + uint32(UInt32(tag.data.count))
        }
        let size = dataStart + data.count
        var header: [UInt8] = uint32(UInt32(size)) + [0, 0, 0, 0] + [0x02, 0x10, 0, 0]
        header += Array("mntrRGB XYZ ".utf8)
        header += [2024, 1, 1, 0, 0, 0].flatMap { uint16(UInt16($0)) }
        header += Array("acsp".utf8) + [UInt8](repeating: 0, count: 24) + uint32(0)
        header += xyz(0.9642, 1.0, 0.8249).suffix(12)
        header += [UInt8](repeating: 0, count: 128 - header.count)
        return header + table + data
    }

    private static func textDescription(_ text: String) -> [UInt8] {
        Array("desc".utf8) + [0, 0, 0, 0] + uint32(UInt32(text.utf8.count + 1)) + Array(text.utf8) + [0]
            + uint32(0) + uint32(0) + [0, 0, 0] + [UInt8](repeating: 0, count: 67)
    }

    private static func xyz(_ x: Double, _ y: Double, _ z: Double) -> [UInt8] {
        Array("XYZ ".utf8) + [0, 0, 0, 0] + [x, y, z].flatMap { uint32(UInt32(bitPattern: Int32(($0 * 65536).rounded()))) }
    }

    private static func uint32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func uint16(_ value: UInt16) -> [UInt8] {
        [UInt8(value >> 8), UInt8(value & 0xFF)]
    }
}
