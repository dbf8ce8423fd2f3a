// Renumbers the identifiers cairo gives an SVG page's surface and images, so a page's SVG does not depend on what
// the process drew before it.

/// cairo 1.16 names a page's group `surface<N>` and each image `image<N>` after counters shared by every surface the
/// process ever created: the same page rendered twice in one process, or on another thread, came out with other
/// numbers. Each is renumbered from 1 in order of first appearance, one count per kind; every other identifier
/// cairo writes (glyphs, patterns, clips, masks) is already counted per file.
enum SVGIdentifiers {
    /// The identifier kinds that cairo numbers from its process-wide counter.
    private static let kinds: [[UInt8]] = [Array("surface".utf8), Array("image".utf8)]

    /// `svg` with every `id="surfaceN"`, `id="imageN"` and `#surfaceN`, `#imageN` renumbered.
    static func renumber(_ svg: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var assigned = kinds.map { _ in [[UInt8]: Int]() }
        var result: [UInt8] = []
        result.reserveCapacity(svg.count)
        var index = 0
        while index < svg.count {
            let byte = svg[index]
            // An identifier starts after `id="` or `#`.
            let opens = byte == UInt8(ascii: "#") || (byte == UInt8(ascii: "\"") && index >= 3 && svg[(index - 3)..<index].elementsEqual("id=".utf8))
            guard opens else {
                result.append(byte)
                index += 1
                continue
            }
            result.append(byte)
            index += 1
            for (kind, name) in kinds.enumerated() where svg.count - index > name.count && svg[index..<(index + name.count)].elementsEqual(name) {
                var end = index + name.count
                while end < svg.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(svg[end]) { end += 1 }
                let digits = Array(svg[(index + name.count)..<end])
                guard !digits.isEmpty else { break }
                let number = assigned[kind][digits] ?? (assigned[kind].count + 1)
                assigned[kind][digits] = number
                result += name
                result += Array(String(number).utf8)
                index = end
                break
            }
        }
        return result
    }
}
