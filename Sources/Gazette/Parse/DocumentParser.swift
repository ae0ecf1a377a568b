import Wording
import Foundation

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
        let authors = fields.locatedStringList("author").map { AuthorName(text: $0.text, location: $0.location) }
        let replyTo = fields.string("reply_to")
        let replyToLocation = replyTo.flatMap { _ in fields.node("reply_to").map { fields.location(of: $0) } }
        let sourceNote = fields.string("source")
        let slugLocation = fields.location(ofKey: slug == nil ? "title" : "slug")
        let tagsLocation = fields.location(ofKey: "tags")
        let aliases = fields.locatedStringList("aliases")
        let image = fields.imageReference("image")
        let imageFocus = focus(&fields)
        let corrections = corrections(&fields, publishedAt: written?.date)
        let isLead = fields.bool("une") ?? false
        let unpublished = unpublishing(&fields)
        let section = fields.string("section")
        let sectionLocation = section.map { _ in fields.location(ofKey: "section") }
        if !draft {
            if summary == ArticleScaffold.placeholderSummary, let node = fields.node("summary") {
                diagnostics.append(.error(.unfinishedArticle, "the summary is still the one gazette new wrote; write one sentence that sums up the article, or keep draft: true", at: fields.location(of: node)))
            }
            if let offset = frontMatter.body.utf8Offset(of: ArticleScaffold.placeholderBody) {
                let line = frontMatter.bodyFirstLine + frontMatter.body.utf8.prefix(offset).reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                diagnostics.append(.error(.unfinishedArticle, "the text still holds the sentence gazette new wrote; replace it with the article, or keep draft: true", at: SourceLocation(file: source.path, line: line, column: 1)))
            }
        }
        fields.warnAboutUnknownKeys()
        diagnostics += fields.diagnostics
        guard let title, let written, !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let article = Article(title: title, date: written.date, updated: updated?.date, dateOffset: written.offsetSeconds, dateOffsetLocation: written.offsetLocation, tags: tags, summary: summary, slug: slug, draft: draft,
                              sourceNote: sourceNote, body: frontMatter.body,
                              bodyFirstLine: frontMatter.bodyFirstLine, file: source.path, slugLocation: slugLocation,
                              tagsLocation: tagsLocation, aliases: aliases.map { Alias(path: $0.text, location: $0.location) }, image: image,
                              imageFocus: imageFocus, corrections: corrections, unpublished: unpublished, isLead: isLead, section: section, sectionLocation: sectionLocation, authors: authors,
                              replyTo: replyTo, replyToLocation: replyToLocation)
        return (article, diagnostics)
    }

    /// `unpublished:`, with `date` (with its offset) and `reason` (required, never published: a
    /// court order, an erasure request…).
    private static func unpublishing(_ fields: inout FieldReader) -> Date? {
        guard let node = fields.node("unpublished") else { return nil }
        return fields.nested(node, what: "unpublished", start: fields.location(ofKey: "unpublished")) { entry in
            let date = entry.date("date", required: true)
            _ = entry.string("reason", required: true)
            return date?.date
        } ?? nil
    }

    /// `corrections:`, a list of notices, each with `date` (with its offset), `kind`
    /// (`mise à jour`, `rectificatif` or `droit de réponse`) and `text` (Markdown).
    private static func corrections(_ fields: inout FieldReader, publishedAt published: Date?) -> [Correction] {
        let example = "corrections:\n  - date: 2024-10-02T09:00:00+02:00\n    kind: rectificatif\n    text: Le budget est de 3 M€, non de 30 M€."
        var corrections: [Correction] = []
        fields.forEachMapping(in: "corrections", what: "each correction",
                              notAList: "corrections must be a list of notices, each with a date, a kind and a text:\n\(example)") { entry in
            let date = entry.date("date", required: true)
            if let date, let published, date.date < published, let node = entry.node("date") {
                entry.add([.warning(.invalidDate, "this correction is dated before the article itself; a correction is published after it (check the year and month)",
                                    at: entry.location(of: node))])
            }
            let text = entry.string("text", required: true)
            var kind: Correction.Kind?
            if let written = entry.string("kind", required: true), let node = entry.node("kind") {
                kind = Correction.Kind(written: written)
                if kind == nil {
                    entry.error(.invalidField, "kind \"\(written)\" is not one of \(Correction.Kind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))\(Suggestion.hint(for: written, among: Set(Correction.Kind.allCases.map(\.rawValue))))",
                                at: entry.location(of: node))
                }
            }
            if let date, let text, let kind { corrections.append(Correction(kind: kind, date: date.date, text: text)) }
        }
        return corrections
    }

    /// `image_focus`: two numbers from 0 to 1, across then down (`0.3, 0.4` or `[0.3, 0.4]`).
    private static func focus(_ fields: inout FieldReader) -> ImageFocus? {
        guard let node = fields.node("image_focus") else { return nil }
        let parts: [String]
        if let items = node.sequence {
            parts = items.compactMap(\.string)
        } else {
            parts = (node.string ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        guard let focus = ImageFocus(parts: parts) else {
            fields.error(.invalidField, "image_focus must be two numbers from 0 to 1, across then down, the point the crops for link previews keep: image_focus: 0.3, 0.4 (0, 0 is the top left corner)", at: fields.location(of: node))
            return nil
        }
        return focus
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

    /// Parses an author file (``Author``): `name` is required; each of `links` must be an
    /// absolute `http(s)` address.
    public static func author(from source: SourceFile, limits: InputLimits = InputLimits()) -> (Author?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let (frontMatter, reader) = open(source, limits: limits, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        var fields = reader
        let name = fields.string("name", required: true)
        let role = fields.string("role")
        let photo = fields.imageReference("photo")
        let links = fields.locatedStringList("links").filter { link in
            let scheme = URL(string: link.text)?.scheme?.lowercased()
            guard scheme == "https" || scheme == "http", URL(string: link.text)?.host?.isEmpty == false else {
                fields.error(.invalidField, "link \"\(link.text)\" is not a full web address; write it as it appears in the browser, starting with https://", at: link.location)
                return false
            }
            return true
        }
        fields.warnAboutUnknownKeys()
        diagnostics += fields.diagnostics
        guard let name, !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        return (Author(name: name, slug: Author.slug(ofFile: source.path), role: role, photo: photo, links: links.map(\.text), bio: frontMatter.body,
                       bioFirstLine: frontMatter.bodyFirstLine, file: source.path, location: SourceLocation(file: source.path, line: 1, column: 1)),
                diagnostics)
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
