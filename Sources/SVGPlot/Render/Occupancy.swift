/// What a chart has drawn so far, as boxes (texts, bars, markers) and segments (lines, axes):
/// the places a note may not cover. Grid lines and reference bands are left out: a note may lie
/// on them, over its halo.
struct Occupancy {
    typealias Box = LabelPlacement.Box

    struct Segment {
        var x1, y1, x2, y2: Double
    }

    private(set) var boxes: [Box] = []
    private(set) var segments: [Segment] = []

    mutating func add(_ box: Box) { boxes.append(box) }

    mutating func add(_ segment: Segment) { segments.append(segment) }

    /// Whether `box` touches nothing drawn: no box within `margin`, no segment through it.
    func isFree(_ box: Box, margin: Double) -> Bool {
        let padded = Box(minX: box.minX - margin, minY: box.minY - margin, maxX: box.maxX + margin, maxY: box.maxY + margin)
        return !boxes.contains { $0.overlaps(padded, margin: 0) } && !segments.contains { Self.crosses($0, padded) }
    }

    /// Whether the segment crosses no box (a leader line must not run through a label or a bar).
    func isClear(_ segment: Segment) -> Bool {
        !boxes.contains { Self.crosses(segment, $0) }
    }

    /// Whether `segment` has a stretch inside `box` (Liang–Barsky clipping).
    static func crosses(_ segment: Segment, _ box: Box) -> Bool {
        let dx = segment.x2 - segment.x1, dy = segment.y2 - segment.y1
        var low = 0.0, high = 1.0
        for (p, q) in [(-dx, segment.x1 - box.minX), (dx, box.maxX - segment.x1), (-dy, segment.y1 - box.minY), (dy, box.maxY - segment.y1)] {
            if p == 0 {
                if q <= 0 { return false }
            } else {
                let t = q / p
                if p < 0 { low = max(low, t) } else { high = min(high, t) }
                if low >= high { return false }
            }
        }
        return true
    }
}
