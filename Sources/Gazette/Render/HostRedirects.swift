/// `_redirects`, the rules file of Netlify (and of hosts that read its format, as Cloudflare Pages
/// for its redirects): an article's former address (`aliases:`) answers `301` to the article, and
/// the address of a withdrawn article, and each of its former addresses, answer `410 Gone` with the
/// page that says it was withdrawn, so that search engines follow or drop them at once. Written
/// only when there is such an address; a host that does not read it serves the pages themselves
/// (an alias's page sends the browser on; a withdrawn article's page answers `200`, `noindex`).
struct HostRedirects {
    let site: Site
    let links: SiteLinks

    /// The file's text; nil when no article has a former address or was withdrawn.
    var text: String? {
        guard !site.retired.isEmpty || site.articles.contains(where: { !$0.aliasFiles.isEmpty }) else { return nil }
        let root = links.absoluteRootPath
        // `!`: the rule applies although a file answers at the address (Netlify's "force").
        var text = "# Written by gazette: former addresses (aliases:) answer 301, withdrawn articles (unpublished:) 410 Gone.\n"
        for entry in site.articles {
            for file in entry.aliasFiles { text += "\(root + SiteLinks.folder(ofPage: file)) \(root + entry.path) 301!\n" }
        }
        for retired in site.retired {
            let page = root + SiteLinks.page(in: retired.path)
            for address in [retired.path] + retired.aliasFiles.map(SiteLinks.folder(ofPage:)) {
                text += "\(root + address) \(page) 410!\n"
            }
        }
        return text
    }
}
