import Wording
/// What to draw: the kind of chart, its texts and its data. Decodable from JSON or YAML.
public struct ChartSpec: Codable, Sendable, Equatable {
    public var kind: ChartKind
    /// The chart's title: shown on top (unless `options.showsTitle` is false) and read as its name.
    public var title: String
    public var subtitle: String?
    /// Where the figures come from, shown as "Source : …".
    public var source: String?
    /// A remark shown under the chart (method, ambiguity of the source…).
    public var note: String?
    /// How values are written: `"%"` (values such as 33), `"ratio"` (0.33 shown as 33 %), `"€"`, or any suffix.
    public var unit: ValueUnit
    public var locale: Language
    /// Category labels of bar, column, stacked, donut, pie and waffle charts.
    public var categories: [String]
    /// One or more series of values, one value per category (or per `x` for line and area charts).
    public var series: [Series]
    /// The x values of line and area charts: dates (`2024`, `2024-03`, `2024-03-15`) or numbers.
    public var x: [String]
    /// The points of a scatter chart.
    public var points: [Point]
    /// The number of a key figure.
    public var value: Double?
    /// The words under a key figure.
    public var label: String?
    /// The number of units of a waffle chart (default 10, or 100 when the values need more).
    public var total: Double?
    /// Reference lines across the plot of bar, column, line and area charts (a target, a threshold).
    public var rules: [ReferenceRule]
    /// Shaded ranges of values on those charts (what a rule allows, a normal range).
    public var bands: [ReferenceBand]
    /// Categories (bar and column charts) or series (line and area charts) that keep their colour
    /// while the others turn grey; they are also outlined or drawn thicker, and named in bold.
    public var highlight: [String]
    /// What the horizontal axis measures, written under it (column, line, area and scatter charts).
    public var xTitle: String?
    /// What the vertical axis measures, written above it (same kinds): where the ticks do not say it.
    public var yTitle: String?
    /// Notes pointing at a category, an x or a value, placed where they cover nothing.
    public var annotations: [ChartAnnotation]
    /// Small multiples: `series` draws one panel per series, all on the same scale.
    public var facet: Facet?
    public var options: ChartOptions
    /// When this spec is one panel of small multiples, the series of every panel: the panels'
    /// scales and the room kept for their labels are made for all of them. Not part of the YAML.
    var facetSiblings: [Series] = []

    /// Creates a spec; only the kind and the title are required.
    public init(kind: ChartKind, title: String, subtitle: String? = nil, source: String? = nil, note: String? = nil,
                unit: ValueUnit = .none, locale: Language = .fr, categories: [String] = [], series: [Series] = [],
                x: [String] = [], points: [Point] = [], value: Double? = nil, label: String? = nil,
                total: Double? = nil, rules: [ReferenceRule] = [], bands: [ReferenceBand] = [], highlight: [String] = [], xTitle: String? = nil,
                yTitle: String? = nil, annotations: [ChartAnnotation] = [], facet: Facet? = nil, options: ChartOptions = ChartOptions()) {
        self.kind = kind
        self.title = title
        self.subtitle = subtitle
        self.source = source
        self.note = note
        self.unit = unit
        self.locale = locale
        self.categories = categories
        self.series = series
        self.x = x
        self.points = points
        self.value = value
        self.label = label
        self.total = total
        self.rules = rules
        self.bands = bands
        self.highlight = highlight
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.annotations = annotations
        self.facet = facet
        self.options = options
    }

    enum CodingKeys: String, CodingKey {
        case kind, title, subtitle, source, note, unit, locale, categories, series, x, points, value, label, total, rules, bands,
             highlight, xTitle = "x_title", yTitle = "y_title", annotations, facet, options
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(ChartKind.self, forKey: .kind)
        title = try container.decode(String.self, forKey: .title)
        subtitle = try container.decodeIfPresent(String.self, forKey: .subtitle)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        unit = try container.decodeIfPresent(ValueUnit.self, forKey: .unit) ?? .none
        locale = try container.decodeIfPresent(Language.self, forKey: .locale) ?? .fr
        categories = try container.decodeIfPresent([String].self, forKey: .categories) ?? []
        series = try container.decodeIfPresent([Series].self, forKey: .series) ?? []
        x = try container.decodeIfPresent([FlexibleString].self, forKey: .x)?.map(\.value) ?? []
        points = try container.decodeIfPresent([Point].self, forKey: .points) ?? []
        value = try container.decodeIfPresent(Double.self, forKey: .value)
        label = try container.decodeIfPresent(String.self, forKey: .label)
        total = try container.decodeIfPresent(Double.self, forKey: .total)
        rules = try container.decodeIfPresent([ReferenceRule].self, forKey: .rules) ?? []
        bands = try container.decodeIfPresent([ReferenceBand].self, forKey: .bands) ?? []
        highlight = try container.decodeIfPresent([String].self, forKey: .highlight) ?? []
        xTitle = try container.decodeIfPresent(String.self, forKey: .xTitle)
        yTitle = try container.decodeIfPresent(String.self, forKey: .yTitle)
        annotations = try container.decodeIfPresent([ChartAnnotation].self, forKey: .annotations) ?? []
        facet = try container.decodeIfPresent(Facet.self, forKey: .facet)
        options = try container.decodeIfPresent(ChartOptions.self, forKey: .options) ?? ChartOptions()
    }
}

