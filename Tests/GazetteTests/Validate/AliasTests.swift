import Foundation
import Testing
@testable import Gazette

/// `aliases:` keep former addresses working (issue 10).
@Suite struct AliasTests {
    private func article(_ title: String, day: Int, aliases: String = "") -> String {
        "---\ntitle: \(title)\ndate: 2022-06-\(day)T08:00:00+02:00\n\(aliases)---\nTexte.\n"
    }

    @Test func aFormerAddressRedirectsToTheArticleAndIsListedNowhere() async throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [
            "2022/a.md": article("Nouveau titre", day: 24, aliases: "aliases: [articles/2022/ancien-titre/, /2021/05/ancien.html]\n"),
        ])
        _ = try SiteBuilder(options: options).build()
        let redirect = try #require(folder.read("Output/articles/2022/ancien-titre/index.html"))
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../../articles/2022/nouveau-titre/\">"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://test.example/articles/2022/nouveau-titre/\">"))
        #expect(redirect.contains("<a href=\"../../../articles/2022/nouveau-titre/\">Nouveau titre</a>"))
        #expect(folder.read("Output/2021/05/ancien.html")?.contains("url=../../articles/2022/nouveau-titre/") == true)
        #expect(folder.read("Output/sitemap.xml")?.contains("ancien") == false)
        #expect(try await SiteCheck(options: options).run().diagnostics.isEmpty, "the redirects lead somewhere")
    }

    @Test func anAliasThatTakesAPageOrIsNotAPathIsAnError() async throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [
            "2022/a.md": article("Premier", day: 24, aliases: "aliases:\n  - articles/2022/second/\n  - ../../etc/\n  - tags/\n  - assets/vieux/\n"),
            "2022/b.md": article("Second", day: 23),
        ])
        let errors = buildDiagnostics(options)
        #expect(errors.map(\.code) == [.aliasConflict, .invalidAlias, .aliasConflict, .aliasConflict], "\(errors)")
        #expect(errors.map(\.location.line) == [5, 6, 7, 8])
        #expect(errors.first?.message.contains("already the address of") == true && errors.first?.message.contains("2022/b.md") == true)
    }

    /// An alias may not overwrite what the site writes, turn one of its files into a folder, or
    /// name a hidden file: each is a located error, cold or after a build that had none.
    @Test(arguments: [
        ("feed.json", DiagnosticCode.aliasConflict, "the JSON feed"), ("tags/essai/feed.xml", .aliasConflict, "the feed of the tag essai"),
        (".htaccess", .invalidAlias, "hidden file"), ("archives/.well-known/x.html", .invalidAlias, "hidden file"),
        ("feed.xml/", .aliasConflict, "would need a folder feed.xml/ where the site writes the feed"),
        ("/robots.txt/vieux.html", .aliasConflict, "would need a folder robots.txt/"),
        ("articles/2022/photo.png", .aliasConflict, "the image articles/2022/photo.png"),
        ("tags/essai/index.html", .aliasConflict, "the tag page of essai"), ("recherche/index/meta.json", .aliasConflict, "inside a folder the site writes"),
        ("page/7/", .aliasConflict, "inside a folder the site writes"),
        ("sitemaps/sitemap-1.xml", .aliasConflict, "inside a folder the site writes"),
    ])
    func anAliasCannotTakeWhatTheSiteWrites(alias: String, code: DiagnosticCode, message: String) throws {
        let folder = try TemporaryFolder()
        let body = "---\ntitle: Premier\ndate: 2022-06-24T08:00:00+02:00\ntags: [essai]\n"
        var options = try makeSite(in: folder, articles: ["2022/a.md": body + "---\n![Photo](photo.png)\n"])
        options.incremental = true
        try folder.write("Content/articles/2022/photo.png", bytes: ImageTests.png(4, 3))
        _ = try SiteBuilder(options: options).build()
        let before = folder.snapshot("Output")
        for _ in 1...2 {  // once after a good build (incremental), once cold
            try folder.write("Content/articles/2022/a.md", body + "aliases: [\"\(alias)\"]\n---\n![Photo](photo.png)\n")
            let errors = buildDiagnostics(options)
            #expect(errors.map(\.code) == [code], "\(alias): \(errors)")
            #expect(errors.first?.location.line == 5 && errors.first?.message.contains(message) == true, "\(alias): \(errors)")
            #expect(folder.snapshot("Output") == before, "the output is left as it was")
            options.incremental = false
        }
    }

    /// Two aliases cannot make one a folder of the other.
    @Test func twoAliasesCannotNeedEachOthersPlace() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [
            "2022/a.md": article("Premier", day: 24, aliases: "aliases: [vieux.html, vieux.html/autre.html, ancien/, ancien]\n"),
        ])
        let errors = buildDiagnostics(options)
        #expect(errors.map(\.code) == [.aliasConflict, .aliasConflict], "\(errors)")
        #expect(errors.map(\.location.line) == [4, 4])
    }
}
