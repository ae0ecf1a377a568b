/// How the index's entries (``SearchIndex/Entry``) are cut into shard files and written
/// (docs/search.md describes the format).
///
/// Entries, in the byte order of their keys, fall into *regions*: a region starts at a key whose
/// FNV-1a hash is a multiple of the shard span (and the first region at the first key), so that
/// where regions start depends on the keys alone. A region is cut into shards of about the target
/// size, from its start: a shard closes before a key whose payload alone passes the target (which
/// then has a shard of its own) or when it would pass twice the target. A changed key therefore
/// changes its region's shards only.
struct SearchIndexLayout: Sendable, Equatable {
    /// Articles described by each records file.
    var recordsPerFile = 32
    /// The smallest size a shard aims at, in bytes; doubled until the index takes at most
    /// ``shardsWanted`` shards (static hosts limit the files of a site).
    var shardBytes = 8 * 1024
    var shardsWanted = 1500
    /// Above this many articles, a stem's list of articles is replaced by a bitmap of them plus
    /// the ``strongestPostings`` of highest impact (a word in most articles stays small).
    var bitmapThreshold = 8192
    var strongestPostings = 4096

    /// One shard: its first key and its bytes.
    struct Shard: Sendable {
        var first: String
        var bytes: [UInt8]
    }

    /// The size a shard aims at and the span of region starts (a power of two, about the number of
    /// keys of that size, so that it moves only when the index doubles), for an index of `keys`
    /// keys taking `bytes` bytes (``size(of:payload:)``).
    func sizing(keys: Int, bytes: Int) -> (target: Int, span: Int) {
        var target = shardBytes
        while bytes / target > shardsWanted { target *= 2 }
        let wanted = max(1, keys * target / max(1, bytes))
        var span = 1
        while span * 2 <= wanted { span *= 2 }
        return (target, span)
    }

    /// What a key with its payload counts for in ``sizing(keys:bytes:)``.
    static func size(of key: String, payload: ArraySlice<UInt8>) -> Int {
        key.utf8.count + payload.count + 2
    }

    /// Whether `key` starts a region: its FNV-1a hash is a multiple of `span`.
    static func startsRegion(_ key: String, span: Int) -> Bool {
        Int(FNV1a.hash(key.utf8)) % span == 0
    }

    /// The shards of one region's `entries`: their keys (sorted) with their payloads.
    static func shards(of entries: [(key: String, payload: ArraySlice<UInt8>)], target: Int) -> [Shard] {
        var shards: [Shard] = []
        var writer = ByteWriter()
        var first = ""
        var previous = ""
        var count = 0
        func close() {
            guard count > 0 else { return }
            var shard = ByteWriter()
            shard.varint(count)
            shards.append(Shard(first: first, bytes: shard.bytes + writer.bytes))
            writer = ByteWriter()
            count = 0
        }
        for (key, payload) in entries {
            let isLarge = payload.count > target
            if count > 0, isLarge || writer.bytes.count + payload.count > 2 * target { close() }
            if count == 0 { first = key; previous = "" }
            let shared = sharedPrefix(previous, key)
            writer.varint(shared)
            writer.string(Array(key.utf8.dropFirst(shared)))
            writer.bytes += payload
            previous = key
            count += 1
            if isLarge { close() }
        }
        close()
        return shards
    }

    /// The number of bytes `a` and `b` begin with in common (in UTF-8).
    static func sharedPrefix(_ a: String, _ b: String) -> Int {
        zip(a.utf8, b.utf8).prefix { $0 == $1 }.count
    }

    /// What follows an entry's key in a shard, in an index of `articleCount` articles: flags (1: a
    /// word, 2: a stem or tag with postings), the stem as the number of the key's bytes it keeps
    /// and the bytes it adds, then the postings: the number of articles, and either (mode 0) each
    /// article's distance from the previous one and impact, or (mode 1) a bitmap of the articles,
    /// then the strongest postings in the same form and the impact that stands for the others.
    func payload(of entry: SearchIndex.Entry, articleCount: Int) -> [UInt8] {
        var writer = ByteWriter()
        writer.byte((entry.stem == nil ? 0 : 1) | (entry.postings.isEmpty ? 0 : 2))
        if let stem = entry.stem {
            let kept = Self.sharedPrefix(entry.key, stem)
            writer.varint(kept)
            writer.string(Array(stem.utf8.dropFirst(kept)))
        }
        let postings = entry.postings
        guard !postings.isEmpty else { return writer.bytes }
        writer.varint(postings.count)
        if !usesBitmap(entry) {
            writer.byte(0)
            writer.postings(postings)
        } else {
            writer.byte(1)
            var bitmap = [UInt8](repeating: 0, count: (articleCount + 7) / 8)
            for posting in postings where Int(posting.article) < articleCount { bitmap[Int(posting.article) / 8] |= 1 << (posting.article % 8) }
            writer.varint(bitmap.count)
            writer.bytes += bitmap
            let (strongest, weakest) = self.strongest(of: postings)
            writer.postings(strongest)
            writer.byte(weakest)
        }
        return writer.bytes
    }

    /// The ``strongestPostings`` postings of highest impact (of the newest articles among equal
    /// impacts), in article order, and the lowest impact among them; found by counting impacts
    /// rather than sorting (a word in most articles of a large archive has tens of thousands).
    private func strongest(of postings: [SearchIndex.Posting]) -> (postings: [SearchIndex.Posting], weakest: UInt8) {
        var counts = [Int](repeating: 0, count: 256)
        for posting in postings { counts[Int(posting.impact)] += 1 }
        // The lowest impact kept, and how many postings of that impact are kept (the last ones).
        var threshold = 255, above = 0
        while threshold > 0, above + counts[threshold] < strongestPostings {
            above += counts[threshold]
            threshold -= 1
        }
        let tiedKept = min(counts[threshold], strongestPostings - above)
        var tiedSeen = 0
        let kept = postings.filter { posting in
            guard Int(posting.impact) == threshold else { return Int(posting.impact) > threshold }
            tiedSeen += 1
            return tiedSeen > counts[threshold] - tiedKept
        }
        return (kept, kept.map(\.impact).min() ?? 1)
    }

    /// Whether `entry`'s postings are written as a bitmap (its payload then depends on the number of articles).
    func usesBitmap(_ entry: SearchIndex.Entry) -> Bool {
        entry.postings.count > bitmapThreshold
    }
}

/// Little-endian bytes with LEB128 variable-length integers.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func varint(_ value: Int) {
        var rest = UInt(value)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// A length, then the bytes.
    mutating func string(_ utf8: some Collection<UInt8>) {
        varint(utf8.count)
        bytes += utf8
    }

    /// The number of postings, then each one's distance from the previous article and its impact.
    mutating func postings(_ postings: some Collection<SearchIndex.Posting>) {
        varint(postings.count)
        var previous: Int32 = -1
        for posting in postings {
            varint(Int(posting.article - previous))
            byte(posting.impact)
            previous = posting.article
        }
    }
}
