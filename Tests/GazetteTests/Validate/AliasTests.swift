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
}
