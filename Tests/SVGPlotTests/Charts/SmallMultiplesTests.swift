import Testing
@testable import SVGPlot

/// Small multiples (`facet: series`): one panel per series on one scale, wrapping to the width.
@Suite struct SmallMultiplesTests {
    let spec = ChartSpec(kind: .line, title: "Incidents par type",
                         series: [Series(name: "Rançongiciels", values: [12, 15, 30]), Series(name: "Hameçonnage", values: [30, 28, 44]),
                                  Series(name: "Fuites", values: [5, 2, 8])],
                         x: ["2022", "2023", "2024"], facet: .series)

    private func panelTitles(_ svg: String) -> [SVGInspector.TextBox] {
        SVGInspector(svg).texts.filter { ["Rançongiciels", "Hameçonnage", "Fuites"].contains($0.content) }
    }

    @Test func eachSeriesHasItsPanelAndEveryPanelTheSameScale() throws {
        let svg = try ChartRenderer.render(spec)
        #expect(panelTitles(svg).count == 3)
        // Same ticks in each panel: the scale of all series (up to 44), not each panel's own.
        let ticks = SVGInspector(svg).texts.filter { $0.content == "40" }
        #expect(ticks.count == 3)
        #expect(svg.contains("Un panneau par série"))
    }

    @Test func panelsWrapToTheWidthAndStackOnAPhone() throws {
        let desktop = panelTitles(try ChartRenderer.render(spec))
        #expect(Set(desktop.map(\.minX)).count == 2, "two columns at 640 px")
        var phone = spec
        phone.options.width = 335
        let stacked = panelTitles(try ChartRenderer.render(phone))
        #expect(Set(stacked.map(\.minX)).count == 1, "one column on a phone")
        #expect(Set(stacked.map(\.minY)).count == 3)
    }

    @Test func badFacetsNameTheirField() {
        var pie = ChartSpec(kind: .pie, title: "t", categories: ["a"], series: [Series(name: "s", values: [1])])
        pie.facet = .series
        #expect(errorField(of: pie) == "facet")
        var one = spec
        one.series = [one.series[0]]
        #expect(errorField(of: one) == "facet")
        var note = spec
        note.annotations = [ChartAnnotation(text: "Record", x: "2024")]
        #expect(errorField(of: note) == "annotations[0].series", "a note in small multiples names its panel")
        var bars = ChartSpec(kind: .bar, title: "t", categories: ["a", "b"],
                             series: [Series(name: "s", values: [1, 2]), Series(name: "u", values: [3, 4])])
        #expect(errorField(of: bars) == "series")
        bars.facet = .series
        #expect(errorField(of: bars) == nil)
    }
}
