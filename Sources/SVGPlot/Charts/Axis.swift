/// An axis of a value scale, in the spirit of d3-axis: ticks whose labels never collide, a grid
/// line across the plot at each, and the labels. A `vertical` axis (columns, lines, areas, the
/// scatter's y) has a tick every 50 px at most, labels right-aligned before the plot; a
/// `horizontal` one (bars, the scatter's x) a tick every `spacing` px at most, labels centred
/// under the plot.
struct Axis {
    enum Orientation {
        case vertical, horizontal
    }

    let orientation: Orientation
    let scale: LinearScale
    let ticks: AxisTicks
    static let size = Theme.tickSize

    /// The vertical axis of `scale` over a plot `plotHeight` high.
    init(vertical scale: LinearScale, plotHeight: Double, format: NumberFormat, signed: Bool) {
        orientation = .vertical
        self.scale = scale
        ticks = AxisTicks.make(scale: scale, preferredCount: max(2, Int(plotHeight / 50)), format: format, signed: signed,
                               gap: 4) { _ in TextMetrics.lineHeight(size: Self.size) }
    }

    /// The horizontal axis of `scale`, labels at least `gap` px apart.
    init(horizontal scale: LinearScale, spacing: Double, format: NumberFormat, signed: Bool, gap: Double) {
        orientation = .horizontal
        self.scale = scale
        ticks = AxisTicks.make(scale: scale, preferredCount: max(2, Int((scale.range.1 - scale.range.0) / spacing)), format: format,
                               signed: signed, gap: gap) { TextMetrics.width($0, size: Self.size) }
    }

    /// A grid line at each tick across the plot, from `start` to `end` (x for a vertical axis, y
    /// for a horizontal one); with `zeroAsAxis`, the line at 0 is drawn as the axis (darker).
    func drawGrid(on writer: inout SVGWriter, from start: Double, to end: Double, zeroAsAxis: Bool) {
        for value in ticks.values { drawGridLine(value, on: &writer, from: start, to: end, zeroAsAxis: zeroAsAxis) }
    }

    /// The labels: right-aligned on x = `position` (vertical), or centred under the plot on the
    /// baseline `position` (horizontal). Returns the far edge of the labels (the y below them, or
    /// the x where they end).
    @discardableResult
    func drawLabels(on writer: inout SVGWriter, at position: Double) -> Double {
        for (value, label) in zip(ticks.values, ticks.labels) { drawLabel(value, label, on: &writer, at: position) }
        return orientation == .horizontal ? position + TextMetrics.descent(size: Self.size) : position
    }

    /// Grid and labels tick by tick (each grid line, then its label), as vertical axes are written.
    func drawGridAndLabels(on writer: inout SVGWriter, from start: Double, to end: Double, labelsAt position: Double, zeroAsAxis: Bool) {
        for (value, label) in zip(ticks.values, ticks.labels) {
            drawGridLine(value, on: &writer, from: start, to: end, zeroAsAxis: zeroAsAxis)
            drawLabel(value, label, on: &writer, at: position)
        }
    }

    private func drawGridLine(_ value: Double, on writer: inout SVGWriter, from start: Double, to end: Double, zeroAsAxis: Bool) {
        let at = scale(value)
        let paint: Paint = zeroAsAxis && value == 0 ? .axis : .grid
        switch orientation {
        case .vertical: writer.line(x1: start, y1: at, x2: end, y2: at, paint: paint)
        case .horizontal: writer.line(x1: at, y1: start, x2: at, y2: end, paint: paint)
        }
    }

    private func drawLabel(_ value: Double, _ label: String, on writer: inout SVGWriter, at position: Double) {
        let at = scale(value)
        switch orientation {
        case .vertical:
            let baseline = at + (TextMetrics.ascent(size: Self.size) - TextMetrics.descent(size: Self.size)) / 2
            writer.text(label, x: position, y: baseline, size: Self.size, anchor: .end, paint: .muted)
        case .horizontal:
            writer.text(label, x: at, y: position, size: Self.size, anchor: .middle, paint: .muted)
        }
    }
}
