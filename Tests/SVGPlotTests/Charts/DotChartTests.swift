import Testing
@testable import SVGPlot

/// `range`, `dot` and `dumbbell`: rows of dots read on an axis.
@Suite struct DotChartTests {
    let range = ChartSpec(kind: .range, title: "Part du budget", unit: .percent, categories: ["Règle et moyenne"],
                          series: [Series(name: "Minimum", values: [5]), Series(name: "maximum", values: [10]), Series(name: "Moyenne", values: [13])])

    @Test func aRangeIsReadAsFromLowToHighWithItsPoint() throws {
        let svg = try ChartRenderer.render(range)
        #expect(svg.contains(">Fourchettes. Règle et moyenne\u{A0}: de 5\u{A0}% à 10\u{A0}% ; Moyenne\u{A0}: 13\u{A0}%.</desc>"))
        // The span from 5 to 10 is one rectangle, the point a marker; the axis shows the values.
        #expect(svg.contains("height=\"10\" class=\"gz-c1\""))
        #expect(svg.contains(">10\u{A0}%</text>"))
    }

    @Test func badRangesAndDumbbellsNameTheirField() {
        var inverted = range
        inverted.series[1].values = [4]
        #expect(errorField(of: inverted) == "series[1].values[0]")
        var single = range
        single.series = [Series(name: "a", values: [1])]
        #expect(errorField(of: single) == "series")
        let dumbbell = ChartSpec(kind: .dumbbell, title: "t", categories: ["a"], series: [Series(name: "2021", values: [1])])
        #expect(errorField(of: dumbbell) == "series")
    }

    @Test func aDumbbellJoinsItsDotsAndShowsEachSeriesShapeInTheLegend() throws {
        let spec = ChartSpec(kind: .dumbbell, title: "Formés", unit: .percent, categories: ["Soignants", "Direction"],
                             series: [Series(name: "2021", values: [22, 60]), Series(name: "2023", values: [54, 88])])
        let svg = try ChartRenderer.render(spec)
        #expect(svg.components(separatedBy: "stroke-width=\"2\"").count - 1 == 2, "one joining line per category")
        // Two dots per row plus one marker per legend entry: circles for 2021, squares for 2023.
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3)
        #expect(svg.contains(">Diagramme en haltères. "))
    }

    @Test func aSlopeLabelsBothEndsWithoutOverlapAndReadsFromOneMomentToTheOther() throws {
        let slope = ChartSpec(kind: .slope, title: "Certifiés", unit: .percent, categories: ["Centres hospitaliers", "Cliniques"],
                              series: [Series(name: "2021", values: [41, 40]), Series(name: "2023", values: [58, 44])])
        let svg = try ChartRenderer.render(slope)
        #expect(svg.contains(">Pente. Centres hospitaliers\u{A0}: de 41\u{A0}% (2021) à 58\u{A0}% (2023). Cliniques\u{A0}: de 40\u{A0}% (2021) à 44\u{A0}% (2023).</desc>"))
        #expect(svg.contains(">Cliniques  40\u{A0}%</text>"))
        // 41 and 40 are a pixel apart on the scale: their labels are spread, not stacked on each other.
        #expect(SVGInspector(svg).overlappingTexts.isEmpty)
        var three = slope
        three.series.append(Series(name: "2025", values: [1, 2]))
        do { _ = try ChartRenderer.render(three); Issue.record("accepted three moments") } catch { #expect(error.field == "series") }
    }
}
