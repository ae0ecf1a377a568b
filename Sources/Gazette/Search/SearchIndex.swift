import Foundation
import FrenchStemming

/// The inverted index of the site's articles, made from what validation found of each
/// (``SearchDocument``): every word's stem, and for every stem the articles that use it with an
/// impact (its share of a BM25 score). Articles are numbered oldest first, so that a new article
/// takes the next number and the numbers of the others do not move.
///
/// An impact depends on its article alone: BM25's term-frequency part, `k1` = 1.2, `b` = 0.75,
/// against a fixed ``referenceLength`` rather than the site's average (which every new article
/// would move, rewriting the whole index), scaled to 1…127, plus 128 when the stem is in the
/// title or the tags (the search page counts that as much again: a news reader's words are
/// usually in the headline). The rarity of a word (BM25's idf) is computed by the search page
/// from the number of articles that use it.
///
/// The index is a sorted list of ``Entry``: made whole from every article (``entries(of:)``), or
/// brought up to date from the previous one by the articles that changed (``Changes``).
enum SearchIndex {
    /// An article using a stem, and how much the stem weighs in it (see above).
    struct Posting: Sendable, Equatable {
        var article: Int32
        var impact: UInt8
    }

    /// One key of the index: a folded word (with its stem and the number of articles using it), a
    /// stem (with the articles using it), both, or a `#tag` key (the articles of a tag).
    struct Entry: Sendable, Equatable {
        var key: String
        /// The stem, when the key is a word some article uses.
        var stem: String?
        /// How many articles use the word.
        var uses = 0
        /// The articles using the stem or the tag, by article number (empty: the key is neither).
        var postings: [Posting] = []
    }

    static let k1 = 1.2
    static let b = 0.75
    /// The weighted length at which BM25 neither favours nor penalises an article.
    static let referenceLength = 500.0

