import Foundation

/// How search reads French text into words, the same way for the index (here) and for the search
/// page's script (`Templates/assets/search.js`, which receives ``stopWords`` with the index):
/// accents and case removed (`Hôpitaux` → `hopitaux`, `Œuvre` → `oeuvre`), a word is a run of
/// letters and digits, so `l’hôpital` gives `l` and `hopital`, `e-santé` gives `e` and `sante`;
/// elided articles and pronouns, one-letter words and the other ``stopWords`` are dropped. Numbers
/// (a single digit too) and acronyms are words (`32`, `5`, `ght`, `rgpd`). Stemming comes after (``FrenchStemmer``).
struct SearchText {
    /// Folded French words too common to find anything (articles, pronouns, prepositions, forms of
    /// être and avoir, elided forms such as `qu` and `jusqu`).
    static let stopWords: Set<String> = [
        "au", "aux", "avec", "ce", "ces", "cet", "cette", "ca", "dans", "de", "des", "du", "elle", "elles", "en", "et", "eux",
        "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "ma", "mais", "me", "meme", "mes", "moi", "mon", "ne",
        "ni", "nos", "notre", "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur",
        "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "jusqu", "lorsqu", "puisqu", "quoiqu",
        "est", "sont", "ete", "etre", "etait", "etaient", "sera", "seront", "ai", "as", "avons", "avez", "ont", "avait",
        "avaient", "aura", "auront", "sous", "entre", "vers", "chez", "sans", "dont", "donc", "car", "or", "si", "y",
        "cela", "ceci", "celle", "celui", "ceux", "tout", "tous", "toute", "toutes", "aussi", "plus", "tres",
    ]

    /// The folded words of `text` that are not stop words, in order.
    static func words(in text: some StringProtocol) -> [String] {
        var folder = SearchText()
        var words: [String] = []
        folder.forEachWord(in: text) { words.append($0) }
        return words
    }

    /// Folded forms of the non-ASCII characters met so far (decomposing is costly; few are met).
    private var foldedScalars: [UInt32: String] = [:]

    /// Calls `body` with each folded word of `text` that is not a stop word.
    mutating func forEachWord(in text: some StringProtocol, _ body: (String) -> Void) {
        var word = ""
        func flush() {
            let scalars = word.unicodeScalars
            let isWord = scalars.count > 1 || scalars.first.map { $0.properties.numericType == .decimal } == true
            if isWord, !Self.stopWords.contains(word) { body(word) }
            word = ""
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                switch value {
                case 0x41...0x5A: word.unicodeScalars.append(Unicode.Scalar(value + 0x20)!)
                case 0x61...0x7A, 0x30...0x39: word.unicodeScalars.append(scalar)
                default: flush()
                }
                continue
            }
            let folded = fold(scalar)
            if folded.isEmpty {
                if !Self.isMark(scalar) { flush() }
                continue
            }
            word += folded
        }
        flush()
    }

    /// `scalar` without accents, in lower case, as part of a word; empty when it is not a letter
    /// or a digit (a mark alone is empty too: it belongs to the letter before it).
    private mutating func fold(_ scalar: Unicode.Scalar) -> String {
        if let known = foldedScalars[scalar.value] { return known }
        var folded = ""
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars where !Self.isMark(part) {
            guard Self.isLetterOrDigit(part) else { folded = ""; break }
            folded += part.properties.lowercaseMapping
        }
        folded = folded.replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
        foldedScalars[scalar.value] = folded
        return folded
    }

    /// Unicode's letters (L) and numbers (N), as the script's `[\p{L}\p{N}]`.
    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }

    /// Unicode's marks (M), which folding removes, as the script's `\p{M}`.
    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
