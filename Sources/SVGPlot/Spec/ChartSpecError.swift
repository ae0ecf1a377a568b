import Wording

/// An invalid chart spec: which field is wrong (`series[1].values[2]`) and why.
public struct ChartSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Path of the faulty field from the spec's root, as written in the spec.
    public var field: String
    public var message: Phrase
    /// When the field names something the chart does not have (a category, an x, a series, a
    /// kind): that name, and the names it could have been, for a caller to suggest the nearest.
    public var unknownName: String?
    public var knownNames: [String]

    /// Creates an error about `field`.
    public init(field: String, message: Phrase, unknownName: String? = nil, knownNames: [String] = []) {
        (self.field, self.message, self.unknownName, self.knownNames) = (field, message, unknownName, knownNames)
    }

    public var description: String { "\(field): \(message)" }
}
