import Wording
import Foundation

/// Every output of a validated site: its pages (each with its kind, template, the body it shows
/// and its place in the sitemap), feeds, redirects, images and chart files, at the addresses
/// ``SiteLinks`` makes. Built in one place from the ``Site``; the renderer, the sitemap and
/// validation's check of what an alias may take all read it. A new kind of page is one case of
/// ``PageKind`` plus its template and model: the compiler then points at each place that must
/// say what to do with it.
struct SiteMap: Sendable {
    /// The pages made from a template, in the order the sitemap lists them (home, articles,
    /// static pages, tags, sections, authors, years, archives), then those it does not list.
    let pages: [Page]
    /// The site's feeds (Atom and JSON) and each tag's, section's and author's (Atom).
    let feeds: [Feed]
    /// The former addresses of articles (`aliases:`), each a page that sends readers on.
    let redirects: [Redirect]
    /// Every image file: each photo's variants (``ImageVariant``), and the GIFs and SVGs
    /// published as they are; once each, by path.
    let images: [ImageFile]
    /// Every chart drawn somewhere in the site, once each: its data and its drawing are files.
    let charts: [ResolvedChart]
    /// The social card of each article without a lead picture (``SocialCard``).
    let socialCards: [SocialCardFile]
    /// Every correction of a published article, newest first: what the corrections page lists.
    let corrections: [CorrectionEntry]

    /// A correction and the index of its article in ``Site/articles``.
    struct CorrectionEntry: Sendable {
        let article: Int
        let correction: Correction
    }

    /// A page made from a template.
    struct Page: Sendable {
        let kind: PageKind
        /// The folder the page is the `index.html` of (`articles/2024/x/`, `""` for the home page);
        /// the page's canonical address. The 404 page has none.
        let folder: String?
        /// The output file (`articles/2024/x/index.html`, `404.html`).
        let file: String
        /// Whether `sitemap.xml` lists the page, and the date of its last change if it has one.
        let sitemap: SitemapListing?
    }

    /// What a page shows, and so its template and the model the renderer builds for it.
    enum PageKind: Sendable {
        /// A page of the home listing (every article).
        case home(ListPage)
        /// The article at this index of ``Site/articles``.
        case article(Int)
        /// The static page at this index of ``Site/pages``.
        case staticPage(Int)
        /// A page of a tag's articles.
        case tag(Tag, ListPage)
        /// A page of a section's articles.
        case section(Section, ListPage)
        /// A page of an author's articles: the author at this index of ``Site/authors``.
        case author(Int, ListPage)
        /// The list of the site's authors.
        case authorIndex
        /// A page of a year's archive.
        case year(Int, ListPage)
        /// A page of the list of every correction (``SiteMap/corrections``).
        case corrections(ListPage)
        /// The « Mentions légales » (when site.yml has `legal:`).
        case legalNotice(LegalNotice)
        /// The page left at the address of an article taken off the site (``Site/retired``).
        case retired(RetiredArticle)
        case archives, tagIndex, search, notFound

        /// The template that renders this kind of page.
        var template: PageTemplate {
            switch self {
            case .home: .home
            case .article: .article
            case .staticPage: .page
            case .tag: .tag
            case .section: .section
            case .author: .author
            case .authorIndex: .authors
            case .year: .year
            case .corrections: .corrections
            case .legalNotice: .legalNotice
            case .retired: .retired
            case .archives: .archives
            case .tagIndex: .tags
            case .search: .search
            case .notFound: .notFound
            }
        }
    }

    /// One page of a list of articles (the home page's, a tag's, a year's), `itemsPerPage` a page,
    /// newest first: no list page grows with the archive (a tag of 14 000 articles was one page of
    /// 15 MB at 100 000 articles).
    struct ListPage: Sendable {
        /// What it shows: articles, as indices in ``Site/articles`` (the corrections page: indices in
        /// ``SiteMap/corrections``).
        let items: [Int]
        /// Its number (from 1) and how many pages the list has.
        let number: Int, count: Int
        /// How many articles the whole list has.
        let total: Int

