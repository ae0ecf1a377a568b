/// Points on two linear axes; labels go right, left, above or below a point, wherever they
/// overlap nothing, and are left out (the description still lists them) when no place is free.
struct ScatterChart {
    static let defaultPlotHeight = 280.0

    /// Draws the plot from `top` and returns the y below it.
    static func draw(_ canvas: inout ChartCanvas, top: Double, decimals: Int) -> Double {
        let top = AxisTitles.drawVertical(&canvas, top: top)
        let spec = canvas.spec
        let plain = NumberFormat(locale: spec.locale)
        let tickSize = Theme.tickSize
        let size = Theme.labelSize
        // The axes reach the points and the places notes point at.
        let notes = spec.annotations.compactMap { note in note.x.flatMap(Double.init).map { ($0, note.value ?? 0) } }
        let xs = spec.points.map(\.x) + notes.map(\.0), ys = spec.points.map(\.y) + notes.map(\.1)
        func domain(_ values: [Double]) -> (Double, Double) {
            let low = values.min() ?? 0, high = values.max() ?? 1
            return low == high ? LinearScale.nice(low - 1, high + 1, count: 5) : LinearScale.nice(low, high, count: 5)
        }
        let xDomain = domain(xs), yDomain = domain(ys)
        // The x axis's first and last labels are centred on the plot's ends: half of one is kept on each side.
        let xHalf = AxisTicks.widestLabel(domain: xDomain, format: plain, signed: false, size: tickSize) / 2 + 2
        let frame = PlotFrame(canvas: canvas, domain: yDomain, signed: false, top: top, height: spec.options.plotHeight ?? defaultPlotHeight,
                              inset: xHalf)
        let (plotLeft, plotTop, plotBottom, yScale) = (frame.left, frame.top, frame.bottom, frame.scale)
        let plotRight = canvas.right - xHalf
        let xScale = LinearScale(domain: xDomain, range: (plotLeft, plotRight))

        frame.drawAxis(on: &canvas.writer, right: plotRight, zeroAsAxis: true)
        let xAxis = Axis(horizontal: xScale, spacing: 80, format: plain, signed: false, gap: 10)
        xAxis.drawGrid(on: &canvas.writer, from: plotTop, to: plotBottom, zeroAsAxis: true)
        let labelsBottom = xAxis.drawLabels(on: &canvas.writer, at: plotBottom + 4 + TextMetrics.ascent(size: tickSize))

        let paint = Theme.series(0)
        var placement = LabelPlacement()
        for point in spec.points {
            let x = xScale(point.x), y = yScale(point.y)
            canvas.writer.raw("<circle cx=\"\(SVGWriter.number(x))\" cy=\"\(SVGWriter.number(y))\" r=\"4\"\(Paint.attributes(fill: paint, stroke: .background)) stroke-width=\"1\" fill-opacity=\"0.85\"/>\n")
            placement.claim(LabelPlacement.Box(minX: x - 4, minY: y - 4, maxX: x + 4, maxY: y + 4))
            canvas.writer.occupancy?.add(LabelPlacement.Box(minX: x - 4.5, minY: y - 4.5, maxX: x + 4.5, maxY: y + 4.5))
        }
        canvas.locateAnnotation = { annotation in
            guard let x = annotation.x.flatMap(Double.init), let y = annotation.value else { return nil }
            return (xScale(x), yScale(y))
        }
        let bounds = LabelPlacement.Box(minX: plotLeft, minY: top, maxX: canvas.right, maxY: plotBottom)
        let middle = (TextMetrics.ascent(size: size) - TextMetrics.descent(size: size)) / 2
        for point in spec.points {
            guard let label = point.label, !label.trimmed.isEmpty else { continue }
            let text = TextWrapping.fit(label, width: canvas.innerWidth / 3, size: size)
            let x = xScale(point.x), y = yScale(point.y)
            let candidates: [(Double, Double, TextAnchor)] = [
                (x + 7, y + middle, .start), (x - 7, y + middle, .end),
                (x, y - 7 - TextMetrics.descent(size: size), .middle), (x, y + 7 + TextMetrics.ascent(size: size), .middle),
            ]
            for (lx, baseline, anchor) in candidates {
                let box = LabelPlacement.box(text, x: lx, baseline: baseline, size: size, anchor: anchor)
                guard placement.isFree(box, within: bounds) else { continue }
                placement.claim(box)
                canvas.writer.text(text, x: lx, y: baseline, size: size, anchor: anchor, paint: .text, halo: .background,
                                   title: text == label ? nil : label)
                break
            }
        }
        return AxisTitles.drawHorizontal(&canvas, top: labelsBottom, right: plotRight)
    }
}
