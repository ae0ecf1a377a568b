import Wording
import GazetteMarkdown

/// Warnings about what a body's Markdown will not publish as the editor meant: footnote
/// references without a definition (printed as `[^1]`), and raw HTML dropped because the site
/// does not allow it (an `<iframe>` video, a `<table>` pasted from elsewhere).
enum BodyChecks {
    static func warnings(in body: MarkdownBody) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let rawHTMLAllowed = body.document.options.allowsRawHTML
        var reportedBlocks: Set<SourceRange> = []
        // Text of each leaf block, outside code, with the node each piece comes from.
        var pieces: [(text: String, node: MarkdownNode)] = []
        var currentBlock: SourceRange?
        func flushFootnotes() {
            // A footnote reference needs a `^`: blocks without one (nearly all) cost no search.
            guard pieces.contains(where: { $0.text.containsBytes(of: "^") }) else {
                pieces = []
                return
            }
            let text = pieces.map(\.text).joined()
            var searchStart = text.startIndex
            while let open = text.range(of: "[^", range: searchStart..<text.endIndex),
                  let close = text[open.upperBound...].firstIndex(of: "]") {
                let label = text[open.upperBound..<close]
                searchStart = text.index(after: close)
                guard !label.isEmpty, !label.contains(where: \.isWhitespace) else { continue }
                let offset = text.distance(from: text.startIndex, to: open.lowerBound)
                var consumed = 0
                let node = pieces.first { piece in
                    consumed += piece.text.count
                    return consumed > offset
                }?.node
                let range = node.map(\.range).flatMap { $0.startLine > 0 ? $0 : nil } ?? currentBlock
                if let range {
                    warnings.append(.warning(.undefinedFootnote, "footnote [^\(label)] has no definition, so it is printed as is; add a line '[^\(label)]: the note' below the text",
                                             at: body.location(of: range)))
                }
            }
            pieces = []
        }
        for node in body.document.root.descendants {
            switch node.kind {
            case .paragraph, .heading, .extension("table_cell"):
                flushFootnotes()
                currentBlock = node.range
            case .text:
                pieces.append((node.literal ?? "", node))
            case .code:
                pieces.append((" ", node))
            case .htmlBlock, .htmlInline:
                guard !rawHTMLAllowed else { continue }
                let block = node.kind == .htmlBlock ? node.range : (currentBlock ?? node.range)
                guard reportedBlocks.insert(block).inserted else { continue }
                warnings.append(.warning(.rawHTMLDropped, rawHTMLAdvice(node.literal ?? ""), at: body.location(of: node.range.startLine > 0 ? node.range : block)))
            default:
                break
            }
        }
        flushFootnotes()
        return warnings
    }

    /// What to do instead of the raw HTML that starts with `html`.
    private static func rawHTMLAdvice(_ html: String) -> Phrase {
        let tag = html.drop { $0 == "<" || $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
        let instead: Phrase
        switch tag {
        case "iframe", "video", "embed", "object":
            let address = html.range(of: "src=\"").map { start in String(html[start.upperBound...].prefix { $0 != "\"" }) }
            let watch = address.flatMap(EmbeddedMedia.recognise)?.pageURL ?? "https://www.youtube.com/watch?v=…"
            instead = "an embedded player is never published (not even with unsafe_html: true); write the video's address alone on its line, \(watch), and it becomes a player that loads only when the reader clicks"
        case "table": instead = "write the table in Markdown (| a | b |), or set unsafe_html: true in site.yml"
        case "br": instead = "end the line with a backslash (\\) for a line break, or set unsafe_html: true in site.yml"
        default: instead = "write it in Markdown, or set unsafe_html: true in site.yml to keep HTML (it is then filtered)"
        }
        let element = tag.isEmpty ? "" : " <\(tag)>"
        return "raw HTML\(element) is not published while unsafe_html is off: \(instead)"
    }
}
