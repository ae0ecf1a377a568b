import Foundation
import Testing
@testable import Gazette

/// The record of what a build published (`gazette-publication.json`), read back by the next build
/// (`--previous`) to warn of removed corrections and vanished addresses, and by `gazette due`
/// (issue 27, item 7).
@Suite struct PublicationRecordTests {
    private static let corrected = """
    ---
    title: Corrigé
    date: 2024-03-01T09:00:00+01:00
    corrections:
      - date: 2024-03-02T09:00:00+01:00
        kind: rectificatif
        text: Le bon chiffre.
    ---
    Texte.
    """
    private static func article(_ title: String, date: String = "2024-03-02T09:00:00+01:00", extra: String = "") -> String {
        "---\ntitle: \(title)\ndate: \(date)\n\(extra)---\nTexte.\n"
    }

    private func date(_ text: String) -> Date { (try? ISODate.parse(text).get()) ?? .distantPast }

    /// A site built at 2024-06-01 with `articles`, its folder and options.
    private func site(_ articles: [String: String]) throws -> (TemporaryFolder, BuildOptions) {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: articles)
        options.now = date("2024-06-01T09:00:00+02:00")
        return (folder, options)
    }

    @Test func theRecordListsWhatWasPublishedAndNothingElse() throws {
        let (folder, options) = try site([
            "2024/a.md": Self.corrected,
            "2024/b.md": Self.article("Brouillon", extra: "draft: true\n"),
            "2024/c.md": Self.article("Programmé", date: "2030-01-01T09:00:00+01:00"),
            "2024/d.md": Self.article("Déplacé", extra: "aliases: [ancien/]\n"),
        ])
        _ = try SiteBuilder(options: options).build()
        let text = try #require(folder.read("Output/gazette-publication.json"))
        let record = try #require(PublicationRecord.decode(Data(text.utf8)))
        #expect(record.articles == ["articles/2024/corrige/", "articles/2024/deplace/"])
        #expect(record.corrections == ["articles/2024/corrige/": ["2024-03-02T09:00:00+01:00 rectificatif"]])
        #expect(record.aliases == ["ancien/index.html"] && record.retired.isEmpty)
    }

    @Test func aBuildComparedWithThePreviousPublicationWarnsOfARemovedCorrectionAndAVanishedAddress() throws {
        let (folder, options) = try site(["2024/a.md": Self.corrected, "2024/d.md": Self.article("Déplacé"), "2024/e.md": Self.article("Supprimé")])
        _ = try SiteBuilder(options: options).build()
        let published = try #require(folder.read("Output/gazette-publication.json"))
        try folder.write("previous.json", published)
        try FileManager.default.removeItem(atPath: folder.path + "/Content/articles/2024/e.md")
        try folder.write("Content/articles/2024/a.md", Self.corrected.replacingOccurrences(of: "kind: rectificatif", with: "kind: mise à jour"))
        try folder.write("Content/articles/2024/d.md", Self.article("Déplacé", extra: "slug: nouveau\naliases: [articles/2024/deplace/]\n"))
        var compared = options
        compared.previousPublication = folder.path + "/previous.json"
        let report = try SiteBuilder(options: compared).build()
        let removed = report.warnings.filter { $0.code == .correctionRemoved }
        #expect(removed.count == 1 && removed.first?.location.file.hasSuffix("2024/a.md") == true
                && removed.first?.message.contains("2024-03-02T09:00:00+01:00 rectificatif") == true, "\(report.warnings)")
        let vanished = report.warnings.filter { $0.code == .addressVanished }
        #expect(vanished.map(\.message).map { $0.hasPrefix("articles/2024/supprime/ was published") } == [true],
                "the moved article kept its address as an alias: \(vanished)")
        let unchanged = try SiteBuilder(options: options).build()
        #expect(!unchanged.warnings.contains { $0.code == .correctionRemoved || $0.code == .addressVanished }, "without --previous, nothing is compared")
    }

    @Test func anUnreadablePreviousPublicationIsAWarningAndTheBuildGoesOn() throws {
        let (folder, options) = try site(["2024/a.md": Self.corrected])
        try folder.write("previous.json", "{\"format\": \"autre\"}")
        var compared = options
        compared.previousPublication = folder.path + "/previous.json"
        let report = try SiteBuilder(options: compared).build()
        #expect(report.warnings.contains { $0.code == .previousPublicationUnreadable && $0.message.contains("not a gazette-publication 1 record") })
    }

    @Test func dueSaysWhenAScheduledArticleOrAWithdrawalHasCome() throws {
        let (folder, options) = try site([
            "2024/a.md": Self.corrected,
            "2024/c.md": Self.article("Programmé", date: "2024-07-01T09:00:00+02:00"),
            "2024/r.md": Self.article("À retirer", extra: "unpublished:\n  date: 2024-08-01T09:00:00+02:00\n  reason: demande d’effacement\n"),
        ])
        _ = try SiteBuilder(options: options).build()
        let due = DueCheck(contentDirectory: options.contentDirectory, previous: folder.path + "/Output/gazette-publication.json")
        let before = due.check(at: date("2024-06-15T09:00:00+02:00"))
        #expect(!before.isDue && before.message.contains("The next scheduled change: lundi 1er juillet 2024 à 09h00"), "\(before.message)")
        let published = due.check(at: date("2024-07-01T09:00:00+02:00"))
        #expect(published.isDue && published.message == "Due: 1 to publish (articles/2024/programme/). The next scheduled change: jeudi 1er août 2024 à 09h00 (2024-08-01T09:00:00+02:00).")
        let withdrawn = DueCheck(contentDirectory: options.contentDirectory, previous: folder.path + "/Output/gazette-publication.json")
            .check(at: date("2024-08-02T09:00:00+02:00"))
        #expect(withdrawn.isDue && withdrawn.message.contains("1 to take down (articles/2024/a-retirer/)"), "\(withdrawn.message)")
        #expect(DueCheck(contentDirectory: options.contentDirectory, previous: folder.path + "/absent.json").check().isDue, "unknown: publish")
    }

    @Test func buildJSONGivesTheHeldBackArticlesWithTheirDates() throws {
        let held = [HeldBackArticle(file: "a.md", title: "A", scheduledFor: "lundi 1er juillet 2024 à 09h00", scheduledAt: "2024-07-01T09:00:00+02:00")]
        let json = DiagnosticPrinter(sources: [:]).json([], heldBack: held)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
        #expect((object["heldBack"] as? [[String: String]])?.first?["scheduledAt"] == "2024-07-01T09:00:00+02:00")
    }
}
