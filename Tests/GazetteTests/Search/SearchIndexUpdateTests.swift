import Foundation
import Synchronization
import Testing
@testable import Gazette

/// The search index brought up to date from the previous build's (SearchIndexFiles with a
/// SearchIndexCache) gives the very files of an index made whole, while writing only what changed.
@Suite struct SearchIndexUpdateTests {
    /// Small shards and bitmaps from 40 articles on: a 120-article site has many regions and bitmaps.
    private static let layout = SearchIndexLayout(recordsPerFile: 8, shardBytes: 256, shardsWanted: 100_000, bitmapThreshold: 40,
                                                  strongestPostings: 16)
    private static let config = SiteConfig.parse(SourceFile(path: "site.yml", text: "title: Test\nbase_url: https://t.example/\n")).0!
    private static let dates = FrenchDate(timeZone: config.timeZone, dayFormat: config.dayFormat)

    /// A deterministic stream of numbers (the same steps at every run).
    private struct Numbers {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Article `number` (its date orders it) with `words`; tags from its number.
    private static func article(_ number: Int, words: [String], title: String) -> PublishedArticle {
        let here = SourceLocation(file: "a\(number).md", line: 1, column: 1)
        let date = Date(timeIntervalSince1970: 1_600_000_000 + Double(number) * 86_400)
        let tags = [Tag(name: "thème \(number % 3)", slug: "theme-\(number % 3)")]
        let article = Article(title: title, date: date, updated: nil, dateOffset: 0, dateOffsetLocation: here, tags: tags.map(\.name),
                              summary: nil, slug: nil, draft: false, sourceNote: nil, body: "", bodyFirstLine: 1,
                              file: "a\(number).md", slugLocation: here, tagsLocation: here)
        let path = SiteLinks.articlePath(year: 2020, slug: "a\(number)")
        var counts: [String: UInt32] = [:], order: [String] = []
        for word in SearchText.words(in: title) + words {
            if counts[word] == nil { order.append(word) }
            counts[word, default: 0] += 1
        }
        var entry = PublishedArticle(article: article, slug: "a\(number)", path: path, year: 2020, tags: tags)
        entry.search = SearchDocument(words: order, weights: order.map { counts[$0]! }, headlineWords: Set(SearchText.words(in: title)).count,
                                      tagSlugs: tags.map(\.slug), excerpt: words.prefix(5).joined(separator: " "), title: title,
                                      tagNames: tags.map(\.name), path: path, date: date)
        return entry
    }

    /// The site of `articles` (oldest first).
    private static func site(_ articles: [PublishedArticle]) -> Site {
        Site(config: config, articles: articles.reversed(), pages: [], tags: [])
    }

    /// The files of the index: made whole, or brought up to date from `previous` whose files
    /// were `previousFiles` (each kept when asked with its stamp); and what was written.
    private static func files(of site: Site, previous: (cache: SearchIndexCache, files: [String: (Data, ContentHash?)], site: Site)? = nil)
        -> (files: [String: (Data, ContentHash?)], written: Set<String>, cache: SearchIndexCache) {
        // Files are kept and written on every core.
        let state = Mutex<(files: [String: (Data, ContentHash?)], written: Set<String>)>(([:], []))
        let documents = previous.map { Dictionary($0.site.articles.compactMap(\.search).map { ($0.identity, $0) }, uniquingKeysWith: { a, _ in a }) } ?? [:]
        let previousFiles = previous?.files ?? [:]
        let cache = SearchIndexFiles(site: site, dates: dates, layout: layout).write(previous: previous?.cache, previousDocument: { identity, _ in
            documents[identity]
        }, keep: { path, stamp in
            guard let old = previousFiles[path], old.1 == stamp else { return false }
            state.withLock { $0.files[path] = old }
            return true
        }, emit: { file in
            state.withLock {
                $0.files[file.path] = (file.contents, file.fingerprint)
                $0.written.insert(file.path)
            }
        })
        return state.withLock { ($0.files, $0.written, cache) }
    }

    private static func expectSame(_ incremental: [String: (Data, ContentHash?)], _ whole: [String: (Data, ContentHash?)], step: String) {
        #expect(incremental.keys.sorted() == whole.keys.sorted(), "\(step): the files")
        for (path, file) in whole where incremental[path]?.0 != file.0 { Issue.record("\(step): \(path) differs from the index made whole") }
    }

