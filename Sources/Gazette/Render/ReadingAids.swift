import Foundation

/// What helps a reader go on from an article: related articles (most shared tags, then the most
/// recent), the previous and next articles. (The reading time is ``ReadingTime``, counted when the
/// article is validated.)
struct ReadingAids: Sendable {
    /// Positions (in `articles`) of the articles of each tag slug, newest first.
    private let byTag: [String: [Int]]
    /// Position of each article (by slug) in the site's list, newest first.
    private let positions: [String: Int]
    private let articles: [PublishedArticle]

    static let relatedCount = 3

    init(site: Site) {
        articles = site.articles
        positions = Dictionary(uniqueKeysWithValues: site.articles.enumerated().map { ($1.slug, $0) })
        var byTag: [String: [Int]] = [:]
        for (index, entry) in site.articles.enumerated() {
            for tag in entry.tags { byTag[tag.slug, default: []].append(index) }
        }
        self.byTag = byTag
    }

    /// Up to three other articles that share tags with `entry`: most shared tags first, then newest.
    /// Only the newest articles of each tag are weighed, so the cost does not grow with the site.
    /// Counted on positions, not copies of the articles (a third of the time of an article's context).
    func related(to entry: PublishedArticle) -> [PublishedArticle] {
        let own = positions[entry.slug]
        var shared: [Int: Int] = [:]
        for tag in entry.tags {
            for other in (byTag[tag.slug] ?? []).prefix(50) where other != own {
                shared[other, default: 0] += 1
            }
        }
        func ranksBefore(_ lhs: (key: Int, value: Int), _ rhs: (key: Int, value: Int)) -> Bool {
            if lhs.value != rhs.value { return lhs.value > rhs.value }
            let leftDate = articles[lhs.key].article.date, rightDate = articles[rhs.key].article.date
            if leftDate != rightDate { return leftDate > rightDate }
            return articles[lhs.key].slug < articles[rhs.key].slug
        }
        // The first few in that order, kept while going through (slugs are unique: the order is
        // total, so this is the sorted list's prefix without sorting up to 150 candidates).
        var best: [(key: Int, value: Int)] = []
        for candidate in shared where best.count < Self.relatedCount || ranksBefore(candidate, best[best.count - 1]) {
            let place = best.firstIndex { ranksBefore(candidate, $0) } ?? best.count
            best.insert(candidate, at: place)
            if best.count > Self.relatedCount { best.removeLast() }
        }
        return best.map { articles[$0.key] }
    }

    /// The article published just before `entry`, and the one just after.
    func neighbours(of entry: PublishedArticle) -> (older: PublishedArticle?, newer: PublishedArticle?) {
        guard let index = positions[entry.slug] else { return (nil, nil) }
        return (index + 1 < articles.count ? articles[index + 1] : nil, index > 0 ? articles[index - 1] : nil)
    }
}
