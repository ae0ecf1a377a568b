import Testing
@testable import SVGPlot
import SVGPlotGallery

/// What changes on a phone's width.
@Suite struct PhoneLayoutTests {
    let columns = ChartSpec(kind: .column, title: "Établissements par région", unit: .none,
                            categories: ["Bretagne", "Normandie", "Occitanie", "Grand Est", "Hauts-de-France", "Pays de la Loire"],
                            series: [Series(name: "Établissements", values: [12, 9, 7, 15, 8, 5])])

    @Test func columnsWhoseLabelsWouldBeCutAreDrawnAsBars() throws {
        var phone = columns
        phone.options.width = 340
        let svg = try ChartRenderer.render(phone)
        #expect(svg.contains("<desc id=\"") && svg.contains(">Barres horizontales. Bretagne"))
        #expect(!svg.contains("…"), "no label is cut: \(svg)")
        #expect(SVGInspector(svg).overlappingTexts.isEmpty)
        // The same chart at the text column's width stays in columns.
        #expect(try ChartRenderer.render(columns).contains(">Colonnes. Bretagne"))
    }

    @Test func columnsWhoseLabelsFitStayColumnsOnAPhone() throws {
        var short = ChartSpec(kind: .column, title: "Par mois", categories: ["Jan.", "Fév.", "Mars"], series: [Series(name: "n", values: [1, 2, 3])])
        short.options.width = 340
        #expect(try ChartRenderer.render(short).contains(">Colonnes. "))
    }

    @Test func lineNamesThatWouldBeCutGoToAKeyWritten() throws {
        var spec = try #require(ChartSamples.byKind.first { $0.0 == .line }?.1)
        spec.options.width = 335
        let svg = try ChartRenderer.render(spec)
        #expect(svg.contains(">Fuites de données</text>"))
        #expect(!svg.contains("…"), "no name is cut")
        let inspector = SVGInspector(svg)
        #expect(inspector.overlappingTexts.isEmpty && inspector.textsOutsideViewBox.isEmpty)
        // At the text column's width the names stay at the line ends, where no key is drawn.
        spec.options.width = 640
        let wide = try ChartRenderer.render(spec)
        #expect(wide.contains(">Fuites de données</text>"))
        #expect(SVGInspector.capture(#"<line[^>]*stroke-width="2\.5"[^>]*/>\n<circle"#, in: wide).isEmpty, "no key stroke with its marker")
        #expect(!SVGInspector.capture(#"<line[^>]*stroke-width="2\.5"[^>]*/>\n<circle"#, in: svg).isEmpty, "the key draws each stroke with its marker")
    }
}
