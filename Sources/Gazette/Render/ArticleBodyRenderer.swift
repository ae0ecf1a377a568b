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

    /// Markdown → tree → safe links, charts in place of their embeds, French typography, heading
    /// anchors → HTML. `embeds` are those the validator resolved for this body, in order; `root`
    /// leads from the page to the site root; `idPrefix` keeps figure ids unique in the page.
    public func render(_ markdown: String, embeds: [ResolvedEmbed] = [], root: String = "./", idPrefix: String = "graphique") -> String {
        let document = MarkdownDocument(parsing: markdown, options: options)
        document.removeDangerousLinks()
        if !embeds.isEmpty {
            let figures = FigureRenderer(root: root)
            for (index, (found, embed)) in zip(EmbedScanner.embeds(in: document), embeds).enumerated() {
                switch embed {
                case .chart(let chart): found.node.replace(withHTMLBlock: figures.figure(chart, idPrefix: "\(idPrefix)-\(index + 1)"))
                case .board(let board): found.node.replace(withHTMLBlock: figures.board(board, idPrefix: "\(idPrefix)-\(index + 1)"))
                }
            }
        }
        FrenchTypography.apply(to: document)
        document.addHeadingAnchors(makeID: Slug.make(from:))
        return document.renderHTML()
    }
}
