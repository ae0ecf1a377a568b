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
/// Made whole, or, with the previous build's ``SearchIndexCache``, brought up to date: only the
/// regions (``SearchIndexLayout``) holding a key of a changed article are decoded and written
/// again, with the changed articles' records files and `meta.json`; every other file is kept as
/// the previous build left it. Both ways give the same bytes.
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
    private let identities: [ContentHash]
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
    private func article(_ number: Int) -> PublishedArticle {
        newestFirst[newestFirst.count - 1 - number]
    }

    /// The document of article number `number`.
    private func document(_ number: Int) -> SearchDocument {
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
               keep: ((String, ContentHash) -> Bool)?, emit: (OutputFile) -> Void) -> SearchIndexCache {
        let plan = previous.flatMap { update($0, previousDocument: previousDocument) } ?? whole()
        var records: [ContentHash] = []
        for (number, start) in stride(from: 0, to: identities.count, by: layout.recordsPerFile).enumerated() {
            let path = Self.folder + "r/\(number).json"
            if !plan.changedRecords.contains(number), let stamp = plan.previous?.records[number], keep?(path, stamp) == true {
                records.append(stamp)
                continue
            }
            let contents = Self.json((start..<min(identities.count, start + layout.recordsPerFile)).map { record(article($0)) })
            let stamp = ContentHash(of: contents)
            emit(OutputFile(path: path, contents: contents, fingerprint: stamp))
            records.append(stamp)
        }
        for (region, isKept) in plan.regions {
            for shard in region.shards {
                let path = Self.folder + "s/" + Self.fileName(forKey: shard.first) + ".bin"
                guard !isKept || keep?(path, shard.stamp) != true else { continue }
                emit(OutputFile(path: path, contents: Data(plan.data[shard.bytes]), fingerprint: shard.stamp))
            }
        }
        emit(OutputFile(path: Self.folder + "meta.json", contents: meta(shardKeys: plan.regions.flatMap { $0.region.shards.map(\.first) })))
        return SearchIndexCache(settings: settings, articleCount: identities.count, target: plan.target, span: plan.span,
                                regions: plan.regions.map(\.region), records: records, identities: identities, data: plan.data)
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

    private func meta(shardKeys: [String]) -> Data {
        struct Meta: Encodable {
            let version = 1
            let articles: Int, recordsPerFile: Int, shards: [String], years: [[Int]], stopWords: [String]
        }
        var years: [[Int]] = []
        for number in identities.indices where years.last?[0] != article(number).year { years.append([article(number).year, number]) }
        return Self.json(Meta(articles: identities.count, recordsPerFile: layout.recordsPerFile, shards: shardKeys,
                              years: years, stopWords: SearchText.stopWords.sorted()))
    }

    private static func json(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("null".utf8)
    }

    // MARK: Planning

    /// The regions of the index to write, the new data file holding them, and what changed.
    private struct Plan {
        /// The regions, each with whether its files are the previous build's (kept unless they cannot be).
        var regions: [(region: SearchIndexCache.Region, isKept: Bool)] = []
        var data: [UInt8]
        var target = 0, span = 1
        /// The cache the plan brings up to date (nil: the index is made whole).
        var previous: SearchIndexCache?
        /// The records files whose articles changed.
        var changedRecords: Set<Int> = []

        /// A region of `entries` (sorted, not empty) made into its data and shards for shards
        /// of `target` bytes, ready to be added (regions are made on every core, added in order).
        struct NewRegion: Sendable {
            var first: String
            var keys: Int
            var bytes: Int
            var usesBitmap: Bool
            var entries: [UInt8]
            var shards: [(first: String, stamp: ContentHash, bytes: [UInt8])]

            init(_ entries: [SearchIndexCache.StoredEntry], target: Int) {
                first = entries[0].key
                keys = entries.count
                bytes = entries.reduce(0) { $0 + SearchIndexLayout.size(of: $1.key, payload: $1.payload) }
                usesBitmap = entries.contains(where: \.usesBitmap)
                self.entries = []
                SearchIndexCache.append(entries, to: &self.entries)
                shards = SearchIndexLayout.shards(of: entries.map { ($0.key, $0.payload) }, target: target).map {
                    ($0.first, ContentHash(of: $0.bytes), $0.bytes)
                }
            }
        }

        /// Adds `new` at the end.
        mutating func add(_ new: NewRegion) {
            func copy(_ bytes: [UInt8]) -> Range<Int> {
                let start = data.count
                data += bytes
                return start..<data.count
            }
            let entries = copy(new.entries)
            let shards = new.shards.map { SearchIndexCache.Shard(first: $0.first, stamp: $0.stamp, bytes: copy($0.bytes)) }
            regions.append((SearchIndexCache.Region(first: new.first, keys: new.keys, bytes: new.bytes, usesBitmap: new.usesBitmap,
                                                    shards: shards, entries: entries), false))
        }

        /// Adds the previous build's `region` at the end, its bytes copied from `previous`'s data file.
        mutating func keep(_ region: SearchIndexCache.Region, of previous: SearchIndexCache) {
            var moved = region
            func copy(_ range: Range<Int>) -> Range<Int> {
                let start = data.count
                data += previous.data[range]
                return start..<data.count
            }
            moved.entries = copy(region.entries)
            for index in moved.shards.indices { moved.shards[index].bytes = copy(region.shards[index].bytes) }
            regions.append((moved, true))
        }
    }

    /// `entry` as the data file holds it, its payload made for the articles of this index.
    private func stored(_ entry: SearchIndex.Entry) -> SearchIndexCache.StoredEntry {
        SearchIndexCache.StoredEntry(key: entry.key, usesBitmap: layout.usesBitmap(entry), record: SearchIndexCache.record(of: entry)[...],
                                     payload: layout.payload(of: entry, articleCount: identities.count)[...])
    }

    /// The plan of an index made whole.
    private func whole() -> Plan {
        let entries = parallelMap(SearchIndex.entries(of: identities.indices.map(document)), stored)
        let bytes = entries.reduce(0) { $0 + SearchIndexLayout.size(of: $1.key, payload: $1.payload) }
        var plan = Plan(data: SearchIndexCache.data(identities: identities, capacity: 0))
        (plan.target, plan.span) = layout.sizing(keys: entries.count, bytes: bytes)
        let target = plan.target
        let regions = Self.regions(of: entries.indices, span: plan.span, key: { entries[$0].key })
        parallelMap(regions) { Plan.NewRegion(Array(entries[$0]), target: target) }.forEach { plan.add($0) }
        return plan
    }

    /// The plan of `previous` brought up to date; nil when it cannot be (too many articles
    /// changed, the documents it was made from are not known, its data does not decode, or the
    /// index's sizing changes).
    private func update(_ previous: SearchIndexCache, previousDocument: (ContentHash, String?) -> SearchDocument?) -> Plan? {
        // The articles whose identity changed, appeared or went.
        var changed: [Int] = []
        for number in 0..<max(previous.articleCount, identities.count)
        where number >= previous.articleCount || number >= identities.count || previous.identities[number] != identities[number] {
            changed.append(number)
            guard changed.count <= Self.mostChangedArticles else { return nil }
        }
        var changes = SearchIndex.Changes()
        for number in changed where number < previous.articleCount {
            guard let document = previousDocument(previous.identities[number], number < identities.count ? article(number).article.file : nil)
            else { return nil }
            changes.add(document, number: number, sign: -1)
        }
        for number in changed where number < identities.count { changes.add(document(number), number: number, sign: 1) }
        changes.dropUnchanged()

        // The regions holding a changed key, and those whose bitmaps change length.
        guard !previous.regions.isEmpty else { return nil }
        var keysOfRegion: [Int: [String]] = [:]
        for key in changes.byKey.keys {
            // The last region whose first key is not after `key` (the first region for a key before every other).
            var low = 0, high = previous.regions.count
            while low < high {
                let middle = (low + high) / 2
                if key.utf8.lexicographicallyPrecedes(previous.regions[middle].first.utf8) { high = middle } else { low = middle + 1 }
            }
            keysOfRegion[max(0, low - 1), default: []].append(key)
        }
        var affected = Set(keysOfRegion.keys)
        let bitmapsChange = (previous.articleCount + 7) / 8 != (identities.count + 7) / 8
        if bitmapsChange { affected.formUnion(previous.regions.indices.filter { previous.regions[$0].usesBitmap }) }
        // Each run of affected regions, brought up to date (on every core); a run whose new first
        // key does not start a region joins the region before it.
        var patched: [Int: [SearchIndexCache.StoredEntry]] = [:]
        var extended = true
        while extended {
            let changesByKey = changes.byKey, keysOfRegion = keysOfRegion
            let results = parallelMap(Self.runs(of: affected)) { run -> (run: ClosedRange<Int>, entries: [SearchIndexCache.StoredEntry]?) in
                var entries: [SearchIndexCache.StoredEntry] = []
                for region in run {
                    guard let stored = previous.entries(of: previous.regions[region]) else { return (run, nil) }
                    entries += stored
                }
                let keys = run.flatMap { keysOfRegion[$0] ?? [] }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                return (run, patch(entries, keys: keys, changes: changesByKey, previous: previous, bitmapsChange: bitmapsChange))
            }
            patched = [:]
            extended = false
            for (run, entries) in results {
                guard let entries else { return nil }
                if run.lowerBound > 0, let first = entries.first, !SearchIndexLayout.startsRegion(first.key, span: previous.span) {
                    affected.insert(run.lowerBound - 1)
                    extended = true
                }
                patched[run.lowerBound] = entries
            }
        }

        // The sizing of the whole, then the regions in order.
        var keys = 0, bytes = 0
        for entries in patched.values {
            keys += entries.count
            bytes += entries.reduce(0) { $0 + SearchIndexLayout.size(of: $1.key, payload: $1.payload) }
        }
        for (index, region) in previous.regions.enumerated() where !affected.contains(index) {
            keys += region.keys
            bytes += region.bytes
        }
        guard layout.sizing(keys: keys, bytes: bytes) == (previous.target, previous.span) else { return nil }
        var plan = Plan(data: SearchIndexCache.data(identities: identities, capacity: previous.data.count + previous.data.count / 8),
                        target: previous.target, span: previous.span, previous: previous,
                        changedRecords: Set(changed.map { $0 / layout.recordsPerFile }))
        let newRegions = parallelMap(patched.sorted { $0.key < $1.key }) { start, entries in
            (start, Self.regions(of: entries.indices, span: previous.span, key: { entries[$0].key }).map {
                Plan.NewRegion(Array(entries[$0]), target: previous.target)
            })
        }
        let newRegionsByStart = Dictionary(uniqueKeysWithValues: newRegions)
        for (index, region) in previous.regions.enumerated() {
            if let regions = newRegionsByStart[index] {
                regions.forEach { plan.add($0) }
            } else if !affected.contains(index) {
                plan.keep(region, of: previous)
            }
        }
        return plan
    }

    /// `entries` (sorted) with `changes` applied to those of `keys` (sorted) and, when
    /// `bitmapsChange`, their bitmaps made for the new number of articles; nil when an entry to
    /// change does not decode or the changes do not fit.
    private func patch(_ entries: [SearchIndexCache.StoredEntry], keys: [String], changes: [String: SearchIndex.Change],
                       previous: SearchIndexCache, bitmapsChange: Bool) -> [SearchIndexCache.StoredEntry]? {
        var result: [SearchIndexCache.StoredEntry] = []
        result.reserveCapacity(entries.count + keys.count)
        var next = 0
        do throws(SearchIndex.Change.Mismatch) {
            func addNew(before key: String?) throws(SearchIndex.Change.Mismatch) {
                while next < keys.count, key.map({ keys[next].utf8.lexicographicallyPrecedes($0.utf8) }) ?? true {
                    if let change = changes[keys[next]], let entry = try change.applied(to: SearchIndex.Entry(key: keys[next])) {
                        result.append(stored(entry))
                    }
                    next += 1
                }
            }
            for entry in entries {
                try addNew(before: entry.key)
                let isChanged = next < keys.count && keys[next] == entry.key
                guard isChanged || (bitmapsChange && entry.usesBitmap) else {
                    result.append(entry)
                    continue
                }
                if isChanged { next += 1 }
                guard let old = previous.entry(entry.key, record: entry.record) else { return nil }
                // Unchanged when only its bitmap is to be made again.
                let new = try changes[entry.key].map { change throws(SearchIndex.Change.Mismatch) in try change.applied(to: old) } ?? old
                if let new { result.append(stored(new)) }
            }
            try addNew(before: nil)
        } catch {
            return nil
        }
        return result
    }

    /// The ranges of `indices` that make regions: each starts at an index whose key starts a region
    /// (``SearchIndexLayout/startsRegion(_:span:)``), the first at the first index.
    private static func regions(of indices: Range<Int>, span: Int, key: (Int) -> String) -> [Range<Int>] {
        var regions: [Range<Int>] = []
        var start = indices.lowerBound
        for index in indices.dropFirst() where SearchIndexLayout.startsRegion(key(index), span: span) {
            regions.append(start..<index)
            start = index
        }
        if start < indices.upperBound { regions.append(start..<indices.upperBound) }
        return regions
    }

    /// `numbers` as runs of consecutive numbers.
    private static func runs(of numbers: Set<Int>) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        for number in numbers.sorted() {
            if let last = runs.last, last.upperBound == number - 1 {
                runs[runs.count - 1] = last.lowerBound...number
            } else {
                runs.append(number...number)
            }
        }
        return runs
    }
}
