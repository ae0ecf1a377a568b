/// Lines (and areas) over dates or numbers: y axis on the left, x axis below, each series
/// named at its end (direct labels), with its own dash pattern and marker shape besides colour.
struct LineChart {
    static let defaultPlotHeight = 260.0
    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "4 2", "1 2"]

    enum XAxis {
        case time(TimeScale, [Int])
        case numeric([Double])
        case categorical
    }

    /// The x axis the `x` values call for: all dates, all numbers, or else categories.
    static func xAxis(_ spec: ChartSpec) -> XAxis {
        let days = spec.x.map(TimeScale.Day.parse)
        if days.allSatisfy({ $0 != nil }) {
            let ordinals = days.compactMap { $0?.ordinal }
            if let first = days.compactMap({ $0 }).min(), let last = days.compactMap({ $0 }).max(), first != last {
                return .time(TimeScale(start: first, end: last, locale: spec.locale), ordinals)
            }
        }
        let numbers = spec.x.map { Double($0.replacingOccurrences(of: ",", with: ".")) }
        if numbers.allSatisfy({ $0 != nil }), Set(numbers.compactMap { $0 }).count > 1 {
            return .numeric(numbers.compactMap { $0 })
        }
        return .categorical
    }

    /// Draws the plot from `top` and returns the y below it.
    static func draw(_ canvas: inout ChartCanvas, top: Double, decimals: Int) -> Double {
        let spec = canvas.spec
        let format = canvas.format
        let signed = spec.options.signed
        let size = Theme.labelSize
        let tickSize = Theme.tickSize
        let isArea = spec.kind == .area
        // Rules and bands are named in a key above the plot: the right end names the series.
        let references = ReferenceMarks(spec: spec, format: format, decimals: decimals)
        let keyBottom = references.drawKey(on: &canvas.writer, top: top, left: canvas.left, right: canvas.right)

        // Direct labels at the right end: series names (several series) or the last value (one).
        let endTexts = spec.series.map { series -> String in
            spec.series.count > 1 ? series.name : format.string(series.values.last ?? 0, decimals: decimals, signed: signed)
        }
        let maxEnd = canvas.innerWidth * 0.3
        let fittedEnds = zip(endTexts, spec.series).map { text, series in
            TextWrapping.fit(text, width: maxEnd, size: size, bold: spec.isHighlighted(series.name))
        }
        // Names that would be cut there (a phone) are written whole in a key above the plot instead.
        let namesInKey = spec.series.count > 1 && fittedEnds != endTexts
        let endLabels = namesInKey ? [] : fittedEnds
        // Panels of small multiples keep the room of the widest last value of them all.
        let panelEnds = spec.facetSiblings.map { TextWrapping.fit(format.string($0.values.last ?? 0, decimals: decimals, signed: signed), width: maxEnd, size: size) }
        let endWidth = namesInKey ? 8 : ((zip(endLabels, spec.series).map { TextMetrics.width($0, size: size, bold: spec.isHighlighted($1.name)) }
            + panelEnds.map { TextMetrics.width($0, size: size) }).max() ?? 0) + 18
        let seriesKeyBottom = namesInKey ? drawSeriesKey(&canvas, top: keyBottom) : keyBottom
        let top = AxisTitles.drawVertical(&canvas, top: seriesKeyBottom)
        let all = spec.scaleSeries.flatMap(\.values) + ReferenceMarks.extent(of: spec)
        var low = all.min() ?? 0, high = all.max() ?? 1
        if isArea { low = min(low, 0); high = max(high, 0) }
        if low == high { low -= 1; high += 1 }
        let domain = LinearScale.nice(low, high, count: 5)

        // Tall enough for every end label to have its own line.
        let plotHeight = max(spec.options.plotHeight ?? defaultPlotHeight,
                             Double(spec.series.count) * (TextMetrics.lineHeight(size: size) + 2))
        let frame = PlotFrame(canvas: canvas, domain: domain, signed: signed, top: top, height: plotHeight)
        let (plotLeft, plotBottom, yScale) = (frame.left, frame.bottom, frame.scale)

        // X positions and tick labels.
        let xAxis = xAxis(spec)
        var xTickLabels: [(Double, String)] = []
        let tickHalf: Double
        let positions: [Double]
        let count = spec.x.count
        switch xAxis {
        case .time(let time, let ordinals):
            let widest = TextMetrics.width("sept. 2024", size: tickSize)
            tickHalf = widest / 2 + 2
            let right = canvas.right - max(endWidth, tickHalf)
            let scale = LinearScale(domain: (Double(time.start.ordinal), Double(time.end.ordinal)), range: (plotLeft + tickHalf, right))
            positions = ordinals.map { scale(Double($0)) }
            let maxCount = max(2, Int((right - plotLeft) / (widest + 12)))
            xTickLabels = time.ticks(maxCount: maxCount).map { (scale(Double($0.ordinal)), $0.label) }
        case .numeric(let numbers):
            let numberFormat = NumberFormat(locale: spec.locale)
            let xDomain = (numbers.min() ?? 0, numbers.max() ?? 1)
            let widest = AxisTicks.widestLabel(domain: xDomain, format: numberFormat, signed: false, size: tickSize)
            tickHalf = widest / 2 + 2
            let right = canvas.right - max(endWidth, tickHalf)
            let scale = LinearScale(domain: xDomain, range: (plotLeft + tickHalf, right))
            positions = numbers.map { scale($0) }
            let ticks = AxisTicks.make(scale: scale, preferredCount: max(2, Int((right - plotLeft) / 80)), format: numberFormat,
                                       signed: false, gap: 10) { TextMetrics.width($0, size: tickSize) }
            xTickLabels = zip(ticks.values, ticks.labels).map { (scale($0), $1) }
        case .categorical:
            let labels = spec.x.map { TextWrapping.fit($0, width: max(20, canvas.innerWidth / 4), size: tickSize) }
            let widest = labels.map { TextMetrics.width($0, size: tickSize) }.max() ?? 0
            tickHalf = widest / 2 + 2
            let right = canvas.right - max(endWidth, tickHalf)
            let scale = LinearScale(domain: (0, Double(max(1, count - 1))), range: (plotLeft + tickHalf, right))
            positions = (0..<count).map { scale(Double($0)) }
            xTickLabels = zip(positions, labels).map { ($0, $1) }
        }
        xTickLabels = withoutCollisions(xTickLabels, size: tickSize)

        // Grid and y ticks.
        let plotRight = canvas.right - max(endWidth, tickHalf)
        references.drawBands(on: &canvas.writer, scale: yScale, left: plotLeft, right: plotRight)
        frame.drawAxis(on: &canvas.writer, right: plotRight, zeroAsAxis: true)
        references.drawRules(on: &canvas.writer, scale: yScale, left: plotLeft, right: plotRight)

        // Series: area fill, line, markers.
        let showMarkers = count <= 30
        // Highlighted series are drawn last, on top of the grey ones.
        let order = spec.series.indices.filter { !spec.isHighlighted(spec.series[$0].name) }
            + spec.series.indices.filter { spec.isHighlighted(spec.series[$0].name) }
        for index in order {
            let series = spec.series[index]
            let paint = seriesPaint(index, spec)
            let points = zip(positions, series.values).map { ($0, yScale($1)) }
            let line = points.enumerated().map { "\($0 == 0 ? "M" : "L")\(SVGWriter.number($1.0)) \(SVGWriter.number($1.1))" }.joined()
            if isArea, let first = points.first, let last = points.last {
                let base = yScale(max(domain.0, min(0, domain.1)))
                let fill = line + "L\(SVGWriter.number(last.0)) \(SVGWriter.number(base))L\(SVGWriter.number(first.0)) \(SVGWriter.number(base))Z"
                canvas.writer.path(fill, fill: paint, extra: " fill-opacity=\"0.25\"")
            }
            let dash = dashes[index % dashes.count]
            canvas.writer.path(line, fill: nil, stroke: paint, strokeWidth: spec.isHighlighted(series.name) ? 3.5 : 2.5,
                               extra: (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + " stroke-linejoin=\"round\"", outline: points)
            if showMarkers {
                for point in points { canvas.writer.marker(index, x: point.0, y: point.1, paint: paint) }
            }
        }

        // A note with a value alone points at that value at the plot's left, against its axis.
        canvas.locateAnnotation = { annotation in
            if annotation.x == nil, let value = annotation.value { return (plotLeft, yScale(value)) }
            guard let x = annotation.x, let index = spec.x.firstIndex(of: x) else { return nil }
            return (positions[index], yScale(spec.annotatedValue(annotation, at: index)))
        }

        // Direct labels at the line ends, spread apart vertically.
        let lineHeight = TextMetrics.lineHeight(size: size)
        let targets = spec.series.map { yScale($0.values.last ?? 0) }
        let centres = LabelPlacement.spread(targets, spacing: lineHeight + 2, low: top + lineHeight / 2, high: plotBottom - lineHeight / 2)
        let endX = (positions.last ?? plotRight) + 8
        for (index, label) in endLabels.enumerated() {
            let baseline = centres[index] + (TextMetrics.ascent(size: size) - TextMetrics.descent(size: size)) / 2
            canvas.writer.line(x1: endX, y1: centres[index], x2: endX + 6, y2: centres[index], paint: seriesPaint(index, spec), width: 2.5)
            canvas.writer.text(label, x: endX + 9, y: baseline, size: size, bold: spec.isHighlighted(spec.series[index].name),
                               title: label == endTexts[index] ? nil : endTexts[index])
        }

        // X tick labels below the plot.
        let baseline = plotBottom + 4 + TextMetrics.ascent(size: tickSize)
        for (x, label) in xTickLabels {
            canvas.writer.text(label, x: x, y: baseline, size: tickSize, anchor: .middle, paint: .muted)
        }
        return AxisTitles.drawHorizontal(&canvas, top: max(baseline + TextMetrics.descent(size: tickSize), (centres.max() ?? 0) + lineHeight / 2),
                                         right: plotRight)
    }
}

