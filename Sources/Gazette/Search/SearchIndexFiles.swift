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
/// Shard boundaries depend on the keys themselves (a key whose hash is a multiple of the shard
/// span starts a shard), not on what comes before: a changed article rewrites the shards of its
/// words and its records file, and every other file keeps its bytes.
struct SearchIndexFiles {
    /// What results show of one article.
    struct Record: Encodable, Sendable {
        /// Title, address from the site root, date line, tag names, excerpt.
        let t: String, u: String, d: String, g: [String], e: String
    }

    /// Articles described by each records file.
    static let recordsPerFile = 32
    /// The smallest size a shard aims at, in bytes; doubled until the index takes at most
    /// ``shardsWanted`` shards (static hosts limit the files of a site).
    static let shardBytes = 8 * 1024
    static let shardsWanted = 1500
    /// Above this many articles, a stem's list of articles is replaced by a bitmap of them plus
    /// the ``strongestPostings`` of highest impact (a word in most articles stays small).
    static let bitmapThreshold = 8192
    static let strongestPostings = 4096

    let index: SearchIndex
    /// The records, by article number.
    let records: [Record]
    /// The article numbers of each tag, by tag slug.
    let tags: [String: [Int32]]
    /// The first article number of each year, oldest year first.
    let years: [(year: Int, first: Int)]

    /// The index of the articles `site` lists (drafts and scheduled articles only when the build
    /// shows them), with their dates written as `dates` writes them.
    init(site: Site, dates: FrenchDate) {
        let articles = site.articles.reversed()
        index = SearchIndex(documents: articles.map { $0.search ?? SearchDocument(words: [], weights: [], excerpt: "") },
                            headlines: articles.map { ([$0.article.title] + $0.tags.map(\.name)).joined(separator: "\n") })
        records = articles.map { entry in
            Record(t: FrenchTypography.apply(to: entry.article.title), u: entry.path, d: dates.day(entry.article.date),
                   g: entry.tags.map(\.name), e: FrenchTypography.apply(to: entry.search?.excerpt ?? ""))
        }
        var tags: [String: [Int32]] = [:]
        var years: [(year: Int, first: Int)] = []
        for (number, entry) in articles.enumerated() {
            for tag in entry.tags { tags[tag.slug, default: []].append(Int32(number)) }
            if years.last?.year != entry.year { years.append((entry.year, number)) }
        }
        self.tags = tags
        self.years = years
    }

    /// Every file of the index, paths below the site root.
    func files() -> [OutputFile] {
        let shards = self.shards()
        var files = shards.map { OutputFile(path: SiteLinks.searchIndexFolder + "s/" + Self.fileName(forKey: $0.first) + ".bin", contents: Data($0.bytes)) }
        for start in stride(from: 0, to: records.count, by: Self.recordsPerFile) {
            let slice = Array(records[start..<min(records.count, start + Self.recordsPerFile)])
            files.append(OutputFile(path: SiteLinks.searchIndexFolder + "r/\(start / Self.recordsPerFile).json", contents: Self.json(slice)))
        }
        files.append(OutputFile(path: SiteLinks.searchIndexFolder + "meta.json", contents: meta(shardKeys: shards.map(\.first))))
        return files
    }

