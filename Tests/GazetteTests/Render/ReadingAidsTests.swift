import Foundation
import Testing
import TestSupport
@testable import Gazette

/// Reading aids on article pages (issue 11, item 5).
@Suite struct ReadingAidsTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        func article(_ title: String, day: Int, tags: String, body: String = "Texte.") -> String {
            "---\ntitle: \(title)\ndate: 2024-03-\(day < 10 ? "0" : "")\(day)T08:00:00+01:00\ntags: [\(tags)]\n---\n\(body)\n"
        }
        let long = "## Contexte\n\n" + String(repeating: "mot ", count: 700) + "\n\n## Chiffres\n\n### Détail\n\nFin.\n"
        let options = try makeSite(in: folder, articles: [
            "2024/a.md": article("Alpha", day: 10, tags: "cyber, cloud", body: long),
            "2024/b.md": article("Bravo", day: 11, tags: "cyber, cloud"),
            "2024/c.md": article("Charlie", day: 12, tags: "cyber"),
            "2024/d.md": article("Delta", day: 13, tags: "autre"),
            "2024/e.md": article("Echo", day: 9, tags: "cloud"),
        ])
        _ = try SiteBuilder(options: options).build()
    }

    private func page(_ slug: String) throws -> String { try #require(folder.read("Output/articles/2024/\(slug)/index.html")) }

    @Test func relatedArticlesShareTheMostTagsThenAreTheNewest() throws {
        let related = try page("alpha").components(separatedBy: "class=\"related-list\"")[1].components(separatedBy: "</ul>")[0]
        let titles = related.components(separatedBy: "<li><a href=").dropFirst().map {
            $0.components(separatedBy: "\">").dropFirst().first?.components(separatedBy: "</a>").first ?? ""
        }
        #expect(titles == ["Bravo", "Charlie", "Echo"], "Bravo shares two tags; then the newest of the others")
        #expect(try !page("delta").contains("À lire aussi"), "no tag in common, no section")
    }

    /// Forty articles with random dates (many on the same day) and random tags: each page's related
    /// articles are the first three of all others sharing a tag, ranked by shared tags, then date,
    /// then address, as a plain sort gives them.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func relatedArticlesAreTheFirstOfTheFullRanking(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let folder = try TemporaryFolder()
        let pool = ["cyber", "cloud", "ia", "rgpd", "hds", "ght"]
        var written: [(slug: String, title: String, day: Int, tags: Set<String>)] = []
        var articles: [String: String] = [:]
        for index in 0..<40 {
            let slug = "article-\(index)"
            let day = Int.random(in: 1...6, using: &random)
            let tags = Set((0..<Int.random(in: 1...3, using: &random)).map { _ in pool.randomElement(using: &random)! })
            written.append((slug, "Article \(index)", day, tags))
            articles["2024/\(slug).md"] = "---\ntitle: Article \(index)\nslug: \(slug)\ndate: 2024-03-0\(day)T08:00:00+01:00\n"
                + "tags: [\(tags.sorted().joined(separator: ", "))]\n---\nTexte.\n"
        }
        let options = try makeSite(in: folder, articles: articles)
        _ = try SiteBuilder(options: options).build()
        for article in written {
            let expected = written.filter { $0.slug != article.slug && !$0.tags.isDisjoint(with: article.tags) }
                .sorted { lhs, rhs in
                    let left = lhs.tags.intersection(article.tags).count, right = rhs.tags.intersection(article.tags).count
                    if left != right { return left > right }
                    if lhs.day != rhs.day { return lhs.day > rhs.day }
                    return lhs.slug < rhs.slug
                }
                .prefix(ReadingAids.relatedCount).map(\.title)
            let page = try #require(folder.read("Output/articles/2024/\(article.slug)/index.html"))
            let list = page.components(separatedBy: "class=\"related-list\"").dropFirst().first?.components(separatedBy: "</ul>")[0] ?? ""
            let titles = list.components(separatedBy: "<li><a href=").dropFirst().map {
                $0.components(separatedBy: "\">").dropFirst().first?.components(separatedBy: "</a>").first ?? ""
            }
            #expect(titles == expected, "seed \(seed), \(article.slug)")
        }
    }

    @Test func previousAndNextFollowTheDates() throws {
        let bravo = try page("bravo")
        #expect(bravo.contains("<a class=\"pager-older\" rel=\"prev\" href=\"../../../articles/2024/alpha/\"><span>Article précédent</span> Alpha</a>"))
        #expect(bravo.contains("<a class=\"pager-newer\" rel=\"next\" href=\"../../../articles/2024/charlie/\"><span>Article suivant</span> Charlie</a>"))
        #expect(try !page("delta").contains("pager-newer"), "the newest has no next")
    }

    @Test func readingTimeAndATableOfContentsFromThreeHeadings() throws {
        let alpha = try page("alpha")
        #expect(alpha.contains("Lecture\u{A0}: 3\u{A0}min"))
        #expect(alpha.contains("<li><a href=\"#contexte\">Contexte</a></li>"))
        #expect(alpha.contains("<li class=\"toc-sub\"><a href=\"#detail\">Détail</a></li>"))
        #expect(try !page("bravo").contains("class=\"toc\""), "fewer than three headings: no table of contents")
        #expect(ReadingTime.minutes(toRead: "un deux\n```chart\n" + String(repeating: "x ", count: 5000) + "\n```\n") == 1, "chart blocks are not read")
    }

    @Test func breadcrumbsWithTheirJSONLD() throws {
        let alpha = try page("alpha")
        #expect(alpha.contains("<li><a href=\"../../../articles/2024/\">2024</a></li>"))
        #expect(alpha.contains("<li><span aria-current=\"page\">Alpha</span></li>"))
        #expect(alpha.contains("\"@type\":\"BreadcrumbList\""))
        #expect(alpha.contains("{\"@type\":\"ListItem\",\"item\":\"https://test.example/articles/2024/\",\"name\":\"2024\",\"position\":2}"))
    }
}
