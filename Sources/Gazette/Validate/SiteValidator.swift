import Wording
import Foundation
import GazetteMarkdown

/// What validation gives: the site, the problems found, and what it found of each article, by
/// file, for the next build (``ArticleCache``).
struct ValidatedSite: Sendable {
    let site: Site
    let diagnostics: [Diagnostic]
    let articleValidations: [String: ArticleValidation]
}

/// Checks the parsed content as a whole and assembles the ``Site``.
enum SiteValidator {
    /// Keeps the articles `context` publishes, gives each document a unique slug and sorts the
    /// articles. Embedded charts are resolved against `charts`' catalog; inline chart blocks may
    /// read its tables. `images` are the content folder's, by path below it.
    /// Takes from `reuse` what a previous build found of an article whose inputs did not change
    /// (its body is then neither parsed nor checked again), and also returns what it found of each
    /// article, by file, for the next build (``ArticleCache``).
    public static func validate(config: SiteConfig, articles: [Article], pages: [StaticPage], authors: [Author], charts: LoadedCharts,
                                images: [String: String], context: BuildContext,
                                reuse: @Sendable (Article) -> ArticleValidation? = { _ in nil })
        -> ValidatedSite {
        let (publishedBy, progress) = (context.publishedBy, context.progress)
        var diagnostics: [Diagnostic] = []
        var claimed = FirstClaims(code: .duplicateSlug, note: "first used here")

        func claim(_ explicit: String?, _ title: String, at location: SourceLocation, kind: Phrase) -> String? {
            let slug: String
            if let explicit {
                guard Slug.isValid(explicit) else {
                    diagnostics.append(.error(.invalidSlug, "slug \"\(explicit)\" may only hold lower-case letters a–z, digits and single hyphens (try \"\(Slug.make(from: explicit))\")", at: location))
                    return nil
                }
                slug = explicit
            } else {
                slug = Slug.make(from: title)
                guard !slug.isEmpty else {
                    diagnostics.append(.error(.invalidSlug, "cannot make a slug from this title; add a 'slug:' field", at: location))
                    return nil
                }
            }
            guard slug.utf8.count <= Slug.maxLength else {
                diagnostics.append(.error(.invalidSlug, "the address \"\(slug.prefix(40))…\" would be \(slug.utf8.count) characters long, over the \(Slug.maxLength) that file names allow; \(explicit == nil ? "add a shorter 'slug:' field" : "write a shorter 'slug:'" as Phrase)", at: location))
                return nil
            }
            let isFirst = claimed.claim(slug, at: location, diagnostics: &diagnostics) {
                "\(kind) slug \"\(slug)\" is already used by \($0); set a different 'slug:'"
            }
            return isFirst ? slug : nil
        }

        let calendar = Calendar.gregorian(in: config.timeZone)
        var tagsBySlug: [String: Tag] = [:]
        // A tag is written the same way in many articles: its address is made once per spelling.
        var slugsOfTagNames: [String: String] = [:]
        var entries: [(article: Article, slug: String, path: String, year: Int, tags: [Tag], section: Section?, bylines: [Byline])] = []
        let imageResolver = ImageResolver(images: images, contentDirectory: context.contentDirectory, limits: config.limits)
        let publishedAuthors = authors.compactMap { author -> PublishedAuthor? in
            guard Slug.isValid(author.slug) else {
                diagnostics.append(.error(.invalidSlug, "an author's file name is the address of their page: it may only hold lower-case letters a–z, digits and single hyphens; rename it \(Slug.make(from: author.slug).isEmpty ? Slug.make(from: author.name) : Slug.make(from: author.slug)).md", at: author.location))
                return nil
            }
            var published = PublishedAuthor(author: author)
            if let photo = author.photo {
                switch imageResolver.resolve(photo, in: author.file) {
                case .success(var image):
                    image.alt = FrenchTypography.apply(to: author.name)
                    published.photo = image
                case .failure(let problem): diagnostics.append(problem)
                }
            }
            return published
        }
        let knownAuthors = publishedAuthors.map(\.author)
        var retired: [RetiredArticle] = []
        let ordered = articles.filter(context.publishes).sorted { $0.file < $1.file }
        for article in ordered {
            guard let slug = claim(article.slug, article.title, at: article.slugLocation, kind: "article") else { continue }
            // Withdrawn (by the build time): its address is kept, and says so.
            if let withdrawn = article.unpublished, publishedBy.map({ withdrawn <= $0 }) ?? true {
                let year = calendar.component(.year, from: article.date)
                retired.append(RetiredArticle(path: SiteLinks.articlePath(year: year, slug: slug), date: withdrawn, file: article.file, published: article.date,
                                              aliases: article.aliases))
                continue
            }
            var tags: [Tag] = []
            if article.tags.count > config.limits.tagsPerArticle {
                diagnostics.append(.error(.limitExceeded, "this article has \(article.tags.count) tags, more than the \(config.limits.tagsPerArticle) allowed (each tag is a page and a feed); keep the few that say what it is about, or raise max_tags_per_article in site.yml", at: article.tagsLocation))
            }
            for name in article.tags.prefix(config.limits.tagsPerArticle) {
                let tagSlug = slugsOfTagNames[name] ?? Slug.make(from: name)
                slugsOfTagNames[name] = tagSlug
                guard !tagSlug.isEmpty else {
                    diagnostics.append(.warning(.emptyTag, "tag \"\(name)\" has no letter or digit to make its address from; it is left out (write it with words)",
                                                at: article.tagsLocation))
                    continue
                }
                guard tagSlug.utf8.count <= Slug.maxLength else {
                    diagnostics.append(.error(.invalidSlug, "tag \"\(name.prefix(40))…\" would make an address of \(tagSlug.utf8.count) characters (tags/…/), over the \(Slug.maxLength) that file names allow; shorten it",
                                              at: article.tagsLocation))
                    continue
                }
                let tag = tagsBySlug[tagSlug] ?? Tag(name: name, slug: tagSlug)
                if tag.name != name {
                    diagnostics.append(.warning(.mergedTag, "tag \"\(name)\" is filed under the tag \"\(tag.name)\" (same address tags/\(tagSlug)/); write it \"\(tag.name)\" everywhere",
                                                at: article.tagsLocation))
                }
                tagsBySlug[tagSlug] = tag
                if !tags.contains(tag) { tags.append(tag) }
            }
            let expectedOffset = config.timeZone.secondsFromGMT(for: article.date)
            if expectedOffset != article.dateOffset {
                diagnostics.append(.warning(.dateOffset, "the offset \(ISODate.offsetText(article.dateOffset)) is not \(config.timeZone.identifier)'s on that date (\(ISODate.offsetText(expectedOffset))): the page shows the time in that zone, so not as written; write \(ISODate.offsetText(expectedOffset)) or check the time",
                                            at: article.dateOffsetLocation))
            }
            var section: Section?
            if let written = article.section {
                section = Section.named(written, in: config.sections)
                if section == nil {
                    let names = config.sections.map(\.name)
                    let hint = Suggestion.hint(for: written, among: names)
                    diagnostics.append(.error(.unknownSection, names.isEmpty
                        ? "section \"\(written)\": site.yml declares no sections; list them under sections: (see the editors' guide), or remove this line"
                        : "section \"\(written)\" is not one of site.yml's sections (\(names.joined(separator: ", ")))\(hint)",
                        at: article.sectionLocation ?? article.slugLocation))
                }
            }
            let bylines = bylines(of: article, among: knownAuthors, diagnostics: &diagnostics)
            let year = calendar.component(.year, from: article.date)
            entries.append((article, slug, SiteLinks.articlePath(year: year, slug: slug), year, tags, section, bylines))
        }
        entries.sort { ($0.article.date, $1.slug) > ($1.article.date, $0.slug) }

        var pageEntries: [(page: StaticPage, slug: String)] = []
        for page in pages.sorted(by: { $0.file < $1.file }) {
            guard let slug = claim(page.slug, page.title, at: page.slugLocation, kind: "page") else { continue }
            if SiteLinks.reservedTopLevel.contains(slug) {
                diagnostics.append(.error(.reservedSlug, "page slug \"\(slug)\" is reserved for the generated site; set another 'slug:'", at: page.slugLocation))
                continue
            }
            pageEntries.append((page, slug))
        }
        // Each body is parsed here and its embeds and images checked on that tree. An article's tree is
        // dropped once checked (rendering parses the body again: memory stays bounded by the articles
        // being worked on, not the site); a static page's, few and small, is kept for rendering.
        let options = MarkdownOptions(allowsRawHTML: config.unsafeHTML)
        let resolver = EmbedResolver(catalog: charts.catalog, tables: charts.tables, dataFolder: context.dataFolder, maxEmbeds: config.limits.embedsPerArticle)
        /// The embeds and images of the body of the document at `slug`, and the problems they have.
        @Sendable func resolve(_ body: MarkdownBody, slug: String)
            -> (embeds: [PlacedEmbed], images: [String: PlacedImage], leadImage: PlacedImage?, problems: [Diagnostic]) {
            let (embeds, embedProblems) = resolver.resolve(body, slug: slug)
            let (placedImages, leadImage, imageProblems) = imageResolver.resolve(body)
            return (embeds, placedImages, leadImage, embedProblems + imageProblems)
        }
        let articleResults = parallelMap(entries) { entry in
            defer { progress?.advance() }
            if let known = reuse(entry.article), known.slug == entry.slug, known.path == entry.path,
               let placed = imageResolver.relocated(known) {
                return ValidatedArticle(published: PublishedArticle(entry.article, slug: entry.slug, path: entry.path, year: entry.year,
                                                                    tags: entry.tags, section: entry.section, bylines: entry.bylines, validation: placed), validation: known)
            }
            let body = MarkdownBody(of: entry.article, options: options)
            let found = resolve(body, slug: entry.slug)
            var validation = ArticleValidation(slug: entry.slug, path: entry.path, embeds: found.embeds, images: found.images,
                                               leadImage: found.leadImage, problems: found.problems,
                                               readingMinutes: ReadingTime.minutes(toRead: entry.article.body),
                                               search: SearchDocument(title: entry.article.title, tags: entry.tags, summary: entry.article.summary,
                                                                      body: body, path: entry.path, date: entry.article.date))
            if let reference = entry.article.image {
                switch imageResolver.resolve(reference, in: entry.article.file) {
                case .success(let image): validation.leadImage = image
                case .failure(let problem): validation.problems.append(problem)
                }
            }
            validation.problems += BodyChecks.warnings(in: body)
            return ValidatedArticle(published: PublishedArticle(entry.article, slug: entry.slug, path: entry.path, year: entry.year,
                                                                tags: entry.tags, section: entry.section, bylines: entry.bylines, validation: validation), validation: validation)
        }
        let pageResults = parallelMap(pageEntries) { entry in
            defer { progress?.advance() }
            let body = MarkdownBody(parsing: String(entry.page.body), file: entry.page.file, firstLine: entry.page.bodyFirstLine, options: options)
            let found = resolve(body, slug: entry.slug)
            var page = PublishedPage(page: entry.page, slug: entry.slug, path: SiteLinks.staticPagePath(slug: entry.slug), body: body, embeds: found.embeds)
            page.images = found.images
            return ValidatedPage(published: page, problems: found.problems + BodyChecks.warnings(in: body))
        }
        var site = Site(config: config, articles: articleResults.map(\.published), pages: pageResults.map(\.published),
                        tags: tagsBySlug.values.sorted { $0.slug < $1.slug })
        site.retired = retired.sorted { $0.path < $1.path }
        site.authors = publishedAuthors
        diagnostics += articleResults.flatMap(\.validation.problems) + pageResults.flatMap(\.problems)
        diagnostics += assignAliases(in: &site)
        diagnostics += linkReplies(in: &site)
        diagnostics += chartIDCollisions((site.articles.flatMap(\.embeds) + site.pages.flatMap(\.embeds)).map(\.embed))
        return ValidatedSite(site: site, diagnostics: diagnostics,
                             articleValidations: Dictionary(articleResults.map { ($0.published.article.file, $0.validation) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The byline of `article`: without author files, its names as written; with them, each name
    /// must be an author's (by name or file name, whatever the case and accents), else it is an
    /// error that suggests the closest. A name with commas or « et » (`Marie Dupont, Jean Martin`)
    /// that names several authors is read as them, with a warning that shows the list form.
    private static func bylines(of article: Article, among authors: [Author], diagnostics: inout [Diagnostic]) -> [Byline] {
        guard !authors.isEmpty else { return article.authors.map { Byline(name: $0.text, slug: nil) } }
        var bylines: [Byline] = []
        for written in article.authors {
            if let author = Author.named(written.text, in: authors) {
                bylines.append(Byline(name: author.name, slug: author.slug))
                continue
            }
            let parts = written.text.replacingOccurrences(of: " et ", with: ",").split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let found = parts.compactMap { Author.named($0, in: authors) }
            if parts.count > 1, found.count == parts.count {
                diagnostics.append(.warning(.invalidField, "'author' is one text naming \(parts.count) authors; write them as a list, author: [\(found.map(\.name).joined(separator: ", "))]", at: written.location))
                bylines += found.map { Byline(name: $0.name, slug: $0.slug) }
                continue
            }
            let names = authors.map(\.name)
            let listed = names.count <= 12 ? " (\(names.joined(separator: ", ")))" : ""
            let hint = Suggestion.hint(for: written.text, among: names), file = "authors/\(Slug.make(from: written.text)).md"
            diagnostics.append(.error(.unknownAuthor, "author \"\(written.text)\" has no file in the authors folder\(listed)\(hint); add \(file) with their name, or correct the spelling",
                                      at: written.location))
        }
        return bylines
    }

    /// Links each right of reply (`reply_to:`, the slug or address of an article) and the article it
    /// answers, both ways; a reply to an article withdrawn since names it by its dates. An article
    /// that is not on the site is a located error that suggests the closest slug.
    static func linkReplies(in site: inout Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let bySlug = Dictionary(site.articles.indices.map { (site.articles[$0].slug, $0) }, uniquingKeysWith: { first, _ in first })
        for index in site.articles.indices {
            let article = site.articles[index].article
            guard let written = article.replyTo else { continue }
            let slug = written.split(separator: "/").last.map(String.init) ?? written
            if let target = bySlug[slug], target != index {
                site.articles[index].replyTo = .article(slug: slug)
                site.articles[target].replies.append(site.articles[index].slug)
            } else if let retired = site.retired.first(where: { $0.path.hasSuffix("/\(slug)/") }) {
                site.articles[index].replyTo = .retired(retired)
            } else {
                diagnostics.append(.error(.unknownArticle, "reply_to \"\(written)\" names no article of the site: write the slug of the article this right of reply answers (the end of its address, articles/2024/slug/)\(Suggestion.hint(for: slug, among: Set(bySlug.keys)))",
                                          at: article.replyToLocation ?? article.slugLocation))
            }
        }
        // Oldest reply first, as they were published.
        let dates = site.articles.map(\.article.date)
        func published(_ slug: String) -> Date { bySlug[slug].map { dates[$0] } ?? .distantPast }
        for index in site.articles.indices where site.articles[index].replies.count > 1 {
            site.articles[index].replies.sort { (published($0), $0) < (published($1), $1) }
        }
        return diagnostics
    }

    /// Checks every article's `aliases:` (a withdrawn article's too) and gives it the files of its
    /// redirects. An alias is a path from the site's root (`2021/05/ancien-titre/` or
    /// `actu/ancien.html`); it may not take the address of anything the site makes (``SiteMap``),
    /// enter a folder the site fills itself (``SiteLinks/generatedFolders``), need a folder where
    /// the site writes a file or the reverse, name a hidden file (`.htaccess`), nor take another
    /// alias's place.
    static func assignAliases(in site: inout Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var taken = SiteMap(site).owners(in: site)
        /// The folders the site's files need (`tags/essai/` for `tags/essai/index.html`).
        func folders(of file: String) -> [String] {
            var found: [String] = []
            var end = file.startIndex
            while let slash = file[end...].firstIndex(of: "/") {
                found.append(String(file[...slash]))
                end = file.index(after: slash)
            }
            return found
        }
        var neededFolders = Set(taken.keys.flatMap(folders))
        /// The output file of `alias`, or nil (and the problem) when it may not have one.
        func file(of alias: Alias, owner: String) -> String? {
            guard let file = aliasFile(alias.path) else {
                diagnostics.append(.error(.invalidAlias, "alias \"\(alias.path)\" is not a path of the site: write it from the site's root, e.g. 2021/05/ancien-titre/, without .., ?, # or spaces",
                                          at: alias.location))
                return nil
            }
            if file.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                diagnostics.append(.error(.invalidAlias, "alias \"\(alias.path)\" names a hidden file or folder (starting with a dot), which servers read as settings (.htaccess, .well-known/); write the article's former address",
                                          at: alias.location))
            } else if SiteLinks.generatedFolders.contains(where: file.hasPrefix) {
                diagnostics.append(.error(.aliasConflict, "alias \"\(alias.path)\" is inside a folder the site writes itself (\(SiteLinks.generatedFolders.joined(separator: ", ")))",
                                          at: alias.location))
            } else if let owner = taken[file] {
                diagnostics.append(.error(.aliasConflict, "alias \"\(alias.path)\" is already the address of \(owner); remove it", at: alias.location))
            } else if let folder = folders(of: file).first(where: { taken[String($0.dropLast())] != nil }) {
                diagnostics.append(.error(.aliasConflict, "alias \"\(alias.path)\" would need a folder \(folder) where the site writes \(taken[String(folder.dropLast())] ?? ""); remove it",
                                          at: alias.location))
            } else if neededFolders.contains(file + "/") {
                diagnostics.append(.error(.aliasConflict, "alias \"\(alias.path)\" would be a file where the site needs the folder \(file)/; remove it", at: alias.location))
            } else {
                taken[file] = "an alias of \(owner)"
                neededFolders.formUnion(folders(of: file))
                return file
            }
            return nil
        }
        for index in site.articles.indices {
            let article = site.articles[index].article
            site.articles[index].aliasFiles = article.aliases.compactMap { file(of: $0, owner: article.file) }
        }
        for index in site.retired.indices {
            let retired = site.retired[index]
            site.retired[index].aliasFiles = retired.aliases.compactMap { file(of: $0, owner: retired.file) }
        }
        return diagnostics
    }

    /// The output file of an alias (`ancien/` → `ancien/index.html`, `a/b.html` as is), or nil when it is not a clean path.
    static func aliasFile(_ alias: String) -> String? {
        var path = alias.hasPrefix("/") ? String(alias.dropFirst()) : alias
        guard !path.isEmpty else { return nil }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~/"))
        guard path.unicodeScalars.allSatisfy({ allowed.contains($0) && $0.isASCII }) else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            if segment == "." || segment == ".." || (segment.isEmpty && index != segments.count - 1) { return nil }
        }
        if path.hasSuffix("/") { return SiteLinks.page(in: path) }
        if segments.last?.contains(".") == true { return path }
        path += "/index.html"
        return path
    }

    /// Two different charts (a chart file's and a ```chart block's, or two blocks') with one id would
    /// write one `data/ID.csv`: the later declaration is an error.
    static func chartIDCollisions(_ embeds: [ResolvedEmbed]) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        for chart in embeds.flatMap(\.charts) {
            guard let earlier = first[chart.id] else {
                first[chart.id] = chart.declaration
                continue
            }
            if earlier != chart.declaration {
                let (kept, refused) = earlier < chart.declaration ? (earlier, chart.declaration) : (chart.declaration, earlier)
                let diagnostic = Diagnostic.error(.duplicateID, "chart id '\(chart.id)' is already declared at \(kept); give this chart another id", at: refused,
                                                  notes: [.init("first declared here", at: kept)])
                if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
            }
        }
        return diagnostics
    }
}

/// An article as validation publishes it, with what was found of it.
private struct ValidatedArticle: Sendable {
    let published: PublishedArticle
    let validation: ArticleValidation
}

/// A static page as validation publishes it, with the problems of its body.
private struct ValidatedPage: Sendable {
    let published: PublishedPage
    let problems: [Diagnostic]
}
