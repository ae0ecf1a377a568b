import Wording
/// The frame every chart shares: title and subtitle on top, legend, source and note at the
/// bottom, `<title>`/`<desc>`, styles and patterns; the chart kinds draw the plot in between.
struct ChartCanvas {
    let spec: ChartSpec
    let width: Double
    let idPrefix: String
    let format: NumberFormat
    var writer = SVGWriter()
    /// Patterns used so far, by series index.
    private var patternIndices: Set<Int> = []
    /// Where the document's x starts for this canvas: 0, or a panel's place among small multiples.
    let originX: Double
    /// Where a note points, set by the chart kinds that take notes once their scales are laid out.
    var locateAnnotation: ((ChartAnnotation) -> (x: Double, y: Double)?)?

    static let margin = 2.0
    /// The room around a standalone chart (``finish(height:description:standalone:)``).
    static let standalonePadding = 16.0
    static let gap = 10.0

    /// A canvas for `spec`, starting at `originX` across the document.
    init(spec: ChartSpec, originX: Double = 0) {
        self.spec = spec
        self.originX = originX
        width = spec.options.width
        if !spec.annotations.isEmpty { writer.occupancy = Occupancy() }
        idPrefix = spec.options.idPrefix ?? "gz" + Self.hash(spec)
        format = NumberFormat(locale: spec.locale, unit: spec.unit, compact: true)
    }

    /// The left and right limits of drawing.
    var left: Double { originX + Self.margin }
    var right: Double { originX + width - Self.margin }
    var innerWidth: Double { right - left }

    /// Draws title and subtitle (when shown); returns the y below them.
    mutating func drawHeader() -> Double {
        var y = Self.margin
        guard spec.options.showsTitle else { return y }
        y = drawParagraph(spec.title, top: y, size: Theme.titleSize, bold: true, paint: .text, maxLines: 4)
        if let subtitle = spec.subtitle, !subtitle.trimmed.isEmpty {
            y = drawParagraph(subtitle, top: y + 4, size: Theme.subtitleSize, bold: false, paint: .muted, maxLines: 4)
        }
        return y + Self.gap + 4
    }

    /// Draws "Source : …" and the note (when shown) from `top`; returns the y below them.
    mutating func drawFooter(top: Double) -> Double {
        var y = top
        var lines: [String] = []
        if spec.options.showsSource, let source = spec.source, !source.trimmed.isEmpty {
            lines.append("Source" + spec.locale.colon + source)
        }
        if spec.options.showsSource, let note = spec.note, !note.trimmed.isEmpty { lines.append(note) }
        guard !lines.isEmpty else { return y }
        y += Self.gap
        for line in lines {
            y = drawParagraph(line, top: y, size: Theme.sourceSize, bold: false, paint: .muted, maxLines: 6) + 2
        }
        return y
    }

    /// Wrapped text from `top`, left-aligned; returns the y below the last line.
    mutating func drawParagraph(_ text: String, top: Double, size: Double, bold: Bool, paint: Paint, maxLines: Int) -> Double {
        let wrapped = TextWrapping.wrap(text, width: innerWidth, size: size, bold: bold, maxLines: maxLines)
        var y = top
        for line in wrapped.lines {
            y += TextMetrics.ascent(size: size)
            writer.text(line, x: left, y: y, size: size, bold: bold, paint: paint, title: wrapped.isTruncated ? text : nil)
            y += TextMetrics.descent(size: size) + size * 0.2
        }
        return y
    }

    /// The paint of series `index`: plain colour for the first, colour plus pattern after it,
    /// so that colour is never the only way to tell series apart.
    mutating func seriesPaint(_ index: Int, patterned: Bool) -> Paint {
        var paint = Theme.series(index)
        if patterned, index > 0 {
            patternIndices.insert(index)
            paint.patternID = "\(idPrefix)-p\(index)"
        }
        return paint
    }

    /// One legend entry: a swatch and a label.
    struct LegendEntry {
        var label: String
        var paint: Paint
        /// The marker shape of series `marker` instead of a square swatch (dot charts).
        var marker: Int?
    }

