import Foundation
import SVGPlot

/// The HTML of embedded charts: a `<figure>` with the SVG drawn for wide and narrow screens,
/// a caption with title and source, the numbers as a table and a link to them as CSV.
struct FigureRenderer {
    /// The way back to the site root from the page (for the CSV links).
    let root: String
    /// The widths charts are drawn at: the text column, and a phone.
    static let wideWidth = 640.0
    static let boardWidth = 460.0
    static let narrowWidth = 340.0

    /// Where the CSV of a chart is written, below the site root.
    static func csvPath(_ chart: ResolvedChart) -> String { "data/\(chart.id).csv" }

    func figure(_ chart: ResolvedChart, idPrefix: String, wide: Double = wideWidth) -> String {
        let escape = HTMLEscaping.escape
        let spec = chart.spec
        let french = spec.locale == .fr
        var html = "<figure class=\"chart\" id=\"\(escape(idPrefix))\">\n"
        html += svg(spec, width: wide, idPrefix: idPrefix + "-l", className: "chart-wide")
        html += svg(spec, width: Self.narrowWidth, idPrefix: idPrefix + "-s", className: "chart-narrow")
        html += "<figcaption>\n<p class=\"chart-title\">\(escape(typographic(spec.title)))</p>\n"
        if let subtitle = spec.subtitle { html += "<p class=\"chart-subtitle\">\(escape(typographic(subtitle)))</p>\n" }
        if let source = spec.source { html += "<p class=\"chart-source\">\(french ? "Source\u{00A0}:" : "Source:") \(escape(typographic(source)))</p>\n" }
        if let note = spec.note { html += "<p class=\"chart-note\">\(escape(typographic(note)))</p>\n" }
        let data = ChartData(spec)
        html += "<details class=\"chart-data\"><summary>\(french ? "Voir les données" : "Show the data")</summary>\n\(data.html)</details>\n"
        html += "<p class=\"chart-download\"><a href=\"\(escape(root + Self.csvPath(chart)))\" download>\(french ? "Télécharger les données (CSV)" : "Download the data (CSV)")</a></p>\n"
        return html + "</figcaption>\n</figure>\n"
    }

    func board(_ board: ResolvedBoard, idPrefix: String) -> String {
        let escape = HTMLEscaping.escape
        var html = "<section class=\"board\" aria-labelledby=\"\(escape(idPrefix))-titre\">\n"
        html += "<h2 class=\"board-title\" id=\"\(escape(idPrefix))-titre\">\(escape(typographic(board.title)))</h2>\n<div class=\"board-grid\">\n"
        for (index, chart) in board.charts.enumerated() {
            html += figure(chart, idPrefix: "\(idPrefix)-\(index + 1)", wide: Self.boardWidth)
        }
        return html + "</div>\n</section>\n"
    }

    private func svg(_ spec: ChartSpec, width: Double, idPrefix: String, className: String) -> String {
        var drawn = spec
        drawn.options.width = width
        drawn.options.showsTitle = false
        drawn.options.showsSource = false
        drawn.options.idPrefix = idPrefix
        drawn.options.cssClass = className
        // Specs are checked when the site is validated; a failure here cannot happen.
        return (try? ChartRenderer.render(drawn)) ?? ""
    }

    private func typographic(_ text: String) -> String { FrenchTypography.apply(to: text) }
}
