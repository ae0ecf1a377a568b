/// URL slugs: lower-case ASCII letters, digits and single hyphens, diacritics folded.
enum Slug {
    /// The longest slug, in bytes: a slug is a file name, and file systems refuse names over 255 bytes.
    public static let maxLength = 200

    /// `"Cybersécurité : +32 %"` → `"cybersecurite-32"`; ligatures are spelled out (œ → oe).
    public static func make(from text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let spelled = ligatures[scalar] ?? String(scalar)
            for character in spelled.lowercased().unicodeScalars {
                if character.isASCII, character.properties.isAlphabetic || ("0"..."9").contains(character) {
                    if pendingHyphen, !slug.isEmpty { slug.append("-") }
                    pendingHyphen = false
                    slug.unicodeScalars.append(character)
                } else {
                    pendingHyphen = true
                }
            }
        }
        return slug
    }

    /// Whether `slug` is already in the canonical form (safe in a path: no `/`, `..` or spaces):
    /// whether ``make(from:)`` would give it back unchanged, read over its bytes (every article's
    /// `slug:` is checked) — a–z and 0–9 in runs joined by single hyphens.
    public static func isValid(_ slug: String) -> Bool {
        let hyphen = UInt8(ascii: "-")
        var previous = hyphen
        for byte in slug.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case hyphen where previous != hyphen: break
            default: return false
            }
            previous = byte
        }
        return previous != hyphen
    }

    private static let ligatures: [Unicode.Scalar: String] = [
        "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o", "Ø": "O", "đ": "d", "ł": "l", "Ł": "L",
    ]
}
