/// How a Markdown document is parsed and rendered.
public struct MarkdownOptions: Sendable, Equatable {
    /// Emit raw HTML blocks and inline HTML as written (otherwise they are dropped).
    public var allowsRawHTML: Bool
    /// Parse `[^note]` footnotes.
    public var footnotes: Bool

    /// Creates options; raw HTML is off unless asked for.
    public init(allowsRawHTML: Bool = false, footnotes: Bool = true) {
        self.allowsRawHTML = allowsRawHTML
        self.footnotes = footnotes
    }

    /// The GitHub extensions attached to every parser.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
}
