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
}
