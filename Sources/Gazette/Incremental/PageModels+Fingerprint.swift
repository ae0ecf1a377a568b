// What each page model writes into a page's fingerprint: every stored property, in declaration
// order. `PageModelFingerprintTests` fails when a model gains a property that is not listed here.

extension NavigationLink: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) {
        fingerprint.add(label)
        fingerprint.add(url)
        fingerprint.add(isCurrent)
    }
}

extension TitledLink: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) {
        fingerprint.add(title)
        fingerprint.add(url)
    }
}

extension PageFrame: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) {
        for text in [language, siteTitle, pageTitle, openGraphTitle, siteName, canonicalURL, root, openGraphType] { fingerprint.add(text) }
        fingerprint.add(navigation)
        for text in [siteDescription, metaDescription, publisher] { fingerprint.add(text) }
    }
}

extension ListedArticle: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) {
        for text in [title, url, dateLine, isoDate] { fingerprint.add(text) }
        fingerprint.add(tags)
        fingerprint.add(summary)
        fingerprint.add(isDraft)
        fingerprint.add(isScheduled)
    }
}

extension ContentsEntry: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) {
        fingerprint.add(id)
        fingerprint.add(text)
        fingerprint.add(isSubsection)
    }
}

extension ArticleModel: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) {
        fingerprint.add(listing)
        fingerprint.add(bodyHTML)
        fingerprint.add(author)
        fingerprint.add(sourceNote)
        fingerprint.add(readingTime)
        fingerprint.add(contents)
        fingerprint.add(older)
        fingerprint.add(newer)
        fingerprint.add(related)
        fingerprint.add(breadcrumbs)
    }
}

extension CountedLink: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) {
        fingerprint.add(label)
        fingerprint.add(url)
        fingerprint.add(countLabel)
    }
}

extension PageModel: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) {
        fingerprint.add(frame)
        switch fields {
        case .home(let articles, let number, let count, let newerURL, let olderURL):
            fingerprint.add("home")
            fingerprint.add(articles)
            fingerprint.add(number)
            fingerprint.add(count)
            fingerprint.add(newerURL)
            fingerprint.add(olderURL)
        case .article(let article, let isHidden, let openGraphImage, let publishedTime, _, _):
            // The JSON-LD is made after the fingerprint (`PageContextBuilder.withStructuredData`),
            // from what the fingerprint holds: the article's source, address, tags and picture.
            fingerprint.add("article")
            fingerprint.add(article)
            fingerprint.add(isHidden)
            fingerprint.add(openGraphImage)
            fingerprint.add(publishedTime)
        case .page(let title, let bodyHTML):
            fingerprint.add("page")
            fingerprint.add(title)
            fingerprint.add(bodyHTML)
        case .tag(let name, let countLabel, let count, let articles, let feedURL, let feedTitle):
            fingerprint.add("tag")
            fingerprint.add(name)
            fingerprint.add(countLabel)
            fingerprint.add(count)
            fingerprint.add(articles)
            fingerprint.add(feedURL)
            fingerprint.add(feedTitle)
        case .year(let year, let countLabel, let articles):
            fingerprint.add("year")
            fingerprint.add(year)
            fingerprint.add(countLabel)
            fingerprint.add(articles)
        case .archives(let years):
            fingerprint.add("archives")
            fingerprint.add(years)
        case .tagIndex(let tags):
            fingerprint.add("tagIndex")
            fingerprint.add(tags)
        case .search(let pagefindURL, let archivesURL):
            fingerprint.add("search")
            fingerprint.add(pagefindURL)
            fingerprint.add(archivesURL)
        case .notFound:
            fingerprint.add("notFound")
        }
    }
}