        /// The pages of the list of `items` (newest first): at least one, empty when the list is.
        static func pages(of items: some RandomAccessCollection<Int>, perPage: Int) -> [ListPage] {
            let list = Array(items)
            let count = max(1, (list.count + perPage - 1) / perPage)
            return (1...count).map { number in
                let start = (number - 1) * perPage
                return ListPage(items: Array(list[min(start, list.count)..<min(list.count, start + perPage)]),
                                number: number, count: count, total: list.count)
            }
        }
    }

    /// A page's entry in the sitemap.
    struct SitemapListing: Sendable {
        /// When its content last changed, if the page knows.
        let lastModified: Date?
    }

    /// A feed: the latest articles of the site or of one tag.
    struct Feed: Sendable {
        enum Format: Sendable { case atom, json }
        let format: Format
        let file: String
        let title: String
        /// The folder of the page the feed follows (`""`, `tags/x/`).
        let pageFolder: String
        /// Whose articles it shows.
        let subject: Subject

        enum Subject: Sendable {
            case site, tag(Tag), section(Section)
            /// The author whose file is `authors/SLUG.md`.
            case author(slug: String)

            /// Whether `entry` is one of the subject's articles.
            func holds(_ entry: PublishedArticle) -> Bool {
                switch self {
                case .site: true
                case .tag(let tag): entry.tags.contains(tag)
                case .section(let section): entry.section == section
                case .author(let slug): entry.bylines.contains { $0.slug == slug }
                }
            }
        }
    }

    /// An image file: a variant of a photo, or an image published as it is.
    struct ImageFile: Sendable {
        let image: PlacedImage
        /// What it is made into; nil: the file is published as it is, at the image's own path.
        let variant: ImageVariant?
        var path: String { variant?.path ?? image.path }
    }

    /// The social card of an article.
    struct SocialCardFile: Sendable {
        let file: String
        /// The article's index in ``Site/articles``.
        let article: Int
    }

    /// A former address of an article, or of a withdrawn article (it leads to the page that says so).
    struct Redirect: Sendable {
        let file: String
        let target: Target

        enum Target: Sendable {
            /// The article at this index of ``Site/articles``.
            case article(Int)
            /// The withdrawn article at this index of ``Site/retired``.
            case retired(Int)
        }
    }

