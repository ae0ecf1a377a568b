/// The titles of a chart's axes (`x_title`, `y_title`), for what the ticks do not say (what 0–500
/// counts): the vertical axis's above the plot at the left, the horizontal axis's under its tick
/// labels, ending at the plot's right. One line each, cut with the whole text in a tooltip.
enum AxisTitles {
    static let size = Theme.tickSize

    /// Draws the vertical axis's title from `top`; returns the y below it (`top` without one).
    static func drawVertical(_ canvas: inout ChartCanvas, top: Double) -> Double {
        guard let title = canvas.spec.yTitle, !title.trimmed.isEmpty else { return top }
        let text = TextWrapping.fit(title, width: canvas.innerWidth, size: size)
        canvas.writer.text(text, x: canvas.left, y: top + TextMetrics.ascent(size: size), size: size, paint: .text,
                           title: text == title ? nil : title)
        return top + TextMetrics.lineHeight(size: size) + 6
    }

    /// Draws the horizontal axis's title from `top`, ending at `right`; returns the y below it
    /// (`top` without one).
    static func drawHorizontal(_ canvas: inout ChartCanvas, top: Double, right: Double) -> Double {
        guard let title = canvas.spec.xTitle, !title.trimmed.isEmpty else { return top }
        let text = TextWrapping.fit(title, width: right - canvas.left, size: size)
        canvas.writer.text(text, x: right, y: top + 4 + TextMetrics.ascent(size: size), size: size, anchor: .end, paint: .text,
                           title: text == title ? nil : title)
        return top + 4 + TextMetrics.lineHeight(size: size)
    }
}
