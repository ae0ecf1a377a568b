import Wording
/// Checks a spec before drawing; the first problem found is thrown, naming its field.
enum SpecValidation {
    /// Most data points (values, or scatter points) in one chart: drawing stays well under a second.
    static let maximumMarks = 10_000
    /// Most slices of a pie, donut or waffle: past this no slice can be told apart.
    static let maximumSlices = 100
    /// Most characters in a title, note, source, label or category name.
    static let maximumTextLength = 500
    /// Largest magnitude of a value: past it numbers lose their units digit and labels their meaning.
    static let maximumMagnitude = 1e15

    static func validate(_ spec: ChartSpec) throws(ChartSpecError) {
        guard !spec.title.trimmed.isEmpty else { throw ChartSpecError(field: "title", message: "a chart needs a title") }
        try checkSizes(spec)
        let options = spec.options
        guard options.width.isFinite, options.width >= 200, options.width <= 4000 else {
            throw ChartSpecError(field: "options.width", message: "width must be between 200 and 4000 pixels")
        }
        if let height = options.plotHeight, !(height.isFinite && height >= 80 && height <= 4000) {
            throw ChartSpecError(field: "options.plot_height", message: "plot height must be between 80 and 4000 pixels")
        }
        if let decimals = options.decimals, !(0...6).contains(decimals) {
            throw ChartSpecError(field: "options.decimals", message: "decimals must be between 0 and 6")
        }
        try checkReferences(spec)
        try checkFacet(spec)
        try checkHighlight(spec)
        try checkAnnotations(spec)
        if spec.xTitle != nil || spec.yTitle != nil, !kindsWithAxisTitles.contains(spec.kind) {
            throw ChartSpecError(field: spec.xTitle != nil ? "x_title" : "y_title",
                                 message: "axis titles go on bar, column, line, area and scatter charts, not on a \(spec.kind.rawValue) chart")
        }
        switch spec.kind {
        case .keyFigure:
            guard let value = spec.value else { throw ChartSpecError(field: "value", message: "a key figure needs a value") }
            guard value.isFinite else { throw ChartSpecError(field: "value", message: "value is not a finite number") }
            try checkUnit(spec.unit, values: [("value", value)])
        case .scatter:
            guard !spec.points.isEmpty else { throw ChartSpecError(field: "points", message: "a scatter chart needs at least one point") }
            for (index, point) in spec.points.enumerated() {
                guard point.x.isFinite else { throw ChartSpecError(field: "points[\(index)].x", message: "not a finite number") }
                guard point.y.isFinite else { throw ChartSpecError(field: "points[\(index)].y", message: "not a finite number") }
            }
        case .line, .area:
            guard !spec.x.isEmpty else { throw ChartSpecError(field: "x", message: "a \(spec.kind.rawValue) chart needs x values") }
            try checkSeries(spec, expectedCount: spec.x.count, countName: "x")
        default:
            guard !spec.categories.isEmpty else { throw ChartSpecError(field: "categories", message: "no categories: there is nothing to draw") }
            try checkSeries(spec, expectedCount: spec.categories.count, countName: "categories")
            try checkKindRules(spec)
        }
    }

    /// Highlights name categories of one-series bar and column charts, or series of line and area charts.
    /// `value` as an editor writes it in YAML: `10`, not Swift's `10.0`; other values to six
    /// decimals at most (a sum's floating-point residue, `100.30000000000001`, is not shown).
    static func written(_ value: Double) -> String {
        guard abs(value) < 1e15 else { return "\(value)" }
        let rounded = (value * 1e6).rounded() / 1e6
        return rounded == rounded.rounded() ? String(Int64(rounded)) : "\(rounded)"
    }

    private static func checkHighlight(_ spec: ChartSpec) throws(ChartSpecError) {
        guard !spec.highlight.isEmpty else { return }
        let names: [String]
        switch spec.kind {
        case .bar, .column:
            guard spec.series.count == 1 || spec.facet != nil else {
                throw ChartSpecError(field: "highlight", message: "highlight names categories of a chart with one series; this one has \(spec.series.count)")
            }
            names = spec.categories
        case .line, .area: names = spec.series.map(\.name)
        default:
            throw ChartSpecError(field: "highlight", message: "highlight goes on bar and column charts (categories) and on line and area charts (series), not on a \(spec.kind.rawValue) chart")
        }
        for (index, name) in spec.highlight.enumerated() where !names.contains(name) {
            throw ChartSpecError(field: "highlight[\(index)]", message: "'\(name)' is not one of the chart's \(spec.kind == .line || spec.kind == .area ? "series" : "categories" as Phrase) (\(names.prefix(6).joined(separator: ", "))\(names.count > 6 ? ", …" : ""))",
                                 unknownName: name, knownNames: names)
        }
    }

    /// The kinds that draw both axes, and so may name them (on bars, `x_title` names the values
    /// and `y_title` the categories, as on the columns a phone may turn into bars).
    static let kindsWithAxisTitles: Set<ChartKind> = [.bar, .groupedBar, .stackedBar, .stackedBar100, .column, .line, .area, .scatter,
                                                      .range, .dot, .dumbbell]

