import GazetteMarkdown

/// The Markdown body of an article or page: validation finds and checks its embeds on this tree,
/// rendering draws them at the places validation found (the same parse of the same text, so the
/// two can never disagree). Dangerous links (`javascript:`…) are removed at parse time, before
/// anything looks at it.
struct MarkdownBody: Sendable {
    /// The parsed tree (used by one stage at a time).
    public let document: MarkdownDocument
    /// The file the body comes from, for diagnostics.
    public let file: String
    /// The file line where the body starts (front matter comes before it).
    public let firstLine: Int
    /// The body's text, to turn cmark-gfm's byte columns into code-point columns.
    private let text: String

    /// Parses `text`, the body of `file` starting at line `firstLine`.
    public init(parsing text: String, file: String, firstLine: Int, options: MarkdownOptions) {
        document = MarkdownDocument(parsing: text, options: options)
        document.removeDangerousLinks()
        self.file = file
        self.firstLine = firstLine
        self.text = text
    }

    /// Parses the body of `article`.
    public init(of article: Article, options: MarkdownOptions) {
        self.init(parsing: String(article.body), file: article.file, firstLine: article.bodyFirstLine, options: options)
    }

    /// The file location of the start of `range` (a range of the body's own lines, byte columns),
    /// with its column in code points like every ``SourceLocation``.
    public func location(of range: SourceRange) -> SourceLocation {
        SourceLocation(file: file, line: firstLine + range.startLine - 1,
                       column: Self.codePointColumn(ofByteColumn: range.startColumn, onLine: range.startLine, in: text))
    }

    /// The place of the first occurrence of `needle` in the body, `skipping` code points into it
    /// (for inline nodes, which cmark-gfm does not locate), or the body's first line.
    public func location(ofText needle: String, skipping: Int = 0) -> SourceLocation {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: needle) else { continue }
            return SourceLocation(file: file, line: firstLine + index, column: line.unicodeScalars[..<range.lowerBound].count + 1 + skipping)
        }
        return SourceLocation(file: file, line: firstLine, column: 1)
    }

    /// The code-point column of the byte column `column` of line `line` of `text`.
    static func codePointColumn(ofByteColumn column: Int, onLine line: Int, in text: String) -> Int {
        guard let lineText = text.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false).dropFirst(line - 1).first else {
            return column
        }
        let bytes = lineText.utf8.prefix(max(0, column - 1))
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.count + 1
    }
}
