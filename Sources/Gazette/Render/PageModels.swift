import Mustache

// The values each template receives, one typed model per page kind, already formatted (no logic
// left for templates). `Codable` only so that a test can change each field in turn and require
// the page's fingerprint to change (`PageModelFingerprintTests`); pages are never encoded. `PageContextBuilder` builds them; each model's `templateNames` table (or,
// for `PageModel`, its `child(named:)`) is the one place where a Swift name becomes a template
// name. Templates keep their names; a name a model does not know is empty.

/// A model's template names, each with how to read it from the model. A list, not a dictionary:
/// comparing a few short names costs less than hashing one (measured with callgrind).
typealias TemplateNames<Model> = KeyValuePairs<String, @Sendable (Model) -> Any?>

/// A model that answers swift-mustache's lookups (`MustacheParent`) from its table of names.
protocol TemplateModel: MustacheParent {
    static var templateNames: TemplateNames<Self> { get }
}

extension TemplateModel {
    /// The value of `name` in `model`; nil when the model has no such name, `.some(nil)` when it has
    /// it but it is empty.
    static func value(named name: String, of model: Self) -> Any?? {
        templateNames.first { $0.key == name }.map { $0.value(model) }
    }

    func child(named name: String) -> Any? {
        Self.value(named: name, of: self) ?? nil
    }
}

/// A link of the site's navigation.
struct NavigationLink: TemplateModel, Codable {
    var label, url: String
    var isCurrent: Bool

    static let templateNames: TemplateNames<Self> = ["label": { $0.label }, "url": { $0.url }, "current": { $0.isCurrent }]
}

/// A link with a title (a tag of an article, the previous or next article).
struct TitledLink: TemplateModel, Codable {
    var title, url: String

    static let templateNames: TemplateNames<Self> = ["title": { $0.title }, "name": { $0.title }, "url": { $0.url }]
}

/// What every page shares: site name, navigation, head metadata; `root` leads back to the site root.
struct PageFrame: TemplateModel, Codable {
    var language, siteTitle, pageTitle, openGraphTitle, siteName, canonicalURL, root: String
    var navigation: [NavigationLink]
    var openGraphType = "website"
    var siteDescription, metaDescription, publisher: String?
    /// The « Mentions légales » page, when the site has one.
    var legalNoticeURL: String?
    /// The list of authors, when the site has author files.
    var authorsURL: String?

    static let templateNames: TemplateNames<Self> = [
        "lang": { $0.language }, "siteTitle": { $0.siteTitle }, "pageTitle": { $0.pageTitle }, "ogTitle": { $0.openGraphTitle },
        "siteName": { $0.siteName }, "canonicalURL": { $0.canonicalURL }, "root": { $0.root },
        "cssURL": { $0.root + SiteLinks.stylesheet }, "iconURL": { $0.root + SiteLinks.icon }, "feedURL": { $0.root + SiteLinks.atomFeed(in: "") }, "jsonFeedURL": { $0.root + SiteLinks.jsonFeed },
        "correctionsURL": { $0.root + SiteLinks.correctionsPath },
        "navigation": { $0.navigation }, "ogType": { $0.openGraphType },
        "siteDescription": { $0.siteDescription }, "metaDescription": { $0.metaDescription }, "publisher": { $0.publisher },
        "legalNoticeURL": { $0.legalNoticeURL }, "authorsURL": { $0.authorsURL },
    ]
}

/// An article as listed on the home, tag and year pages (and under "À lire aussi").
struct ListedArticle: TemplateModel, Codable {
    var title, url, dateLine, isoDate: String
    var tags: [TitledLink]
    var summary: String?
    var isDraft, isScheduled: Bool

    static let templateNames: TemplateNames<Self> = [
        "title": { $0.title }, "url": { $0.url }, "dateLine": { $0.dateLine }, "isoDate": { $0.isoDate },
        "tags": { $0.tags }, "hasTags": { !$0.tags.isEmpty }, "summary": { $0.summary },
        "draft": { $0.isDraft }, "scheduled": { $0.isScheduled },
    ]
}

/// An entry of a table of contents.
struct ContentsEntry: TemplateModel, Codable {
    var id, text: String
    var isSubsection: Bool

    static let templateNames: TemplateNames<Self> = ["id": { $0.id }, "text": { $0.text }, "sub": { $0.isSubsection }]
}

