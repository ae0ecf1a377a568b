/// Text boxes already placed, to keep new labels from overlapping them.
struct LabelPlacement {
    struct Box {
        var minX, minY, maxX, maxY: Double
        func overlaps(_ other: Box, margin: Double = 1) -> Bool {
            minX < other.maxX + margin && other.minX < maxX + margin && minY < other.maxY + margin && other.minY < maxY + margin
        }
    }

    private(set) var boxes: [Box] = []

    /// The box of one line of text drawn at (`x`, `baseline`).
    static func box(_ text: String, x: Double, baseline: Double, size: Double, bold: Bool = false, anchor: TextAnchor) -> Box {
        let width = TextMetrics.width(text, size: size, bold: bold)
        let minX: Double
        switch anchor {
        case .start: minX = x
        case .middle: minX = x - width / 2
        case .end: minX = x - width
        }
        return Box(minX: minX, minY: baseline - TextMetrics.ascent(size: size), maxX: minX + width,
                   maxY: baseline + TextMetrics.descent(size: size))
    }

    /// Whether `box` is free and inside `bounds`.
    func isFree(_ box: Box, within bounds: Box) -> Bool {
        box.minX >= bounds.minX && box.maxX <= bounds.maxX && box.minY >= bounds.minY && box.maxY <= bounds.maxY
            && !boxes.contains { $0.overlaps(box) }
    }

    mutating func claim(_ box: Box) { boxes.append(box) }

    /// Vertical positions for labels wanted at `targets`, at least `spacing` apart inside
    /// `low...high` whenever they fit there, in two passes: down from the top (each at its target
    /// or just below the one above), then up from the bottom if the last went past `high`. Exact
    /// for any number of labels (slope charts label every category at both ends).
    static func stacked(_ targets: [Double], spacing: Double, low: Double, high: Double) -> [Double] {
        let order = targets.indices.sorted { targets[$0] < targets[$1] }
        var placed: [Double] = []
        for index in order { placed.append(max(targets[index], low, (placed.last ?? -.infinity) + spacing)) }
        if let last = placed.last, last > high {
            placed[placed.count - 1] = high
            for rank in placed.indices.dropLast().reversed() { placed[rank] = min(placed[rank], placed[rank + 1] - spacing) }
        }
        var result = targets
        for (rank, index) in order.enumerated() { result[index] = placed[rank] }
        return result
    }

    /// Vertical positions for labels wanted at `targets` (centres), at least `spacing` apart and
    /// inside `low...high`, each as close to its target as the others allow.
    static func spread(_ targets: [Double], spacing: Double, low: Double, high: Double) -> [Double] {
        let order = targets.indices.sorted { targets[$0] < targets[$1] }
        var placed = order.map { targets[$0] }
        for _ in 0..<50 {
            var moved = false
            for index in placed.indices.dropFirst() where placed[index] - placed[index - 1] < spacing {
                let overlap = spacing - (placed[index] - placed[index - 1])
                placed[index - 1] -= overlap / 2
                placed[index] += overlap / 2
                moved = true
            }
            if let first = placed.first, first < low { placed = placed.map { $0 + (low - first) } }
            if let last = placed.last, last > high { placed = placed.map { $0 - (last - high) } }
            if !moved { break }
        }
        // Final pass from the top so that the minimum spacing holds even when squeezed.
        for index in placed.indices.dropFirst() where placed[index] - placed[index - 1] < spacing {
            placed[index] = placed[index - 1] + spacing
        }
        var result = targets
        for (rank, index) in order.enumerated() { result[index] = placed[rank] }
        return result
    }
}
