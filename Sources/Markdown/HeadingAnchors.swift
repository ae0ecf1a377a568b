extension MarkdownDocument {
    /// Gives every heading an `id` for anchors, from its plain text through `makeID`;
    /// repeated ids get `-2`, `-3`, … so each stays unique in the document.
    public func addHeadingAnchors(makeID: (String) -> String) {
        var used: [String: Int] = [:]
        for node in root.descendants(ofKind: .heading) {
            var id = makeID(node.plainText)
            if id.isEmpty { id = "section" }
            if let count = used[id] {
                used[id] = count + 1
                id += "-\(count + 1)"
            } else {
                used[id] = 1
            }
            let level = node.headingLevel
            let html = node.renderHTML()
            let opening = "<h\(level)>"
            guard html.hasPrefix(opening) else { continue }
            node.replace(withHTMLBlock: "<h\(level) id=\"\(id)\">" + html.dropFirst(opening.count))
        }
    }
}
