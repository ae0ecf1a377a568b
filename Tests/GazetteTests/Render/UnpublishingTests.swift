import Foundation
import Testing
@testable import Gazette

/// `unpublished:` takes an article off every list, feed, sitemap and index; its address says
/// « Article retiré », without the article's title, and is not indexed.
@Suite struct UnpublishingTests {
    private static let withdrawn = """
    ---
    title: Affaire confidentielle
    date: 2024-03-01T09:00:00+01:00
    tags: [santé]
    unpublished:
      date: 2024-04-02T10:00:00+02:00
      reason: décision de justice du 1er avril
    ---
    Texte retiré.
    """

    @Test func aWithdrawnArticleLeavesOnlyAPageSayingSo() throws {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: [
            "2024/retire.md": Self.withdrawn,
            "2024/autre.md": "---\ntitle: Autre\ndate: 2024-03-02T09:00:00+01:00\ntags: [santé]\n---\nTexte.\n",
        ])
        options.searchIndex = true
        _ = try SiteBuilder(options: options).build()
        let page = try #require(folder.read("Output/articles/2024/affaire-confidentielle/index.html"))
        #expect(page.contains("Cet article a été retiré du site le mardi 2 avril 2024 à 10h00."))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!page.contains("Affaire confidentielle") && !page.contains("décision de justice"), "neither its title nor the reason")
        for file in ["index.html", "feed.xml", "feed.json", "sitemap.xml", "tags/sante/index.html", "articles/2024/index.html",
                     "recherche/index/r/0.json"] {
            let text = try #require(folder.read("Output/" + file), "\(file)")
            #expect(!text.contains("Affaire confidentielle") && !text.contains("affaire-confidentielle"), "\(file) still names it")
        }
        #expect(folder.read("Output/articles/2024/autre/index.html") != nil)
    }

    @Test func aWithdrawnArticlesAddressesAnswerGoneWhereTheHostReadsRulesAndItsAliasesLeadToItsPage() throws {
        let withAlias = Self.withdrawn.replacingOccurrences(of: "tags: [santé]\n", with: "tags: [santé]\naliases: [2023/ancienne-adresse/, vieux/page.html]\n")
        let (folder, report, diagnostics) = try buildSite(["2024/retire.md": withAlias], site: "title: Test\nbase_url: https://test.example/sous/\n")
        #expect(report != nil, "\(diagnostics)")
        let rules = try #require(folder.read("Output/_redirects"))
        let page = "/sous/articles/2024/affaire-confidentielle/index.html"
        #expect(rules.split(separator: "\n").filter { !$0.hasPrefix("#") } == [
            "/sous/articles/2024/affaire-confidentielle/ \(page) 410!", "/sous/2023/ancienne-adresse/ \(page) 410!", "/sous/vieux/page.html \(page) 410!",
        ])
        let alias = try #require(folder.read("Output/2023/ancienne-adresse/index.html"))
        #expect(alias.contains("url=../../articles/2024/affaire-confidentielle/\"") && !alias.contains("Affaire confidentielle"))
        let (plain, _, _) = try buildSite(["2024/a.md": "---\ntitle: A\ndate: 2024-03-01T09:00:00+01:00\n---\nTexte.\n"])
        #expect(plain.read("Output/_redirects") == nil, "no rules without a withdrawn article or an alias")
        let (moved, _, _) = try buildSite(["2024/a.md": "---\ntitle: A\ndate: 2024-03-01T09:00:00+01:00\naliases: [2023/a/]\n---\nTexte.\n"])
        #expect(moved.read("Output/_redirects")?.hasSuffix("\n/2023/a/ /articles/2024/a/ 301!\n") == true, "an alias is a permanent redirect")
    }

    @Test func anAliasMayNotTakeTheHostsRuleFiles() throws {
        let article = "---\ntitle: A\ndate: 2024-03-01T09:00:00+01:00\naliases: [_headers, _redirects]\n---\nTexte.\n"
        let (_, report, diagnostics) = try buildSite(["2024/a.md": article])
        #expect(report == nil)
        #expect(diagnostics.filter { $0.code == .aliasConflict }.map(\.message).sorted() == [
            "alias \"_headers\" would need a folder _headers/ where the site writes the hosts' header rules; remove it",
            "alias \"_redirects\" would need a folder _redirects/ where the site writes the hosts' redirect rules; remove it",
        ])
        let (_, _, asFiles) = try buildSite(["2024/a.md": article.replacingOccurrences(of: "[_headers, _redirects]", with: "[/_headers.html]")])
        #expect(asFiles.filter { $0.code == .aliasConflict }.isEmpty, "only the rule files themselves are taken: \(asFiles)")
    }

    @Test func aWithdrawalDatedLaterLeavesTheArticleUntilThen() throws {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: ["2024/retire.md": Self.withdrawn])
        options.now = ISO8601DateFormatter().date(from: "2024-03-15T09:00:00Z")
        _ = try SiteBuilder(options: options).build()
        #expect(folder.read("Output/articles/2024/affaire-confidentielle/index.html")?.contains("<h1>Affaire confidentielle</h1>") == true)
    }

    @Test func aWithdrawalNeedsADateAndAReason() throws {
        let text = Self.withdrawn.replacingOccurrences(of: "  reason: décision de justice du 1er avril\n", with: "")
        let (article, diagnostics) = DocumentParser.article(from: SourceFile(path: "a.md", text: text))
        #expect(article == nil)
        #expect(diagnostics.first?.message.contains("missing required field 'reason'") == true && diagnostics.first?.location.line == 5,
                "\(diagnostics)")
    }
}
