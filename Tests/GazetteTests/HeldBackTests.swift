import Foundation
import Testing
@testable import Gazette

/// What a build did not publish (drafts, scheduled articles soonest first), reported by the build
/// and again by a build that repeats it.
@Suite struct HeldBackTests {
    @Test func draftsAndScheduledArticlesAreReportedAlsoByARepeatedBuild() throws {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: [
            "2026/publie.md": "---\ntitle: Publié\ndate: 2026-12-01T09:00:00+01:00\n---\nTexte.\n",
            "2026/brouillon.md": "---\ntitle: Brouillon\ndate: 2026-12-01T09:00:00+01:00\ndraft: true\n---\nTexte.\n",
            "2026/plus-tard.md": "---\ntitle: Plus tard\ndate: 2026-12-20T09:00:00+01:00\n---\nTexte.\n",
            "2026/demain.md": "---\ntitle: Demain\ndate: 2026-12-08T09:00:00+01:00\n---\nTexte.\n",
        ])
        options.incremental = true
        options.now = ISO8601DateFormatter().date(from: "2026-12-07T10:00:00Z")
        let first = try SiteBuilder(options: options).build()
        #expect(first.heldBack.map(\.title) == ["Brouillon", "Demain", "Plus tard"], "drafts, then the soonest first")
        #expect(first.heldBack.map(\.scheduledFor) == [nil, "mardi 8 décembre 2026 à 09h00", "dimanche 20 décembre 2026 à 09h00"])
        let repeated = try SiteBuilder(options: options).build()
        #expect(repeated.isUnchanged && repeated.heldBack == first.heldBack)
        options.includeDrafts = true
        options.includeFuture = true
        #expect(try SiteBuilder(options: options).build().heldBack.isEmpty, "--drafts --future publish them all")
    }
}
