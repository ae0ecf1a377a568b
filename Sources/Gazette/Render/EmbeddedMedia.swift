import Foundation

/// A video or a social-network post whose address stands alone in its paragraph, published
/// without its platform's trackers: a video is a click-to-load player (a poster, a title, a
/// button; the player is requested from the platform only after the click, by `assets/embeds.js`,
/// from its privacy-enhanced domain where it has one; without the script, a link), a post is a
/// quotation with a link. No request reaches the platform before the reader asks for it.
struct EmbeddedMedia: Equatable {
    enum Platform: Equatable {
        case youtube, vimeo, dailymotion, mastodon, bluesky, x

        /// Its name as readers know it.
        var name: String {
            switch self {
            case .youtube: "YouTube"
            case .vimeo: "Vimeo"
            case .dailymotion: "Dailymotion"
            case .mastodon: "Mastodon"
            case .bluesky: "Bluesky"
            case .x: "X"
            }
        }

        var isVideo: Bool { [.youtube, .vimeo, .dailymotion].contains(self) }
    }

    let platform: Platform
    /// The address as written: what the link without the script leads to.
    let url: String
    /// The video's id, or the post's author (`@claire@mastodon.social`, `@claire.bsky.social`).
    let id: String
    /// Where a YouTube video starts (`t=90`), in seconds.
    var start: Int?

    /// The media `url` addresses, or nil when it is not one of the platforms' video or post addresses.
    static func recognise(_ url: String) -> EmbeddedMedia? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
              var host = components.host?.lowercased() else { return nil }
        for prefix in ["www.", "m."] where host.hasPrefix(prefix) { host.removeFirst(prefix.count) }
        let path = components.path.split(separator: "/").map(String.init)
        let query = Dictionary((components.queryItems ?? []).compactMap { item in item.value.map { (item.name, $0) } }, uniquingKeysWith: { first, _ in first })
        func media(_ platform: Platform, _ id: String?, valid: (Character) -> Bool) -> EmbeddedMedia? {
            guard let id, !id.isEmpty, id.count <= 64, id.allSatisfy(valid) else { return nil }
            return EmbeddedMedia(platform: platform, url: url, id: id)
        }
        let videoID: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        let digits: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        switch host {
        case "youtube.com", "youtube-nocookie.com", "youtu.be":
            let id = host == "youtu.be" ? path.first
                : path.first == "watch" ? query["v"] : ["shorts", "embed", "live"].contains(path.first ?? "") ? path.dropFirst().first : nil
            var found = media(.youtube, id, valid: videoID)
            found?.start = (query["t"] ?? query["start"]).flatMap { Int($0.hasSuffix("s") ? String($0.dropLast()) : $0) }
            return found
        case "vimeo.com", "player.vimeo.com":
            return media(.vimeo, path.last, valid: digits)
        case "dailymotion.com", "dai.ly":
            return media(.dailymotion, host == "dai.ly" ? path.first : path.first == "video" ? path.dropFirst().first : nil, valid: videoID)
        case "bsky.app":
            guard path.count == 4, path[0] == "profile", path[2] == "post" else { return nil }
            return media(.bluesky, "@" + path[1], valid: { $0 != "<" && $0 != "&" })
        case "x.com", "twitter.com":
            guard path.count == 3, path[1] == "status", path[2].allSatisfy(digits) else { return nil }
            return media(.x, "@" + path[0], valid: { $0 == "@" || videoID($0) })
        default:
            // Mastodon has no one host: any server's `/@user/123456` is a post.
            guard path.count == 2, path[0].hasPrefix("@"), path[0].count > 1, path[1].allSatisfy(digits) else { return nil }
            return media(.mastodon, path[0] + "@" + host, valid: { $0.isASCII && ($0.isLetter || $0.isNumber || "_.@-".contains($0)) })
        }
    }

    /// The player's address, on the platform's privacy-enhanced domain where it has one (YouTube's
    /// `youtube-nocookie.com`; Vimeo with `dnt=1`, which sets no tracking cookie; Dailymotion has none).
    var playerURL: String? {
        switch platform {
        case .youtube: "https://www.youtube-nocookie.com/embed/\(id)?autoplay=1" + (start.map { "&start=\($0)" } ?? "")
        case .vimeo: "https://player.vimeo.com/video/\(id)?dnt=1&autoplay=1"
        case .dailymotion: "https://www.dailymotion.com/embed/video/\(id)?autoplay=1"
        case .mastodon, .bluesky, .x: nil
        }
    }

    /// The video's page on its platform, as an editor writes it (`https://www.youtube.com/watch?v=…`);
    /// the address itself for a post.
    var pageURL: String {
        switch platform {
        case .youtube: "https://www.youtube.com/watch?v=\(id)"
        case .vimeo: "https://vimeo.com/\(id)"
        case .dailymotion: "https://www.dailymotion.com/video/\(id)"
        case .mastodon, .bluesky, .x: url
        }
    }

    /// The figure that stands for the media: `title` is the link's text (nil for a bare address),
    /// `posterHTML` the picture the editor put in the link, if any.
    func html(title: String?, posterHTML: String?) -> String {
        let escape = HTMLEscaping.escape
        let link = "<a href=\"\(escape(url))\">"
        guard let playerURL else {
            let quote = title.map { "<p>\(escape($0))</p>" } ?? "<p>Publication de \(escape(id)) sur \(platform.name).</p>"
            return "<figure class=\"embed embed-post\">\n<blockquote cite=\"\(escape(url))\">\n\(quote)\n</blockquote>\n"
                + "<figcaption>\(escape(id)) sur \(platform.name) · \(link)Voir la publication</a></figcaption>\n</figure>\n"
        }
        let name = title ?? "Vidéo \(platform.name)"
        return "<figure class=\"embed embed-video\" data-embed-src=\"\(escape(playerURL))\" data-embed-title=\"\(escape(name))\">\n"
            + "<div class=\"embed-frame\">\n" + (posterHTML ?? "<div class=\"embed-poster\"></div>") + "\n"
            + "<button type=\"button\" class=\"embed-play\" hidden>Lire la vidéo<span class=\"visually-hidden\"> «\u{A0}\(escape(name))\u{A0}»</span></button>\n"
            + "</div>\n<figcaption>\(escape(name)) · \(link)Voir sur \(platform.name)</a>. "
            + "<span class=\"embed-note\">La lecture charge le lecteur de \(platform.name), qui peut déposer des cookies.</span></figcaption>\n</figure>\n"
    }
}
