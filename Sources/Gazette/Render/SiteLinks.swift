/// The site's URL layout: the address of every kind of output (``SiteMap`` lists the outputs
/// themselves), relative links between pages and absolute ones for canonical URLs and feeds. No
/// other file writes a path of the site.
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
    /// The address a page file answers at: its folder for an `index.html` (`ancien/index.html` →
    /// `ancien/`), else the file itself (`vieux/page.html`).
    static func folder(ofPage file: String) -> String {
        file == "index.html" ? "" : file.hasSuffix("/index.html") ? String(file.dropLast("index.html".count)) : file
    }
    /// What the last build published (``PublicationRecord``), read back by the next with `--previous`.
    static let publicationRecord = "gazette-publication.json"

    /// The folder of page `number` of the list whose first page is `folder` (`tags/x/page/2/`;
    /// the home listing's `page/2/`).
    static func listPage(_ number: Int, of folder: String) -> String { number == 1 ? folder : "\(folder)\(listPagesFolder)\(number)/" }
    /// The folder of a list's later pages, in the list's folder.
    static let listPagesFolder = "page/"

    /// The folder of an article's page.
    static func articlePath(year: Int, slug: String) -> String { "\(archivesPath)\(year)/\(slug)/" }

    /// The social card of the article in `folder` (``SocialCard``).
    static func socialCard(in folder: String) -> String { folder + "partage.png" }

    /// The folder of a static page (`a-propos/`).
    static func staticPagePath(slug: String) -> String { "\(slug)/" }

    /// The folder of a year's archive.
    static func yearPath(_ year: Int) -> String { "\(archivesPath)\(year)/" }

    /// The folder of the archive index.
    static let archivesPath = "articles/"
    /// The search page.
    static let searchPath = "recherche/"
    /// The list of every correction (``SiteMap/corrections``).
    static let correctionsPath = "corrections/"
    /// The corrections' Atom feed (``CorrectionsFeed``).
    static let correctionsFeed = correctionsPath + "feed.xml"
    /// The « Mentions légales » page (``LegalNotice``).
    static let legalNoticePath = "mentions-legales/"
    /// The folder of the search index (``SearchIndexFiles``).
    static let searchIndexFolder = searchPath + "index/"

    /// The folder of the tag index.
    static let tagIndexPath = "tags/"

    /// The folder of the sections' pages.
    static let sectionsFolder = "rubriques/"
    /// The folder of a section's page.
    static func sectionPath(_ section: Section) -> String { "\(sectionsFolder)\(section.slug)/" }

    /// The folder of the authors' pages, and the list of authors.
    static let authorsFolder = "auteurs/"
    /// The folder of an author's page.
    static func authorPath(slug: String) -> String { "\(authorsFolder)\(slug)/" }

    /// The absolute address of the page of a byline's author; nil for a name without a page.
    func authorURL(of byline: Byline) -> String? { byline.slug.map { absolute(Self.authorPath(slug: $0)) } }

    /// The folder of a tag's page.
    static func tagPath(_ tag: Tag) -> String { "\(tagIndexPath)\(tag.slug)/" }

    /// The Atom feed of the site (at the root) or of a tag (in its folder).
    static func atomFeed(in folder: String) -> String { folder + "feed.xml" }
    /// The site's JSON Feed.
    static let jsonFeed = "feed.json"

    /// The page hosts serve for an address the site does not have.
    static let notFoundPage = "404.html"
    /// The sitemap, or the index of its lists when it needs several (``Sitemap``).
    static let sitemap = "sitemap.xml"
    /// The folder of the sitemap's lists when it needs several.
    static let sitemapsFolder = "sitemaps/"
    /// List `number` of the sitemap when it needs several.
    static func sitemapList(_ number: Int) -> String { sitemapsFolder + "sitemap-\(number).xml" }
    static let robots = "robots.txt"
    /// The redirect rules of hosts that read them (Netlify, Cloudflare Pages): the `410 Gone` of
    /// withdrawn articles (``HostRedirects``).
    static let hostRedirects = "_redirects"
    /// The header rules of the same hosts: never written, never an alias's (it would set headers).
    static let hostHeaders = "_headers"
    /// The Google News sitemap (``NewsSitemap``).
    static let newsSitemap = "news-sitemap.xml"

    /// The folder of the templates' assets (`Templates/assets/`).
    static let assetsFolder = "assets/"
    /// The stylesheet every page links to.
    static let stylesheet = assetsFolder + "style.css"
    /// The site's icon (browser tabs, bookmarks), an SVG of the templates' assets.
    static let icon = assetsFolder + "favicon.svg"
    /// The script of click-to-load video players (``EmbeddedMedia``), on the pages that have one.
    static let embedsScript = assetsFolder + "embeds.js"

    /// The folder of the charts' data and drawings.
    static let chartFilesFolder = "data/"
    /// A chart's data, as CSV.
    static func chartData(id: String) -> String { "\(chartFilesFolder)\(id).csv" }
    /// A chart's standalone drawing (what its embed code shows).
    static func chartDrawing(id: String) -> String { "\(chartFilesFolder)\(id).svg" }

    /// Folders whose whole content the build writes: an alias may not enter them.
    static let generatedFolders = [assetsFolder, chartFilesFolder, listPagesFolder, searchIndexFolder, sitemapsFolder]

    /// Top-level folders the generator writes: a static page may not take their name.
    static let reservedTopLevel: Set<String> = Set(
        [archivesPath, tagIndexPath, listPagesFolder, assetsFolder, chartFilesFolder, ContentFolder.media.prefix, searchPath, sitemapsFolder, correctionsPath, legalNoticePath, sectionsFolder, authorsFolder].map { String($0.dropLast()) })
}
