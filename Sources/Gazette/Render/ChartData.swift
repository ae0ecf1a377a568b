import Wording
import Foundation
import SVGPlot

/// The numbers of a chart as a table: shown in the page (HTML) and offered for download (CSV).
struct ChartData {
    let header: [String]
    /// Raw values, as written in the CSV (decimal point, no grouping).
    let rows: [[String]]
    /// The same values formatted for reading (French separators and unit).
    let displayRows: [[String]]
    /// The chart's bands and rules, each with its values formatted for reading (in the HTML
    /// table only: the CSV holds the data).
    let references: [(label: String, value: String)]

    init(_ spec: ChartSpec) {
        let format = NumberFormat(locale: spec.locale, unit: spec.unit)
        let plain = NumberFormat(locale: spec.locale)
        let values = spec.series.flatMap(\.values) + spec.points.flatMap { [$0.x, $0.y] } + [spec.value].compactMap { $0 }
        let decimals = spec.options.decimals ?? format.decimalsNeeded(for: values)
        func raw(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
        let language = spec.locale, colon = spec.locale.colon
        func shown(_ value: Double) -> String { format.string(value, decimals: decimals, signed: spec.options.signed) }
        references = spec.bands.map { band in
            (language.text("Reference band") + (band.label.map { colon + $0 } ?? ""), language.text("\(shown(band.from)) to \(shown(band.to))"))
        } + spec.rules.map { rule in
            (language.text("Reference line") + (rule.label.map { colon + $0 } ?? ""), shown(rule.value))
        }
        switch spec.kind {
        case .keyFigure:
            header = [language.text("Label"), language.text("Value")]
            rows = [[spec.label ?? spec.title, raw(spec.value ?? 0)]]
            displayRows = [[spec.label ?? spec.title,
                            (spec.options.prefix ?? "") + format.string(spec.value ?? 0, decimals: decimals, signed: spec.options.signed)]]
        case .scatter:
            header = [language.text("Point"), "x", "y"]
            rows = spec.points.map { [$0.label ?? "", raw($0.x), raw($0.y)] }
            displayRows = spec.points.map { [$0.label ?? "", plain.string($0.x, decimals: decimals), format.string($0.y, decimals: decimals)] }
        default:
            let labels = spec.kind == .line || spec.kind == .area ? spec.x : spec.categories
            header = [spec.kind == .line || spec.kind == .area ? "x" : language.text("Category")] + spec.series.map(\.name)
            rows = labels.indices.map { index in [labels[index]] + spec.series.map { raw($0.values[index]) } }
            displayRows = labels.indices.map { index in
                [labels[index]] + spec.series.map { format.string($0.values[index], decimals: decimals, signed: spec.options.signed) }
            }
        }
    }

    /// RFC 4180 CSV, comma-separated, UTF-8, CRLF line ends.
    var csv: String {
        ([header] + rows).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func csvField(_ text: String) -> String {
        let cell = formulaSafe(text)
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first) gets a
    /// leading `'`, as OWASP recommends against CSV injection; plain numbers (`-4`, `+32`, `-1.5e3`) stay.
    static func formulaSafe(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        if Double(text.trimmingCharacters(in: .whitespaces)) != nil, first != "\t", first != "\r" { return text }
        return "'" + text
    }

    /// An HTML table with column headers and row headers.
    var html: String {
        let escape = HTMLEscaping.escape
        var html = "<table>\n<thead><tr>" + header.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in displayRows {
            html += "<tr><th scope=\"row\">\(escape(row.first ?? ""))</th>" + row.dropFirst().map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
        }
        html += "</tbody>\n"
        if !references.isEmpty {
            let span = max(1, header.count - 1)
            html += "<tfoot>\n" + references.map { reference in
                "<tr><th scope=\"row\">\(escape(reference.label))</th><td" + (span > 1 ? " colspan=\"\(span)\"" : "") + ">\(escape(reference.value))</td></tr>\n"
            }.joined() + "</tfoot>\n"
        }
        return html + "</table>\n"
    }
}
