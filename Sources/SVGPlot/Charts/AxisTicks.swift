/// Ticks of a value axis whose labels never collide: fewer ticks until they fit.
struct AxisTicks {
    var values: [Double]
    var labels: [String]
    var decimals: Int

    /// Ticks of `scale` with labels at most `preferredCount` apart; `spacing` tells how much room a label
    /// needs along the axis (its width for a horizontal axis, its height for a vertical one).
    static func make(scale: LinearScale, preferredCount: Int, format: NumberFormat, signed: Bool,
                     gap: Double, extent: (String) -> Double) -> AxisTicks {
        var count = max(2, preferredCount)
        while true {
            let values = scale.ticks(count: count)
            let step = values.count > 1 ? abs(values[1] - values[0]) * (format.unit == .ratio ? 100 : 1) : 1
            let decimals = LinearScale.decimals(forStep: step)
            let labels = values.map { format.string($0, decimals: decimals, signed: signed && $0 != 0) }
            let positions = values.map { scale($0) }
            var fits = true
            for index in positions.indices.dropFirst() {
                let distance = abs(positions[index] - positions[index - 1])
                if distance < (extent(labels[index]) + extent(labels[index - 1])) / 2 + gap { fits = false; break }
            }
            if fits { return AxisTicks(values: values, labels: labels, decimals: decimals) }
            if count <= 2 || values.count <= 2 {
                // Last resort: the two ends, or only the first when even they collide.
                guard let first = values.first, let last = values.last, values.count > 1 else {
                    return AxisTicks(values: Array(values.prefix(1)), labels: Array(labels.prefix(1)), decimals: decimals)
                }
                let room = abs(scale(last) - scale(first))
                let ends = room >= (extent(labels[0]) + extent(labels[labels.count - 1])) / 2 + gap
                return ends ? AxisTicks(values: [first, last], labels: [labels[0], labels[labels.count - 1]], decimals: decimals)
                    : AxisTicks(values: [first], labels: [labels[0]], decimals: decimals)
            }
            count -= 1
        }
    }

    /// Widest label that ticks of `domain` may carry, for reserving room before the ticks are known.
    static func widestLabel(domain: (Double, Double), format: NumberFormat, signed: Bool, size: Double) -> Double {
        let candidates = LinearScale.ticks(domain.0, domain.1, count: 10) + [domain.0, domain.1]
        let step = candidates.count > 2 ? abs(candidates[1] - candidates[0]) * (format.unit == .ratio ? 100 : 1) : 1
        let decimals = LinearScale.decimals(forStep: step)
        return candidates.map { TextMetrics.width(format.string($0, decimals: decimals, signed: signed && $0 != 0), size: size) }.max() ?? 0
    }
}
