import Foundation

/// A tag as shown (`cybersécurité`) and as addressed (`cybersecurite`).
struct Tag: Sendable, Hashable {
    public var name: String
    public var slug: String
}

/// An article ready to render: its final slug, output folder and tags.
struct PublishedArticle: Sendable {
    public var article: Article
    public var slug: String
    /// The folder of the page below the site root, e.g. `articles/2024/slug/`.
    public var path: String
    /// The year of publication in the site's time zone (the date archive it belongs to).
    public var year: Int
    public var tags: [Tag]
    /// Charts and boards placed in the body, in order.
    public var embeds: [PlacedEmbed] = []
    /// The section it names (`section:`), one of site.yml's.
    public var section: Section?
    /// Its byline, each name linked to its author's page when the site has author files.
    public var bylines: [Byline] = []
    /// The article it is a right of reply to (`reply_to:`), when it is one.
    public var replyTo: ReplyTarget?
    /// The slugs of the rights of reply to it, oldest first.
    public var replies: [String] = []
    /// Output files of the article's former addresses (`aliases:`), each a redirect to it.
    public var aliasFiles: [String] = []
    /// The images of the body, by the address written in it.
    public var images: [String: PlacedImage] = [:]
    /// The body's first image, or the front matter's `image:`: the picture of link previews (Open Graph, JSON-LD).
    public var leadImage: PlacedImage?
    /// Minutes to read the body (``ReadingTime``).
    public var readingMinutes = 1
    /// The article's words, for the search index.
    public var search: SearchDocument? = nil
}

extension PublishedArticle {
    /// The point the crops of ``leadImage`` keep: the front matter's `image_focus:`, else the one
    /// written at the end of the picture's caption; nil: the centre.
    var sharingFocus: ImageFocus? { article.imageFocus ?? leadImage?.focus }

    /// An article at `path` with what validating its body found.
    init(_ article: Article, slug: String, path: String, year: Int, tags: [Tag], section: Section?, bylines: [Byline], validation: ArticleValidation) {
        self.init(article: article, slug: slug, path: path, year: year, tags: tags, embeds: validation.embeds, section: section, bylines: bylines,
                  images: validation.images, leadImage: validation.leadImage, readingMinutes: validation.readingMinutes,
                  search: validation.search)
    }
}

/// What validating an article's body (and its `image:`) finds, at a given slug and path: all that
/// rendering needs of it but the parsed tree. It depends only on the article's file and on the
/// inputs every article shares (``ArticleCache``), so a build can take it from the previous one.
struct ArticleValidation: Sendable, Equatable {
    public var slug: String
    public var path: String
    public var embeds: [PlacedEmbed]
    public var images: [String: PlacedImage]
    public var leadImage: PlacedImage?
    /// The problems found (warnings: a build with an error keeps no cache).
    public var problems: [Diagnostic]
    /// Minutes to read the body (``ReadingTime``).
    public var readingMinutes: Int
    /// The article's words, for the search index.
    public var search: SearchDocument
}

/// What a right of reply answers: an article of the site (by slug), or one withdrawn since, which
/// the reply names by its dates (a reply stays online as long as its article, and after it).
enum ReplyTarget: Sendable, Hashable {
    case article(slug: String)
    case retired(RetiredArticle)
}

/// An article taken off the site: its former page's folder and when it was withdrawn.
struct RetiredArticle: Sendable, Hashable {
    public var path: String
    public var date: Date
    public var file: String
    /// When it had been published.
    public var published: Date
    /// Its former addresses (`aliases:`), and their output files once checked: each leads to the
    /// page that says it was withdrawn.
    public var aliases: [Alias] = []
    public var aliasFiles: [String] = []
}

/// An author ready to render: their file, and their portrait checked and measured.
struct PublishedAuthor: Sendable {
    public var author: Author
    public var photo: PlacedImage?
}

/// A static page ready to render.
struct PublishedPage: Sendable {
    public var page: StaticPage
    public var slug: String
    /// The folder of the page below the site root, e.g. `a-propos/`.
    public var path: String
    /// The body, parsed by validation and kept for rendering (pages are few; articles keep no tree).
    public var body: MarkdownBody
    /// Charts and boards placed in the body, in order.
    public var embeds: [PlacedEmbed] = []
    /// The images of the body, by the address written in it.
    public var images: [String: PlacedImage] = [:]
}

/// The validated site: everything the renderer needs, sorted, with unique addresses.
struct Site: Sendable {
    public var config: SiteConfig
    /// Newest first; equal dates by slug.
    public var articles: [PublishedArticle]
    public var pages: [PublishedPage]
    /// Every tag used, sorted by slug.
    public var tags: [Tag]
    /// The sections of site.yml, in its order.
    public var sections: [Section] { config.sections }

    /// The authors of `Content/authors/`, by file name.
    public var authors: [PublishedAuthor] = []

    /// The articles taken off the site (`unpublished:`): each address answers « Article retiré ».
    public var retired: [RetiredArticle] = []

    /// The build time: articles dated after it are « Programmé » (shown only with `--future`).
    public var buildTime = Date.distantFuture

    /// Whether `entry` is dated after the build time (published by a later build).
    public func isScheduled(_ entry: PublishedArticle) -> Bool { entry.article.date > buildTime }

    /// Whether `entry` is neither a draft nor scheduled: drafts and scheduled articles are shown
    /// with `--drafts` or `--future`, but never enter feeds or the sitemap.
    public func isPublished(_ entry: PublishedArticle) -> Bool { !entry.article.draft && !isScheduled(entry) }

    /// Every chart drawn somewhere in the site, once each, by id.
    public var embeddedCharts: [ResolvedChart] {
        var seen: Set<String> = []
        return (articles.flatMap(\.embeds) + pages.flatMap(\.embeds)).flatMap(\.embed.charts).filter { seen.insert($0.id).inserted }
    }

    /// Every image the site shows, once each.
    public var allImages: [PlacedImage] {
        Array(Set(articles.flatMap(\.images.values) + articles.compactMap(\.leadImage) + pages.flatMap(\.images.values) + authors.compactMap(\.photo)))
            .sorted { $0.path < $1.path }
    }

    /// The years that have articles, newest first, each with its articles (newest first): runs of
    /// `articles`, which is sorted newest first, so no article is copied.
    public var years: [(year: Int, articles: ArraySlice<PublishedArticle>)] {
        var years: [(year: Int, articles: ArraySlice<PublishedArticle>)] = []
        var start = articles.startIndex
        while start < articles.endIndex {
            let year = articles[start].year
            let end = articles[start...].firstIndex { $0.year != year } ?? articles.endIndex
            years.append((year, articles[start..<end]))
            start = end
        }
        return years
    }

    /// Each author's articles (by the author's file name), as indices in ``articles``, newest first.
    public var articleIndicesByAuthor: [String: [Int]] {
        var byAuthor: [String: [Int]] = [:]
        for (index, entry) in articles.enumerated() {
            for slug in Set(entry.bylines.compactMap(\.slug)) { byAuthor[slug, default: []].append(index) }
        }
        return byAuthor
    }

    /// The articles carrying `tag`, newest first.
    public func articles(taggedWith tag: Tag) -> [PublishedArticle] {
        articles.filter { $0.tags.contains(tag) }
    }
}
