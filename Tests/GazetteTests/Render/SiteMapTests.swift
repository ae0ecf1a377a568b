import Foundation
import Testing
@testable import Gazette
import GazetteMarkdown

/// The site map: every output of a site, at its address, once, with its template and its place
/// in the sitemap.
@Suite struct SiteMapTests {
    /// Three articles over two years (one a draft, one tagged twice, one with a former address),
    /// a static page, two articles a home page.
    private func site(perPage: Int = 2) throws -> Site {
        let config = try #require(SiteConfig.parse(SourceFile(path: "site.yml", text: "title: Test\nbase_url: https://t.example/\nitems_per_page: \(perPage)\n")).0)
        let here = SourceLocation(file: "a.md", line: 1, column: 1)
        func entry(_ slug: String, year: Int, day: Int, tags: [String], draft: Bool = false, aliases: [String] = []) -> PublishedArticle {
            let date = ISO8601DateFormatter().date(from: "\(year)-03-\(10 + day)T08:00:00Z")!
            let article = Article(title: slug, date: date, updated: nil, dateOffset: 0, dateOffsetLocation: here, tags: [], summary: nil, slug: nil,
                                  draft: draft, sourceNote: nil, body: "", bodyFirstLine: 1, file: "\(slug).md", slugLocation: here,
                                  tagsLocation: here)
            var entry = PublishedArticle(article: article, slug: slug, path: SiteLinks.articlePath(year: year, slug: slug), year: year,
                                         tags: tags.map { Tag(name: $0, slug: $0) })
            entry.aliasFiles = aliases
            return entry
        }
        let page = StaticPage(title: "À propos", slug: nil, summary: nil, body: "", bodyFirstLine: 1, file: "a-propos.md", slugLocation: here)
        return Site(config: config, articles: [entry("c", year: 2024, day: 2, tags: ["cyber", "cloud"], draft: true),
                                               entry("b", year: 2024, day: 1, tags: ["cyber"], aliases: ["vieux/index.html"]),
                                               entry("a", year: 2023, day: 1, tags: [])],
                    pages: [PublishedPage(page: page, slug: "a-propos", path: SiteLinks.staticPagePath(slug: "a-propos"),
                                          body: MarkdownBody(parsing: "", file: "a-propos.md", firstLine: 1, options: MarkdownOptions(allowsRawHTML: false)))],
                    tags: [Tag(name: "cloud", slug: "cloud"), Tag(name: "cyber", slug: "cyber")])
    }

    @Test func everyPageOnceWithItsTemplateAndSitemapPlace() throws {
        let map = SiteMap(try site())
        #expect(map.pages.map(\.file) == [
            "index.html", "page/2/index.html",
            "articles/2024/c/index.html", "articles/2024/b/index.html", "articles/2023/a/index.html",
            "a-propos/index.html", "tags/cloud/index.html", "tags/cyber/index.html",
            "articles/2024/index.html", "articles/2023/index.html", "corrections/index.html", "articles/index.html",
            "tags/index.html", "404.html", "recherche/index.html",
        ])
        #expect(map.pages.map(\.kind.template.rawValue) == ["home", "home", "article", "article", "article", "page", "tag", "tag",
                                                             "year", "year", "corrections", "archives", "tags", "404", "search"])
        // The draft, later home pages, the tag index, the search page and 404 are not listed.
        #expect(map.pages.filter { $0.sitemap != nil }.compactMap(\.folder) == [
            "", "articles/2024/b/", "articles/2023/a/", "a-propos/", "tags/cloud/", "tags/cyber/", "articles/2024/", "articles/2023/", "corrections/",
            "articles/",
        ])
        let home = try #require(map.pages.first)
        guard case .home(let list) = home.kind else { Issue.record("\(home.kind)"); return }
        #expect((list.number, list.count, list.total, list.items) == (1, 2, 3, [0, 1]))
        #expect(home.sitemap?.lastModified == (try site()).articles[1].article.date, "the newest published article, not the draft")
        #expect(map.feeds.map(\.file) == ["feed.xml", "feed.json", "tags/cloud/feed.xml", "tags/cyber/feed.xml"])
        #expect(map.redirects.map(\.file) == ["vieux/index.html"] && { if case .article(1)? = map.redirects.first?.target { true } else { false } }())
    }

    @Test func ownersNameWhatAnAliasWouldTake() throws {
        let site = try site()
        let owners = SiteMap(site).owners(in: site).mapValues(\.description)
        #expect(owners["page/2/index.html"] == "home page 2")
        #expect(owners["articles/2024/b/index.html"] == "b.md")
        #expect(owners["a-propos/index.html"] == "a-propos.md")
        #expect(owners["tags/cyber/feed.xml"] == "the feed of the tag cyber")
        #expect(owners["feed.json"] == "the JSON feed")
        #expect(owners["vieux/index.html"] == "an alias of b.md")
        #expect(owners["404.html"] == "the 404 page" && owners["sitemap.xml"] == "the sitemap")
        #expect(owners["articles/2023/a/partage.png"] == "the social card of a.md")
        #expect(owners["_redirects"] == "the hosts' redirect rules" && owners["_headers"] == "the hosts' header rules")
        #expect(owners["gazette-publication.json"] == "the record of the publication")
        #expect(owners.count == 15 + 5 + 1 + 3 + 3 + 3, "each page, feed (with the corrections'), redirect and social card, the sitemaps and robots.txt, the hosts' rule files, the publication record")
    }

    @Test func tagAndYearListsArePagedLikeTheHomePage() throws {
        let site = try site(perPage: 1)
        let map = SiteMap(site)
        let files = map.pages.map(\.file)
        for file in ["page/3/index.html", "tags/cyber/page/2/index.html", "articles/2024/page/2/index.html"] {
            #expect(files.contains(file), "\(file)")
        }
        #expect(!files.contains("tags/cyber/page/3/index.html") && !files.contains("tags/cloud/page/2/index.html"))
        #expect(!map.pages.contains { $0.sitemap != nil && $0.file.contains("page/") }, "later pages are not in the sitemap")
        let second = try #require(map.pages.first { $0.file == "tags/cyber/page/2/index.html" })
        guard case .tag(let tag, let list) = second.kind else { Issue.record("\(second.kind)"); return }
        #expect(tag.slug == "cyber" && (list.number, list.count, list.total, list.items) == (2, 2, 2, [1]))
        #expect(map.owners(in: site)["articles/2024/page/2/index.html"]?.description == "the 2024 archive (page 2)")
    }

    @Test func paginationLinksBothEndsAndTwoPagesOnEachSide() throws {
        let builder = PageContextBuilder(site: try site())
        func pagination(_ number: Int, of count: Int) -> Pagination? {
            let model = builder.home(SiteMap.ListPage(items: [], number: number, count: count, total: count), outputPath: "page/\(number)/index.html")
            guard case .home(_, let pagination, _, _) = model.fields else { return nil }
            return pagination
        }
        let labels = { (pagination: Pagination?) in pagination?.pages.map { $0.number.map(String.init) ?? "…" } ?? [] }
        #expect(labels(pagination(6, of: 20)) == ["1", "…", "4", "5", "6", "7", "8", "…", "20"])
        #expect(labels(pagination(3, of: 20)) == ["1", "2", "3", "4", "5", "…", "20"])
        #expect(labels(pagination(20, of: 20)) == ["1", "…", "18", "19", "20"])
        let sixth = try #require(pagination(6, of: 20))
        #expect(sixth.pages.first?.url == "../../" && sixth.pages[4].url == nil && sixth.pages[4].isCurrent)
        #expect(sixth.newerURL == "../../page/5/" && sixth.olderURL == "../../page/7/")
        #expect(pagination(1, of: 1) == nil, "a list of one page has no links")
    }
}

