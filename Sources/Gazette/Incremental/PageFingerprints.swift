import Foundation
import VipsImaging

/// The fingerprint of each page and feed of a site (``Fingerprint``): what the renderer compares
/// with the previous build's to keep a page without rendering it.
///
/// A page's fingerprint is made of the site's configuration, its template with every partial and
/// parent it reaches, its output path, its model (every value the template receives but the
/// rendered body: titles, links, neighbours, related articles, navigation, « Programmé »…) and, for
/// a page with a body, the article or page it comes from (``source(of:)``). A feed's is made of its
/// path, title and the sources of the articles it shows. The program itself is the cache's identity
/// (``BuildCache/currentProgram``), not part of each fingerprint.
struct PageFingerprints: Sendable {
    /// What every page shares (nil when site.yml has no hash: then no page has a fingerprint).
    private let shared: ContentHash?
    private let templates: [String: ContentHash]
    /// The hash of each article and static page; missing when an input file has no hash.
    private let sources: [BodySource: ContentHash]
    /// The hashes of the files read, by path as shown.
    private let inputs: [String: ContentHash]

    /// Fingerprints of `site`'s pages; `inputs` are the hashes of the files read, by path as shown.
    init(site: Site, templates: TemplateSet, inputs: [String: ContentHash]) {
        // Every setting comes from site.yml but the address, which --base-url may override.
        if let configHash = site.config.file.flatMap({ inputs[$0] }) {
            var shared = Fingerprint()
            shared.add(configHash)
            shared.add(site.config.baseURL)
            for id in templates.fixedIDs.sorted() { shared.add(id) }
            self.shared = shared.hash
        } else {
            shared = nil
        }
        self.templates = templates.fingerprints
        self.inputs = inputs
        let articles = parallelMap(site.articles) { entry in
            (BodySource.article(slug: entry.slug), Self.source(of: entry, inputs: inputs))
        }
        let pages = site.pages.map { entry in
            (BodySource.staticPage(slug: entry.slug), Self.source(file: entry.page.file, slug: entry.slug, path: entry.path, embeds: entry.embeds,
                                               images: entry.images, inputs: inputs))
        }
        var sources: [BodySource: ContentHash] = [:]
        for case let (key, hash?) in articles + pages { sources[key] = hash }
        self.sources = sources
    }

    /// The fingerprint of the page at `path` made with `template` from `outline` (its model without
    /// its body) and the article or page `bodySource`; nil when some part has none.
    func page(path: String, template: PageTemplate, outline: PageModel, bodySource: BodySource?) -> ContentHash? {
        guard let shared, let templateHash = templates[template.rawValue] else { return nil }
        var fingerprint = Fingerprint()
        fingerprint.add(shared)
        fingerprint.add(templateHash)
        fingerprint.add(path)
        fingerprint.add(outline)
        if let bodySource {
            guard let source = sources[bodySource] else { return nil }
            fingerprint.add(source)
        }
        return fingerprint.hash
    }

    /// The fingerprint of the social card at `path` of the article `slug`: what every page shares,
    /// the article's source, the card's template, the `fonts` it is drawn with and libvips'
    /// version; nil when some part has none.
    func socialCard(path: String, article slug: String, fonts: ContentHash?) -> ContentHash? {
        guard let shared, let template = templates[SocialCard.template], let fonts, let source = sources[.article(slug: slug)] else { return nil }
        var fingerprint = Fingerprint()
        fingerprint.add(shared)
        fingerprint.add(path)
        fingerprint.add(source)
        fingerprint.add(template)
        fingerprint.add(fonts)
        fingerprint.add(ImageCodec.version)
        return fingerprint.hash
    }

    /// The fingerprint of a file made from one chart alone (its CSV, its standalone SVG) at `path`.
    func chartFile(path: String, chart: ResolvedChart) -> ContentHash? {
        guard let shared else { return nil }
        var fingerprint = Fingerprint()
        fingerprint.add(shared)
        fingerprint.add(path)
        guard Self.add(chart, to: &fingerprint, inputs: inputs) else { return nil }
        return fingerprint.hash
    }

