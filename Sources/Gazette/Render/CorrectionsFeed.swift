/// `corrections/feed.xml`: an Atom feed of the latest corrections, replies and updates of the site
/// (``SiteMap/corrections``), each entry linking to the article it concerns, so that readers and
/// aggregators who took a story are told when it was corrected.
struct CorrectionsFeed {
    let site: Site
    let links: SiteLinks
    /// The latest corrections, newest first, each with its notice as pages show it.
    let entries: [(correction: SiteMap.CorrectionEntry, notice: CorrectionNotice)]

    func xml() -> String {
        var xml = AtomFeed.head(site: site, links: links, title: "\(site.config.title) · Corrections et mises à jour",
                                pagePath: SiteLinks.correctionsPath, path: SiteLinks.correctionsFeed,
                                updated: entries.first?.notice.isoDate ?? "1970-01-01T00:00:00+00:00")
        for (entry, notice) in entries {
            let article = site.articles[entry.article]
            let url = links.absolute(article.path)
            // One id per notice: its article, its kind and its date.
            xml += AtomFeed.entry(title: FrenchTypography.apply(to: "\(entry.correction.kind.label) : \(article.article.title)"), url: url,
                                  id: "\(url)#\(notice.kind)-\(notice.isoDate)", published: notice.isoDate, updated: notice.isoDate, content: notice.html)
        }
        return xml + "</feed>\n"
    }
}
