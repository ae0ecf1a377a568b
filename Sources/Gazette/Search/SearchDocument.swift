import GazetteMarkdown

/// What search knows of one article, found once when the article is validated and kept in the
/// article cache with the rest of its validation: an unchanged article is never read again.
struct SearchDocument: Sendable, Equatable {
    /// The article's folded words (``SearchText``), each once, sorted.
    var words: [String]
    /// The weight of each word of ``words``: how often it occurs, an occurrence in the title or
    /// the tags counting ``titleWeight``, in the summary ``summaryWeight``, in the body one.
    var weights: [UInt32]
    /// The sum of the weights of all occurrences (the article's weighted length).
    var length: Int
    /// The text shown under the title among results: the summary, or the body's beginning.
    var excerpt: String

    static let titleWeight: UInt32 = 3
    static let summaryWeight: UInt32 = 2
    /// Characters of the body's beginning that stand for a missing summary.
    static let excerptLength = 220
}

extension SearchDocument {
    /// The words of an article's `title`, `tags`, `summary` and `body` (its text, not its code
    /// blocks, addresses or HTML).
    init(title: String, tags: [String], summary: String?, body: MarkdownBody) {
        var counts: [String: UInt32] = [:]
        var length = 0
        var reader = SearchText()
        func count(_ text: some StringProtocol, weight: UInt32) {
            reader.forEachWord(in: text) { word in
                counts[word, default: 0] += weight
                length += Int(weight)
            }
        }
        count(title, weight: Self.titleWeight)
        for tag in tags { count(tag, weight: Self.titleWeight) }
        if let summary { count(summary, weight: Self.summaryWeight) }
        let text = Self.text(of: body)
        count(text, weight: 1)
        let sorted = counts.sorted { $0.key < $1.key }
        words = sorted.map(\.key)
        weights = sorted.map(\.value)
        self.length = length
        excerpt = summary ?? Self.beginning(of: text)
    }

    /// The readable text of a body: its text and inline code, a space after each piece.
    private static func text(of body: MarkdownBody) -> String {
        var text = ""
        for node in body.document.root.descendants {
            switch node.kind {
            case .text, .code: text += (node.literal ?? "") + " "
            case .softBreak, .lineBreak: text += " "
            default: break
            }
        }
        return text
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