    /// The entries of the index of `documents`, oldest first (its position is each article's
    /// number), in the byte order of their keys.
    static func entries(of documents: [SearchDocument]) -> [Entry] {
        var vocabulary = Vocabulary()
        var uses: [Int] = [], postingsOfStem: [[Posting]] = [], scratch: [UInt32] = []
        var tags: [String: [Posting]] = [:]
        for (number, document) in documents.enumerated() {
            let stems = document.words.map { word in
                let numbers = vocabulary.number(of: word)
                if numbers.word == uses.count { uses.append(0) }
                uses[numbers.word] += 1
                if numbers.stem == postingsOfStem.count { postingsOfStem.append([]) }
                return numbers.stem
            }
            for (stem, impact) in impacts(of: document, stems: stems, scratch: &scratch) {
                postingsOfStem[stem].append(Posting(article: Int32(number), impact: impact))
            }
            for slug in document.tagSlugs { tags["#" + slug, default: []].append(Posting(article: Int32(number), impact: 0)) }
        }
        var entries: [String: Entry] = [:]
        for (word, stem) in vocabulary.words.enumerated() {
            entries[vocabulary.wordNames[word]] = Entry(key: vocabulary.wordNames[word], stem: vocabulary.stemNames[stem], uses: uses[word])
        }
        for (stem, postings) in postingsOfStem.enumerated() {
            entries[vocabulary.stemNames[stem], default: Entry(key: vocabulary.stemNames[stem])].postings = postings
        }
        for (key, postings) in tags { entries[key] = Entry(key: key, postings: postings) }
        return entries.values.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    /// The stems of `document` with their impacts, in the order they first occur, where `stems[i]`
    /// is the number of the stem of its word `i`. `scratch` is working space (zero between calls).
    private static func impacts(of document: SearchDocument, stems: [Int], scratch: inout [UInt32]) -> [(stem: Int, impact: UInt8)] {
        if let largest = stems.max(), largest >= scratch.count { scratch += Array(repeating: 0, count: largest + 1 - scratch.count) }
        var used: [Int] = []
        for (stem, weight) in zip(stems, document.weights) {
            if scratch[stem] == 0 { used.append(stem) }
            scratch[stem] += weight
        }
        let headline = Set(stems.prefix(document.headlineWords))
        let length = document.length
        return used.map { stem in
            defer { scratch[stem] = 0 }
            return (stem, impact(of: scratch[stem], length: length) | (headline.contains(stem) ? 128 : 0))
        }
    }

    /// BM25's term-frequency part for a stem of weight `weight` in an article of weighted length
    /// `length`, scaled to 1…127. The length is taken to the nearest of a geometric series of
    /// ratio ``lengthStep`` (within 12 % of the true length): a sentence added or removed seldom
    /// moves it, so the words whose frequency did not change keep their impact, and an edit
    /// rewrites the shards of the words it changed, not of every word of the article.
    static func impact(of weight: UInt32, length: Int) -> UInt8 {
        let frequency = Double(weight)
        let step = log(lengthStep)
        let rounded = exp((log(Double(max(1, length))) / step).rounded() * step)
        let score = frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * rounded / referenceLength))
        return UInt8(max(1, min(127, (score / (k1 + 1) * 127).rounded())))
    }

    /// The ratio between two lengths BM25 tells apart (``impact(of:length:)``).
    static let lengthStep = 1.25

    /// What some articles change in the index: the ``Change`` of each key they use, before or after.
    struct Changes {
        /// The changes, by key.
        private(set) var byKey: [String: Change] = [:]
        private var vocabulary = Vocabulary()
        private var scratch: [UInt32] = []

        /// Adds article `number` as `document` describes it (`sign` 1), or takes it away (-1).
        mutating func add(_ document: SearchDocument, number: Int, sign: Int) {
            let stems = document.words.map { word in
                let numbers = vocabulary.number(of: word)
                byKey[word, default: Change()].stem = vocabulary.stemNames[numbers.stem]
                byKey[word]!.uses += sign
                return numbers.stem
            }
            let article = Int32(number)
            var postings = impacts(of: document, stems: stems, scratch: &scratch).map { (vocabulary.stemNames[$0.stem], $0.impact) }
            postings += document.tagSlugs.map { ("#" + $0, 0) }
            for (key, impact) in postings {
                if sign < 0 {
                    byKey[key, default: Change()].leaving.append(Posting(article: article, impact: impact))
                } else {
                    byKey[key, default: Change()].coming.append(Posting(article: article, impact: impact))
                }
            }
        }

        /// Forgets the keys whose changes undo each other (an edited article still using a word with
        /// the same impact): their entries stay as they are.
        mutating func dropUnchanged() {
            byKey = byKey.filter { $0.value.uses != 0 || $0.value.leaving != $0.value.coming }
        }

    }

    /// What some articles change in one key of the index.
    struct Change: Sendable {
        var stem: String?
        /// The change in the number of articles using the key as a word.
        var uses = 0
        /// The postings of the articles as they were, and as they are.
        var leaving: [Posting] = []
        var coming: [Posting] = []

        /// The change does not fit the entry it is applied to (a word used by fewer than no
        /// article): the index is not the one the change was made against.
        struct Mismatch: Error {}

        /// `entry` (an empty one for a new key) with the change applied; nil when nothing is left of it.
        func applied(to entry: Entry) throws(Mismatch) -> Entry? {
            var entry = entry
            if uses != 0 {
                entry.uses += uses
                guard entry.uses >= 0 else { throw Mismatch() }
                entry.stem = entry.uses > 0 ? stem : nil
            }
            // Postings are in article order: each one changed is found by bisection.
            func boundary(of article: Int32, after: Bool) -> Int {
                var low = 0, high = entry.postings.count
                while low < high {
                    let middle = (low + high) / 2
                    let other = entry.postings[middle].article
                    if other < article || (after && other == article) { low = middle + 1 } else { high = middle }
                }
                return low
            }
            for article in leaving.map(\.article) {
                entry.postings.removeSubrange(boundary(of: article, after: false)..<boundary(of: article, after: true))
            }
            for posting in coming { entry.postings.insert(posting, at: boundary(of: posting.article, after: true)) }
            return entry.stem == nil && entry.postings.isEmpty ? nil : entry
        }
    }
}

/// Numbers words and stems as they are met, stemming each word once.
private struct Vocabulary {
    private let stemmer = FrenchStemmer()
    private var wordNumbers: [String: Int] = [:], stemNumbers: [String: Int] = [:]
    /// The stem number of each word, by word number.
    private(set) var words: [Int] = []
    private(set) var wordNames: [String] = [], stemNames: [String] = []

    /// The numbers of `word` and of its stem.
    mutating func number(of word: String) -> (word: Int, stem: Int) {
        if let known = wordNumbers[word] { return (known, words[known]) }
        let stem = stemmer?.stem(word) ?? word
        let number = stemNumbers[stem] ?? stemNames.count
        if number == stemNames.count {
            stemNumbers[stem] = number
            stemNames.append(stem)
        }
        wordNumbers[word] = wordNames.count
        wordNames.append(word)
        words.append(number)
        return (wordNames.count - 1, number)
    }
}
