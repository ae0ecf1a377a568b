import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HTMLSanitizer
import Testing
@testable import Gazette

/// Every chart placed in the site is also a file of its own (`data/ID.svg`), linked from its
/// figure, with the code that shows it on a partner's site.
@Suite struct ChartExportTests {
    private func build() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/a.md": """
            ---
            title: Les budgets
            date: 2022-06-24T08:00:00+02:00
            ---

            ```chart
            id: budgets
            kind: column
            title: "Part du budget : la cybersécurité"
            source: Enquête 2022
            note: Moyenne des répondants.
            unit: "%"
            categories: [Règle, Mesuré]
            series:
              - name: Part
                values: [10, 13]
            ```
            """])
        _ = try SiteBuilder(options: options).build()
        return folder
    }

    @Test func theChartFileIsAStandaloneSVGWithItsTextsDrawnIn() throws {
        let folder = try build()
        let svg = try #require(folder.read("Output/data/budgets.svg"))
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        #expect(SVGSafety.problem(in: Array(svg.utf8)) == nil, "chart files follow the rules of published SVG images")
        // Title (French typography: a no-break space before the colon), source and note drawn as text.
        #expect(svg.contains(">Part du budget\u{00A0}: la cybersécurité</text>"))
        #expect(svg.contains("Enquête 2022</text>"))
        #expect(svg.contains(">Moyenne des répondants.</text>"))
        // Light colours forced (an <img> elsewhere follows no stylesheet of ours), opaque background.
        #expect(svg.contains("style=\"--gz-text:"))
        #expect(svg.contains("<rect x=\"-16\" y=\"-16\" width=\"672\" height=\""))
        #expect(svg.contains("font-family=\""))
    }

    @Test func theFigureLinksTheFileAndGivesTheEmbedCode() throws {
        let folder = try build()
        let page = try #require(folder.read("Output/articles/2022/les-budgets/index.html"))
        #expect(page.contains("<a href=\"../../../data/budgets.svg\" download>Télécharger le graphique (SVG)</a>"))
        #expect(page.contains("<summary>Intégrer ce graphique</summary>"))
        let svg = try #require(folder.read("Output/data/budgets.svg"))
        let height = try #require(svg.range(of: " height=\"").map { String(svg[$0.upperBound...].prefix { $0 != "\"" }) })
        let code = "&lt;a href=&quot;https://test.example/articles/2022/les-budgets/&quot;&gt;&lt;img src=&quot;https://test.example/data/budgets.svg&quot; alt=&quot;Part du budget\u{00A0}: la cybersécurité. Colonnes"
        #expect(page.contains(code))
        #expect(page.contains("width=&quot;672&quot; height=&quot;\(height)&quot; style=&quot;max-width:100%;height:auto&quot;&gt;&lt;/a&gt;</code></pre>"))
    }

    @Test func rulesAndBandsAreListedUnderTheDataTable() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/a.md": """
            ---
            title: Délais
            date: 2022-06-24T08:00:00+02:00
            ---

            ```chart
            id: delais
            kind: column
            title: Délai de correction
            unit: "%"
            categories: [T1, T2]
            series:
              - name: Part
                values: [10, 13]
            rules:
              - value: 12
                label: Objectif
            bands:
              - from: 5
                to: 10
            ```
            """])
        _ = try SiteBuilder(options: options).build()
        let page = try #require(folder.read("Output/articles/2022/delais/index.html"))
        #expect(page.contains("<tfoot>\n<tr><th scope=\"row\">Plage de référence</th><td>5\u{A0}% à 10\u{A0}%</td></tr>\n<tr><th scope=\"row\">Ligne de référence\u{A0}: Objectif</th><td>12\u{A0}%</td></tr>\n</tfoot>"))
        // The data file holds the data only.
        #expect(folder.read("Output/data/delais.csv") == "Catégorie,Part\r\nT1,10\r\nT2,13\r\n")
    }
}