/// The article of an article page: its listing, its body and its reading aids; the names it does
/// not have are its listing's.
struct ArticleModel: TemplateModel, Codable {
    var listing: ListedArticle
    var bodyHTML: String
    /// Its authors, each linked to their page when the site has author files.
    var bylines: [BylineLink]
    var sourceNote: String?
    var readingTime: String
    /// Empty below three headings.
    var contents: [ContentsEntry]
    var older, newer: TitledLink?
    var related: [ListedArticle]
    var breadcrumbs: [NavigationLink]
    /// Corrections and replies (above the text) and updates (below it), newest first.
    var notices, updates: [CorrectionNotice]
    /// `Mis à jour le …` and its date, when the article changed after it was published.
    var modifiedLine, modifiedISODate: String?

    static let templateNames: TemplateNames<Self> = [
        "body": { $0.bodyHTML }, "bylines": { $0.bylines.isEmpty ? nil : $0.bylines }, "sourceNote": { $0.sourceNote }, "readingTime": { $0.readingTime },
        "notices": { $0.notices.isEmpty ? nil : $0.notices }, "updates": { $0.updates.isEmpty ? nil : $0.updates },
        "modifiedLine": { $0.modifiedLine }, "modifiedISODate": { $0.modifiedISODate },
        "toc": { $0.contents.isEmpty ? nil : $0.contents }, "hasToc": { !$0.contents.isEmpty },
        "older": { $0.older }, "newer": { $0.newer },
        "related": { $0.related.isEmpty ? nil : $0.related }, "hasRelated": { !$0.related.isEmpty },
        "breadcrumbs": { $0.breadcrumbs },
    ]

    func child(named name: String) -> Any? {
        Self.value(named: name, of: self) ?? listing.child(named: name)
    }
}

/// A name of a byline: `Par Marie Dupont, Jean Martin et Léa Petit`, each name a link to its
/// author's page when there is one (`authorURL`: a missing `url` would be looked up in the article).
struct BylineLink: TemplateModel, Codable {
    var name: String
    var url: String?
    /// What comes before the name: `, `, ` et ` or nothing for the first.
    var joiner: String

    static let templateNames: TemplateNames<Self> = ["name": { $0.name }, "authorURL": { $0.url }, "joiner": { $0.joiner }, "first": { $0.joiner.isEmpty }]
}

/// An author as their page and the list of authors show them (``Author``).
struct AuthorModel: TemplateModel, Codable {
    var name, url: String
    var role: String?
    /// The biography, from Markdown; empty on the list of authors.
    var bioHTML: String
    /// The portrait as a `<picture>`, when there is one.
    var pictureHTML: String?
    /// Their pages elsewhere, each named by its site (`mastodon.social`).
    var links: [TitledLink]
    var countLabel: String

    /// What stands for a missing portrait: the first letters of the name (`CM`).
    var initials: String {
        String(name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{A0}" }).prefix(3).compactMap(\.first)).uppercased()
    }

    static let templateNames: TemplateNames<Self> = [
        "name": { $0.name }, "url": { $0.url }, "role": { $0.role }, "bio": { $0.bioHTML.isEmpty ? nil : $0.bioHTML }, "picture": { $0.pictureHTML },
        "initials": { $0.initials }, "links": { $0.links }, "hasLinks": { !$0.links.isEmpty }, "countLabel": { $0.countLabel },
    ]
}

/// An update, a correction or a reply as the article page shows it (``Correction``).
struct CorrectionNotice: TemplateModel, Codable {
    /// `Rectificatif, le jeudi 3 décembre 2026 à 10h05`.
    var heading: String
    var isoDate: String
    /// Its text, from Markdown.
    var html: String
    /// `rectificatif`, `droit-de-reponse` or `mise-a-jour`, for the stylesheet.
    var kind: String

    static let templateNames: TemplateNames<Self> = ["heading": { $0.heading }, "isoDate": { $0.isoDate }, "html": { $0.html }, "kind": { $0.kind }]
}

/// What the « Mentions légales » page says (``LegalNotice``), in French typography.
struct LegalNoticeModel: TemplateModel, Codable {
    var publisher, address, phone, email, registration, director, hostName, hostAddress, hostPhone: String?

