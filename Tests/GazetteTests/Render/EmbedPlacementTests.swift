import Foundation
import Testing
@testable import Gazette

/// One parse per body: embeds are found wherever a block may stand and drawn where they are
/// written; ids stay unique on every page (issue 8, items 1–4).
@Suite struct EmbedPlacementTests {
    private func build(_ body: String) throws -> (page: String?, errors: [Diagnostic]) {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/a.md": "---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\n---\n" + body])
        try folder.write("Content/data/charts.yml", ChartEmbedTests.specs)
        try folder.write("Content/data/defis.csv", "Défi;Part\nFormation;33\nBudget;23\n")
        let errors = buildDiagnostics(options).filter { $0.severity == .error }
        return (folder.read("Output/articles/2022/a/index.html"), errors)
    }

    /// The figure titles of a page, in order.
    private func figureTitles(_ page: String) -> [String] {
        page.components(separatedBy: "<figcaption").dropFirst().compactMap { caption in
            caption.components(separatedBy: "</").first?.components(separatedBy: ">").last
        }
    }

    @Test func aShortcodeWithADangerousImageBesideItIsOneEmbedAndLaterChartsKeepTheirPlace() throws {
        let (built, errors) = try build("[photo=150229] ![x](javascript:alert(1))\n\nEntre deux.\n\n```chart\nid: confiance\n```\n")
        #expect(errors.isEmpty)
        let page = try #require(built)
        #expect(!page.contains("javascript:"))
        let titles = figureTitles(page)
        #expect(titles.count == 2)
        #expect(titles.first?.contains("Défis") == true && titles.last?.contains("Confiance") == true, "\(titles)")
        #expect(page.range(of: "Défis")!.lowerBound < page.range(of: "Entre deux")!.lowerBound)
        #expect(page.range(of: "Entre deux")!.lowerBound < page.range(of: "Confiance")!.lowerBound)
    }

    @Test(arguments: ["> ```chart\n> id: defis\n> ```\n", "- ```chart\n  id: defis\n  ```\n", "Texte[^1].\n\n[^1]: Note.\n\n    [photo=150229]\n",
                      "> [photo=150229]\n", "1. Point\n\n   [photo=150229]\n"])
    func embedsInQuotesListItemsAndFootnotesAreFigures(body: String) throws {
        let (page, errors) = try build(body)
        #expect(errors.isEmpty, "\(errors)")
        let html = try #require(page)
        #expect(html.contains("<figure class=\"chart\""))
        #expect(!html.contains("language-chart"), "never published as code")
    }

    @Test func aTypoInAChartBlockInsideAQuoteIsLocated() throws {
        let (_, errors) = try build("Intro.\n\n> ```chart\n> id: defi-cite-en-premeir\n> ```\n")
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 8 && errors.first?.location.column == 7, "\(errors)")
        #expect(errors.first?.message.hasPrefix("unknown chart id 'defi-cite-en-premeir'") == true)
    }

    @Test(arguments: [("## [photo=150229]\n", "a heading", 5), ("| a | b |\n|---|---|\n| [photo=150229] | x |\n", "a table cell", 7)])
    func aShortcodeWhereNoFigureCanStandIsAnError(body: String, place: String, line: Int) throws {
        let (_, errors) = try build(body)
        #expect(errors.count == 1)
        #expect(errors.first?.message == "[photo=150229] cannot stand in \(place): a chart is a block of its own; put it alone in a paragraph")
        #expect(errors.first?.location.line == line)
    }

    @Test func headingIdsNeverTakeTheIdsOfThePage() throws {
        let (page, errors) = try build("## Contenu\n\n[photo=150229]\n\n## Contenu\n\n## Graphique 1\n\nTexte[^a].\n\n## Fn a\n\n[^a]: Note.\n")
        #expect(errors.isEmpty)
        let ids = try #require(page).components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(Set(ids).count == ids.count, "\(ids)")
        #expect(ids.contains("contenu") && ids.contains("contenu-2") && ids.contains("contenu-3"))
        #expect(ids.contains("section-graphique-1") && ids.contains("graphique-1") && ids.contains("section-fn-a"))
    }

    @Test func everyPageOfTheRealSiteHasUniqueIds() throws {
        let folder = try TemporaryFolder()
        let options = BuildOptions(contentDirectory: Repository.content, templatesDirectory: Repository.templates, outputDirectory: folder.path + "/Output")
        _ = try SiteBuilder(options: options).build()
        let pages = try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/Output").filter { $0.hasSuffix(".html") }
        #expect(pages.count > 20)
        for path in pages {
            let html = try #require(folder.read("Output/" + path))
            let ids = html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            #expect(Set(ids).count == ids.count, "\(path): \(ids)")
        }
    }
}

/// cmark-gfm's fixed strings are French in the page (issue 11, item 6).
@Suite struct FootnoteLabelTests {
    @Test func theFootnoteBackLinkIsLabelledInFrench() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/a.md": "---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\n---\nTexte[^1].\n\n[^1]: Note.\n"])
        _ = try SiteBuilder(options: options).build()
        let page = try #require(folder.read("Output/articles/2022/a/index.html"))
        #expect(page.contains("aria-label=\"Retour au texte\""))
        #expect(!page.contains("Back to content"))
    }
}