    /// The map of `site`.
    init(_ site: Site) {
        var pages: [Page] = []
        func add(_ kind: PageKind, at folder: String, listed: Bool = true, lastModified: Date? = nil) {
            pages.append(Page(kind: kind, folder: folder, file: SiteLinks.page(in: folder),
                              sitemap: listed ? SitemapListing(lastModified: lastModified) : nil))
        }
        let perPage = site.config.itemsPerPage
        let newestPublished = site.articles.first(where: site.isPublished)?.article.date
        // A list's later pages are not in the sitemap: its articles are.
        for page in ListPage.pages(of: site.articles.indices, perPage: perPage) {
            add(.home(page), at: SiteLinks.listPage(page.number, of: ""), listed: page.number == 1, lastModified: newestPublished)
        }
        for (index, entry) in site.articles.enumerated() {
            add(.article(index), at: entry.path, listed: site.isPublished(entry), lastModified: entry.article.lastModified ?? entry.article.date)
        }
        for (index, entry) in site.pages.enumerated() { add(.staticPage(index), at: entry.path) }
        var tagged: [Tag: [Int]] = [:], sectioned: [Section: [Int]] = [:]
        for (index, entry) in site.articles.enumerated() {
            for tag in entry.tags { tagged[tag, default: []].append(index) }
            if let section = entry.section { sectioned[section, default: []].append(index) }
        }
        for tag in site.tags {
            for page in ListPage.pages(of: tagged[tag] ?? [], perPage: perPage) {
                add(.tag(tag, page), at: SiteLinks.listPage(page.number, of: SiteLinks.tagPath(tag)), listed: page.number == 1)
            }
        }
        for section in site.sections {
            for page in ListPage.pages(of: sectioned[section] ?? [], perPage: perPage) {
                add(.section(section, page), at: SiteLinks.listPage(page.number, of: SiteLinks.sectionPath(section)), listed: page.number == 1)
            }
        }
        let byAuthor = site.articleIndicesByAuthor
        for (index, author) in site.authors.enumerated() {
            for page in ListPage.pages(of: byAuthor[author.author.slug] ?? [], perPage: perPage) {
                add(.author(index, page), at: SiteLinks.listPage(page.number, of: SiteLinks.authorPath(slug: author.author.slug)), listed: page.number == 1)
            }
        }
        if !site.authors.isEmpty { add(.authorIndex, at: SiteLinks.authorsFolder) }
        for year in site.years {
            for page in ListPage.pages(of: year.articles.indices, perPage: perPage) {
                add(.year(year.year, page), at: SiteLinks.listPage(page.number, of: SiteLinks.yearPath(year.year)), listed: page.number == 1)
            }
        }
        corrections = site.articles.indices.filter { site.isPublished(site.articles[$0]) }
            .flatMap { index in site.articles[index].article.corrections.map { CorrectionEntry(article: index, correction: $0) } }
            .sorted { ($0.correction.date, $1.article) > ($1.correction.date, $0.article) }
        for page in ListPage.pages(of: corrections.indices, perPage: perPage) {
            add(.corrections(page), at: SiteLinks.listPage(page.number, of: SiteLinks.correctionsPath), listed: page.number == 1)
        }
        if let legal = site.config.legal { add(.legalNotice(legal), at: SiteLinks.legalNoticePath) }
        for retired in site.retired { add(.retired(retired), at: retired.path, listed: false) }
        add(.archives, at: SiteLinks.archivesPath)
        add(.tagIndex, at: SiteLinks.tagIndexPath, listed: false)
        pages.append(Page(kind: .notFound, folder: nil, file: SiteLinks.notFoundPage, sitemap: nil))
        add(.search, at: SiteLinks.searchPath, listed: false)
        self.pages = pages

        let title = site.config.title
        feeds = [Feed(format: .atom, file: SiteLinks.atomFeed(in: ""), title: title, pageFolder: "", subject: .site),
                 Feed(format: .json, file: SiteLinks.jsonFeed, title: title, pageFolder: "", subject: .site)]
            + site.tags.map { tag in
                Feed(format: .atom, file: SiteLinks.atomFeed(in: SiteLinks.tagPath(tag)), title: "\(title) · \(tag.name)",
                     pageFolder: SiteLinks.tagPath(tag), subject: .tag(tag))
            }
            + site.sections.map { section in
                Feed(format: .atom, file: SiteLinks.atomFeed(in: SiteLinks.sectionPath(section)), title: "\(title) · \(section.name)",
                     pageFolder: SiteLinks.sectionPath(section), subject: .section(section))
            }
            + site.authors.map { author in
                Feed(format: .atom, file: SiteLinks.atomFeed(in: SiteLinks.authorPath(slug: author.author.slug)), title: "\(title) · \(author.author.name)",
                     pageFolder: SiteLinks.authorPath(slug: author.author.slug), subject: .author(slug: author.author.slug))
            }
        redirects = site.articles.indices.flatMap { index in site.articles[index].aliasFiles.map { Redirect(file: $0, target: .article(index)) } }
            + site.retired.indices.flatMap { index in site.retired[index].aliasFiles.map { Redirect(file: $0, target: .retired(index)) } }
        var imageFiles: [String: ImageFile] = [:]
        for image in site.allImages {
            let variants = ImageVariant.responsive(image, settings: site.config.images)
            for file in variants.isEmpty ? [ImageFile(image: image, variant: nil)] : variants.map({ ImageFile(image: image, variant: $0) }) {
                imageFiles[file.path] = file
            }
        }
        for entry in site.articles {
            guard let image = entry.leadImage else { continue }
            for variant in ImageVariant.sharing(image, focus: entry.sharingFocus) { imageFiles[variant.path] = ImageFile(image: image, variant: variant) }
        }
        images = imageFiles.values.sorted { $0.path < $1.path }
        charts = site.embeddedCharts
        socialCards = !site.config.images.socialCards ? [] : site.articles.indices.filter { site.articles[$0].leadImage == nil }
            .map { SocialCardFile(file: SiteLinks.socialCard(in: site.articles[$0].path), article: $0) }
    }