extension LineChart {
    /// The colour of series `index`, grey when others are highlighted.
    static func seriesPaint(_ index: Int, _ spec: ChartSpec) -> Paint {
        spec.isEmphasized(spec.series[index].name) ? Theme.series(index) : .dimmed
    }

    /// A key of the series above the plot, for names too long for the line ends: each series' stroke
    /// (its dash and marker, so that colour is not the only channel) then its whole name (wrapped),
    /// flowing from left to right. Returns the y below it.
    static func drawSeriesKey(_ canvas: inout ChartCanvas, top: Double) -> Double {
        let size = Theme.labelSize, lineHeight = TextMetrics.lineHeight(size: size), stroke = 22.0
        var x = canvas.left, y = top, rowBottom = top
        for (index, series) in canvas.spec.series.enumerated() {
            let bold = canvas.spec.isHighlighted(series.name)
            let wrapped = TextWrapping.wrap(series.name, width: canvas.innerWidth - stroke - 6, size: size, bold: bold)
            let width = stroke + 6 + wrapped.width
            if x > canvas.left, x + width > canvas.right {
                x = canvas.left
                y = rowBottom
            }
            let middle = y + lineHeight / 2
            let dash = dashes[index % dashes.count]
            let paint = seriesPaint(index, canvas.spec)
            canvas.writer.line(x1: x, y1: middle, x2: x + stroke, y2: middle, paint: paint, width: 2.5,
                               extra: dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")
            canvas.writer.marker(index, x: x + stroke / 2, y: middle, paint: paint)
            for (line, content) in wrapped.lines.enumerated() {
                canvas.writer.text(content, x: x + stroke + 6, y: y + Double(line) * lineHeight + TextMetrics.ascent(size: size), size: size,
                                   bold: bold, title: wrapped.isTruncated ? series.name : nil)
            }
            rowBottom = max(rowBottom, y + Double(wrapped.lines.count) * lineHeight)
            x += width + 16
        }
        return rowBottom + 6
    }

    /// Keeps, from left to right, each tick label that stays 8 px clear of the previous one kept.
    static func withoutCollisions(_ labels: [(Double, String)], size: Double) -> [(Double, String)] {
        var kept: [(Double, String)] = []
        var previousEnd = -Double.infinity
        for (x, label) in labels {
            let half = TextMetrics.width(label, size: size) / 2
            guard x - half >= previousEnd + 8 else { continue }
            kept.append((x, label))
            previousEnd = x + half
        }
        return kept
    }
}

/// Marker shapes that tell series apart without colour.
enum Marker {
    static func svg(_ series: Int, x: Double, y: Double, paint: Paint) -> String {
        let n = SVGWriter.number
        let attributes = Paint.attributes(fill: paint, stroke: nil)
        switch series % 4 {
        case 0: return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"3.5\"\(attributes)/>\n"
        case 1: return "<rect x=\"\(n(x - 3.2))\" y=\"\(n(y - 3.2))\" width=\"6.4\" height=\"6.4\"\(attributes)/>\n"
        case 2: return "<path d=\"M\(n(x)) \(n(y - 4.2))L\(n(x + 4)) \(n(y + 3))L\(n(x - 4)) \(n(y + 3))Z\"\(attributes)/>\n"
        default: return "<path d=\"M\(n(x)) \(n(y - 4.5))L\(n(x + 4.5)) \(n(y))L\(n(x)) \(n(y + 4.5))L\(n(x - 4.5)) \(n(y))Z\"\(attributes)/>\n"
        }
    }
}
