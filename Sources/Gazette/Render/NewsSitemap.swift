/// `news-sitemap.xml`: the Google News sitemap, the articles published in the 48 hours before
/// the build (at most 1 000, newest first), each with the publication's name and language, its
/// date and title, as Google's news sitemap format asks. `robots.txt` points to it. No file when no
/// article is that recent: a news sitemap without an address is not valid, and Google reads an
/// old article in it as stale news.
struct NewsSitemap {
    /// Each article's address, date and title, newest first.
    let entries: [(path: String, date: String, title: String)]
    let links: SiteLinks
    /// The publication's name as its articles show it (the site's title) and its ISO 639 language.
    let name: String, language: String

    /// How far back a news sitemap goes, and how many articles it may list (Google's limits).
    static let window: Double = 48 * 3600
    static let mostEntries = 1_000

    /// The news sitemap of `site` at its build time, dates written by `dates`.
    init(site: Site, links: SiteLinks, dates: FrenchDate) {
        let since = site.buildTime.addingTimeInterval(-Self.window)
        // Articles are newest first: the recent ones are a prefix, after any scheduled ones.
        entries = site.articles.lazy.filter { !site.isScheduled($0) }.prefix { $0.article.date >= since }.filter(site.isPublished)
            .prefix(Self.mostEntries)
            .map { (path: $0.path, date: dates.iso8601($0.article.date), title: FrenchTypography.apply(to: $0.article.title)) }
        self.links = links
        name = site.config.title
        // `fr-FR` → `fr` (Google takes the language alone, but for Chinese).
        language = String(site.config.language.lowercased().split(separator: "-").first ?? "fr")
    }

    /// The file, nil when no article is recent enough.
    var xml: String? {
        guard !entries.isEmpty else { return nil }
        let publication = "<news:publication><news:name>\(HTMLEscaping.escape(name))</news:name>"
            + "<news:language>\(HTMLEscaping.escape(language))</news:language></news:publication>"
        var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
            + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n"
        for entry in entries {
            text += "  <url><loc>\(HTMLEscaping.escape(links.absolute(entry.path)))</loc><news:news>\(publication)"
                + "<news:publication_date>\(entry.date)</news:publication_date><news:title>\(HTMLEscaping.escape(entry.title))</news:title>"
                + "</news:news></url>\n"
        }
        return text + "</urlset>\n"
    }
}
