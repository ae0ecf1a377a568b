import Wording
import Foundation

/// Notes (`annotations`), placed once every mark and label is drawn: each as near its anchor as
/// it can be where its text covers no mark, label or earlier note, joined to the anchor by a
/// leader line that crosses no text or bar; failing that, just under the plot (the chart grows).
/// A note that fits nowhere (a phone, a crowded plot) becomes a numbered marker beside its
/// anchor, its text listed under the chart.
enum AnnotationLayout {
    typealias Box = LabelPlacement.Box
    static let size = Theme.tickSize
    /// How far from its anchor a note may stand, tried nearest first.
    static let distances: [Double] = [8, 18, 32, 50, 74, 104]
    /// Directions tried at each distance: above first, then clockwise.
    static let directions: [(Double, Double)] = [(0, -1), (1, -1), (1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1)]
    static let markerRadius = 8.0

    /// How far under the plot a note that fits nowhere in it may reach, growing the chart.
    static let roomBelow = 72.0

    /// Draws the notes of `canvas.spec` between `top` and `bottom` (the plot's extent), or just
    /// under it when they fit nowhere inside; returns the y below them and below the list of notes
    /// that became markers.
    static func draw(_ canvas: inout ChartCanvas, top: Double, bottom: Double) -> Double {
        guard let locate = canvas.locateAnnotation, canvas.writer.occupancy != nil else { return bottom }
        var extent = bottom
        var listed: [(number: Int?, text: String)] = []
        var number = 0
        for annotation in canvas.spec.annotations {
            guard let located = locate(annotation) else { continue }
            let region = Box(minX: canvas.left, minY: top, maxX: canvas.right, maxY: extent)
            // A note pointing past the plot (a value off the axis) points at its edge.
            let anchor = (x: min(max(located.x, region.minX), region.maxX), y: min(max(located.y, region.minY), region.maxY))
            let text = annotation.text.trimmed
            if placeNote(text, anchor: anchor, region: region, on: &canvas.writer) != nil { continue }
            var below = region
            below.maxY += roomBelow
            if let box = placeNote(text, anchor: anchor, region: below, on: &canvas.writer) {
                extent = max(extent, box.maxY + 4)
                continue
            }
            if placeMarker(number + 1, anchor: anchor, region: region, on: &canvas.writer) {
                number += 1
                listed.append((number, text))
            } else {
                // No room even for a marker: the list says where the note points.
                listed.append((nil, canvas.spec.placeName(of: annotation) + canvas.spec.locale.colon + text))
            }
        }
        return drawList(listed, on: &canvas, top: extent)
    }

    /// Places and draws one note; returns its box, nil when no place is free.
    private static func placeNote(_ text: String, anchor: (x: Double, y: Double), region: Box, on writer: inout SVGWriter) -> Box? {
        guard let occupancy = writer.occupancy else { return nil }
        let lineHeight = TextMetrics.lineHeight(size: size)
        let widest = min(180, (region.maxX - region.minX) * 0.45)
        var wrappings: [WrappedText] = []
        for width in [widest, widest * 0.66] {
            let wrapped = TextWrapping.wrap(text, width: width, size: size, maxLines: 6)
            if !wrapped.isTruncated, !wrappings.contains(wrapped) { wrappings.append(wrapped) }
        }
        for distance in distances {
            for wrapped in wrappings {
                let width = wrapped.width, height = Double(wrapped.lines.count) * lineHeight
                for box in candidates(width: width, height: height, anchor: anchor, distance: distance)
                where inside(box, region) && occupancy.isFree(box, margin: 2) {
                    let end = nearestPoint(of: box, to: anchor)
                    let leader = Occupancy.Segment(x1: anchor.x, y1: anchor.y, x2: end.x, y2: end.y)
                    guard isClear(leader, anchor: anchor, occupancy: occupancy) else { continue }
                    writer.raw("<g class=\"gz-note\">\n")
                    if length(end.x - anchor.x, end.y - anchor.y) > 4 {
                        // 1.5 px and a dot on the point it names: a 1 px grey line vanished on a phone.
                        writer.line(x1: anchor.x, y1: anchor.y, x2: end.x, y2: end.y, paint: .muted, width: 1.5)
                        writer.path("M\(SVGWriter.number(anchor.x - 2.5)) \(SVGWriter.number(anchor.y))a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0 -5 0Z", fill: .muted)
                    }
                    for (index, line) in wrapped.lines.enumerated() {
                        writer.text(line, x: box.minX, y: box.minY + Double(index) * lineHeight + TextMetrics.ascent(size: size),
                                    size: size, paint: .text, halo: .background)
                    }
                    writer.raw("</g>\n")
                    return box
                }
            }
        }
        return nil
    }

