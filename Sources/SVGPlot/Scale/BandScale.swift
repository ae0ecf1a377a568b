/// Evenly spaced bands for categories, with inner and outer padding as fractions of the step.
struct BandScale: Sendable, Equatable {
    public let count: Int
    public let range: (Double, Double)
    public let paddingInner: Double
    public let paddingOuter: Double

    /// Creates a scale of `count` bands over `range`.
    public init(count: Int, range: (Double, Double), paddingInner: Double = 0.2, paddingOuter: Double = 0.1) {
        self.count = count
        self.range = range
        self.paddingInner = paddingInner
        self.paddingOuter = paddingOuter
    }

    /// Distance from the start of one band to the start of the next.
    public var step: Double {
        (range.1 - range.0) / max(1, Double(count) - paddingInner + 2 * paddingOuter)
    }

    /// Thickness of each band.
    public var bandwidth: Double { step * (1 - paddingInner) }

    /// Start of band `index`.
    public func start(_ index: Int) -> Double { range.0 + step * (paddingOuter + Double(index)) }

    /// Centre of band `index`.
    public func center(_ index: Int) -> Double { start(index) + bandwidth / 2 }

    public static func == (lhs: BandScale, rhs: BandScale) -> Bool {
        lhs.count == rhs.count && lhs.range == rhs.range && lhs.paddingInner == rhs.paddingInner && lhs.paddingOuter == rhs.paddingOuter
    }
}
