/// Horizontal rows of marks, one row per category, labels wrapped on the left: bars (one series,
/// grouped series, stacked series and 100 % stacks; values inside the bar when they fit, outside
/// otherwise), and dots (`range`: a span from low to high with an optional point; `dot`: one dot
/// per series; `dumbbell`: dots joined by a line), which are read on an axis.
struct BarChart {
    static let rowGap = 10.0
    static let singleThickness = 20.0
    static let groupedThickness = 16.0
    static let stackedThickness = 22.0
    static let dotThickness = 14.0

    /// Draws the plot from `top` and returns the y below it.
    static func draw(_ canvas: inout ChartCanvas, top: Double, decimals: Int) -> Double {
        let top = AxisTitles.drawVertical(&canvas, top: top)
        let spec = canvas.spec
        let stacked = spec.kind == .stackedBar || spec.kind == .stackedBar100
        let dotted = [.range, .dot, .dumbbell].contains(spec.kind)
        let seriesCount = spec.series.count
        let patterned = seriesCount > 1 && !dotted
        let size = Theme.labelSize
        let format = canvas.format
        let signed = spec.options.signed
        var y = top

        let paints = (0..<seriesCount).map { canvas.seriesPaint($0, patterned: patterned) }
        if dotted {
            y = canvas.drawLegend(dotLegend(spec), top: y) + 4
        } else if seriesCount > 1 {
            y = canvas.drawLegend(zip(spec.series, paints).map { .init(label: $0.name, paint: $1) }, top: y) + 4
        }

        func text(_ value: Double) -> String { format.string(value, decimals: decimals, signed: signed) }
        // With value labels if the plot keeps a usable width beside them, else with an axis.
        // Dots are read on an axis: their values would collide on the row.
        var layout = HorizontalLayout.make(canvas: canvas, labelSize: size, showValues: spec.options.valueLabels && !dotted, text: text)
        if layout.showValues, layout.plotWidth < max(30, canvas.innerWidth * 0.2) {
            layout = HorizontalLayout.make(canvas: canvas, labelSize: size, showValues: false, text: text)
        }
        let showValues = layout.showValues
        let showAxis = layout.showAxis
        let labels = layout.labels
        let labelColumn = layout.labelColumn
        let plotLeft = layout.plotLeft, plotRight = layout.plotRight
        let scale = LinearScale(domain: layout.domain, range: (plotLeft, plotRight))

        // Labels of rules and bands on their own lines above the rows.
        let references = ReferenceMarks(spec: spec, format: format, decimals: decimals)
        let referenceLabels = references.labelLines(scale: scale, left: canvas.left, right: canvas.right)
        let referenceLabelsTop = y
        y += referenceLabels.height

        let thickness = dotted ? dotThickness : stacked ? stackedThickness : (seriesCount > 1 ? groupedThickness : singleThickness)
        let barBlock = stacked || dotted ? thickness : thickness * Double(seriesCount) + Double(seriesCount - 1)
        let lineHeight = TextMetrics.lineHeight(size: size)
        let rowHeights = labels.map { max(barBlock, Double($0.lines.count) * lineHeight) + rowGap }
        let rowsTop = y
        let rowsBottom = rowsTop + rowHeights.reduce(0, +)

        if !references.isEmpty {
            references.drawAcrossRows(on: &canvas.writer, scale: scale, top: rowsTop, bottom: rowsBottom - rowGap + 2,
                                      labelsTop: referenceLabelsTop, placements: referenceLabels.placements,
                                      left: canvas.left, right: canvas.right)
        }
        let axis = showAxis ? Axis(horizontal: scale, spacing: 70, format: format, signed: signed, gap: 8) : nil
        axis?.drawGrid(on: &canvas.writer, from: rowsTop, to: rowsBottom, zeroAsAxis: false)

        var rowTop = rowsTop
        var barsTops: [Double] = []
        for (index, label) in labels.enumerated() {
            let rowHeight = rowHeights[index]
            let contentHeight = rowHeight - rowGap
            let barsTop = rowTop + (contentHeight - barBlock) / 2
            barsTops.append(barsTop)
            // Category label, right-aligned against the bars, centred on the row.
            let labelTop = rowTop + (contentHeight - Double(label.lines.count) * lineHeight) / 2
            for (line, content) in label.lines.enumerated() {
                let baseline = labelTop + Double(line) * lineHeight + TextMetrics.ascent(size: size)
                canvas.writer.text(content, x: canvas.left + labelColumn, y: baseline, size: size,
                                   bold: spec.isHighlighted(spec.categories[index]), anchor: .end,
                                   title: label.isTruncated ? spec.categories[index] : nil)
            }
            if dotted {
                drawDots(&canvas, category: index, middle: barsTop + thickness / 2, scale: scale, left: layout.plotLeft, right: layout.plotRight)
            } else if stacked {
                drawStack(&canvas, category: index, top: barsTop, thickness: thickness, scale: scale, paints: paints,
                          showValues: showValues, text: text)
            } else {
                for (seriesIndex, series) in spec.series.enumerated() {
                    let barTop = barsTop + Double(seriesIndex) * (thickness + 1)
                    let category = spec.categories[index]
                    drawBar(&canvas, value: series.values[index], top: barTop, thickness: thickness, scale: scale,
                            paint: spec.isEmphasized(category) ? paints[seriesIndex] : .dimmed, series: seriesIndex,
                            outlined: spec.isHighlighted(category), showValue: showValues, text: text)
                }
            }
            rowTop += rowHeight
        }
        canvas.writer.line(x1: scale(0), y1: rowsTop - 2, x2: scale(0), y2: rowsBottom - rowGap + 2, paint: .axis)
        // A note points at the end of its category's bar (or of its series' bar, dot or segment).
        let grouped = !stacked && !dotted && seriesCount > 1
        // A note with a value alone points at that value on top of the rows.
        canvas.locateAnnotation = { annotation in
            if annotation.category == nil, let value = annotation.value { return (scale(value), rowsTop) }
            guard let category = annotation.category, let index = spec.categories.firstIndex(of: category) else { return nil }
            let bar = grouped ? spec.seriesIndex(of: annotation) : nil
            let middle = barsTops[index] + (bar.map { Double($0) * (thickness + 1) + thickness / 2 } ?? barBlock / 2)
            return (scale(spec.annotatedValue(annotation, at: index)), middle)
        }

        guard let axis else { return AxisTitles.drawHorizontal(&canvas, top: rowsBottom, right: plotRight) }
        let labelsBottom = axis.drawLabels(on: &canvas.writer, at: rowsBottom + TextMetrics.ascent(size: Theme.tickSize))
        return AxisTitles.drawHorizontal(&canvas, top: labelsBottom, right: plotRight)
    }

