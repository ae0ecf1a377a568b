/// A colour of the chart theme: a CSS class reading a custom property (so a page's dark mode
/// recolours the chart) plus the light value inline, used where CSS is not applied.
struct Paint: Equatable {
    let className: String
    let light: String
    /// A pattern to paint with instead of the plain colour (series after the first).
    var patternID: String?

    /// ` class="…" fill="…" stroke="…"` for an element painted with `fill` and/or `stroke`.
    static func attributes(fill: Paint?, stroke: Paint?) -> String {
        var classes: [String] = []
        var attributes = ""
        if let fill {
            if let patternID = fill.patternID {
                attributes += " fill=\"url(#\(patternID))\""
            } else {
                classes.append(fill.className)
                attributes += " fill=\"\(fill.light)\""
            }
        } else {
            attributes += " fill=\"none\""
        }
        if let stroke {
            classes.append(stroke.className + "s")
            attributes += " stroke=\"\(stroke.light)\""
        }
        return (classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"") + attributes
    }

    static let text = Paint(className: "gz-text", light: Theme.light["text"]!)
    static let muted = Paint(className: "gz-muted", light: Theme.light["muted"]!)
    static let grid = Paint(className: "gz-grid", light: Theme.light["grid"]!)
    static let axis = Paint(className: "gz-axis", light: Theme.light["axis"]!)
    static let background = Paint(className: "gz-bg", light: Theme.light["bg"]!)
    /// Marks left out of a highlight: the axis grey (3:1 on the page, so they still read).
    static let dimmed = axis
}

/// Colours, sizes and the CSS block of every chart.
enum Theme {
    /// Okabe-Ito hues, darkened where needed for 3:1 against a light page and lightened for a dark one.
    static let seriesLight = ["#0072B2", "#D55E00", "#007A5A", "#B4457F", "#8F6A00", "#5A5A5A"]
    static let seriesDark = ["#56B4E9", "#E69F00", "#2DC598", "#E08BBE", "#F0E442", "#B8B8B8"]
    /// Text written on a mark of each series (4.5:1 against it).
    static let onSeriesLight = ["#FFFFFF", "#111111", "#FFFFFF", "#FFFFFF", "#FFFFFF", "#FFFFFF"]
    static let onSeriesDark = ["#111111", "#111111", "#111111", "#111111", "#111111", "#111111"]

    static let light: [String: String] = ["text": "#1B1B1B", "muted": "#595959", "grid": "#DEDAD2", "axis": "#767676", "bg": "#FDFCFA"]
    static let dark: [String: String] = ["text": "#EBE9E4", "muted": "#B0ADA6", "grid": "#3A3A3A", "axis": "#8A8A8A", "bg": "#161616"]

    /// The type scale, in px: title, subtitle, labels of marks, axis ticks, source line, key figures.
    static let titleSize = 18.0, subtitleSize = 14.0, labelSize = 13.0, tickSize = 12.0, sourceSize = 12.0, keyFigureSize = 56.0

    /// The colour of series `index` (cycling through the palette).
    static func series(_ index: Int) -> Paint {
        let slot = index % seriesLight.count
        return Paint(className: "gz-c\(slot + 1)", light: seriesLight[slot])
    }

    /// The colour of text drawn on a mark of series `index`.
    static func onSeries(_ index: Int) -> Paint {
        let slot = index % seriesLight.count
        return Paint(className: "gz-on\(slot + 1)", light: onSeriesLight[slot])
    }

    /// The `<style>` of a chart: classes read `--gz-*` properties with the light values as
    /// fallbacks; under `prefers-color-scheme: dark` the chart sets the dark values itself.
    static let styleSheet: String = {
        var roles: [(String, String)] = ["text", "muted", "grid", "axis", "bg"].map { ("gz-\($0)", $0) }
        roles += (1...seriesLight.count).flatMap { [("gz-c\($0)", "c\($0)"), ("gz-on\($0)", "on\($0)")] }
        func lightValue(_ name: String) -> String { value(name, light: true) }
        var css = ""
        for (className, property) in roles {
            css += ".\(className){fill:var(--gz-\(property),\(lightValue(property)))}"
            css += ".\(className)s{stroke:var(--gz-\(property),\(lightValue(property)))}"
        }
        css += "@media (prefers-color-scheme:dark){.gz-chart{"
        css += roles.map { "--gz-\($0.1):\(value($0.1, light: false))" }.joined(separator: ";")
        css += "}}"
        return css
    }()

    /// The light or dark value of a role (`text`, `c1`, `on1`…).
    static func value(_ role: String, light: Bool) -> String {
        if role.hasPrefix("on"), let index = Int(role.dropFirst(2)) {
            return (light ? onSeriesLight : onSeriesDark)[index - 1]
        }
        if role.hasPrefix("c"), let index = Int(role.dropFirst(1)) {
            return (light ? seriesLight : seriesDark)[index - 1]
        }
        return (light ? Self.light : Self.dark)[role] ?? "#000000"
    }
}

/// The chart colours of each mode, for a page that forces one mode whatever the browser prefers
/// (the gallery shows both side by side).
public enum ChartColours {
    /// The `--gz-*` custom properties of the light or dark mode; set on `.gz-chart`, they force it.
    public static func customProperties(light: Bool) -> String {
        let roles = ["text", "muted", "grid", "axis", "bg"] + (1...Theme.seriesLight.count).flatMap { ["c\($0)", "on\($0)"] }
        return roles.map { "--gz-\($0):\(Theme.value($0, light: light))" }.joined(separator: ";")
    }

    /// The page background and text colours that go with the charts of that mode.
    public static func page(light: Bool) -> (background: String, text: String) {
        (Theme.value("bg", light: light), Theme.value("text", light: light))
    }
}
