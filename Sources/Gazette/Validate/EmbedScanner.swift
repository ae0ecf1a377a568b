import Wording
import GazetteMarkdown

/// Where a chart goes in an article: a legacy shortcode alone in a paragraph, or a ```chart block.
/// Found on the Markdown tree, so a shortcode inside code is left as text.
enum EmbedReference {
    case shortcode(Shortcode)
    /// The YAML inside the block, and the body line where it starts.
    case chartBlock(yaml: String, firstLine: Int)
}

/// An embed found in a body, identified by where it is written.
struct FoundEmbed {
    let range: SourceRange
    let reference: EmbedReference
}

enum EmbedScanner {
    /// The embeds of `document` wherever a block may stand (top level, quotes, list items,
    /// footnotes), in document order; and the shortcodes written where no figure can stand (a
    /// heading, a table cell), which are errors.
    static func embeds(in document: MarkdownDocument) -> (found: [FoundEmbed], misplaced: [(range: SourceRange, shortcode: Shortcode, place: Phrase)]) {
        var found: [FoundEmbed] = []
        var misplaced: [(SourceRange, Shortcode, Phrase)] = []
        for node in document.root.descendants {
            switch node.kind {
            case .paragraph:
                let children = node.children
                guard children.allSatisfy({ $0.kind == .text }), let shortcode = Shortcode.parse(node.plainText) else { continue }
                found.append(FoundEmbed(range: node.range, reference: .shortcode(shortcode)))
            case .codeBlock:
                let info = node.fenceInfo?.split(separator: " ").first.map(String.init)
                if info == "chart" {
                    found.append(FoundEmbed(range: node.range, reference: .chartBlock(yaml: node.literal ?? "", firstLine: node.range.startLine + 1)))
                }
            case .heading:
                if let shortcode = Shortcode.parse(node.plainText) { misplaced.append((node.range, shortcode, "a heading")) }
            case .extension("table_cell"):
                if let shortcode = Shortcode.parse(node.plainText) { misplaced.append((node.range, shortcode, "a table cell")) }
            default:
                break
            }
        }
        return (found, misplaced)
    }
}
