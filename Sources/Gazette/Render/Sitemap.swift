/// `sitemap.xml` and the `robots.txt` that points to it.
struct Sitemap {
    let site: Site
    let links: SiteLinks
    /// Every page folder to list, with its content date when it has one.
    let entries: [(path: String, lastModified: String?)]

    func xml() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries {
            xml += "  <url><loc>\(HTMLEscaping.escape(links.absolute(entry.path)))</loc>"
            if let date = entry.lastModified { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(links.absolute("sitemap.xml"))\n"
    }
}