    /// Legend entries flowing in rows from `top`; returns the y below them.
    mutating func drawLegend(_ entries: [LegendEntry], top: Double) -> Double {
        let size = Theme.labelSize
        let swatch = 12.0
        let lineHeight = TextMetrics.lineHeight(size: size) + 4
        var x = left
        var y = top
        for entry in entries {
            let maxLabel = innerWidth - swatch - 6
            let label = TextWrapping.fit(entry.label, width: maxLabel, size: size)
            let itemWidth = swatch + 6 + TextMetrics.width(label, size: size) + 16
            if x > left, x + itemWidth - 16 > right {
                x = left
                y += lineHeight
            }
            let baseline = y + TextMetrics.ascent(size: size)
            if let marker = entry.marker {
                writer.marker(marker, x: x + swatch / 2, y: baseline - swatch / 2 + 1, paint: entry.paint)
            } else {
                writer.rect(x: x, y: baseline - swatch + 1, width: swatch, height: swatch, paint: entry.paint)
            }
            writer.text(label, x: x + swatch + 6, y: baseline, size: size, title: label == entry.label ? nil : entry.label)
            x += itemWidth
        }
        return y + lineHeight
    }

    /// The finished SVG document of `height`, with accessible name and description. A `standalone`
    /// document (a file of its own, shown by an `<img>` anywhere) starts with the XML declaration,
    /// keeps the light colours whatever the reader's preference, and has an opaque background.
    func finish(height: Double, description: String, standalone: Bool = false) -> String {
        // A standalone chart has a padding of its own: nothing of the page around it.
        let padding = standalone ? Self.standalonePadding : 0
        let origin = SVGWriter.number(-padding)
        let w = SVGWriter.number(width + 2 * padding), h = SVGWriter.number(height + 2 * padding)
        let cssClass = SVGWriter.escape(["gz-chart", spec.options.cssClass].compactMap { $0 }.joined(separator: " "))
        let forcedColours = standalone ? " style=\"\(ChartColours.customProperties(light: true))\"" : ""
        var svg = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(cssClass)\"\(forcedColours) viewBox=\"\(origin) \(origin) \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" role=\"img\" aria-labelledby=\"\(idPrefix)-title \(idPrefix)-desc\" font-family=\"\(TextMetrics.fontFamily)\">\n"
        svg += "<title id=\"\(idPrefix)-title\">\(SVGWriter.escape(spec.title))</title>\n"
        svg += "<desc id=\"\(idPrefix)-desc\">\(SVGWriter.escape(description))</desc>\n"
        svg += "<style>\(Theme.styleSheet)</style>\n"
        if standalone { svg += "<rect x=\"\(origin)\" y=\"\(origin)\" width=\"\(w)\" height=\"\(h)\"\(Paint.attributes(fill: .background, stroke: nil))/>\n" }
        if !patternIndices.isEmpty {
            svg += "<defs>"
            for index in patternIndices.sorted() { svg += pattern(index) }
            svg += "</defs>\n"
        }
        return svg + writer.output + "</svg>\n"
    }

    private func pattern(_ index: Int) -> String {
        let colour = Theme.series(index), ink = Theme.onSeries(index)
        let background = Paint.attributes(fill: colour, stroke: nil)
        let mark = Paint.attributes(fill: ink, stroke: nil)
        let angle = [45, 0, -45, 90, 45][(index - 1) % 5]
        let shape = (index - 1) % 5 == 1
            ? "<circle cx=\"3\" cy=\"3\" r=\"1.2\"\(mark)/>"
            : "<rect width=\"1.5\" height=\"6\"\(mark)/>"
        return "<pattern id=\"\(idPrefix)-p\(index)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(\(angle))\"><rect width=\"6\" height=\"6\"\(background)/>\(shape)</pattern>"
    }

    /// A short, stable hash of the spec, so ids differ between charts of one page.
    private static func hash(_ spec: ChartSpec) -> String {
        var value: UInt32 = 2_166_136_261
        let key = spec.kind.rawValue + "\u{1}" + spec.title + "\u{1}" + spec.categories.joined(separator: "\u{1}")
            + spec.series.map { $0.name + $0.values.map { String($0) }.joined(separator: ",") }.joined(separator: "\u{1}")
        for byte in key.utf8 {
            value ^= UInt32(byte)
            value = value &* 16_777_619
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
