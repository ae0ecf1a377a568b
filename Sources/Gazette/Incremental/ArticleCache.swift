import Foundation

/// What the previous build found of each article by parsing and validating it, so that an
/// incremental build parses and checks again only the articles whose inputs changed: an article
/// whose record has the same key is taken as it was (its front matter, its warnings, its charts,
/// images and their problems), and its Markdown is parsed again only if its page must be rendered.
///
/// A record's key is the hash of the article's file and of every input that all articles share
/// (``sharedKey(limits:config:data:images:contentDirectory:dataFolder:)``): the settings, every
/// data and chart file, every image's bytes. Parsing and validating an article is a function of these
/// (its address and year are checked too: they come from its file and the site's time zone).
///
/// One file per output folder, `.gazette-cache/NAME.articles` beside the build manifest (see
/// ``BuildCache``), records in a compact binary form (``CacheWriter``) in a ``CacheFile`` envelope: a missing, damaged or foreign file means
/// that every article is parsed.
struct ArticleCache: Sendable {
    /// One article as the previous build read it.
    public struct Record: Sendable, Equatable {
        /// ``key(file:shared:)`` of the article when it was read.
        public var key: ContentHash
        /// The front matter (its body is not kept: it is the file from ``Article/bodyFirstLine`` on).
        public var article: Article
        /// What parsing it reported (warnings: a build with an error keeps no cache).
        public var parseProblems: [Diagnostic]
        /// What validating it found; nil when it was not validated (a draft, a scheduled article).
        public var validation: ArticleValidation?
    }

    /// The records, by the article's path as shown.
    public var records: [String: Record]

    /// The records of the file this cache was read from, with their bytes in it: a record that is
    /// still the same is written back as those bytes, not encoded again (its charts' JSON was a
    /// twentieth of a one-article rebuild at 10 000 articles).
    private var read: [String: (record: Record, bytes: ArraySlice<UInt8>)] = [:]

    /// A cache of `records`.
    public init(records: [String: Record] = [:]) {
        self.records = records
    }

    /// A cache of `records` that writes the records `previous` read and that did not change as
    /// they were read.
    init(records: [String: Record], writingUnchangedAs previous: ArticleCache) {
        self.records = records
        read = previous.read
    }

    /// The search document of identity `identity` in the file this cache was read from (what the
    /// previous search index was made of: ``SearchIndexCache``), looked for first in the record
    /// of `file`.
    func previousSearchDocument(_ identity: ContentHash, file: String?) -> SearchDocument? {
        if let file, let search = read[file]?.record.validation?.search, search.identity == identity { return search }
        return read.values.lazy.compactMap { $0.record.validation?.search }.first { $0.identity == identity }
    }

    private static let format = "gazette-articles 15"

    /// The file of the output folder `outputDirectory`, beside its build manifest.
    public static func path(forOutput outputDirectory: String) -> String {
        BuildCache.cacheFile(forOutput: outputDirectory, named: "articles")
    }

    /// The hash of the inputs every article's parsing and validation reads besides its own file.
    static func sharedKey(limits: InputLimits, config: ContentHash?, data: [(path: String, hash: ContentHash)],
                          images: [(path: String, hash: ContentHash)], contentDirectory: String, dataFolder: String) -> ContentHash {
        var fingerprint = Fingerprint()
        fingerprint.add("gazette articles 1")
        fingerprint.add("\(limits)")
        fingerprint.add(config.map(\.description) ?? "no site.yml")
        fingerprint.add(contentDirectory)
        fingerprint.add(dataFolder)
        for list in [data, images] {
            fingerprint.add(list.count)
            for input in list {
                fingerprint.add(input.path)
                fingerprint.add(input.hash)
            }
        }
        return fingerprint.hash
    }

    /// The key of an article whose file has the hash `file`.
    static func key(file: ContentHash, shared: ContentHash) -> ContentHash {
        var fingerprint = Fingerprint()
        fingerprint.add(shared)
        fingerprint.add(file)
        return fingerprint.hash
    }

