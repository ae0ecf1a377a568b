import SVGPlot

/// An HTML page showing every sample chart in light and dark, at desktop and phone widths.
public enum ChartGallery {
    /// Widths drawn: a desktop column and a 375 px phone less its margins.
    public static let widths: [Double] = [640, 335]

    /// The page; charts whose spec is invalid are shown as an error line instead. `source`, when
    /// given, writes each sample's spec as an editor writes it (the YAML of a chart file), shown
    /// next to the chart.
    public static func html(source: ((ChartSpec) -> String?)? = nil) -> String {
        var body = ""
        for (name, sample) in ChartSamples.byKind.map({ ($0.0.rawValue, $0.1) }) + ChartSamples.features {
            body += "<section><h2>\(name)</h2>\n"
            if let text = source?(sample) {
                body += "<pre class=\"spec\"><code>\(MarkupEscaping.escape(text))</code></pre>\n"
            }
            for mode in ["light", "dark"] {
                body += "<div class=\"row \(mode)\">\n"
                for width in widths {
                    var spec = sample
                    spec.options.width = width
                    spec.options.idPrefix = "g-\(name)-\(mode)-\(Int(width))"
                    let svg: String
                    do { svg = try ChartRenderer.render(spec) } catch { svg = "<p>\(MarkupEscaping.escape(error.description))</p>" }
                    body += "<figure style=\"width:\(Int(width))px\">\(svg)</figure>\n"
                }
                body += "</div>\n"
            }
            body += "</section>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>SVGPlot — galerie</title>
        <style>
        body{margin:0;font-family:\(TextMetrics.fontFamily)}
        h1,h2{margin:16px}
        .row{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start;padding:16px}
        figure{margin:0}
        figure svg{max-width:100%;height:auto}
        .spec{margin:0 16px;padding:12px;background:#f4f2ee;color:#1b1b1b;font:13px/1.45 ui-monospace,Menlo,Consolas,monospace;overflow:auto;max-height:24em}
        .light{background:\(ChartColours.page(light: true).background);color:\(ChartColours.page(light: true).text)}
        .dark{background:\(ChartColours.page(light: false).background);color:\(ChartColours.page(light: false).text)}
        .light .gz-chart{\(ChartColours.customProperties(light: true))}
        .dark .gz-chart{\(ChartColours.customProperties(light: false))}
        </style>
        </head>
        <body>
        <h1>SVGPlot — tous les types de graphiques</h1>
        \(body)</body>
        </html>

        """
    }
}
