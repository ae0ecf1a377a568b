import Foundation
import HTMLSanitizer
import GazetteMarkdown
import VipsImaging

/// A body rendered for its page: the HTML, and its headings for a table of contents.
struct RenderedBody: Sendable {
    /// The body as feeds show it.
    public var html: String
    /// What its page adds after it: the players' script when it has a video (``EmbeddedMedia``).
    public var script = ""
    /// The body as its page shows it.
    public var pageHTML: String { html + script }
    /// Level, id and text of each heading, in order.
    public var headings: [(level: Int, id: String, text: String)]
}

/// Turns a parsed Markdown body into the HTML inserted in its page.
struct ArticleBodyRenderer: Sendable {
    /// Ids the templates give to elements of every page (`contenu`): headings never take them.
    public var reservedIDs: Set<String>
    /// The widths and formats photos are published in (``ImageVariant``).
    public var imageSettings: ImageSettings

    /// Creates a renderer.
    public init(reservedIDs: Set<String> = [], imageSettings: ImageSettings = ImageSettings()) {
        self.reservedIDs = reservedIDs
        self.imageSettings = imageSettings
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
        let media = placeMedia(in: document, images: images, root: root, holdingFrom: rawHTML ? figureHTML.count : nil)
        figureHTML += media.held
        if !images.isEmpty { figureHTML += placeImages(images, in: document, root: root, holdingFrom: rawHTML ? figureHTML.count : nil) }
        FrenchTypography.apply(to: document)
        let headings = document.addHeadingAnchors(makeID: Slug.make(from:), reserved: reservedIDs, reservedPrefixes: [idPrefix + "-", "fn-", "fnref-"])
        let rendered = document.renderHTML()
        // The tree is consumed: free it now, so that a build holds the trees of the pages being
        // rendered, not those of the whole site.
        document.discard()
        // The players' script, once per body that has a video (after the sanitizer, which drops scripts).
        let script = media.hasVideo ? "<script src=\"\(HTMLEscaping.escape(root + SiteLinks.embedsScript))\" defer></script>\n" : ""
        guard rawHTML else { return RenderedBody(html: Self.inFrench(rendered), script: script, headings: headings) }
        var html = HTMLSanitizer(trustedPlaceholder: (Self.placeholderElement, "data-index")).sanitize(Self.inFrench(rendered))
        for (index, figure) in figureHTML.enumerated() {
            html = html.replacingOccurrences(of: Self.placeholder(index), with: figure)
        }
        return RenderedBody(html: html, script: script, headings: headings)
    }

    /// Each paragraph that holds only a link to a video or a social-network post (a bare address,
    /// `[Titre](address)`, or `[![Titre](affiche.jpg)](address)` with a poster) becomes its figure
    /// (``EmbeddedMedia``); with `holdingFrom` (raw HTML on), behind placeholders numbered from
    /// there, like images. Says whether a video was placed (the page then needs the players' script).
    private func placeMedia(in document: MarkdownDocument, images: [String: PlacedImage], root: String, holdingFrom: Int?)
        -> (held: [String], hasVideo: Bool) {
        var held: [String] = []
        var hasVideo = false
        document.rewrite { node in
            guard node.kind == .paragraph else { return .keep }
            let children = Self.visibleChildren(of: node)
            guard children.count == 1, let link = children.first, link.kind == .link, let url = link.url,
                  let media = EmbeddedMedia.recognise(url) else { return .keep }
            let poster = link.children.first { $0.kind == .image }
            let posterHTML = poster.flatMap { image in image.url.flatMap { images[$0] } }.map { placed in
                Self.picture(placed, alt: "", root: root, settings: imageSettings, isFirst: false)
            }
            let text = (poster?.plainText ?? link.plainText).trimmingCharacters(in: .whitespaces)
            let title = text.isEmpty || text == url ? nil : FrenchTypography.apply(to: text)
            hasVideo = hasVideo || media.platform.isVideo
            let html = media.html(title: title, posterHTML: posterHTML)
            guard let holdingFrom else { return .replaceWithHTMLBlock(html) }
            held.append(html)
            return .replaceWithHTMLBlock(Self.placeholder(holdingFrom + held.count - 1))
        }
        return (held, hasVideo)
    }

