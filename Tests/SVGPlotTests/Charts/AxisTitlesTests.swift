import Testing
@testable import SVGPlot

/// `x_title` and `y_title`: what the axes measure, drawn and read.
@Suite struct AxisTitlesTests {
    let scatter = ChartSpec(kind: .scatter, title: "Budget et taille", points: [Point(x: 120, y: 4.5), Point(x: 450, y: 9.1)],
                            xTitle: "Nombre de lits", yTitle: "Budget cyber (% du budget IT)")

    @Test func bothTitlesAreDrawnAndRead() throws {
        let svg = try ChartRenderer.render(scatter)
        #expect(svg.contains(">Nombre de lits</text>"))
        #expect(svg.contains(">Budget cyber (% du budget IT)</text>"))
        #expect(svg.contains(">Nuage de points. Axe horizontal\u{A0}: Nombre de lits. Axe vertical\u{A0}: Budget cyber (% du budget IT). "))
        let inspector = SVGInspector(svg)
        #expect(inspector.overlappingTexts.isEmpty && inspector.textsOutsideViewBox.isEmpty)
        // Without titles the chart says nothing of its axes.
        var untitled = scatter
        (untitled.xTitle, untitled.yTitle) = (nil, nil)
        #expect(!(try ChartRenderer.render(untitled)).contains("Axe horizontal"))
    }

    @Test func chartsWithoutAxesRefuseThem() {
        let donut = ChartSpec(kind: .donut, title: "t", categories: ["a"], series: [Series(name: "s", values: [1])], xTitle: "x")
        #expect(throws: ChartSpecError.self) { try ChartRenderer.render(donut) }
        do { _ = try ChartRenderer.render(donut) } catch { #expect(error.field == "x_title") }
    }

    @Test func columnsTurnedIntoBarsSwapTheirTitles() throws {
        var columns = ChartSpec(kind: .column, title: "Par région", categories: ["Bretagne", "Normandie", "Occitanie", "Grand Est", "Hauts-de-France", "Pays de la Loire"],
                                series: [Series(name: "n", values: [1, 2, 3, 4, 5, 6])], xTitle: "Région", yTitle: "Établissements")
        columns.options.width = 340
        let svg = try ChartRenderer.render(columns)
        #expect(svg.contains(">Barres horizontales. Axe horizontal\u{A0}: Établissements. Axe vertical\u{A0}: Région. "))
    }
}
