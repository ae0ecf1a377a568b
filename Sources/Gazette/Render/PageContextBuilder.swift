/// Builds the plain, already-formatted values each template receives (no logic left for templates).
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
    func common(root: String, folder: String, title: String?, description: String?) -> [String: Any] {
        let plainTitle = title.map { "\($0) — \(site.config.title)" } ?? site.config.title
        var navigation: [[String: Any]] = [
            ["label": "Accueil", "url": root, "current": folder.isEmpty],
            ["label": "Thèmes", "url": root + "tags/", "current": folder == "tags/"],
            ["label": "Archives", "url": root + SiteLinks.archivesPath, "current": folder.hasPrefix(SiteLinks.archivesPath) && folder.split(separator: "/").count <= 2],
            ["label": "Recherche", "url": root + SiteLinks.searchPath, "current": folder == SiteLinks.searchPath],
        ]
        for page in site.pages {
            navigation.append(["label": typographic(page.page.title), "url": root + page.path, "current": folder == page.path])
        }
        var context: [String: Any] = [
            "lang": site.config.language,
            "siteTitle": typographic(site.config.title),
            "pageTitle": typographic(plainTitle),
            "ogTitle": title ?? site.config.title,
            "siteName": site.config.title,
            "canonicalURL": links.absolute(folder),
            "root": root,
            "cssURL": root + "assets/style.css",
            "feedURL": root + AtomFeed.path,
            "jsonFeedURL": root + JSONFeed.path,
            "navigation": navigation,
            "ogType": "website",
        ]
        if let siteDescription = site.config.description { context["siteDescription"] = typographic(siteDescription) }
        if let text = description ?? site.config.description { context["metaDescription"] = text }
        if let publisher = site.config.publisher ?? site.config.author, publisher != site.config.title {
            context["publisher"] = typographic(publisher)
        }
        return context
    }

    /// An article as listed on the home and tag pages.
    func listItem(_ entry: PublishedArticle, root: String) -> [String: Any] {
        let texts = listTexts[entry.slug]
        var item: [String: Any] = [
            "title": texts?.title ?? entry.article.title,
            "url": root + entry.path,
            "dateLine": texts?.dateLine ?? "",
            "isoDate": texts?.isoDate ?? "",
            "tags": tagLinks(entry.tags, root: root),
            "hasTags": !entry.tags.isEmpty,
        ]
        if let summary = texts?.summary { item["summary"] = summary }
        if entry.article.draft { item["draft"] = true }
        if site.isScheduled(entry) { item["scheduled"] = true }
        return item
    }

    func tagLinks(_ tags: [Tag], root: String) -> [[String: Any]] {
        tags.map { ["name": $0.name, "url": root + SiteLinks.tagPath($0)] }
    }

    /// Home page `number` of `pageCount`, listing `entries`.
    func home(number: Int, pageCount: Int, entries: ArraySlice<PublishedArticle>, outputPath: String) -> [String: Any] {
        let folder = SiteLinks.homePagePath(number)
        let root = links.relativeRoot(from: outputPath)
        var context = common(root: root, folder: folder,
                             title: number == 1 ? nil : "Page \(number)", description: nil)
        context["articles"] = entries.map { listItem($0, root: root) }
        context["pageNumber"] = number
        context["pageCount"] = pageCount
        context["isPaginated"] = pageCount > 1
        if number > 1 { context["newerURL"] = root + SiteLinks.homePagePath(number - 1) }
        if number < pageCount { context["olderURL"] = root + SiteLinks.homePagePath(number + 1) }
        return context
    }

    /// An article page, with its reading aids: reading time, table of contents (three headings or
    /// more), breadcrumbs, previous and next articles, related articles.
    func article(_ entry: PublishedArticle, body: RenderedBody, outputPath: String) -> [String: Any] {
        let article = entry.article
        let root = links.relativeRoot(from: outputPath)
        var context = common(root: root, folder: entry.path, title: article.title, description: article.summary)
        context["ogType"] = "article"
        if article.draft || site.isScheduled(entry) { context["noindex"] = true }
        if let image = entry.leadImage { context["ogImage"] = links.absolute(image.path) }
        context["publishedTime"] = dates.iso8601(article.date)
        var page = listItem(entry, root: root)
        page["body"] = body.html
        if let author = article.author { page["author"] = typographic(author) }
        if let note = article.sourceNote { page["sourceNote"] = typographic(note) }
        page["readingTime"] = "Lecture\u{A0}: \(ReadingAids.readingMinutes(article.body))\u{A0}min"
        let contents = body.headings.filter { $0.level <= 3 }
        if contents.count >= 3 {
            page["toc"] = contents.map { ["id": $0.id, "text": typographic($0.text), "sub": $0.level == 3] as [String: Any] }
            page["hasToc"] = true
        }
        let (older, newer) = aids.neighbours(of: entry)
        if let older { page["older"] = ["title": listTexts[older.slug]?.title ?? older.article.title, "url": root + older.path] }
        if let newer { page["newer"] = ["title": listTexts[newer.slug]?.title ?? newer.article.title, "url": root + newer.path] }
        let related = aids.related(to: entry)
        if !related.isEmpty {
            page["related"] = related.map { listItem($0, root: root) }
            page["hasRelated"] = true
        }
        let crumbs = [("Accueil", ""), (String(entry.year), SiteLinks.yearPath(entry.year)), (typographic(article.title), entry.path)]
        page["breadcrumbs"] = crumbs.enumerated().map { index, crumb in
            ["label": crumb.0, "url": root + crumb.1, "current": index == crumbs.count - 1] as [String: Any]
        }
        context["article"] = page
        context["breadcrumbJSONLD"] = BreadcrumbListJSONLD(items: crumbs.map { ($0.0, links.absolute($0.1)) }).json()
        let jsonLD = NewsArticleJSONLD(
            headline: article.title, description: article.summary, datePublished: dates.iso8601(article.date),
            inLanguage: site.config.language, keywords: entry.tags.map(\.name), mainEntityOfPage: links.absolute(entry.path),
            author: article.author.map { [NewsArticleJSONLD.Person(name: $0)] },
            publisher: NewsArticleJSONLD.Organization(name: site.config.publisher ?? site.config.title),
            image: entry.leadImage.map { [links.absolute($0.path)] })
        context["jsonLD"] = jsonLD.json()
        return context
    }

    /// A static page.
    func page(_ entry: PublishedPage, bodyHTML: String, outputPath: String) -> [String: Any] {
        let root = links.relativeRoot(from: outputPath)
        var context = common(root: root, folder: entry.path, title: entry.page.title, description: entry.page.summary)
        context["page"] = ["title": typographic(entry.page.title), "body": bodyHTML]
        return context
    }

    /// The page of one tag.
    func tag(_ tag: Tag, outputPath: String) -> [String: Any] {
        let folder = SiteLinks.tagPath(tag)
        let root = links.relativeRoot(from: outputPath)
        var context = common(root: root, folder: folder, title: "Thème «\u{A0}\(tag.name)\u{A0}»", description: nil)
        let entries = site.articles(taggedWith: tag)
        context["tag"] = ["name": tag.name, "count": entries.count, "countLabel": articleCount(entries.count)]
        context["articles"] = entries.map { listItem($0, root: root) }
        context["tagFeedURL"] = root + folder + AtomFeed.path
        context["tagFeedTitle"] = "\(site.config.title) · \(tag.name)"
        return context
    }

    /// The archive of one year: its articles, newest first.
    func year(_ year: Int, entries: [PublishedArticle], outputPath: String) -> [String: Any] {
        let root = links.relativeRoot(from: outputPath)
        var context = common(root: root, folder: SiteLinks.yearPath(year), title: "Articles de \(year)", description: nil)
        context["year"] = ["year": String(year), "countLabel": articleCount(entries.count)]
        context["articles"] = entries.map { listItem($0, root: root) }
        return context
    }

    /// The list of years with their number of articles.
    func archives(outputPath: String) -> [String: Any] {
        let root = links.relativeRoot(from: outputPath)
        var context = common(root: root, folder: SiteLinks.archivesPath, title: "Archives", description: nil)
        context["years"] = site.years.map { year, entries -> [String: Any] in
            ["year": String(year), "url": root + SiteLinks.yearPath(year), "countLabel": articleCount(entries.count)]
        }
        return context
    }

    /// The index of all tags.
    func tagIndex(outputPath: String) -> [String: Any] {
        let root = links.relativeRoot(from: outputPath)
        var context = common(root: root, folder: "tags/", title: "Thèmes", description: nil)
        context["tags"] = site.tags.map { tag -> [String: Any] in
            let count = site.articles(taggedWith: tag).count
            return ["name": tag.name, "url": root + SiteLinks.tagPath(tag), "countLabel": articleCount(count)]
        }
        return context
    }

    /// The search page (Pagefind's interface, loaded by the page's script).
    func search(outputPath: String) -> [String: Any] {
        let root = links.relativeRoot(from: outputPath)
        var context = common(root: root, folder: SiteLinks.searchPath, title: "Recherche", description: nil)
        context["pagefindURL"] = root + SearchIndexer.folder + "/"
        context["archivesURL"] = root + SiteLinks.archivesPath
        return context
    }

    /// The 404 page, whose links start from the absolute root since hosts serve it at any address.
    func notFound() -> [String: Any] {
        common(root: links.absoluteRootPath, folder: "404.html", title: "Page introuvable", description: nil)
    }

    private func articleCount(_ count: Int) -> String {
        count == 1 ? "1\u{00A0}article" : "\(count)\u{00A0}articles"
    }

    private func typographic(_ text: String) -> String { FrenchTypography.apply(to: text) }
}
