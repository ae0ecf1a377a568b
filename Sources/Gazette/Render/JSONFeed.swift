import Foundation

/// The JSON Feed 1.1 of the latest published articles (`feed.json`), with the same entries and
/// absolute content as the Atom feed.
struct JSONFeed {
    let site: Site
    let links: SiteLinks
    /// Each article's content with absolute links, by slug.
    let contents: [String: String]
    /// The latest published articles, newest first.
    let entries: [PublishedArticle]

    func json() -> String {
        struct Author: Encodable {
            let name: String
            var url: String? = nil
        }
        struct Item: Encodable {
            let id: String, url: String, title: String, content_html: String
            let summary: String?, date_published: String, date_modified: String?, tags: [String]?, authors: [Author]?
        }
        struct Feed: Encodable {
            let version = "https://jsonfeed.org/version/1.1"
            let title: String, home_page_url: String, feed_url: String, language: String, description: String?
            let authors: [Author]?, items: [Item]
        }
        let dates = FrenchDate(timeZone: site.config.timeZone)
        let items = entries.prefix(AtomFeed.entryLimit).map { entry in
            Item(id: links.absolute(entry.path), url: links.absolute(entry.path), title: entry.article.title,
                 content_html: contents[entry.slug] ?? "", summary: entry.article.summary,
                 date_published: dates.iso8601(entry.article.date), date_modified: entry.article.lastModified.map(dates.iso8601),
                 tags: entry.tags.isEmpty ? nil : entry.tags.map(\.name), authors: entry.bylines.isEmpty ? nil : entry.bylines.map { byline in
                    Author(name: byline.name, url: links.authorURL(of: byline))
                 })
        }
        let feed = Feed(title: site.config.title, home_page_url: links.absolute(""), feed_url: links.absolute(SiteLinks.jsonFeed),
                        language: site.config.language, description: site.config.description,
                        authors: (site.config.author ?? site.config.publisher).map { [Author(name: $0)] }, items: Array(items))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(feed)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }
}
