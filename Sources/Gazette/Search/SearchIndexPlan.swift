/// The regions of a search index (``SearchIndexLayout``) and the data file holding them
/// (``SearchIndexCache``): made whole from every article, or the previous build's brought up to
/// date. For the articles whose identity changed, what the old version added to the index is taken
/// back and what the new one adds is put in; only the regions holding a changed key are decoded,
/// and in them only the entries that change; every other region is carried over as bytes, its
/// files kept. A region whose first key goes joins the region before it.
struct SearchIndexPlan {
    /// The regions, each with whether its files are the previous build's (kept unless they cannot be).
    private(set) var regions: [(region: SearchIndexCache.Region, isKept: Bool)] = []
    /// The new data file.
    private(set) var data: [UInt8]
    private(set) var target = 0, span = 1
    /// The cache the plan brings up to date (nil: the index is made whole).
    private(set) var previous: SearchIndexCache?
    /// The records files whose articles changed.
    private(set) var changedRecords: Set<Int> = []

    /// The plan of `index` made whole.
    init(wholeIndexOf index: SearchIndexFiles) {
        let entries = parallelMap(SearchIndex.entries(of: index.identities.indices.map(index.document)), index.stored)
        let bytes = entries.reduce(0) { $0 + $1.size }
        data = SearchIndexCache.data(identities: index.identities, capacity: 0)
        (target, span) = index.layout.sizing(keys: entries.count, bytes: bytes)
        let target = target
        let regions = Self.regions(of: entries.indices, span: span, key: { entries[$0].key })
        parallelMap(regions) { NewRegion(Array(entries[$0]), target: target) }.forEach { add($0) }
    }

    /// The plan of `previous` brought up to date to `index` (`previousDocument` finds a document
    /// `previous` was made from by its identity and the file of the article that now has its
    /// number); nil when it cannot be: too many articles changed, an old document is not known,
    /// the data does not decode, or the index's sizing changes.
    init?(updating previous: SearchIndexCache, to index: SearchIndexFiles, previousDocument: (ContentHash, String?) -> SearchDocument?) {
        guard !previous.regions.isEmpty, let changed = Self.changedArticles(from: previous, to: index),
              let changes = Self.changes(of: changed, from: previous, to: index, previousDocument: previousDocument),
              let (patched, affected) = Self.patchedRuns(of: previous, changes: changes, index: index) else { return nil }
        // The sizing of the whole must stay, or every region moves.
        var keys = 0, bytes = 0
        for entries in patched.values {
            keys += entries.count
            bytes += entries.reduce(0) { $0 + $1.size }
        }
        for (number, region) in previous.regions.enumerated() where !affected.contains(number) {
            keys += region.keys
            bytes += region.bytes
        }
        guard index.layout.sizing(keys: keys, bytes: bytes) == (previous.target, previous.span) else { return nil }
        data = SearchIndexCache.data(identities: index.identities, capacity: previous.data.count + previous.data.count / 8)
        (target, span) = (previous.target, previous.span)
        self.previous = previous
        changedRecords = Set(changed.map { $0 / index.layout.recordsPerFile })
        // The regions in order: the patched runs cut into regions (on every core), the others carried over.
        let newRegions = Dictionary(uniqueKeysWithValues: parallelMap(patched.sorted { $0.key < $1.key }) { start, entries in
            (start, Self.regions(of: entries.indices, span: previous.span, key: { entries[$0].key }).map {
                NewRegion(Array(entries[$0]), target: previous.target)
            })
        })
        for (number, region) in previous.regions.enumerated() {
            if let regions = newRegions[number] {
                regions.forEach { add($0) }
            } else if !affected.contains(number) {
                keep(region, of: previous)
            }
        }
    }

    /// The numbers of the articles whose identity changed, appeared or went; nil past
    /// ``SearchIndexFiles/mostChangedArticles``.
    private static func changedArticles(from previous: SearchIndexCache, to index: SearchIndexFiles) -> [Int]? {
        var changed: [Int] = []
        for number in 0..<max(previous.articleCount, index.identities.count)
        where number >= previous.articleCount || number >= index.identities.count || previous.identities[number] != index.identities[number] {
            changed.append(number)
            guard changed.count <= SearchIndexFiles.mostChangedArticles else { return nil }
        }
        return changed
    }

    /// What the `changed` articles change in the index: their old documents taken back, their new
    /// ones put in; nil when an old document is not known. An old document still in the index
    /// under another number (an article published before it renumbers it) is the new one of that
    /// number; the others are asked of `previousDocument`.
    private static func changes(of changed: [Int], from previous: SearchIndexCache, to index: SearchIndexFiles,
                                previousDocument: (ContentHash, String?) -> SearchDocument?) -> SearchIndex.Changes? {
        var changes = SearchIndex.Changes()
        let renumbered = Dictionary(changed.filter { $0 < index.identities.count }.map { (index.identities[$0], $0) }) { first, _ in first }
        for number in changed where number < previous.articleCount {
            let identity = previous.identities[number]
            let file = number < index.identities.count ? index.article(number).article.file : nil
            guard let document = renumbered[identity].map(index.document) ?? previousDocument(identity, file) else { return nil }
            changes.add(document, number: number, sign: -1)
        }
        for number in changed where number < index.identities.count { changes.add(index.document(number), number: number, sign: 1) }
        changes.dropUnchanged()
        return changes
    }

