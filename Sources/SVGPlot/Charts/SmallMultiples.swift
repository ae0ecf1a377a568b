/// Small multiples (`facet: series`): the chart repeated once per series, each panel titled with
/// its series' name, all on the same value scale and with the same room for labels, so that
/// panels compare at a glance. Panels wrap to the width (at least 260 px each); a phone gets one
/// column. A note goes in the panel of the series it names.
enum SmallMultiples {
    static let minimumPanelWidth = 260.0
    static let gap = 18.0
    /// The plot height of a panel when the spec gives none: lower than a chart alone.
    static let panelPlotHeight = 150.0

    /// Draws the panels from `top`; returns the y below them.
    static func draw(_ canvas: inout ChartCanvas, top: Double, decimals: Int) -> Double {
        let spec = canvas.spec
        let count = spec.series.count
        let columns = max(1, min(count, Int((canvas.innerWidth + gap) / (minimumPanelWidth + gap))))
        let panelWidth = (canvas.innerWidth - gap * Double(columns - 1)) / Double(columns)
        let size = Theme.labelSize, lineHeight = TextMetrics.lineHeight(size: size)
        var y = top
        for rowStart in stride(from: 0, to: count, by: columns) {
            let row = rowStart..<min(rowStart + columns, count)
            let titles = row.map { TextWrapping.wrap(spec.series[$0].name, width: panelWidth, size: size, bold: true, maxLines: 3) }
            let titleHeight = Double(titles.map(\.lines.count).max() ?? 1) * lineHeight
            var rowBottom = y
            for (column, index) in row.enumerated() {
                let left = canvas.left + Double(column) * (panelWidth + gap)
                let title = titles[column]
                for (line, content) in title.lines.enumerated() {
                    canvas.writer.text(content, x: left, y: y + Double(line) * lineHeight + TextMetrics.ascent(size: size), size: size,
                                       bold: true, title: title.isTruncated ? spec.series[index].name : nil)
                }
                let panelTop = y + titleHeight + 6
                let panel = panelSpec(spec, series: index, width: panelWidth + 2 * ChartCanvas.margin, prefix: canvas.idPrefix)
                var panelCanvas = ChartCanvas(spec: panel, originX: left - ChartCanvas.margin)
                var bottom = ChartRenderer.drawBody(&panelCanvas, top: panelTop, decimals: decimals)
                if bottom == nil {
                    // Columns too narrow for their labels: this panel, like the others, as bars.
                    panelCanvas = ChartCanvas(spec: panel.asBars, originX: left - ChartCanvas.margin)
                    bottom = ChartRenderer.drawBody(&panelCanvas, top: panelTop, decimals: decimals)
                }
                canvas.writer.raw(panelCanvas.writer.output)
                rowBottom = max(rowBottom, bottom ?? panelTop)
            }
            y = rowBottom + gap
        }
        return y - gap
    }

    /// The spec of the panel of series `index`: that series alone, the notes that name it, the
    /// scale of all series.
    static func panelSpec(_ spec: ChartSpec, series index: Int, width: Double, prefix: String) -> ChartSpec {
        var panel = spec
        let name = spec.series[index].name
        panel.facet = nil
        panel.series = [spec.series[index]]
        panel.facetSiblings = spec.series
        panel.annotations = spec.annotations.filter { $0.series == name }.map { note in
            var note = note
            note.series = nil
            return note
        }
        // Series highlights have no meaning in a panel of one series; category highlights stay.
        if spec.kind == .line || spec.kind == .area { panel.highlight = [] }
        panel.title = name
        panel.subtitle = nil
        panel.options.showsTitle = false
        panel.options.showsSource = false
        panel.options.width = width
        panel.options.plotHeight = spec.options.plotHeight ?? panelPlotHeight
        panel.options.idPrefix = prefix + "-f\(index + 1)"
        return panel
    }
}
