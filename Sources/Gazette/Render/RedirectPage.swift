/// The page written at an article's former address (`aliases:`): it sends browsers to the new
/// address at once, tells search engines which address is canonical, and still offers a link to
/// readers without meta refresh. Listed nowhere (not in the sitemap, nor in any list).
struct RedirectPage {
    /// The new address, relative to the redirect page (works from disk and under any sub-path).
    let relativeURL: String
    /// The new address, absolute.
    let canonicalURL: String
    let title: String

    var html: String {
        let escape = HTMLEscaping.escape
        return """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <link rel="canonical" href="\(escape(canonicalURL))">
        <meta name="robots" content="noindex">
        <meta http-equiv="refresh" content="0; url=\(escape(relativeURL))">
        </head>
        <body>
        <p>Cet article a changé d’adresse\u{A0}: <a href="\(escape(relativeURL))">\(escape(title))</a>.</p>
        </body>
        </html>

        """
    }
}
