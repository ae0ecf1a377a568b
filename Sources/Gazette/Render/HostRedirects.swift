/// `_redirects`, the rules file of Netlify (and of hosts that read its format): the address of a
/// withdrawn article, and each of its former addresses, answer `410 Gone` with the page that says
/// it was withdrawn, so that search engines drop it at once instead of retrying a page that
/// answers `200`. Written only when an article was withdrawn; a host that does not read it serves
/// the page itself, with `200` and `noindex`.
struct HostRedirects {
    let site: Site
    let links: SiteLinks

    /// The file's text; nil when no article was withdrawn.
    var text: String? {
        guard !site.retired.isEmpty else { return nil }
        let root = links.absoluteRootPath
        var text = "# Withdrawn articles (unpublished:) answer 410 Gone with the page that says so. Written by gazette.\n"
        for retired in site.retired {
            let page = root + SiteLinks.page(in: retired.path)
            for address in [retired.path] + retired.aliasFiles.map(SiteLinks.folder(ofPage:)) {
                // `!`: the rule applies although a file answers at the address (Netlify's "force").
                text += "\(root + address) \(page) 410!\n"
            }
        }
        return text
    }
}
