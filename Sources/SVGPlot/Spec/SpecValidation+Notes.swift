import Wording
/// Notes (`annotations`) and small multiples (`facet`): where they may go and what they must name.
extension SpecValidation {
    /// Most notes on one chart: past a few, they hide the data they comment.
    static let maximumAnnotations = 8
    /// Most panels of small multiples.
    static let maximumPanels = 24
    /// The kinds that take notes: those with a category, an x or a value to point at.
    static let kindsWithAnnotations: Set<ChartKind> = [.bar, .groupedBar, .stackedBar, .stackedBar100, .column, .line, .area, .scatter,
                                                       .range, .dot, .dumbbell, .slope]
    /// The kinds that can be split into small multiples.
    static let kindsWithFacets: Set<ChartKind> = [.bar, .column, .line, .area]

    static func checkAnnotations(_ spec: ChartSpec) throws(ChartSpecError) {
        guard !spec.annotations.isEmpty else { return }
        guard kindsWithAnnotations.contains(spec.kind) else {
            throw ChartSpecError(field: "annotations", message: "notes point at a category, an x or a value; a \(spec.kind.rawValue) chart has none (write the remark in note: instead)")
        }
        guard spec.annotations.count <= maximumAnnotations else {
            throw ChartSpecError(field: "annotations", message: "\(spec.annotations.count) notes, more than the \(maximumAnnotations) a chart can carry legibly")
        }
        for (index, note) in spec.annotations.enumerated() {
            let field = "annotations[\(index)]"
            guard !note.text.trimmed.isEmpty else { throw ChartSpecError(field: field + ".text", message: "a note needs a text") }
            guard note.text.count <= 300 else {
                throw ChartSpecError(field: field + ".text", message: "is \(note.text.count) characters long, more than the 300 a note can show; shorten it")
            }
            if let value = note.value, !(value.isFinite && abs(value) <= maximumMagnitude) {
                throw ChartSpecError(field: field + ".value", message: "not a finite number")
            }
            if note.value != nil, spec.kind == .stackedBar100 {
                throw ChartSpecError(field: field + ".value", message: "a 100 % stack runs from 0 to 100 %: a note points at a series' segment (series: …), not at a value")
            }
            try checkAnchor(note, field: field, spec: spec)
        }
    }

    /// A note points at a category, an x of the chart, or (scatter) a point given by `x` and `value`.
    private static func checkAnchor(_ note: ChartAnnotation, field: String, spec: ChartSpec) throws(ChartSpecError) {
        func listed(_ names: [String]) -> String { names.prefix(6).joined(separator: ", ") + (names.count > 6 ? ", …" : "") }
        switch spec.kind {
        case .scatter:
            guard let x = note.x, let number = Double(x), number.isFinite, abs(number) <= maximumMagnitude else {
                throw ChartSpecError(field: field + ".x", message: "a note on a scatter chart points at a point: give its x (a number) and its value (y)")
            }
            guard note.value != nil else {
                throw ChartSpecError(field: field + ".value", message: "a note on a scatter chart points at a point: give its x and its value (y)")
            }
        case .line, .area:
            guard let x = note.x else {
                guard note.value == nil else { break }
                throw ChartSpecError(field: field + ".x", message: "a note on a \(spec.kind.rawValue) chart points at one of its x values (\(listed(spec.x))) or at a value")
            }
            guard spec.x.contains(x) else {
                throw ChartSpecError(field: field + ".x", message: "'\(x)' is not one of the chart's x values (\(listed(spec.x)))",
                                     unknownName: x, knownNames: spec.x)
            }
        default:
            guard let category = note.category else {
                guard note.value == nil || spec.kind == .slope else { break }
                throw ChartSpecError(field: field + ".category", message: "a note on a \(spec.kind.rawValue) chart points at one of its categories (\(listed(spec.categories)))\(spec.kind == .slope ? "" : " or at a value" as Phrase)")
            }
            guard spec.categories.contains(category) else {
                throw ChartSpecError(field: field + ".category", message: "'\(category)' is not one of the chart's categories (\(listed(spec.categories)))",
                                     unknownName: category, knownNames: spec.categories)
            }
        }
        if let series = note.series, !spec.series.contains(where: { $0.name == series }) {
            throw ChartSpecError(field: field + ".series", message: "'\(series)' is not one of the chart's series (\(listed(spec.series.map(\.name))))",
                                 unknownName: series, knownNames: spec.series.map(\.name))
        }
        if spec.facet != nil, note.series == nil {
            throw ChartSpecError(field: field + ".series", message: "in small multiples a note names the series of its panel (series: …)")
        }
    }

    static func checkFacet(_ spec: ChartSpec) throws(ChartSpecError) {
        guard spec.facet != nil else { return }
        guard kindsWithFacets.contains(spec.kind) else {
            throw ChartSpecError(field: "facet", message: "small multiples repeat bar, column, line and area charts, not a \(spec.kind.rawValue) chart")
        }
        guard spec.series.count >= 2 else {
            throw ChartSpecError(field: "facet", message: "small multiples draw one panel per series; this chart has \(spec.series.count)")
        }
        guard spec.series.count <= maximumPanels else {
            throw ChartSpecError(field: "facet", message: "\(spec.series.count) panels, more than the \(maximumPanels) small multiples can show")
        }
    }
}