    /// The fingerprint of the feed at `path` showing `entries`.
    func feed(path: String, title: String, pagePath: String, entries: [PublishedArticle]) -> ContentHash? {
        guard let shared else { return nil }
        var fingerprint = Fingerprint()
        fingerprint.add(shared)
        fingerprint.add(path)
        fingerprint.add(title)
        fingerprint.add(pagePath)
        for entry in entries {
            guard let source = sources[.article(slug: entry.slug)] else { return nil }
            fingerprint.add(source)
        }
        return fingerprint.hash
    }

    /// What a published article is made from: its file (front matter and body: every field of
    /// ``Article`` and the Markdown tree), and what validation added from elsewhere: its address,
    /// its tags as the site names them (merged across articles), its charts with the files they are
    /// made from, its images with their sizes, its redirects. ``PublishedArticle`` lists its fields
    /// here; a test fails when a field is added without being added here.
    static func source(of entry: PublishedArticle, inputs: [String: ContentHash]) -> ContentHash? {
        guard var fingerprint = sourceFingerprint(file: entry.article.file, slug: entry.slug, path: entry.path, embeds: entry.embeds,
                                                  images: entry.images, inputs: inputs) else { return nil }
        fingerprint.add(entry.year)
        for tag in entry.tags {
            fingerprint.add(tag.name)
            fingerprint.add(tag.slug)
        }
        fingerprint.add(entry.section.map { [$0.name, $0.slug, $0.description ?? ""] } ?? [])
        for byline in entry.bylines { fingerprint.add([byline.name, byline.slug ?? ""]) }
        switch entry.replyTo {
        case .article(let slug)?: fingerprint.add("reply to " + slug)
        case .retired(let retired)?: fingerprint.add("reply to \(retired.path) \(retired.published.timeIntervalSince1970) \(retired.date.timeIntervalSince1970)")
        case nil: fingerprint.add("no reply")
        }
        fingerprint.add(entry.replies)
        for alias in entry.aliasFiles { fingerprint.add(alias) }
        fingerprint.add(entry.leadImage.map(Self.describe) ?? "no lead image")
        fingerprint.add(entry.readingMinutes) // counted from the file, which is in already
        // `entry.search` is read from the file and the tag names, in already; no page shows it.
        return fingerprint.hash
    }

    /// What a static page is made from (see ``source(of:inputs:)``).
    private static func source(file: String, slug: String, path: String, embeds: [PlacedEmbed], images: [String: PlacedImage],
                               inputs: [String: ContentHash]) -> ContentHash? {
        sourceFingerprint(file: file, slug: slug, path: path, embeds: embeds, images: images, inputs: inputs)?.hash
    }

    private static func sourceFingerprint(file: String, slug: String, path: String, embeds: [PlacedEmbed], images: [String: PlacedImage],
                                          inputs: [String: ContentHash]) -> Fingerprint? {
        guard let fileHash = inputs[file] else { return nil }
        var fingerprint = Fingerprint()
        fingerprint.add(fileHash)
        fingerprint.add(slug)
        fingerprint.add(path)
        for placed in embeds {
            fingerprint.add("\(placed.range.startLine):\(placed.range.startColumn)-\(placed.range.endLine):\(placed.range.endColumn)")
            switch placed.embed {
            case .chart(let chart):
                guard add(chart, to: &fingerprint, inputs: inputs) else { return nil }
            case .board(let board):
                fingerprint.add("board " + board.id)
                fingerprint.add(board.title)
                for chart in board.charts {
                    guard add(chart, to: &fingerprint, inputs: inputs) else { return nil }
                }
            }
        }
        for (address, image) in images.sorted(by: { $0.key < $1.key }) {
            fingerprint.add(address)
            fingerprint.add(describe(image))
        }
        return fingerprint
    }

    /// A chart by its id, where it is declared, and the files it is made from.
    private static func add(_ chart: ResolvedChart, to fingerprint: inout Fingerprint, inputs: [String: ContentHash]) -> Bool {
        fingerprint.add("chart " + chart.id)
        fingerprint.add(chart.declaration.description)
        for file in chart.sources {
            guard let hash = inputs[file] else { return false }
            fingerprint.add(hash)
        }
        return true
    }

    private static func describe(_ image: PlacedImage) -> String {
        "\(image.path) \(image.source) \(image.width)×\(image.height) \(image.alt) \(image.focus.map { "\($0.x),\($0.y)" } ?? "")"
    }
}
