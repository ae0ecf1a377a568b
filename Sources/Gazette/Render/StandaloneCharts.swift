import Synchronization

/// The charts as files of their own (`data/ID.svg`), each drawn once per build: the file and the
/// size its embed code states (the `<img>`'s width and height) come from one drawing, where the
/// embed code used to draw the chart a third time only to read its size.
final class StandaloneCharts: Sendable {
    /// The width and height attributes of a chart's file.
    struct Size: Sendable, Equatable {
        let width, height: String
    }

    /// The size of each chart drawn so far, by chart id (unique in a build).
    private let sizes = Mutex<[String: Size]>([:])

    /// The chart's file; its size is kept for the embed codes.
    func svg(of chart: ResolvedChart) -> String {
        let svg = FigureRenderer.standaloneSVG(chart)
        let size = Self.size(in: svg)
        sizes.withLock { $0[chart.id] = size }
        return svg
    }

    /// The size of the chart's file: kept from its drawing, else drawn now (its file was kept
    /// from the previous build, or is drawn later).
    func size(of chart: ResolvedChart) -> Size {
        sizes.withLock { $0[chart.id] } ?? Self.size(in: svg(of: chart))
    }

    /// The `width` and `height` attributes of the root element of `svg`.
    static func size(in svg: String) -> Size {
        let values = ["width", "height"].map { name in
            svg.range(of: " \(name)=\"").map { start in String(svg[start.upperBound...].prefix { $0 != "\"" }) } ?? ""
        }
        return Size(width: values[0], height: values[1])
    }
}
