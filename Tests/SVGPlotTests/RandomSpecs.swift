@testable import SVGPlot
import TestSupport

/// Random but valid chart specs: long French labels, 1–40 categories, tiny and huge values, negatives.
enum RandomSpecs {
    static let words = ["Formation", "et", "sensibilisation", "des", "usagers", "aux", "questions", "de", "cybersécurité",
                        "établissements", "publics", "groupement", "hospitalier", "territoire", "Île-de-France",
                        "anticonstitutionnellement", "DSI/RSSI", "l’architecture", "SI", "commune", "«", "effective", "»",
                        "Provence-Alpes-Côte", "d’Azur", "budget", "33\u{00A0}%", "Œuvre", "W", "mmmmmmmmmmmmmmmmmmmm", "<script>", "&"]

    static func phrase(_ rng: inout SeededGenerator, maxWords: Int) -> String {
        let count = Int.random(in: 1...maxWords, using: &rng)
        return (0..<count).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
    }

    static func value(_ rng: inout SeededGenerator, allowNegative: Bool) -> Double {
        let magnitude: Double
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: magnitude = Double.random(in: 0.001...1, using: &rng)
        case 1: magnitude = Double.random(in: 1...100, using: &rng)
        case 2: magnitude = Double.random(in: 100...1_000_000, using: &rng)
        default: magnitude = Double.random(in: 1e6...1e12, using: &rng)
        }
        let rounded = (magnitude * 100).rounded() / 100
        return allowNegative && Bool.random(using: &rng) ? -rounded : rounded
    }

    static func spec(kind: ChartKind, seed: UInt64) -> ChartSpec {
        var rng = SeededGenerator(seed: seed)
        var spec = ChartSpec(kind: kind, title: phrase(&rng, maxWords: 18))
        if Bool.random(using: &rng) { spec.subtitle = phrase(&rng, maxWords: 20) }
        if Bool.random(using: &rng) { spec.source = phrase(&rng, maxWords: 12) }
        if Bool.random(using: &rng) { spec.note = phrase(&rng, maxWords: 25) }
        spec.locale = Bool.random(using: &rng) ? .fr : .en
        spec.options.width = [200, 335, 480, 640, 1000].randomElement(using: &rng)!
        spec.options.valueLabels = Int.random(in: 0..<4, using: &rng) > 0
        spec.options.signed = Int.random(in: 0..<5, using: &rng) == 0
        spec.options.showsTitle = Int.random(in: 0..<4, using: &rng) > 0
        spec.unit = [.none, .percent, .euro, .suffix("GHT")].randomElement(using: &rng)!
        let negatives = [.bar, .column, .groupedBar, .stackedBar, .line, .area, .scatter, .keyFigure, .range, .dot, .dumbbell, .slope].contains(kind)
        let categoryCount = Int.random(in: 1...40, using: &rng)
        let seriesCount: Int
        switch kind {
        case .groupedBar, .stackedBar, .stackedBar100, .line, .area, .dot: seriesCount = Int.random(in: 1...4, using: &rng)
        case .dumbbell: seriesCount = Int.random(in: 2...4, using: &rng)
        case .range: seriesCount = Int.random(in: 2...3, using: &rng)
        case .slope: seriesCount = 2
        default: seriesCount = 1
        }
        switch kind {
        case .keyFigure:
            spec.value = value(&rng, allowNegative: true)
            spec.label = phrase(&rng, maxWords: 20)
        case .scatter:
            spec.unit = .none
            spec.points = (0..<Int.random(in: 1...60, using: &rng)).map { _ in
                Point(x: value(&rng, allowNegative: true), y: value(&rng, allowNegative: true),
                      label: Bool.random(using: &rng) ? phrase(&rng, maxWords: 4) : nil)
            }
        case .line, .area:
            let count = Int.random(in: 1...40, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: spec.x = (0..<count).map { String(2000 + $0) }
            case 1: spec.x = (0..<count).map { "20\(10 + $0 / 12)-\(String(format: "%02d", $0 % 12 + 1))" }
            default: spec.x = (0..<count).map { _ in phrase(&rng, maxWords: 2) }
            }
            spec.series = (0..<seriesCount).map { _ in
                Series(name: phrase(&rng, maxWords: 6), values: (0..<count).map { _ in value(&rng, allowNegative: true) })
            }
        case .stackedBar100:
            spec.unit = .percent
            spec.categories = (0..<categoryCount).map { _ in phrase(&rng, maxWords: 10) }
            var columns: [[Double]] = []
            for _ in 0..<categoryCount {
                let weights = (0..<seriesCount).map { _ in Double.random(in: 0.01...1, using: &rng) }
                let sum = weights.reduce(0, +)
                var shares = weights.map { ($0 / sum * 1000).rounded() / 10 }
                shares[0] += 100 - shares.reduce(0, +)
                columns.append(shares)
            }
            spec.series = (0..<seriesCount).map { index in Series(name: phrase(&rng, maxWords: 5), values: columns.map { $0[index] }) }
        case .waffle:
            let count = Int.random(in: 1...5, using: &rng)
            spec.unit = .none
            spec.categories = (0..<count).map { _ in phrase(&rng, maxWords: 10) }
            let total = [10.0, 100.0, 20.0].randomElement(using: &rng)!
            var remaining = total
            let values = (0..<count).map { _ -> Double in
                let share = Double(Int.random(in: 0...Int(remaining), using: &rng))
                remaining -= share
                return share
            }
            spec.series = [Series(name: "n", values: values.allSatisfy { $0 == 0 } ? [1] + values.dropFirst() : values)]
            spec.total = total
        default:
            spec.categories = (0..<categoryCount).map { _ in phrase(&rng, maxWords: 10) }
            spec.series = (0..<seriesCount).map { _ in
                Series(name: phrase(&rng, maxWords: 5),
                       values: (0..<categoryCount).map { _ in value(&rng, allowNegative: negatives) })
            }
            if kind == .donut || kind == .pie, spec.series[0].values.allSatisfy({ $0 == 0 }) { spec.series[0].values[0] = 1 }
            if kind == .range {
                // The high end is at or above the low end.
                spec.series[1].values = zip(spec.series[0].values, spec.series[1].values).map { low, high in low + abs(high) }
            }
        }
        if spec.unit == .percent, kind != .stackedBar100 {
            spec.unit = .none
        }
        // Highlights: some categories of one-series bars and columns, some series of lines.
        if (kind == .bar || kind == .column) && spec.series.count == 1, Bool.random(using: &rng) {
            spec.highlight = Array(Set(spec.categories.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)))).sorted()
        }
        if kind == .line || kind == .area, Bool.random(using: &rng) {
            spec.highlight = [spec.series.randomElement(using: &rng)!.name]
        }
        if SpecValidation.kindsWithAxisTitles.contains(kind) {
            if Bool.random(using: &rng) { spec.xTitle = phrase(&rng, maxWords: 12) }
            if Bool.random(using: &rng) { spec.yTitle = phrase(&rng, maxWords: 12) }
        }
        // Rules and bands on the kinds that have a value axis: 0 to 3, with or without labels.
        if SpecValidation.kindsWithReferences.contains(kind) {
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                let label = Bool.random(using: &rng) ? phrase(&rng, maxWords: 8) : nil
                if Bool.random(using: &rng) {
                    spec.rules.append(ReferenceRule(value: value(&rng, allowNegative: negatives), label: label))
                } else {
                    let ends = [value(&rng, allowNegative: negatives), value(&rng, allowNegative: negatives)].sorted()
                    spec.bands.append(ReferenceBand(from: ends[0], to: ends[0] == ends[1] ? ends[1] + 1 : ends[1], label: label))
                }
            }
        }
        // Notes, 0 to 5, pointing at random places (a series' mark or the highest, sometimes a value).
        if SpecValidation.kindsWithAnnotations.contains(kind) {
            for _ in 0..<Int.random(in: 0...5, using: &rng) {
                var note = ChartAnnotation(text: phrase(&rng, maxWords: 12))
                switch kind {
                case .scatter:
                    let point = spec.points.randomElement(using: &rng)!
                    (note.x, note.value) = (String(point.x), point.y)
                case .line, .area: note.x = spec.x.randomElement(using: &rng)
                default: note.category = spec.categories.randomElement(using: &rng)
                }
                if kind != .scatter, Bool.random(using: &rng) { note.series = spec.series.randomElement(using: &rng)!.name }
                if kind != .scatter, kind != .stackedBar100, Int.random(in: 0..<5, using: &rng) == 0 { note.value = value(&rng, allowNegative: negatives) }
                if note.value != nil, kind != .slope, kind != .scatter, Bool.random(using: &rng) { (note.category, note.x) = (nil, nil) }
                spec.annotations.append(note)
            }
        }
        return spec
    }

    /// A random spec of `kind` (bar, column, line or area) drawn as small multiples: 2 to 6 series,
    /// its notes each in a panel.
    static func facetted(kind: ChartKind, seed: UInt64) -> ChartSpec {
        var spec = spec(kind: kind, seed: seed)
        var rng = SeededGenerator(seed: seed &+ 1)
        let count = spec.kind == .line || spec.kind == .area ? spec.x.count : spec.categories.count
        while spec.series.count < Int.random(in: 2...6, using: &rng) {
            spec.series.append(Series(name: phrase(&rng, maxWords: 5), values: (0..<count).map { _ in value(&rng, allowNegative: true) }))
        }
        if kind == .line || kind == .area { spec.highlight = [] }
        for index in spec.annotations.indices { spec.annotations[index].series = spec.series.randomElement(using: &rng)!.name }
        spec.facet = .series
        return spec
    }
}
