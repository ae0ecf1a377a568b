import Foundation
import Testing
@testable import Gazette

/// The search page and its index (issue 11, item 4).
@Suite struct SearchTests {
    @Test func theIndexIsBuiltInTheStagingFolderBeforeTheSwap() throws {
        let folder = try TemporaryFolder()
        // A stand-in for Pagefind that records which folder it was given and writes an index there.
        let fake = try folder.write("fake-pagefind", "#!/bin/sh\n[ \"$1\" = --site ] && mkdir -p \"$2/$4\" && echo \"$2\" > \"$2/$4/index-of.txt\"\n")
        chmod(fake.path, 0o755)
        var options = try makeSite(in: folder, articles: ["2024/a.md": "---\ntitle: A\ndate: 2024-06-24T08:00:00+02:00\n---\nTexte.\n"])
        options.searchIndex = true
        setenv("GAZETTE_PAGEFIND", fake.path, 1)
        defer { unsetenv("GAZETTE_PAGEFIND") }
        let report = try SiteBuilder(options: options).build()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let indexed = try #require(folder.read("Output/pagefind/index-of.txt"))
        #expect(indexed.contains(".Output.gazette-staging-"), "Pagefind ran on the staging folder: \(indexed)")
        let page = try #require(folder.read("Output/recherche/index.html"))
        #expect(page.contains("<noscript>") && page.contains("La recherche a besoin de JavaScript"))
        #expect(page.contains("href=\"../articles/\">archives</a>"))
        #expect(page.contains("src=\"../pagefind/pagefind-ui.js\""))
        #expect(folder.read("Output/articles/2024/a/index.html")?.contains("data-pagefind-body") == true)
    }

    @Test func withoutPagefindIndexingIsAWarning() throws {
        let folder = try TemporaryFolder()
        let warnings = SearchIndexer(environment: ["PATH": "/nonexistent"]).index(folder.path, shownAs: "Output")
        #expect(warnings.map(\.code) == [.searchIndexSkipped])
        #expect(warnings.first?.severity == .warning && warnings.first?.message.contains("pip install pagefind-bin") == true)
    }
}
