import Foundation
import SVGPlot

/// The picture link previews show of an article without a photo: 1200 × 630, drawn at build
/// time from the `social-card` template (an SVG) with the site's name, the article's first tag,
/// its title wrapped with SVGPlot's font metrics (SVG does not wrap text), its date and, when it
/// has one, its first chart; librsvg draws it into a PNG with the fonts of `Templates/fonts/`.
enum SocialCard {
    /// The template the card is drawn from.
    static let template = "social-card"
    static let width = 1200, height = 630

    /// What the template receives.
    struct Model: TemplateModel {
        var siteName: String
        var label: String?
        var titleSize: Int
        var titleLines: [Line]
        var dateLine: String
        var chart: Chart?

        static let templateNames: TemplateNames<Self> = [
            "siteName": { $0.siteName }, "label": { $0.label }, "titleSize": { $0.titleSize }, "titleLines": { $0.titleLines },
            "dateLine": { $0.dateLine }, "chart": { $0.chart },
        ]
    }

    /// A line of the title and its baseline.
    struct Line: TemplateModel {
        var text: String
        var y: Int

        static let templateNames: TemplateNames<Self> = ["text": { $0.text }, "y": { $0.y }]
    }

    /// A chart drawn in flat colours (librsvg 2.54 does not read `var(--x, #fallback)`): its
    /// `viewBox` and what its `<svg>` holds.
    struct Chart: TemplateModel {
        var viewBox: String
        var drawing: String

        static let templateNames: TemplateNames<Self> = ["viewBox": { $0.viewBox }, "drawing": { $0.drawing }]
    }

    /// The card of `entry`.
    static func model(of entry: PublishedArticle, site: Site, dates: FrenchDate) -> Model {
        let chart = entry.embeds.lazy.flatMap(\.embed.charts).first.flatMap { flat(FigureRenderer.standaloneSVG($0)) }
        let size = chart == nil ? 62 : 46
        let lines = TextMetrics.lines(of: FrenchTypography.apply(to: entry.article.title), width: chart == nil ? 1056 : 540,
                                      size: Double(size), bold: true, maxLines: chart == nil ? 4 : 6)
        let step = Int((Double(size) * 1.2).rounded())
        return Model(siteName: site.config.title, label: entry.tags.first.map { $0.name.uppercased() }, titleSize: size,
                     titleLines: lines.enumerated().map { Line(text: $1, y: 250 + $0 * step) },
                     dateLine: dates.publishedLine(entry.article.date), chart: chart)
    }

    /// A standalone chart's drawing with each `var(--gz-…, #colour)` replaced by its colour, and
    /// its `viewBox`; nil when it is not the SVG SVGPlot writes.
    static func flat(_ svg: String) -> Chart? {
        guard let open = svg.range(of: "<svg "), let openEnd = svg[open.upperBound...].firstIndex(of: ">"),
              let close = svg.range(of: "</svg>", options: .backwards),
              let viewBox = svg[open.upperBound..<openEnd].firstMatch(of: /viewBox="([^"]*)"/)?.1 else { return nil }
        let inner = String(svg[svg.index(after: openEnd)..<close.lowerBound])
        return Chart(viewBox: String(viewBox), drawing: inner.replacing(/var\(--[a-z0-9-]+,(#[0-9A-Fa-f]{3,8})\)/) { String($0.1) })
    }
}
