extension MarkdownDocument {
    /// Gives every heading an `id` for anchors, from its plain text through `makeID`. Ids stay
    /// unique in the page: an id already taken (by an earlier heading, or listed in `reserved`) gets
    /// `-2`, `-3`, …; an id that starts with one of `reservedPrefixes` (ids the page makes itself,
    /// such as `fn-1` or `graphique-1`) is put under `section-` first.
    /// Returns the headings in order, with their level, id and plain text (for a table of contents).
    @discardableResult
    public func addHeadingAnchors(makeID: (String) -> String, reserved: Set<String> = [],
                                  reservedPrefixes: [String] = []) -> [(level: Int, id: String, text: String)] {
        var used = reserved
        // The next number to try for each base id, so that n headings of one text cost n tries, not n².
        var nextNumber: [String: Int] = [:]
        var headings: [(level: Int, id: String, text: String)] = []
        rewrite { node in
            guard node.kind == .heading else { return .keep }
            var base = makeID(node.plainText)
            if base.isEmpty { base = "section" }
            if reservedPrefixes.contains(where: { base.hasPrefix($0) }) { base = "section-" + base }
            var id = base
            var number = nextNumber[base] ?? 2
            while used.contains(id) {
                id = "\(base)-\(number)"
                number += 1
            }
            nextNumber[base] = number
            used.insert(id)
            let level = node.headingLevel
            headings.append((level, id, node.plainText))
            let html = node.renderHTML()
            let opening = "<h\(level)>"
            guard html.hasPrefix(opening) else { return .keep }
            return .replaceWithHTMLBlock("<h\(level) id=\"\(id)\">" + html.dropFirst(opening.count))
        }
        return headings
    }
}
