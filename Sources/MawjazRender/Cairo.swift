// Thin owners of cairo handles: each class holds one handle, checks it on creation and frees it in deinit.
internal import CPangoCairo

/// A cairo surface (PDF, SVG or image) that this value owns.
final class CairoSurface {
    let handle: OpaquePointer

    /// Takes ownership of `handle`, throwing if cairo reports it failed.
    init(taking handle: OpaquePointer?, what: String) throws(RenderError) {
        guard let handle else { throw .cairo("\(what): no surface") }
        let status = cairo_surface_status(handle)
        guard status == CAIRO_STATUS_SUCCESS else {
            let message = String(cString: cairo_status_to_string(status))
            cairo_surface_destroy(handle)
            throw .cairo("\(what): \(message)")
        }
        self.handle = handle
    }

    deinit { cairo_surface_destroy(handle) }

    /// Finishes the surface (writes out PDF and SVG files) and reports a failure.
    func finish() throws(RenderError) {
        cairo_surface_finish(handle)
        try check("finishing the output")
    }

    func check(_ what: String) throws(RenderError) {
        let status = cairo_surface_status(handle)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cairo("\(what): \(String(cString: cairo_status_to_string(status)))")
        }
    }
}

/// A cairo drawing context, which keeps its surface alive for as long as it draws on it.
final class CairoContext {
    let handle: OpaquePointer
    let surface: CairoSurface

    init(surface: CairoSurface) throws(RenderError) {
        guard let handle = cairo_create(surface.handle) else { throw .cairo("cairo_create failed") }
        let status = cairo_status(handle)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(handle)
            throw .cairo("cairo_create: \(String(cString: cairo_status_to_string(status)))")
        }
        self.handle = handle
        self.surface = surface
    }

    deinit { cairo_destroy(handle) }

    func check(_ what: String) throws(RenderError) {
        let status = cairo_status(handle)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cairo("\(what): \(String(cString: cairo_status_to_string(status)))")
        }
    }
}
