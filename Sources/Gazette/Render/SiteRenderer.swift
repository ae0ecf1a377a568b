import Foundation
import GazetteMarkdown
import Synchronization

/// Renders a validated ``Site`` with its templates into the files of the output folder: each
/// output of its ``SiteMap``.
struct SiteRenderer: Sendable {
    public let site: Site
    public let templates: TemplateSet
    /// The hashes of the files the site was read from, by path as shown, for the fingerprints of an
    /// incremental build (``render(progress:keep:emit:)``); empty: no page has a fingerprint.
    public let inputHashes: [String: ContentHash]
    /// Whether the site has a search index (``searchIndexFiles``).
    public let searchIndex: Bool
    /// What the site is made of.
    let map: SiteMap

    /// Creates a renderer.
    public init(site: Site, templates: TemplateSet, inputHashes: [String: ContentHash] = [:], searchIndex: Bool = false) {
        self.site = site
        self.templates = templates
        self.inputHashes = inputHashes
        self.searchIndex = searchIndex
        map = SiteMap(site)
    }

    /// What ``render(progress:emit:)`` counts: each page made from a template.
    public var progressSteps: Int { map.pages.count }

    /// Every file of the site, sorted by path (what tests and `gazette check` look at), or the
    /// problems of the images that could not be made.
    public func render(progress: BuildProgress? = nil) -> Result<[OutputFile], BuildFailure> {
        let files = Mutex<[OutputFile]>([])
        render(progress: progress) { file in files.withLock { $0.append(file) } }
        if searchIndex {
            _ = searchIndexFiles.write(previous: nil, previousDocument: { _, _ in nil }, keep: nil) { file in files.withLock { $0.append(file) } }
        }
        let problems = images(fingerprints: nil).write(keep: nil) { file in files.withLock { $0.append(file) } }.problems
        guard problems.isEmpty else { return .failure(BuildFailure(problems, sources: [:])) }
        return .success(files.withLock { $0 }.sorted { $0.path < $1.path })
    }

    /// The search index of the site.
    var searchIndexFiles: SearchIndexFiles {
        SearchIndexFiles(site: site, dates: FrenchDate(timeZone: site.config.timeZone, dayFormat: site.config.dayFormat))
    }

    /// The site's image files: photos' variants, social cards, and the images published as they
    /// are; `fingerprints` are those ``render(progress:keep:emit:)`` returned.
    public func images(fingerprints: PageFingerprints?) -> ImageFiles {
        ImageFiles(map: map, site: site, templates: templates, inputs: inputHashes, fingerprints: fingerprints)
    }

