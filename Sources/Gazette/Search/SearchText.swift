import Foundation

/// How search reads French text into words, the same way for the index (here) and for the search
/// page's script (`Templates/assets/search.js`, which receives ``stopWords`` with the index):
/// accents and case removed (`Hôpitaux` → `hopitaux`, `Œuvre` → `oeuvre`), a word is a run of
/// letters and digits, so `l’hôpital` gives `l` and `hopital`, `e-santé` gives `e` and `sante`;
/// elided articles and pronouns, one-letter words and the other ``stopWords`` are dropped. Numbers
/// (a single digit too) and acronyms are words (`32`, `5`, `ght`, `rgpd`). Stemming comes after (``FrenchStemmer``).
enum SearchText {
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
        var words: [String] = []
        forEachWord(in: text) { bytes in
            let word = String(decoding: bytes, as: UTF8.self)
            if !stopWords.contains(word) { words.append(word) }
        }
        return words
    }

    /// Words longer than this many bytes are not words (addresses, hashes): they are skipped.
    static let longestWord = 64

    /// Calls `body` with the UTF-8 bytes of each folded word of `text`, stop words included (a
    /// caller counting words checks each distinct one once).
    static func forEachWord(in text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = String(text)
        text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longestWord + 8) { word in
                scan(utf8, into: word, body)
            }
        }
    }

    private static func scan(_ utf8: UnsafeBufferPointer<UInt8>, into word: UnsafeMutableBufferPointer<UInt8>,
                             _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var size = 0, length = 0
        func flush() {
            if size <= longestWord, length > 1 || (length == 1 && (0x30...0x39).contains(word[0])) {
                body(UnsafeBufferPointer(rebasing: word[0..<size]))
            }
            size = 0
            length = 0
        }
        func append(_ byte: UInt8) {
            if size < word.count { word[size] = byte }
            size += 1
        }
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            index += 1
            if byte < 0x80 {
                switch byte {
                case 0x41...0x5A: append(byte + 0x20)
                case 0x61...0x7A, 0x30...0x39: append(byte)
                default: flush(); continue
                }
                length += 1
                continue
            }
            // A scalar of two to four bytes (the text is valid UTF-8).
            let extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
            var value = UInt32(byte) & (0x3F >> UInt32(extra))
            for _ in 0..<extra where index < utf8.count {
                value = value << 6 | UInt32(utf8[index]) & 0x3F
                index += 1
            }
            switch value < latinEnd ? latin[Int(value)] : (0x2000..<0x2070).contains(value) ? .separator : Unicode.Scalar(value).map(fold) ?? .separator {
            case .letters(let bytes, let count):
                for byte in bytes { append(byte) }
                length += count
            case .mark: continue
            case .separator: flush()
            }
        }
        flush()
    }

    /// What a character becomes in a word.
    private enum Folded {
        /// Letters or digits (UTF-8 bytes and how many characters).
        case letters([UInt8], Int)
        /// An accent or other mark: part of the letter before it, dropped.
        case mark
        /// Anything else ends a word.
        case separator
    }

    /// Latin letters and their accents, folded once (the general punctuation of French text, `’`,
    /// no-break spaces, dashes, is known to be none).
    private static let latinEnd: UInt32 = 0x250
    private static let latin: [Folded] = (0..<latinEnd).map { Unicode.Scalar($0).map(fold) ?? .separator }

    /// `scalar` without accents, in lower case (`œ` and `æ` as two letters), as part of a word.
    private static func fold(_ scalar: Unicode.Scalar) -> Folded {
        if isMark(scalar) { return .mark }
        var folded = ""
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars where !isMark(part) {
            guard isLetterOrDigit(part) else { return .separator }
            folded += part.properties.lowercaseMapping
        }
        folded = folded.replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
        return folded.isEmpty ? .separator : .letters(Array(folded.utf8), folded.unicodeScalars.count)
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
