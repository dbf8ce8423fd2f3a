// Turns image bytes into cairo surfaces: PNG decoded by cairo, JPEG passed through to PDF as it is.
internal import CPangoCairo
import MawjazFrame

enum ImageDecoder {
    /// A cairo image surface for the image. PNG is decoded; a JPEG becomes a surface of its size
    /// carrying the JPEG bytes, which the PDF back end embeds unchanged.
    /// `vector` is true for PDF and SVG, which can carry a JPEG without decoding it.
    static func surface(for image: ImageBox, vector: Bool) throws(RenderError) -> CairoSurface {
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
            // cairo cannot decode JPEG; it embeds JPEG bytes attached to a surface as they are (PDF and SVG).
            guard vector else { throw .jpegInRaster }
            guard let (_, size) = ImageBox.inspect(image.data) else { throw .cairo("unreadable JPEG image") }
            let surface = try CairoSurface(taking: cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(size.width), Int32(size.height)),
                                           what: "a \(Int(size.width))×\(Int(size.height)) JPEG image")
            let copy = UnsafeMutableRawPointer.allocate(byteCount: image.data.count, alignment: 1)
            image.data.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress { copy.copyMemory(from: base, byteCount: bytes.count) }
            }
            let status = cairo_surface_set_mime_data(surface.handle, CAIRO_MIME_TYPE_JPEG, copy.assumingMemoryBound(to: UInt8.self),
                                                     UInt(image.data.count), { $0?.deallocate() }, copy)
            guard status == CAIRO_STATUS_SUCCESS else {
                copy.deallocate()
                throw .cairo("attaching JPEG data: \(String(cString: cairo_status_to_string(status)))")
            }
            return surface
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
