import Foundation

/// What helps a reader go on from an article: related articles (most shared tags, then the most
/// recent), the previous and next articles, the reading time.
struct ReadingAids: Sendable {
    /// Articles per tag slug, newest first.
    private let byTag: [String: [PublishedArticle]]
    /// Position of each article (by slug) in the site's list, newest first.
    private let positions: [String: Int]
    private let articles: [PublishedArticle]

    static let relatedCount = 3
    /// Words read per minute for the reading time.
    static let wordsPerMinute = 230

    init(site: Site) {
        articles = site.articles
        positions = Dictionary(uniqueKeysWithValues: site.articles.enumerated().map { ($1.slug, $0) })
        var byTag: [String: [PublishedArticle]] = [:]
        for entry in site.articles {
            for tag in entry.tags { byTag[tag.slug, default: []].append(entry) }
        }
        self.byTag = byTag
    }

    /// Up to three other articles that share tags with `entry`: most shared tags first, then newest.
    /// Only the newest articles of each tag are weighed, so the cost does not grow with the site.
    func related(to entry: PublishedArticle) -> [PublishedArticle] {
        var shared: [String: (count: Int, entry: PublishedArticle)] = [:]
        for tag in entry.tags {
            for other in (byTag[tag.slug] ?? []).prefix(50) where other.slug != entry.slug {
                shared[other.slug, default: (0, other)].count += 1
            }
        }
        return shared.values.sorted { lhs, rhs in
            if lhs.count != rhs.count { return lhs.count > rhs.count }
            if lhs.entry.article.date != rhs.entry.article.date { return lhs.entry.article.date > rhs.entry.article.date }
            return lhs.entry.slug < rhs.entry.slug
        }.prefix(Self.relatedCount).map(\.entry)
    }

    /// The article published just before `entry`, and the one just after.
    func neighbours(of entry: PublishedArticle) -> (older: PublishedArticle?, newer: PublishedArticle?) {
        guard let index = positions[entry.slug] else { return (nil, nil) }
        return (index + 1 < articles.count ? articles[index + 1] : nil, index > 0 ? articles[index - 1] : nil)
    }

    /// Minutes to read `markdown` (words outside fenced blocks, at least one minute).
    static func readingMinutes(_ markdown: String) -> Int {
        var words = 0
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            if !inFence { words += line.split(whereSeparator: { $0 == " " || $0 == "\t" }).count }
        }
        return max(1, (words + wordsPerMinute / 2) / wordsPerMinute)
    }
}
