import Foundation
import Testing
@testable import Gazette

/// Bad input: every error located, all of them reported together, and the previous output untouched.
@Suite struct BuildFailureTests {
    @Test func reportsEveryErrorOfTheBuildTogetherSortedByFile() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [
            "2022/a.md": "pas de front matter\n",
            "2022/b.md": "---\ntitle: B\n---\n",
            "2022/c.md": "---\ntitle: C\ndate: 2022-02-30T08:00:00+01:00\n---\n",
            "2022/ok.md": validArticle,
        ])
        let errors = buildDiagnostics(options).filter { $0.severity == .error }
        #expect(errors.map { ($0.location.file as NSString).lastPathComponent } == ["a.md", "b.md", "c.md"])
        #expect(errors.map(\.location.line) == [1, 2, 3])
        #expect(BuildFailure(errors).exitCode == 1)
    }

    @Test func failedBuildLeavesThePreviousOutputExactlyAsItWas() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/ok.md": validArticle])
        _ = try SiteBuilder(options: options).build()
        let before = folder.snapshot("Output")
        #expect(before["index.html"] != nil)
        try folder.write("Content/articles/2022/bad.md", "---\ntitle: [\n---\n")
        #expect(!buildDiagnostics(options).isEmpty)
        #expect(folder.snapshot("Output") == before)
    }

    @Test func nonUTF8FileIsLocatedAtTheBadByte() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [:])
        try folder.write("Content/articles/2022/latin1.md", bytes: Data("---\ntitle: Caf".utf8) + Data([0xE9]) + Data("\n---\n".utf8))
        let error = try #require(buildDiagnostics(options).first)
        #expect(error.location.line == 2)
        #expect(error.location.column == 11)
        #expect(error.message.contains("not valid UTF-8 (byte 0xE9)"))
    }

    @Test func unreadableFileIsAnError() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [:])
        // A folder named like an article is a folder: the articles inside it are read.
        try folder.write("Content/articles/dossier.md/dedans.md", validArticle)
        // A link to nothing cannot be read.
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Content/articles/lien.md",
                                                   withDestinationPath: folder.path + "/Content/articles/absent.md")
        let errors = buildDiagnostics(options)
        #expect(errors.map(\.code) == [.unreadableFile], "\(errors)")
        #expect(errors.first?.location.file.hasSuffix("articles/lien.md") == true)
        try FileManager.default.removeItem(atPath: folder.path + "/Content/articles/lien.md")
        #expect(try SiteBuilder(options: options).build().articleCount == 1)
    }

    @Test func symlinkOutsideTheContentFolderIsRefused() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [:])
        try folder.write("secret.md", validArticle)
        try FileManager.default.createDirectory(atPath: folder.path + "/Content/articles", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Content/articles/secret.md",
                                                   withDestinationPath: folder.path + "/secret.md")
        let errors = buildDiagnostics(options)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("outside the content folder") == true)
    }

    @Test func invalidSiteConfigIsAConfigurationError() throws {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: ["2022/ok.md": validArticle])
        try folder.write("Content/site.yml", "title: T\nbase_url: pas-une-url\ntime_zone: Mars/Olympus\n")
        let errors = buildDiagnostics(options)
        #expect(errors.map(\.location.line) == [2, 3])
        #expect(BuildFailure(errors).exitCode == 2)
        options.baseURL = "https://ok.example"
        try folder.write("Content/site.yml", "title: T\nbase_url: https://x.example/\n")
        #expect(buildDiagnostics(options).isEmpty)
        #expect(folder.read("Output/feed.xml")?.contains("https://ok.example/feed.xml") == true)
    }

    @Test func templateSyntaxErrorIsLocated() throws {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: ["2022/ok.md": validArticle])
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path + "/Templates")
        try folder.write("Templates/tag.mustache", "<p>\n{{#tag}}\n{{/tags}}\n")
        options.templatesDirectory = folder.path + "/Templates"
        let errors = buildDiagnostics(options)
        #expect(errors.count == 1)
        #expect(errors.first?.location.file.hasSuffix("Templates/tag.mustache") == true)
        #expect(errors.first?.location.line == 3)
        #expect(BuildFailure(errors).exitCode == 2)
    }

    @Test func draftsArePublishedOnlyOnRequest() throws {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: [
            "2022/draft.md": "---\ntitle: Brouillon\ndate: 2022-06-24T08:00:00+02:00\ndraft: true\n---\n",
        ])
        #expect(try SiteBuilder(options: options).build().articleCount == 0)
        options.includeDrafts = true
        #expect(try SiteBuilder(options: options).build().articleCount == 1)
    }

    @Test func strictModeFailsOnWarnings() throws {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: [
            "2022/a.md": "---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\nauteur: X\n---\n",
        ])
        #expect(try SiteBuilder(options: options).build().warnings.count == 1)
        options.strict = true
        #expect(buildDiagnostics(options).map(\.severity) == [.warning])
    }
}