    /// What the site writes at each of its files, as an error message names it (`the tag page of
    /// santé`, the source file of an article): what an alias may not take. Chart files and assets
    /// are not listed; their folders are ``SiteLinks/generatedFolders``.
    func owners(in site: Site) -> [String: Phrase] {
        var owners: [String: Phrase] = [SiteLinks.sitemap: "the sitemap", SiteLinks.robots: Phrase(verbatim: "robots.txt"), SiteLinks.newsSitemap: "the news sitemap",
                                        SiteLinks.correctionsFeed: "the corrections feed", SiteLinks.hostRedirects: "the hosts' redirect rules",
                                        SiteLinks.hostHeaders: "the hosts' header rules",
                                        SiteLinks.publicationRecord: "the record of the publication"]
        for page in pages {
            owners[page.file] = switch page.kind {
            case .home(let list): list.number == 1 ? "the home page" : "home page \(list.number)"
            case .article(let index): Phrase(verbatim: site.articles[index].article.file)
            case .staticPage(let index): Phrase(verbatim: site.pages[index].page.file)
            case .tag(let tag, let list): "the tag page of \(tag.name)\(Self.pageSuffix(list))"
            case .section(let section, let list): "the section page of \(section.name)\(Self.pageSuffix(list))"
            case .author(let index, let list): "the page of the author \(site.authors[index].author.name)\(Self.pageSuffix(list))"
            case .authorIndex: "the list of authors"
            case .year(let year, let list): "the \(year) archive\(Self.pageSuffix(list))"
            case .corrections(let list): "the corrections page\(Self.pageSuffix(list))"
            case .legalNotice: "the legal notice"
            case .retired(let retired): "the page left by the withdrawn \(retired.file)"
            case .archives: "the archives"
            case .tagIndex: "the tag index"
            case .search: "the search page"
            case .notFound: "the 404 page"
            }
        }
        for feed in feeds {
            owners[feed.file] = switch feed.subject {
            case .site: feed.format == .json ? "the JSON feed" : "the feed"
            case .tag(let tag): "the feed of the tag \(tag.name)"
            case .section(let section): "the feed of the section \(section.name)"
            case .author(let slug): "the feed of the author \(slug)"
            }
        }
        for card in socialCards { owners[card.file] = "the social card of \(site.articles[card.article].article.file)" }
        for redirect in redirects {
            owners[redirect.file] = switch redirect.target {
            case .article(let index): "an alias of \(site.articles[index].article.file)"
            case .retired(let index): "an alias of \(site.retired[index].file)"
            }
        }
        for file in images {
            owners[file.image.path] = "the image \(file.image.path)"
            owners[file.path] = "the image \(file.image.path)"
        }
        return owners
    }

    /// ` (page 2)` after the name of a list's second page and the next; nothing after its first.
    private static func pageSuffix(_ list: ListPage) -> Phrase {
        list.number == 1 ? "" : " (page \(list.number))"
    }
}

/// The article or static page whose body a page shows: an input of the page's fingerprint.
enum BodySource: Hashable, Sendable {
    case article(slug: String)
    case staticPage(slug: String)
}

/// The templates pages are made from, one per ``SiteMap/PageKind``.
enum PageTemplate: String, CaseIterable, Sendable {
    case home, article, page, tag, tags, year, archives, search, corrections, section, author, authors
    case legalNotice = "mentions-legales"
    case retired = "article-retire"
    case notFound = "404"
}