    /// The record of the article read from `source` when its key is still `key`, with its body
    /// restored from the file.
    func article(from source: SourceFile, key: ContentHash) -> (article: Article, problems: [Diagnostic], validation: ArticleValidation?)? {
        guard let record = records[source.path], record.key == key else { return nil }
        var article = record.article
        article.body = source.text(fromLine: article.bodyFirstLine)
        return (article, record.parseProblems, record.validation)
    }

    /// The address (folder) the previous build gave the article of `file`, whatever changed since.
    func previousAddress(of file: String) -> String? {
        records[file]?.validation?.path
    }

    /// The cache at `path`, or an empty one when it is missing, from another program, or damaged.
    public static func load(from path: String, program: String) -> ArticleCache {
        guard let contents = CacheFile.read(path, format: format, program: program) else { return ArticleCache() }
        var reader = CacheReader(contents)
        var cache = ArticleCache()
        do throws(CacheReader.Damaged) {
            while !reader.isAtEnd {
                let start = reader.offset
                let (path, record) = try Record.read(from: &reader)
                cache.records[path] = record
                cache.read[path] = (record, reader.bytes(since: start))
            }
        } catch {
            return ArticleCache()
        }
        return cache
    }

    /// Writes the cache to `path` (atomically, see ``CacheFile``). An article that cannot be
    /// written (see ``Record/write(to:)``) is left out: it is parsed again.
    func save(to path: String, program: String) throws(POSIXFailure) {
        // Room for every record at once (untouched room costs no memory; growing by doubling
        // held the old and the new buffer together, at the build's peak), and the paths sorted,
        // not a sorted copy of every record.
        var writer = CacheWriter(capacity: records.count * 2048)
        for path in records.keys.sorted() {
            let record = records[path]!
            if let previous = read[path], previous.record == record.withoutBody {
                writer.append(written: previous.bytes)
            } else {
                record.write(to: &writer)
            }
        }
        try CacheFile.write(writer.bytes, to: path, format: Self.format, program: program)
    }

    // Chart values may be missing (NaN): written as strings rather than refused.
    private static let nonFinite = (positive: "+inf", negative: "-inf", nan: "nan")

    fileprivate static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: nonFinite.positive,
                                                                       negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        return encoder
    }()

    fileprivate static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: nonFinite.positive,
                                                                         negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        return decoder
    }()
}

extension ArticleCache.Record {
    /// The record as read back from the cache: the same, but for the article's body, which is not kept.
    var withoutBody: Self {
        var record = self
        record.article.body = ""
        return record
    }

