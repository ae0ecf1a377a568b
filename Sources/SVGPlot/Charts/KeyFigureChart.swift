/// One big number ("+32 %") in the first palette colour, with the words that explain it below.
struct KeyFigureChart {
    /// Draws the figure from `top` and returns the y below it.
    static func draw(_ canvas: inout ChartCanvas, top: Double, decimals: Int) -> Double {
        let spec = canvas.spec
        let figure = (spec.options.prefix ?? "") + canvas.format.string(spec.value ?? 0, decimals: decimals, signed: spec.options.signed)
        var size = Theme.keyFigureSize
        let width = TextMetrics.width(figure, size: size, bold: true)
        if width > canvas.innerWidth { size *= canvas.innerWidth / width }
        let baseline = top + TextMetrics.ascent(size: size)
        canvas.writer.text(figure, x: canvas.left, y: baseline, size: size, bold: true, paint: Theme.series(0))
        var y = baseline + TextMetrics.descent(size: size)
        if let label = spec.label, !label.trimmed.isEmpty {
            y = canvas.drawParagraph(label, top: y + 4, size: 16, bold: false, paint: .text, maxLines: 4)
        }
        return y
    }
}
