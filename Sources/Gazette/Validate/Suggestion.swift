import SVGPlot
import Wording

/// "Did you mean …?" for misspelled ids and names.
enum Suggestion {
    /// The candidate closest to `word` by edit distance, if close enough to be a likely typo.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    /// ` (did you mean 'closest'?)` for a message, or an empty text when no candidate is close;
    /// `show` writes the candidate as code to type (else it is quoted as a name).
    static func hint(for word: String, among candidates: some Collection<String>, show: ((String) -> String)? = nil) -> Phrase {
        guard let closest = closest(to: word, among: Array(candidates)) else { return "" }
        guard let show else { return " (did you mean '\(closest)'?)" }
        return " (did you mean \(show(closest))?)"
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension ChartSpecError {
    /// The field and the message, with "did you mean …?" when the field names a category, an x,
    /// a series or a kind that the chart does not have but that is close to one it has.
    var explained: Phrase {
        "\(field): \(message)\(unknownName.map { Suggestion.hint(for: $0, among: knownNames) } ?? "")"
    }
}
