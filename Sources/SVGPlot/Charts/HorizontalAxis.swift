/// The horizontal value axis of bar and scatter charts (the counterpart of ``ValueAxis``): ticks
/// that never collide (one every `spacing` px at most), a grid line across the plot at each, the
/// labels centred under them.
struct HorizontalAxis {
    let scale: LinearScale
    let ticks: AxisTicks

    /// The axis of `scale`, labels in `format`, at least `gap` px apart.
    init(scale: LinearScale, spacing: Double, format: NumberFormat, signed: Bool, gap: Double) {
        self.scale = scale
        ticks = AxisTicks.make(scale: scale, preferredCount: max(2, Int((scale.range.1 - scale.range.0) / spacing)), format: format,
                               signed: signed, gap: gap) { TextMetrics.width($0, size: Theme.tickSize) }
    }

    /// A grid line at each tick from `top` to `bottom`; with `zeroAsAxis`, the one at 0 as the axis.
    func drawGrid(on writer: inout SVGWriter, top: Double, bottom: Double, zeroAsAxis: Bool) {
        for value in ticks.values {
            writer.line(x1: scale(value), y1: top, x2: scale(value), y2: bottom, paint: zeroAsAxis && value == 0 ? .axis : .grid)
        }
    }

    /// The labels, centred under their ticks on `baseline`; returns the y below them.
    func drawLabels(on writer: inout SVGWriter, baseline: Double) -> Double {
        for (value, label) in zip(ticks.values, ticks.labels) {
            writer.text(label, x: scale(value), y: baseline, size: Theme.tickSize, anchor: .middle, paint: .muted)
        }
        return baseline + TextMetrics.descent(size: Theme.tickSize)
    }
}