    /// Renders every file of the site but its images (``images(fingerprints:)``) and hands each to `emit` as soon as it is made, from any
    /// thread, in no fixed order: no page is kept once emitted. An article's body is rendered with
    /// its page; only the bodies that feeds show are kept until the feeds are written.
    /// `progress` is advanced once per page made from a template.
    ///
    /// With `keep` (an incremental build), pages and feeds carry the fingerprint of what they are
    /// made from (``OutputFile/fingerprint``); when `keep` answers true for a path and its
    /// fingerprint, the previous build's file stands for it and it is neither rendered nor emitted.
    /// Returns those fingerprints, for the images' (nil without `keep`).
    @discardableResult
    public func render(progress: BuildProgress? = nil, keep: (@Sendable (String, ContentHash) -> Bool)? = nil,
                       emit: @Sendable (OutputFile) -> Void) -> PageFingerprints? {
        let bodyRenderer = ArticleBodyRenderer(reservedIDs: templates.fixedIDs, imageSettings: site.config.images)
        let builder = PageContextBuilder(site: site)
        let fingerprints = keep == nil ? nil : PageFingerprints(site: site, templates: templates, inputs: inputHashes)
        // The articles that some feed shows: the latest of the site and of each tag.
        // Walked, not copied: a copy of every published article was 8 MB at 10 000 articles.
        let published = site.articles.lazy.filter(site.isPublished)
        // Feeds that the previous build's files stand for need no body.
        let feeds = map.feeds.map { feed in
            var job = FeedJob(feed: feed, shown: Array(published.filter(feed.subject.holds).prefix(AtomFeed.entryLimit)))
            job.fingerprint = fingerprints?.feed(path: feed.file, title: feed.title, pagePath: feed.pageFolder, entries: job.shown)
            job.isKept = job.fingerprint.map { keep?(feed.file, $0) ?? false } ?? false
            return job
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

        // An article's closures capture its index, not a copy of the article (two copies per page
        // held until rendering ends were a tenth of a cold build's heap).
        let articles = site.articles
        let jobs = map.pages.map { page -> RenderJob in
            let path = page.file
            switch page.kind {
            case .home(let list):
                return RenderJob(page: page) { builder.home(list, outputPath: path) }
            case .article(let index):
                let entry = articles[index]
                let isInFeeds = feedSlugs.contains(entry.slug)
                return RenderJob(page: page, bodySource: .article(slug: entry.slug)) {
                    builder.article(articles[index], outputPath: path)
                } complete: { outline in
                    let entry = articles[index]
                    let body = renderBody(MarkdownBody(of: entry.article, options: markdownOptions), embeds: entry.embeds, images: entry.images, folder: entry.path)
                    if isInFeeds { feedBodies.withLock { $0[entry.slug] = body.html } }
                    return builder.withStructuredData(builder.filling(outline, with: body), of: entry)
                }
            case .staticPage(let index):
                let entry = site.pages[index]
                return RenderJob(page: page, bodySource: .staticPage(slug: entry.slug)) {
                    builder.page(entry, outputPath: path)
                } complete: { outline in
                    builder.filling(outline, with: renderBody(entry.body, embeds: entry.embeds, images: entry.images, folder: entry.path))
                }
            case .tag(let tag, let list): return RenderJob(page: page) { builder.tag(tag, list, outputPath: path) }
            case .section(let section, let list): return RenderJob(page: page) { builder.section(section, list, outputPath: path) }
            case .author(let index, let list): return RenderJob(page: page) { builder.author(index, list, outputPath: path) }
            case .authorIndex: return RenderJob(page: page) { builder.authorIndex(outputPath: path) }
            case .year(let year, let list): return RenderJob(page: page) { builder.year(year, list, outputPath: path) }
            case .corrections(let list): return RenderJob(page: page) { [corrections = map.corrections] in builder.corrections(list, of: corrections, outputPath: path) }
            case .legalNotice(let notice): return RenderJob(page: page) { builder.legalNotice(notice, outputPath: path) }
            case .retired(let retired): return RenderJob(page: page) { builder.retired(retired, outputPath: path) }
            case .archives: return RenderJob(page: page) { builder.archives(outputPath: path) }
            case .tagIndex: return RenderJob(page: page) { builder.tagIndex(outputPath: path) }
            case .search: return RenderJob(page: page) { builder.search(outputPath: path) }
            case .notFound: return RenderJob(page: page) { builder.notFound() }
            }
        }

        // Each chart's data and standalone drawing, kept like pages when the chart's files did not
        // change; drawn before the pages, whose embed codes state the drawing's size.
        parallelForEach(map.charts) { chart in
            let files: [(path: String, make: () -> String)] = [(SiteLinks.chartData(id: chart.id), { ChartData(chart.spec).csv }),
                                                               (SiteLinks.chartDrawing(id: chart.id), { standalone.svg(of: chart) })]
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
        for job in feeds where !job.isKept {
            let feed = job.feed
            let text = switch feed.format {
            case .json: JSONFeed(site: site, links: builder.links, contents: contents, entries: job.shown).json()
            case .atom: AtomFeed(site: site, links: builder.links, contents: contents, path: feed.file, title: feed.title,
                                 pagePath: feed.pageFolder, entries: job.shown).xml()
            }
            emit(OutputFile(path: feed.file, text: text, fingerprint: job.fingerprint))
        }
        let latestCorrections = map.corrections.prefix(AtomFeed.entryLimit)
        emit(OutputFile(path: SiteLinks.correctionsFeed, text: CorrectionsFeed(site: site, links: builder.links,
                                                                            entries: latestCorrections.map { ($0, builder.notice($0.correction)) }).xml()))
        let sitemap = Sitemap(links: builder.links, entries: map.pages.compactMap { page in
            page.sitemap.map { (path: page.folder ?? page.file, lastModified: $0.lastModified.map(builder.dates.iso8601)) }
        })
        sitemap.files().forEach(emit)
        let news = NewsSitemap(site: site, links: builder.links, dates: builder.dates).xml
        if let news { emit(OutputFile(path: SiteLinks.newsSitemap, text: news)) }
        emit(OutputFile(path: SiteLinks.robots, text: sitemap.robots(withNewsSitemap: news != nil)))
        for redirect in map.redirects {
            let (path, title) = switch redirect.target {
            case .article(let index): (site.articles[index].path, FrenchTypography.apply(to: site.articles[index].article.title))
            case .retired(let index): (site.retired[index].path, "Article retiré")
            }
            let page = RedirectPage(relativeURL: builder.links.relativeRoot(from: redirect.file) + path, canonicalURL: builder.links.absolute(path), title: title)
            emit(OutputFile(path: redirect.file, text: page.html))
        }
        if let rules = HostRedirects(site: site, links: builder.links).text { emit(OutputFile(path: SiteLinks.hostRedirects, text: rules)) }
        emit(OutputFile(path: SiteLinks.publicationRecord, text: PublicationRecord(site: site, dates: builder.dates).json()))
        for (path, data) in templates.assets {
            emit(OutputFile(path: path, contents: data))
        }
        return fingerprints
    }
}

/// One page to render: where it goes, its template, its model without its body (what its
/// fingerprint is made of, with the source of its body), and how to complete that model once the
/// page is to be rendered (pages made from Markdown: the body, an article's JSON-LD).
private struct RenderJob: Sendable {
    let path: String
    let template: PageTemplate
    let bodySource: BodySource?
    let outline: @Sendable () -> PageModel
    let complete: (@Sendable (PageModel) -> PageModel)?

    init(page: SiteMap.Page, bodySource: BodySource? = nil, outline: @escaping @Sendable () -> PageModel,
         complete: (@Sendable (PageModel) -> PageModel)? = nil) {
        path = page.file
        template = page.kind.template
        self.bodySource = bodySource
        self.outline = outline
        self.complete = complete
    }
}

/// One feed of the map, with the articles it shows (as many as a feed shows, ``AtomFeed/entryLimit``).
private struct FeedJob: Sendable {
    let feed: SiteMap.Feed
    let shown: [PublishedArticle]
    var fingerprint: ContentHash?
    var isKept = false
}
