import Wording
import Foundation

/// Donut and pie: slices clockwise from twelve o'clock, each with a colour and (after the first)
/// a pattern, values on the slices where they fit, and a legend that names every slice with its value.
struct DonutChart {
    /// Draws the plot from `top` and returns the y below it.
    static func draw(_ canvas: inout ChartCanvas, top: Double, decimals: Int) -> Double {
        let spec = canvas.spec
        let values = spec.series[0].values
        let total = values.reduce(0, +)
        let size = Theme.labelSize
        let format = canvas.format
        let colon = spec.locale.colon
        let paints = values.indices.map { canvas.seriesPaint($0, patterned: true) }
        let diameter = min(240, canvas.innerWidth * 0.45)
        let besideLegend = canvas.innerWidth - diameter - 20 >= 180
        let radius = diameter / 2
        let centre = (x: canvas.left + radius, y: top + radius)
        let inner = spec.kind == .donut ? radius * 0.55 : 0

        // Slices.
        var angle = -Double.pi / 2
        var placement = LabelPlacement()
        var sliceLabels: [(String, Double, Double, Int)] = []
        for (index, value) in values.enumerated() where value > 0 {
            let sweep = value / total * 2 * Double.pi
            canvas.writer.path(slicePath(centre: centre, radius: radius, inner: inner, from: angle, sweep: sweep),
                               fill: paints[index], stroke: .background, strokeWidth: 1)
            let middle = angle + sweep / 2
            let labelRadius = inner > 0 ? (inner + radius) / 2 : radius * 0.62
            sliceLabels.append((format.string(value, decimals: decimals, signed: spec.options.signed),
                                centre.x + labelRadius * cos(middle), centre.y + labelRadius * sin(middle), index))
            angle += sweep
        }
        let ring = inner > 0 ? radius - inner : radius
        let bounds = LabelPlacement.Box(minX: centre.x - radius, minY: centre.y - radius, maxX: centre.x + radius, maxY: centre.y + radius)
        for (text, x, y, index) in sliceLabels where spec.options.valueLabels {
            let baseline = y + (TextMetrics.ascent(size: size) - TextMetrics.descent(size: size)) / 2
            let box = LabelPlacement.box(text, x: x, baseline: baseline, size: size, bold: true, anchor: .middle)
            let sweep = values[index] / total * 2 * Double.pi
            let arc = sweep * (inner > 0 ? (inner + radius) / 2 : radius * 0.62)
            guard box.maxX - box.minX + 6 <= arc, box.maxY - box.minY <= ring, placement.isFree(box, within: bounds) else { continue }
            placement.claim(box)
            // On a pattern, a solid box of the slice's colour keeps the pattern's marks off the label.
            let backdrop = paints[index].patternID == nil ? nil : Theme.series(index)
            canvas.writer.text(text, x: x, y: baseline, size: size, bold: true, anchor: .middle, paint: Theme.onSeries(index), backdrop: backdrop)
        }

        // Legend: one entry per slice, with its value.
        let legendLeft = besideLegend ? canvas.left + diameter + 20 : canvas.left
        var y = besideLegend ? top : top + diameter + ChartCanvas.gap
        let swatch = 12.0
        let textWidth = canvas.right - legendLeft - swatch - 8
        let lineHeight = TextMetrics.lineHeight(size: size)
        let entries = spec.categories.enumerated().map { index, category in
            category + colon + format.string(values[index], decimals: decimals, signed: spec.options.signed)
        }
        let legendHeight = entries.reduce(0.0) { sum, entry in
            sum + Double(TextWrapping.wrap(entry, width: textWidth, size: size).lines.count) * lineHeight + 6
        }
        if besideLegend { y = top + max(0, (diameter - legendHeight) / 2) }
        for (index, entry) in entries.enumerated() {
            let wrapped = TextWrapping.wrap(entry, width: textWidth, size: size)
            canvas.writer.rect(x: legendLeft, y: y + (lineHeight - swatch) / 2, width: swatch, height: swatch, paint: paints[index])
            for (line, content) in wrapped.lines.enumerated() {
                canvas.writer.text(content, x: legendLeft + swatch + 8, y: y + Double(line) * lineHeight + TextMetrics.ascent(size: size),
                                   size: size, title: wrapped.isTruncated ? entry : nil)
            }
            y += Double(wrapped.lines.count) * lineHeight + 6
        }
        return max(top + diameter, y)
    }

    /// An annular sector (a pie sector when `inner` is 0); a full turn is drawn as two halves.
    static func slicePath(centre: (x: Double, y: Double), radius: Double, inner: Double, from start: Double, sweep: Double) -> String {
        let n = SVGWriter.number
        func point(_ r: Double, _ a: Double) -> String { "\(n(centre.x + r * cos(a))) \(n(centre.y + r * sin(a)))" }
        if sweep >= 2 * Double.pi - 1e-9 {
            let outer = "M\(point(radius, start))A\(n(radius)) \(n(radius)) 0 1 1 \(point(radius, start + .pi))A\(n(radius)) \(n(radius)) 0 1 1 \(point(radius, start))Z"
            guard inner > 0 else { return outer }
            return outer + "M\(point(inner, start))A\(n(inner)) \(n(inner)) 0 1 0 \(point(inner, start + .pi))A\(n(inner)) \(n(inner)) 0 1 0 \(point(inner, start))Z"
        }
        let end = start + sweep
        let large = sweep > .pi ? 1 : 0
        var path = "M\(point(radius, start))A\(n(radius)) \(n(radius)) 0 \(large) 1 \(point(radius, end))"
        if inner > 0 {
            path += "L\(point(inner, end))A\(n(inner)) \(n(inner)) 0 \(large) 0 \(point(inner, start))Z"
        } else {
            path += "L\(n(centre.x)) \(n(centre.y))Z"
        }
        return path
    }
}
