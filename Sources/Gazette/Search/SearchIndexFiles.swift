import Foundation

/// The search index as static files below `recherche/index/`, read by the search page's script
/// (`Templates/assets/search.js`; the format is described in docs/search.md):
///
/// * `meta.json`: the number of articles, the first key of every shard, the first article of each
///   year, the stop words;
/// * `s/<first key>.bin`: shards, each a sorted run of keys: folded words (with their stem), stems
///   (with the articles that use them) and `#tag` keys (the articles of a tag, for the filter);
///   a query loads only the shards of its words;
/// * `r/<n>.json`: what results show of articles `n × recordsPerFile` onwards (title, address,
///   date, tags, excerpt), loaded only for the results shown.
///
/// Made whole, or, with the previous build's ``SearchIndexCache``, brought up to date
/// (``SearchIndexPlan``): only the regions holding a key of a changed article are written again,
/// with the changed articles' records files and `meta.json`; every other file is kept as the
/// previous build left it. Both ways give the same bytes.
struct SearchIndexFiles {
    /// What results show of one article.
    struct Record: Encodable, Sendable {
        /// Title, address from the site root, date line, tag names, excerpt.
        let t: String, u: String, d: String, g: [String], e: String
    }

    /// At most this many changed articles are brought into the previous index; past them the
    /// index is made whole (as fast, and a new article published between two old ones renumbers
    /// every later article anyway).
    static let mostChangedArticles = 64

    let layout: SearchIndexLayout
    /// The articles the site lists (drafts and scheduled articles only when the build shows
    /// them), newest first: article number `n` is ``article(_:)``, the oldest being 0.
    private let newestFirst: [PublishedArticle]
    /// The identity of each article's document, by number.
    let identities: [ContentHash]
    private let dates: FrenchDate
    /// What the index is made with besides its articles (``SearchIndexCache/settings``).
    let settings: ContentHash

    /// The index of the articles of `site`, with their dates written as `dates` writes them.
    init(site: Site, dates: FrenchDate, layout: SearchIndexLayout = SearchIndexLayout()) {
        self.layout = layout
        self.dates = dates
        newestFirst = site.articles
        identities = site.articles.indices.reversed().map { site.articles[$0].search?.identity ?? Self.empty(site.articles[$0]).identity }
        var fingerprint = Fingerprint()
        fingerprint.add("search index 1", "\(layout)", dates.timeZone.identifier, "\(dates.dayFormat)", SearchText.stopWords.sorted())
        settings = fingerprint.hash
    }

    /// Article number `number`.
    func article(_ number: Int) -> PublishedArticle {
        newestFirst[newestFirst.count - 1 - number]
    }

    /// The document of article number `number`.
    func document(_ number: Int) -> SearchDocument {
        let entry = article(number)
        return entry.search ?? Self.empty(entry)
    }

    /// The document of an article without words (one made without validation).
    private static func empty(_ entry: PublishedArticle) -> SearchDocument {
        SearchDocument(words: [], weights: [], headlineWords: 0, tagSlugs: [], excerpt: "", title: entry.article.title,
                       tagNames: entry.tags.map(\.name), path: entry.path, date: entry.article.date)
    }

    /// Writes the index's files with `emit`, or keeps the previous output's with `keep`, from
    /// `previous` when it can be brought up to date (`previousDocument` finds a document it was
    /// made from by its identity, and the file of the article that now has its number);
    /// returns the cache of the index written.
    func write(previous: SearchIndexCache?, previousDocument: (ContentHash, String?) -> SearchDocument?,
               keep: (@Sendable (String, ContentHash) -> Bool)?, emit: @Sendable (OutputFile) -> Void) -> SearchIndexCache {
        let plan = previous.flatMap { SearchIndexPlan(updating: $0, to: self, previousDocument: previousDocument) }
            ?? SearchIndexPlan(wholeIndexOf: self)
        // Files are kept or written on every core: checking that a kept file is still the
        // previous build's is most of an update's work.
        let records = parallelMap(Array(stride(from: 0, to: identities.count, by: layout.recordsPerFile).enumerated())) { number, start in
            let path = Self.folder + "r/\(number).json"
            if !plan.changedRecords.contains(number), let previous = plan.previous, number < previous.records.count,
               case let stamp = previous.records[number], keep?(path, stamp) == true {
                return stamp
            }
            let contents = Self.json((start..<min(identities.count, start + layout.recordsPerFile)).map { record(article($0)) })
            let stamp = ContentHash(of: contents)
            emit(OutputFile(path: path, contents: contents, fingerprint: stamp))
            return stamp
        }
        parallelForEach(plan.regions.flatMap { region, isKept in region.shards.map { (shard: $0, isKept: isKept) } }) { shard, isKept in
            let path = Self.folder + "s/" + Self.fileName(forKey: shard.first) + ".bin"
            guard !isKept || keep?(path, shard.stamp) != true else { return }
            emit(OutputFile(path: path, contents: Data(plan.data[shard.bytes]), fingerprint: shard.stamp))
        }
        // meta.json is made from the shards' first keys and the years: kept while they stay.
        let shardKeys = plan.regions.flatMap { $0.region.shards.map(\.first) }
        var years: [[Int]] = []
        for number in identities.indices where years.last?[0] != article(number).year { years.append([article(number).year, number]) }
        var fingerprint = Fingerprint()
        fingerprint.add(identities.count, shardKeys, years.flatMap { $0 })
        let metaStamp = fingerprint.hash
        if plan.previous?.meta != metaStamp || keep?(Self.folder + "meta.json", metaStamp) != true {
            emit(OutputFile(path: Self.folder + "meta.json", contents: meta(shardKeys: shardKeys, years: years), fingerprint: metaStamp))
        }
        return SearchIndexCache(settings: settings, articleCount: identities.count, target: plan.target, span: plan.span,
                                regions: plan.regions.map(\.region), records: records, meta: metaStamp, identities: identities, data: plan.data)
    }

    /// The folder of the index.
    private static let folder = SiteLinks.searchIndexFolder

    /// The file name of the shard starting at `key`: the key itself when it is made of ASCII
    /// letters and digits, else `x` and its UTF-8 bytes in hexadecimal (never a letter-only name).
    static func fileName(forKey key: String) -> String {
        if !key.isEmpty, key.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }) { return key }
        return "x" + key.utf8.map { String(format: "%02x", $0) }.joined()
    }

    private func record(_ entry: PublishedArticle) -> Record {
        Record(t: FrenchTypography.apply(to: entry.article.title), u: entry.path, d: dates.day(entry.article.date),
               g: entry.tags.map(\.name), e: FrenchTypography.apply(to: entry.search?.excerpt ?? ""))
    }

    /// `meta.json`: the number of articles, the first key of each shard, the first article of each year, the stop words.
    private func meta(shardKeys: [String], years: [[Int]]) -> Data {
        struct Meta: Encodable {
            let version = 1
            let articles: Int, recordsPerFile: Int, shards: [String], years: [[Int]], stopWords: [String]
        }
        return Self.json(Meta(articles: identities.count, recordsPerFile: layout.recordsPerFile, shards: shardKeys,
                              years: years, stopWords: SearchText.stopWords.sorted()))
    }

    private static func json(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("null".utf8)
    }
}
