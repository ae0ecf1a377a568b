import Wording
import Foundation

/// The rules and bands of a value axis (`rules`, `bands`): bands as light strips, rules as dashed
/// lines, both under the marks so that the data stays on top, each with its label (its value when
/// it has none).
struct ReferenceMarks {
    let spec: ChartSpec
    let format: NumberFormat
    let decimals: Int
    let size = Theme.tickSize

    /// The values the value axis must reach so that every rule, band and note's value shows.
    static func extent(of spec: ChartSpec) -> [Double] {
        spec.rules.map(\.value) + spec.bands.flatMap { [$0.from, $0.to] } + spec.annotations.compactMap(\.value)
    }

    var isEmpty: Bool { spec.rules.isEmpty && spec.bands.isEmpty }

    /// The label of each band, then of each rule.
    private var labels: [String] {
        let signed = spec.options.signed
        return spec.bands.map { band in
            band.label ?? spec.locale.text("\(format.string(band.from, decimals: decimals, signed: signed)) to \(format.string(band.to, decimals: decimals, signed: signed))")
        }
            + spec.rules.map { $0.label ?? format.string($0.value, decimals: decimals, signed: signed) }
    }

    /// The values each label stands at: a band's middle, a rule's value.
    private var anchors: [Double] { spec.bands.map { ($0.from + $0.to) / 2 } + spec.rules.map(\.value) }

    // MARK: Values along x (bar charts)

    /// Where the labels go above a horizontal value axis: centred on their value, kept between
    /// `left` and `right`, each on the first line where it overlaps no other. Returns each label's
    /// start and line, and the height the lines take.
    func labelLines(scale: LinearScale, left: Double, right: Double) -> (placements: [(x: Double, line: Int)], height: Double) {
        var placed: [(start: Double, end: Double, line: Int)] = []
        for (text, value) in zip(fittedLabels(width: right - left), anchors) {
            let width = TextMetrics.width(text, size: size)
            let start = min(max(left, scale(value) - width / 2), max(left, right - width))
            var line = 0
            while placed.contains(where: { $0.line == line && start < $0.end + 6 && $0.start < start + width + 6 }) { line += 1 }
            placed.append((start, start + width, line))
        }
        let lines = (placed.map(\.line).max() ?? -1) + 1
        return (placed.map { ($0.start, $0.line) }, Double(lines) * TextMetrics.lineHeight(size: size) + (lines > 0 ? 4 : 0))
    }

    /// Bands and rules across the rows from `top` to `bottom`; the labels on the lines above `top`.
    func drawAcrossRows(on writer: inout SVGWriter, scale: LinearScale, top: Double, bottom: Double, labelsTop: Double,
                        placements: [(x: Double, line: Int)], left: Double, right: Double) {
        for band in spec.bands {
            let start = scale(band.from), end = scale(band.to)
            writer.rect(x: min(start, end), y: top, width: abs(end - start), height: bottom - top, paint: .grid)
        }
        for rule in spec.rules {
            writer.line(x1: scale(rule.value), y1: top - 2, x2: scale(rule.value), y2: bottom, paint: .axis, width: 1.5, extra: Self.dashes)
        }
        let lineHeight = TextMetrics.lineHeight(size: size)
        for ((text, fitted), placement) in zip(zip(labels, fittedLabels(width: right - left)), placements) {
            let baseline = labelsTop + Double(placement.line) * lineHeight + TextMetrics.ascent(size: size)
            writer.text(fitted, x: placement.x, y: baseline, size: size, paint: .text, title: fitted == text ? nil : text)
        }
    }

    /// The numbers written in `text`, as their digits and decimal separator (`1 000,5 %` → `1000,5`).
    static func numbers(in text: String) -> [String] {
        var found: [String] = [], current = ""
        for character in text {
            if character.isASCII && character.isNumber || (!current.isEmpty && (character == "," || character == ".")) {
                current.append(character)
            } else if !(character == "\u{202F}" || character == "\u{A0}" || character == " ") || current.isEmpty {
                if !current.isEmpty { found.append(current.trimmingCharacters(in: CharacterSet(charactersIn: ",."))) }
                current = ""
            }
        }
        if !current.isEmpty { found.append(current.trimmingCharacters(in: CharacterSet(charactersIn: ",."))) }
        return found
    }

    /// The labels, each cut to `width` (the whole text then in a tooltip).
    private func fittedLabels(width: Double) -> [String] {
        labels.map { TextWrapping.fit($0, width: width, size: size) }
    }

    // MARK: Values along y (column, line and area charts)

    /// The bands, across the plot from `left` to `right` (before the grid, which stays visible on them).
    func drawBands(on writer: inout SVGWriter, scale: LinearScale, left: Double, right: Double) {
        for band in spec.bands {
            let start = scale(band.from), end = scale(band.to)
            writer.rect(x: left, y: min(start, end), width: right - left, height: abs(end - start), paint: .grid)
        }
    }

