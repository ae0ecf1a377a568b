import CCmarkGFM

/// Where a node is written in the parsed text. Lines and columns are 1-based; a column counts
/// UTF-8 bytes from the start of its line (the unit of every column Gazette prints).
public struct SourceRange: Hashable, Sendable, Codable {
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int

    /// Creates a range.
    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }
}

/// A read-only view of one node of a ``MarkdownDocument``'s tree.
///
/// Views are only read; the tree changes through ``MarkdownDocument/rewrite(_:)`` alone. A view
/// taken before a rewrite is stale: using it stops the program with a message (it is never
/// read through a freed pointer), so no view can dangle.
public struct MarkdownNode {
    private let pointer: OpaquePointer
    private let document: MarkdownDocument
    private let generation: Int

    init(_ pointer: OpaquePointer, document: MarkdownDocument) {
        self.pointer = pointer
        self.document = document
        self.generation = document.generation
    }

    /// The node's pointer, once the view is checked to be current.
    var checked: OpaquePointer {
        precondition(generation == document.generation, "a MarkdownNode was used after its document was rewritten")
        return pointer
    }

    /// What the node is.
    public var kind: NodeKind { NodeKind(checked) }

    /// The literal text of a text, code, code block or HTML node.
    public var literal: String? { cmark_node_get_literal(checked).map { String(cString: $0) } }

    /// The destination of a link or image.
    public var url: String? { cmark_node_get_url(checked).map { String(cString: $0) } }

    /// The title of a link or image (`![alt](x.png "title")`), nil when empty.
    public var title: String? {
        cmark_node_get_title(checked).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The info string of a fenced code block (`chart` in ```` ```chart ````).
    public var fenceInfo: String? { cmark_node_get_fence_info(checked).map { String(cString: $0) } }

    /// The level of a heading, 1 to 6 (0 for other nodes).
    public var headingLevel: Int { Int(cmark_node_get_heading_level(checked)) }

    /// Where the node is written (see ``SourceRange`` for the units).
    public var range: SourceRange {
        let node = checked
        return SourceRange(startLine: Int(cmark_node_get_start_line(node)), startColumn: Int(cmark_node_get_start_column(node)),
                           endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node)))
    }

    /// The enclosing node, nil for the document.
    public var parent: MarkdownNode? { cmark_node_parent(checked).map { MarkdownNode($0, document: document) } }

    /// The direct children, in order.
    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = cmark_node_first_child(checked)
        while let current = child {
            result.append(MarkdownNode(current, document: document))
            child = cmark_node_next(current)
        }
        return result
    }

    /// This node and every node below it, in document order (an explicit stack: any depth).
    public var descendants: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var stack = [checked]
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

    /// The nodes of `kind` in this subtree, in document order.
    public func descendants(ofKind kind: NodeKind) -> [MarkdownNode] {
        descendants.filter { $0.kind == kind }
    }

    /// This subtree rendered as HTML.
    public func renderHTML() -> String { document.renderHTML(of: checked) }
}

extension MarkdownNode: Hashable {
    /// Two views are equal when they show the same node of the same tree.
    public static func == (lhs: MarkdownNode, rhs: MarkdownNode) -> Bool { lhs.pointer == rhs.pointer }

    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }
}

/// What ``MarkdownDocument/rewrite(_:)`` does with a node.
public enum MarkdownEdit: Sendable, Equatable {
    /// Leave the node as it is.
    case keep
    /// Put a block of ready-made HTML in its place (its subtree is freed).
    case replaceWithHTMLBlock(String)
    /// Put ready-made inline HTML in its place (its subtree is freed).
    case replaceWithHTMLInline(String)
    /// Put its children in its place.
    case unwrap
    /// Remove it and its subtree.
    case remove
    /// Change the text of a text node.
    case setLiteral(String)
}
