import Foundation
import Testing
@testable import Gazette

/// Sections (« rubriques ») declared in site.yml, named by articles: a page and a feed each, in the
/// navigation, the breadcrumbs and the JSON-LD; an unknown one is a located error.
@Suite struct SectionTests {
    private static let site = """
    title: Test
    base_url: https://test.example/
    sections:
      - name: Cybersécurité
        description: Attaques, défense, gouvernance.
      - name: Numérique en santé
        slug: numerique

    """

    private static func article(_ title: String, day: Int, section: String?) -> String {
        "---\ntitle: \(title)\ndate: 2024-03-\(10 + day)T09:00:00+01:00\n" + (section.map { "section: \($0)\n" } ?? "") + "---\nTexte.\n"
    }

    @Test func sectionsAreReadInOrderWithTheirAddresses() throws {
        let (config, diagnostics) = SiteConfig.parse(SourceFile(path: "site.yml", text: Self.site))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config?.sections.map(\.slug) == ["cybersecurite", "numerique"])
        #expect(config?.sections.first?.description == "Attaques, défense, gouvernance.")
        let twice = Self.site + "  - name: Cyber sécurité\n    slug: cybersecurite\n"
        let (_, problems) = SiteConfig.parse(SourceFile(path: "site.yml", text: twice))
        #expect(problems.first?.message.contains("the address rubriques/cybersecurite/ of another section") == true, "\(problems)")
    }

    @Test func anUnknownSectionIsALocatedErrorWithASuggestion() throws {
        let (_, report, diagnostics) = try buildSite(["2024/a.md": Self.article("A", day: 1, section: "Cybersecurite"),
                                                      "2024/b.md": Self.article("B", day: 2, section: "Cybersécurit")], site: Self.site)
        #expect(report == nil)
        let error = try #require(diagnostics.first { $0.code == .unknownSection })
        #expect(diagnostics.filter { $0.code == .unknownSection }.count == 1, "written without accent, a section is still found")
        #expect(error.location.file.hasSuffix("b.md") && error.location.line == 4, "\(error.location)")
        #expect(error.message.contains("(did you mean 'Cybersécurité'?)"), "\(error.message)")
    }

    @Test func aSectionHasAPageAFeedANavigationLinkAndTheArticlesBreadcrumbs() throws {
        let (folder, report, diagnostics) = try buildSite([
            "2024/a.md": Self.article("Attaque", day: 1, section: "Cybersécurité"),
            "2024/b.md": Self.article("Dossier", day: 2, section: "numerique"),
            "2024/c.md": Self.article("Sans rubrique", day: 3, section: nil),
        ], site: Self.site)
        #expect(report != nil, "\(diagnostics)")
        let page = try #require(folder.read("Output/rubriques/cybersecurite/index.html"))
        #expect(page.contains("Attaque") && !page.contains(">Dossier<") && page.contains("Attaques, défense, gouvernance."))
        let feed = try #require(folder.read("Output/rubriques/cybersecurite/feed.xml"))
        #expect(feed.contains("<title>Attaque</title>") && !feed.contains("Dossier"))
        let home = try #require(folder.read("Output/index.html"))
        let accueil = try #require(home.range(of: ">Accueil<")), cyber = try #require(home.range(of: "href=\"./rubriques/cybersecurite/\""))
        let numerique = try #require(home.range(of: "href=\"./rubriques/numerique/\""))
        #expect(accueil.lowerBound < cyber.lowerBound && cyber.lowerBound < numerique.lowerBound, "in the navigation, in site.yml's order")
        let article = try #require(folder.read("Output/articles/2024/attaque/index.html"))
        #expect(article.contains("<a href=\"../../../rubriques/cybersecurite/\">Cybersécurité</a>"), "the section in the breadcrumbs")
        #expect(article.contains("\"articleSection\":\"Cybersécurité\""))
        #expect(folder.read("Output/articles/2024/sans-rubrique/index.html")?.contains("<a href=\"../../../articles/2024/\">2024</a>") == true,
                "without a section, the year")
        #expect(folder.read("Output/sitemap.xml")?.contains("<loc>https://test.example/rubriques/numerique/</loc>") == true)
    }

    @Test func theFrontPageLeadsWithTheStoryMarkedUneThenEachSectionsLatest() throws {
        var articles = [
            "2024/a.md": Self.article("Ancienne une", day: 1, section: "Cybersécurité").replacingOccurrences(of: "---\nTexte", with: "une: true\n---\nTexte"),
            "2024/b.md": Self.article("Dossier", day: 2, section: "numerique"),
            "2024/c.md": Self.article("Plus récent", day: 3, section: nil),
        ]
        let (folder, report, diagnostics) = try buildSite(articles, site: Self.site)
        #expect(report != nil, "\(diagnostics)")
        let home = try #require(folder.read("Output/index.html"))
        let lead = try #require(home.components(separatedBy: "<article class=\"lead-story\">").dropFirst().first?.components(separatedBy: "</article>").first)
        #expect(lead.contains(">Ancienne une</a>"), "the latest article marked une: true, not the latest")
        let blocks = home.components(separatedBy: "<section class=\"section-block\"").dropFirst()
        #expect(blocks.count == 1 && blocks.first?.contains(">Numérique en santé</a>") == true && blocks.first?.contains(">Dossier</a>") == true,
                "a section's latest, none for a section whose only article leads")
        let list = try #require(home.components(separatedBy: "<ol class=\"article-list\">").dropFirst().first)
        #expect(!list.contains("Ancienne une") && list.contains("Plus récent"), "the list without the lead story")

        articles["2024/a.md"] = Self.article("Ancienne une", day: 1, section: "Cybersécurité")
        let (unmarked, _, _) = try buildSite(articles, site: Self.site)
        let leadNow = unmarked.read("Output/index.html")?.components(separatedBy: "<article class=\"lead-story\">").dropFirst().first ?? ""
        #expect(leadNow.components(separatedBy: "</article>").first?.contains(">Plus récent</a>") == true, "without une: the latest leads")
    }
}
