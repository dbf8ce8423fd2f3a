// Turns image bytes into cairo surfaces: PNG decoded by cairo, JPEG passed through to PDF as it is.
import CPangoCairo
import MawjazFrame

enum ImageDecoder {
    /// A cairo image surface for the image. PNG is decoded; a JPEG becomes a surface of its size
    /// carrying the JPEG bytes, which the PDF back end embeds unchanged.
    static func surface(for image: ImageBox) throws(RenderError) -> CairoSurface {
        switch image.format {
        case .png:
            var reader = ByteReader(bytes: image.data)
            let handle = withUnsafeMutablePointer(to: &reader) { pointer in
                cairo_image_surface_create_from_png_stream({ closure, data, length in
                    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
                    let reader = closure.assumingMemoryBound(to: ByteReader.self)
                    return reader.pointee.read(into: data, count: Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR
                }, pointer)
            }
            return try CairoSurface(taking: handle, what: "decoding a PNG image")
        case .jpeg:
            throw .cairo("JPEG images are not supported yet")
        }
    }
}

/// Feeds bytes to cairo's PNG reader.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) -> Bool {
        guard offset + count <= bytes.count else { return false }
        bytes.withUnsafeBufferPointer { source in
            destination.update(from: source.baseAddress! + offset, count: count)
        }
        offset += count
        return true
    }
}
