import Foundation
import Markdown

/// Turns an article's Markdown body into the HTML inserted in its page.
public struct ArticleBodyRenderer: Sendable {
    /// Parsing options (raw HTML only when `site.yml` opts in).
    public var options: MarkdownOptions

    /// Creates a renderer.
    public init(options: MarkdownOptions) {
        self.options = options
    }

    /// Markdown → tree → safe links, embeds, French typography, heading anchors → HTML.
    public func render(_ markdown: String) -> String {
        let document = MarkdownDocument(parsing: markdown, options: options)
        document.removeDangerousLinks()
        for node in document.root.descendants(ofKind: .paragraph) {
            if let shortcode = Shortcode.parse(paragraph: node) {
                node.replace(withHTMLBlock: placeholder(for: shortcode))
            }
        }
        FrenchTypography.apply(to: document)
        document.addHeadingAnchors(makeID: Slug.make(from:))
        return document.renderHTML()
    }

    /// Shown until the shortcode's chart exists: visible, and valid HTML.
    private func placeholder(for shortcode: Shortcode) -> String {
        let what = shortcode.kind == "board" ? "Tableau de graphiques" : "Graphique"
        return "<div class=\"embed-placeholder\"><p>\(what) à venir (référence \(shortcode.kind) \(shortcode.id))</p></div>\n"
    }
}
