import Foundation
import Yams

/// `gazette new`: writes a new article with its front matter filled in, ready to edit, as a
/// draft. The slug is written out, so that a later change of title keeps the address.
public struct ArticleScaffold: Sendable {
    public var title: String
    public var tags: [String]
    /// Publication date; now when nil.
    public var date: Date?
    /// Also writes a starter CSV and chart file, and places the chart in the article.
    public var withData: Bool

    /// Describes the article to create.
    public init(title: String, tags: [String] = [], date: Date? = nil, withData: Bool = false) {
        self.title = title
        self.tags = tags
        self.date = date
        self.withData = withData
    }

    /// Writes the files below `contentDirectory` and returns their paths; refuses to overwrite a
    /// file or to reuse a slug of the site.
    public func create(in contentDirectory: String, now: Date = Date()) throws(BuildFailure) -> [String] {
        let loader = ContentLoader(directory: contentDirectory)
        let configFile: SourceFile
        switch loader.loadSiteConfig() {
        case .success(let file): configFile = file
        case .failure(let diagnostic): throw BuildFailure([diagnostic])
        }
        let (parsedConfig, configDiagnostics) = SiteConfig.parse(configFile)
        guard let config = parsedConfig else { throw BuildFailure(configDiagnostics, sources: [configFile.path: configFile]) }
        let slug = Slug.make(from: title)
        let at = SourceLocation.option("title")
        guard !slug.isEmpty else {
            throw BuildFailure([.error(.invalidSlug, "cannot make an address from this title; use words", at: at)])
        }
        let (content, _) = loader.load(limits: config.limits)
        for source in content.articles + content.pages {
            let used = DocumentParser.article(from: source).0.map { $0.slug ?? Slug.make(from: $0.title) }
                ?? DocumentParser.page(from: source).0.map { $0.slug ?? Slug.make(from: $0.title) }
            if used == slug {
                throw BuildFailure([.error(.duplicateSlug, "the address \"\(slug)\" is already used by \(source.path); choose another title",
                                           at: at, notes: [.init("used here", at: source.location(line: 1))])])
            }
        }
        let dates = FrenchDate(timeZone: config.timeZone)
        let published = date ?? now
        let year = Calendar.gregorian(in: config.timeZone).component(.year, from: published)
        let folder = contentDirectory + "/articles/\(year)"
        var files = [(path: "\(folder)/\(slug).md", text: articleText(slug: slug, date: dates.iso8601(published)))]
        if withData {
            files.append(("\(contentDirectory)/data/\(slug).csv", "Catégorie;Valeur\nPremière catégorie;10\nSeconde catégorie;20\n"))
            files.append(("\(contentDirectory)/data/\(slug).yml", chartText(slug: slug)))
        }
        for file in files where FileManager.default.fileExists(atPath: file.path) {
            throw BuildFailure([.error(.outputRefused, "\(file.path) already exists; it is left as it is", at: at)])
        }
        for file in files {
            do {
                try FileManager.default.createDirectory(atPath: (file.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try POSIXFile.write(Data(file.text.utf8), to: file.path, shownAs: file.path)
            } catch {
                throw BuildFailure([.error(.writeFailed, "\(error)", at: at)])
            }
        }
        return files.map(\.path)
    }

    /// The summary `gazette new` writes, to be replaced: an error in a published article.
    static let placeholderSummary = "À compléter\u{A0}: une phrase qui résume l’article."
    /// The body `gazette new` writes, to be replaced: an error in a published article.
    static let placeholderBody = "Écrivez ici le texte de l’article. Retirez `draft: true` pour le publier."

    private func articleText(slug: String, date: String) -> String {
        let tagList = tags.isEmpty ? "[]" : "[" + tags.map(Self.quoted).joined(separator: ", ") + "]"
        let chart = withData ? "\n```chart\nid: \(slug)\n```\n" : ""
        return """
        ---
        title: \(Self.quoted(title))
        slug: \(slug)
        date: \(date)
        tags: \(tagList)
        summary: "\(Self.placeholderSummary)"
        draft: true
        ---
        \(Self.placeholderBody)
        \(chart)
        """
    }

    private func chartText(slug: String) -> String {
        """
        # Graphique de l’article \(slug) : remplacez les données de \(slug).csv.
        charts:
          - id: \(slug)
            kind: bar
            title: \(Self.quoted(title))
            source: Source à préciser
            data: \(slug).csv
            columns: {category: Catégorie, values: [Valeur]}

        """
    }

    /// The instant of a date written as in front matter (`2025-03-01T09:00:00+01:00`), or nil.
    public static func date(from text: String) -> Date? { try? ISODate.parse(text).get() }

    /// `text` as a double-quoted YAML string on one line, written by libyaml's emitter: line
    /// breaks, quotes, backslashes and control characters are escaped, so no line of it can close
    /// the front matter (`---`) or start a comment.
    static func quoted(_ text: String) -> String {
        let scalar = Node.scalar(Node.Scalar(text, Yams.Tag(.str), .doubleQuoted))
        // Serializing one string scalar cannot fail; the hand-made form is never reached.
        let yaml = (try? Yams.serialize(node: scalar, width: -1, allowUnicode: true)) ?? "\"\""
        return yaml.trimmingCharacters(in: .newlines)
    }
}
