import Foundation
import GazetteMarkdown
import HTMLSanitizer
/// Builds the typed model of each page (``PageModel``): plain, already-formatted values, no logic
/// left for templates.
struct PageContextBuilder: Sendable {
    let site: Site
    let links: SiteLinks
    let dates: FrenchDate
    /// What listings show of each article, formatted once (an article appears on several pages).
    private let listTexts: [String: ListTexts]
    private let aids: ReadingAids

    private struct ListTexts: Sendable {
        let title: String
        let summary: String?
        let dateLine: String
        let isoDate: String
    }

    init(site: Site) {
        self.site = site
        links = SiteLinks(baseURL: site.config.baseURL)
        let dates = FrenchDate(timeZone: site.config.timeZone, dayFormat: site.config.dayFormat)
        self.dates = dates
        var texts: [String: ListTexts] = [:]
        for entry in site.articles {
            texts[entry.slug] = ListTexts(title: FrenchTypography.apply(to: entry.article.title),
                                          summary: entry.article.summary.map { FrenchTypography.apply(to: $0) },
                                          dateLine: dates.publishedLine(entry.article.date),
                                          isoDate: dates.iso8601(entry.article.date))
        }
        listTexts = texts
        aids = ReadingAids(site: site)
    }

    /// What every page shares: site name, navigation, head metadata. `root` leads back to the site root.
    func frame(root: String, folder: String, title: String?, description: String?) -> PageFrame {
        let plainTitle = title.map { "\($0) — \(site.config.title)" } ?? site.config.title
        var navigation = [
            NavigationLink(label: "Accueil", url: root, isCurrent: folder.isEmpty),
        ] + site.sections.map { section in
            NavigationLink(label: typographic(section.name), url: root + SiteLinks.sectionPath(section), isCurrent: folder == SiteLinks.sectionPath(section))
        } + [
            NavigationLink(label: "Thèmes", url: root + SiteLinks.tagIndexPath, isCurrent: folder == SiteLinks.tagIndexPath),
            NavigationLink(label: "Archives", url: root + SiteLinks.archivesPath,
                           isCurrent: folder.hasPrefix(SiteLinks.archivesPath) && folder.split(separator: "/").count <= 2),
            NavigationLink(label: "Recherche", url: root + SiteLinks.searchPath, isCurrent: folder == SiteLinks.searchPath),
        ]
        for page in site.pages {
            navigation.append(NavigationLink(label: typographic(page.page.title), url: root + page.path, isCurrent: folder == page.path))
        }
        let publisher = site.config.publisher ?? site.config.author
        return PageFrame(language: site.config.language, siteTitle: typographic(site.config.title), pageTitle: typographic(plainTitle),
                         openGraphTitle: title ?? site.config.title, siteName: site.config.title, canonicalURL: links.absolute(folder),
                         root: root, navigation: navigation,
                         siteDescription: site.config.description.map(typographic),
                         metaDescription: description ?? site.config.description,
                         publisher: publisher.flatMap { $0 == site.config.title ? nil : typographic($0) },
                         legalNoticeURL: site.config.legal == nil ? nil : root + SiteLinks.legalNoticePath,
                         authorsURL: site.authors.isEmpty ? nil : root + SiteLinks.authorsFolder)
    }

    /// The page left at the address of a withdrawn article: it says so and when, not what it was.
    func retired(_ article: RetiredArticle, outputPath: String) -> PageModel {
        let root = links.relativeRoot(from: outputPath)
        return PageModel(frame: frame(root: root, folder: article.path, title: "Article retiré", description: nil),
                         fields: .retired(dateLine: "Cet article a été retiré du site le " + dates.long(article.date) + "."))
    }

