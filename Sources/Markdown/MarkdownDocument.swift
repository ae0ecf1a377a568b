import CCmarkGFM

/// A parsed Markdown document: owns the cmark-gfm tree and frees it when released.
///
/// Nodes handed out by ``root`` stay valid while the document is alive and until
/// they are removed from the tree.
public final class MarkdownDocument {
    private let parser: OpaquePointer
    private let rootPointer: OpaquePointer
    /// The options the document was parsed with; rendering uses the same.
    public let options: MarkdownOptions

    /// Parses `text` as GitHub Flavored Markdown (tables, strikethrough, autolinks,
    /// tag filter, task lists) plus footnotes.
    public init(parsing text: String, options: MarkdownOptions = MarkdownOptions()) {
        Self.registerExtensions
        self.options = options
        let parser: OpaquePointer = cmark_parser_new(options.cmarkOptions)
        self.parser = parser
        for name in MarkdownOptions.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var source = text
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        rootPointer = cmark_parser_finish(parser)
    }

    deinit {
        cmark_node_free(rootPointer)
        cmark_parser_free(parser)
    }

    /// The document node.
    public var root: MarkdownNode { MarkdownNode(rootPointer, document: self) }

    /// Renders the whole tree as HTML.
    public func renderHTML() -> String { renderHTML(of: rootPointer) }

    func renderHTML(of node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, options.cmarkOptions, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return String(cString: html)
    }

    /// The C extensions are registered once per process.
    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()
}

extension MarkdownOptions {
    var cmarkOptions: Int32 {
        var flags = CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        if allowsRawHTML { flags |= CMARK_OPT_UNSAFE }
        if footnotes { flags |= CMARK_OPT_FOOTNOTES }
        return flags
    }
}
