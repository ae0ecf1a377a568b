import Foundation
import Markdown
import Synchronization

/// Renders a validated ``Site`` with its templates into the files of the output folder.
public struct SiteRenderer: Sendable {
    public let site: Site
    public let templates: TemplateSet

    /// Creates a renderer.
    public init(site: Site, templates: TemplateSet) {
        self.site = site
        self.templates = templates
    }

    /// What ``render(progress:emit:)`` counts: each page made from a template.
    public var progressSteps: Int {
        let listings = max(1, (site.articles.count + site.config.itemsPerPage - 1) / site.config.itemsPerPage)
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
    public func render(progress: BuildProgress? = nil, emit: @Sendable (OutputFile) -> Void) {
        let bodyRenderer = ArticleBodyRenderer(reservedIDs: templates.fixedIDs)
        let builder = PageContextBuilder(site: site)
        // The articles that some feed shows: the latest of the site and of each tag.
        let published = site.publishedArticles
        let tagEntries = site.tags.map { tag in published.filter { $0.tags.contains(tag) } }
        var feedSlugs = Set(published.prefix(AtomFeed.entryLimit).map(\.slug))
        for entries in tagEntries { feedSlugs.formUnion(entries.prefix(AtomFeed.entryLimit).map(\.slug)) }
        let feedBodies = Mutex<[String: String]>([:])

        var jobs: [RenderJob] = []
        let perPage = site.config.itemsPerPage
        let pageCount = max(1, (site.articles.count + perPage - 1) / perPage)
        for number in 1...pageCount {
            let path = SiteLinks.homePagePath(number) + "index.html"
            let slice = site.articles.dropFirst((number - 1) * perPage).prefix(perPage)
            jobs.append(RenderJob(path: path) { templates.render(builder.home(number: number, pageCount: pageCount, entries: slice, outputPath: path), with: "home") })
        }
        for entry in site.articles {
            let path = entry.path + "index.html"
            let isInFeeds = feedSlugs.contains(entry.slug)
            jobs.append(RenderJob(path: path) {
                let body = bodyRenderer.render(entry.body, embeds: entry.embeds, images: entry.images, root: builder.links.relativeRoot(from: path))
                if isInFeeds { feedBodies.withLock { $0[entry.slug] = body.html } }
                return templates.render(builder.article(entry, body: body, outputPath: path), with: "article")
            })
        }
        for entry in site.pages {
            let path = entry.path + "index.html"
            jobs.append(RenderJob(path: path) {
                let body = bodyRenderer.render(entry.body, embeds: entry.embeds, images: entry.images, root: builder.links.relativeRoot(from: path))
                return templates.render(builder.page(entry, bodyHTML: body.html, outputPath: path), with: "page")
            })
        }
        for tag in site.tags {
            let path = SiteLinks.tagPath(tag) + "index.html"
            jobs.append(RenderJob(path: path) { templates.render(builder.tag(tag, outputPath: path), with: "tag") })
        }
        for (year, entries) in site.years {
            let path = SiteLinks.yearPath(year) + "index.html"
            jobs.append(RenderJob(path: path) { templates.render(builder.year(year, entries: entries, outputPath: path), with: "year") })
        }
        let archivesPath = SiteLinks.archivesPath + "index.html"
        jobs.append(RenderJob(path: archivesPath) { templates.render(builder.archives(outputPath: archivesPath), with: "archives") })
        jobs.append(RenderJob(path: "tags/index.html") { templates.render(builder.tagIndex(outputPath: "tags/index.html"), with: "tags") })
        jobs.append(RenderJob(path: "404.html") { templates.render(builder.notFound(), with: "404") })
        let searchPath = SiteLinks.searchPath + "index.html"
        jobs.append(RenderJob(path: searchPath) { templates.render(builder.search(outputPath: searchPath), with: "search") })

        parallelForEach(jobs) { job in
            emit(OutputFile(path: job.path, text: job.render()))
            progress?.advance()
        }
        // Feeds: the latest articles of the site and of each tag, their content with absolute
        // links computed once per article that some feed shows.
        let bodiesBySlug = feedBodies.withLock { $0 }
        let feedArticles = published.filter { feedSlugs.contains($0.slug) }.sorted { $0.slug < $1.slug }
        let contents = Dictionary(uniqueKeysWithValues: zip(feedArticles.map(\.slug), parallelMap(feedArticles) {
            AtomFeed.absoluteContent(bodiesBySlug[$0.slug] ?? "", of: $0, links: builder.links)
        }))
        emit(OutputFile(path: AtomFeed.path, text: AtomFeed(site: site, links: builder.links, contents: contents, path: AtomFeed.path,
                                                           title: site.config.title, pagePath: "", entries: published).xml()))
        emit(OutputFile(path: JSONFeed.path, text: JSONFeed(site: site, links: builder.links, contents: contents).json()))
        for (tag, entries) in zip(site.tags, tagEntries) {
            let path = SiteLinks.tagPath(tag) + AtomFeed.path
            let feed = AtomFeed(site: site, links: builder.links, contents: contents, path: path, title: "\(site.config.title) · \(tag.name)",
                                pagePath: SiteLinks.tagPath(tag), entries: entries)
            emit(OutputFile(path: path, text: feed.xml()))
        }
        let sitemapEntries = [(path: "", lastModified: site.publishedArticles.first.map { builder.dates.iso8601($0.article.date) })]
            + site.publishedArticles.map { (path: $0.path, lastModified: Optional(builder.dates.iso8601($0.article.date))) }
            + site.pages.map { (path: $0.path, lastModified: String?.none) }
            + site.tags.map { (path: SiteLinks.tagPath($0), lastModified: String?.none) }
            + site.years.map { (path: SiteLinks.yearPath($0.year), lastModified: String?.none) }
            + [(path: SiteLinks.archivesPath, lastModified: String?.none)]
        let sitemap = Sitemap(site: site, links: builder.links, entries: sitemapEntries)
        emit(OutputFile(path: "sitemap.xml", text: sitemap.xml()))
        emit(OutputFile(path: "robots.txt", text: sitemap.robots()))
        for entry in site.articles {
            for aliasFile in entry.aliasFiles {
                let redirect = RedirectPage(relativeURL: builder.links.relativeRoot(from: aliasFile) + entry.path,
                                            canonicalURL: builder.links.absolute(entry.path), title: FrenchTypography.apply(to: entry.article.title))
                emit(OutputFile(path: aliasFile, text: redirect.html))
            }
        }
        for chart in site.embeddedCharts {
            emit(OutputFile(path: FigureRenderer.csvPath(chart), text: ChartData(chart.spec).csv))
        }
        for image in site.allImages {
            if let data = FileManager.default.contents(atPath: image.source) { emit(OutputFile(path: image.path, contents: data)) }
        }
        for (path, data) in templates.assets {
            emit(OutputFile(path: path, contents: data))
        }
    }
}

/// One page to render: where it goes and how to make its text.
private struct RenderJob: Sendable {
    let path: String
    let render: @Sendable () -> String
}
