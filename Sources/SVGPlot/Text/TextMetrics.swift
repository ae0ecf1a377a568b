/// Widths and heights of text in the chart font stack, from the generated advance tables.
public enum TextMetrics {
    /// The font stack every SVG declares; the tables hold the widest advance of its fonts.
    public static let fontFamily = "'Liberation Sans', Arial, 'DejaVu Sans', sans-serif"

    /// Width in pixels of `text` at `size` pixels (kerning ignored, so never underestimated).
    public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        width(thousandths: thousandths(text.unicodeScalars, bold: bold), size: size)
    }

    /// The advance of `thousandths` of an em at `size` (the one conversion every width goes through).
    static func width(thousandths: Int, size: Double) -> Double { Double(thousandths) * size / 1000 }

    /// The advance of `scalars` in thousandths of an em: a sum over characters, so widths of
    /// pieces add up exactly and wrapping can measure incrementally.
    static func thousandths<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars, bold: Bool) -> Int {
        scalars.reduce(0) { $0 + thousandths(of: $1, bold: bold) }
    }

    /// The advance of one character in thousandths of an em.
    static func thousandths(of scalar: Unicode.Scalar, bold: Bool) -> Int {
        let dense = bold ? FontMetricsTable.boldDense : FontMetricsTable.regularDense
        let sparse = bold ? FontMetricsTable.boldSparse : FontMetricsTable.regularSparse
        let code = scalar.value
        if code >= FontMetricsTable.denseStart, code < FontMetricsTable.denseEnd {
            let width = dense[Int(code - FontMetricsTable.denseStart)]
            return Int(width == 0 ? FontMetricsTable.fallbackWidth : width)
        } else if let width = sparse[code] {
            return Int(width)
        } else if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.isVariationSelector {
            return 0
        }
        return Int(FontMetricsTable.fallbackWidth)
    }

    /// Distance from the baseline to the top of the tallest glyph.
    public static func ascent(size: Double) -> Double { FontMetricsTable.ascent * size }
    /// Distance from the baseline to the bottom of the deepest glyph.
    public static func descent(size: Double) -> Double { FontMetricsTable.descent * size }
    /// Height of one line box (ascent plus descent).
    public static func lineHeight(size: Double) -> Double { (FontMetricsTable.ascent + FontMetricsTable.descent) * size }

    /// `text` broken at spaces into at most `maxLines` lines no wider than `width` (the last one
    /// ends with an ellipsis when the text does not fit), as SVGPlot wraps its own labels.
    public static func lines(of text: String, width: Double, size: Double, bold: Bool = false, maxLines: Int) -> [String] {
        TextWrapping.wrap(text, width: width, size: size, bold: bold, maxLines: maxLines).lines
    }
}