    /// Boxes of `width` × `height` at `distance` from the anchor in each direction; straight
    /// above, below or beside it, the box is centred on the anchor or runs from it either way.
    private static func candidates(width: Double, height: Double, anchor: (x: Double, y: Double), distance: Double) -> [Box] {
        var boxes: [Box] = []
        for (dx, dy) in directions {
            let lefts: [Double] = dx > 0 ? [anchor.x + distance] : dx < 0 ? [anchor.x - distance - width]
                : [anchor.x - width / 2, anchor.x - 6, anchor.x + 6 - width]
            let tops: [Double] = dy > 0 ? [anchor.y + distance] : dy < 0 ? [anchor.y - distance - height]
                : [anchor.y - height / 2, anchor.y - 6, anchor.y + 6 - height]
            for left in lefts {
                for top in tops { boxes.append(Box(minX: left, minY: top, maxX: left + width, maxY: top + height)) }
            }
        }
        return boxes
    }

    /// A leader crosses no box but the marks its anchor lies on.
    private static func isClear(_ leader: Occupancy.Segment, anchor: (x: Double, y: Double), occupancy: Occupancy) -> Bool {
        !occupancy.boxes.contains { box in
            let holdsAnchor = box.minX - 1 <= anchor.x && anchor.x <= box.maxX + 1 && box.minY - 1 <= anchor.y && anchor.y <= box.maxY + 1
            return !holdsAnchor && Occupancy.crosses(leader, box)
        }
    }

    private static func length(_ dx: Double, _ dy: Double) -> Double { (dx * dx + dy * dy).squareRoot() }

    private static func inside(_ box: Box, _ region: Box) -> Bool {
        box.minX >= region.minX && box.maxX <= region.maxX && box.minY >= region.minY && box.maxY <= region.maxY
    }

    /// The point of `box`'s edge nearest to `point`, 2 px off it.
    private static func nearestPoint(of box: Box, to point: (x: Double, y: Double)) -> (x: Double, y: Double) {
        let x = min(max(point.x, box.minX - 2), box.maxX + 2), y = min(max(point.y, box.minY - 2), box.maxY + 2)
        return (x, y)
    }

    /// A numbered disc near the anchor where it and its leader cover nothing; false when there is
    /// no such place within reach.
    private static func placeMarker(_ number: Int, anchor: (x: Double, y: Double), region: Box, on writer: inout SVGWriter) -> Bool {
        guard let occupancy = writer.occupancy else { return false }
        let r = markerRadius
        for distance in [2.0, 6, 12, 20, 30, 44, 60, 80, 100] {
            for step in 0..<16 {
                let angle = Double(step) * .pi / 8 - .pi / 2
                let centre = (x: anchor.x + cos(angle) * (distance + r), y: anchor.y + sin(angle) * (distance + r))
                let box = Box(minX: centre.x - r, minY: centre.y - r, maxX: centre.x + r, maxY: centre.y + r)
                let leader = Occupancy.Segment(x1: anchor.x, y1: anchor.y, x2: centre.x - cos(angle) * r, y2: centre.y - sin(angle) * r)
                guard inside(box, region), occupancy.isFree(box, margin: 1), isClear(leader, anchor: anchor, occupancy: occupancy) else { continue }
                if distance > 3 { writer.line(x1: leader.x1, y1: leader.y1, x2: leader.x2, y2: leader.y2, paint: .muted) }
                drawDisc(number, x: centre.x, y: centre.y, on: &writer)
                return true
            }
        }
        return false
    }

