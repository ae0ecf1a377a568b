import Foundation
import Testing
@testable import Gazette

/// Mistakes editors make that used to pass in silence: tags typed without brackets, and an
/// article published with the placeholders `gazette new` wrote.
@Suite struct EditorMistakeTests {
    /// `title: Télémédecine : la téléexpertise…` unquoted (French puts a space before the colon)
    /// was « mapping values are not allowed in this context »: the message now gives the line to
    /// write, and that line, pasted, builds (issue 28, point 1).
    @Test func aColonInATitleGivesTheQuotedLineToWrite() throws {
        try expectLineToWrite(for: "title: Télémédecine : la \"téléexpertise\" gagne du terrain", code: .unquotedColon, after: "double quotes: ",
                              is: "title: \"Télémédecine : la \\\"téléexpertise\\\" gagne du terrain\"", shown: "Télémédecine\u{A0}: la")
    }

    /// `title: "Le ministre a dit "non" aux GHT"` was « did not find expected key »: the message now
    /// gives the line to write, with French quotation marks, and that line, pasted, builds.
    @Test func quotesInsideAQuotedTitleGiveTheLineToWrite() throws {
        try expectLineToWrite(for: "title: \"Le ministre a dit \"non\" aux GHT\"", code: .quoteInQuotes, after: "quotation marks: ",
                              is: "title: \"Le ministre a dit «\u{A0}non\u{A0}» aux GHT\"", shown: "Le ministre a dit «\u{A0}non\u{A0}» aux GHT")
    }

    /// The article whose title line is `line` fails with `code` at that line; the message gives,
    /// after `marker`, the line `expected`, and an article with that line builds and shows `shown`.
    private func expectLineToWrite(for line: String, code: DiagnosticCode, after marker: String, is expected: String, shown: String,
                                   sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let article = { (title: String) in "---\n\(title)\ndate: 2024-03-01T09:00:00+01:00\n---\nTexte.\n" }
        let (_, failed, errors) = try buildSite(["2024/a.md": article(line)])
        #expect(failed == nil, sourceLocation: sourceLocation)
        let error = try #require(errors.first { $0.code == code }, "\(errors)", sourceLocation: sourceLocation)
        #expect(error.location.line == 2, sourceLocation: sourceLocation)
        let suggested = try #require(error.message.range(of: marker).map { String(error.message[$0.upperBound...]) }, sourceLocation: sourceLocation)
        #expect(suggested == expected, "\(error.message)", sourceLocation: sourceLocation)
        let (folder, built, _) = try buildSite(["2024/a.md": article(suggested)])
        #expect(built != nil, sourceLocation: sourceLocation)
        #expect(folder.read("Output/index.html")?.contains(shown) == true, "the title as written, in French typography", sourceLocation: sourceLocation)
    }

    @Test func tagsTypedWithCommasAreReadAsAListWithAWarning() throws {
        let (folder, report, warnings) = try buildSite([
            "2024/a.md": "---\ntitle: A\ndate: 2024-03-01T09:00:00+01:00\ntags: télémédecine, financement\n---\nTexte.\n",
        ])
        #expect(report != nil)
        let warning = try #require(warnings.first { $0.code == .tagsWithoutBrackets })
        #expect(warning.location.line == 4 && warning.location.column == 7)
        #expect(warning.message.hasSuffix("tags: [télémédecine, financement]"), "\(warning.message)")
        #expect(folder.read("Output/tags/telemedecine/index.html") != nil && folder.read("Output/tags/financement/index.html") != nil)
        #expect(folder.read("Output/tags/telemedecine-financement/index.html") == nil)
        // One tag without a comma, and the list form, are read as before, without a warning.
        let (_, _, plain) = try buildSite(["2024/a.md": "---\ntitle: A\ndate: 2024-03-01T09:00:00+01:00\ntags: santé\n---\nTexte.\n"])
        #expect(!plain.contains { $0.code == .tagsWithoutBrackets })
    }

    /// `gazette new`'s summary and sentence, left in an article whose `draft: true` was removed,
    /// are errors at their lines; in a draft they are expected.
    @Test func theScaffoldsPlaceholdersAreNotPublished() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [:])
        let now = try #require(ArticleScaffold.date(from: "2025-01-15T09:30:00Z"))
        let path = try #require(try ArticleScaffold(title: "Budget cyber").create(in: options.contentDirectory, now: now).first)
        #expect(try SiteBuilder(options: options).build().articleCount == 0, "a draft builds")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "draft: true\n", with: "").utf8).write(to: URL(fileURLWithPath: path))
        var published = options
        published.now = now.addingTimeInterval(3600)
        let errors = buildDiagnostics(published).filter { $0.code == .unfinishedArticle }
        #expect(errors.map(\.location.line) == [6, 8], "\(errors)")
        #expect(errors.first?.message.contains("summary") == true && errors.last?.message.contains("text") == true)
    }

    /// A missing image's message gives the address to write — a file of that name in `media/`, or
    /// the closest path — and that address, pasted as written, builds (issue 28, point 7).
    @Test(arguments: [("carte-ght.png", "media/carte-ght.png"), ("sale.png", "articles/2024/salle.png")])
    func aMissingImagesSuggestionBuildsAsPasted(written: String, existing: String) throws {
        let folder = try TemporaryFolder()
        let article = { (address: String) in "---\ntitle: A\ndate: 2024-03-01T09:00:00+01:00\n---\n![Carte des GHT](\(address))\n" }
        let options = try makeSite(in: folder, articles: ["2024/a.md": article(written)])
        _ = try folder.write("Content/" + existing, bytes: ImageTests.png(640, 427))
        let error = try #require(buildDiagnostics(options).first { $0.code == .imageNotFound })
        let suggested = try #require(error.message.range(of: "![…](").map { start in
            String(error.message[start.upperBound...].prefix { $0 != ")" })
        }, "\(error.message)")
        #expect(suggested == "/" + existing)
        _ = try folder.write("Content/articles/2024/a.md", article(suggested))
        #expect(buildDiagnostics(options).isEmpty)
        let variant = existing.replacingOccurrences(of: ".png", with: "-png-640w.png")
        #expect(folder.read("Output/" + variant) != nil, "the image is published (made 640 pixels wide, its own width)")
    }
}
