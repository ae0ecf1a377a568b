import Foundation
import HTMLSanitizer
import Markdown

/// Turns an article's Markdown body into the HTML inserted in its page.
public struct ArticleBodyRenderer: Sendable {
    /// Parsing options (raw HTML only when `site.yml` opts in).
    public var options: MarkdownOptions

    /// Creates a renderer.
    public init(options: MarkdownOptions) {
        self.options = options
    }

    /// Markdown → tree → safe links, charts in place of their embeds, French typography, heading
    /// anchors → HTML. `embeds` are those the validator resolved for this body, in order; `root`
    /// leads from the page to the site root; `idPrefix` keeps figure ids unique in the page.
    public func render(_ markdown: String, embeds: [ResolvedEmbed] = [], root: String = "./", idPrefix: String = "graphique") -> String {
        let document = MarkdownDocument(parsing: markdown, options: options)
        document.removeDangerousLinks()
        var figureHTML: [String] = []
        if !embeds.isEmpty {
            let figures = FigureRenderer(root: root)
            for (index, (found, embed)) in zip(EmbedScanner.embeds(in: document), embeds).enumerated() {
                let html: String
                switch embed {
                case .chart(let chart): html = figures.figure(chart, idPrefix: "\(idPrefix)-\(index + 1)")
                case .board(let board): html = figures.board(board, idPrefix: "\(idPrefix)-\(index + 1)")
                }
                // With raw HTML on, figures wait outside the tree until the HTML has been sanitized.
                found.node.replace(withHTMLBlock: options.allowsRawHTML ? Self.placeholder(figureHTML.count) : html)
                figureHTML.append(html)
            }
        }
        FrenchTypography.apply(to: document)
        document.addHeadingAnchors(makeID: Slug.make(from:))
        guard options.allowsRawHTML else { return document.renderHTML() }
        var html = HTMLSanitizer(trustedPlaceholder: (Self.placeholderElement, "data-index")).sanitize(document.renderHTML())
        for (index, figure) in figureHTML.enumerated() {
            html = html.replacingOccurrences(of: Self.placeholder(index), with: figure)
        }
        return html
    }

    /// Stands for figure `index` while raw HTML is sanitized. Anyone may write it, but it can only
    /// repeat one of the article's own figures.
    private static func placeholder(_ index: Int) -> String {
        "<\(placeholderElement) data-index=\"\(index)\"></\(placeholderElement)>"
    }

    private static let placeholderElement = "gazette-figure"
}
