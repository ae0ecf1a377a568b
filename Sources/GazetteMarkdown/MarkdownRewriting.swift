import CCmarkGFM

extension MarkdownDocument {
    /// Changes the tree in one pass: `decide` sees every node in document order, before anything
    /// changes, and says what to do with it; the edits are then applied bottom-up (last node first,
    /// so a node's descendants are handled before it). Every ``MarkdownNode`` taken before the call
    /// is stale afterwards.
    ///
    /// `decide` may read the node and its subtree (`plainText`, `renderHTML()`), not change them.
    public func rewrite(_ decide: (MarkdownNode) -> MarkdownEdit) {
        var edits: [(OpaquePointer, MarkdownEdit)] = []
        for node in root.descendants {
            let edit = decide(node)
            if edit != .keep { edits.append((node.checked, edit)) }
        }
        generation += 1
        // Reverse document order: a descendant comes after its ancestors, so it is edited before
        // an ancestor's edit can free it.
        for (pointer, edit) in edits.reversed() {
            switch edit {
            case .keep:
                continue
            case .setLiteral(let text):
                cmark_node_set_literal(pointer, text)
            case .replaceWithHTMLBlock(let html):
                Self.replace(pointer, withCustom: CMARK_NODE_CUSTOM_BLOCK, html: html)
            case .replaceWithHTMLInline(let html):
                Self.replace(pointer, withCustom: CMARK_NODE_CUSTOM_INLINE, html: html)
            case .unwrap:
                while let child = cmark_node_first_child(pointer) {
                    cmark_node_insert_before(pointer, child)
                }
                cmark_node_unlink(pointer)
                cmark_node_free(pointer)
            case .remove:
                cmark_node_unlink(pointer)
                cmark_node_free(pointer)
            }
        }
    }

    /// Puts a custom node of `type` holding `html` in place of `pointer`, and frees `pointer`'s subtree.
    private static func replace(_ pointer: OpaquePointer, withCustom type: cmark_node_type, html: String) {
        let node = cmark_node_new(type)
        cmark_node_set_on_enter(node, html)
        cmark_node_set_on_exit(node, "")
        cmark_node_replace(pointer, node)
        cmark_node_free(pointer)
    }
}