    /// The entries of each run of regions of `previous` that `changes` touch (or whose bitmaps
    /// change length), brought up to date, by the run's first region (on every core); and the
    /// regions they replace. A run whose new first key does not start a region joins the region
    /// before it. Nil when an entry does not decode or a change does not fit.
    private static func patchedRuns(of previous: SearchIndexCache, changes: SearchIndex.Changes, index: SearchIndexFiles)
        -> (patched: [Int: [SearchIndexCache.StoredEntry]], affected: Set<Int>)? {
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
        let bitmapsChange = (previous.articleCount + 7) / 8 != (index.identities.count + 7) / 8
        if bitmapsChange { affected.formUnion(previous.regions.indices.filter { previous.regions[$0].usesBitmap }) }
        let changesByKey = changes.byKey, keys = keysOfRegion
        while true {
            let results = parallelMap(runs(of: affected)) { run -> (run: ClosedRange<Int>, entries: [SearchIndexCache.StoredEntry]?) in
                var entries: [SearchIndexCache.StoredEntry] = []
                for region in run {
                    guard let stored = previous.entries(of: previous.regions[region]) else { return (run, nil) }
                    entries += stored
                }
                let changed = run.flatMap { keys[$0] ?? [] }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                return (run, patch(entries, keys: changed, changes: changesByKey, previous: previous, bitmapsChange: bitmapsChange, index: index))
            }
            var patched: [Int: [SearchIndexCache.StoredEntry]] = [:]
            var joining: Set<Int> = []
            for (run, entries) in results {
                guard let entries else { return nil }
                if run.lowerBound > 0, let first = entries.first, !SearchIndexLayout.startsRegion(first.key, span: previous.span) {
                    joining.insert(run.lowerBound - 1)
                }
                patched[run.lowerBound] = entries
            }
            guard !joining.isEmpty else { return (patched, affected) }
            affected.formUnion(joining)
        }
    }

    /// A region of `entries` (sorted, not empty) made into its data and shards for shards
    /// of `target` bytes, ready to be added (regions are made on every core, added in order):
    /// its ranges point into its own ``bytes``.
    struct NewRegion: Sendable {
        var region: SearchIndexCache.Region
        var bytes: [UInt8] = []

        init(_ entries: [SearchIndexCache.StoredEntry], target: Int) {
            SearchIndexCache.append(entries, to: &bytes)
            let entriesRange = 0..<bytes.count
            var shards: [SearchIndexCache.Shard] = []
            for shard in SearchIndexLayout.shards(of: entries.map { ($0.key, $0.payload) }, target: target) {
                let start = bytes.count
                bytes += shard.bytes
                shards.append(SearchIndexCache.Shard(first: shard.first, stamp: ContentHash(of: shard.bytes), bytes: start..<bytes.count))
            }
            region = SearchIndexCache.Region(first: entries[0].key, keys: entries.count, bytes: entries.reduce(0) { $0 + $1.size },
                                             usesBitmap: entries.contains(where: \.usesBitmap), shards: shards, entries: entriesRange)
        }
    }

    /// Adds `new` at the end.
    private mutating func add(_ new: NewRegion) {
        append(new.region, from: new.bytes[...], isKept: false)
    }

    /// Adds the previous build's `region` at the end, its bytes copied from `previous`'s data file.
    private mutating func keep(_ region: SearchIndexCache.Region, of previous: SearchIndexCache) {
        append(region, from: previous.data[...], isKept: true)
    }

    /// Adds `region`, whose entries and shards are at its ranges in `source`, at the end: its
    /// bytes copied to the end of ``data`` and its ranges moved with them.
    private mutating func append(_ region: SearchIndexCache.Region, from source: ArraySlice<UInt8>, isKept: Bool) {
        var moved = region
        func copy(_ range: Range<Int>) -> Range<Int> {
            let start = data.count
            data += source[range]
            return start..<data.count
        }
        moved.entries = copy(region.entries)
        for index in moved.shards.indices { moved.shards[index].bytes = copy(region.shards[index].bytes) }
        regions.append((moved, isKept))
    }

    /// `entries` (sorted) with `changes` applied to those of `keys` (sorted) and, when
    /// `bitmapsChange`, their bitmaps made for the new number of articles; nil when an entry to
    /// change does not decode or the changes do not fit (payloads made for the articles of `index`).
    private static func patch(_ entries: [SearchIndexCache.StoredEntry], keys: [String], changes: [String: SearchIndex.Change],
                       previous: SearchIndexCache, bitmapsChange: Bool, index: SearchIndexFiles) -> [SearchIndexCache.StoredEntry]? {
        var result: [SearchIndexCache.StoredEntry] = []
        result.reserveCapacity(entries.count + keys.count)
        var next = 0
        do throws(SearchIndex.Change.Mismatch) {
            func addNew(before key: String?) throws(SearchIndex.Change.Mismatch) {
                while next < keys.count, key.map({ keys[next].utf8.lexicographicallyPrecedes($0.utf8) }) ?? true {
                    if let change = changes[keys[next]], let entry = try change.applied(to: SearchIndex.Entry(key: keys[next])) {
                        result.append(index.stored(entry))
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
                if let new { result.append(index.stored(new)) }
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

extension SearchIndexFiles {
    /// `entry` as the data file holds it, its payload made for the articles of this index.
    func stored(_ entry: SearchIndex.Entry) -> SearchIndexCache.StoredEntry {
        SearchIndexCache.StoredEntry(key: entry.key, usesBitmap: layout.usesBitmap(entry), record: SearchIndexCache.record(of: entry)[...],
                                     payload: layout.payload(of: entry, articleCount: identities.count)[...])
    }
}
