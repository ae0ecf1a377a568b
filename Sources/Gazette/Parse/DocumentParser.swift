/// Turns Markdown sources with front matter into ``Article``s and ``StaticPage``s.
enum DocumentParser {
    /// Parses an article: `title` and `date` are required; unknown keys are warnings.
    /// The body is checked against `limits` before anything parses it.
    public static func article(from source: SourceFile, limits: InputLimits = InputLimits()) -> (Article?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let (frontMatter, reader) = open(source, limits: limits, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        var fields = reader
        let title = fields.string("title", required: true)
        let written = fields.date("date", required: true)
        let updated = fields.date("updated")
        let tags = fields.tagList("tags")
        let summary = fields.string("summary")
        let slug = fields.string("slug")
        let draft = fields.bool("draft") ?? false
        let author = fields.string("author")
        let sourceNote = fields.string("source")
        let slugLocation = fields.location(ofKey: slug == nil ? "title" : "slug")
        let tagsLocation = fields.location(ofKey: "tags")
        let aliases = fields.locatedStringList("aliases")
        let image = fields.string("image").flatMap { path in fields.node("image").map { ImageReference(path: path, location: fields.location(of: $0)) } }
        if !draft {
            if summary == ArticleScaffold.placeholderSummary, let node = fields.node("summary") {
                diagnostics.append(.error(.unfinishedArticle, "the summary is still the one gazette new wrote; write one sentence that sums up the article, "
                                          + "or keep draft: true", at: fields.location(of: node)))
            }
            if let found = frontMatter.body.firstRange(of: ArticleScaffold.placeholderBody) {
                let line = frontMatter.bodyFirstLine + frontMatter.body[..<found.lowerBound].reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
                diagnostics.append(.error(.unfinishedArticle, "the text still holds the sentence gazette new wrote; replace it with the article, "
                                          + "or keep draft: true", at: SourceLocation(file: source.path, line: line, column: 1)))
            }
        }
        fields.warnAboutUnknownKeys()
        diagnostics += fields.diagnostics
        guard let title, let written, !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let article = Article(title: title, date: written.date, updated: updated?.date, dateOffset: written.offsetSeconds, dateOffsetLocation: written.offsetLocation, tags: tags, summary: summary, slug: slug, draft: draft,
                              author: author, sourceNote: sourceNote, body: frontMatter.body,
                              bodyFirstLine: frontMatter.bodyFirstLine, file: source.path, slugLocation: slugLocation,
                              tagsLocation: tagsLocation, aliases: aliases.map { Alias(path: $0.text, location: $0.location) }, image: image)
        return (article, diagnostics)
    }

    /// Parses a static page: `title` is required.
    public static func page(from source: SourceFile, limits: InputLimits = InputLimits()) -> (StaticPage?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let (frontMatter, reader) = open(source, limits: limits, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        var fields = reader
        let title = fields.string("title", required: true)
        let slug = fields.string("slug")
        let summary = fields.string("summary")
        let slugLocation = fields.location(ofKey: slug == nil ? "title" : "slug")
        fields.warnAboutUnknownKeys()
        diagnostics += fields.diagnostics
        guard let title, !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let page = StaticPage(title: title, slug: slug, summary: summary, body: frontMatter.body,
                              bodyFirstLine: frontMatter.bodyFirstLine, file: source.path, slugLocation: slugLocation)
        return (page, diagnostics)
    }

    private static func open(_ source: SourceFile, limits: InputLimits, diagnostics: inout [Diagnostic]) -> (FrontMatter, FieldReader)? {
        guard let frontMatter = FrontMatter.split(source).value(reportingTo: &diagnostics) else { return nil }
        diagnostics += MarkdownPreflight.problems(in: frontMatter.body, firstLine: frontMatter.bodyFirstLine,
                                                  file: source.path, limits: limits)
        let parser = YAMLParser(source: source, firstLine: frontMatter.yamlFirstLine)
        guard let root = parser.parse(frontMatter.yaml).value(reportingTo: &diagnostics),
              let reader = FieldReader(root: root, parser: parser, diagnostics: &diagnostics, what: "front matter") else { return nil }
        return (frontMatter, reader)
    }
}