    /// The « Mentions légales » page, from `legal:` in site.yml.
    func legalNotice(_ notice: LegalNotice, outputPath: String) -> PageModel {
        let root = links.relativeRoot(from: outputPath)
        let text = { (value: String?) in value.map(typographic) }
        return PageModel(frame: frame(root: root, folder: SiteLinks.legalNoticePath, title: "Mentions légales", description: nil), fields: .legalNotice(
            LegalNoticeModel(publisher: text(notice.publisher), address: text(notice.address), phone: notice.phone, email: notice.email,
                             registration: text(notice.registration), director: text(notice.director), hostName: text(notice.hostName),
                             hostAddress: text(notice.hostAddress), hostPhone: notice.hostPhone)))
    }

    /// An article as listed on the home and tag pages.
    func listItem(_ entry: PublishedArticle, root: String) -> ListedArticle {
        let texts = listTexts[entry.slug]
        return ListedArticle(title: texts?.title ?? entry.article.title, url: root + entry.path, dateLine: texts?.dateLine ?? "",
                             isoDate: texts?.isoDate ?? "", tags: tagLinks(entry.tags, root: root), summary: texts?.summary,
                             isDraft: entry.article.draft, isScheduled: site.isScheduled(entry))
    }

    func tagLinks(_ tags: [Tag], root: String) -> [TitledLink] {
        tags.map { TitledLink(title: $0.name, url: root + SiteLinks.tagPath($0)) }
    }

    /// A page of the home listing; the first leads with the lead story (the latest article marked
    /// `une: true`, else the latest) and each section's latest articles, and lists the others.
    func home(_ list: SiteMap.ListPage, outputPath: String) -> PageModel {
        let root = links.relativeRoot(from: outputPath)
        let frame = frame(root: root, folder: SiteLinks.listPage(list.number, of: ""), title: list.number == 1 ? nil : "Page \(list.number)", description: nil)
        guard list.number == 1, let lead = site.articles.firstIndex(where: \.article.isLead) ?? site.articles.indices.first else {
            return PageModel(frame: frame, fields: .home(articles: listItems(list, root: root), pagination: pagination(list, of: "", root: root),
                                                         lead: nil, sections: []))
        }
        let sections = site.sections.compactMap { section -> SectionBlock? in
            let latest = site.articles.indices.lazy.filter { $0 != lead && self.site.articles[$0].section == section }.prefix(Self.sectionBlockSize)
            guard !latest.isEmpty else { return nil }
            return SectionBlock(name: typographic(section.name), url: root + SiteLinks.sectionPath(section), slug: section.slug,
                                articles: latest.map { pictured(site.articles[$0], root: root, sizes: Self.thumbnailSizes, isFirst: false) })
        }
        return PageModel(frame: frame, fields: .home(
            articles: list.items.filter { $0 != lead }.map { listItem(site.articles[$0], root: root) }, pagination: pagination(list, of: "", root: root),
            lead: pictured(site.articles[lead], root: root, sizes: ArticleBodyRenderer.columnSizes, isFirst: true), sections: sections))
    }

    /// How many of a section's latest articles the front page shows.
    static let sectionBlockSize = 3
    /// What a section's article picture is wide on the front page: a third of the column, less its gaps.
    static let thumbnailSizes = "(max-width: 44.5rem) calc(33vw - 1.5rem), 13rem"

    /// `entry` with its lead picture at `sizes`.
    private func pictured(_ entry: PublishedArticle, root: String, sizes: String, isFirst: Bool) -> PicturedArticle {
        PicturedArticle(listing: listItem(entry, root: root), pictureHTML: entry.leadImage.map { image in
            ArticleBodyRenderer.picture(image, alt: image.alt, root: root, settings: site.config.images, isFirst: isFirst, sizes: sizes)
        })
    }

    /// The articles a list page shows.
    private func listItems(_ list: SiteMap.ListPage, root: String) -> [ListedArticle] {
        list.items.map { listItem(site.articles[$0], root: root) }
    }

