import Foundation

/// What the previous build's search index was made of, so that the next build changes only what
/// the changed articles touch (``SearchIndexFiles``).
///
/// Two files beside the build manifest (``BuildCache``):
///
/// * `.gazette-cache/NAME.search`, small, in a ``CacheFile`` envelope (checksummed, keyed with
///   `GAZETTE_CACHE_KEY` when it is set): the settings the index was made with, its sizing, and
///   for each region (``SearchIndexLayout``) its first key, size, shards (each with the stamp of
///   the file written for it) and where its entries and shards are in the data file; the stamps
///   of the records files and of `meta.json`; the identity of the data file;
/// * `.gazette-cache/NAME.search-data`: every article's ``SearchDocument/identity``, then every
///   region's entries in full (all their postings, where a shard may keep only a bitmap) and
///   the bytes of its shards.
///
/// The data file is megabytes: checksumming it at every build would cost more than the update it
/// serves. It is trusted only while it is the very file the envelope recorded (``FileIdentity``:
/// inode, size, modification and status-change times), as the output's pages are: a copy, a
/// restore from a CI cache or an edit gives it another identity, and the index is made whole.
struct SearchIndexCache: Sendable, SavedCache {
    /// A region of the index: a run of entries whose shards change only with them.
    struct Region: Sendable {
        var first: String
        /// How many keys, and their size as ``SearchIndexLayout/sizing(keys:bytes:)`` counts it.
        var keys: Int
        var bytes: Int
        /// Whether a key of the region has a bitmap (its shards change with the number of articles).
        var usesBitmap: Bool
        var shards: [Shard]
        /// Where its entries are in ``data``.
        var entries: Range<Int>
    }

    /// A shard of a region: its first key, the stamp of its file (``ContentHash`` of its bytes),
    /// and where its bytes are in ``data`` (written again from there when the file cannot be kept).
    struct Shard: Sendable {
        var first: String
        var stamp: ContentHash
        var bytes: Range<Int>
    }

    /// What the index was made with besides its articles (the layout, the time zone of dates).
    var settings: ContentHash
    var articleCount: Int
    var target: Int
    var span: Int
    var regions: [Region]
    /// The stamp of each records file (``ContentHash`` of its bytes), by number.
    var records: [ContentHash]
    /// The fingerprint of what `meta.json` was made from.
    var meta: ContentHash
    /// The identity of each article (``SearchDocument/identity``), by number.
    var identities: [ContentHash]
    /// The data file's contents: the articles' identities, then the regions' entries and shards.
    var data: [UInt8]

    private static let format = "gazette-search 2"
    private static let identityBytes = 32

    /// An entry of a region as the data file holds it: its key, whether its postings are written
    /// as a bitmap (its payload then changes with the number of articles), and as bytes its record
    /// (``record(of:)``) and its payload in a shard (``SearchIndexLayout/payload(of:articleCount:)``).
    /// An entry that no change touches is carried over as these bytes, never decoded.
    struct StoredEntry: Sendable {
        var key: String
        var usesBitmap: Bool
        var record: ArraySlice<UInt8>
        var payload: ArraySlice<UInt8>

        /// What the entry counts for in ``SearchIndexLayout/sizing(keys:bytes:)``.
        var size: Int { SearchIndexLayout.size(of: key, payload: payload) }
    }

    /// The entries of `region` in key order; nil when they are not that (a damaged file).
    func entries(of region: Region) -> [StoredEntry]? {
        guard region.entries.upperBound <= data.count else { return nil }
        var reader = CacheReader(data[region.entries])
        do throws(CacheReader.Damaged) {
            var previous: String?
            let entries = try reader.list { reader throws(CacheReader.Damaged) -> StoredEntry in
                let entry = StoredEntry(key: try reader.string(), usesBitmap: try reader.bool(), record: try reader.bytes(), payload: try reader.bytes())
                guard previous.map({ $0.utf8.lexicographicallyPrecedes(entry.key.utf8) }) ?? true else { throw CacheReader.Damaged() }
                previous = entry.key
                return entry
            }
            return reader.isAtEnd && entries.count == region.keys ? entries : nil
        } catch {
            return nil
        }
    }

    /// The entry of `key` written in `record`, checked (postings in order, of existing articles);
    /// nil when it is not one (a damaged file).
    func entry(_ key: String, record: ArraySlice<UInt8>) -> SearchIndex.Entry? {
        var reader = CacheReader(record)
        var entry = SearchIndex.Entry(key: key)
        do throws(CacheReader.Damaged) {
            if try reader.bool() {
                entry.stem = try reader.string()
                entry.uses = try reader.int()
                guard entry.uses > 0 else { return nil }
            }
            var article = -1
            entry.postings = try reader.list { reader throws(CacheReader.Damaged) in
                let next = article + (try reader.int())
                guard next >= article, next < articleCount, let impact = UInt8(exactly: try reader.int()) else { throw CacheReader.Damaged() }
                article = next
                return SearchIndex.Posting(article: Int32(article), impact: impact)
            }
        } catch {
            return nil
        }
        return reader.isAtEnd && (entry.stem != nil || !entry.postings.isEmpty) ? entry : nil
    }

    /// The record of `entry` in the data file: its stem and uses if it is a word, its postings in full.
    static func record(of entry: SearchIndex.Entry) -> [UInt8] {
        var writer = CacheWriter(capacity: 8 + 2 * entry.postings.count)
        writer.write(entry.stem) { writer, stem in
            writer.write(stem)
            writer.write(entry.uses)
        }
        var article = -1
        writer.write(entry.postings) { writer, posting in
            writer.write(Int(posting.article) - article)
            writer.write(Int(posting.impact))
            article = Int(posting.article)
        }
        return writer.bytes
    }

