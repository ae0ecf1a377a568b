import Foundation

/// A continuous linear mapping from a domain of values to a range of pixels, with d3's "nice"
/// domains and 1-2-5 ticks (the same results as d3-array's `ticks` and d3-scale's `nice`).
struct LinearScale: Sendable, Equatable {
    public var domain: (Double, Double)
    public var range: (Double, Double)

    /// Creates a scale.
    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = domain
        self.range = range
    }

    /// The pixel position of `value`.
    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.1 - domain.0
        guard span != 0 else { return (range.0 + range.1) / 2 }
        return range.0 + (value - domain.0) / span * (range.1 - range.0)
    }

    /// About `count` round values covering the domain.
    public func ticks(count: Int) -> [Double] { Self.ticks(domain.0, domain.1, count: count) }

    public static func == (lhs: LinearScale, rhs: LinearScale) -> Bool {
        lhs.domain == rhs.domain && lhs.range == rhs.range
    }

    private static let e10 = 50.0.squareRoot(), e5 = 10.0.squareRoot(), e2 = 2.0.squareRoot()

    private static func tickSpec(_ start: Double, _ stop: Double, _ count: Double) -> (Double, Double, Double) {
        let step = (stop - start) / max(0, count)
        let power = floor(log10(step))
        let error = step / pow(10, power)
        let factor: Double = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1
        var i1: Double, i2: Double, increment: Double
        if power < 0 {
            increment = pow(10, -power) / factor
            i1 = (start * increment).rounded()
            i2 = (stop * increment).rounded()
            if i1 / increment < start { i1 += 1 }
            if i2 / increment > stop { i2 -= 1 }
            increment = -increment
        } else {
            increment = pow(10, power) * factor
            i1 = (start / increment).rounded()
            i2 = (stop / increment).rounded()
            if i1 * increment < start { i1 += 1 }
            if i2 * increment > stop { i2 -= 1 }
        }
        if i2 < i1, 0.5 <= count, count < 2 { return tickSpec(start, stop, count * 2) }
        return (i1, i2, increment)
    }

    /// d3's `tickIncrement`: positive for a step ≥ 1, negative (its inverse) below.
    static func tickIncrement(_ start: Double, _ stop: Double, count: Int) -> Double {
        tickSpec(start, stop, Double(count)).2
    }

    /// d3-array's `ticks(start, stop, count)`.
    public static func ticks(_ start: Double, _ stop: Double, count: Int) -> [Double] {
        guard count > 0, start.isFinite, stop.isFinite else { return [] }
        if start == stop { return [start] }
        let reverse = stop < start
        let (i1, i2, increment) = reverse ? tickSpec(stop, start, Double(count)) : tickSpec(start, stop, Double(count))
        guard i2 >= i1, i1.isFinite, i2.isFinite, i2 - i1 < 10_000 else { return [] }
        let n = Int(i2 - i1) + 1
        return (0..<n).map { index in
            let i = reverse ? i2 - Double(index) : i1 + Double(index)
            return increment < 0 ? i / -increment : i * increment
        }
    }

    /// d3-scale's `linear.nice(count)` on the domain `(start, stop)`: the domain changes only once
    /// the step is stable, as in d3.
    public static func nice(_ start: Double, _ stop: Double, count: Int) -> (Double, Double) {
        var lo = min(start, stop), hi = max(start, stop)
        var previousStep: Double?
        for _ in 0..<10 {
            let step = tickIncrement(lo, hi, count: count)
            if step == previousStep {
                return stop < start ? (hi, lo) : (lo, hi)
            } else if step > 0 {
                lo = floor(lo / step) * step
                hi = ceil(hi / step) * step
            } else if step < 0 {
                lo = ceil(lo * step) / step
                hi = floor(hi * step) / step
            } else {
                break
            }
            previousStep = step
        }
        return (start, stop)
    }

    /// Digits after the decimal separator needed to write ticks `step` apart.
    static func decimals(forStep step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        var decimals = 0
        var scaled = step
        while decimals < 6, abs(scaled - scaled.rounded()) > 1e-9 * max(1, scaled) {
            scaled *= 10
            decimals += 1
        }
        return decimals
    }
}