    /// The links between the pages of the list whose first page is `folder`; nil when it has one page.
    private func pagination(_ list: SiteMap.ListPage, of folder: String, root: String) -> Pagination? {
        guard list.count > 1 else { return nil }
        let url = { (number: Int) in root + SiteLinks.listPage(number, of: folder) }
        var pages: [Pagination.PageNumber] = []
        for number in 1...list.count where number == 1 || number == list.count || abs(number - list.number) <= 2 {
            if let last = pages.last?.number, number > last + 1 { pages.append(Pagination.PageNumber(number: nil, url: nil, isCurrent: false)) }
            pages.append(Pagination.PageNumber(number: number, url: number == list.number ? nil : url(number), isCurrent: number == list.number))
        }
        return Pagination(number: list.number, count: list.count, newerURL: list.number > 1 ? url(list.number - 1) : nil,
                          olderURL: list.number < list.count ? url(list.number + 1) : nil, pages: pages)
    }

    /// An article page, with its reading aids: reading time, table of contents (three headings or
    /// more), breadcrumbs, previous and next articles, related articles.
    /// Its body and table of contents are empty until ``filling(_:with:)`` adds them, its JSON-LD
    /// until ``withStructuredData(_:of:)`` does.
    func article(_ entry: PublishedArticle, outputPath: String) -> PageModel {
        let article = entry.article
        let root = links.relativeRoot(from: outputPath)
        let frame = frame(root: root, folder: entry.path, title: article.title, description: article.summary)
        let (older, newer) = aids.neighbours(of: entry)
        let crumbs = breadcrumbs(of: entry)
        let model = ArticleModel(
            listing: listItem(entry, root: root), bodyHTML: "", bylines: bylineLinks(entry.bylines, root: root),
            sourceNote: article.sourceNote.map(typographic),
            readingTime: "Lecture\u{A0}: \(entry.readingMinutes)\u{A0}min",
            contents: [],
            older: older.map { pagerLink($0, root: root) }, newer: newer.map { pagerLink($0, root: root) },
            related: aids.related(to: entry).map { listItem($0, root: root) },
            breadcrumbs: crumbs.enumerated().map { index, crumb in
                NavigationLink(label: crumb.0, url: root + crumb.1, isCurrent: index == crumbs.count - 1)
            },
            notices: replyNotices(of: entry, root: root) + notices(of: article, shownFirst: true), updates: notices(of: article, shownFirst: false),
            modifiedLine: article.lastModified.map { "Mis à jour le " + dates.long($0) }, modifiedISODate: article.lastModified.map(dates.iso8601))
        return PageModel(frame: frame, fields: .article(
            model, isHidden: !site.isPublished(entry), openGraphImage: entry.leadImage.map { sharingImage($0, focus: entry.sharingFocus) } ?? socialCard(of: entry),
            publishedTime: listTexts[entry.slug]?.isoDate ?? dates.iso8601(article.date), breadcrumbJSONLD: "", jsonLD: ""))
    }

    /// A page of the list of every correction of the site (`entries`, newest first): what was
    /// corrected, when, in which article.
    func corrections(_ list: SiteMap.ListPage, of entries: [SiteMap.CorrectionEntry], outputPath: String) -> PageModel {
        let root = links.relativeRoot(from: outputPath)
        let title = "Corrections et mises à jour" + Self.pageSuffix(list)
        let shown = list.items.map { entries[$0] }
        return PageModel(frame: frame(root: root, folder: SiteLinks.listPage(list.number, of: SiteLinks.correctionsPath), title: title, description: nil),
                         fields: .corrections(countLabel: list.total == 1 ? "1\u{A0}correction" : "\(list.total)\u{A0}corrections",
                                              entries: shown.map { entry in
                                                  let article = site.articles[entry.article]
                                                  return CorrectedArticle(notice: notice(entry.correction),
                                                                          article: TitledLink(title: listTexts[article.slug]?.title ?? article.article.title,
                                                                                              url: root + article.path))
                                              },
                                              feedURL: root + SiteLinks.correctionsFeed,
                                              pagination: pagination(list, of: SiteLinks.correctionsPath, root: root)))
    }

