/// `sitemap.xml` and the `robots.txt` that points to it. Within the sitemap protocol's limits:
/// when every address fits in one file (50 000 addresses, 50 MB), `sitemap.xml` lists them;
/// beyond, `sitemap.xml` is an index of `sitemaps/sitemap-N.xml`, each within the limits (search
/// engines reject a larger file: 100 000 articles made one of 18.8 MB with 100 000 addresses).
struct Sitemap {
    let links: SiteLinks
    /// Every page folder to list, with its content date when it has one.
    let entries: [(path: String, lastModified: String?)]
    /// Most addresses in one file, and most bytes (the protocol's limits, unless a test lowers them).
    var maxURLsPerFile = 50_000
    var maxBytesPerFile = 50 * 1024 * 1024

    /// The sitemap's files: `sitemap.xml` alone, or the index and its lists.
    func files() -> [OutputFile] {
        let lists = splitLists()
        guard lists.count > 1 else { return [OutputFile(path: SiteLinks.sitemap, text: lists.first?.xml ?? Self.urlset([]))] }
        var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        var files: [OutputFile] = []
        for (number, list) in lists.enumerated() {
            let path = SiteLinks.sitemapList(number + 1)
            index += "  <sitemap><loc>\(HTMLEscaping.escape(links.absolute(path)))</loc>"
            if let newest = list.newest { index += "<lastmod>\(newest)</lastmod>" }
            index += "</sitemap>\n"
            files.append(OutputFile(path: path, text: list.xml))
        }
        return [OutputFile(path: SiteLinks.sitemap, text: index + "</sitemapindex>\n")] + files
    }

    /// `robots.txt`: everything allowed, and where the sitemap is, and the news sitemap when the site has one.
    func robots(withNewsSitemap: Bool) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(links.absolute(SiteLinks.sitemap))\n"
            + (withNewsSitemap ? "Sitemap: \(links.absolute(SiteLinks.newsSitemap))\n" : "")
    }

    /// The entries as `<url>` lines, cut into lists within the limits, each with its newest date.
    private func splitLists() -> [(xml: String, newest: String?)] {
        let overhead = Self.urlset([]).utf8.count
        var lists: [(xml: String, newest: String?)] = []
        var lines: [String] = [], bytes = overhead, newest: String?
        func close() {
            lists.append((Self.urlset(lines), newest))
            (lines, bytes, newest) = ([], overhead, nil)
        }
        for entry in entries {
            var line = "  <url><loc>\(HTMLEscaping.escape(links.absolute(entry.path)))</loc>"
            if let date = entry.lastModified { line += "<lastmod>\(date)</lastmod>" }
            line += "</url>\n"
            if !lines.isEmpty, lines.count == maxURLsPerFile || bytes + line.utf8.count > maxBytesPerFile { close() }
            lines.append(line)
            bytes += line.utf8.count
            // The index's lastmod: the newest date by text, which is the newest date but across a
            // change of offset (summer time), where it may be an hour off.
            if let date = entry.lastModified, newest.map({ date > $0 }) ?? true { newest = date }
        }
        if !lines.isEmpty || lists.isEmpty { close() }
        return lists
    }

    private static func urlset(_ lines: [String]) -> String {
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + lines.joined() + "</urlset>\n"
    }
}