    static let templateNames: TemplateNames<Self> = [
        "publisher": { $0.publisher }, "address": { $0.address }, "phone": { $0.phone }, "email": { $0.email },
        "registration": { $0.registration }, "director": { $0.director }, "hostName": { $0.hostName },
        "hostAddress": { $0.hostAddress }, "hostPhone": { $0.hostPhone },
    ]
}

/// A correction on the corrections page, with the article it corrects.
struct CorrectedArticle: TemplateModel, Codable {
    var notice: CorrectionNotice
    var article: TitledLink

    static let templateNames: TemplateNames<Self> = ["notice": { $0.notice }, "article": { $0.article }]
}

/// The links between the pages of a list (`partials/pagination`): the newer and older pages
/// (`rel="prev"`, `rel="next"`), and numbered links to the first and last pages and to the two
/// on each side of this one, a gap (`…`) between them and the others.
struct Pagination: TemplateModel, Codable {
    var number, count: Int
    var newerURL, olderURL: String?
    var pages: [PageNumber]

    /// A numbered link, this page (not a link), or a gap.
    struct PageNumber: TemplateModel, Codable {
        var number: Int?
        var url: String?
        var isCurrent: Bool

        static let templateNames: TemplateNames<Self> = [
            "number": { $0.number }, "url": { $0.url }, "current": { $0.isCurrent }, "gap": { $0.number == nil },
        ]
    }

    static let templateNames: TemplateNames<Self> = [
        "number": { $0.number }, "count": { $0.count }, "newerURL": { $0.newerURL }, "olderURL": { $0.olderURL }, "pages": { $0.pages },
    ]
}

/// An article shown with its picture (the front page's lead story, the latest of a section).
struct PicturedArticle: TemplateModel, Codable {
    var listing: ListedArticle
    /// Its lead picture as a `<picture>` in the sizes it is shown at; nil when it has none.
    var pictureHTML: String?

    static let templateNames: TemplateNames<Self> = ["picture": { $0.pictureHTML }]

    func child(named name: String) -> Any? {
        Self.value(named: name, of: self) ?? listing.child(named: name)
    }
}

/// A section's latest articles on the front page.
struct SectionBlock: TemplateModel, Codable {
    var name, url, slug: String
    var articles: [PicturedArticle]

    static let templateNames: TemplateNames<Self> = ["name": { $0.name }, "url": { $0.url }, "slug": { $0.slug }, "articles": { $0.articles }]
}

/// A year of the archives or a tag of the tag index: its link and how many articles it has.
struct CountedLink: Codable {
    var label, url, countLabel: String
}

/// A choice of the search page's filters (a tag, a year): the value sent and what is shown.
struct FilterOption: Codable {
    var value, label: String
}

/// The picture link previews show of an article (`og:image`, `twitter:image`).
struct SharingImage: TemplateModel, Codable {
    var url: String
    var width, height: Int
    /// The alt text, when the body gives one.
    var alt: String?

    static let templateNames: TemplateNames<Self> = ["url": { $0.url }, "width": { $0.width }, "height": { $0.height }, "alt": { $0.alt }]
}

/// The template context of one page: its frame and the names of its kind.
struct PageModel: MustacheParent, Codable {
    var frame: PageFrame
    /// The names of this kind of page (`articles`, `article`, `tag`…).
    var fields: Fields

    /// What each kind of page adds to the frame.
    enum Fields: Codable {
        /// On the first page, the lead story and each section's latest articles.
        case home(articles: [ListedArticle], pagination: Pagination?, lead: PicturedArticle?, sections: [SectionBlock])
        case article(ArticleModel, isHidden: Bool, openGraphImage: SharingImage?, publishedTime: String, breadcrumbJSONLD: String, jsonLD: String)
        case page(title: String, bodyHTML: String)
        case tag(name: String, countLabel: String, count: Int, articles: [ListedArticle], feedURL: String, feedTitle: String, pagination: Pagination?)
        case year(year: String, countLabel: String, articles: [ListedArticle], pagination: Pagination?)
        case corrections(countLabel: String, entries: [CorrectedArticle], feedURL: String, pagination: Pagination?)
        case section(name: String, description: String?, countLabel: String, articles: [ListedArticle], feedURL: String, pagination: Pagination?)
        /// `jsonLD`: the author's `ProfilePage` (schema.org), on their first page.
        case author(AuthorModel, articles: [ListedArticle], feedURL: String, pagination: Pagination?, jsonLD: String?)
        case authorIndex(authors: [AuthorModel])
        case legalNotice(LegalNoticeModel)
        /// `Retiré le …`.
        case retired(dateLine: String)
        case archives(years: [CountedLink])
        case tagIndex(tags: [CountedLink])
        case search(indexURL: String, archivesURL: String, tags: [FilterOption], years: [FilterOption])
        case notFound
    }