/// A named list of values.
public struct Series: Codable, Sendable, Equatable {
    public var name: String
    public var values: [Double]

    /// Creates a series.
    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}

extension ChartSpec {
    /// Whether category or series `name` is drawn in colour: all are, unless some are highlighted.
    func isEmphasized(_ name: String) -> Bool { highlight.isEmpty || highlight.contains(name) }

    /// Whether `name` is one of the highlighted (then also outlined and in bold).
    func isHighlighted(_ name: String) -> Bool { highlight.contains(name) }

    /// The series the value scale and the room for value labels are made for: this chart's, or
    /// every panel's when it is one of small multiples.
    var scaleSeries: [Series] { facetSiblings.isEmpty ? series : facetSiblings }

    /// This column chart as horizontal bars: the values now run across, the categories down.
    var asBars: ChartSpec {
        var bars = self
        bars.kind = .bar
        (bars.xTitle, bars.yTitle) = (yTitle, xTitle)
        return bars
    }
}

/// How small multiples split a chart.
public enum Facet: String, Codable, Sendable {
    /// One panel per series.
    case series

    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let facet = Facet(rawValue: name) else {
            throw ChartSpecError(field: "facet", message: "unknown facet '\(name)'; the only one is 'series' (one panel per series)")
        }
        self = facet
    }
}

/// A note pointing at one place of a chart (`annotations: [{text: Fin du plan, x: 2022}]`): a
/// category (bar, column, dot, range, dumbbell and slope charts) or an `x` (one of the `x` of a
/// line or area chart; a number on a scatter chart, with `value`), optionally at one series'
/// value or at a given value.
public struct ChartAnnotation: Codable, Sendable, Equatable {
    public var text: String
    public var category: String?
    public var x: String?
    /// The series whose mark it points at (by default the highest value at that place).
    public var series: String?
    /// The value it points at, instead of the data's.
    public var value: Double?

    /// Creates an annotation.
    public init(text: String, category: String? = nil, x: String? = nil, series: String? = nil, value: Double? = nil) {
        (self.text, self.category, self.x, self.series, self.value) = (text, category, x, series, value)
    }

    enum CodingKeys: String, CodingKey {
        case text, category, x, series, value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        category = try container.decodeIfPresent(FlexibleString.self, forKey: .category)?.value
        x = try container.decodeIfPresent(FlexibleString.self, forKey: .x)?.value
        series = try container.decodeIfPresent(String.self, forKey: .series)
        value = try container.decodeIfPresent(Double.self, forKey: .value)
    }
}

/// A reference line at one value (`rules: [{value: 10, label: Objectif}]`).
public struct ReferenceRule: Codable, Sendable, Equatable {
    public var value: Double
    public var label: String?

    /// Creates a rule.
    public init(value: Double, label: String? = nil) { (self.value, self.label) = (value, label) }
}

/// A shaded range of values (`bands: [{from: 5, to: 10, label: Règle de 2021}]`).
public struct ReferenceBand: Codable, Sendable, Equatable {
    public var from, to: Double
    public var label: String?

    /// Creates a band.
    public init(from: Double, to: Double, label: String? = nil) { (self.from, self.to, self.label) = (from, to, label) }
}

/// A point of a scatter chart, optionally labelled.
public struct Point: Codable, Sendable, Equatable {
    public var x, y: Double
    public var label: String?

    /// Creates a point.
    public init(x: Double, y: Double, label: String? = nil) { (self.x, self.y, self.label) = (x, y, label) }
}

/// A value decoded from either a number or a text (x values may be years written as numbers).
struct FlexibleString: Decodable {
    let value: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            value = text
        } else if let integer = try? container.decode(Int.self) {
            value = String(integer)
        } else {
            value = String(try container.decode(Double.self))
        }
    }
}
