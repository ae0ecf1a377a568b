// What each page model writes into a page's fingerprint: every stored property, in declaration
// order. `PageModelFingerprintTests` changes every value of every kind of page in turn (through the
// models' `Codable` form) and fails when one does not change the fingerprint.

extension NavigationLink: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(label, url, isCurrent) }
}

extension TitledLink: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(title, url) }
}

extension PageFrame: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) {
        fingerprint.add(language, siteTitle, pageTitle, openGraphTitle, siteName, canonicalURL, root, navigation, openGraphType,
                        siteDescription, metaDescription, publisher, legalNoticeURL, authorsURL)
    }
}

extension ListedArticle: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) {
        fingerprint.add(title, url, dateLine, isoDate, tags, summary, isDraft, isScheduled)
    }
}

extension ContentsEntry: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(id, text, isSubsection) }
}

extension ArticleModel: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) {
        fingerprint.add(listing, bodyHTML, bylines, sourceNote, readingTime, contents, older, newer, related, breadcrumbs, notices, updates,
                        modifiedLine, modifiedISODate)
    }
}

extension BylineLink: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(name, url, joiner) }
}

extension AuthorModel: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(name, url, role, bioHTML, pictureHTML, links, countLabel) }
}

extension PicturedArticle: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(listing, pictureHTML) }
}

extension SectionBlock: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(name, url, slug, articles) }
}

extension LegalNoticeModel: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) {
        fingerprint.add(publisher, address, phone, email, registration, director, hostName, hostAddress, hostPhone)
    }
}

extension CorrectedArticle: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(notice, article) }
}

extension CorrectionNotice: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(heading, isoDate, html, kind) }
}

extension FilterOption: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(value, label) }
}

extension Pagination: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(number, count, newerURL, olderURL, pages) }
}

extension Pagination.PageNumber: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(number, url, isCurrent) }
}

extension CountedLink: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(label, url, countLabel) }
}

extension SharingImage: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(url, width, height, alt) }
}

extension PageModel: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) {
        fingerprint.add(frame)
        switch fields {
        case .home(let articles, let pagination, let lead, let sections):
            fingerprint.add("home", articles, pagination, lead, sections)
        case .article(let article, let isHidden, let openGraphImage, let publishedTime, _, _):
            // The JSON-LD is made after the fingerprint (`PageContextBuilder.withStructuredData`),
            // from what the fingerprint holds: the article's source, address, tags and picture.
            fingerprint.add("article", article, isHidden, openGraphImage, publishedTime)
        case .page(let title, let bodyHTML):
            fingerprint.add("page", title, bodyHTML)
        case .tag(let name, let countLabel, let count, let articles, let feedURL, let feedTitle, let pagination):
            fingerprint.add("tag", name, countLabel, count, articles, feedURL, feedTitle, pagination)
        case .year(let year, let countLabel, let articles, let pagination):
            fingerprint.add("year", year, countLabel, articles, pagination)
        case .corrections(let countLabel, let entries, let feedURL, let pagination):
            fingerprint.add("corrections", countLabel, entries, feedURL, pagination)
        case .section(let name, let description, let countLabel, let articles, let feedURL, let pagination):
            fingerprint.add("section", name, description, countLabel, articles, feedURL, pagination)
        case .author(let author, let articles, let feedURL, let pagination, let jsonLD):
            fingerprint.add("author", author, articles, feedURL, pagination, jsonLD)
        case .authorIndex(let authors):
            fingerprint.add("authors", authors)
        case .retired(let dateLine):
            fingerprint.add("retired", dateLine)
        case .legalNotice(let notice):
            fingerprint.add("legalNotice", notice)
        case .archives(let years):
            fingerprint.add("archives", years)
        case .tagIndex(let tags):
            fingerprint.add("tagIndex", tags)
        case .search(let indexURL, let archivesURL, let tags, let years):
            fingerprint.add("search", indexURL, archivesURL, tags, years)
        case .notFound:
            fingerprint.add("notFound")
        }
    }
}
