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
struct SearchIndex: Sendable {
    /// An article using a stem, and how much the stem weighs in it (see above).
    struct Posting: Sendable, Equatable {
        var article: Int32
        var impact: UInt8
    }

    /// Every folded word with its stem.
    var words: [(word: String, stem: String)]
    /// The articles using each stem, by article number, by stem.
    var postings: [String: [Posting]]
    /// The number of articles.
    var articleCount: Int

    static let k1 = 1.2
    static let b = 0.75
    /// The weighted length at which BM25 neither favours nor penalises an article.
    static let referenceLength = 500.0

    /// The index of `documents`, oldest first (its position is each article's number), whose
    /// titles and tags are `headlines`.
    init(documents: [SearchDocument], headlines: [String]) {
        articleCount = documents.count
        // Words and stems are numbered as they are met: one hash per word of each article.
        let stemmer = FrenchStemmer()
        var wordNumbers: [String: Int] = [:], wordNames: [String] = [], stemOfWord: [Int] = []
        var stemNumbers: [String: Int] = [:], stemNames: [String] = [], postingsOfStem: [[Posting]] = []
        var weightOfStem: [UInt32] = []
        func stemNumber(of word: String) -> Int {
            if let known = wordNumbers[word] { return stemOfWord[known] }
            let stem = stemmer?.stem(word) ?? word
            let number = stemNumbers[stem] ?? stemNames.count
            if number == stemNames.count {
                stemNumbers[stem] = number
                stemNames.append(stem)
                postingsOfStem.append([])
                weightOfStem.append(0)
            }
            wordNumbers[word] = wordNames.count
            wordNames.append(word)
            stemOfWord.append(number)
            return number
        }
        var used: [Int] = []
        for (number, (document, headline)) in zip(documents, headlines).enumerated() {
            for (word, weight) in zip(document.words, document.weights) {
                let stem = stemNumber(of: word)
                if weightOfStem[stem] == 0 { used.append(stem) }
                weightOfStem[stem] += weight
            }
            let headlineStems = Set(SearchText.words(in: headline).compactMap { wordNumbers[$0].map { stemOfWord[$0] } })
            let length = document.length
            for stem in used {
                let impact = Self.impact(of: weightOfStem[stem], length: length) | (headlineStems.contains(stem) ? 128 : 0)
                postingsOfStem[stem].append(Posting(article: Int32(number), impact: impact))
                weightOfStem[stem] = 0
            }
            used.removeAll(keepingCapacity: true)
        }
        words = zip(wordNames, stemOfWord).map { (word: $0, stem: stemNames[$1]) }
        postings = Dictionary(uniqueKeysWithValues: zip(stemNames, postingsOfStem))
    }

    /// BM25's term-frequency part for a stem of weight `weight` in an article of weighted length
    /// `length`, scaled to 1…127.
    static func impact(of weight: UInt32, length: Int) -> UInt8 {
        let frequency = Double(weight)
        let score = frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * Double(length) / referenceLength))
        return UInt8(max(1, min(127, (score / (k1 + 1) * 127).rounded())))
    }
}