    /// Appends a region of `entries` to `data`.
    static func append(_ entries: [StoredEntry], to data: inout [UInt8]) {
        var writer = CacheWriter(continuing: data)
        data = []
        writer.write(entries) { writer, entry in
            writer.write(entry.key)
            writer.write(entry.usesBitmap)
            writer.write(bytes: entry.record)
            writer.write(bytes: entry.payload)
        }
        data = writer.bytes
    }

    /// The data file's beginning for articles of these identities, with room for `capacity` bytes in all.
    static func data(identities: [ContentHash], capacity: Int) -> [UInt8] {
        var data: [UInt8] = []
        data.reserveCapacity(max(capacity, identities.count * identityBytes))
        for identity in identities { identity.append(to: &data) }
        return data
    }

    /// The envelope of the output folder `outputDirectory`, beside its build manifest.
    static func path(forOutput outputDirectory: String) -> String {
        BuildCache.cacheFile(forOutput: outputDirectory, named: "search")
    }

    /// The data file of the envelope at `path`.
    private static func dataPath(of path: String) -> String { path + "-data" }

    /// The cache whose envelope is at `path`, written by `program` with `settings`; nil when it is
    /// missing, damaged, made otherwise, or its data file is not the one it recorded.
    static func load(from path: String, program: String, settings: ContentHash) -> SearchIndexCache? {
        let dataPath = dataPath(of: path)
        guard let contents = CacheFile.read(path, format: format, program: program) else { return nil }
        var reader = CacheReader(contents)
        do throws(CacheReader.Damaged) {
            guard ContentHash(bytes: try reader.bytes()) == settings else { return nil }
            let identity = FileIdentity(inode: UInt64(UInt(bitPattern: try reader.int())), size: Int64(try reader.int()),
                                        modified: Int64(try reader.int()), changed: Int64(try reader.int()))
            let articleCount = try reader.int(), target = try reader.int(), span = try reader.int()
            func hash(_ reader: inout CacheReader) throws(CacheReader.Damaged) -> ContentHash {
                guard let hash = ContentHash(bytes: try reader.bytes()) else { throw CacheReader.Damaged() }
                return hash
            }
            func range(_ reader: inout CacheReader) throws(CacheReader.Damaged) -> Range<Int> {
                let start = try reader.int(), end = try reader.int()
                guard start >= 0, end >= start else { throw CacheReader.Damaged() }
                return start..<end
            }
            let regions = try reader.list { reader throws(CacheReader.Damaged) in
                let first = try reader.string(), keys = try reader.int(), bytes = try reader.int(), usesBitmap = try reader.bool()
                let shards = try reader.list { reader throws(CacheReader.Damaged) in
                    Shard(first: try reader.string(), stamp: try hash(&reader), bytes: try range(&reader))
                }
                let entries = try range(&reader)
                guard !shards.isEmpty else { throw CacheReader.Damaged() }
                return Region(first: first, keys: keys, bytes: bytes, usesBitmap: usesBitmap, shards: shards, entries: entries)
            }
            let records = try reader.list(hash)
            let meta = try hash(&reader)
            let identities = articleCount * identityBytes
            guard reader.isAtEnd, articleCount >= 0, target > 0, span > 0,
                  regions.allSatisfy({ region in ([region.entries] + region.shards.map(\.bytes)).allSatisfy { $0.lowerBound >= identities } }),
                  FileIdentity(of: dataPath) == identity, let data = POSIXFile.read(dataPath),
                  FileIdentity(of: dataPath) == identity,
                  case let end = regions.map({ max($0.entries.upperBound, $0.shards.map(\.bytes.upperBound).max() ?? 0) }).max() ?? 0,
                  data.count >= max(end, identities) else { return nil }
            let identityList = data.withUnsafeBytes { bytes in
                (0..<articleCount).map { ContentHash(loadingFrom: bytes.baseAddress! + $0 * identityBytes) }
            }
            return SearchIndexCache(settings: settings, articleCount: articleCount, target: target, span: span, regions: regions,
                                    records: records, meta: meta, identities: identityList, data: data)
        } catch {
            return nil
        }
    }

    /// Writes the data file, then the envelope at `path` that records it, for `program`.
    func save(to path: String, program: String) throws(POSIXFailure) {
        let dataPath = Self.dataPath(of: path)
        try POSIXFile.createOwnFolder((dataPath as NSString).deletingLastPathComponent)
        let temporary = dataPath + ".\(getpid()).tmp"
        try POSIXFile.write([data], to: temporary, shownAs: temporary)
        guard rename(temporary, dataPath) == 0, let identity = FileIdentity(of: dataPath) else {
            let code = errno
            unlink(temporary)
            throw POSIXFailure(operation: "renaming \(temporary) to \(dataPath)", code: code)
        }
        var writer = CacheWriter(capacity: 64 * regions.count)
        writer.write(bytes: settings.bytes)
        for field in [Int(bitPattern: UInt(identity.inode)), Int(identity.size), Int(identity.modified), Int(identity.changed), articleCount, target, span] {
            writer.write(field)
        }
        writer.write(regions) { writer, region in
            writer.write(region.first)
            writer.write(region.keys)
            writer.write(region.bytes)
            writer.write(region.usesBitmap)
            writer.write(region.shards) { writer, shard in
                writer.write(shard.first)
                writer.write(bytes: shard.stamp.bytes)
                writer.write(shard.bytes.lowerBound)
                writer.write(shard.bytes.upperBound)
            }
            writer.write(region.entries.lowerBound)
            writer.write(region.entries.upperBound)
        }
        writer.write(records) { $0.write(bytes: $1.bytes) }
        writer.write(bytes: meta.bytes)
        try CacheFile.write(writer.bytes, to: path, format: Self.format, program: program)
    }
}
