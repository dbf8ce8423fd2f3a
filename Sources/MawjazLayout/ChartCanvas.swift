// The chart being compiled: shapes in layers, marks, and labels that are checked against each other as they
// are placed, so that no two ever overlap.
import MawjazFrame
import MawjazText

/// Text set for a chart, its lines moved so that the box they cover starts at the paragraph's top-left corner.
struct ChartText {
    var paragraph: ShapedParagraph
    var text: String
    /// The box the lines cover.
    var size: Size

    init(_ shaped: ShapedParagraph, text: String) {
        var paragraph = shaped
        let left = paragraph.lines.map(\.origin.x).min() ?? 0
        for index in paragraph.lines.indices { paragraph.lines[index].origin.x -= left }
        let right = paragraph.lines.map { $0.origin.x + $0.line.width }.max() ?? 0
        self.paragraph = paragraph
        self.text = text
        size = Size(width: right, height: paragraph.height)
    }

    /// The box the text covers with its top-left corner at `point`.
    func box(at point: Point) -> Rect { Rect(origin: point, size: size) }
}

/// The layers of a chart under construction and what has been placed on them.
struct ChartCanvas {
    /// The layers, painted in this order.
    enum Layer { case grid, marks, overlay }

    let width: Double
    private var grid: Frame
    private var marksLayer: Frame
    private var overlay: Frame
    private var text: Frame
    private(set) var marks: [ChartMark] = []
    private(set) var labels: [ChartLabel] = []

    init(width: Double) {
        self.width = width
        grid = Frame(size: Size(width: width, height: 0))
        marksLayer = grid
        overlay = grid
        text = grid
    }

    /// Draws a shape on a layer.
    mutating func draw(_ shape: Shape, at position: Point, on layer: Layer) {
        switch layer {
        case .grid: grid.place(.shape(shape), at: position)
        case .marks: marksLayer.place(.shape(shape), at: position)
        case .overlay: overlay.place(.shape(shape), at: position)
        }
    }

    /// Draws a straight line on a layer.
    mutating func line(from start: Point, to end: Point, stroke: Stroke, on layer: Layer) {
        draw(Shape(.line(from: .zero, to: Point(x: end.x - start.x, y: end.y - start.y)), stroke: stroke), at: start, on: layer)
    }

    /// Records a mark; its shapes are drawn separately.
    mutating func record(_ mark: ChartMark) { marks.append(mark) }

    /// Whether a box lies inside the chart's width and clear of every label placed, by at least `gap` points.
    func isFree(_ box: Rect, gap: Double = 1) -> Bool {
        guard box.minX >= -0.01, box.maxX <= width + 0.01, box.minY >= -0.01 else { return false }
        let grown = Rect(x: box.minX - gap, y: box.minY - gap, width: box.width + 2 * gap, height: box.height + 2 * gap)
        return !labels.contains { $0.bounds.overlaps(grown) }
    }

    /// Places text with its box's top-left corner at `point`.
    mutating func put(_ label: ChartText, at point: Point, role: ChartLabel.Role) {
        text.place(label.paragraph, at: point)
        labels.append(ChartLabel(role: role, text: label.text, bounds: label.box(at: point)))
    }

    /// The finished chart, `height` tall, tagged as one figure with its alternative text.
    func compiled(height: Double, plot: Rect, alternativeText: String, rightToLeft: Bool) -> CompiledChart {
        var frame = Frame(size: Size(width: width, height: height))
        frame.place(.tag(.begin(.figure, alternativeText: alternativeText)), at: .zero)
        for layer in [grid, marksLayer, overlay, text] { frame.place(contentsOf: layer, at: .zero) }
        frame.place(.tag(.end(.figure)), at: Point(x: rightToLeft ? width : 0, y: height))
        return CompiledChart(frame: frame, plot: plot, marks: marks, labels: labels)
    }
}

extension Rect {
    /// The x of the rectangle's centre.
    var midX: Double { origin.x + size.width / 2 }
    /// The y of the rectangle's centre.
    var midY: Double { origin.y + size.height / 2 }
}
