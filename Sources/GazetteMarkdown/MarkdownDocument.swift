import CCmarkGFM
import CmarkPinnedCharacters
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A parsed Markdown document: owns the cmark-gfm tree and frees it when released.
///
/// The tree is read through ``MarkdownNode`` views and changed only by ``rewrite(_:)``. A document
/// may move between threads (it is parsed in one stage of a build and rendered in another) but is
/// used by one thread at a time.
public final class MarkdownDocument: @unchecked Sendable {
    /// The cmark-gfm tree; nil once ``discard()`` freed it.
    private var tree: OpaquePointer?
    /// The syntax extensions, for rendering (a list of our own: the parser is freed after parsing).
    private let extensions: UnsafeMutablePointer<cmark_llist>?
    /// The options the document was parsed with; rendering uses the same.
    public let options: MarkdownOptions
    /// Counts rewrites: a ``MarkdownNode`` made before the last one is stale.
    var generation = 0

    /// cmark-gfm keeps the special characters of its inline extensions in one global table that
    /// every parse edits; `CmarkPinnedCharacters` pins the table so that parses run on every core.
    /// Where it cannot (cmark-gfm's call is not interposed), parses take turns.
    /// Runs once (Swift's lazy statics are initialised once, thread-safely).
    static let parsesMayOverlap: Bool = {
        let names = MarkdownOptions.extensionNames.map { strdup($0) }
        defer { names.forEach { free($0) } }
        let pointers = names.map { UnsafePointer<CChar>($0) }
        return gazette_cmark_pin_special_characters(pointers, Int32(pointers.count)) == 1
    }()
    private static let parserLock = Mutex(())

    /// Parses `text` as GitHub Flavored Markdown (tables, strikethrough, autolinks,
    /// tag filter, task lists) plus footnotes.
    public init(parsing text: String, options: MarkdownOptions = MarkdownOptions()) {
        _ = Self.parsesMayOverlap  // registers the extensions and pins their characters, once
        self.options = options
        var list: UnsafeMutablePointer<cmark_llist>?
        let allocator = cmark_get_default_mem_allocator()
        for name in MarkdownOptions.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                list = cmark_llist_append(allocator, list, UnsafeMutableRawPointer(syntaxExtension))
            }
        }
        extensions = list
        var source = text
        let parse = { () -> OpaquePointer in
            let parser: OpaquePointer = cmark_parser_new(options.cmarkOptions)
            for name in MarkdownOptions.extensionNames {
                if let syntaxExtension = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, syntaxExtension)
                }
            }
            source.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    cmark_parser_feed(parser, chars.baseAddress, chars.count)
                }
            }
            let root: OpaquePointer = cmark_parser_finish(parser)
            cmark_parser_free(parser)
            return root
        }
        tree = Self.parsesMayOverlap ? parse() : Self.parserLock.withLock { _ in parse() }
    }

    deinit {
        if let tree { cmark_node_free(tree) }
        cmark_llist_free(cmark_get_default_mem_allocator(), extensions)
    }

    /// The document node.
    public var root: MarkdownNode { MarkdownNode(rootPointer, document: self) }

    private var rootPointer: OpaquePointer {
        guard let tree else { preconditionFailure("a discarded Markdown document was used") }
        return tree
    }

    /// Frees the tree now instead of when the document is released (a build keeps its documents
    /// from validation to rendering, and renders each once). Any later use of the document or of
    /// its nodes stops the program instead of reading freed memory.
    public func discard() {
        if let tree { cmark_node_free(tree) }
        tree = nil
        generation += 1
    }

    /// Renders the whole tree as HTML.
    public func renderHTML() -> String { renderHTML(of: rootPointer) }

    func renderHTML(of node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, options.cmarkOptions, extensions) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return String(cString: html)
    }
}

extension MarkdownOptions {
    var cmarkOptions: Int32 {
        var flags = CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        if allowsRawHTML { flags |= CMARK_OPT_UNSAFE }
        if footnotes { flags |= CMARK_OPT_FOOTNOTES }
        return flags
    }
}
