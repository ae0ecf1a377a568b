import Foundation
import Testing
@testable import Gazette

/// Scheduling and drafts (issue 11, item 2): future articles wait for the build that comes after
/// their date; drafts and scheduled articles, when shown, are marked and kept out of the feed and sitemap.
@Suite struct SchedulingTests {
    private func site(now: String, future: Bool = false, drafts: Bool = false) throws -> (TemporaryFolder, BuildReport) {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: [
            "2024/passe.md": "---\ntitle: Passé\ndate: 2024-09-27T13:06:00+02:00\n---\nTexte.\n",
            "2031/futur.md": "---\ntitle: Futur\ndate: 2031-01-15T08:00:00+01:00\n---\nTexte.\n",
            "2024/brouillon.md": "---\ntitle: Brouillon\ndate: 2024-09-20T08:00:00+02:00\ndraft: true\n---\nTexte.\n",
        ])
        options.now = ArticleScaffold.date(from: now)
        options.includeFuture = future
        options.includeDrafts = drafts
        return (folder, try SiteBuilder(options: options).build())
    }

    @Test func anArticleDatedAfterTheBuildTimeWaits() throws {
        let (folder, report) = try site(now: "2025-01-01T00:00:00Z")
        #expect(report.articleCount == 1)
        #expect(folder.read("Output/articles/2031/futur/index.html") == nil)
        #expect(folder.read("Output/feed.xml")?.contains("Futur") == false)
        let (later, laterReport) = try site(now: "2031-01-15T07:00:00Z")
        #expect(laterReport.articleCount == 2, "a build after its date publishes it")
        #expect(later.read("Output/feed.xml")?.contains("Futur") == true)
    }

    @Test func withFutureAndDraftsTheyAreMarkedNoindexAndKeptOutOfFeedsAndSitemap() throws {
        let (folder, report) = try site(now: "2025-01-01T00:00:00Z", future: true, drafts: true)
        #expect(report.articleCount == 3)
        let future = try #require(folder.read("Output/articles/2031/futur/index.html"))
        #expect(future.contains("<p class=\"badge badge-scheduled\">Programmé\u{A0}: pas encore publié</p>"))
        #expect(future.contains("<meta name=\"robots\" content=\"noindex\">"))
        let draft = try #require(folder.read("Output/articles/2024/brouillon/index.html"))
        #expect(draft.contains("badge-draft") && draft.contains("noindex"))
        let home = try #require(folder.read("Output/index.html"))
        #expect(home.contains("<span class=\"badge badge-scheduled\">Programmé</span>") && home.contains("<span class=\"badge badge-draft\">Brouillon</span>"))
        for file in ["Output/feed.xml", "Output/sitemap.xml"] {
            let text = try #require(folder.read(file))
            #expect(!text.contains("futur") && !text.contains("brouillon"), "\(file)")
            #expect(text.contains("passe"))
        }
        #expect(folder.read("Output/articles/2024/passe/index.html")?.contains("noindex") == false)
    }

    @Test func sourceDateEpochIsTheDefaultBuildTime() throws {
        let epoch = ["SOURCE_DATE_EPOCH": "1700000000"]
        #expect(SiteBuilder.buildTime(now: nil, environment: epoch) == Date(timeIntervalSince1970: 1_700_000_000))
        let explicit = try #require(ArticleScaffold.date(from: "2025-01-01T00:00:00Z"))
        #expect(SiteBuilder.buildTime(now: explicit, environment: epoch) == explicit, "--now wins")
        #expect(abs(SiteBuilder.buildTime(now: nil, environment: [:]).timeIntervalSinceNow) < 60, "else the clock")
    }
}