    /// The rules across the plot (before the marks).
    func drawRules(on writer: inout SVGWriter, scale: LinearScale, left: Double, right: Double) {
        for rule in spec.rules {
            writer.line(x1: left, y1: scale(rule.value), x2: right, y2: scale(rule.value), paint: .axis, width: 1.5, extra: Self.dashes)
        }
    }

    /// The width the labels take beside the plot, each wrapped to at most `maximum` (three lines,
    /// then cut, the whole text in a tooltip); 0 without rules and bands.
    func labelWidth(maximum: Double) -> Double {
        labels.map { TextWrapping.wrap($0, width: maximum, size: size).width }.max() ?? 0
    }

    /// Every label (after the marks), starting or ending at `x`: a rule's just above its line, a
    /// band's inside its top edge, pushed down where two would overlap; wrapped to `maximum`; with a
    /// halo, for marks that may pass behind them.
    /// Returns the bottom of the lowest label (`top` without any).
    /// No label starts above `top`.
    func drawLabels(on writer: inout SVGWriter, scale: LinearScale, x: Double, anchor: TextAnchor, maximum: Double, top: Double) -> Double {
        let ascent = TextMetrics.ascent(size: size), lineHeight = TextMetrics.lineHeight(size: size)
        let bandBaselines = spec.bands.map { scale(max($0.from, $0.to)) + 2 + ascent }
        let ruleBaselines = spec.rules.map { scale($0.value) - 3 - TextMetrics.descent(size: size) }
        var nextFree = top
        for (text, baseline) in zip(labels, bandBaselines + ruleBaselines).sorted(by: { $0.1 < $1.1 }) {
            let wrapped = TextWrapping.wrap(text, width: maximum, size: size)
            // A rule's label of several lines ends just above its line.
            let raised = ruleBaselines.contains(baseline) ? baseline - Double(wrapped.lines.count - 1) * lineHeight : baseline
            let first = max(raised, nextFree + ascent)
            for (index, line) in wrapped.lines.enumerated() {
                writer.text(line, x: x, y: first + Double(index) * lineHeight, size: size, anchor: anchor, paint: .text, halo: .background,
                            title: wrapped.isTruncated ? text : nil)
            }
            nextFree = first + Double(wrapped.lines.count - 1) * lineHeight + TextMetrics.descent(size: size) + 2
        }
        return nextFree - 2
    }

    /// A key above the plot (line and area charts, whose right end names the series): for each
    /// band a swatch, for each rule a dashed stroke, then its label and its values, flowing from
    /// `left` to `right`. Returns the y below it (`top` without rules and bands).
    func drawKey(on writer: inout SVGWriter, top: Double, left: Double, right: Double) -> Double {
        guard !isEmpty else { return top }
        let signed = spec.options.signed
        func number(_ value: Double) -> String { format.string(value, decimals: decimals, signed: signed) }
        /// `label`, followed by `values` in brackets unless it already states them (`60 à 80 %`).
        func labelled(_ label: String?, _ values: [Double], _ plain: String) -> String {
            guard let label else { return plain }
            let stated = Self.numbers(in: label)
            return values.allSatisfy({ stated.contains(Self.numbers(in: number($0)).first ?? "") }) ? label : "\(label) (\(plain))"
        }
        let entries = spec.bands.map { band in (isBand: true, text: labelled(band.label, [band.from, band.to], spec.locale.text("\(number(band.from)) to \(number(band.to))"))) }
            + spec.rules.map { rule in (isBand: false, text: labelled(rule.label, [rule.value], number(rule.value))) }
        let lineHeight = TextMetrics.lineHeight(size: size), swatch = 16.0
        var x = left, y = top
        for entry in entries {
            let text = TextWrapping.fit(entry.text, width: right - left - swatch - 6, size: size)
            let width = swatch + 6 + TextMetrics.width(text, size: size)
            if x > left, x + width > right {
                x = left
                y += lineHeight
            }
            let middle = y + lineHeight / 2
            if entry.isBand {
                writer.rect(x: x, y: middle - 5, width: swatch, height: 10, paint: .grid)
            } else {
                writer.line(x1: x, y1: middle, x2: x + swatch, y2: middle, paint: .axis, width: 1.5, extra: Self.dashes)
            }
            writer.text(text, x: x + swatch + 6, y: y + TextMetrics.ascent(size: size), size: size, paint: .text,
                        title: text == entry.text ? nil : entry.text)
            x += width + 14
        }
        return y + lineHeight + 4
    }

    private static let dashes = " stroke-dasharray=\"5 3\""
}
