/// A Markdown file split into its YAML front matter and its body.
struct FrontMatter {
    /// The YAML text between the `---` lines.
    let yaml: String
    /// The file line of the first YAML line.
    let yamlFirstLine: Int
    /// The Markdown after the closing `---` (a view of the file's text).
    let body: Substring
    /// The file line of the first body line.
    let bodyFirstLine: Int

    /// Splits `source`; a file must start with a `---` line and close it with `---` (or `...`).
    static func split(_ source: SourceFile) -> Result<FrontMatter, Diagnostic> {
        guard let first = source.line(1), Substring(first).trimmingTrailingSpaces() == "---" else {
            return .failure(.error(.missingFrontMatter, "missing front matter: the file must start with a line '---', then YAML with at least title and date, then '---'",
                                   at: source.location(line: 1)))
        }
        var closing = 2
        while let line = source.line(closing), !["---", "..."].contains(Substring(line).trimmingTrailingSpaces()) {
            closing += 1
        }
        guard source.line(closing) != nil else {
            return .failure(.error(.unclosedFrontMatter, "front matter is not closed: add a line '---' after the YAML", at: source.location(line: 1)))
        }
        return .success(FrontMatter(yaml: source.text(lines: 2..<closing), yamlFirstLine: 2,
                                    body: source.text(fromLine: closing + 1), bodyFirstLine: closing + 1))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