    /// The notices that link a right of reply and the article it answers, both ways: on the reply,
    /// what it answers (or, that article withdrawn since, its dates); on the article, each reply.
    private func replyNotices(of entry: PublishedArticle, root: String) -> [CorrectionNotice] {
        let escape = HTMLEscaping.escape
        let kind = Self.cssClass(of: .reply)
        var notices: [CorrectionNotice] = []
        switch entry.replyTo {
        case .article(let slug)?:
            if let target = site.articles.first(where: { $0.slug == slug }) {
                let title = listTexts[slug]?.title ?? typographic(target.article.title)
                notices.append(CorrectionNotice(heading: "Droit de réponse", isoDate: dates.iso8601(entry.article.date),
                                                html: "<p>En réponse à l’article <a href=\"\(escape(root + target.path))\">«\u{A0}\(escape(title))\u{A0}»</a>, publié le \(dates.long(target.article.date)).</p>",
                                                kind: kind))
            }
        case .retired(let retired)?:
            notices.append(CorrectionNotice(heading: "Droit de réponse", isoDate: dates.iso8601(entry.article.date),
                                            html: "<p>En réponse à un article publié le \(dates.long(retired.published)), retiré du site le \(dates.long(retired.date)).</p>",
                                            kind: kind))
        case nil:
            break
        }
        for slug in entry.replies.reversed() {
            guard let reply = site.articles.first(where: { $0.slug == slug }) else { continue }
            let title = listTexts[slug]?.title ?? typographic(reply.article.title)
            notices.append(CorrectionNotice(heading: "\(Correction.Kind.reply.label), le \(dates.long(reply.article.date))", isoDate: dates.iso8601(reply.article.date),
                                            html: "<p><a href=\"\(escape(root + reply.path))\">«\u{A0}\(escape(title))\u{A0}»</a></p>", kind: kind))
        }
        return notices
    }

    /// The article's corrections shown above its text (`shownFirst`: corrections and replies) or
    /// below it (updates), newest first, their text rendered from Markdown (links checked, raw HTML
    /// only where the site allows it, French typography).
    private func notices(of article: Article, shownFirst: Bool) -> [CorrectionNotice] {
        article.corrections.filter { $0.kind.isShownFirst == shownFirst }.sorted { $0.date > $1.date }.map(notice)
    }

    /// `correction` as pages and the corrections feed show it.
    func notice(_ correction: Correction) -> CorrectionNotice {
        CorrectionNotice(heading: "\(correction.kind.label), le \(dates.long(correction.date))", isoDate: dates.iso8601(correction.date),
                         html: shortMarkdown(correction.text), kind: Self.cssClass(of: correction.kind))
    }

    /// A short text of Markdown written outside an article's body (a correction, a biography) as
    /// HTML: links checked, raw HTML only where the site allows it and then filtered like a body's
    /// (no script, no handler), French typography.
    private func shortMarkdown(_ text: String) -> String {
        let document = MarkdownDocument(parsing: text, options: MarkdownOptions(allowsRawHTML: site.config.unsafeHTML, footnotes: false))
        document.removeDangerousLinks()
        FrenchTypography.apply(to: document)
        let html = document.renderHTML()
        return site.config.unsafeHTML ? HTMLSanitizer().sanitize(html) : html
    }

    /// A byline's names, joined as French writes a list (`A, B et C`), each linked to its author's page.
    private func bylineLinks(_ bylines: [Byline], root: String) -> [BylineLink] {
        bylines.enumerated().map { index, byline in
            BylineLink(name: typographic(byline.name), url: byline.slug.map { root + SiteLinks.authorPath(slug: $0) },
                       joiner: index == 0 ? "" : index == bylines.count - 1 ? " et " : ", ")
        }
    }

