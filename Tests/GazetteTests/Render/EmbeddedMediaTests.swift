import Foundation
import Testing
@testable import Gazette

/// Videos and social-network posts written as an address alone on their line: a click-to-load
/// player or a quotation, nothing from the platform in the page (issue 27, item 10). What the
/// browser requests before and after the click is checked in Chromium by `Scripts/check-embeds.py`.
@Suite struct EmbeddedMediaTests {
    @Test(arguments: [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        ("https://youtu.be/dQw4w9WgXcQ?t=90", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90"),
        ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        ("https://vimeo.com/76979871", "Vimeo", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"),
        ("https://www.dailymotion.com/video/x8abc12", "Dailymotion", "https://www.dailymotion.com/embed/video/x8abc12?autoplay=1"),
        ("https://dai.ly/x8abc12", "Dailymotion", "https://www.dailymotion.com/embed/video/x8abc12?autoplay=1"),
    ])
    func videoAddressesAreRecognisedWithTheirPrivacyEnhancedPlayer(url: String, platform: String, player: String) throws {
        let media = try #require(EmbeddedMedia.recognise(url))
        #expect(media.platform.name == platform && media.playerURL == player)
    }

    @Test func postsAreRecognisedWithTheirAuthorAndOtherAddressesAreNot() {
        #expect(EmbeddedMedia.recognise("https://mastodon.social/@sante/112233445566")?.id == "@sante@mastodon.social")
        #expect(EmbeddedMedia.recognise("https://bsky.app/profile/ansm.bsky.social/post/3kxyz")?.id == "@ansm.bsky.social")
        #expect(EmbeddedMedia.recognise("https://x.com/Sante_Gouv/status/1790000000000000000")?.platform == .x)
        for other in ["https://www.youtube.com/channel/UC123", "https://vimeo.com/about", "https://example.org/@x/notanumber",
                      "javascript:alert(1)", "https://www.youtube.com/watch?v=a\"b", "https://twitter.com/Sante_Gouv"] {
            #expect(EmbeddedMedia.recognise(other) == nil, "\(other)")
        }
    }

    private func page(_ body: String, site: String = "title: Test\nbase_url: https://test.example/\n") throws -> String {
        let (folder, report, diagnostics) = try buildSite(["2024/a.md": "---\ntitle: A\ndate: 2024-03-11T09:00:00+01:00\n---\n" + body + "\n"], site: site)
        #expect(report != nil, "\(diagnostics)")
        return try #require(folder.read("Output/articles/2024/a/index.html"))
    }

    @Test func anAddressAloneOnItsLineBecomesAPlayerThatLoadsOnClick() throws {
        let html = try page("Avant.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n[Le plan : 300 M€](https://vimeo.com/76979871)\n\n"
                            + "Un lien https://www.youtube.com/watch?v=dQw4w9WgXcQ dans une phrase.")
        #expect(html.components(separatedBy: "<figure class=\"embed embed-video\"").count == 3)
        #expect(html.contains("data-embed-src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1\" data-embed-title=\"Vidéo YouTube\""))
        #expect(html.contains("data-embed-title=\"Le plan\u{A0}: 300 M€\""), "the link's text is the title, in French typography")
        #expect(html.contains("<a href=\"https://vimeo.com/76979871\">Voir sur Vimeo</a>"), "without the script, a link")
        #expect(!html.contains("<iframe") && !html.contains("ytimg"), "nothing from the platform in the page")
        #expect(html.components(separatedBy: "<script src=\"../../../assets/embeds.js\" defer></script>").count == 2, "the script once")
        #expect(html.contains("<a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">https://"), "a link in a sentence stays a link")
        let plain = try page("Sans vidéo.")
        #expect(!plain.contains("embeds.js"))
    }

    @Test func feedsCarryThePlayersLinkButNotTheirScript() throws {
        let (folder, report, diagnostics) = try buildSite(["2024/a.md": "---\ntitle: A\ndate: 2024-03-11T09:00:00+01:00\n---\nhttps://youtu.be/dQw4w9WgXcQ\n"])
        #expect(report != nil, "\(diagnostics)")
        let feed = try #require(folder.read("Output/feed.xml"))
        #expect(feed.contains("Voir sur YouTube") && !feed.contains("embeds.js"))
    }

    @Test func aPostIsAQuotationWithALinkAndNoScript() throws {
        let html = try page("[Le ministère annonce le plan.](https://mastodon.social/@sante/112233445566)")
        #expect(html.contains("<blockquote cite=\"https://mastodon.social/@sante/112233445566\">\n<p>Le ministère annonce le plan.</p>"))
        #expect(html.contains("@sante@mastodon.social sur Mastodon · <a href=\"https://mastodon.social/@sante/112233445566\">Voir la publication</a>"))
        #expect(!html.contains("embeds.js"))
    }

    @Test func withRawHTMLOnThePlayerSurvivesTheSanitizer() throws {
        let html = try page("<p>HTML <em>gardé</em>.</p>\n\nhttps://youtu.be/dQw4w9WgXcQ",
                            site: "title: Test\nbase_url: https://test.example/\nunsafe_html: true\n")
        #expect(html.contains("<button type=\"button\" class=\"embed-play\" hidden>") && html.contains("data-embed-src=\"https://www.youtube-nocookie.com/"))
        #expect(html.contains("<script src=\"../../../assets/embeds.js\" defer></script>"))
    }

    @Test func aPastedPlayerIsAWarningThatGivesTheAddressToWrite() throws {
        let (_, _, diagnostics) = try buildSite(["2024/a.md": "---\ntitle: A\ndate: 2024-03-11T09:00:00+01:00\n---\n"
                                                 + "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" width=\"560\"></iframe>\n"])
        #expect(diagnostics.contains { $0.message.contains("write the video's address alone on its line, https://www.youtube.com/watch?v=dQw4w9WgXcQ,") },
                "\(diagnostics)")
    }
}
