import Wording

/// The sentence read by screen readers in `<desc>`: the kind of chart, then every figure.
/// Numbers are written without grouping spaces, which screen readers would read as two numbers.
enum ChartDescription {
    /// What the chart is, as its description's first words.
    static func kindName(_ kind: ChartKind) -> Phrase {
        let names: [ChartKind: Phrase] = [
            .bar: "Horizontal bars", .column: "Columns", .groupedBar: "Grouped bars", .stackedBar: "Stacked bars",
            .stackedBar100: "100% stacked bars", .line: "Line chart", .area: "Area chart", .donut: "Donut chart",
            .pie: "Pie chart", .waffle: "Unit chart", .keyFigure: "Key figure", .scatter: "Scatter plot", .range: "Ranges",
            .dot: "Dot plot", .dumbbell: "Dumbbell plot", .slope: "Slope chart",
        ]
        return names[kind] ?? Phrase(verbatim: kind.rawValue)
    }

    static func describe(_ spec: ChartSpec, decimals: Int) -> String {
        let format = NumberFormat(locale: spec.locale, unit: spec.unit)
        let language = spec.locale, colon = spec.locale.colon
        func number(_ value: Double) -> String {
            format.string(value, decimals: decimals, signed: spec.options.signed, forSpeech: true)
        }
        var sentences = [language.text(kindName(spec.kind))]
        if let title = spec.xTitle { sentences.append(language.text("Horizontal axis") + colon + title) }
        if let title = spec.yTitle { sentences.append(language.text("Vertical axis") + colon + title) }
        switch spec.kind {
        case .keyFigure:
            sentences.append((spec.options.prefix ?? "") + number(spec.value ?? 0) + (spec.label.map { colon + $0 } ?? ""))
        case .scatter:
            let plain = NumberFormat(locale: spec.locale)
            let points = spec.points.map { point -> String in
                let coordinates = "(\(plain.string(point.x, decimals: decimals, forSpeech: true)) ; \(plain.string(point.y, decimals: decimals, forSpeech: true)))"
                return (point.label.map { $0 + " " } ?? "") + coordinates
            }
            sentences.append(points.joined(separator: ", "))
        case .line, .area:
            for series in spec.series {
                let pairs = zip(spec.x, series.values).map { "\($0)\(colon)\(number($1))" }
                sentences.append(prefix(series.name, spec.series.count, colon) + pairs.joined(separator: " ; "))
            }
        case .slope:
            for (index, category) in spec.categories.enumerated() {
                let (first, second) = (spec.series[0], spec.series[1])
                sentences.append(category + colon + language.text("from \(number(first.values[index])) (\(first.name)) to \(number(second.values[index])) (\(second.name))"))
            }
        case .range:
            for (index, category) in spec.categories.enumerated() {
                let (low, high) = (spec.series[0].values[index], spec.series[1].values[index])
                var sentence = category + colon + language.text("from \(number(low)) to \(number(high))")
                if spec.series.count > 2 { sentence += " ; \(spec.series[2].name)\(colon)\(number(spec.series[2].values[index]))" }
                sentences.append(sentence)
            }
        case .waffle:
            let total = WaffleChart.unitCount(spec)
            sentences[0] += " " + language.text("of \(total)")
            for (category, value) in zip(spec.categories, spec.series.first?.values ?? []) {
                let count = NumberFormat(locale: spec.locale).string(value, decimals: decimals, forSpeech: true)
                sentences.append(category + colon + language.text("\(count) of \(total)"))
            }
        default:
            for series in spec.series {
                let pairs = zip(spec.categories, series.values).map { "\($0)\(colon)\(number($1))" }
                if spec.series.count == 1 {
                    sentences += pairs
                } else {
                    sentences.append(prefix(series.name, spec.series.count, colon) + pairs.joined(separator: " ; "))
                }
            }
        }
        if !spec.highlight.isEmpty {
            sentences.append(language.text("Highlighted") + colon + spec.highlight.joined(separator: ", "))
        }
        func quoted(_ label: String?) -> String {
            label.map { " " + language.quoted($0) } ?? ""
        }
        for band in spec.bands {
            sentences.append(language.text("Reference band") + quoted(band.label) + colon + language.text("from \(number(band.from)) to \(number(band.to))"))
        }
        for rule in spec.rules {
            sentences.append(language.text("Reference line") + quoted(rule.label) + colon + number(rule.value))
        }
        if spec.facet != nil {
            sentences.insert(language.text("One panel per series, all on the same scale"), at: 1)
        }
        for annotation in spec.annotations {
            sentences.append(language.text("Note, \(spec.placeName(of: annotation))") + colon + annotation.text.trimmed)
        }
        return sentences.joined(separator: ". ") + "."
    }

    private static func prefix(_ name: String, _ count: Int, _ colon: String) -> String {
        count > 1 ? name + " —\u{00A0}" : ""
    }
}
