import Foundation
import Testing
@testable import Gazette

/// A right of reply published as an article of its own (`reply_to:`), linked both ways, and still
/// online, with the dates of the article it answers, after that article is withdrawn (issue 27, item 1).
@Suite struct RightOfReplyTests {
    private static let article = "---\ntitle: Cyberattaque au CHU\ndate: 2024-03-01T09:00:00+01:00\n---\nTexte.\n"
    private static func reply(to target: String) -> String {
        "---\ntitle: Réponse de la direction\ndate: 2024-03-05T09:00:00+01:00\nreply_to: \(target)\n---\nLa direction conteste.\n"
    }

    @Test func aReplyAndItsArticleLinkToEachOther() throws {
        let (folder, report, diagnostics) = try buildSite(["2024/a.md": Self.article, "2024/r.md": Self.reply(to: "articles/2024/cyberattaque-au-chu/")])
        #expect(report != nil, "\(diagnostics)")
        let original = try #require(folder.read("Output/articles/2024/cyberattaque-au-chu/index.html"))
        #expect(original.contains("Droit de réponse, le mardi 5 mars 2024 à 09h00</time></p>\n    <p><a href=\"../../../articles/2024/reponse-de-la-direction/\">"))
        let reply = try #require(folder.read("Output/articles/2024/reponse-de-la-direction/index.html"))
        #expect(reply.contains("En réponse à l’article <a href=\"../../../articles/2024/cyberattaque-au-chu/\">«\u{A0}Cyberattaque au CHU\u{A0}»</a>, publié le vendredi 1er mars 2024 à 09h00."))
    }

    @Test func aReplyOutlivesAWithdrawnArticleAndGivesItsDates() throws {
        let withdrawn = Self.article.replacingOccurrences(of: "---\nTexte", with: "unpublished:\n  date: 2024-04-01T09:00:00+02:00\n  reason: décision\n---\nTexte")
        let (folder, report, diagnostics) = try buildSite(["2024/a.md": withdrawn, "2024/r.md": Self.reply(to: "cyberattaque-au-chu")])
        #expect(report != nil, "\(diagnostics)")
        let reply = try #require(folder.read("Output/articles/2024/reponse-de-la-direction/index.html"))
        #expect(reply.contains("En réponse à un article publié le vendredi 1er mars 2024 à 09h00, retiré du site le lundi 1er avril 2024 à 09h00."))
        #expect(!reply.contains("Cyberattaque au CHU"), "nor the withdrawn article's title")
    }

    @Test func aReplyToNoArticleIsALocatedErrorWithASuggestion() throws {
        let (_, report, diagnostics) = try buildSite(["2024/a.md": Self.article, "2024/r.md": Self.reply(to: "cyberatack-au-chu")])
        #expect(report == nil)
        let error = try #require(diagnostics.first { $0.code == .unknownArticle })
        #expect(error.location.file.hasSuffix("r.md") && error.location.line == 4 && error.message.contains("(did you mean 'cyberattaque-au-chu'?)"),
                "\(error)")
    }

    @Test func addingAReplyRewritesItsArticleInAnIncrementalBuild() throws {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: ["2024/a.md": Self.article])
        options.incremental = true
        _ = try SiteBuilder(options: options).build()
        try folder.write("Content/articles/2024/r.md", Self.reply(to: "cyberattaque-au-chu"))
        _ = try SiteBuilder(options: options).build()
        #expect(folder.read("Output/articles/2024/cyberattaque-au-chu/index.html")?.contains("reponse-de-la-direction") == true)
        try expectSameAsColdBuild(folder, options)
    }
}