    /// Each image becomes a `<picture>` of its variants (``ImageVariant``) in AVIF, WebP and a
    /// fallback, with the sizes the text column asks for, its size, and lazy loading but for the
    /// body's first image, which the browser fetches first; an image alone in its paragraph
    /// becomes a figure, its title the caption. With `holdingFrom` (raw HTML on: the sanitizer
    /// would strip `<source>`), each image's HTML is returned instead, behind a placeholder
    /// numbered from there.
    private func placeImages(_ images: [String: PlacedImage], in document: MarkdownDocument, root: String, holdingFrom: Int?) -> [String] {
        let escape = HTMLEscaping.escape
        var held: [String] = []
        func tag(_ node: MarkdownNode, _ image: PlacedImage) -> String {
            let html = Self.picture(image, alt: FrenchTypography.apply(to: node.plainText), root: root, settings: imageSettings, isFirst: !placedAny)
            placedAny = true
            guard let holdingFrom else { return html }
            held.append(html)
            return Self.placeholder(holdingFrom + held.count - 1)
        }
        var placedAny = false
        document.rewrite { node in
            if node.kind == .paragraph {
                let children = Self.visibleChildren(of: node)
                guard children.count == 1, let image = children.first, image.kind == .image, let url = image.url, let placed = images[url] else { return .keep }
                let caption = CaptionFocus(image.title ?? "").caption.map { "\n<figcaption>\(escape(FrenchTypography.apply(to: $0)))</figcaption>" } ?? ""
                return .replaceWithHTMLBlock("<figure class=\"image\">\n\(tag(image, placed))\(caption)\n</figure>\n")
            }
            guard node.kind == .image, let url = node.url, let placed = images[url] else { return .keep }
            return .replaceWithHTMLInline(tag(node, placed))
        }
        return held
    }

    /// The children of a paragraph but its blank text and soft line breaks: what says whether it
    /// holds one image or one link alone.
    private static func visibleChildren(of paragraph: MarkdownNode) -> [MarkdownNode] {
        paragraph.children.filter { !($0.kind == .text && $0.literal?.allSatisfy(\.isWhitespace) == true) && $0.kind != .softBreak }
    }

    /// What the text column is wide, for `sizes`: the screen less the page's margins on a phone,
    /// the measure (42rem) beyond (`style.css`).
    static let columnSizes = "(max-width: 44.5rem) calc(100vw - 2.5rem), 42rem"

    /// The HTML of `image`: a `<picture>` of its variants, or an `<img>` of the file as it is.
    static func picture(_ image: PlacedImage, alt: String, root: String, settings: ImageSettings, isFirst: Bool, sizes: String = columnSizes) -> String {
        let escape = HTMLEscaping.escape
        let loading = isFirst ? " fetchpriority=\"high\"" : " loading=\"lazy\""
        let variants = ImageVariant.responsive(image, settings: settings)
        guard let fallback = variants.last else {
            return "<img src=\"\(escape(root + image.path))\" alt=\"\(escape(alt))\" width=\"\(image.width)\" height=\"\(image.height)\"\(loading) decoding=\"async\">"
        }
        func srcset(_ format: ImageCodec.Format) -> String {
            variants.filter { $0.format == format }.map { escape(root + $0.path) + " \($0.width)w" }.joined(separator: ", ")
        }
        let fallbacks = variants.filter { $0.format == fallback.format }
        // Browsers without srcset get the variant nearest the column's width on a 2× phone.
        let plain = fallbacks.first { $0.width >= 800 } ?? fallback
        var html = "<picture>"
        for format in [ImageCodec.Format.avif, .webp] {
            html += "<source type=\"\(format.mediaType)\" srcset=\"\(srcset(format))\" sizes=\"\(sizes)\">"
        }
        html += "<img src=\"\(escape(root + plain.path))\" srcset=\"\(srcset(fallback.format))\" sizes=\"\(sizes)\" alt=\"\(escape(alt))\" "
        html += "width=\"\(fallback.width)\" height=\"\(fallback.height)\"\(loading) decoding=\"async\"></picture>"
        return html
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
