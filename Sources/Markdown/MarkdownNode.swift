import CCmarkGFM

/// A node of a ``MarkdownDocument``'s tree: read it, walk it, replace it.
///
/// A node is a view into its document; it keeps the document alive.
public struct MarkdownNode {
    let pointer: OpaquePointer
    let document: MarkdownDocument

    init(_ pointer: OpaquePointer, document: MarkdownDocument) {
        self.pointer = pointer
        self.document = document
    }

    /// What the node is.
    public var kind: NodeKind { NodeKind(pointer) }

    /// The literal text of a text, code, code block or HTML node.
    public var literal: String? {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_literal(pointer, newValue) }
    }

    /// The destination of a link or image.
    public var url: String? {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_url(pointer, newValue ?? "") }
    }

    /// The info string of a fenced code block (`chart` in ```` ```chart ````).
    public var fenceInfo: String? { cmark_node_get_fence_info(pointer).map { String(cString: $0) } }

    /// The level of a heading, 1 to 6 (0 for other nodes).
    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// Where the node starts in the parsed text: 1-based line and byte column.
    public var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    /// The 1-based byte column where the node starts.
    public var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    /// The enclosing node, nil for the document.
    public var parent: MarkdownNode? { cmark_node_parent(pointer).map { MarkdownNode($0, document: document) } }

    /// The direct children, in order.
    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let current = child {
            result.append(MarkdownNode(current, document: document))
            child = cmark_node_next(current)
        }
        return result
    }

    /// This node and every node below it, in document order.
    ///
    /// The array is a snapshot: pick the nodes to change first (`filter`), then change them.
    /// Replacing or removing a node frees its subtree, so nodes inside it must not be read afterwards.
    public var descendants: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var stack = [pointer]
        while let current = stack.popLast() {
            result.append(MarkdownNode(current, document: document))
            var childPointers: [OpaquePointer] = []
            var child = cmark_node_first_child(current)
            while let next = child {
                childPointers.append(next)
                child = cmark_node_next(next)
            }
            stack.append(contentsOf: childPointers.reversed())
        }
        return result
    }

    /// The plain text of the node: its text and code literals, breaks as spaces.
    public var plainText: String {
        var text = ""
        for node in descendants {
            switch node.kind {
            case .text, .code: text += node.literal ?? ""
            case .softBreak, .lineBreak: text += " "
            default: break
            }
        }
        return text
    }

    /// The nodes of `kind` in this subtree, in document order, chosen before any change is made.
    public func descendants(ofKind kind: NodeKind) -> [MarkdownNode] {
        descendants.filter { $0.kind == kind }
    }

    /// This subtree rendered as HTML.
    public func renderHTML() -> String { document.renderHTML(of: pointer) }

    /// Replaces this node (and its subtree, which is freed) with a block of ready-made HTML.
    /// The node must not be used afterwards.
    public func replace(withHTMLBlock html: String) {
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(block, html)
        cmark_node_set_on_exit(block, "")
        cmark_node_replace(pointer, block)
        cmark_node_free(pointer)
    }

    /// Moves the children of this node in its place and frees the node itself.
    /// The node must not be used afterwards.
    public func unwrap() {
        while let child = cmark_node_first_child(pointer) {
            cmark_node_insert_before(pointer, child)
        }
        remove()
    }

    /// Removes this node and its subtree from the tree and frees them.
    /// The node must not be used afterwards.
    public func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }
}

extension MarkdownNode: Equatable {
    /// Two nodes are equal when they are the same node of the same tree.
    public static func == (lhs: MarkdownNode, rhs: MarkdownNode) -> Bool { lhs.pointer == rhs.pointer }
}
