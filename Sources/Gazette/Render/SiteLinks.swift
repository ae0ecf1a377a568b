/// Addresses of a site's pages: relative links between pages, absolute ones for canonical URLs and feeds.
struct SiteLinks: Sendable {
    /// The absolute base URL, ending in `/`.
    let baseURL: String

    /// `https://…/` + `path`.
    func absolute(_ path: String) -> String { baseURL + path }

    /// The prefix that leads from the page written at `outputPath` back to the site root
    /// (`./` at the root, `../../../` three folders down), so the site works on any host and from disk.
    func relativeRoot(from outputPath: String) -> String {
        let depth = outputPath.split(separator: "/").count - 1
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// The root as an absolute path (`/` or `/sub/`), for pages served at any depth such as 404.
    var absoluteRootPath: String {
        guard let schemeEnd = baseURL.range(of: "://"),
              let pathStart = baseURL[schemeEnd.upperBound...].firstIndex(of: "/") else { return "/" }
        return String(baseURL[pathStart...])
    }

    /// The file a folder's page is written to (`articles/2024/x/` → `articles/2024/x/index.html`).
    static func page(in folder: String) -> String { folder + "index.html" }

    /// How many pages the home listing of `articleCount` articles takes, `perPage` a page (at least one).
    static func homePageCount(articleCount: Int, perPage: Int) -> Int { max(1, (articleCount + perPage - 1) / perPage) }

    /// The folder of page `number` of the home listing (`""` for the first).
    static func homePagePath(_ number: Int) -> String { number == 1 ? "" : "page/\(number)/" }

    /// The folder of a year's archive.
    static func yearPath(_ year: Int) -> String { "articles/\(year)/" }

    /// The folder of the archive index.
    static let archivesPath = "articles/"
    /// The search page.
    static let searchPath = "recherche/"

    /// The folder of the tag index.
    static let tagIndexPath = "tags/"

    /// The folder of a tag's page.
    static func tagPath(_ tag: Tag) -> String { "tags/\(tag.slug)/" }
}
