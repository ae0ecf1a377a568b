import Foundation
import GazetteMarkdown

/// What search knows of one article, found once when the article is validated and kept in the
/// article cache with the rest of its validation: an unchanged article is never read again.
struct SearchDocument: Sendable, Equatable {
    /// The article's folded words (``SearchText``), each once, in the order they first occur.
    var words: [String]
    /// The weight of each word of ``words``: how often it occurs, an occurrence in the title or
    /// the tags counting ``titleWeight``, in the summary ``summaryWeight``, in the body one.
    var weights: [UInt32]
    /// How many of ``words`` come first from the title and the tags (the headline, weighted again
    /// by the search page).
    var headlineWords: Int
    /// The slugs of the article's tags (the `#tag` keys of the tag filter).
    var tagSlugs: [String]
    /// The text shown under the title among results: the summary, or the body's beginning.
    var excerpt: String
    /// The hash of everything the index takes from the article: the above, and its title, tags,
    /// address and date (what results show). Equal identities give equal index entries, so an
    /// incremental build re-indexes only the articles whose identity changed (``SearchIndexCache``).
    var identity: ContentHash

    static let titleWeight: UInt32 = 3
    static let summaryWeight: UInt32 = 2
    /// Characters of the body's beginning that stand for a missing summary.
    static let excerptLength = 220

    /// The sum of the weights of all occurrences (the article's weighted length).
    var length: Int { weights.reduce(0) { $0 + Int($1) } }
}

extension SearchDocument {
    /// The words of an article's `title`, `tags`, `summary` and `body` (its text and inline code,
    /// not its code blocks, addresses or HTML); the article is at `path` and dated `date`.
    init(title: String, tags: [Tag], summary: String?, body: MarkdownBody, path: String, date: Date) {
        var counter = WordCounter()
        counter.add(title, weight: Self.titleWeight)
        for tag in tags { counter.add(tag.name, weight: Self.titleWeight) }
        let headline = counter.distinctCount
        if let summary { counter.add(summary, weight: Self.summaryWeight) }
        var beginning = ""
        for node in body.document.root.descendants where node.kind == .text || node.kind == .code {
            guard let literal = node.literal else { continue }
            counter.add(literal, weight: 1)
            if summary == nil, beginning.count < Self.excerptLength {
                beginning += (beginning.last.map { ".!?:;»".contains($0) } == true ? " " : "") + literal
            }
        }
        let counted = counter.counted(headline: headline)
        self.init(words: counted.words, weights: counted.weights, headlineWords: counted.headlineWords,
                  tagSlugs: tags.map(\.slug), excerpt: summary ?? Self.beginning(of: beginning),
                  title: title, tagNames: tags.map(\.name), path: path, date: date)
    }

    /// A document of these `words`, and its ``identity`` with the article's `title`, `tagNames`,
    /// `path` and `date`.
    init(words: [String], weights: [UInt32], headlineWords: Int, tagSlugs: [String], excerpt: String,
         title: String, tagNames: [String], path: String, date: Date) {
        var fingerprint = Fingerprint()
        fingerprint.add("search document 1", words, weights.map(Int.init), headlineWords, tagSlugs, excerpt, title, tagNames, path,
                        Int(bitPattern: UInt(date.timeIntervalSinceReferenceDate.bitPattern)))
        self.init(words: words, weights: weights, headlineWords: headlineWords, tagSlugs: tagSlugs, excerpt: excerpt,
                  identity: fingerprint.hash)
    }

    /// The first ``excerptLength`` characters of `text`, cut after a whole word.
    private static func beginning(of text: String) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        var excerpt = ""
        for word in words {
            guard excerpt.count + word.count < excerptLength else { return excerpt + "…" }
            excerpt += excerpt.isEmpty ? String(word) : " " + word
        }
        return excerpt
    }
}

/// Counts the words of an article with one small hash table over their bytes: a string is made
/// once per distinct word, not per occurrence.
private struct WordCounter {
    /// The bytes of the distinct words, one after another.
    private var bytes: [UInt8] = []
    private var distinct: [(start: Int32, count: Int32, weight: UInt32)] = []
    /// Indexes into ``distinct`` plus one, by hash (0: free).
    private var slots = [Int32](repeating: 0, count: 256)

    mutating func add(_ text: some StringProtocol, weight: UInt32) {
        SearchText.forEachWord(in: text) { word in
            var slot = Int(FNV1a.hash(word)) & (slots.count - 1)
            while slots[slot] != 0 {
                let known = Int(slots[slot] - 1)
                let start = Int(distinct[known].start)
                if distinct[known].count == word.count, bytes[start..<start + word.count].elementsEqual(word) {
                    distinct[known].weight += weight
                    return
                }
                slot = (slot + 1) & (slots.count - 1)
            }
            distinct.append((Int32(bytes.count), Int32(word.count), weight))
            bytes.append(contentsOf: word)
            slots[slot] = Int32(distinct.count)
            if distinct.count * 2 > slots.count { grow() }
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for (index, word) in distinct.enumerated() {
            var slot = Int(FNV1a.hash(bytes[Int(word.start)..<Int(word.start + word.count)])) & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(index + 1)
        }
    }

    /// How many distinct words were added so far, stop words included.
    var distinctCount: Int { distinct.count }

    /// The distinct words that are not stop words in the order they first occur, their weights,
    /// and how many of them are among the `headline` first distinct words.
    func counted(headline: Int) -> (words: [String], weights: [UInt32], headlineWords: Int) {
        var words: [String] = [], weights: [UInt32] = [], headlineWords = 0
        for (index, word) in distinct.enumerated() {
            let text = String(decoding: bytes[Int(word.start)..<Int(word.start + word.count)], as: UTF8.self)
            guard !SearchText.stopWords.contains(text) else { continue }
            words.append(text)
            weights.append(word.weight)
            if index < headline { headlineWords += 1 }
        }
        return (words, weights, headlineWords)
    }
}
