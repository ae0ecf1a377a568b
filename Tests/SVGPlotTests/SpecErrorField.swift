@testable import SVGPlot

/// The field a spec's first problem names, or nil when the spec draws (shared by the spec tests).
func errorField(of spec: ChartSpec) -> String? {
    do {
        _ = try ChartRenderer.render(spec)
        return nil
    } catch {
        return error.field
    }
}