/// The « Mentions légales » page from `legal:` in site.yml (LCEN art. 6-III).
@Suite struct LegalNoticeTests {
    private static let legal = """
    title: Test
    base_url: https://test.example/
    legal:
      publisher: Éditions Exemple SAS, au capital de 10 000 €
      address: 1 rue de l’Exemple, 75000 Paris
      phone: 01 23 45 67 89
      email: redaction@exemple.fr
      director: Prénom Nom
      host:
        name: Hébergeur SAS
        address: 2 rue de l’Hébergeur, 59000 Lille
        phone: 03 20 00 00 00

    """

    @Test func aCompleteLegalSectionIsAPageLinkedFromEveryFooter() throws {
        let (folder, report, diagnostics) = try buildSite(["2024/a.md": "---\ntitle: A\ndate: 2024-03-01T09:00:00+01:00\n---\nTexte.\n"], site: Self.legal)
        #expect(report != nil && diagnostics.isEmpty, "\(diagnostics)")
        let page = try #require(folder.read("Output/mentions-legales/index.html"))
        for text in ["<p>Éditions Exemple SAS, au capital de 10 000 €</p>", "Téléphone\u{A0}: 01 23 45 67 89", "Directeur de la publication",
                     "Prénom Nom", "Hébergeur SAS", "mailto:redaction@exemple.fr"] {
            #expect(page.contains(text), "\(text)")
        }
        #expect(folder.read("Output/articles/2024/a/index.html")?.contains("href=\"../../../mentions-legales/\">Mentions légales</a>") == true)
    }

    @Test func aMissingEntryIsAConfigurationWarningNamingIt() throws {
        let text = Self.legal.replacingOccurrences(of: "  director: Prénom Nom\n", with: "").replacingOccurrences(of: "    phone: 03 20 00 00 00\n", with: "")
        let (config, diagnostics) = SiteConfig.parse(SourceFile(path: "site.yml", text: text))
        #expect(config?.legal?.director == nil && config?.legal?.hostName == "Hébergeur SAS")
        let warning = try #require(diagnostics.first)
        #expect(diagnostics.count == 1 && warning.severity == .warning && warning.location.line == 3, "\(diagnostics)")
        #expect(warning.message.contains("legal: lacks director, host.phone"), "\(warning.message)")
    }

    @Test func withoutALegalSectionThereIsNoPageAndNoLink() throws {
        let (folder, report, _) = try buildSite(["2024/a.md": "---\ntitle: A\ndate: 2024-03-01T09:00:00+01:00\n---\nTexte.\n"])
        #expect(report != nil)
        #expect(folder.read("Output/mentions-legales/index.html") == nil)
        #expect(folder.read("Output/index.html")?.contains("Mentions légales") == false)
    }
}
