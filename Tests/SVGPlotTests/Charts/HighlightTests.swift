import Testing
@testable import SVGPlot

/// `highlight`: the named categories or series keep their colour, the others turn grey, and a
/// second channel (outline or thicker stroke, bold name) does not leave it to colour alone.
@Suite struct HighlightTests {
    let bars = ChartSpec(kind: .bar, title: "Régions", unit: .percent, categories: ["Bretagne", "Normandie", "Occitanie"],
                         series: [Series(name: "Part", values: [18, 12, 15])], highlight: ["Normandie"])

    @Test func theHighlightedBarKeepsItsColourAndIsOutlinedTheOthersTurnGrey() throws {
        let svg = try ChartRenderer.render(bars)
        let barLines = svg.split(separator: "\n").filter { $0.hasPrefix("<rect") && $0.contains("height=\"20\"") }
        #expect(barLines.count == 3)
        #expect(barLines.filter { $0.contains("class=\"gz-axis\"") }.count == 2, "two grey bars")
        #expect(barLines.filter { $0.contains("gz-c1 gz-texts") && $0.contains("stroke-width=\"1.5\"") }.count == 1, "one coloured, outlined bar")
        #expect(svg.contains("font-weight=\"bold\" text-anchor=\"end\" class=\"gz-text\" fill=\"#1B1B1B\">Normandie</text>"))
        #expect(svg.contains(". Mis en avant\u{A0}: Normandie."))
        // Without a highlight every bar has the series colour.
        var plain = bars
        plain.highlight = []
        #expect(!(try ChartRenderer.render(plain)).contains("class=\"gz-axis\" fill"))
    }

    @Test func aHighlightedSeriesIsThickerAndDrawnLast() throws {
        let line = ChartSpec(kind: .line, title: "Incidents", series: [Series(name: "A", values: [1, 2]), Series(name: "B", values: [2, 1])],
                             x: ["2023", "2024"], highlight: ["A"])
        let svg = try ChartRenderer.render(line)
        let strokes = svg.split(separator: "\n").filter { $0.hasPrefix("<path") && $0.contains("fill=\"none\"") }
        #expect(strokes.count == 2)
        #expect(strokes.last?.contains("stroke-width=\"3.5\"") == true && strokes.last?.contains("gz-c1s") == true)
        #expect(strokes.first?.contains("gz-axiss") == true)
    }

    @Test func unknownNamesAndOtherKindsAreRefusedWithTheirField() {
        var spec = bars
        spec.highlight = ["Bretagne", "Corse"]
        do { _ = try ChartRenderer.render(spec); Issue.record("accepted an unknown category") } catch { #expect(error.field == "highlight[1]") }
        let donut = ChartSpec(kind: .donut, title: "t", categories: ["a"], series: [Series(name: "s", values: [1])], highlight: ["a"])
        do { _ = try ChartRenderer.render(donut); Issue.record("accepted a highlight on a donut") } catch { #expect(error.field == "highlight") }
    }
}
