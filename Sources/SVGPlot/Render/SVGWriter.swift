/// Builds SVG text: escaped content, coordinates rounded to 2 decimals, attributes in a fixed order.
struct SVGWriter {
    private(set) var output = ""
    /// What has been drawn, kept only when asked for (a chart with notes to place).
    var occupancy: Occupancy?

    init() { output.reserveCapacity(8192) }

    /// `12.345` → `12.35`, `3.0` → `3`, `-0.001` → `0`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int((value * 100).rounded())
        if hundredths == 0 { return "0" }
        let negative = hundredths < 0
        let magnitude = abs(hundredths)
        var text = String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return negative ? "-" + text : text
    }

    /// Escapes text for element content and double-quoted attributes.
    static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }

    mutating func raw(_ text: String) { output += text }

    /// A rectangle filled with palette colour `paint`, outlined with `stroke` if given.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, paint: Paint?, stroke: Paint? = nil,
                       strokeWidth: Double = 1, extra: String = "") {
        if paint != .grid || stroke != nil { occupancy?.add(.init(minX: x, minY: y, maxX: x + max(0, width), maxY: y + max(0, height))) }
        output += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, width)))\" height=\"\(Self.number(max(0, height)))\"\(Paint.attributes(fill: paint, stroke: stroke))"
        if stroke != nil { output += " stroke-width=\"\(Self.number(strokeWidth))\"" }
        output += "\(extra)/>\n"
    }

    /// A straight line in palette colour `paint`.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, paint: Paint, width: Double = 1, extra: String = "") {
        if paint != .grid { occupancy?.add(.init(x1: x1, y1: y1, x2: x2, y2: y2)) }
        output += "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\"\(Paint.attributes(fill: nil, stroke: paint)) stroke-width=\"\(Self.number(width))\"\(extra)/>\n"
    }

    /// A path with fill and/or stroke; `outline`, the points a stroked line runs through, is what
    /// it covers.
    mutating func path(_ data: String, fill: Paint?, stroke: Paint? = nil, strokeWidth: Double = 0, extra: String = "",
                       outline: [(Double, Double)] = []) {
        for (start, end) in zip(outline, outline.dropFirst()) { occupancy?.add(.init(x1: start.0, y1: start.1, x2: end.0, y2: end.1)) }
        output += "<path d=\"\(data)\"\(Paint.attributes(fill: fill, stroke: stroke))"
        if stroke != nil { output += " stroke-width=\"\(Self.number(strokeWidth))\"" }
        output += "\(extra)/>\n"
    }

    /// One line of text; `anchor` is start, middle or end. Every text of a chart goes through here.
    /// `backdrop` draws a solid box of that colour behind the text first, 2 px around it: a label
    /// on a hatched or dotted fill then never touches the pattern's marks.
    mutating func text(_ content: String, x: Double, y: Double, size: Double, bold: Bool = false,
                       anchor: TextAnchor = .start, paint: Paint = .text, halo: Paint? = nil, backdrop: Paint? = nil, title: String? = nil) {
        if occupancy != nil {
            occupancy?.add(LabelPlacement.box(content, x: x, baseline: y, size: size, bold: bold, anchor: anchor))
        }
        if let backdrop {
            let width = TextMetrics.width(content, size: size, bold: bold)
            let left = anchor == .start ? x : (anchor == .middle ? x - width / 2 : x - width)
            let top = y - TextMetrics.ascent(size: size)
            output += "<rect x=\"\(Self.number(left - 2))\" y=\"\(Self.number(top - 2))\" width=\"\(Self.number(width + 4))\" height=\"\(Self.number(TextMetrics.ascent(size: size) + TextMetrics.descent(size: size) + 4))\" rx=\"2\"\(Paint.attributes(fill: backdrop, stroke: nil))/>\n"
        }
        output += "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\""
        if bold { output += " font-weight=\"bold\"" }
        if anchor != .start { output += " text-anchor=\"\(anchor.rawValue)\"" }
        output += Paint.attributes(fill: paint, stroke: halo)
        // `paint-order` as a style: HTML's validator refuses it as an attribute of inline SVG.
        if halo != nil { output += " stroke-width=\"3\" style=\"paint-order:stroke\" stroke-linejoin=\"round\"" }
        output += ">"
        if let title { output += "<title>\(Self.escape(title))</title>" }
        output += Self.escape(content) + "</text>\n"
    }
}

extension SVGWriter {
    /// The marker of series `series` (``Marker``) centred on (`x`, `y`).
    mutating func marker(_ series: Int, x: Double, y: Double, paint: Paint) {
        occupancy?.add(.init(minX: x - 4.5, minY: y - 4.5, maxX: x + 4.5, maxY: y + 4.5))
        raw(Marker.svg(series, x: x, y: y, paint: paint))
    }
}

/// Horizontal alignment of a text on its x coordinate.
enum TextAnchor: String {
    case start, middle, end
}