    private static func drawDisc(_ number: Int, x: Double, y: Double, on writer: inout SVGWriter) {
        let n = SVGWriter.number
        writer.occupancy?.add(Box(minX: x - markerRadius, minY: y - markerRadius, maxX: x + markerRadius, maxY: y + markerRadius))
        writer.raw("<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(markerRadius))\"\(Paint.attributes(fill: .text, stroke: nil))/>\n")
        let digitSize = 11.0
        writer.text(String(number), x: x, y: y + (TextMetrics.ascent(size: digitSize) - TextMetrics.descent(size: digitSize)) / 2,
                    size: digitSize, bold: true, anchor: .middle, paint: .background)
    }

    /// The notes drawn as markers under the plot from `top`, each after its number (or after the
    /// name of its place when it has no marker); returns the y below them.
    private static func drawList(_ notes: [(number: Int?, text: String)], on canvas: inout ChartCanvas, top: Double) -> Double {
        guard !notes.isEmpty else { return top }
        let lineHeight = TextMetrics.lineHeight(size: size)
        let indent = 2 * markerRadius + 6
        var y = top + 8
        for (number, note) in notes {
            let wrapped = TextWrapping.wrap(note, width: canvas.innerWidth - indent, size: size, maxLines: 8)
            if let number { drawDisc(number, x: canvas.left + markerRadius, y: y + lineHeight / 2, on: &canvas.writer) }
            for (line, content) in wrapped.lines.enumerated() {
                canvas.writer.text(content, x: canvas.left + indent, y: y + Double(line) * lineHeight + TextMetrics.ascent(size: size),
                                   size: size, paint: .text, title: wrapped.isTruncated && line == 0 ? note : nil)
            }
            y += max(2 * markerRadius, Double(wrapped.lines.count) * lineHeight) + 4
        }
        return y
    }
}

extension ChartSpec {
    /// What a note points at, in words: its category or x (a scatter's point), its series, its value.
    func placeName(of annotation: ChartAnnotation) -> String {
        // A value is read in the chart's unit, as its axis writes it (a scatter's axes have none).
        let format = NumberFormat(locale: locale, unit: kind == .scatter ? .none : unit)
        let value = annotation.value.map { format.string($0, decimals: format.decimalsNeeded(for: [$0]), forSpeech: true) }
        let place = kind == .scatter ? "(\(annotation.x ?? "")\(locale.numberSeparator)\(value ?? ""))" : (annotation.category ?? annotation.x)
        let details = [annotation.series, kind == .scatter ? nil : value].compactMap { $0 }
        guard let place else { return details.joined(separator: ", ") }
        return place + (details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")")
    }

    /// The series a note names, if any.
    func seriesIndex(of annotation: ChartAnnotation) -> Int? {
        annotation.series.flatMap { name in series.firstIndex { $0.name == name } }
    }

    /// The value a note at position `index` (a category or an x) points at: its own `value`, else
    /// its series' value (the end of its segment in a stack), else the highest (a stack's end).
    func annotatedValue(_ annotation: ChartAnnotation, at index: Int) -> Double {
        if let value = annotation.value { return value }
        let values = series.map { $0.values[index] }
        let chosen = seriesIndex(of: annotation)
        guard kind == .stackedBar || kind == .stackedBar100 else { return chosen.map { values[$0] } ?? values.max() ?? 0 }
        let stacked = values.prefix(through: chosen ?? values.count - 1)
        let positives = stacked.filter { $0 > 0 }.reduce(0, +), negatives = stacked.filter { $0 < 0 }.reduce(0, +)
        return chosen.map { values[$0] < 0 ? negatives : positives } ?? (positives > 0 ? positives : negatives)
    }
}
