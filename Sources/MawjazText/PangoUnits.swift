// Conversions between points and Pango units, kept in this one place.
internal import CPangoCairo

/// Pango units per point (the cairo font map is set to 72 dpi, so a Pango pixel is a point).
let pangoScale = Double(PANGO_SCALE)

extension Double {
    /// This length in points as Pango units.
    var pangoUnits: Int32 { Int32((self * pangoScale).rounded()) }
}

extension Int32 {
    /// This length in Pango units as points.
    var points: Double { Double(self) / pangoScale }
}
