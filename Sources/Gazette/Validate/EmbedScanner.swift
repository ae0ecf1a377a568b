import Markdown

/// Where a chart goes in an article: a legacy shortcode alone in a paragraph, or a ```chart block.
/// Found on the Markdown tree, so a shortcode inside code is left as text.
enum EmbedReference {
    case shortcode(Shortcode)
    /// The YAML inside the block, and the body line where it starts.
    case chartBlock(yaml: String, firstLine: Int)
}

enum EmbedScanner {
    /// Whether `markdown` may hold embeds at all (a cheap byte search that spares parsing most
    /// articles twice; Foundation's `contains` bridges to UTF-16 and costs more than the parse).
    static func mayContainEmbeds(_ markdown: String) -> Bool {
        var text = markdown
        return text.withUTF8 { bytes in
            offsets(of: "[photo=", in: bytes).first != nil || offsets(of: "[board=", in: bytes).first != nil
                || offsets(of: "chart", in: bytes).contains { opensFence(bytes, before: $0) }
        }
    }

    /// Whether the line holding `offset` starts with a fence (three or more ` or ~, spaces allowed)
    /// right up to `offset`, as in ```` ```chart ```` or `~~~ chart`.
    private static func opensFence(_ bytes: UnsafeBufferPointer<UInt8>, before offset: Int) -> Bool {
        var index = offset - 1
        var fence = 0
        while index >= 0, bytes[index] != UInt8(ascii: "\n") {
            switch bytes[index] {
            case UInt8(ascii: "`"), UInt8(ascii: "~"): fence += 1
            case UInt8(ascii: " "): break
            default: return false
            }
            index -= 1
        }
        return fence >= 3
    }

    /// Byte offsets where `needle` starts in `bytes`.
    private static func offsets(of needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> LazyFilterSequence<Range<Int>> {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        let first = pattern[0]
        return (0..<max(0, bytes.count - pattern.count + 1)).lazy.filter { start in
            bytes[start] == first && (1..<pattern.count).allSatisfy { bytes[start + $0] == pattern[$0] }
        }
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
