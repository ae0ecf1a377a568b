/// The Atom feed of the latest articles (`feed.xml`), dated by content, never by the clock.
struct AtomFeed {
    let site: Site
    let links: SiteLinks
    let bodies: [String: String]
    static let path = "feed.xml"
    static let entryLimit = 20

    func xml() -> String {
        let dates = FrenchDate(timeZone: site.config.timeZone)
        let escape = HTMLEscaping.escape
        let updated = site.publishedArticles.first.map { dates.iso8601($0.article.date) } ?? "1970-01-01T00:00:00+00:00"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(site.config.language))">
          <title>\(escape(site.config.title))</title>
          <link href="\(escape(links.absolute("")))"/>
          <link rel="self" href="\(escape(links.absolute(Self.path)))"/>
          <id>\(escape(links.absolute("")))</id>
          <updated>\(updated)</updated>

        """
        if let author = site.config.author ?? site.config.publisher {
            xml += "  <author><name>\(escape(author))</name></author>\n"
        }
        for entry in site.publishedArticles.prefix(Self.entryLimit) {
            let url = links.absolute(entry.path)
            let date = dates.iso8601(entry.article.date)
            xml += "  <entry>\n"
            xml += "    <title>\(escape(entry.article.title))</title>\n"
            xml += "    <link href=\"\(escape(url))\"/>\n"
            xml += "    <id>\(escape(url))</id>\n"
            xml += "    <published>\(date)</published>\n    <updated>\(date)</updated>\n"
            if let author = entry.article.author { xml += "    <author><name>\(escape(author))</name></author>\n" }
            for tag in entry.tags { xml += "    <category term=\"\(escape(tag.name))\"/>\n" }
            if let summary = entry.article.summary { xml += "    <summary>\(escape(summary))</summary>\n" }
            xml += "    <content type=\"html\">\(escape(bodies[entry.slug] ?? ""))</content>\n"
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }
}
