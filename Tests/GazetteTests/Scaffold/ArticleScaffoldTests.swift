import Foundation
import Testing
@testable import Gazette

/// `gazette new` (issue 10).
@Suite struct ArticleScaffoldTests {
    @Test func writesADraftWithItsSlugDateInTheSiteZoneAndTags() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [:])
        let now = try #require(ArticleScaffold.date(from: "2025-01-15T09:30:00Z"))
        let paths = try ArticleScaffold(title: "Cybersécurité : les \"GHT\" recrutent", tags: ["cyber", "GHT"])
            .create(in: options.contentDirectory, now: now)
        #expect(paths == [options.contentDirectory + "/articles/2025/cybersecurite-les-ght-recrutent.md"])
        let text = try #require(folder.read("Content/articles/2025/cybersecurite-les-ght-recrutent.md"))
        #expect(text.contains("\nslug: cybersecurite-les-ght-recrutent\n"))
        #expect(text.contains("\ndate: 2025-01-15T10:30:00+01:00\n"), "now, in Europe/Paris with its offset")
        #expect(text.contains("\ndraft: true\n"))
        // The file is a valid article, kept out of the site until draft: true is removed.
        let (article, diagnostics) = DocumentParser.article(from: SourceFile(path: "a.md", text: text))
        #expect(diagnostics.isEmpty)
        #expect(article?.title == "Cybersécurité : les \"GHT\" recrutent" && article?.tags == ["cyber", "GHT"] && article?.draft == true)
        #expect(try SiteBuilder(options: options).build().articleCount == 0)
    }

    /// Titles and tags that YAML would read otherwise come back exactly as typed.
    @Test(arguments: [
        "Avant\n---\nAprès", "# Pas un commentaire", "- pas une liste", "Guillemets \" et ' et \\ barre",
        "Deux-points : et dièse #1", "Tab\tulation et ligne\r\nfin", "&ancre *alias !tag %pour 50 %", "---",
    ])
    func titlesRoundTripThroughTheFrontMatter(title: String) throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [:])
        let now = try #require(ArticleScaffold.date(from: "2025-01-15T09:30:00Z"))
        let path = try #require(try ArticleScaffold(title: title + " essai", tags: [title, "b"]).create(in: options.contentDirectory, now: now).first)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (article, diagnostics) = DocumentParser.article(from: SourceFile(path: "a.md", text: text))
        #expect(diagnostics.isEmpty, "\(diagnostics)\n\(text)")
        #expect(article?.title == title + " essai")
        #expect(article?.tags == [title, "b"])
    }

    @Test func refusesToOverwriteOrToReuseASlug() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/a.md": "---\ntitle: Budget cyber\ndate: 2022-06-24T08:00:00+02:00\n---\nTexte.\n"])
        do {
            _ = try ArticleScaffold(title: "Budget : cyber").create(in: options.contentDirectory)
            Issue.record("the slug budget-cyber is taken")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.duplicateSlug])
            #expect(error.diagnostics.first?.notes.first?.location.file.hasSuffix("2022/a.md") == true)
        }
        let date = try #require(ArticleScaffold.date(from: "2024-03-01T09:00:00+01:00"))
        _ = try ArticleScaffold(title: "Nouveau", date: date).create(in: options.contentDirectory)
        try folder.write("Content/articles/2024/nouveau.md", "déjà modifié")
        #expect(throws: BuildFailure.self) { try ArticleScaffold(title: "Nouveau", date: date).create(in: options.contentDirectory) }
        #expect(folder.read("Content/articles/2024/nouveau.md") == "déjà modifié")
    }

    @Test func withDataTheStarterChartBuilds() throws {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: [:])
        let paths = try ArticleScaffold(title: "Budget cloud", withData: true).create(in: options.contentDirectory)
        #expect(paths.count == 3)
        options.includeDrafts = true
        let report = try SiteBuilder(options: options).build()
        #expect(report.articleCount == 1)
        #expect(folder.read("Output/data/budget-cloud.csv") != nil)
    }
}
