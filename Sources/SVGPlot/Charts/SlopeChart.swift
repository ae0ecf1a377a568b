/// Two moments side by side, one line per category from its value at the first (the first series)
/// to its value at the second (the second series). Each end is labelled directly, spread apart
/// so that no two labels overlap: the category and its value on the left, the value on the right.
struct SlopeChart {
    static let defaultPlotHeight = 240.0

    /// Draws the plot from `top` and returns the y below it.
    static func draw(_ canvas: inout ChartCanvas, top: Double, decimals: Int) -> Double {
        let spec = canvas.spec
        let size = Theme.labelSize, lineHeight = TextMetrics.lineHeight(size: size)
        func text(_ value: Double) -> String { canvas.format.string(value, decimals: decimals, signed: spec.options.signed) }
        let starts = spec.series[0].values, ends = spec.series[1].values

        // The lines keep a quarter of the width; right labels (values) take what they need up to
        // half the rest, left labels (name and value) at most 45 % of the width and what remains.
        let minimumPlot = max(40, canvas.innerWidth * 0.25)
        let rightRoom = (canvas.innerWidth - minimumPlot - 20) / 2
        let fullRightTexts = ends.map(text)
        let rightTexts = fullRightTexts.map { TextWrapping.fit($0, width: rightRoom, size: size) }
        let rightWidth = rightTexts.map { TextMetrics.width($0, size: size) }.max() ?? 0
        let leftMaximum = min(canvas.innerWidth * 0.45, canvas.innerWidth - minimumPlot - rightWidth - 20)
        // A name too long is cut rather than its value (unless the value alone fills the room).
        let leftTexts = zip(spec.categories, starts).map { name, value in
            let number = "  " + text(value)
            let nameRoom = leftMaximum - TextMetrics.width(number, size: size)
            return nameRoom >= 24 ? TextWrapping.fit(name, width: nameRoom, size: size) + number
                : TextWrapping.fit(name + number, width: leftMaximum, size: size)
        }
        let leftWidth = leftTexts.map { TextMetrics.width($0, size: size) }.max() ?? 0
        let xLeft = canvas.left + leftWidth + 10, xRight = canvas.right - rightWidth - 10

        // The two moments, above their columns.
        let headerBaseline = top + TextMetrics.ascent(size: size)
        canvas.writer.text(TextWrapping.fit(spec.series[0].name, width: leftWidth + 8, size: size, bold: true), x: xLeft, y: headerBaseline,
                           size: size, bold: true, anchor: .end)
        canvas.writer.text(TextWrapping.fit(spec.series[1].name, width: rightWidth + 8, size: size, bold: true), x: xRight, y: headerBaseline,
                           size: size, bold: true, anchor: .start)

        let plotTop = top + lineHeight + 4 + lineHeight / 2
        let plotHeight = max(spec.options.plotHeight ?? defaultPlotHeight, Double(spec.categories.count) * (lineHeight + 2))
        let plotBottom = plotTop + plotHeight
        let all = starts + ends
        let low = all.min() ?? 0, high = all.max() ?? 1
        let scale = LinearScale(domain: low == high ? (low - 1, high + 1) : (low, high), range: (plotBottom, plotTop))

        canvas.writer.line(x1: xLeft, y1: plotTop - lineHeight / 2, x2: xLeft, y2: plotBottom + lineHeight / 2, paint: .grid)
        canvas.writer.line(x1: xRight, y1: plotTop - lineHeight / 2, x2: xRight, y2: plotBottom + lineHeight / 2, paint: .grid)
        for index in spec.categories.indices {
            let paint = Theme.series(index)
            let (y0, y1) = (scale(starts[index]), scale(ends[index]))
            canvas.writer.line(x1: xLeft, y1: y0, x2: xRight, y2: y1, paint: paint, width: 2.5)
            canvas.writer.marker(index, x: xLeft, y: y0, paint: paint)
            canvas.writer.marker(index, x: xRight, y: y1, paint: paint)
        }

        // A note points at one end of its category's line (its series) or at the line's middle.
        canvas.locateAnnotation = { annotation in
            guard let category = annotation.category, let index = spec.categories.firstIndex(of: category) else { return nil }
            let (y0, y1) = (scale(starts[index]), scale(ends[index]))
            switch spec.seriesIndex(of: annotation) {
            case 0: return (xLeft, y0)
            case 1: return (xRight, y1)
            default: return ((xLeft + xRight) / 2, (y0 + y1) / 2)
            }
        }

        // Labels at both ends, each side spread so that none overlaps another.
        let middle = (TextMetrics.ascent(size: size) - TextMetrics.descent(size: size)) / 2
        let spacing = lineHeight + 2
        let leftCentres = LabelPlacement.stacked(starts.map { scale($0) }, spacing: spacing, low: plotTop - lineHeight / 2 + spacing / 2,
                                                high: plotBottom + lineHeight / 2)
        let rightCentres = LabelPlacement.stacked(ends.map { scale($0) }, spacing: spacing, low: plotTop - lineHeight / 2 + spacing / 2,
                                                 high: plotBottom + lineHeight / 2)
        var bottom = plotBottom + lineHeight / 2
        for index in spec.categories.indices {
            let full = "\(spec.categories[index])  \(text(starts[index]))"
            canvas.writer.text(leftTexts[index], x: xLeft - 8, y: leftCentres[index] + middle, size: size, anchor: .end,
                               title: leftTexts[index] == full ? nil : full)
            canvas.writer.text(rightTexts[index], x: xRight + 8, y: rightCentres[index] + middle, size: size,
                               title: rightTexts[index] == fullRightTexts[index] ? nil : fullRightTexts[index])
            bottom = max(bottom, leftCentres[index] + spacing / 2, rightCentres[index] + spacing / 2)
        }
        return bottom
    }
}
