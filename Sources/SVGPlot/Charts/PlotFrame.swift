/// The layout step of the charts read on a vertical value axis (columns, lines, areas, the
/// scatter), worked out before any mark is drawn: the room the axis's labels take on the left
/// (and an `inset` after them), the plot's top (half a tick line under `top`, so that the top
/// label fits, plus `headroom` for value labels above the marks), its height, and the value scale
/// from its bottom (less `footroom`) up. The chart kinds only place their marks in it.
struct PlotFrame {
    /// The plot's edges (its right is the chart kind's: what it keeps for labels beyond).
    let left, top, bottom: Double
    let scale: LinearScale
    let axis: Axis
    /// Where the axis's labels end, `inset` and 6 px before the plot.
    let labelRight: Double

    var height: Double { bottom - top }

    /// Where a plot whose value axis covers `domain` starts across: after its widest label, 8 px,
    /// and `inset`.
    static func left(canvas: ChartCanvas, domain: (Double, Double), signed: Bool, inset: Double = 0) -> Double {
        canvas.left + AxisTicks.widestLabel(domain: domain, format: canvas.format, signed: signed, size: Axis.size) + 8 + inset
    }

    /// The frame of a plot `height` high under `top`, its value axis over `domain`.
    init(canvas: ChartCanvas, domain: (Double, Double), signed: Bool, top: Double, height: Double,
         inset: Double = 0, headroom: Double = 0, footroom: Double = 0) {
        left = Self.left(canvas: canvas, domain: domain, signed: signed, inset: inset)
        labelRight = left - inset - 6
        self.top = top + headroom + TextMetrics.lineHeight(size: Axis.size) / 2
        bottom = self.top + height
        scale = LinearScale(domain: domain, range: (bottom - footroom, self.top))
        axis = Axis(vertical: scale, plotHeight: height, format: canvas.format, signed: signed)
    }

    /// The value axis: grid lines from the plot's left to `right`, each followed by its label.
    func drawAxis(on writer: inout SVGWriter, right: Double, zeroAsAxis: Bool) {
        axis.drawGridAndLabels(on: &writer, from: left, to: right, labelsAt: labelRight, zeroAsAxis: zeroAsAxis)
    }
}
