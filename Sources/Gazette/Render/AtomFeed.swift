/// An Atom feed of the latest published articles: the site's (`feed.xml`) or a tag's
/// (`tags/SLUG/feed.xml`). Entry content has absolute links (and `xml:base`), so that a feed
/// reader resolves them; dates come from the front matter, never from the clock.
struct AtomFeed {
    let site: Site
    let links: SiteLinks
    /// Each article's content with absolute links, by slug.
    let contents: [String: String]
    /// Where the feed is written, below the site root.
    let path: String
    let title: String
    /// The page the feed belongs to (the home page, or the tag page).
    let pagePath: String
    let entries: [PublishedArticle]

    static let entryLimit = 20

    /// `bodyHTML` (links relative to the article's page) with absolute links.
    static func absoluteContent(_ bodyHTML: String, of entry: PublishedArticle, links: SiteLinks) -> String {
        AbsoluteLinks.resolve(bodyHTML, base: links.absolute(entry.path))
    }

    /// The feed's opening and its own elements (title, links, id, date, the site's author), for a
    /// feed of `site` at `path` that follows the page at `pagePath`: entries come next.
    static func head(site: Site, links: SiteLinks, title: String, pagePath: String, path: String, updated: String) -> String {
        let escape = HTMLEscaping.escape
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(site.config.language))">
          <title>\(escape(title))</title>
          <link href="\(escape(links.absolute(pagePath)))"/>
          <link rel="self" href="\(escape(links.absolute(path)))"/>
          <id>\(escape(links.absolute(path)))</id>
          <updated>\(updated)</updated>

        """
        if let author = site.config.author ?? site.config.publisher {
            xml += "  <author><name>\(escape(author))</name></author>\n"
        }
        return xml
    }

    func xml() -> String {
        let dates = FrenchDate(timeZone: site.config.timeZone)
        let escape = HTMLEscaping.escape
        let shown = Array(entries.prefix(Self.entryLimit))
        let updated = shown.map { $0.article.lastModified ?? $0.article.date }.max().map(dates.iso8601) ?? "1970-01-01T00:00:00+00:00"
        var xml = Self.head(site: site, links: links, title: title, pagePath: pagePath, path: path, updated: updated)
        for entry in shown {
            var details = ""
            for byline in entry.bylines {
                let uri = links.authorURL(of: byline).map { "<uri>\(escape($0))</uri>" } ?? ""
                details += "    <author><name>\(escape(byline.name))</name>\(uri)</author>\n"
            }
            for tag in entry.tags { details += "    <category term=\"\(escape(tag.name))\"/>\n" }
            if let summary = entry.article.summary { details += "    <summary>\(escape(summary))</summary>\n" }
            let url = links.absolute(entry.path)
            xml += Self.entry(title: entry.article.title, url: url, id: url, published: dates.iso8601(entry.article.date),
                              updated: dates.iso8601(entry.article.lastModified ?? entry.article.date), details: details,
                              content: contents[entry.slug] ?? "")
        }
        return xml + "</feed>\n"
    }

    /// One `<entry>`: `details` are its lines between its dates and its content (author,
    /// categories, summary), already written; `content` is HTML with links resolved against `url`.
    static func entry(title: String, url: String, id: String, published: String, updated: String, details: String = "", content: String) -> String {
        let escape = HTMLEscaping.escape
        return "  <entry>\n    <title>\(escape(title))</title>\n    <link href=\"\(escape(url))\"/>\n    <id>\(escape(id))</id>\n"
            + "    <published>\(published)</published>\n    <updated>\(updated)</updated>\n" + details
            + "    <content type=\"html\" xml:base=\"\(escape(url))\">\(escape(content))</content>\n  </entry>\n"
    }
}
