import Markdown

/// The Markdown body of an article or page, parsed once: validation finds and checks its embeds
/// on this tree, rendering draws from the same tree, so the two can never disagree.
/// Dangerous links (`javascript:`…) are removed at parse time, before anything looks at it.
public struct MarkdownBody: Sendable {
    /// The parsed tree (used by one stage at a time).
    public let document: MarkdownDocument
    /// The file the body comes from, for diagnostics.
    public let file: String
    /// The file line where the body starts (front matter comes before it).
    public let firstLine: Int

    /// Parses `text`, the body of `file` starting at line `firstLine`.
    public init(parsing text: String, file: String, firstLine: Int, options: MarkdownOptions) {
        document = MarkdownDocument(parsing: text, options: options)
        document.removeDangerousLinks()
        self.file = file
        self.firstLine = firstLine
    }

    /// The file location of the start of `range` (a range of the body's own lines).
    public func location(of range: SourceRange) -> SourceLocation {
        SourceLocation(file: file, line: firstLine + range.startLine - 1, column: range.startColumn)
    }
}
