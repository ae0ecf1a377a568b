import Foundation
import Markdown

/// Renders a validated ``Site`` with its templates into the files of the output folder.
public struct SiteRenderer: Sendable {
    public let site: Site
    public let templates: TemplateSet

    /// Creates a renderer.
    public init(site: Site, templates: TemplateSet) {
        self.site = site
        self.templates = templates
    }

    /// What ``render(progress:)`` counts: each body rendered and each page made from a template.
    public var progressSteps: Int {
        let listings = max(1, (site.articles.count + site.config.itemsPerPage - 1) / site.config.itemsPerPage)
        let bodies = site.articles.count + site.pages.count
        return bodies + listings + site.articles.count + site.pages.count + site.tags.count + site.years.count + 4
    }

    /// Every file of the site. Markdown and pages are rendered in parallel; the result is sorted by path.
    /// `progress` is advanced once per body and once per page made from a template.
    public func render(progress: BuildProgress? = nil) -> [OutputFile] {
        let bodyRenderer = ArticleBodyRenderer(reservedIDs: templates.fixedIDs)
        let builder = PageContextBuilder(site: site)
        let articleBodies = parallelMap(site.articles) {
            defer { progress?.advance() }
            return bodyRenderer.render($0.body, embeds: $0.embeds, images: $0.images, root: builder.links.relativeRoot(from: $0.path + "index.html"))
        }
        let pageBodies = parallelMap(site.pages) {
            defer { progress?.advance() }
            return bodyRenderer.render($0.body, embeds: $0.embeds, images: $0.images, root: builder.links.relativeRoot(from: $0.path + "index.html"))
        }

        var jobs: [RenderJob] = []
        let perPage = site.config.itemsPerPage
        let pageCount = max(1, (site.articles.count + perPage - 1) / perPage)
        for number in 1...pageCount {
            let path = SiteLinks.homePagePath(number) + "index.html"
            let slice = site.articles.dropFirst((number - 1) * perPage).prefix(perPage)
            jobs.append(RenderJob(path: path) { templates.render(builder.home(number: number, pageCount: pageCount, entries: slice, outputPath: path), with: "home") })
        }
        for (entry, body) in zip(site.articles, articleBodies) {
            let path = entry.path + "index.html"
            jobs.append(RenderJob(path: path) { templates.render(builder.article(entry, body: body, outputPath: path), with: "article") })
        }
        for (entry, body) in zip(site.pages, pageBodies) {
            let path = entry.path + "index.html"
            jobs.append(RenderJob(path: path) { templates.render(builder.page(entry, bodyHTML: body.html, outputPath: path), with: "page") })
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

        var files = parallelMap(jobs) { job in
            defer { progress?.advance() }
            return OutputFile(path: job.path, text: job.render())
        }
        // Feeds: the latest articles of the site and of each tag, their content with absolute
        // links computed once per article that some feed shows.
        let published = site.publishedArticles
        let tagEntries = site.tags.map { tag in published.filter { $0.tags.contains(tag) } }
        var inFeeds: [String: PublishedArticle] = [:]
        for entry in published.prefix(AtomFeed.entryLimit) + tagEntries.flatMap({ $0.prefix(AtomFeed.entryLimit) }) { inFeeds[entry.slug] = entry }
        let bodiesBySlug = Dictionary(uniqueKeysWithValues: zip(site.articles.map(\.slug), articleBodies.map(\.html)))
        let feedArticles = inFeeds.values.sorted { $0.slug < $1.slug }
        let contents = Dictionary(uniqueKeysWithValues: zip(feedArticles.map(\.slug), parallelMap(feedArticles) {
            AtomFeed.absoluteContent(bodiesBySlug[$0.slug] ?? "", of: $0, links: builder.links)
        }))
        files.append(OutputFile(path: AtomFeed.path, text: AtomFeed(site: site, links: builder.links, contents: contents, path: AtomFeed.path,
                                                                    title: site.config.title, pagePath: "", entries: published).xml()))
        files.append(OutputFile(path: JSONFeed.path, text: JSONFeed(site: site, links: builder.links, contents: contents).json()))
        for (tag, entries) in zip(site.tags, tagEntries) {
            let path = SiteLinks.tagPath(tag) + AtomFeed.path
            let feed = AtomFeed(site: site, links: builder.links, contents: contents, path: path, title: "\(site.config.title) · \(tag.name)",
                                pagePath: SiteLinks.tagPath(tag), entries: entries)
            files.append(OutputFile(path: path, text: feed.xml()))
        }
        let sitemapEntries = [(path: "", lastModified: site.publishedArticles.first.map { builder.dates.iso8601($0.article.date) })]
            + site.publishedArticles.map { (path: $0.path, lastModified: Optional(builder.dates.iso8601($0.article.date))) }
            + site.pages.map { (path: $0.path, lastModified: String?.none) }
            + site.tags.map { (path: SiteLinks.tagPath($0), lastModified: String?.none) }
            + site.years.map { (path: SiteLinks.yearPath($0.year), lastModified: String?.none) }
            + [(path: SiteLinks.archivesPath, lastModified: String?.none)]
        let sitemap = Sitemap(site: site, links: builder.links, entries: sitemapEntries)
        files.append(OutputFile(path: "sitemap.xml", text: sitemap.xml()))
        files.append(OutputFile(path: "robots.txt", text: sitemap.robots()))
        for entry in site.articles {
            for aliasFile in entry.aliasFiles {
                let redirect = RedirectPage(relativeURL: builder.links.relativeRoot(from: aliasFile) + entry.path,
                                            canonicalURL: builder.links.absolute(entry.path), title: FrenchTypography.apply(to: entry.article.title))
                files.append(OutputFile(path: aliasFile, text: redirect.html))
            }
        }
        for chart in site.embeddedCharts {
            files.append(OutputFile(path: FigureRenderer.csvPath(chart), text: ChartData(chart.spec).csv))
        }
        for image in site.allImages {
            if let data = FileManager.default.contents(atPath: image.source) { files.append(OutputFile(path: image.path, contents: data)) }
        }
        for (path, data) in templates.assets {
            files.append(OutputFile(path: path, contents: data))
        }
        return files.sorted { $0.path < $1.path }
    }
}

/// One page to render: where it goes and how to make its text.
private struct RenderJob: Sendable {
    let path: String
    let render: @Sendable () -> String
}
