import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SVGPlot

/// Reads back what a chart drew: its view box and the box of every text, measured with the
/// same font tables, so that tests can check the geometry of the output itself.
struct SVGInspector {
    struct TextBox: CustomStringConvertible {
        let content: String
        let minX, minY, maxX, maxY: Double
        var description: String { "\"\(content)\" [\(minX), \(minY)] – [\(maxX), \(maxY)]" }

        func overlaps(_ other: TextBox, tolerance: Double = 0.01) -> Bool {
            minX < other.maxX - tolerance && other.minX < maxX - tolerance
                && minY < other.maxY - tolerance && other.minY < maxY - tolerance
        }
    }

    let svg: String
    let width: Double
    let height: Double
    let texts: [TextBox]

    init(_ svg: String) {
        self.svg = svg
        let viewBox = Self.capture(#"viewBox="0 0 ([0-9.]+) ([0-9.]+)""#, in: svg).first ?? ["0", "0"]
        width = Double(viewBox[0]) ?? 0
        height = Double(viewBox[1]) ?? 0
        texts = Self.textBoxes(in: svg)
    }

    /// The box of every `<text>` of `svg`.
    static func textBoxes(in svg: String) -> [TextBox] {
        let pattern = #"<text x="([-0-9.]+)" y="([-0-9.]+)" font-size="([0-9.]+)"( font-weight="bold")?( text-anchor="(middle|end)")?[^>]*>(?:<title>[^<]*</title>)?([^<]*)</text>"#
        return capture(pattern, in: svg).compactMap { groups in
            guard let x = Double(groups[0]), let y = Double(groups[1]), let size = Double(groups[2]) else { return nil }
            let content = Self.unescape(groups[6])
            guard !content.isEmpty else { return nil }
            let bold = !groups[3].isEmpty
            let textWidth = TextMetrics.width(content, size: size, bold: bold)
            let minX: Double
            switch groups[5] {
            case "middle": minX = x - textWidth / 2
            case "end": minX = x - textWidth
            default: minX = x
            }
            return TextBox(content: content, minX: minX, minY: y - TextMetrics.ascent(size: size),
                           maxX: minX + textWidth, maxY: y + TextMetrics.descent(size: size))
        }
    }

    /// Pairs of texts that overlap (beyond rounding to 2 decimals).
    var overlappingTexts: [(TextBox, TextBox)] {
        var pairs: [(TextBox, TextBox)] = []
        for i in texts.indices {
            for j in texts.indices where j > i && texts[i].overlaps(texts[j], tolerance: 0.02) {
                pairs.append((texts[i], texts[j]))
            }
        }
        return pairs
    }

    /// Texts that reach outside the view box.
    var textsOutsideViewBox: [TextBox] {
        texts.filter { $0.minX < -0.01 || $0.minY < -0.01 || $0.maxX > width + 0.01 || $0.maxY > height + 0.01 }
    }

    /// The texts of notes (`annotations`), each drawn in a `<g class="gz-note">`.
    var noteTexts: [TextBox] {
        Self.textBoxes(in: Self.capture(#"<g class="gz-note">((?:(?!</g>)[\s\S])*)</g>"#, in: svg).map { $0[0] }.joined())
    }

    /// The boxes of the data's marks: rectangles and circles in a series colour or pattern.
    var markBoxes: [TextBox] {
        let rects = Self.capture(#"<rect x="([-0-9.]+)" y="([-0-9.]+)" width="([0-9.]+)" height="([0-9.]+)"( class="gz-c\d"| fill="url)"#, in: svg)
            .compactMap { groups -> TextBox? in
                guard let x = Double(groups[0]), let y = Double(groups[1]), let w = Double(groups[2]), let h = Double(groups[3]) else { return nil }
                return TextBox(content: "mark", minX: x, minY: y, maxX: x + w, maxY: y + h)
            }
        let circles = Self.capture(#"<circle cx="([-0-9.]+)" cy="([-0-9.]+)" r="([0-9.]+)" class="gz-c\d"#, in: svg)
            .compactMap { groups -> TextBox? in
                guard let x = Double(groups[0]), let y = Double(groups[1]), let r = Double(groups[2]) else { return nil }
                return TextBox(content: "point", minX: x - r, minY: y - r, maxX: x + r, maxY: y + r)
            }
        return rects + circles
    }

    /// The segments of the data's lines: paths and lines stroked in a series colour.
    var markSegments: [(Double, Double, Double, Double)] {
        var segments: [(Double, Double, Double, Double)] = []
        for groups in Self.capture(#"<path d="(M[-0-9. L]+)" fill="none" class="gz-c\ds""#, in: svg) {
            let points = groups[0].split(whereSeparator: { $0 == "M" || $0 == "L" }).compactMap { pair -> (Double, Double)? in
                let numbers = pair.split(separator: " ").compactMap { Double($0) }
                return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
            }
            for (a, b) in zip(points, points.dropFirst()) { segments.append((a.0, a.1, b.0, b.1)) }
        }
        for groups in Self.capture(#"<line x1="([-0-9.]+)" y1="([-0-9.]+)" x2="([-0-9.]+)" y2="([-0-9.]+)" class="gz-c\ds""#, in: svg) {
            let numbers = groups.compactMap(Double.init)
            if numbers.count == 4 { segments.append((numbers[0], numbers[1], numbers[2], numbers[3])) }
        }
        return segments
    }

    /// Notes that cover a mark: a bar, a point or a line of the data.
    var notesOverMarks: [TextBox] {
        let boxes = markBoxes, segments = markSegments
        return noteTexts.filter { note in
            let inner = LabelPlacement.Box(minX: note.minX + 0.5, minY: note.minY + 0.5, maxX: note.maxX - 0.5, maxY: note.maxY - 0.5)
            return boxes.contains { note.overlaps($0, tolerance: 0.5) }
                || segments.contains { Occupancy.crosses(.init(x1: $0.0, y1: $0.1, x2: $0.2, y2: $0.3), inner) }
        }
    }

    /// Nil when the document is well-formed XML, else the parser's error.
    var xmlError: String? {
        let parser = XMLParser(data: Data(svg.utf8))
        return parser.parse() ? nil : (parser.parserError.map { "\($0)" } ?? "invalid XML")
    }

    static func capture(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { match in
            (1..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
