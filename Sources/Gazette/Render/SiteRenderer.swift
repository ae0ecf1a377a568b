import Foundation
import GazetteMarkdown
import Synchronization

/// Renders a validated ``Site`` with its templates into the files of the output folder.
struct SiteRenderer: Sendable {
    public let site: Site
    public let templates: TemplateSet
    /// The hashes of the files the site was read from, by path as shown, for the fingerprints of an
    /// incremental build (``render(progress:keep:emit:)``); empty: no page has a fingerprint.
    public let inputHashes: [String: ContentHash]
    /// Writes the search index (``SearchIndexFiles``).
    public let searchIndex: Bool

    /// Creates a renderer.
    public init(site: Site, templates: TemplateSet, inputHashes: [String: ContentHash] = [:], searchIndex: Bool = false) {
        self.site = site
        self.templates = templates
        self.inputHashes = inputHashes
        self.searchIndex = searchIndex
    }

    /// What ``render(progress:emit:)`` counts: each page made from a template.
    public var progressSteps: Int {
        let listings = SiteLinks.homePageCount(articleCount: site.articles.count, perPage: site.config.itemsPerPage)
        return listings + site.articles.count + site.pages.count + site.tags.count + site.years.count + 4
    }

    /// Every file of the site, sorted by path (what tests and `gazette check` look at).
    public func render(progress: BuildProgress? = nil) -> [OutputFile] {
        let files = Mutex<[OutputFile]>([])
        render(progress: progress) { file in files.withLock { $0.append(file) } }
        return files.withLock { $0 }.sorted { $0.path < $1.path }
    }

