import Foundation
import HTMLSanitizer
import GazetteMarkdown

/// A body rendered for its page: the HTML, and its headings for a table of contents.
struct RenderedBody: Sendable {
    public var html: String
    /// Level, id and text of each heading, in order.
    public var headings: [(level: Int, id: String, text: String)]
}

/// Turns a parsed Markdown body into the HTML inserted in its page.
struct ArticleBodyRenderer: Sendable {
    /// Ids the templates give to elements of every page (`contenu`): headings never take them.
    public var reservedIDs: Set<String>

    /// Creates a renderer.
    public init(reservedIDs: Set<String> = []) {
        self.reservedIDs = reservedIDs
    }

    /// Charts in place of their embeds (found by where they are written), French typography,
    /// heading anchors unique in the page → HTML; raw HTML, when the site allows it, is sanitized.
    /// `root` leads from the page to the site root; `idPrefix` names the page's figures;
    /// `absolute`, the addresses of the site root and of the page, gives each chart the code that
    /// shows it on another site (the size of each chart's file taken from `standalone`, where the
    /// build draws it). The body's tree is consumed, then freed: render each body once.
    func render(_ body: MarkdownBody, embeds: [PlacedEmbed] = [], images: [String: PlacedImage] = [:], root: String = "./",
                idPrefix: String = "graphique", absolute: (site: String, page: String)? = nil,
                standalone: StandaloneCharts = StandaloneCharts()) -> RenderedBody {
        let document = body.document
        let rawHTML = document.options.allowsRawHTML
        var figureHTML: [String] = []
        if !embeds.isEmpty {
            let figures = FigureRenderer(root: root, absolute: absolute, standalone: standalone)
            var byRange: [SourceRange: String] = [:]
            for (index, placed) in embeds.enumerated() {
                switch placed.embed {
                case .chart(let chart): figureHTML.append(figures.figure(chart, idPrefix: "\(idPrefix)-\(index + 1)"))
                case .board(let board): figureHTML.append(figures.board(board, idPrefix: "\(idPrefix)-\(index + 1)"))
                }
                // With raw HTML on, figures wait outside the tree until the HTML has been sanitized.
                byRange[placed.range] = rawHTML ? Self.placeholder(index) : figureHTML[index]
            }
            document.rewrite { node in
                guard node.kind == .paragraph || node.kind == .codeBlock, let html = byRange[node.range] else { return .keep }
                return .replaceWithHTMLBlock(html)
            }
        }
        if !images.isEmpty { Self.placeImages(images, in: document, root: root) }
        FrenchTypography.apply(to: document)
        let headings = document.addHeadingAnchors(makeID: Slug.make(from:), reserved: reservedIDs, reservedPrefixes: [idPrefix + "-", "fn-", "fnref-"])
        let rendered = document.renderHTML()
        // The tree is consumed: free it now, so that a build holds the trees of the pages being
        // rendered, not those of the whole site.
        document.discard()
        guard rawHTML else { return RenderedBody(html: Self.inFrench(rendered), headings: headings) }
        var html = HTMLSanitizer(trustedPlaceholder: (Self.placeholderElement, "data-index")).sanitize(Self.inFrench(rendered))
        for (index, figure) in figureHTML.enumerated() {
            html = html.replacingOccurrences(of: Self.placeholder(index), with: figure)
        }
        return RenderedBody(html: html, headings: headings)
    }

    /// Each image gets its published address, its size, lazy loading and asynchronous decoding;
    /// an image alone in its paragraph becomes a figure, its title the caption.
    private static func placeImages(_ images: [String: PlacedImage], in document: MarkdownDocument, root: String) {
        let escape = HTMLEscaping.escape
        func tag(_ node: MarkdownNode, _ image: PlacedImage) -> String {
            let alt = FrenchTypography.apply(to: node.plainText)
            return "<img src=\"\(escape(root + image.path))\" alt=\"\(escape(alt))\" width=\"\(image.width)\" height=\"\(image.height)\" loading=\"lazy\" decoding=\"async\">"
        }
        document.rewrite { node in
            if node.kind == .paragraph {
                let children = node.children.filter { !($0.kind == .text && $0.literal?.allSatisfy(\.isWhitespace) == true) && $0.kind != .softBreak }
                guard children.count == 1, let image = children.first, image.kind == .image, let url = image.url, let placed = images[url] else { return .keep }
                let caption = image.title.map { "\n<figcaption>\(escape(FrenchTypography.apply(to: $0)))</figcaption>" } ?? ""
                return .replaceWithHTMLBlock("<figure class=\"image\">\n\(tag(image, placed))\(caption)\n</figure>\n")
            }
            guard node.kind == .image, let url = node.url, let placed = images[url] else { return .keep }
            return .replaceWithHTMLInline(tag(node, placed))
        }
    }

    /// cmark-gfm's fixed English strings in French (the footnote back-link's label).
    private static func inFrench(_ html: String) -> String {
        guard html.containsBytes(of: "aria-label=\"Back to content\"") else { return html }
        return html.replacingOccurrences(of: "aria-label=\"Back to content\"", with: "aria-label=\"Retour au texte\"")
    }

    /// Stands for figure `index` while raw HTML is sanitized. Anyone may write it, but it can only
    /// repeat one of the article's own figures.
    private static func placeholder(_ index: Int) -> String {
        "<\(placeholderElement) data-index=\"\(index)\"></\(placeholderElement)>"
    }

    private static let placeholderElement = "gazette-figure"
}
