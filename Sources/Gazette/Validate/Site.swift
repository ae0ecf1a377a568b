import Foundation

/// A tag as shown (`cybersécurité`) and as addressed (`cybersecurite`).
public struct Tag: Sendable, Hashable {
    public var name: String
    public var slug: String
}

/// An article ready to render: its final slug, output folder and tags.
public struct PublishedArticle: Sendable, Hashable {
    public var article: Article
    public var slug: String
    /// The folder of the page below the site root, e.g. `articles/2024/slug/`.
    public var path: String
    public var tags: [Tag]
}

/// A static page ready to render.
public struct PublishedPage: Sendable, Hashable {
    public var page: StaticPage
    public var slug: String
    /// The folder of the page below the site root, e.g. `a-propos/`.
    public var path: String
}

/// The validated site: everything the renderer needs, sorted, with unique addresses.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Newest first; equal dates by slug.
    public var articles: [PublishedArticle]
    public var pages: [PublishedPage]
    /// Every tag used, sorted by slug.
    public var tags: [Tag]

    /// The articles carrying `tag`, newest first.
    public func articles(taggedWith tag: Tag) -> [PublishedArticle] {
        articles.filter { $0.tags.contains(tag) }
    }
}
