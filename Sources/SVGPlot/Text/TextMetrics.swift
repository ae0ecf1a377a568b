/// Widths and heights of text in the chart font stack, from the generated advance tables.
public enum TextMetrics {
    /// The font stack every SVG declares; the tables hold the widest advance of its fonts.
    public static let fontFamily = "'Liberation Sans', Arial, 'DejaVu Sans', sans-serif"

    /// Width in pixels of `text` at `size` pixels (kerning ignored, so never underestimated).
    public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        let dense = bold ? FontMetricsTable.boldDense : FontMetricsTable.regularDense
        let sparse = bold ? FontMetricsTable.boldSparse : FontMetricsTable.regularSparse
        var thousandths = 0
        for scalar in text.unicodeScalars {
            let code = scalar.value
            if code >= FontMetricsTable.denseStart, code < FontMetricsTable.denseEnd {
                let width = dense[Int(code - FontMetricsTable.denseStart)]
                thousandths += Int(width == 0 ? FontMetricsTable.fallbackWidth : width)
            } else if let width = sparse[code] {
                thousandths += Int(width)
            } else if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.isVariationSelector {
                continue
            } else {
                thousandths += Int(FontMetricsTable.fallbackWidth)
            }
        }
        return Double(thousandths) * size / 1000
    }

    /// Distance from the baseline to the top of the tallest glyph.
    public static func ascent(size: Double) -> Double { FontMetricsTable.ascent * size }
    /// Distance from the baseline to the bottom of the deepest glyph.
    public static func descent(size: Double) -> Double { FontMetricsTable.descent * size }
    /// Height of one line box (ascent plus descent).
    public static func lineHeight(size: Double) -> Double { (FontMetricsTable.ascent + FontMetricsTable.descent) * size }
}
