/// Draws charts: a ``ChartSpec`` in, an accessible, self-contained SVG document out.
///
/// The output is deterministic (same spec, same bytes), has no scripts and no external
/// references, and every text is laid out with the widest metrics of its font stack so that
/// no label overlaps another or leaves the view box.
public enum ChartRenderer {
    /// Checks `spec` without drawing it: the same errors ``render(_:)`` would throw.
    public static func validate(_ spec: ChartSpec) throws(ChartSpecError) {
        try SpecValidation.validate(spec)
    }

    /// The SVG of `spec`, or the first problem of the spec, naming its field.
    public static func render(_ spec: ChartSpec) throws(ChartSpecError) -> String {
        try draw(spec, standalone: false)
    }

    /// The chart as a file of its own, for a download or another site's `<img>`: title, subtitle,
    /// source and note drawn in, light colours whatever the reader's preference, an opaque
    /// background, the XML declaration.
    public static func renderStandalone(_ spec: ChartSpec) throws(ChartSpecError) -> String {
        var shown = spec
        shown.options.showsTitle = true
        shown.options.showsSource = true
        return try draw(shown, standalone: true)
    }

    /// What the chart says in words: its title, then what its `<desc>` reads (the kind of chart and
    /// every figure). The text alternative of an `<img>` of it.
    public static func textAlternative(_ spec: ChartSpec) -> String {
        let canvas = ChartCanvas(spec: spec)
        let description = ChartDescription.describe(spec, decimals: decimals(spec, format: canvas.format))
        return spec.title.trimmed + ". " + description
    }

    private static func draw(_ spec: ChartSpec, standalone: Bool) throws(ChartSpecError) -> String {
        try validate(spec)
        var canvas = ChartCanvas(spec: spec)
        let decimals = decimals(spec, format: canvas.format)
        let top = canvas.drawHeader()
        let bottom: Double
        if spec.facet != nil {
            bottom = SmallMultiples.draw(&canvas, top: top, decimals: decimals)
        } else if let drawn = drawBody(&canvas, top: top, decimals: decimals) {
            bottom = drawn
        } else {
            return try draw(spec.asBars, standalone: standalone)
        }
        let height = canvas.drawFooter(top: bottom) + ChartCanvas.margin
        return canvas.finish(height: height.rounded(.up), description: ChartDescription.describe(spec, decimals: decimals),
                             standalone: standalone)
    }

    /// Draws the plot of `canvas.spec` and its notes from `top` and returns the y below them; nil,
    /// drawing nothing, when columns whose labels would be cut (a phone, long words) must be drawn
    /// as bars, which wrap them.
    static func drawBody(_ canvas: inout ChartCanvas, top: Double, decimals: Int) -> Double? {
        let bottom: Double
        switch canvas.spec.kind {
        case .bar, .groupedBar, .stackedBar, .stackedBar100, .range, .dot, .dumbbell: bottom = BarChart.draw(&canvas, top: top, decimals: decimals)
        case .column:
            guard let columnsBottom = ColumnChart.draw(&canvas, top: top, decimals: decimals) else { return nil }
            bottom = columnsBottom
        case .line, .area: bottom = LineChart.draw(&canvas, top: top, decimals: decimals)
        case .donut, .pie: bottom = DonutChart.draw(&canvas, top: top, decimals: decimals)
        case .waffle: bottom = WaffleChart.draw(&canvas, top: top, decimals: decimals)
        case .keyFigure: bottom = KeyFigureChart.draw(&canvas, top: top, decimals: decimals)
        case .scatter: bottom = ScatterChart.draw(&canvas, top: top, decimals: decimals)
        case .slope: bottom = SlopeChart.draw(&canvas, top: top, decimals: decimals)
        }
        return AnnotationLayout.draw(&canvas, top: top, bottom: bottom)
    }

    private static func decimals(_ spec: ChartSpec, format: NumberFormat) -> Int {
        spec.options.decimals ?? format.decimalsNeeded(for: dataValues(spec))
    }

    private static func dataValues(_ spec: ChartSpec) -> [Double] {
        switch spec.kind {
        case .keyFigure: return [spec.value ?? 0]
        case .scatter: return spec.points.flatMap { [$0.x, $0.y] }
        default: return spec.series.flatMap(\.values)
        }
    }
}
