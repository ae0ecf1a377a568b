import Foundation

/// `gazette due`: whether a build now would publish another set of articles than the previous
/// publication did (an article whose date has come, a withdrawal whose date has come), so that a
/// scheduled workflow can run every 15 minutes and build and deploy only then. Cheap: it reads the
/// front matter of the articles, not their bodies, and makes each address as the build does (the
/// `slug:`, else the title, in the year of the date in the site's time zone).
public struct DueCheck: Sendable {
    /// Whether to publish, and what to say.
    public struct Outcome: Sendable, Equatable {
        public let isDue: Bool
        public let message: String
    }

    public let contentDirectory: String
    /// A path, or the address of the published `gazette-publication.json`.
    public let previous: String

    public init(contentDirectory: String, previous: String) {
        self.contentDirectory = contentDirectory
        self.previous = previous
    }

    /// Due when the articles published at `time` (nil: `SOURCE_DATE_EPOCH`, else the clock, as a
    /// build) are not those of the previous publication, or when that cannot be known (the previous
    /// publication or the content cannot be read: a build then says why).
    public func check(at time: Date? = nil) -> Outcome {
        let now = SiteBuilder.buildTime(now: time, environment: ProcessInfo.processInfo.environment)
        let loader = ContentLoader(directory: contentDirectory)
        guard case .success(let file) = loader.loadSiteConfig(), let config = SiteConfig.parse(file).0 else {
            return Outcome(isDue: true, message: "site.yml cannot be read: build to see why")
        }
        let publication: PreviousPublication
        switch PreviousPublication.load(previous) {
        case .success(let read): publication = read
        case .failure(let warning): return Outcome(isDue: true, message: warning.message + "; publishing")
        }
        let (content, _) = loader.load(limits: config.limits)
        let articles = parallelMap(content.articles) { DocumentParser.article(from: $0, limits: config.limits).0 }.compactMap { $0 }.filter { !$0.draft }
        let calendar = Calendar.gregorian(in: config.timeZone)
        let published = Set(articles.filter { $0.date <= now && ($0.unpublished.map { $0 > now } ?? true) }.compactMap { article -> String? in
            let slug = article.slug ?? Slug.make(from: article.title)
            return slug.isEmpty ? nil : SiteLinks.articlePath(year: calendar.component(.year, from: article.date), slug: slug)
        })
        let before = Set(publication.record.articles)
        let added = published.subtracting(before).sorted(), removed = before.subtracting(published).sorted()
        let next = articles.flatMap { [$0.date, $0.unpublished].compactMap { $0 } }.filter { $0 > now }.min()
        let dates = FrenchDate(timeZone: config.timeZone, dayFormat: config.dayFormat)
        let nextLine = next.map { " The next scheduled change: \(dates.long($0)) (\(dates.iso8601($0)))." } ?? ""
        guard !added.isEmpty || !removed.isEmpty else {
            return Outcome(isDue: false, message: "Nothing to publish: the published site has every article due by now." + nextLine)
        }
        func list(_ addresses: [String]) -> String {
            addresses.prefix(5).joined(separator: ", ") + (addresses.count > 5 ? ", …" : "")
        }
        var parts: [String] = []
        if !added.isEmpty { parts.append("\(added.count) to publish (\(list(added)))") }
        if !removed.isEmpty { parts.append("\(removed.count) to take down (\(list(removed)))") }
        return Outcome(isDue: true, message: "Due: " + parts.joined(separator: "; ") + "." + nextLine)
    }
}