    /// The file name of the shard starting at `key`: the key itself when it is made of ASCII
    /// letters and digits, else `x` and its UTF-8 bytes in hexadecimal (never a letter-only name).
    static func fileName(forKey key: String) -> String {
        if !key.isEmpty, key.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }) { return key }
        return "x" + key.utf8.map { String(format: "%02x", $0) }.joined()
    }

    private func meta(shardKeys: [String]) -> Data {
        struct Meta: Encodable {
            let version = 1
            let articles: Int, recordsPerFile: Int, shards: [String], years: [[Int]], stopWords: [String]
        }
        return Self.json(Meta(articles: index.articleCount, recordsPerFile: Self.recordsPerFile, shards: shardKeys,
                              years: years.map { [$0.year, $0.first] }, stopWords: SearchText.stopWords.sorted()))
    }

    private static func json(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("null".utf8)
    }

    // MARK: Shards

    /// One key of the index: a word's stem, a stem's postings, or both.
    private struct Entry {
        var key: String
        var stem: String?
        var postings: [SearchIndex.Posting]?
    }

    /// The shards: their first key and bytes.
    private func shards() -> [(first: String, bytes: [UInt8])] {
        var entries: [String: Entry] = [:]
        for (word, stem) in index.words { entries[word] = Entry(key: word, stem: stem) }
        for (stem, postings) in index.postings { entries[stem, default: Entry(key: stem)].postings = postings }
        for (slug, articles) in tags {
            entries["#" + slug] = Entry(key: "#" + slug, postings: articles.map { SearchIndex.Posting(article: $0, impact: 0) })
        }
        // In the order of their bytes, as the script compares them.
        let sorted = entries.values.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        let payloads = sorted.map { payload(of: $0) }
        let total = zip(sorted, payloads).reduce(0) { $0 + $1.0.key.utf8.count + $1.1.count + 2 }
        // Keys a shard spans on average, a power of two (so that it moves only when the index doubles).
        var target = Self.shardBytes
        while total / target > Self.shardsWanted { target *= 2 }
        let wanted = max(1, sorted.count * target / max(1, total))
        var span = 1
        while span * 2 <= wanted { span *= 2 }

        var shards: [(first: String, bytes: [UInt8])] = []
        var writer = ByteWriter()
        var first = ""
        var previous = ""
        var count = 0
        func close() {
            guard count > 0 else { return }
            var shard = ByteWriter()
            shard.varint(count)
            shards.append((first, shard.bytes + writer.bytes))
            writer = ByteWriter()
            count = 0
        }
        for (entry, payload) in zip(sorted, payloads) {
            let isLarge = payload.count > target
            if count > 0, isLarge || Self.startsShard(entry.key, span: span) || writer.bytes.count + payload.count > 2 * target {
                close()
            }
            if count == 0 { first = entry.key; previous = "" }
            let shared = Self.sharedPrefix(previous, entry.key)
            writer.varint(shared)
            writer.string(Array(entry.key.utf8.dropFirst(shared)))
            writer.bytes += payload
            previous = entry.key
            count += 1
            if isLarge { close() }
        }
        close()
        return shards
    }

    /// Whether `key` starts a shard: its FNV-1a hash is a multiple of `span`.
    private static func startsShard(_ key: String, span: Int) -> Bool {
        Int(FNV1a.hash(key.utf8)) % span == 0
    }

    /// The number of bytes `a` and `b` begin with in common (in UTF-8).
    private static func sharedPrefix(_ a: String, _ b: String) -> Int {
        zip(a.utf8, b.utf8).prefix { $0 == $1 }.count
    }

    /// What follows an entry's key: flags (1: a word, 2: a stem with postings), the stem as the
    /// number of the key's bytes it keeps and the bytes it adds, then the postings: the number of
    /// articles, and either (mode 0) each article's distance from the previous one and impact, or
    /// (mode 1) a bitmap of the articles, then the strongest postings in the same form and the
    /// impact that stands for the others.
    private func payload(of entry: Entry) -> [UInt8] {
        var writer = ByteWriter()
        writer.byte((entry.stem == nil ? 0 : 1) | (entry.postings == nil ? 0 : 2))
        if let stem = entry.stem {
            let kept = Self.sharedPrefix(entry.key, stem)
            writer.varint(kept)
            writer.string(Array(stem.utf8.dropFirst(kept)))
        }
        guard let postings = entry.postings else { return writer.bytes }
        writer.varint(postings.count)
        if postings.count <= Self.bitmapThreshold {
            writer.byte(0)
            writer.postings(postings)
        } else {
            writer.byte(1)
            var bitmap = [UInt8](repeating: 0, count: (index.articleCount + 7) / 8)
            for posting in postings { bitmap[Int(posting.article) / 8] |= 1 << (posting.article % 8) }
            writer.varint(bitmap.count)
            writer.bytes += bitmap
            let strongest = postings.sorted { ($0.impact, $0.article) > ($1.impact, $1.article) }.prefix(Self.strongestPostings)
            writer.postings(strongest.sorted { $0.article < $1.article })
            writer.byte(strongest.last?.impact ?? 1)
        }
        return writer.bytes
    }
}

/// Little-endian bytes with LEB128 variable-length integers.
private struct ByteWriter {
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
    mutating func string(_ utf8: [UInt8]) {
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