    /// A page of an author's articles, under their name, portrait, role, biography and links; the
    /// first page carries their `ProfilePage` JSON-LD.
    func author(_ index: Int, _ list: SiteMap.ListPage, outputPath: String) -> PageModel {
        let published = site.authors[index]
        let folder = SiteLinks.authorPath(slug: published.author.slug)
        let root = links.relativeRoot(from: outputPath)
        let model = authorModel(published, root: root, pictureSizes: "10rem", count: list.total, withBio: true)
        let author = published.author
        let jsonLD = list.number > 1 ? nil : ProfilePageJSONLD(
            mainEntity: .init(name: author.name, url: links.absolute(folder), jobTitle: author.role,
                              image: published.photo.map { photo in links.absolute(ImageVariant.responsive(photo, settings: site.config.images).last?.path ?? photo.path) },
                              sameAs: author.links.isEmpty ? nil : author.links)).json()
        return PageModel(frame: frame(root: root, folder: SiteLinks.listPage(list.number, of: folder), title: typographic(author.name) + Self.pageSuffix(list),
                                      description: author.role.map { "\(author.name), \($0)" }),
                         fields: .author(model, articles: listItems(list, root: root), feedURL: root + SiteLinks.atomFeed(in: folder),
                                         pagination: pagination(list, of: folder, root: root), jsonLD: jsonLD))
    }

    /// The list of the site's authors, each with their portrait, role and number of articles.
    func authorIndex(outputPath: String) -> PageModel {
        let root = links.relativeRoot(from: outputPath)
        let byAuthor = site.articleIndicesByAuthor
        return PageModel(frame: frame(root: root, folder: SiteLinks.authorsFolder, title: "Auteurs", description: nil), fields: .authorIndex(
            authors: site.authors.map { authorModel($0, root: root, pictureSizes: "4rem", count: byAuthor[$0.author.slug]?.count ?? 0, withBio: false) }))
    }

    /// What the author's page and the list of authors show of `published`.
    private func authorModel(_ published: PublishedAuthor, root: String, pictureSizes: String, count: Int, withBio: Bool) -> AuthorModel {
        let author = published.author
        return AuthorModel(name: typographic(author.name), url: root + SiteLinks.authorPath(slug: author.slug), role: author.role.map(typographic),
                           bioHTML: withBio ? shortMarkdown(String(author.bio)) : "",
                           pictureHTML: published.photo.map { photo in
                               ArticleBodyRenderer.picture(photo, alt: "", root: root, settings: site.config.images, isFirst: withBio, sizes: pictureSizes)
                           },
                           links: author.links.map { link in
                               let host = URL(string: link)?.host ?? link
                               return TitledLink(title: host.hasPrefix("www.") ? String(host.dropFirst(4)) : host, url: link)
                           },
                           countLabel: articleCount(count))
    }

    /// The class of a notice of `kind`: its name in ASCII (`droit-de-reponse`).
    private static func cssClass(of kind: Correction.Kind) -> String {
        kind.rawValue.folding(options: .diacriticInsensitive, locale: nil).replacingOccurrences(of: " ", with: "-")
    }

    /// What link previews show of `image`: its 16:9 crop (``ImageVariant/sharing(_:)``), or the
    /// file itself when it is published as it is.
    private func sharingImage(_ image: PlacedImage, focus: ImageFocus?) -> SharingImage {
        let wide = ImageVariant.sharing(image, focus: focus).first
        return SharingImage(url: links.absolute(wide?.path ?? image.path), width: wide?.width ?? image.width, height: wide?.height ?? image.height,
                            alt: image.alt.isEmpty ? nil : image.alt)
    }

    /// The social card of an article without a picture (``SocialCard``).
    private func socialCard(of entry: PublishedArticle) -> SharingImage? {
        guard site.config.images.socialCards else { return nil }
        return SharingImage(url: links.absolute(SiteLinks.socialCard(in: entry.path)), width: SocialCard.width, height: SocialCard.height, alt: nil)
    }

    /// The names and paths (from the root) of the home page, the article's year and the article.
    /// Accueil › its section (or, without one, its year) › the article.
    private func breadcrumbs(of entry: PublishedArticle) -> [(String, String)] {
        let middle = entry.section.map { (typographic($0.name), SiteLinks.sectionPath($0)) } ?? (String(entry.year), SiteLinks.yearPath(entry.year))
        return [("Accueil", ""), middle, (typographic(entry.article.title), entry.path)]
    }

