import Wording
/// Units filled in proportion ("4 GHT sur 10" as 10 squares, 4 of them filled), one colour and
/// pattern per category, empty units outlined; a legend names each category with its count.
struct WaffleChart {
    /// How many units the chart has: `total`, else 10 or 100 depending on the values.
    static func unitCount(_ spec: ChartSpec) -> Int {
        if let total = spec.total { return Int(total) }
        let sum = spec.series.first?.values.reduce(0, +) ?? 0
        return sum <= 10 ? 10 : 100
    }

    /// Draws the plot from `top` and returns the y below it.
    static func draw(_ canvas: inout ChartCanvas, top: Double, decimals: Int) -> Double {
        let spec = canvas.spec
        let values = spec.series[0].values
        let units = unitCount(spec)
        let columns = units <= 10 ? units : (units <= 100 ? 10 : 20)
        let rows = (units + columns - 1) / columns
        let gap = 4.0
        let cell = min(28, (canvas.innerWidth - Double(columns - 1) * gap) / Double(columns))
        let paints = values.indices.map { canvas.seriesPaint($0, patterned: true) }

        // Whole units per category by cumulative rounding, so they add up exactly.
        var owners: [Int?] = Array(repeating: nil, count: units)
        var cumulative = 0.0, filled = 0
        for (index, value) in values.enumerated() {
            cumulative += value
            let upTo = min(units, Int(cumulative.rounded()))
            while filled < upTo { owners[filled] = index; filled += 1 }
        }
        for unit in 0..<units {
            let x = canvas.left + Double(unit % columns) * (cell + gap)
            let y = top + Double(unit / columns) * (cell + gap)
            if let owner = owners[unit] {
                canvas.writer.rect(x: x, y: y, width: cell, height: cell, paint: paints[owner], extra: " rx=\"2\"")
            } else {
                canvas.writer.rect(x: x + 0.75, y: y + 0.75, width: cell - 1.5, height: cell - 1.5, paint: nil, stroke: .axis,
                                   strokeWidth: 1.5, extra: " rx=\"2\"")
            }
        }

        // Legend: category, count and total.
        let size = Theme.labelSize
        let lineHeight = TextMetrics.lineHeight(size: size)
        let swatch = 12.0
        let plain = NumberFormat(locale: spec.locale)
        var y = top + Double(rows) * (cell + gap) + ChartCanvas.gap - gap
        for (index, category) in spec.categories.enumerated() {
            let count = plain.string(values[index], decimals: decimals)
            let entry = category + spec.locale.colon + spec.locale.text("\(count) of \(units)")
            let wrapped = TextWrapping.wrap(entry, width: canvas.innerWidth - swatch - 8, size: size)
            canvas.writer.rect(x: canvas.left, y: y + (lineHeight - swatch) / 2, width: swatch, height: swatch, paint: paints[index])
            for (line, content) in wrapped.lines.enumerated() {
                canvas.writer.text(content, x: canvas.left + swatch + 8, y: y + Double(line) * lineHeight + TextMetrics.ascent(size: size),
                                   size: size, title: wrapped.isTruncated ? entry : nil)
            }
            y += Double(wrapped.lines.count) * lineHeight + 6
        }
        return y
    }
}
