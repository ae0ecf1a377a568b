import Wording
import Foundation
import SVGPlot

/// The HTML of embedded charts: a `<figure>` with the SVG drawn for wide and narrow screens,
/// a caption with title and source, the numbers as a table, links to them as CSV and to the chart
/// as a file of its own (SVG), and the code that shows that file on another site.
struct FigureRenderer {
    /// The way back to the site root from the page (for the CSV and SVG links).
    let root: String
    /// The absolute addresses of the site root and of the page, for the embed code (nil: none).
    var absolute: (site: String, page: String)?
    /// The build's drawings of the charts as files of their own, whose sizes the embed code states.
    var standalone = StandaloneCharts()
    /// The widths charts are drawn at: the text column, and a phone.
    static let wideWidth = 640.0
    static let boardWidth = 460.0
    static let narrowWidth = 340.0

    /// The chart as a file of its own (``ChartRenderer/renderStandalone(_:)``), its texts in French typography.
    static func standaloneSVG(_ chart: ResolvedChart) -> String {
        var spec = inFrenchTypography(chart.spec)
        spec.options.width = wideWidth
        spec.options.idPrefix = chart.id
        // Specs are checked when the site is validated; a failure here cannot happen.
        return (try? ChartRenderer.renderStandalone(spec)) ?? ""
    }

    func figure(_ chart: ResolvedChart, idPrefix: String, wide: Double = wideWidth) -> String {
        let escape = HTMLEscaping.escape
        let spec = chart.spec
        let language = spec.locale
        var html = "<figure class=\"chart\" id=\"\(escape(idPrefix))\">\n"
        html += svg(spec, width: wide, idPrefix: idPrefix + "-l", className: "chart-wide")
        html += svg(spec, width: Self.narrowWidth, idPrefix: idPrefix + "-s", className: "chart-narrow")
        html += "<figcaption>\n<p class=\"chart-title\">\(escape(typographic(spec.title)))</p>\n"
        if let subtitle = spec.subtitle { html += "<p class=\"chart-subtitle\">\(escape(typographic(subtitle)))</p>\n" }
        if let source = spec.source { html += "<p class=\"chart-source\">Source\(language.colon)\(escape(typographic(source)))</p>\n" }
        if let note = spec.note { html += "<p class=\"chart-note\">\(escape(typographic(note)))</p>\n" }
        let data = ChartData(spec)
        html += "<details class=\"chart-data\"><summary>\(language.text("Show the data"))</summary>\n\(data.html)</details>\n"
        html += "<p class=\"chart-download\"><a href=\"\(escape(root + SiteLinks.chartData(id: chart.id)))\" download>\(language.text("Download the data (CSV)"))</a>"
        html += " · <a href=\"\(escape(root + SiteLinks.chartDrawing(id: chart.id)))\" download>\(language.text("Download the chart (SVG)"))</a></p>\n"
        if let absolute { html += embedCode(chart, site: absolute.site, page: absolute.page, language: language) }
        return html + "</figcaption>\n</figure>\n"
    }

    /// The code a partner site copies to show the chart: its SVG file as an image, with the
    /// chart's text alternative, linked to the article; shown as text in a `<details>`.
    private func embedCode(_ chart: ResolvedChart, site: String, page: String, language: Language) -> String {
        let escape = HTMLEscaping.escape
        let size = standalone.size(of: chart)
        let alternative = FrenchTypography.apply(to: ChartRenderer.textAlternative(chart.spec))
        let code = "<a href=\"\(escape(page))\"><img src=\"\(escape(site + SiteLinks.chartDrawing(id: chart.id)))\" alt=\"\(escape(alternative))\" width=\"\(size.width)\" height=\"\(size.height)\" style=\"max-width:100%;height:auto\"></a>"
        return "<details class=\"chart-embed\"><summary>\(language.text("Embed this chart"))</summary>\n<p>\(language.text("Copy this code into a page of your site:"))</p>\n<pre><code>\(escape(code))</code></pre>\n</details>\n"
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

    /// The spec with every text it draws in French typography (no-break spaces before `: ; ! ? %`,
    /// apostrophes): the editor writes plain spaces.
    static func inFrenchTypography(_ spec: ChartSpec) -> ChartSpec {
        var spec = spec
        let typographic = { (text: String) in FrenchTypography.apply(to: text) }
        spec.title = typographic(spec.title)
        spec.subtitle = spec.subtitle.map(typographic)
        spec.source = spec.source.map(typographic)
        spec.note = spec.note.map(typographic)
        spec.label = spec.label.map(typographic)
        spec.categories = spec.categories.map(typographic)
        spec.highlight = spec.highlight.map(typographic)
        spec.xTitle = spec.xTitle.map(typographic)
        spec.yTitle = spec.yTitle.map(typographic)
        for index in spec.series.indices { spec.series[index].name = typographic(spec.series[index].name) }
        for index in spec.rules.indices { spec.rules[index].label = spec.rules[index].label.map(typographic) }
        for index in spec.bands.indices { spec.bands[index].label = spec.bands[index].label.map(typographic) }
        for index in spec.annotations.indices {
            spec.annotations[index].text = typographic(spec.annotations[index].text)
            spec.annotations[index].category = spec.annotations[index].category.map(typographic)
            spec.annotations[index].series = spec.annotations[index].series.map(typographic)
        }
        return spec
    }

    private func svg(_ spec: ChartSpec, width: Double, idPrefix: String, className: String) -> String {
        var drawn = Self.inFrenchTypography(spec)
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