    /// Writes the record (its path is the article's file), or nothing when a location of the front
    /// matter is not in the article's own file (never the case for a parsed article).
    func write(to writer: inout CacheWriter) {
        let file = article.file
        let locations = [article.dateOffsetLocation, article.slugLocation, article.tagsLocation] + article.aliases.map(\.location)
            + [article.image?.location, article.sectionLocation].compactMap { $0 } + article.authors.map(\.location)
            + [article.replyToLocation].compactMap { $0 }
        guard locations.allSatisfy({ $0.origin == .file && $0.file == file }),
              let parseProblems = Self.json(parseProblems), let validationProblems = Self.json(validation?.problems ?? []),
              let embeds = Self.json(validation?.embeds ?? []) else { return }
        func place(_ writer: inout CacheWriter, _ location: SourceLocation) {
            writer.write(location.line)
            writer.write(location.column)
        }
        writer.write(file)
        writer.write(bytes: key.bytes)
        writer.write(article.title)
        writer.write(article.date.timeIntervalSinceReferenceDate)
        writer.write(article.updated) { $0.write($1.timeIntervalSinceReferenceDate) }
        writer.write(article.dateOffset)
        place(&writer, article.dateOffsetLocation)
        writer.write(article.tags) { $0.write($1) }
        writer.write(article.summary) { $0.write($1) }
        writer.write(article.slug) { $0.write($1) }
        writer.write(article.draft)
        writer.write(article.sourceNote) { $0.write($1) }
        writer.write(article.bodyFirstLine)
        place(&writer, article.slugLocation)
        place(&writer, article.tagsLocation)
        writer.write(article.aliases) { writer, alias in
            writer.write(alias.path)
            place(&writer, alias.location)
        }
        writer.write(article.image) { writer, image in
            writer.write(image.path)
            place(&writer, image.location)
        }
        writer.write(article.imageFocus) { writer, focus in
            writer.write(focus.x)
            writer.write(focus.y)
        }
        writer.write(article.corrections) { writer, correction in
            writer.write(correction.kind.rawValue)
            writer.write(correction.date.timeIntervalSinceReferenceDate)
            writer.write(correction.text)
        }
        writer.write(article.unpublished) { $0.write($1.timeIntervalSinceReferenceDate) }
        writer.write(article.isLead)
        writer.write(article.section) { $0.write($1) }
        writer.write(article.sectionLocation) { place(&$0, $1) }
        writer.write(article.authors) { writer, name in
            writer.write(name.text)
            place(&writer, name.location)
        }
        writer.write(article.replyTo) { $0.write($1) }
        writer.write(article.replyToLocation) { place(&$0, $1) }
        writer.write(bytes: parseProblems)
        writer.write(validation) { writer, validation in
            writer.write(validation.slug)
            writer.write(validation.path)
            writer.write(bytes: embeds)
            writer.write(validation.images.sorted { $0.key < $1.key }) { writer, image in
                writer.write(image.key)
                Self.write(image.value, to: &writer)
            }
            writer.write(validation.leadImage) { Self.write($1, to: &$0) }
            writer.write(bytes: validationProblems)
            writer.write(validation.readingMinutes)
            writer.write(validation.search.words) { $0.write($1) }
            writer.write(validation.search.weights) { $0.write(Int($1)) }
            writer.write(validation.search.headlineWords)
            writer.write(validation.search.tagSlugs) { $0.write($1) }
            writer.write(validation.search.excerpt)
            writer.write(bytes: validation.search.identity.bytes)
        }
    }

