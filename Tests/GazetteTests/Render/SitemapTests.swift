import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Gazette

/// Sitemaps within the protocol (50 000 addresses and 50 MB a file): an index of lists beyond.
@Suite struct SitemapTests {
    private let links = SiteLinks(baseURL: "https://t.example/")

    private func entries(_ count: Int) -> [(path: String, lastModified: String?)] {
        (0..<count).map { (path: "articles/2024/a\($0)/", lastModified: "2024-01-\(String(format: "%02d", $0 % 28 + 1))T08:00:00+01:00") }
    }

    /// The `<loc>` values of an XML file, read by a real parser (which also proves it well-formed).
    private func locations(_ text: String) throws -> [String] {
        final class Reader: NSObject, XMLParserDelegate {
            var locations: [String] = [], current: String?
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                if name == "loc" { current = "" }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "loc", let current { locations.append(current) }
                if name == "loc" { current = nil }
            }
        }
        let parser = XMLParser(data: Data(text.utf8))
        let reader = Reader()
        parser.delegate = reader
        #expect(parser.parse(), "well-formed XML")
        return reader.locations
    }

    @Test func aSmallSiteHasOneList() throws {
        let files = Sitemap(links: links, entries: entries(3)).files()
        #expect(files.map(\.path) == ["sitemap.xml"])
        let text = String(decoding: files[0].contents, as: UTF8.self)
        #expect(text.contains("<urlset") && !text.contains("<sitemapindex"))
        #expect(try locations(text).count == 3)
    }

    @Test func beyondTheLimitsTheSitemapIsAnIndexOfLists() throws {
        // 50 001 addresses with the protocol's limits: two lists, of 50 000 and 1.
        let big = Sitemap(links: links, entries: entries(50_001)).files()
        #expect(big.map(\.path) == ["sitemap.xml", "sitemaps/sitemap-1.xml", "sitemaps/sitemap-2.xml"])
        #expect(try locations(String(decoding: big[1].contents, as: UTF8.self)).count == 50_000)
        #expect(try locations(String(decoding: big[2].contents, as: UTF8.self)).count == 1)
        // Lowered limits: by count, then by bytes; every address once, in order, each list within both.
        for (count, bytes) in [(3, Int.max), (1_000, 700)] {
            var sitemap = Sitemap(links: links, entries: entries(7))
            (sitemap.maxURLsPerFile, sitemap.maxBytesPerFile) = (count, bytes)
            let files = sitemap.files()
            let index = String(decoding: files[0].contents, as: UTF8.self)
            #expect(index.contains("<sitemapindex") && index.contains("<lastmod>2024-01-07T08:00:00+01:00</lastmod>"))
            #expect(try locations(index) == files.dropFirst().map { "https://t.example/" + $0.path })
            var listed: [String] = []
            for file in files.dropFirst() {
                let found = try locations(String(decoding: file.contents, as: UTF8.self))
                #expect(found.count <= count && file.contents.count <= bytes, "\(file.path)")
                listed += found
            }
            #expect(listed == entries(7).map { "https://t.example/" + $0.path })
        }
    }

    /// `lastmod` is the date of the last update when the article has one.
    @Test func anUpdatedArticleHasItsUpdateAsLastmod() throws {
        let (folder, report, _) = try buildSite([
            "2024/a.md": "---\ntitle: A\ndate: 2024-03-01T09:00:00+01:00\nupdated: 2024-04-02T10:00:00+02:00\n---\nTexte.\n",
        ])
        #expect(report != nil)
        let sitemap = try #require(folder.read("Output/sitemap.xml"))
        #expect(sitemap.contains("<loc>https://test.example/articles/2024/a/</loc><lastmod>2024-04-02T10:00:00+02:00</lastmod>"), "\(sitemap)")
    }

    /// The text of each element named `name` (`loc`, `news:title`) of an XML file, read by a real parser.
    private func texts(of name: String, in text: String) -> [String] {
        final class Reader: NSObject, XMLParserDelegate {
            let name: String
            var texts: [String] = [], current: String?
            init(name: String) { self.name = name }
            func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                if (qualifiedName ?? element) == name { current = "" }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
            func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
                if (qualifiedName ?? element) == name, let current { texts.append(current) }
                if (qualifiedName ?? element) == name { current = nil }
            }
        }
        let parser = XMLParser(data: Data(text.utf8))
        let reader = Reader(name: name)
        parser.delegate = reader
        #expect(parser.parse(), "well-formed XML")
        return reader.texts
    }

    /// Google's news sitemap: the articles of the 48 hours before the build, no draft or scheduled
    /// one; gone, with its line in robots.txt, once they are older, even when nothing else changed.
    @Test func theNewsSitemapListsTheLast48HoursUntilTheyPass() throws {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: [
            "2026/recent.md": "---\ntitle: \"Cyber : l’hôpital & la CNIL\"\nslug: recent\ndate: 2026-12-07T09:00:00+01:00\n---\nTexte.\n",
            "2026/hier.md": "---\ntitle: Hier\ndate: 2026-12-06T12:00:00+01:00\n---\nTexte.\n",
            "2026/brouillon.md": "---\ntitle: Brouillon\ndate: 2026-12-07T08:00:00+01:00\ndraft: true\n---\nTexte.\n",
            "2026/avant.md": "---\ntitle: Avant\ndate: 2026-12-05T08:00:00+01:00\n---\nTexte.\n",
            "2026/plus-tard.md": "---\ntitle: Plus tard\ndate: 2026-12-20T08:00:00+01:00\n---\nTexte.\n",
        ])
        options.incremental = true
        options.now = ISO8601DateFormatter().date(from: "2026-12-07T10:00:00Z")
        _ = try SiteBuilder(options: options).build()
        let news = try #require(folder.read("Output/news-sitemap.xml"))
        #expect(texts(of: "loc", in: news) == ["https://test.example/articles/2026/recent/", "https://test.example/articles/2026/hier/"])
        #expect(texts(of: "news:title", in: news) == ["Cyber\u{A0}: l’hôpital & la CNIL", "Hier"])
        #expect(texts(of: "news:publication_date", in: news) == ["2026-12-07T09:00:00+01:00", "2026-12-06T12:00:00+01:00"])
        #expect(texts(of: "news:name", in: news).count == 2 && texts(of: "news:language", in: news) == ["fr", "fr"])
        #expect(folder.read("Output/robots.txt")?.contains("Sitemap: https://test.example/news-sitemap.xml\n") == true)

        // Two days later, nothing changed: no article is news any more.
        options.now = ISO8601DateFormatter().date(from: "2026-12-09T09:00:00Z")
        #expect(try !SiteBuilder(options: options).build().isUnchanged, "not a repeat of the previous build")
        #expect(folder.read("Output/news-sitemap.xml") == nil)
        #expect(folder.read("Output/robots.txt")?.contains("news-sitemap") == false)
    }
}
