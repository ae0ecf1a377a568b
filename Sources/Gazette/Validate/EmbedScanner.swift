import Markdown

/// Where a chart goes in an article: a legacy shortcode alone in a paragraph, or a ```chart block.
/// Found on the Markdown tree, so a shortcode inside code is left as text.
enum EmbedReference {
    case shortcode(Shortcode)
    /// The YAML inside the block, and the body line where it starts.
    case chartBlock(yaml: String, firstLine: Int)
}

enum EmbedScanner {
    /// Whether `markdown` may hold embeds at all (a cheap test that spares parsing most articles twice).
    static func mayContainEmbeds(_ markdown: String) -> Bool {
        markdown.contains("[photo=") || markdown.contains("[board=") || markdown.contains("chart")
    }

    /// The embeds of `document`, in document order, with the nodes they replace.
    static func embeds(in document: MarkdownDocument) -> [(node: MarkdownNode, reference: EmbedReference)] {
        var found: [(MarkdownNode, EmbedReference)] = []
        for node in document.root.descendants {
            switch node.kind {
            case .paragraph:
                if let shortcode = Shortcode.parse(paragraph: node) { found.append((node, .shortcode(shortcode))) }
            case .codeBlock:
                let info = node.fenceInfo?.split(separator: " ").first.map(String.init)
                if info == "chart" { found.append((node, .chartBlock(yaml: node.literal ?? "", firstLine: node.startLine + 1))) }
            default:
                break
            }
        }
        return found
    }
}
