import Foundation
import Testing
@testable import SVGPlot

/// Rules and bands (`rules`, `bands`): where they are refused, what they say to screen readers,
/// and that the value axis reaches them.
@Suite struct ReferenceMarksTests {
    let column = ChartSpec(kind: .column, title: "Délai", unit: .percent, categories: ["T1", "T2"],
                           series: [Series(name: "Jours", values: [4, 6])])


    @Test func badRulesAndBandsNameTheirField() {
        var spec = column
        spec.bands = [ReferenceBand(from: 10, to: 5)]
        #expect(errorField(of: spec) == "bands[0].to")
        spec.bands = [ReferenceBand(from: .nan, to: 5)]
        #expect(errorField(of: spec) == "bands[0].from")
        spec.bands = []
        spec.rules = [ReferenceRule(value: .infinity)]
        #expect(errorField(of: spec) == "rules[0].value")
        spec.rules = Array(repeating: ReferenceRule(value: 1), count: 6)
        #expect(errorField(of: spec) == "rules")
        var donut = ChartSpec(kind: .donut, title: "t", categories: ["a"], series: [Series(name: "s", values: [1])])
        donut.rules = [ReferenceRule(value: 1)]
        #expect(errorField(of: donut) == "rules")
    }

    @Test func theyAreReadFromYAMLAndJSON() throws {
        let json = #"{"kind": "column", "title": "t", "categories": ["a"], "series": [{"name": "s", "values": [1]}], "rules": [{"value": 2, "label": "Objectif"}], "bands": [{"from": 0.5, "to": 1.5}]}"#
        let spec = try JSONDecoder().decode(ChartSpec.self, from: Data(json.utf8))
        #expect(spec.rules == [ReferenceRule(value: 2, label: "Objectif")])
        #expect(spec.bands == [ReferenceBand(from: 0.5, to: 1.5)])
    }

    @Test func aLineChartsKeyGivesTheValuesOnlyWhenTheLabelDoesNot() throws {
        var spec = ChartSpec(kind: .line, title: "Taux", unit: .percent, series: [Series(name: "Taux", values: [55, 70, 85])])
        spec.x = ["2020", "2021", "2022"]
        spec.bands = [ReferenceBand(from: 60, to: 80, label: "60 à 80 %"), ReferenceBand(from: 10, to: 20, label: "Zone basse")]
        spec.rules = [ReferenceRule(value: 1000, label: "Seuil de 1 000 %"), ReferenceRule(value: 50, label: "Objectif")]
        let svg = try ChartRenderer.render(spec)
        #expect(svg.contains(">60 à 80 %</text>") && !svg.contains("60 à 80 % ("), "the label states both values: not repeated")
        #expect(svg.contains(">Zone basse (10\u{A0}% à 20\u{A0}%)</text>") && svg.contains(">Objectif (50\u{A0}%)</text>"))
        #expect(svg.contains(">Seuil de 1 000 %</text>"), "a grouped number is one number")
        #expect(ReferenceMarks.numbers(in: "de 1\u{202F}000,5 % à 2 %") == ["1000,5", "2"])
    }

    @Test func theDescriptionNamesThemWithTheirValues() throws {
        var spec = column
        spec.rules = [ReferenceRule(value: 30, label: "Objectif")]
        spec.bands = [ReferenceBand(from: 5, to: 10)]
        let svg = try ChartRenderer.render(spec)
        #expect(svg.contains("Plage de référence\u{A0}: de 5\u{A0}% à 10\u{A0}%. Ligne de référence «\u{A0}Objectif\u{A0}»\u{A0}: 30\u{A0}%.</desc>"))
    }

    @Test func theValueAxisReachesARuleAboveEveryValue() throws {
        var spec = column
        spec.rules = [ReferenceRule(value: 30, label: "Objectif")]
        let svg = try ChartRenderer.render(spec)
        // Without the rule the axis would stop at 6 %; with it, a tick reaches 30 % and the label is drawn.
        #expect(svg.contains(">30\u{A0}%</text>"))
        #expect(svg.contains(">Objectif</text>"))
        #expect(svg.contains("stroke-dasharray=\"5 3\""))
        #expect(!(try ChartRenderer.render(column)).contains(">30\u{A0}%</text>"))
    }

    @Test func aBarChartNamesItsBandAboveTheRows() throws {
        var spec = ChartSpec(kind: .bar, title: "Part", unit: .percent, categories: ["Moyenne"], series: [Series(name: "Part", values: [13])])
        spec.bands = [ReferenceBand(from: 5, to: 10, label: "Règle de 2021")]
        let svg = try ChartRenderer.render(spec)
        let inspector = SVGInspector(svg)
        #expect(svg.contains(">Règle de 2021</text>"))
        #expect(inspector.overlappingTexts.isEmpty)
        #expect(inspector.textsOutsideViewBox.isEmpty)
    }
}
