/// An invalid chart spec: which field is wrong (`series[1].values[2]`) and why.
public struct ChartSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Path of the faulty field from the spec's root, as written in the spec.
    public var field: String
    public var message: String

    /// Creates an error about `field`.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