    @Test func editsAdditionsAndRemovalsGiveTheFilesOfAnIndexMadeWhole() {
        var numbers = Numbers(state: 7)
        let vocabulary = (0..<600).map { "mot\($0)" } + ["sante", "hopital", "donnees"]
        func words() -> [String] {
            // The three last words are in most articles: their postings become bitmaps.
            (0..<(5 + numbers.next(30))).map { _ in vocabulary[numbers.next(4) == 0 ? 600 + numbers.next(3) : numbers.next(600)] }
        }
        var articles = (0..<120).map { Self.article($0, words: words(), title: "Titre \($0) mot\($0 * 5)") }
        var previous = Self.files(of: Self.site(articles))
        var lastSite = Self.site(articles)
        #expect(previous.cache.regions.count > 20 && previous.cache.regions.contains(where: \.usesBitmap), "many regions, some with bitmaps")
        var updatesThatKeptShards = 0
        for step in 0..<40 {
            let what: String
            switch numbers.next(5) {
            case 0:
                what = "article \(articles.count) added"
                articles.append(Self.article(articles.count, words: words(), title: "Nouveau \(articles.count)"))
            case 1 where articles.count > 100:
                what = "newest article removed"
                articles.removeLast()
            case 2:
                let number = numbers.next(articles.count)
                what = "article \(number) retitled"
                articles[number] = Self.article(number, words: articles[number].search!.words, title: "Autre titre \(step)")
            default:
                let number = numbers.next(articles.count)
                what = "article \(number) edited"
                articles[number] = Self.article(number, words: words(), title: articles[number].article.title)
            }
            let site = Self.site(articles)
            let updated = Self.files(of: site, previous: (previous.cache, previous.files, lastSite))
            Self.expectSame(updated.files, Self.files(of: site).files, step: "step \(step), \(what)")
            let shards = updated.files.keys.filter { $0.contains("/s/") }
            if !shards.allSatisfy(updated.written.contains) { updatesThatKeptShards += 1 }
            previous = updated
            lastSite = site
        }
        #expect(updatesThatKeptShards >= 35, "the index was brought up to date, not made whole: \(updatesThatKeptShards) of 40")
    }

    /// A word only one article uses starts a region; once the article no longer uses it, what
    /// remains of that region belongs to the region before it.
    @Test func aRegionWhoseFirstKeyGoesJoinsTheRegionBeforeIt() throws {
        let articles = (0..<120).map { Self.article($0, words: ["seul\($0)", "mot\($0 % 7)", "sante"], title: "Titre") }
        let previous = Self.files(of: Self.site(articles))
        let regions = previous.cache.regions
        let number = try #require(regions.indices.dropFirst().lazy.compactMap { index -> Int? in
            guard regions[index].first.hasPrefix("seul"), regions[index].keys > 1 else { return nil }
            return Int(regions[index].first.dropFirst(4))
        }.first, "a region starting at a word of one article: \(regions.map(\.first))")
        var edited = articles
        // Another word of the same weight in its place: the other words keep their impacts, the region before is not touched.
        edited[number] = Self.article(number, words: ["zzz\(number)", "mot\(number % 7)", "sante"], title: "Titre")
        let site = Self.site(edited)
        let updated = Self.files(of: site, previous: (previous.cache, previous.files, Self.site(articles)))
        Self.expectSame(updated.files, Self.files(of: site).files, step: "seul\(number) removed")
        #expect(updated.cache.regions.count == regions.count - 1)
        #expect(updated.written.count < updated.files.count / 2, "brought up to date: \(updated.written.count) of \(updated.files.count) written")
    }

    @Test func anArticlePublishedBetweenTwoOthersRenumbersTheLaterOnesAndTheIndexIsMadeWhole() {
        let articles = (0..<60).map { Self.article($0 * 2, words: ["mot\($0)", "sante"], title: "Titre \($0)") }
        let previous = Self.files(of: Self.site(articles))
        var inserted = articles
        inserted.insert(Self.article(1, words: ["nouveau"], title: "Entre deux"), at: 1)
        let site = Self.site(inserted)
        let updated = Self.files(of: site, previous: (previous.cache, previous.files, Self.site(articles)))
        Self.expectSame(updated.files, Self.files(of: site).files, step: "insertion")
        #expect(updated.written == Set(updated.files.keys), "59 articles renumbered: more than brought up to date")
    }

    @Test func aCacheWhoseDataFileWasReplacedIsNotUsed() throws {
        let folder = try TemporaryFolder()
        let articles = (0..<30).map { Self.article($0, words: ["mot\($0)"], title: "Titre \($0)") }
        let made = Self.files(of: Self.site(articles))
        let path = folder.path + "/.gazette-cache/Output.search"
        try made.cache.save(to: path, program: "test")
        let settings = SearchIndexFiles(site: Self.site(articles), dates: Self.dates, layout: Self.layout).settings
        let loaded = try #require(SearchIndexCache.load(from: path, program: "test", settings: settings))
        #expect(loaded.identities == made.cache.identities && loaded.data == made.cache.data)
        #expect(SearchIndexCache.load(from: path, program: "other", settings: settings) == nil, "another program")
        #expect(SearchIndexCache.load(from: path, program: "test", settings: ContentHash(of: [1])) == nil, "other settings")
        // Same size, same bytes but one: a copy (a restored CI cache) has another identity.
        var data = try #require(FileManager.default.contents(atPath: path + "-data"))
        data[data.count - 1] ^= 1
        try FileManager.default.removeItem(atPath: path + "-data")
        try data.write(to: URL(fileURLWithPath: path + "-data"))
        #expect(SearchIndexCache.load(from: path, program: "test", settings: settings) == nil, "a data file the envelope did not record")
    }
}
