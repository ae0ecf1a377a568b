import Foundation

/// The kinds of chart SVGPlot draws.
public enum ChartKind: String, Codable, Sendable, CaseIterable {
    /// Horizontal bars, one series.
    case bar
    /// Vertical columns, one series.
    case column
    /// Horizontal bars, several series side by side.
    case groupedBar = "grouped-bar"
    /// Horizontal bars, several series stacked.
    case stackedBar = "stacked-bar"
    /// Horizontal bars, several series stacked to 100 %.
    case stackedBar100 = "stacked-bar-100"
    case line
    case area
    case donut
    case pie
    /// Units (squares) filled in proportion, such as "4 GHT sur 10".
    case waffle
    /// One big number with its label.
    case keyFigure = "key-figure"
    case scatter
    /// A low–high span per category (the first two series), with an optional point (a third).
    case range
    /// One dot per series on each category's line.
    case dot
    /// Two or more dots per category joined by a line (before and after).
    case dumbbell
    /// One line per category from a first moment to a second (the two series).
    case slope

    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let kind = ChartKind(rawValue: name) else {
            let known = ChartKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ChartSpecError(field: "kind", message: "unknown chart kind '\(name)'; expected one of \(known)",
                                 unknownName: name, knownNames: ChartKind.allCases.map(\.rawValue))
        }
        self = kind
    }
}

/// How values are written and read.
public enum ValueUnit: Sendable, Equatable, Codable {
    /// Plain numbers.
    case none
    /// Percentages written as such: 33 means 33 %.
    case percent
    /// Fractions of one: 0.33 means 33 %.
    case ratio
    /// Euros.
    case euro
    /// Any other unit, written after the number ("GHT", "ms").
    case suffix(String)

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        switch text.trimmingCharacters(in: .whitespaces) {
        case "", "none": self = .none
        case "%", "percent": self = .percent
        case "ratio": self = .ratio
        case "€", "euro", "EUR": self = .euro
        case let other: self = .suffix(other)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .none: try container.encode("none")
        case .percent: try container.encode("%")
        case .ratio: try container.encode("ratio")
        case .euro: try container.encode("€")
        case .suffix(let text): try container.encode(text)
        }
    }
}

