import Foundation
import SVGPlot

/// `gazette-bench charts SPECS.json`: writes the fixed set of benchmark charts to SPECS.json,
/// renders each of them many times and prints timings as JSON (read by Scripts/bench-charts.py),
/// with those of a second set drawn with notes, rules, bands and small multiples ("editorial").
/// `gazette-bench chart SPEC.json OUT.svg`: draws one chart spec (the site bench's results).
struct ChartBenchmark {
    static let chartCount = 200
    static let rounds = 25

    /// 200 charts of five values: horizontal bars, columns and lines in turn, deterministic.
    static func specs() -> [ChartSpec] {
        let categories = ["Formation et sensibilisation", "Budget cyber", "Architecture SI", "Cloud public", "Recrutement"]
        return (0..<chartCount).map { index in
            let values = (0..<5).map { Double((index * 37 + $0 * 53) % 90 + 5) }
            let title = "Graphique \(index + 1) : enquête auprès des DSI/RSSI"
            switch index % 3 {
            case 0:
                return ChartSpec(kind: .bar, title: title, source: "Health & Tech Research, 2022", unit: .percent,
                                 categories: categories, series: [Series(name: "Part", values: values)])
            case 1:
                return ChartSpec(kind: .column, title: title, source: "Health & Tech Research, 2022", unit: .percent,
                                 categories: categories, series: [Series(name: "Part", values: values)])
            default:
                return ChartSpec(kind: .line, title: title, source: "Health & Tech Research, 2022", unit: .percent,
                                 series: [Series(name: "Part", values: values)], x: ["2018", "2019", "2020", "2021", "2022"])
            }
        }
    }

    /// 200 editorial charts: lines with notes, columns with a note and a rule, bars with notes and
    /// a band, small multiples of four series with a note in one panel; deterministic.
    static func editorialSpecs() -> [ChartSpec] {
        let categories = ["Formation et sensibilisation", "Budget cyber", "Architecture SI", "Cloud public", "Recrutement"]
        let years = ["2018", "2019", "2020", "2021", "2022"]
        let names = ["Rançongiciels", "Hameçonnage", "Fuites de données", "Dénis de service"]
        return (0..<chartCount).map { index in
            func values(_ offset: Int) -> [Double] { (0..<5).map { Double((index * 37 + $0 * 53 + offset * 29) % 90 + 5) } }
            let title = "Graphique \(index + 1) : enquête auprès des DSI/RSSI"
            let series = names.enumerated().map { Series(name: $1, values: values($0)) }
            switch index % 4 {
            case 0:
                return ChartSpec(kind: .line, title: title, unit: .percent, series: Array(series.prefix(3)), x: years,
                                 annotations: [ChartAnnotation(text: "Plan national de cybersécurité", x: "2020", series: names[0]),
                                               ChartAnnotation(text: "Record", x: "2022", series: names[1])])
            case 1:
                return ChartSpec(kind: .column, title: title, unit: .percent, categories: categories, series: [series[0]],
                                 rules: [ReferenceRule(value: 50, label: "Objectif")],
                                 annotations: [ChartAnnotation(text: "Nouvel outil de gestion des correctifs", category: categories[index % 5])])
            case 2:
                return ChartSpec(kind: .bar, title: title, unit: .percent, categories: categories, series: [series[1]],
                                 bands: [ReferenceBand(from: 20, to: 40, label: "Fourchette recommandée")],
                                 annotations: [ChartAnnotation(text: "Deux attaques majeures", category: categories[(index + 1) % 5]),
                                               ChartAnnotation(text: "En baisse", category: categories[(index + 3) % 5])])
            default:
                return ChartSpec(kind: .line, title: title, unit: .percent, series: series, x: years,
                                 annotations: [ChartAnnotation(text: "Record", x: "2021", series: names[index % 4])], facet: .series)
            }
        }
    }

    /// Renders every spec `rounds` times: per-chart median and 90th percentile (ms), charts per
    /// second, and mean bytes by kind.
    static func measure(_ specs: [ChartSpec]) throws -> [String: Any] {
        var perChart: [Double] = []
        var bytes: [String: [Int]] = [:]
        var rendered = 0
        let clock = ContinuousClock()
        let total = try clock.measure {
            for round in 0..<rounds {
                for spec in specs {
                    var svg = ""
                    let elapsed = try clock.measure { svg = try ChartRenderer.render(spec) }
                    perChart.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
                    if round == 0 { bytes[spec.kind.rawValue, default: []].append(svg.utf8.count) }
                    rendered += 1
                }
            }
        }
        perChart.sort()
        let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
        return [
            "charts": rendered,
            "median_ms": perChart[perChart.count / 2],
            "p90_ms": perChart[perChart.count * 9 / 10],
            "charts_per_second": Double(rendered) / seconds,
            "bytes_by_kind": bytes.mapValues { $0.reduce(0, +) / $0.count },
        ]
    }

    static func run(specsPath: String) throws {
        let specs = specs()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(specs).write(to: URL(fileURLWithPath: specsPath))
        var result = try measure(specs)
        result["editorial"] = try measure(editorialSpecs())
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}

let arguments = CommandLine.arguments
do {
    switch (arguments.count, arguments.dropFirst().first) {
    case (3, "charts"):
        try ChartBenchmark.run(specsPath: arguments[2])
    case (4, "chart"):
        let spec = try JSONDecoder().decode(ChartSpec.self, from: Data(contentsOf: URL(fileURLWithPath: arguments[2])))
        try ChartRenderer.render(spec).write(toFile: arguments[3], atomically: true, encoding: .utf8)
    default:
        FileHandle.standardError.write(Data("usage: gazette-bench charts SPECS.json | gazette-bench chart SPEC.json OUT.svg\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("gazette-bench: \(error)\n".utf8))
    exit(1)
}
