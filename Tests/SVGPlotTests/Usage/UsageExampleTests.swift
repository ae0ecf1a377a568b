import Foundation
import SVGPlot
import Testing

/// The usage example of `docs/svgplot.md`, as written there, through the public API only.
@Suite struct UsageExampleTests {
    @Test func theDocumentedExampleDrawsItsChart() throws {
        let spec = ChartSpec(
            kind: .column,
            title: "Cyberattaques déclarées par les établissements de santé",
            source: "ANS, observatoire des incidents",
            unit: .none,
            locale: .fr,
            categories: ["2021", "2022", "2023"],
            series: [Series(name: "Incidents", values: [733, 592, 581])]
        )
        let svg = try ChartRenderer.render(spec)
        let file = try ChartRenderer.renderStandalone(spec)
        let alt = ChartRenderer.textAlternative(spec)
        #expect(svg.hasPrefix("<svg") && svg.contains("733"))
        #expect(file.hasPrefix("<?xml") && file.contains("ANS, observatoire des incidents"))
        #expect(alt.hasPrefix("Cyberattaques déclarées par les établissements de santé. ") && alt.contains("581"))
        let page = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../docs/svgplot.md").standardizedFileURL, encoding: .utf8)
        #expect(page.contains("series: [Series(name: \"Incidents\", values: [733, 592, 581])]"), "the page shows this example")
    }
}
