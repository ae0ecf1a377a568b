import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Gazette

/// Authors (`Content/authors/<slug>.md`): bylines that link to a page per author with their
/// articles (paged) and a feed, `author.url` in the JSON-LD, several authors per article, and an
/// unknown author as a located error with a suggestion.
@Suite struct AuthorTests {
    private static let claire = """
    ---
    name: Claire Martin
    role: Journaliste
    links:
      - https://mastodon.social/@claire
    ---
    Claire Martin suit la cybersécurité des hôpitaux.

    """
    private static let jean = "---\nname: Jean Dupuis\nrole: Rédacteur en chef\n---\n"

    private static func article(_ title: String, day: Int, author: String?) -> String {
        "---\ntitle: \(title)\ndate: 2024-03-\(10 + day)T09:00:00+01:00\n" + (author.map { "author: \($0)\n" } ?? "") + "---\nTexte.\n"
    }

    /// Builds `articles` with the author files `authors` (by file name).
    private func build(_ articles: [String: String], authors: [String: String], perPage: Int? = nil)
        throws -> (TemporaryFolder, BuildReport?, [Diagnostic]) {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: articles)
        if let perPage { try folder.write("Content/site.yml", "title: Test\nbase_url: https://test.example/\nitems_per_page: \(perPage)\n") }
        for (name, text) in authors { try folder.write("Content/authors/" + name, text) }
        do {
            let report = try SiteBuilder(options: options).build()
            return (folder, report, report.warnings)
        } catch {
            return (folder, nil, error.diagnostics)
        }
    }

    @Test func anAuthorFileIsReadWithItsNameRoleLinksAndBiography() throws {
        let (author, diagnostics) = DocumentParser.author(from: SourceFile(path: "Content/authors/claire-martin.md", text: Self.claire))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(author?.name == "Claire Martin" && author?.slug == "claire-martin" && author?.role == "Journaliste")
        #expect(author?.links == ["https://mastodon.social/@claire"] && author?.bio.contains("suit la cybersécurité") == true)
        let (_, problems) = DocumentParser.author(from: SourceFile(path: "Content/authors/x.md", text: "---\nrole: Journaliste\nlinks: [mastodon.social/@x]\n---\n"))
        #expect(problems.contains { $0.message.contains("'name'") && $0.location.line == 2 }, "\(problems)")
        let link = try #require(problems.first { $0.message.contains("not a full web address") })
        #expect(link.location.line == 3, "the link is located")
    }

    @Test func anUnknownAuthorIsALocatedErrorWithASuggestion() throws {
        let (_, report, diagnostics) = try build(["2024/a.md": Self.article("A", day: 1, author: "claire martin"),
                                                  "2024/b.md": Self.article("B", day: 2, author: "Claire Martine")],
                                                 authors: ["claire-martin.md": Self.claire])
        #expect(report == nil)
        let errors = diagnostics.filter { $0.code == .unknownAuthor }
        #expect(errors.count == 1, "written in lower case, an author is still found: \(diagnostics)")
        let error = try #require(errors.first)
        #expect(error.location.file.hasSuffix("b.md") && error.location.line == 4 && error.location.column == 9, "\(error.location)")
        #expect(error.message.contains("(did you mean 'Claire Martin'?)") && error.message.contains("authors/claire-martine.md"), "\(error.message)")
    }

    @Test func withoutAuthorFilesABylineIsPlainText() throws {
        let (folder, report, diagnostics) = try build(["2024/a.md": Self.article("A", day: 1, author: "Marie Curie")], authors: [:])
        #expect(report != nil, "\(diagnostics)")
        let page = try #require(folder.read("Output/articles/2024/a/index.html"))
        #expect(page.contains(" · Par Marie Curie · "))
        #expect(!page.contains("rel=\"author\"") && folder.read("Output/auteurs/index.html") == nil)
    }

    @Test func bylinesLinkToAuthorPagesThatListTheirArticlesWithAFeed() throws {
        let (folder, report, diagnostics) = try build([
            "2024/a.md": Self.article("Attaque", day: 1, author: "[Jean Dupuis, claire-martin]"),
            "2024/b.md": Self.article("Dossier", day: 2, author: "Claire Martin"),
            "2024/c.md": Self.article("Éditorial", day: 3, author: "Jean Dupuis"),
            "2024/d.md": Self.article("Brève", day: 4, author: nil),
        ], authors: ["claire-martin.md": Self.claire, "jean-dupuis.md": Self.jean])
        #expect(report != nil, "\(diagnostics)")
        let article = try #require(folder.read("Output/articles/2024/attaque/index.html"))
        #expect(article.contains(" · Par <a href=\"../../../auteurs/jean-dupuis/\" rel=\"author\">Jean Dupuis</a> et "
                                 + "<a href=\"../../../auteurs/claire-martin/\" rel=\"author\">Claire Martin</a> · "), "in the order written, joined in French")
        let jsonLD = try #require(article.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst()
            .compactMap { $0.components(separatedBy: "</script>").first }.first { $0.contains("NewsArticle") })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(jsonLD.utf8)) as? [String: Any])
        let people = try #require(object["author"] as? [[String: Any]])
        #expect(people.map { $0["url"] as? String } == ["https://test.example/auteurs/jean-dupuis/", "https://test.example/auteurs/claire-martin/"])

        let page = try #require(folder.read("Output/auteurs/claire-martin/index.html"))
        #expect(page.contains(">Attaque</a>") && page.contains(">Dossier</a>") && !page.contains(">Éditorial</a>") && !page.contains(">Brève</a>"))
        #expect(page.contains("suit la cybersécurité des hôpitaux") && page.contains("href=\"https://mastodon.social/@claire\" rel=\"me\""))
        let profile = try #require(page.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().first?.components(separatedBy: "</script>").first)
        let person = try #require((try JSONSerialization.jsonObject(with: Data(profile.utf8)) as? [String: Any])?["mainEntity"] as? [String: Any])
        #expect(person["name"] as? String == "Claire Martin" && person["jobTitle"] as? String == "Journaliste"
                && person["sameAs"] as? [String] == ["https://mastodon.social/@claire"])

        let feed = try #require(folder.read("Output/auteurs/claire-martin/feed.xml"))
        final class Entries: NSObject, XMLParserDelegate {
            var titles: [String] = [], uris: [String] = []
            private var text = "", inEntry = false
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                if name == "entry" { inEntry = true }
                text = ""
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if inEntry && name == "title" { titles.append(text) }
                if inEntry && name == "uri" { uris.append(text) }
            }
        }
        let parser = XMLParser(data: Data(feed.utf8)), reader = Entries()
        parser.delegate = reader
        #expect(parser.parse())
        #expect(reader.titles == ["Dossier", "Attaque"])
        #expect(reader.uris.contains("https://test.example/auteurs/jean-dupuis/"), "every author of an entry, with their page")
        let index = try #require(folder.read("Output/auteurs/index.html"))
        #expect(index.contains(">Claire Martin</a>") && index.contains("Rédacteur en chef · 2\u{A0}articles"))
        #expect(folder.read("Output/sitemap.xml")?.contains("<loc>https://test.example/auteurs/jean-dupuis/</loc>") == true)
    }

    @Test func anAuthorPageIsPaged() throws {
        var articles: [String: String] = [:]
        for day in 1...5 { articles["2024/a\(day).md"] = Self.article("Article \(day)", day: day, author: "Jean Dupuis") }
        let (folder, report, diagnostics) = try build(articles, authors: ["jean-dupuis.md": Self.jean], perPage: 2)
        #expect(report != nil, "\(diagnostics)")
        let last = try #require(folder.read("Output/auteurs/jean-dupuis/page/3/index.html"))
        #expect(last.contains(">Article 1</a>") && !last.contains(">Article 2</a>") && last.contains("rel=\"prev\""))
        #expect(folder.read("Output/auteurs/jean-dupuis/page/4/index.html") == nil)
    }

    @Test func aNameWithCommasThatNamesSeveralAuthorsIsReadAsThemWithAWarning() throws {
        let (folder, report, diagnostics) = try build(["2024/a.md": Self.article("A", day: 1, author: "Claire Martin et Jean Dupuis")],
                                                      authors: ["claire-martin.md": Self.claire, "jean-dupuis.md": Self.jean])
        #expect(report != nil, "\(diagnostics)")
        #expect(diagnostics.contains { $0.message.contains("author: [Claire Martin, Jean Dupuis]") }, "\(diagnostics)")
        #expect(folder.read("Output/articles/2024/a/index.html")?.contains("rel=\"author\">Jean Dupuis</a>") == true)
    }

    @Test func changingAnAuthorsNameRewritesTheBylinesOfTheirArticlesInAnIncrementalBuild() throws {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: ["2024/a.md": Self.article("A", day: 1, author: "jean-dupuis"),
                                                          "2024/b.md": Self.article("B", day: 2, author: nil)])
        options.incremental = true
        try folder.write("Content/authors/jean-dupuis.md", Self.jean)
        _ = try SiteBuilder(options: options).build()
        try folder.write("Content/authors/jean-dupuis.md", Self.jean.replacingOccurrences(of: "Jean Dupuis", with: "Jean Dupuy"))
        let report = try SiteBuilder(options: options).build()
        #expect(folder.read("Output/articles/2024/a/index.html")?.contains(">Jean Dupuy</a>") == true)
        #expect(report.filesKept > 0, "the other pages are kept")
        try expectSameAsColdBuild(folder, options)
    }
}