    /// The kinds whose value axis can carry rules and bands.
    static let kindsWithReferences: Set<ChartKind> = [.bar, .groupedBar, .stackedBar, .column, .line, .area, .range, .dot, .dumbbell]
    /// Most rules and bands on one chart: past a few, none can be read.
    static let maximumReferences = 5

    /// Rules and bands: on a value axis only, finite, bands from low to high, a few at most.
    private static func checkReferences(_ spec: ChartSpec) throws(ChartSpecError) {
        guard !spec.rules.isEmpty || !spec.bands.isEmpty else { return }
        guard kindsWithReferences.contains(spec.kind) else {
            throw ChartSpecError(field: spec.rules.isEmpty ? "bands" : "rules",
                                 message: "rules and bands go on the value axis of bar, column, line and area charts, not on a \(spec.kind.rawValue) chart")
        }
        guard spec.rules.count + spec.bands.count <= maximumReferences else {
            throw ChartSpecError(field: spec.rules.isEmpty ? "bands" : "rules", message: "at most \(maximumReferences) rules and bands in all: more cannot be told apart")
        }
        for (index, rule) in spec.rules.enumerated() {
            guard rule.value.isFinite, abs(rule.value) <= maximumMagnitude else {
                throw ChartSpecError(field: "rules[\(index)].value", message: "not a finite number")
            }
            if let label = rule.label, label.count > maximumTextLength {
                throw ChartSpecError(field: "rules[\(index)].label", message: "is \(label.count) characters long, more than the \(maximumTextLength) a chart can show; shorten it")
            }
        }
        for (index, band) in spec.bands.enumerated() {
            guard band.from.isFinite, abs(band.from) <= maximumMagnitude else {
                throw ChartSpecError(field: "bands[\(index)].from", message: "not a finite number")
            }
            guard band.to.isFinite, abs(band.to) <= maximumMagnitude else {
                throw ChartSpecError(field: "bands[\(index)].to", message: "not a finite number")
            }
            guard band.from < band.to else {
                throw ChartSpecError(field: "bands[\(index)].to", message: "a band goes from a lower value to a higher one (from: \(written(band.from)), to: \(written(band.to)))")
            }
            if let label = band.label, label.count > maximumTextLength {
                throw ChartSpecError(field: "bands[\(index)].label", message: "is \(label.count) characters long, more than the \(maximumTextLength) a chart can show; shorten it")
            }
        }
    }

    /// Bounds on text length, number of marks and magnitudes, so that no spec can make drawing slow or huge.
    private static func checkSizes(_ spec: ChartSpec) throws(ChartSpecError) {
        var texts: [(String, String)] = [("title", spec.title)]
        texts += [("subtitle", spec.subtitle), ("source", spec.source), ("note", spec.note), ("label", spec.label),
                  ("x_title", spec.xTitle), ("y_title", spec.yTitle)]
            .compactMap { field, text in text.map { (field, $0) } }
        texts += spec.categories.enumerated().map { ("categories[\($0.offset)]", $0.element) }
        texts += spec.x.enumerated().map { ("x[\($0.offset)]", $0.element) }
        texts += spec.series.enumerated().map { ("series[\($0.offset)].name", $0.element.name) }
        texts += spec.points.enumerated().compactMap { index, point in point.label.map { ("points[\(index)].label", $0) } }
        if let long = texts.first(where: { $0.1.count > maximumTextLength }) {
            throw ChartSpecError(field: long.0, message: "is \(long.1.count) characters long, more than the \(maximumTextLength) a chart can show; shorten it")
        }
        let marks = spec.kind == .scatter ? spec.points.count : spec.series.reduce(0) { $0 + $1.values.count }
        guard marks <= maximumMarks else {
            throw ChartSpecError(field: spec.kind == .scatter ? "points" : "series",
                                 message: "\(marks) values, more than the \(maximumMarks) a chart can draw legibly; aggregate the data first")
        }
        if [.pie, .donut, .waffle].contains(spec.kind), spec.categories.count > maximumSlices {
            throw ChartSpecError(field: "categories", message: "\(spec.categories.count) slices, more than the \(maximumSlices) a \(spec.kind.rawValue) chart can show; group the small ones")
        }
        let values = spec.series.enumerated().flatMap { index, series in
            series.values.enumerated().map { ("series[\(index)].values[\($0.offset)]", $0.element) }
        } + spec.points.enumerated().flatMap { [("points[\($0.offset)].x", $0.element.x), ("points[\($0.offset)].y", $0.element.y)] }
            + [("value", spec.value), ("total", spec.total)].compactMap { field, value in value.map { (field, $0) } }
        if let huge = values.first(where: { $0.1.isFinite && abs($0.1) > maximumMagnitude }) {
            throw ChartSpecError(field: huge.0, message: "\(written(huge.1)) is too large to draw (more than 10^15 in magnitude); change the unit, e.g. to thousands or millions")
        }
    }