    /// Reads a record written by ``write(to:)``, and the path of its article.
    static func read(from reader: inout CacheReader) throws(CacheReader.Damaged) -> (String, Self) {
        let file = try reader.string()
        func place(_ reader: inout CacheReader) throws(CacheReader.Damaged) -> SourceLocation {
            SourceLocation(file: file, line: try reader.int(), column: try reader.int())
        }
        func date(_ reader: inout CacheReader) throws(CacheReader.Damaged) -> Date {
            Date(timeIntervalSinceReferenceDate: try reader.double())
        }
        guard let key = ContentHash(bytes: try reader.bytes()) else { throw CacheReader.Damaged() }
        let title = try reader.string()
        let written = try date(&reader)
        let updated = try reader.optional(date)
        let dateOffset = try reader.int()
        let dateOffsetLocation = try place(&reader)
        let tags = try reader.list { reader throws(CacheReader.Damaged) in try reader.string() }
        let summary = try reader.optional { reader throws(CacheReader.Damaged) in try reader.string() }
        let slug = try reader.optional { reader throws(CacheReader.Damaged) in try reader.string() }
        let draft = try reader.bool()
        let sourceNote = try reader.optional { reader throws(CacheReader.Damaged) in try reader.string() }
        let bodyFirstLine = try reader.int()
        let slugLocation = try place(&reader)
        let tagsLocation = try place(&reader)
        let aliases = try reader.list { reader throws(CacheReader.Damaged) in Alias(path: try reader.string(), location: try place(&reader)) }
        let image = try reader.optional { reader throws(CacheReader.Damaged) in
            ImageReference(path: try reader.string(), location: try place(&reader))
        }
        let imageFocus = try reader.optional { reader throws(CacheReader.Damaged) in ImageFocus(x: try reader.double(), y: try reader.double()) }
        let corrections = try reader.list { reader throws(CacheReader.Damaged) in
            guard let kind = Correction.Kind(rawValue: try reader.string()) else { throw CacheReader.Damaged() }
            return Correction(kind: kind, date: try date(&reader), text: try reader.string())
        }
        let unpublished = try reader.optional(date)
        let isLead = try reader.bool()
        let section = try reader.optional { reader throws(CacheReader.Damaged) in try reader.string() }
        let sectionLocation = try reader.optional(place)
        let authors = try reader.list { reader throws(CacheReader.Damaged) in AuthorName(text: try reader.string(), location: try place(&reader)) }
        let replyTo = try reader.optional { reader throws(CacheReader.Damaged) in try reader.string() }
        let replyToLocation = try reader.optional(place)
        let article = Article(title: title, date: written, updated: updated, dateOffset: dateOffset, dateOffsetLocation: dateOffsetLocation,
                              tags: tags, summary: summary, slug: slug, draft: draft, sourceNote: sourceNote, body: "",
                              bodyFirstLine: bodyFirstLine, file: file, slugLocation: slugLocation, tagsLocation: tagsLocation,
                              aliases: aliases, image: image, imageFocus: imageFocus, corrections: corrections, unpublished: unpublished, isLead: isLead,
                              section: section, sectionLocation: sectionLocation, authors: authors,
                              replyTo: replyTo, replyToLocation: replyToLocation)
        let parseProblems: [Diagnostic] = try decoded(try reader.bytes())
        let validation = try reader.optional { reader throws(CacheReader.Damaged) in
            let slug = try reader.string()
            let path = try reader.string()
            let embeds: [PlacedEmbed] = try decoded(try reader.bytes())
            let images = try reader.list { reader throws(CacheReader.Damaged) in (try reader.string(), try readImage(from: &reader)) }
            let leadImage = try reader.optional(readImage)
            let problems: [Diagnostic] = try decoded(try reader.bytes())
            let readingMinutes = try reader.int()
            let words = try reader.list { reader throws(CacheReader.Damaged) in try reader.string() }
            let weights = try reader.list { reader throws(CacheReader.Damaged) in UInt32(clamping: try reader.int()) }
            guard weights.count == words.count else { throw CacheReader.Damaged() }
            let headlineWords = try reader.int()
            let tagSlugs = try reader.list { reader throws(CacheReader.Damaged) in try reader.string() }
            let excerpt = try reader.string()
            guard (0...words.count).contains(headlineWords), let identity = ContentHash(bytes: try reader.bytes()) else { throw CacheReader.Damaged() }
            let search = SearchDocument(words: words, weights: weights, headlineWords: headlineWords, tagSlugs: tagSlugs,
                                        excerpt: excerpt, identity: identity)
            return ArticleValidation(slug: slug, path: path, embeds: embeds, images: Dictionary(images, uniquingKeysWith: { first, _ in first }),
                                     leadImage: leadImage, problems: problems, readingMinutes: readingMinutes, search: search)
        }
        return (file, Self(key: key, article: article, parseProblems: parseProblems, validation: validation))
    }

    /// An image by its path below the content folder only: where it is on disk is the build's to
    /// say (``ImageResolver/relocated(_:)``), never the cache's.
    private static func write(_ image: PlacedImage, to writer: inout CacheWriter) {
        writer.write(image.path)
        writer.write(image.width)
        writer.write(image.height)
        writer.write(image.alt)
        writer.write(image.focus) { writer, focus in
            writer.write(focus.x)
            writer.write(focus.y)
        }
    }

    private static func readImage(from reader: inout CacheReader) throws(CacheReader.Damaged) -> PlacedImage {
        PlacedImage(path: try reader.string(), source: "", width: try reader.int(), height: try reader.int(), alt: try reader.string(),
                    focus: try reader.optional { reader throws(CacheReader.Damaged) in ImageFocus(x: try reader.double(), y: try reader.double()) })
    }

    /// Lists (of problems, of charts) that are almost always empty, as JSON: nothing when empty.
    private static func json<Value: Encodable>(_ values: [Value]) -> [UInt8]? {
        values.isEmpty ? [] : (try? ArticleCache.encoder.encode(values)).map(Array.init)
    }

    private static func decoded<Value: Decodable>(_ bytes: ArraySlice<UInt8>) throws(CacheReader.Damaged) -> [Value] {
        guard !bytes.isEmpty else { return [] }
        guard let values = try? ArticleCache.decoder.decode([Value].self, from: Data(bytes)) else { throw CacheReader.Damaged() }
        return values
    }
}
