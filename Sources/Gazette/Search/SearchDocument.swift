import GazetteMarkdown

/// What search knows of one article, found once when the article is validated and kept in the
/// article cache with the rest of its validation: an unchanged article is never read again.
struct SearchDocument: Sendable, Equatable {
    /// The article's folded words (``SearchText``), each once, in the order they first occur.
    var words: [String]
    /// The weight of each word of ``words``: how often it occurs, an occurrence in the title or
    /// the tags counting ``titleWeight``, in the summary ``summaryWeight``, in the body one.
    var weights: [UInt32]
    /// The text shown under the title among results: the summary, or the body's beginning.
    var excerpt: String

    static let titleWeight: UInt32 = 3
    static let summaryWeight: UInt32 = 2
    /// Characters of the body's beginning that stand for a missing summary.
    static let excerptLength = 220

    /// The sum of the weights of all occurrences (the article's weighted length).
    var length: Int { weights.reduce(0) { $0 + Int($1) } }
}

extension SearchDocument {
    /// The words of an article's `title`, `tags`, `summary` and `body` (its text and inline code,
    /// not its code blocks, addresses or HTML).
    init(title: String, tags: [String], summary: String?, body: MarkdownBody) {
        var counter = WordCounter()
        counter.add(title, weight: Self.titleWeight)
        for tag in tags { counter.add(tag, weight: Self.titleWeight) }
        if let summary { counter.add(summary, weight: Self.summaryWeight) }
        var beginning = ""
        for node in body.document.root.descendants where node.kind == .text || node.kind == .code {
            guard let literal = node.literal else { continue }
            counter.add(literal, weight: 1)
            if summary == nil, beginning.count < Self.excerptLength {
                beginning += (beginning.last.map { ".!?:;»".contains($0) } == true ? " " : "") + literal
            }
        }
        (words, weights) = counter.counted()
        excerpt = summary ?? Self.beginning(of: beginning)
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

    /// The distinct words that are not stop words in the order they first occur, and their weights.
    func counted() -> (words: [String], weights: [UInt32]) {
        var words: [String] = [], weights: [UInt32] = []
        for word in distinct {
            let text = String(decoding: bytes[Int(word.start)..<Int(word.start + word.count)], as: UTF8.self)
            guard !SearchText.stopWords.contains(text) else { continue }
            words.append(text)
            weights.append(word.weight)
        }
        return (words, weights)
    }
}
