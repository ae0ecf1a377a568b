import Mustache

// The values each template receives, one typed model per page kind, already formatted (no logic
// left for templates). `PageContextBuilder` builds them; each model answers the template's names
// in its `child(named:)` (swift-mustache's `MustacheParent`), the one place where a Swift name
// becomes a template name. Templates keep their names; a name a model does not know is empty.

/// A link of the site's navigation.
struct NavigationLink: MustacheParent {
    var label: String
    var url: String
    var isCurrent: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "url": url
        case "current": isCurrent
        default: nil
        }
    }
}

/// A link with a title (a tag of an article, the previous or next article).
struct TitledLink: MustacheParent {
    var title: String
    var url: String

    func child(named name: String) -> Any? {
        switch name {
        case "title", "name": title
        case "url": url
        default: nil
        }
    }
}

/// What every page shares: site name, navigation, head metadata; `root` leads back to the site root.
struct PageFrame: MustacheParent {
    var language: String
    var siteTitle: String
    var pageTitle: String
    var openGraphTitle: String
    var siteName: String
    var canonicalURL: String
    var root: String
    var navigation: [NavigationLink]
    var openGraphType = "website"
    var siteDescription: String?
    var metaDescription: String?
    var publisher: String?

    func child(named name: String) -> Any? {
        switch name {
        case "lang": language
        case "siteTitle": siteTitle
        case "pageTitle": pageTitle
        case "ogTitle": openGraphTitle
        case "siteName": siteName
        case "canonicalURL": canonicalURL
        case "root": root
        case "cssURL": root + "assets/style.css"
        case "feedURL": root + AtomFeed.path
        case "jsonFeedURL": root + JSONFeed.path
        case "navigation": navigation
        case "ogType": openGraphType
        case "siteDescription": siteDescription
        case "metaDescription": metaDescription
        case "publisher": publisher
        default: nil
        }
    }
}

/// An article as listed on the home, tag and year pages (and under "À lire aussi").
struct ListedArticle: MustacheParent {
    var title: String
    var url: String
    var dateLine: String
    var isoDate: String
    var tags: [TitledLink]
    var summary: String?
    var isDraft: Bool
    var isScheduled: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "dateLine": dateLine
        case "isoDate": isoDate
        case "tags": tags
        case "hasTags": !tags.isEmpty
        case "summary": summary
        case "draft": isDraft
        case "scheduled": isScheduled
        default: nil
        }
    }
}

/// An entry of a table of contents.
struct ContentsEntry: MustacheParent {
    var id: String
    var text: String
    var isSubsection: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "text": text
        case "sub": isSubsection
        default: nil
        }
    }
}

/// The article of an article page: its listing, its body and its reading aids.
struct ArticleModel: MustacheParent {
    var listing: ListedArticle
    var bodyHTML: String
    var author: String?
    var sourceNote: String?
    var readingTime: String
    /// Empty below three headings.
    var contents: [ContentsEntry]
    var older: TitledLink?
    var newer: TitledLink?
    var related: [ListedArticle]
    var breadcrumbs: [NavigationLink]

    func child(named name: String) -> Any? {
        switch name {
        case "body": bodyHTML
        case "author": author
        case "sourceNote": sourceNote
        case "readingTime": readingTime
        case "toc": contents.isEmpty ? nil : contents
        case "hasToc": !contents.isEmpty
        case "older": older
        case "newer": newer
        case "related": related.isEmpty ? nil : related
        case "hasRelated": !related.isEmpty
        case "breadcrumbs": breadcrumbs
        default: listing.child(named: name)
        }
    }
}

/// A year of the archives or a tag of the tag index: its link and how many articles it has.
struct CountedLink {
    var label: String
    var url: String
    var countLabel: String
}

/// The template context of one page: its frame and the names of its kind.
struct PageModel: MustacheParent {
    var frame: PageFrame
    /// The names of this kind of page (`articles`, `article`, `tag`…).
    var fields: Fields

    /// What each kind of page adds to the frame.
    enum Fields {
        case home(articles: [ListedArticle], number: Int, count: Int, newerURL: String?, olderURL: String?)
        case article(ArticleModel, isHidden: Bool, openGraphImage: String?, publishedTime: String, breadcrumbJSONLD: String, jsonLD: String)
        case page(title: String, bodyHTML: String)
        case tag(name: String, countLabel: String, count: Int, articles: [ListedArticle], feedURL: String, feedTitle: String)
        case year(year: String, countLabel: String, articles: [ListedArticle])
        case archives(years: [CountedLink])
        case tagIndex(tags: [CountedLink])
        case search(pagefindURL: String, archivesURL: String)
        case notFound
    }

    func child(named name: String) -> Any? {
        (fieldValue(name) ?? nil) ?? frame.child(named: name)
    }

    /// The value of `name` in this kind's fields: nil when the kind has no such name.
    private func fieldValue(_ name: String) -> Any?? {
        switch (fields, name) {
        case (.home(let articles, _, _, _, _), "articles"): articles
        case (.home(_, let number, _, _, _), "pageNumber"): number
        case (.home(_, _, let count, _, _), "pageCount"): count
        case (.home(_, _, let count, _, _), "isPaginated"): count > 1
        case (.home(_, _, _, let newerURL, _), "newerURL"): .some(newerURL)
        case (.home(_, _, _, _, let olderURL), "olderURL"): .some(olderURL)
        case (.article(let article, _, _, _, _, _), "article"): article
        case (.article(_, _, _, _, _, _), "ogType"): "article"
        case (.article(_, let isHidden, _, _, _, _), "noindex"): isHidden
        case (.article(_, _, let image, _, _, _), "ogImage"): .some(image)
        case (.article(_, _, _, let time, _, _), "publishedTime"): time
        case (.article(_, _, _, _, let json, _), "breadcrumbJSONLD"): json
        case (.article(_, _, _, _, _, let json), "jsonLD"): json
        case (.page(let title, let body), "page"): ["title": title, "body": body]
        case (.tag(let name, let countLabel, let count, _, _, _), "tag"): ["name": name, "count": count, "countLabel": countLabel] as [String: Any]
        case (.tag(_, _, _, let articles, _, _), "articles"): articles
        case (.tag(_, _, _, _, let url, _), "tagFeedURL"): url
        case (.tag(_, _, _, _, _, let title), "tagFeedTitle"): title
        case (.year(let year, let countLabel, _), "year"): ["year": year, "countLabel": countLabel]
        case (.year(_, _, let articles), "articles"): articles
        case (.archives(let years), "years"): years.map { ["year": $0.label, "url": $0.url, "countLabel": $0.countLabel] }
        case (.tagIndex(let tags), "tags"): tags.map { ["name": $0.label, "url": $0.url, "countLabel": $0.countLabel] }
        case (.search(let url, _), "pagefindURL"): url
        case (.search(_, let url), "archivesURL"): url
        default: nil
        }
    }
}