    func child(named name: String) -> Any? {
        (fieldValue(name) ?? nil) ?? frame.child(named: name)
    }

    /// The value of `name` in this kind's fields: nil when the kind has no such name.
    private func fieldValue(_ name: String) -> Any?? {
        switch (fields, name) {
        case (.home(let articles, _, _, _), "articles"): articles
        case (.home(_, _, let lead, _), "lead"): .some(lead)
        case (.home(_, _, _, let sections), "sections"): sections.isEmpty ? .some(nil) : sections
        case (.home(_, let pagination, _, _), "pagination"), (.tag(_, _, _, _, _, _, let pagination), "pagination"),
             (.year(_, _, _, let pagination), "pagination"), (.corrections(_, _, _, let pagination), "pagination"),
             (.section(_, _, _, _, _, let pagination), "pagination"): .some(pagination)
        case (.section(let name, _, _, _, _, _), "sectionName"): name
        case (.section(_, let description, _, _, _, _), "sectionDescription"): .some(description)
        case (.section(_, _, let countLabel, _, _, _), "countLabel"): countLabel
        case (.section(_, _, _, let articles, _, _), "articles"): articles
        case (.section(_, _, _, _, let url, _), "sectionFeedURL"): url
        case (.author(let author, _, _, _, _), "author"): author
        case (.author(_, let articles, _, _, _), "articles"): articles
        case (.author(_, _, let url, _, _), "authorFeedURL"): url
        case (.author(_, _, _, let pagination, _), "pagination"): .some(pagination)
        case (.author(_, _, _, _, let json), "jsonLD"): .some(json)
        case (.authorIndex(let authors), "authors"): authors
        case (.corrections(let countLabel, _, _, _), "countLabel"): countLabel
        case (.corrections(_, let entries, _, _), "corrections"): entries
        case (.corrections(_, _, let url, _), "correctionsFeedURL"): url
        case (.legalNotice(let notice), "legal"): notice
        case (.retired(let dateLine), "retiredLine"): dateLine
        case (.retired, "noindex"): true
        case (.article(let article, _, _, _, _, _), "article"): article
        case (.article(_, _, _, _, _, _), "ogType"): "article"
        case (.article(_, let isHidden, _, _, _, _), "noindex"): isHidden
        case (.article(_, _, let image, _, _, _), "ogImage"): .some(image)
        case (.article(_, _, _, let time, _, _), "publishedTime"): time
        case (.article(_, _, _, _, let json, _), "breadcrumbJSONLD"): json
        case (.article(_, _, _, _, _, let json), "jsonLD"): json
        case (.page(let title, let body), "page"): ["title": title, "body": body]
        case (.tag(let name, let countLabel, let count, _, _, _, _), "tag"): ["name": name, "count": count, "countLabel": countLabel] as [String: Any]
        case (.tag(_, _, _, let articles, _, _, _), "articles"): articles
        case (.tag(_, _, _, _, let url, _, _), "tagFeedURL"): url
        case (.tag(_, _, _, _, _, let title, _), "tagFeedTitle"): title
        case (.year(let year, let countLabel, _, _), "year"): ["year": year, "countLabel": countLabel]
        case (.year(_, _, let articles, _), "articles"): articles
        case (.archives(let years), "years"): years.map { ["year": $0.label, "url": $0.url, "countLabel": $0.countLabel] }
        case (.tagIndex(let tags), "tags"): tags.map { ["name": $0.label, "url": $0.url, "countLabel": $0.countLabel] }
        case (.search(let url, _, _, _), "searchIndexURL"): url
        case (.search(_, let url, _, _), "archivesURL"): url
        case (.search(_, _, let tags, _), "tagOptions"): tags.map { ["value": $0.value, "label": $0.label] }
        case (.search(_, _, _, let years), "yearOptions"): years.map { ["value": $0.value, "label": $0.label] }
        default: nil
        }
    }
}
