/// The vertical value axis of column, line and scatter charts: ticks that never collide (one
/// every 50 px at most), a grid line across the plot at each, the labels right-aligned before it.
struct ValueAxis {
    let scale: LinearScale
    let ticks: AxisTicks
    let tickSize: Double

    /// The axis of `scale` over a plot `plotHeight` high, labels at `tickSize`.
    init(scale: LinearScale, plotHeight: Double, format: NumberFormat, signed: Bool, tickSize: Double) {
        self.scale = scale
        self.tickSize = tickSize
        ticks = AxisTicks.make(scale: scale, preferredCount: max(2, Int(plotHeight / 50)), format: format, signed: signed,
                               gap: 4) { _ in TextMetrics.lineHeight(size: tickSize) }
    }

    /// Draws the grid from `gridLeft` to `gridRight` and the labels ending at `labelRight`; with
    /// `zeroAsAxis`, the line at 0 is drawn as the axis (a darker line) rather than as grid.
    func draw(on writer: inout SVGWriter, gridLeft: Double, gridRight: Double, labelRight: Double, zeroAsAxis: Bool) {
        for (value, label) in zip(ticks.values, ticks.labels) {
            let y = scale(value)
            writer.line(x1: gridLeft, y1: y, x2: gridRight, y2: y, paint: zeroAsAxis && value == 0 ? .axis : .grid)
            let baseline = y + (TextMetrics.ascent(size: tickSize) - TextMetrics.descent(size: tickSize)) / 2
            writer.text(label, x: labelRight, y: baseline, size: tickSize, anchor: .end, paint: .muted)
        }
    }
}
