import Foundation
import Testing
@testable import Gazette

/// `gazette check` (issue 10): broken links, fragments and links to sources or drafts, each at
/// its Markdown line.
@Suite struct LinkCheckerTests {
    private func check(_ articles: [String: String]) async throws -> [Diagnostic] {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: articles)
        let found = try await SiteCheck(options: options).run().diagnostics.filter { $0.severity == .error }
        withExtendedLifetime(folder) {}
        return found
    }

    @Test func brokenLinksFragmentsSourcesAndDraftsAreReportedAtTheirLine() async throws {
        let body = """
        Voir [l’autre article](../b/) et [sa méthode](../b/#methode).

        Mais pas [celui-ci](../../2024/nexiste-pas/), ni [la source](../b.md),
        ni [le brouillon](../brouillon/), ni [une section](#absente).

        ## Présent
        """
        let found = try await check([
            "2022/a.md": "---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\n---\n" + body + "\n",
            "2022/b.md": "---\ntitle: B\ndate: 2022-06-23T08:00:00+02:00\n---\n## Méthode\n\nTexte.\n",
            "2022/brouillon.md": "---\ntitle: Brouillon\ndate: 2022-06-22T08:00:00+02:00\ndraft: true\n---\nTexte.\n",
        ])
        #expect(found.map(\.code) == [.brokenLink, .linkToSource, .brokenLink, .brokenFragment], "\(found)")
        #expect(found.map(\.location.line) == [7, 7, 8, 8])
        #expect(found.allSatisfy { $0.location.file.hasSuffix("articles/2022/a.md") })
        #expect(found.first?.location.column == 21, "the column of the address in the Markdown line")
        #expect(found.first?.message.contains("a draft, a future article, or an article whose slug changed?") == true)
    }

    /// Full links to the site's own address, as editors paste them, are checked as internal ones
    /// (issue 28, point 6): a slug that changed is found; a link that works passes.
    @Test func fullLinksToTheSiteItselfAreChecked() async throws {
        let found = try await check([
            "2022/a.md": "---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\n---\n"
                + "Voir [B](https://test.example/articles/2022/b/) et [l’ancien](https://test.example/articles/2022/ancien-titre/).\n",
            "2022/b.md": "---\ntitle: B\ndate: 2022-06-23T08:00:00+02:00\n---\nTexte.\n",
        ])
        #expect(found.map(\.code) == [.brokenLink], "\(found)")
        #expect(found.first?.message.contains("https://test.example/articles/2022/ancien-titre/") == true, "\(found)")
        #expect(found.first?.location.line == 5 && found.first?.location.file.hasSuffix("articles/2022/a.md") == true)
    }

    @Test func theRealSiteHasNoBrokenLink() async throws {
        let folder = try TemporaryFolder()
        let options = BuildOptions(contentDirectory: Repository.content, templatesDirectory: Repository.templates,
                                   outputDirectory: folder.path + "/Output")
        #expect(try await SiteCheck(options: options).run().diagnostics.isEmpty)
    }
}
