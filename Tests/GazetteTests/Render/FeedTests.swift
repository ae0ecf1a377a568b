import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Gazette

/// Feeds that work in readers (issue 11, item 3): absolute links and `xml:base` in Atom entries,
/// `updated:`, JSON Feed 1.1, a feed per tag linked from its page.
@Suite struct FeedTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [
            "2024/a.md": """
            ---
            title: Budget cyber
            date: 2024-06-24T08:00:00+02:00
            updated: 2024-07-01T10:00:00+02:00
            tags: [cyber]
            ---
            Voir [l’autre](../b/), [la note](#note) et [le site](https://exemple.fr/?a=1&b=2).

            ![Salle](salle.png)

            ## Note
            """,
            "2024/b.md": "---\ntitle: Cloud\ndate: 2024-06-20T08:00:00+02:00\ntags: [cloud]\n---\nTexte.\n",
        ])
        try folder.write("Content/articles/2024/salle.png", bytes: ImageTests.png(20, 10))
        _ = try SiteBuilder(options: options).build()
    }

    @Test func atomEntriesHaveAbsoluteLinksAndXMLBase() throws {
        let feed = try #require(folder.read("Output/feed.xml"))
        #expect(XMLParser(data: Data(feed.utf8)).parse())
        let base = "https://test.example/articles/2024/budget-cyber/"
        #expect(feed.contains("<content type=\"html\" xml:base=\"\(base)\">"))
        #expect(feed.contains("href=&quot;https://test.example/articles/2024/b/&quot;"))
        #expect(feed.contains("href=&quot;\(base)#note&quot;"))
        #expect(feed.contains("src=&quot;https://test.example/articles/2024/salle-png-20w.png&quot;"))
        #expect(feed.contains("srcset=&quot;https://test.example/articles/2024/salle-png-20w.avif 20w&quot;"), "srcset too")
        #expect(feed.contains("href=&quot;https://exemple.fr/?a=1&amp;amp;b=2&quot;"), "external links are left as they are")
        #expect(!feed.contains("href=&quot;../"))
        #expect(feed.contains("<updated>2024-07-01T10:00:00+02:00</updated>"), "updated: dates the entry and the feed")
    }

    @Test func jsonFeedFollowsVersionOnePointOne() throws {
        let data = try #require(folder.read("Output/feed.json").map { Data($0.utf8) })
        let feed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["feed_url"] as? String == "https://test.example/feed.json")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.map { $0["title"] as? String } == ["Budget cyber", "Cloud"])
        #expect(items.first?["date_modified"] as? String == "2024-07-01T10:00:00+02:00")
        #expect((items.first?["content_html"] as? String)?.contains("href=\"https://test.example/articles/2024/b/\"") == true)
        #expect(items.first?["tags"] as? [String] == ["cyber"])
    }

    @Test func eachTagHasItsFeedLinkedFromItsPage() throws {
        let feed = try #require(folder.read("Output/tags/cloud/feed.xml"))
        #expect(XMLParser(data: Data(feed.utf8)).parse())
        #expect(feed.contains("<title>Cloud</title>") && !feed.contains("<title>Budget cyber</title>"))
        #expect(feed.contains("<link rel=\"self\" href=\"https://test.example/tags/cloud/feed.xml\"/>"))
        let page = try #require(folder.read("Output/tags/cloud/index.html"))
        #expect(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Test · cloud\" href=\"../../tags/cloud/feed.xml\">"))
        #expect(page.contains("<a href=\"../../tags/cloud/feed.xml\">Suivre ce thème (flux Atom)</a>"), "a visible link too")
        #expect(folder.read("Output/index.html")?.contains("type=\"application/feed+json\"") == true)
    }
}
