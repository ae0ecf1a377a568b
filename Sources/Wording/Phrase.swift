/// Words written in English where they are used, and shown in the reader's language.
///
/// A phrase is written as an interpolated string literal. Its English text, with `%@` where each
/// interpolated value goes (and `%%` for a `%`), is its key in the other languages' tables
/// (``FrenchPhrases``); a translation takes the values in order with `%@`, or by position with
/// `%1$@`, `%2$@`. An interpolated phrase is itself translated.
///
/// ```swift
/// let phrase: Phrase = "no file \(path)"
/// Language.fr.text(phrase)   // "aucun fichier Content/media/carte.png"
/// ```
public struct Phrase: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The English text with `%@` in place of the values: the key of the translation tables.
    public let key: String
    private let values: [Value]

    fileprivate indirect enum Value: Hashable, Sendable, Codable {
        case text(String)
        case phrase(Phrase)
    }

    /// A phrase of literal English text.
    public init(stringLiteral value: String) {
        self.init(stringInterpolation: StringInterpolation(literal: value))
    }

    /// A phrase of English text with interpolated values.
    public init(stringInterpolation: StringInterpolation) {
        key = stringInterpolation.key
        values = stringInterpolation.values
        #if DEBUG
        assert(FrenchPhrases.table[key] != nil, "no French for the phrase \"\(key)\": add it to FrenchPhrases")
        #endif
    }

    /// Text shown as it is in every language: what another program said, a file's name.
    public init(verbatim text: String) {
        key = "%@"
        values = [.text(text)]
    }

    /// The phrase in English.
    public var description: String { text(in: .en) }

    /// The phrase in `language`, or in English where that language has no words for it.
    func text(in language: Language) -> String {
        let format = language == .fr ? FrenchPhrases.table[key] ?? key : key
        let shown = values.map { value -> String in
            switch value {
            case .text(let text): return text
            case .phrase(let phrase): return phrase.text(in: language)
            }
        }
        return Self.fill(format, with: shown)
    }

    /// `format` with `%@` replaced by the next value, `%N$@` by the Nth and `%%` by `%`.
    static func fill(_ format: String, with values: [String]) -> String {
        var result = "", next = 0
        var rest = Substring(format)
        while let percent = rest.firstIndex(of: "%") {
            result += rest[..<percent]
            rest = rest[rest.index(after: percent)...]
            if rest.first == "%" {
                result += "%"
                rest = rest.dropFirst()
            } else if rest.first == "@" {
                result += next < values.count ? values[next] : ""
                next += 1
                rest = rest.dropFirst()
            } else if case let digits = rest.prefix(while: { $0.isASCII && $0.isNumber }), !digits.isEmpty, digits.count <= 3,
                      rest[digits.endIndex...].hasPrefix("$@"), let position = Int(digits) {
                // Only the digits right after the `%` are read: a text of many `%` costs one pass.
                result += position >= 1 && position <= values.count ? values[position - 1] : ""
                rest = rest[digits.endIndex...].dropFirst(2)
            } else {
                result += "%"
            }
        }
        return result + rest
    }

    /// Builds a phrase's key and values from a string literal's parts.
    public struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var key = ""
        fileprivate var values: [Value] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            key.reserveCapacity(literalCapacity + 2 * interpolationCount)
        }

        fileprivate init(literal: String) {
            appendLiteral(literal)
        }

        public mutating func appendLiteral(_ literal: String) {
            for character in literal {
                key += character == "%" ? "%%" : String(character)
            }
        }

        /// A value shown as it is: a name, a path, a number.
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            key += "%@"
            values.append(.text(value.description))
        }

        /// An error: in the reader's language if it is ``PhraseConvertible``, else as it describes itself.
        public mutating func appendInterpolation(_ error: any Error) {
            key += "%@"
            values.append((error as? any PhraseConvertible).map { .phrase($0.phrase) } ?? .text(String(describing: error)))
        }

        /// A phrase, shown in the same language as the phrase around it.
        public mutating func appendInterpolation(_ phrase: Phrase) {
            key += "%@"
            values.append(.phrase(phrase))
        }
    }
}

/// A value that can say what it is in words of ``Phrase``, such as an error of our own.
public protocol PhraseConvertible {
    /// The value in words.
    var phrase: Phrase { get }
}