    private static func checkSeries(_ spec: ChartSpec, expectedCount: Int, countName: String) throws(ChartSpecError) {
        guard !spec.series.isEmpty else { throw ChartSpecError(field: "series", message: "no series: there is nothing to draw") }
        var all: [(String, Double)] = []
        for (index, series) in spec.series.enumerated() {
            guard series.values.count == expectedCount else {
                throw ChartSpecError(field: "series[\(index)].values",
                                     message: "has \(series.values.count) values but \(countName) has \(expectedCount)")
            }
            for (position, value) in series.values.enumerated() {
                let field = "series[\(index)].values[\(position)]"
                guard value.isFinite else { throw ChartSpecError(field: field, message: "not a finite number") }
                all.append((field, value))
            }
        }
        let singleSeriesKinds: [ChartKind] = [.bar, .column, .donut, .pie, .waffle]
        if singleSeriesKinds.contains(spec.kind), spec.series.count > 1, spec.facet == nil {
            throw ChartSpecError(field: "series", message: "a \(spec.kind.rawValue) chart shows one series; use grouped-bar or stacked-bar for several, or facet: series for one panel each")
        }
        try checkUnit(spec.unit, values: all)
    }

    /// Percentages are written either as 33 (`%`) or as 0.33 (`ratio`), never guessed.
    private static func checkUnit(_ unit: ValueUnit, values: [(String, Double)]) throws(ChartSpecError) {
        switch unit {
        case .percent:
            let magnitudes = values.map { abs($0.1) }
            if let largest = magnitudes.max(), largest <= 1, values.contains(where: { $0.1 != $0.1.rounded() }) {
                throw ChartSpecError(field: "unit", message: "values are all between −1 and 1, which reads as fractions: write them as percentages (33 for 33 %) or set unit: ratio")
            }
        case .ratio:
            if let outlier = values.first(where: { abs($0.1) > 10 }) {
                throw ChartSpecError(field: outlier.0, message: "\(written(outlier.1)) is far above 1 for unit ratio (0.33 means 33 %); did you mean unit: \"%\"?")
            }
        default:
            break
        }
    }

    private static func checkKindRules(_ spec: ChartSpec) throws(ChartSpecError) {
        switch spec.kind {
        case .range:
            guard (2...3).contains(spec.series.count) else {
                throw ChartSpecError(field: "series", message: "a range chart takes two series (low, high) and optionally a third (a point); it has \(spec.series.count)")
            }
            for (position, (low, high)) in zip(spec.series[0].values, spec.series[1].values).enumerated() where low > high {
                throw ChartSpecError(field: "series[1].values[\(position)]", message: "the high end (\(written(high))) is below the low end (\(written(low)))")
            }
        case .slope:
            guard spec.series.count == 2 else {
                throw ChartSpecError(field: "series", message: "a slope chart takes two series, the two moments compared (2021, 2023); it has \(spec.series.count)")
            }
        case .dumbbell:
            guard spec.series.count >= 2 else {
                throw ChartSpecError(field: "series", message: "a dumbbell chart joins two or more series per category; it has \(spec.series.count)")
            }
        case .donut, .pie, .waffle:
            for (position, value) in spec.series[0].values.enumerated() where value < 0 {
                throw ChartSpecError(field: "series[0].values[\(position)]",
                                     message: "\(written(value)) is negative; a \(spec.kind.rawValue) chart cannot show negative values")
            }
            guard spec.series[0].values.contains(where: { $0 > 0 }) else {
                throw ChartSpecError(field: "series[0].values", message: "all values are zero: there is nothing to draw")
            }
            if spec.kind == .waffle, spec.total == nil {
                let sum = spec.series[0].values.reduce(0, +)
                guard sum <= 100 + 1e-9 else {
                    throw ChartSpecError(field: "series[0].values",
                                         message: "the values add up to \(written(sum)), more than the 100 squares of a waffle without total: set total: (up to 400 squares)")
                }
            }
            if spec.kind == .waffle, let total = spec.total {
                let sum = spec.series[0].values.reduce(0, +)
                guard total.isFinite, total >= 1, total <= 400, total == total.rounded() else {
                    throw ChartSpecError(field: "total", message: "total must be a whole number of units between 1 and 400")
                }
                guard sum <= total + 1e-9 else {
                    throw ChartSpecError(field: "total", message: total == 1 ? "the values add up to \(written(sum)), more than the 1 unit" : "the values add up to \(written(sum)), more than the \(Int(total)) units")
                }
            }
        case .stackedBar100:
            let full: Double = spec.unit == .ratio ? 1 : 100
            for (index, category) in spec.categories.enumerated() {
                let values = spec.series.map { $0.values[index] }
                if let negative = values.firstIndex(where: { $0 < 0 }) {
                    throw ChartSpecError(field: "series[\(negative)].values[\(index)]", message: "a 100 % stack cannot hold negative values")
                }
                let sum = values.reduce(0, +)
                guard abs(sum - full) <= full * 0.015 else {
                    throw ChartSpecError(field: "categories[\(index)]",
                                         message: "the values of '\(category)' add up to \(sum), not \(full == 1 ? "1" : "100") (a 100 % stack must)")
                }
            }
        default:
            break
        }
    }
}

extension String {
    var trimmed: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
