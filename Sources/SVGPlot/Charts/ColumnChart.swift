/// Vertical columns of one series: a value axis on the left, category labels wrapped under
/// each column (cut with an ellipsis only when a single word is wider than the column).
struct ColumnChart {
    static let defaultPlotHeight = 240.0

    /// Where the columns go across: the value domain, the plot's left and right ends, the bands,
    /// and the rules and bands with the width kept for their names.
    private struct Layout {
        let domain: (Double, Double)
        let low: Double
        let plotLeft: Double
        let plotRight: Double
        let band: BandScale
        let references: ReferenceMarks
        let referenceMaximum: Double

        init(canvas: ChartCanvas, decimals: Int) {
            let spec = canvas.spec
            let values = spec.series[0].values
            let reach = spec.scaleSeries.flatMap(\.values) + ReferenceMarks.extent(of: spec)
            low = min(0, reach.min() ?? 0)
            let high = max(reach.max() ?? 0, low == 0 ? 1e-9 : 0)
            domain = LinearScale.nice(low, high == low ? 1 : high, count: 5)
            plotLeft = PlotFrame.left(canvas: canvas, domain: domain, signed: spec.options.signed)
            // Rules and bands are named right of the plot, clear of the columns and their values.
            references = ReferenceMarks(spec: spec, format: canvas.format, decimals: decimals)
            referenceMaximum = canvas.innerWidth * 0.3
            let referenceWidth = references.labelWidth(maximum: referenceMaximum)
            plotRight = canvas.right - (referenceWidth > 0 ? referenceWidth + 6 : 0)
            band = BandScale(count: values.count, range: (plotLeft, plotRight), paddingInner: 0.25, paddingOuter: 0.15)
        }

        /// The size of the category labels: the largest of three at which none is cut, else the
        /// smallest, and whether some label is cut even then.
        func labelSize(_ spec: ChartSpec) -> (size: Double, cuts: Bool) {
            let size = Theme.labelSize
            let fitting = [size, size - 1, size - 2].first { candidate in
                spec.categories.allSatisfy {
                    !TextWrapping.wrap($0, width: band.step - 4, size: candidate, bold: spec.isHighlighted($0), maxLines: 3).isTruncated
                }
            }
            return (fitting ?? size - 2, fitting == nil)
        }
    }

    /// Draws the plot from `top` and returns the y below it; nil, drawing nothing, when some
    /// category label would be cut even at the smallest size: such a chart is drawn as horizontal
    /// bars instead (on a phone, long words do not fit under narrow columns).
    static func draw(_ canvas: inout ChartCanvas, top: Double, decimals: Int) -> Double? {
        let spec = canvas.spec
        let values = spec.series[0].values
        let format = canvas.format
        let signed = spec.options.signed
        let size = Theme.labelSize
        let paint = canvas.seriesPaint(0, patterned: false)
        func text(_ value: Double) -> String { format.string(value, decimals: decimals, signed: signed) }

        let layout = Layout(canvas: canvas, decimals: decimals)
        let (labelSize, cutsLabels) = layout.labelSize(spec)
        guard !cutsLabels else { return nil }
        let top = AxisTitles.drawVertical(&canvas, top: top)
        let (domain, low, plotLeft, plotRight, band) = (layout.domain, layout.low, layout.plotLeft, layout.plotRight, layout.band)
        let references = layout.references, referenceMaximum = layout.referenceMaximum

        // Value labels are shown only if every one fits its column's width.
        let valueTexts = values.map(text)
        let showValues = spec.options.valueLabels
            && spec.scaleSeries.flatMap(\.values).allSatisfy { TextMetrics.width(text($0), size: size) <= band.step - 2 }
        let valueRoom = showValues ? TextMetrics.lineHeight(size: size) + 4 : 0

        // Value labels take room above the columns, and below them when some are negative.
        let frame = PlotFrame(canvas: canvas, domain: domain, signed: signed, top: top, height: spec.options.plotHeight ?? defaultPlotHeight,
                              headroom: valueRoom, footroom: low < 0 ? valueRoom : 0)
        let (plotBottom, scale) = (frame.bottom, frame.scale)

        references.drawBands(on: &canvas.writer, scale: scale, left: plotLeft, right: plotRight)
        frame.drawAxis(on: &canvas.writer, right: plotRight, zeroAsAxis: false)
        references.drawRules(on: &canvas.writer, scale: scale, left: plotLeft, right: plotRight)

        let zero = scale(0)
        for (index, value) in values.enumerated() {
            let end = scale(value)
            let category = spec.categories[index]
            canvas.writer.rect(x: band.start(index), y: min(zero, end), width: band.bandwidth, height: abs(end - zero),
                               paint: spec.isEmphasized(category) ? paint : .dimmed, stroke: spec.isHighlighted(category) ? .text : nil,
                               strokeWidth: 1.5)
            guard showValues else { continue }
            let baseline = value < 0
                ? end + 2 + TextMetrics.ascent(size: size)
                : end - 2 - TextMetrics.descent(size: size)
            canvas.writer.text(valueTexts[index], x: band.center(index), y: baseline, size: size, anchor: .middle)
        }
        canvas.writer.line(x1: plotLeft, y1: zero, x2: plotRight, y2: zero, paint: .axis)
        // A note points at the top of its column, above the value written there.
        // A note with a value alone points at that value at the plot's left, against its axis.
        canvas.locateAnnotation = { annotation in
            if annotation.category == nil, let value = annotation.value { return (plotLeft, scale(value)) }
            guard let category = annotation.category, let index = spec.categories.firstIndex(of: category) else { return nil }
            let end = scale(spec.annotatedValue(annotation, at: index))
            let labelled = showValues && annotation.value == nil && values[index] >= 0
            return (band.center(index), labelled ? end - TextMetrics.lineHeight(size: size) - 2 : end)
        }
        let referencesBottom = references.drawLabels(on: &canvas.writer, scale: scale, x: plotRight + 6, anchor: .start,
                                                     maximum: referenceMaximum, top: top)

        // Category labels under the plot, each wrapped to its step; a smaller size before any cut.
        let lineHeight = TextMetrics.lineHeight(size: labelSize)
        var bottom = max(plotBottom, referencesBottom)
        for (index, category) in spec.categories.enumerated() {
            let bold = spec.isHighlighted(category)
            let wrapped = TextWrapping.wrap(category, width: band.step - 4, size: labelSize, bold: bold, maxLines: 3)
            for (line, content) in wrapped.lines.enumerated() {
                let baseline = plotBottom + 6 + Double(line) * lineHeight + TextMetrics.ascent(size: labelSize)
                canvas.writer.text(content, x: band.center(index), y: baseline, size: labelSize, bold: bold, anchor: .middle,
                                   title: wrapped.isTruncated ? category : nil)
                bottom = max(bottom, baseline + TextMetrics.descent(size: labelSize))
            }
        }
        return AxisTitles.drawHorizontal(&canvas, top: bottom, right: plotRight)
    }
}