    /// The article page `model` with its JSON-LD (`NewsArticle`, `BreadcrumbList`). Made only for a
    /// page that is rendered, after its fingerprint: everything it is made from (the article's
    /// file, its address, tags and picture, the site's settings) is in that fingerprint already.
    func withStructuredData(_ model: PageModel, of entry: PublishedArticle) -> PageModel {
        guard case .article(let article, let isHidden, let openGraphImage, let publishedTime, _, _) = model.fields else { return model }
        let source = entry.article
        let crumbs = breadcrumbs(of: entry)
        let jsonLD = NewsArticleJSONLD(
            headline: source.title, description: source.summary, datePublished: publishedTime, dateModified: source.lastModified.map(dates.iso8601),
            inLanguage: site.config.language, keywords: entry.tags.map(\.name), articleSection: entry.section?.name, mainEntityOfPage: links.absolute(entry.path),
            author: entry.bylines.isEmpty ? nil : entry.bylines.map { byline in
                NewsArticleJSONLD.Person(name: byline.name, url: links.authorURL(of: byline))
            },
            publisher: NewsArticleJSONLD.Organization(name: site.config.publisher ?? site.config.title),
            image: entry.leadImage.map { image in
                let crops = ImageVariant.sharing(image, focus: entry.sharingFocus)
                return crops.isEmpty ? [links.absolute(image.path)] : crops.map { links.absolute($0.path) }
            } ?? socialCard(of: entry).map { [$0.url] })
        var model = model
        model.fields = .article(article, isHidden: isHidden, openGraphImage: openGraphImage, publishedTime: publishedTime,
                                breadcrumbJSONLD: BreadcrumbListJSONLD(items: crumbs.map { ($0.0, links.absolute($0.1)) }).json(),
                                jsonLD: jsonLD.json())
        return model
    }

    /// A static page; its body is empty until ``filling(_:with:)`` adds it.
    func page(_ entry: PublishedPage, outputPath: String) -> PageModel {
        let frame = frame(root: links.relativeRoot(from: outputPath), folder: entry.path, title: entry.page.title, description: entry.page.summary)
        return PageModel(frame: frame, fields: .page(title: typographic(entry.page.title), bodyHTML: ""))
    }

    /// The article or page `model` with its rendered `body`, and for an article the table of
    /// contents of its headings (three or more, down to level 3). The model is built once, before
    /// the body (its fingerprint is made without it), and completed here.
    func filling(_ model: PageModel, with body: RenderedBody) -> PageModel {
        var model = model
        switch model.fields {
        case .article(var article, let isHidden, let openGraphImage, let publishedTime, let breadcrumbJSONLD, let jsonLD):
            let headings = body.headings.filter { $0.level <= 3 }
            article.bodyHTML = body.pageHTML
            article.contents = headings.count >= 3
                ? headings.map { ContentsEntry(id: $0.id, text: typographic($0.text), isSubsection: $0.level == 3) } : []
            model.fields = .article(article, isHidden: isHidden, openGraphImage: openGraphImage, publishedTime: publishedTime,
                                    breadcrumbJSONLD: breadcrumbJSONLD, jsonLD: jsonLD)
        case .page(let title, _):
            model.fields = .page(title: title, bodyHTML: body.pageHTML)
        default:
            break
        }
        return model
    }

    /// A page of one tag's articles.
    func tag(_ tag: Tag, _ list: SiteMap.ListPage, outputPath: String) -> PageModel {
        let folder = SiteLinks.tagPath(tag)
        let root = links.relativeRoot(from: outputPath)
        let title = "Thème «\u{A0}\(tag.name)\u{A0}»" + Self.pageSuffix(list)
        return PageModel(frame: frame(root: root, folder: SiteLinks.listPage(list.number, of: folder), title: title, description: nil), fields: .tag(
            name: tag.name, countLabel: articleCount(list.total), count: list.total, articles: listItems(list, root: root),
            feedURL: root + SiteLinks.atomFeed(in: folder), feedTitle: "\(site.config.title) · \(tag.name)",
            pagination: pagination(list, of: folder, root: root)))
    }

