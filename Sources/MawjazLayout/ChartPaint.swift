// How chart series are told apart: colours chosen to differ in grey as well as in hue, dash patterns and
// marker shapes for lines.
import MawjazDocument
import MawjazFrame

/// How one series is painted.
struct SeriesPaint {
    var color: Color
    /// The dash pattern of the series' line (empty: solid).
    var dash: [Double]
    var marker: MarkerShape
}

/// The shape that marks a line's data points.
enum MarkerShape: CaseIterable {
    case circle, square, triangle, diamond

    /// The marker centred on `center`, `size` points across.
    func shape(at center: Point, size: Double, fill: Color, stroke: Stroke? = nil) -> (Shape, Point) {
        let half = size / 2
        switch self {
        case .circle:
            return (Shape(.circle(center: .zero, radius: half), fill: fill, stroke: stroke), center)
        case .square:
            let side = size * 0.88
            return (Shape(.rect(Rect(x: -side / 2, y: -side / 2, width: side, height: side)), fill: fill, stroke: stroke), center)
        case .triangle:
            let points = [Point(x: 0, y: -half * 1.1), Point(x: half * 1.05, y: half * 0.75), Point(x: -half * 1.05, y: half * 0.75)]
            return (Shape(.polygon(points), fill: fill, stroke: stroke), center)
        case .diamond:
            let points = [Point(x: 0, y: -half * 1.15), Point(x: half * 1.15, y: 0), Point(x: 0, y: half * 1.15), Point(x: -half * 1.15, y: 0)]
            return (Shape(.polygon(points), fill: fill, stroke: stroke), center)
        }
    }
}

extension Palette {
    /// The grey a colour prints as (Rec. 601 luma, 0 black to 1 white).
    static func grey(_ color: Color) -> Double {
        0.299 * color.red + 0.587 * color.green + 0.114 * color.blue
    }

    /// Paints for `count` series: the template's series colours taken in their order, except that each next
    /// series takes the first colour whose grey differs by at least 0.15 from every grey already used, so that
    /// a greyscale print still tells the first series apart; colours too pale to see on white (grey above
    /// 0.8) come last. Lines add dash patterns and marker shapes, which need no colour at all.
    func seriesPaints(count: Int) -> [SeriesPaint] {
        let colors = series.isEmpty ? [accent] : series
        var order: [Int] = []
        var remaining = Array(colors.indices)
        while order.count < count {
            if remaining.isEmpty { remaining = Array(colors.indices) }
            let used = order.suffix(colors.count).map { Self.grey(colors[$0]) }
            let distance = { (index: Int) in used.map { abs($0 - Self.grey(colors[index])) }.min() ?? 1 }
            let visible = remaining.filter { Self.grey(colors[$0]) <= 0.8 }
            let pool = visible.isEmpty ? remaining : visible
            let pick = pool.first { distance($0) >= 0.15 } ?? pool.max { (distance($0), $1) < (distance($1), $0) } ?? remaining[0]
            order.append(pick)
            remaining.removeAll { $0 == pick }
        }
        let dashes: [[Double]] = [[], [5, 2.5], [1.5, 2], [6, 2, 1.5, 2]]
        return order.enumerated().map { index, colorIndex in
            SeriesPaint(color: colors[colorIndex], dash: dashes[index % dashes.count],
                        marker: MarkerShape.allCases[index % MarkerShape.allCases.count])
        }
    }
}

extension Palette {
    /// The colours charts give `count` series, in series order (see `seriesPaints(count:)`).
    package func seriesColors(count: Int) -> [Color] { seriesPaints(count: count).map(\.color) }
}

extension Color {
    /// Black or white, whichever reads better on this colour.
    var contrastingText: Color { Palette.grey(self) > 0.55 ? Color(red: 0.13, green: 0.13, blue: 0.13) : .white }
}