    private static func drawBar(_ canvas: inout ChartCanvas, value: Double, top: Double, thickness: Double,
                                scale: LinearScale, paint: Paint, series: Int, outlined: Bool = false, showValue: Bool, text: (Double) -> String) {
        let zero = scale(0), end = scale(value)
        canvas.writer.rect(x: min(zero, end), y: top, width: abs(end - zero), height: thickness, paint: paint,
                           stroke: outlined ? .text : nil, strokeWidth: 1.5)
        guard showValue else { return }
        let label = text(value)
        let width = TextMetrics.width(label, size: Theme.labelSize)
        let baseline = top + thickness / 2 + (TextMetrics.ascent(size: Theme.labelSize) - TextMetrics.descent(size: Theme.labelSize)) / 2
        let fitsInside = paint.patternID == nil && abs(end - zero) >= width + 8
        let negative = value < 0
        if fitsInside {
            canvas.writer.text(label, x: negative ? end + 4 : end - 4, y: baseline, size: Theme.labelSize, bold: true,
                               anchor: negative ? .start : .end, paint: Theme.onSeries(series))
        } else {
            canvas.writer.text(label, x: negative ? end - 4 : end + 4, y: baseline, size: Theme.labelSize,
                               anchor: negative ? .end : .start)
        }
    }

    /// The legend of a dot chart: a range's span and point, or each series' marker.
    private static func dotLegend(_ spec: ChartSpec) -> [ChartCanvas.LegendEntry] {
        guard spec.kind == .range else {
            return spec.series.enumerated().map { .init(label: $1.name, paint: Theme.series($0), marker: $0) }
        }
        var entries: [ChartCanvas.LegendEntry] = [.init(label: spec.series[0].name + " – " + spec.series[1].name, paint: Theme.series(0))]
        if spec.series.count > 2 { entries.append(.init(label: spec.series[2].name, paint: Theme.series(1), marker: 1)) }
        return entries
    }

    /// The dots of one category on its row, centred on `middle`.
    private static func drawDots(_ canvas: inout ChartCanvas, category: Int, middle: Double, scale: LinearScale, left: Double, right: Double) {
        let spec = canvas.spec
        let values = spec.series.map { $0.values[category] }
        switch spec.kind {
        case .range:
            let low = scale(values[0]), high = scale(values[1])
            canvas.writer.rect(x: min(low, high), y: middle - 5, width: max(2, abs(high - low)), height: 10, paint: Theme.series(0))
            if values.count > 2 { canvas.writer.marker(1, x: scale(values[2]), y: middle, paint: Theme.series(1)) }
        default:
            if spec.kind == .dumbbell, let low = values.min(), let high = values.max() {
                canvas.writer.line(x1: scale(low), y1: middle, x2: scale(high), y2: middle, paint: .axis, width: 2)
            } else {
                canvas.writer.line(x1: left, y1: middle, x2: right, y2: middle, paint: .grid)
            }
            for (index, value) in values.enumerated() {
                canvas.writer.marker(index, x: scale(value), y: middle, paint: Theme.series(index))
            }
        }
    }