    /// Renders every file of the site and hands each to `emit` as soon as it is made, from any
    /// thread, in no fixed order: no page is kept once emitted. An article's body is rendered with
    /// its page; only the bodies that feeds show are kept until the feeds are written.
    /// `progress` is advanced once per page made from a template.
    ///
    /// With `keep` (an incremental build), pages and feeds carry the fingerprint of what they are
    /// made from (``OutputFile/fingerprint``); when `keep` answers true for a path and its
    /// fingerprint, the previous build's file stands for it and it is neither rendered nor emitted.
    public func render(progress: BuildProgress? = nil, keep: (@Sendable (String, ContentHash) -> Bool)? = nil,
                       emit: @Sendable (OutputFile) -> Void) {
        let bodyRenderer = ArticleBodyRenderer(reservedIDs: templates.fixedIDs)
        let builder = PageContextBuilder(site: site)
        let fingerprints = keep == nil ? nil : PageFingerprints(site: site, templates: templates, inputs: inputHashes)
        // The articles that some feed shows: the latest of the site and of each tag.
        // Walked, not copied: a copy of every published article was 8 MB at 10 000 articles.
        let published = site.articles.lazy.filter(site.isPublished)
        var feeds = [FeedJob(path: AtomFeed.path, title: site.config.title, pagePath: "", entries: published),
                     FeedJob(path: JSONFeed.path, title: site.config.title, pagePath: "", entries: published)]
        for tag in site.tags {
            let entries = published.filter { $0.tags.contains(tag) }
            feeds.append(FeedJob(path: SiteLinks.tagPath(tag) + AtomFeed.path, title: "\(site.config.title) · \(tag.name)",
                                 pagePath: SiteLinks.tagPath(tag), entries: entries))
        }
        // Feeds that the previous build's files stand for need no body.
        feeds = feeds.map { feed in
            var feed = feed
            feed.fingerprint = fingerprints?.feed(path: feed.path, title: feed.title, pagePath: feed.pagePath, entries: feed.shown)
            feed.isKept = feed.fingerprint.map { keep?(feed.path, $0) ?? false } ?? false
            return feed
        }
        let feedSlugs = Set(feeds.filter { !$0.isKept }.flatMap { $0.shown.map(\.slug) })
        let feedBodies = Mutex<[String: String]>([:])
        let markdownOptions = MarkdownOptions(allowsRawHTML: site.config.unsafeHTML)
        let standalone = StandaloneCharts()
        /// The body of the article or page in `folder` (its links start from its page; its charts'
        /// embed code names the page's address). Rendering consumes the tree: once per body. An
        /// article's body is parsed here again (validation does not keep its tree: holding every
        /// tree until rendering was half a cold build's memory); its embeds are met in the order
        /// validation found them in the same text (``PlacedEmbed``).
        @Sendable func renderBody(_ body: MarkdownBody, embeds: [PlacedEmbed], images: [String: PlacedImage], folder: String) -> RenderedBody {
            bodyRenderer.render(body, embeds: embeds, images: images, root: builder.links.relativeRoot(from: SiteLinks.page(in: folder)),
                                absolute: (builder.links.absolute(""), builder.links.absolute(folder)), standalone: standalone)
        }

        var jobs: [RenderJob] = []
        let perPage = site.config.itemsPerPage
        let pageCount = SiteLinks.homePageCount(articleCount: site.articles.count, perPage: perPage)
        for number in 1...pageCount {
            let path = SiteLinks.page(in: SiteLinks.homePagePath(number))
            let slice = site.articles.dropFirst((number - 1) * perPage).prefix(perPage)
            jobs.append(RenderJob(path: path, template: "home") { builder.home(number: number, pageCount: pageCount, entries: slice, outputPath: path) })
        }
        // An article's closures capture its index, not a copy of the article (two copies per page
        // held until rendering ends were a tenth of a cold build's heap).
        let articles = site.articles
        for (index, entry) in articles.enumerated() {
            let path = SiteLinks.page(in: entry.path)
            let isInFeeds = feedSlugs.contains(entry.slug)
            jobs.append(RenderJob(path: path, template: "article", bodySource: entry.slug) {
                builder.article(articles[index], outputPath: path)
            } complete: { outline in
                let entry = articles[index]
                let body = renderBody(MarkdownBody(of: entry.article, options: markdownOptions), embeds: entry.embeds, images: entry.images, folder: entry.path)
                if isInFeeds { feedBodies.withLock { $0[entry.slug] = body.html } }
                return builder.withStructuredData(builder.filling(outline, with: body), of: entry)
            })
        }
        for entry in site.pages {
            let path = SiteLinks.page(in: entry.path)
            jobs.append(RenderJob(path: path, template: "page", bodySource: "page:" + entry.slug) {
                builder.page(entry, outputPath: path)
            } complete: { outline in
                builder.filling(outline, with: renderBody(entry.body, embeds: entry.embeds, images: entry.images, folder: entry.path))
            })
        }
        for tag in site.tags {
            let path = SiteLinks.page(in: SiteLinks.tagPath(tag))
            jobs.append(RenderJob(path: path, template: "tag") { builder.tag(tag, outputPath: path) })
        }
        for (year, entries) in site.years {
            let path = SiteLinks.page(in: SiteLinks.yearPath(year))
            jobs.append(RenderJob(path: path, template: "year") { builder.year(year, entries: entries, outputPath: path) })
        }
        let archivesPath = SiteLinks.page(in: SiteLinks.archivesPath)
        jobs.append(RenderJob(path: archivesPath, template: "archives") { builder.archives(outputPath: archivesPath) })
        let tagIndexPath = SiteLinks.page(in: SiteLinks.tagIndexPath)
        jobs.append(RenderJob(path: tagIndexPath, template: "tags") { builder.tagIndex(outputPath: tagIndexPath) })
        jobs.append(RenderJob(path: "404.html", template: "404") { builder.notFound() })
        let searchPath = SiteLinks.page(in: SiteLinks.searchPath)
        jobs.append(RenderJob(path: searchPath, template: "search") { builder.search(outputPath: searchPath) })

        // Each chart's data and standalone drawing, kept like pages when the chart's files did not
        // change; drawn before the pages, whose embed codes state the drawing's size.
        parallelForEach(site.embeddedCharts) { chart in
            let files: [(path: String, make: () -> String)] = [(FigureRenderer.csvPath(chart), { ChartData(chart.spec).csv }),
                                                               (FigureRenderer.svgPath(chart), { standalone.svg(of: chart) })]
            for file in files {
                let fingerprint = fingerprints?.chartFile(path: file.path, chart: chart)
                if let fingerprint, keep?(file.path, fingerprint) == true { continue }
                emit(OutputFile(path: file.path, text: file.make(), fingerprint: fingerprint))
            }
        }
        parallelForEach(jobs) { job in
            defer { progress?.advance() }
            let outline = job.outline()
            let fingerprint = fingerprints?.page(path: job.path, template: job.template, outline: outline, bodySource: job.bodySource)
            if let fingerprint, keep?(job.path, fingerprint) == true { return }
            let model = job.complete?(outline) ?? outline
            emit(OutputFile(path: job.path, text: templates.render(model, with: job.template), fingerprint: fingerprint))
        }
        // Bodies that a feed shows but whose page was kept, rendered now.
        let rendered = feedBodies.withLock { $0 }
        let missing = Array(published.filter { feedSlugs.contains($0.slug) && rendered[$0.slug] == nil })
        for (slug, html) in parallelMap(missing, { entry in
            (entry.slug, renderBody(MarkdownBody(of: entry.article, options: markdownOptions), embeds: entry.embeds, images: entry.images, folder: entry.path).html)
        }) {
            feedBodies.withLock { $0[slug] = html }
        }
        // Feeds: the latest articles of the site and of each tag, their content with absolute
        // links computed once per article that some feed shows.
        let bodiesBySlug = feedBodies.withLock { $0 }
        let feedArticles = Array(published.filter { feedSlugs.contains($0.slug) }).sorted { $0.slug < $1.slug }
        let contents = Dictionary(uniqueKeysWithValues: zip(feedArticles.map(\.slug), parallelMap(feedArticles) {
            AtomFeed.absoluteContent(bodiesBySlug[$0.slug] ?? "", of: $0, links: builder.links)
        }))
        for feed in feeds where !feed.isKept {
            let text = feed.path == JSONFeed.path
                ? JSONFeed(site: site, links: builder.links, contents: contents, entries: feed.shown).json()
                : AtomFeed(site: site, links: builder.links, contents: contents, path: feed.path, title: feed.title,
                           pagePath: feed.pagePath, entries: feed.shown).xml()
            emit(OutputFile(path: feed.path, text: text, fingerprint: feed.fingerprint))
        }
        let sitemapEntries = [(path: "", lastModified: published.first.map { builder.dates.iso8601($0.article.date) })]
            + published.map { (path: $0.path, lastModified: Optional(builder.dates.iso8601($0.article.updated ?? $0.article.date))) }
            + site.pages.map { (path: $0.path, lastModified: String?.none) }
            + site.tags.map { (path: SiteLinks.tagPath($0), lastModified: String?.none) }
            + site.years.map { (path: SiteLinks.yearPath($0.year), lastModified: String?.none) }
            + [(path: SiteLinks.archivesPath, lastModified: String?.none)]
        let sitemap = Sitemap(links: builder.links, entries: sitemapEntries)
        sitemap.files().forEach(emit)
        emit(OutputFile(path: "robots.txt", text: sitemap.robots()))
        for entry in site.articles {
            for aliasFile in entry.aliasFiles {
                let redirect = RedirectPage(relativeURL: builder.links.relativeRoot(from: aliasFile) + entry.path,
                                            canonicalURL: builder.links.absolute(entry.path), title: FrenchTypography.apply(to: entry.article.title))
                emit(OutputFile(path: aliasFile, text: redirect.html))
            }
        }
        for image in site.allImages {
            if let data = FileManager.default.contents(atPath: image.source) { emit(OutputFile(path: image.path, contents: data)) }
        }
        for (path, data) in templates.assets {
            emit(OutputFile(path: path, contents: data))
        }
        if searchIndex {
            SearchIndexFiles(site: site, dates: builder.dates).files().forEach(emit)
        }
    }
}

/// One page to render: where it goes, its template, its model without its body (what its
/// fingerprint is made of, with the source of its body), and how to complete that model once the
/// page is to be rendered (pages made from Markdown: the body, an article's JSON-LD).
private struct RenderJob: Sendable {
    let path: String
    let template: String
    var bodySource: String? = nil
    let outline: @Sendable () -> PageModel
    var complete: (@Sendable (PageModel) -> PageModel)? = nil
}

/// One feed: the site's (Atom or JSON) or a tag's, and the articles it shows.
private struct FeedJob: Sendable {
    let path: String
    let title: String
    let pagePath: String
    /// The latest entries, as many as a feed shows (``AtomFeed/entryLimit``).
    let shown: [PublishedArticle]
    var fingerprint: ContentHash?
    var isKept = false

    init(path: String, title: String, pagePath: String, entries: some Sequence<PublishedArticle>) {
        self.path = path
        self.title = title
        self.pagePath = pagePath
        shown = Array(entries.prefix(AtomFeed.entryLimit))
    }
}
