/// `corrections/feed.xml`: an Atom feed of the latest corrections, replies and updates of the site
/// (``SiteMap/corrections``), each entry linking to the article it concerns, so that readers and
/// aggregators who took a story are told when it was corrected.
struct CorrectionsFeed {
    let site: Site
    let links: SiteLinks
    /// The latest corrections, newest first, each with its notice as pages show it.
    let entries: [(correction: SiteMap.CorrectionEntry, notice: CorrectionNotice)]

    func xml() -> String {
        let escape = HTMLEscaping.escape
        var xml = AtomFeed.head(site: site, links: links, title: "\(site.config.title) · Corrections et mises à jour",
                                pagePath: SiteLinks.correctionsPath, path: SiteLinks.correctionsFeed,
                                updated: entries.first?.notice.isoDate ?? "1970-01-01T00:00:00+00:00")
        for (entry, notice) in entries {
            let article = site.articles[entry.article]
            let url = links.absolute(article.path)
            let kind = entry.correction.kind.rawValue.prefix(1).uppercased() + entry.correction.kind.rawValue.dropFirst()
            xml += "  <entry>\n"
            xml += "    <title>\(escape(FrenchTypography.apply(to: "\(kind) : \(article.article.title)")))</title>\n"
            xml += "    <link href=\"\(escape(url))\"/>\n"
            // One id per notice: its article, its kind and its date.
            xml += "    <id>\(escape(url))#\(notice.kind)-\(escape(notice.isoDate))</id>\n"
            xml += "    <published>\(notice.isoDate)</published>\n"
            xml += "    <updated>\(notice.isoDate)</updated>\n"
            xml += "    <content type=\"html\" xml:base=\"\(escape(url))\">\(escape(notice.html))</content>\n"
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }
}
