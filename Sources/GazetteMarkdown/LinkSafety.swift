extension MarkdownDocument {
    /// URL schemes that run code or smuggle content when followed; never emitted.
    static let dangerousSchemes = ["javascript:", "vbscript:", "file:", "data:"]

    /// Whether a link destination would run code or open a local resource.
    public static func isDangerous(url: String) -> Bool {
        let significant = url.unicodeScalars
            .filter { !$0.properties.isWhitespace && $0.value >= 0x20 }
            .map { Character($0) }
        let normalized = String(significant).lowercased()
        return dangerousSchemes.contains { normalized.hasPrefix($0) }
    }

    /// Drops every link whose destination is dangerous, keeping its text, and every such image.
    /// cmark-gfm does this itself only while raw HTML is off; this holds in both modes.
    public func removeDangerousLinks() {
        rewrite { node in
            guard node.kind == .link || node.kind == .image, let url = node.url, Self.isDangerous(url: url) else { return .keep }
            return node.kind == .link ? .unwrap : .remove
        }
    }
}
