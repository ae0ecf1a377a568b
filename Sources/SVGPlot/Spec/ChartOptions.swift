/// Presentation choices of a chart; every field has a sensible default.
public struct ChartOptions: Codable, Sendable, Equatable {
    /// Width of the view box in pixels (the SVG scales to its container).
    public var width: Double
    /// Height of the plot of line, area, column and scatter charts; others size themselves.
    public var plotHeight: Double?
    /// Draws title and subtitle inside the SVG (off when a page shows them in a caption).
    public var showsTitle: Bool
    /// Draws the source line and the note inside the SVG (off when a page shows them in a caption).
    public var showsSource: Bool
    /// Writes each value on its mark.
    public var valueLabels: Bool
    /// Digits after the decimal separator; by default as many as the data needs, at most 2.
    public var decimals: Int?
    /// Writes `+` before positive values (`+32 %`).
    public var signed: Bool
    /// Words written before a key figure's number, for a bound the source gives (`<` in `< 20 %`).
    public var prefix: String?
    /// Prefix of the ids inside the SVG; must be unique in a page holding several charts.
    public var idPrefix: String?
    /// Extra CSS class of the `<svg>` element, for the page's stylesheet.
    public var cssClass: String?

    /// Creates options.
    public init(width: Double = 640, plotHeight: Double? = nil, showsTitle: Bool = true, showsSource: Bool = true,
                valueLabels: Bool = true, decimals: Int? = nil, signed: Bool = false, idPrefix: String? = nil,
                cssClass: String? = nil) {
        self.width = width
        self.plotHeight = plotHeight
        self.showsTitle = showsTitle
        self.showsSource = showsSource
        self.valueLabels = valueLabels
        self.decimals = decimals
        self.signed = signed
        self.idPrefix = idPrefix
        self.cssClass = cssClass
        prefix = nil
    }

    enum CodingKeys: String, CodingKey {
        case width, plotHeight = "plot_height", showsTitle = "show_title", showsSource = "show_source",
             valueLabels = "value_labels", decimals, signed, idPrefix = "id_prefix", cssClass = "css_class", prefix
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ChartOptions()
        width = try container.decodeIfPresent(Double.self, forKey: .width) ?? defaults.width
        plotHeight = try container.decodeIfPresent(Double.self, forKey: .plotHeight)
        showsTitle = try container.decodeIfPresent(Bool.self, forKey: .showsTitle) ?? defaults.showsTitle
        showsSource = try container.decodeIfPresent(Bool.self, forKey: .showsSource) ?? defaults.showsSource
        valueLabels = try container.decodeIfPresent(Bool.self, forKey: .valueLabels) ?? defaults.valueLabels
        decimals = try container.decodeIfPresent(Int.self, forKey: .decimals)
        signed = try container.decodeIfPresent(Bool.self, forKey: .signed) ?? defaults.signed
        idPrefix = try container.decodeIfPresent(String.self, forKey: .idPrefix)
        cssClass = try container.decodeIfPresent(String.self, forKey: .cssClass)
        prefix = try container.decodeIfPresent(String.self, forKey: .prefix)
    }
}