    /// A page of one section's articles.
    func section(_ section: Section, _ list: SiteMap.ListPage, outputPath: String) -> PageModel {
        let folder = SiteLinks.sectionPath(section)
        let root = links.relativeRoot(from: outputPath)
        return PageModel(frame: frame(root: root, folder: SiteLinks.listPage(list.number, of: folder), title: typographic(section.name) + Self.pageSuffix(list),
                                      description: section.description), fields: .section(
            name: typographic(section.name), description: section.description.map(typographic), countLabel: articleCount(list.total),
            articles: listItems(list, root: root), feedURL: root + SiteLinks.atomFeed(in: folder), pagination: pagination(list, of: folder, root: root)))
    }

    /// A page of the archive of one year: its articles, newest first.
    func year(_ year: Int, _ list: SiteMap.ListPage, outputPath: String) -> PageModel {
        let folder = SiteLinks.yearPath(year)
        let root = links.relativeRoot(from: outputPath)
        return PageModel(frame: frame(root: root, folder: SiteLinks.listPage(list.number, of: folder), title: "Articles de \(year)" + Self.pageSuffix(list),
                                      description: nil),
                         fields: .year(year: String(year), countLabel: articleCount(list.total), articles: listItems(list, root: root),
                                       pagination: pagination(list, of: folder, root: root)))
    }

    /// `, page 2` after the title of a list's later pages.
    private static func pageSuffix(_ list: SiteMap.ListPage) -> String { list.number == 1 ? "" : ", page \(list.number)" }

    /// The list of years with their number of articles.
    func archives(outputPath: String) -> PageModel {
        let root = links.relativeRoot(from: outputPath)
        return PageModel(frame: frame(root: root, folder: SiteLinks.archivesPath, title: "Archives", description: nil), fields: .archives(
            years: site.years.map { year, entries in
                CountedLink(label: String(year), url: root + SiteLinks.yearPath(year), countLabel: articleCount(entries.count))
            }))
    }

    /// The index of all tags.
    func tagIndex(outputPath: String) -> PageModel {
        let root = links.relativeRoot(from: outputPath)
        return PageModel(frame: frame(root: root, folder: SiteLinks.tagIndexPath, title: "Thèmes", description: nil), fields: .tagIndex(
            tags: site.tags.map { tag in
                CountedLink(label: tag.name, url: root + SiteLinks.tagPath(tag), countLabel: articleCount(site.articles(taggedWith: tag).count))
            }))
    }

    /// The search page: its form and filters (the results are the script's, from the index).
    func search(outputPath: String) -> PageModel {
        let root = links.relativeRoot(from: outputPath)
        return PageModel(frame: frame(root: root, folder: SiteLinks.searchPath, title: "Recherche", description: nil),
                         fields: .search(indexURL: root + SiteLinks.searchIndexFolder, archivesURL: root + SiteLinks.archivesPath,
                                         tags: site.tags.map { FilterOption(value: $0.slug, label: $0.name) },
                                         years: site.years.map { FilterOption(value: String($0.year), label: String($0.year)) }))
    }

    /// The 404 page, whose links start from the absolute root since hosts serve it at any address.
    func notFound() -> PageModel {
        PageModel(frame: frame(root: links.absoluteRootPath, folder: SiteLinks.notFoundPage, title: "Page introuvable", description: nil), fields: .notFound)
    }

    /// The previous or next article, as the pager shows it.
    private func pagerLink(_ entry: PublishedArticle, root: String) -> TitledLink {
        TitledLink(title: listTexts[entry.slug]?.title ?? entry.article.title, url: root + entry.path)
    }

    private func articleCount(_ count: Int) -> String {
        count == 1 ? "1\u{00A0}article" : "\(count)\u{00A0}articles"
    }

    private func typographic(_ text: String) -> String { FrenchTypography.apply(to: text) }
}
