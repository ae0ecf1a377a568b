import Testing
@testable import SVGPlot

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
}
