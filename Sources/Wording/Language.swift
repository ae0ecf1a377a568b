/// A language Gazette writes in: the editors' messages, the words of charts and their typography.
public enum Language: String, Codable, Sendable, CaseIterable {
    case fr, en

    /// The language of a BCP 47 tag such as `fr-FR` or `en`: French for `fr…`, English otherwise.
    public init(tag: String) {
        self = tag.lowercased().hasPrefix("fr") ? .fr : .en
    }

    /// The words of `phrase` in this language (its English words if this language has none for it).
    public func text(_ phrase: Phrase) -> String {
        phrase.text(in: self)
    }

    /// What separates a label from what it introduces: `": "`, or `" : "` after a no-break space in French.
    public var colon: String {
        self == .fr ? "\u{00A0}: " : ": "
    }

    /// What separates numbers in a list such as a point's coordinates: `", "`, or `" ; "` in
    /// French, whose decimal separator is a comma.
    public var numberSeparator: String {
        self == .fr ? " ; " : ", "
    }

    /// `text` between quotation marks: “…”, or « … » with no-break spaces in French.
    public func quoted(_ text: String) -> String {
        self == .fr ? "«\u{00A0}\(text)\u{00A0}»" : "“\(text)”"
    }
}
