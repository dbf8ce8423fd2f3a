// Charts in the flow: a chart block compiled at the column's width, and sparklines for facts boxes.
import MawjazDocument
import MawjazFrame
import MawjazLanguage

extension LayoutContext {
    /// A chart compiled at the current column width.
    func compileChart(_ chart: Chart) throws(LayoutError) -> CompiledChart {
        try ChartCompiler(context: self, chart: chart, width: columnWidth).compile()
    }

    func chartBox(_ chart: Chart) throws(LayoutError) -> FlowBox {
        FlowBox(frame: try compileChart(chart).frame, origin: BlockOrigin(kind: "chart", location: chart.source))
    }

    /// A sparkline `size` large, centred in a frame `width` wide, without title or caption (for a facts box).
    func sparklineFrame(_ chart: Chart, width: Double, size: Size) throws(LayoutError) -> Frame {
        var bare = chart
        bare.title = nil
        bare.caption = nil
        bare.sourceNote = nil
        guard bare.series.count == 1, bare.series[0].values.count == bare.categories.count else {
            throw LayoutError(location: chart.source, block: "facts", message: .sparklineOneSeries)
        }
        let compiler = ChartCompiler(context: self, chart: bare, width: size.width)
        var canvas = ChartCanvas(width: size.width)
        let box = try compiler.compileSparkline(on: &canvas, top: 0, size: size)
        let compiled = canvas.compiled(height: box.maxY, plot: box, alternativeText: chart.alternativeText,
                                       rightToLeft: chart.direction.isRightToLeft)
        var frame = Frame(size: Size(width: width, height: size.height))
        frame.place(contentsOf: compiled.frame, at: Point(x: (width - size.width) / 2, y: 0))
        return frame
    }
}