    private static func drawStack(_ canvas: inout ChartCanvas, category: Int, top: Double, thickness: Double, scale: LinearScale,
                                  paints: [Paint], showValues: Bool, text: (Double) -> String) {
        let spec = canvas.spec
        var positive = 0.0, negative = 0.0
        let baseline = top + thickness / 2 + (TextMetrics.ascent(size: Theme.labelSize) - TextMetrics.descent(size: Theme.labelSize)) / 2
        for (seriesIndex, series) in spec.series.enumerated() {
            let value = series.values[category]
            guard value != 0 else { continue }
            let start = value > 0 ? positive : negative
            let end = start + value
            if value > 0 { positive = end } else { negative = end }
            let x0 = scale(start), x1 = scale(end)
            canvas.writer.rect(x: min(x0, x1), y: top, width: abs(x1 - x0), height: thickness, paint: paints[seriesIndex])
            guard showValues else { continue }
            let label = text(value)
            if TextMetrics.width(label, size: Theme.labelSize) + 6 <= abs(x1 - x0) {
                // On a pattern, a solid box of the segment's colour keeps the pattern's marks off the label.
                let backdrop = paints[seriesIndex].patternID == nil ? nil : Theme.series(seriesIndex)
                canvas.writer.text(label, x: (x0 + x1) / 2, y: baseline, size: Theme.labelSize, bold: true, anchor: .middle,
                                   paint: Theme.onSeries(seriesIndex), backdrop: backdrop)
            }
        }
        if showValues, spec.kind == .stackedBar, positive > 0 {
            canvas.writer.text(text(positive), x: scale(positive) + 4, y: baseline, size: Theme.labelSize)
        }
    }
}

/// Where the parts of a horizontal bar chart go across the width: category labels, the plot,
/// and the room kept beside it for value labels or tick labels.
struct HorizontalLayout {
    var showValues: Bool
    var showAxis: Bool
    var domain: (Double, Double)
    var labels: [WrappedText]
    var labelColumn: Double
    var plotLeft: Double
    var plotRight: Double
    var plotWidth: Double { plotRight - plotLeft }

    static func make(canvas: ChartCanvas, labelSize size: Double, showValues: Bool, text: (Double) -> String) -> HorizontalLayout {
        let spec = canvas.spec
        let stacked = spec.kind == .stackedBar || spec.kind == .stackedBar100
        let full: Double = spec.unit == .ratio ? 1 : 100
        var low = min(0, ReferenceMarks.extent(of: spec).min() ?? 0), high = max(0, ReferenceMarks.extent(of: spec).max() ?? 0)
        for index in spec.categories.indices {
            let values = spec.scaleSeries.map { $0.values[index] }
            if stacked {
                low = min(low, values.filter { $0 < 0 }.reduce(0, +))
                high = max(high, values.filter { $0 > 0 }.reduce(0, +))
            } else {
                low = min(low, values.min() ?? 0)
                high = max(high, values.max() ?? 0)
            }
        }
        if spec.kind == .stackedBar100 { low = 0; high = full }
        if low == high { high = 1 }
        let showAxis = !showValues || stacked
        let domain = showAxis && spec.kind != .stackedBar100 ? LinearScale.nice(low, high, count: 5) : (low, high)

        // Room for labels outside the bars and for tick labels.
        var positiveReserve = 0.0, negativeReserve = 0.0
        if showValues {
            if spec.kind == .stackedBar {
                for index in spec.categories.indices {
                    let total = spec.series.map { $0.values[index] }.filter { $0 > 0 }.reduce(0, +)
                    positiveReserve = max(positiveReserve, TextMetrics.width(text(total), size: size) + 6)
                }
            } else if !stacked {
                for value in spec.scaleSeries.flatMap(\.values) {
                    let width = TextMetrics.width(text(value), size: size) + 6
                    if value < 0 { negativeReserve = max(negativeReserve, width) } else { positiveReserve = max(positiveReserve, width) }
                }
            }
        }
        let tickHalf = showAxis
            ? AxisTicks.widestLabel(domain: domain, format: canvas.format, signed: spec.options.signed, size: Theme.tickSize) / 2 + 2
            : 0

        // Category label column, narrowed until the plot keeps a usable width.
        var labels: [WrappedText] = []
        var labelColumn = 0.0
        // Phones get a wider label column and more lines, so that labels wrap rather than get cut.
        let narrow = canvas.innerWidth < 420
        for share in narrow ? [0.45, 0.35, 0.25] : [0.35, 0.25, 0.15] {
            let maxWidth = max(30, canvas.innerWidth * share)
            labels = spec.categories.map { TextWrapping.wrap($0, width: maxWidth, size: size, bold: spec.isHighlighted($0), maxLines: narrow ? 5 : 4) }
            labelColumn = labels.map(\.width).max() ?? 0
            let plotWidth = canvas.innerWidth - labelColumn - 10 - max(negativeReserve, tickHalf) - max(positiveReserve, tickHalf)
            if plotWidth >= canvas.innerWidth * 0.3 { break }
        }
        let plotLeft = canvas.left + labelColumn + 10 + max(negativeReserve, tickHalf)
        let plotRight = canvas.right - max(positiveReserve, tickHalf)
        return HorizontalLayout(showValues: showValues, showAxis: showAxis, domain: domain, labels: labels,
                                labelColumn: labelColumn, plotLeft: plotLeft, plotRight: max(plotLeft + 1, plotRight))
    }
}
