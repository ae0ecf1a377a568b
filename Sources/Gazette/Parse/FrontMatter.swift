/// A Markdown file split into its YAML front matter and its body.
struct FrontMatter {
    /// The YAML text between the `---` lines.
    let yaml: String
    /// The file line of the first YAML line.
    let yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    let body: String
    /// The file line of the first body line.
    let bodyFirstLine: Int

    /// Splits `source`; a file must start with a `---` line and close it with `---` (or `...`).
    static func split(_ source: SourceFile) -> Result<FrontMatter, Diagnostic> {
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            return .failure(.error("missing front matter: the file must start with a line '---', then YAML with at least title and date, then '---'",
                                   at: source.location(line: 1)))
        }
        guard let closing = lines.dropFirst().firstIndex(where: { ["---", "..."].contains($0.trimmingTrailingSpaces()) }) else {
            return .failure(.error("front matter is not closed: add a line '---' after the YAML", at: source.location(line: 1)))
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
